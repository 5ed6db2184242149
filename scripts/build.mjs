// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
// dist/ is committed: GitHub runs it, not src/.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const entries = [
  ['src/main.ts', outDir],
  ['src/cli.ts', path.join(outDir, 'cli')],
];

rmSync(outDir, { recursive: true, force: true });
for (const [entry, out] of entries) {
  const result = spawnSync(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

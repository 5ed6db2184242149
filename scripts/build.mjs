// Bundles the action (dist/index.js), its post step (dist/post/index.js) and the CLI (dist/cli/index.js) with ncc.
// dist/ is committed: GitHub runs it, not src/.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const entries = [
  ['src/main.ts', outDir],
  ['src/cli.ts', path.join(outDir, 'cli')],
  // Post step (action.yml `post:`): stops the Ollama server the action started, saves the models cache.
  ['src/post.ts', path.join(outDir, 'post')],
];

rmSync(outDir, { recursive: true, force: true });
// The entries are independent, so they build in parallel.
const build = ([entry, out]) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet'], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
const codes = await Promise.all(entries.map(build));
const failed = codes.find((code) => code !== 0);
if (failed !== undefined) process.exit(failed);

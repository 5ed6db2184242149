// `npm run bench`: compiles src/ and bench/ with the local TypeScript into
// .build/bench/ (gitignored), then runs the orchestrator, which prints the
// results as JSON on stdout and its progress on stderr. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// `node scripts/bench.mjs gate` runs bench/gate.ts instead of the orchestrator (npm run bench:gate; llm likewise).
const script = process.argv[2] ?? 'run';
if (!/^[a-z-]+$/.test(script)) throw new Error(`unknown bench script "${script}"`);
const runner = path.join(root, '.build', 'bench', 'bench', `${script}.js`);

process.stderr.write('[bench] compiling src/ and bench/ → .build/bench/\n');
const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'bench', 'tsconfig.json')], {
  cwd: root,
  encoding: 'utf8',
});
if (compiled.status !== 0) {
  // tsc still emits on type errors (noEmitOnError is off); a half-edited file elsewhere
  // in src/ should not stop a measurement, so show the errors and carry on if output exists.
  process.stderr.write(`[bench] tsc reported errors (exit ${compiled.status}):\n${compiled.stdout}${compiled.stderr}`);
  if (!existsSync(runner)) process.exit(compiled.status ?? 1);
  process.stderr.write('[bench] continuing with the emitted JavaScript\n');
}

const run = spawnSync(process.execPath, [runner], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);

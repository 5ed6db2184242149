/**
 * `coldstart` in `npm run bench`: how long the bundled action takes to its
 * first log line, and to exit, on a one-file workspace with `llm: false`,
 * `baseline: none` and `comment: false`, next to `node -e 0`. Compared: the
 * bundle built from src/ now (scripts/build.mjs into a temp dir, or
 * BENCH_BUNDLE) and the previous one (BENCH_PREVIOUS_BUNDLE, default the
 * committed dist/). The post step (`dist/post/index.js`, nothing to stop)
 * likewise. Rounds (BENCH_COLDSTART_RUNS, 15) rotate the order of the
 * processes, so drift hits them alike.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { envNumber, log, median, round } from './harness.js';

// Run from the repository root (npm run), as bench/faults.ts.
const repoRoot = process.cwd();

function buildCurrent(): { dir: string; cleanup: boolean } {
  if (process.env.BENCH_BUNDLE) return { dir: path.resolve(process.env.BENCH_BUNDLE), cleanup: false };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chimera-coldstart-bundle-'));
  log(`coldstart: bundling src/ into ${dir} (about a minute)…`);
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), dir], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('bundling failed');
  return { dir, cleanup: true };
}

/** Milliseconds from spawn to the first byte on stdout, and to exit. */
function timeRun(args: string[], env: NodeJS.ProcessEnv): Promise<{ first: number; exit: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first: number | undefined;
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.once('data', () => {
      first = performance.now() - t0;
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', () => {
      const exit = performance.now() - t0;
      resolve({ first: first ?? exit, exit });
    });
  });
}

export async function coldStartScenario(root: string) {
  const rounds = Math.round(envNumber('BENCH_COLDSTART_RUNS', 15));
  const previous = path.resolve(process.env.BENCH_PREVIOUS_BUNDLE ?? path.join(repoRoot, 'dist'));
  if (!existsSync(path.join(previous, 'index.js'))) throw new Error(`no previous bundle at ${previous}`);
  const current = buildCurrent();
  const workspace = path.join(root, 'coldstart-ws');
  mkdirSync(path.join(workspace, 'bench'), { recursive: true });
  writeFileSync(path.join(workspace, 'bench', 'runs.csv'), 'model,tokens_s\ngemma3:1b,118\ngemma3:1b,121\n');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(root, 'coldstart-runner'),
    INPUT_PATH: '.',
    INPUT_LLM: 'false',
    INPUT_BASELINE: 'none',
    INPUT_COMMENT: 'false',
  };
  const processes: Record<string, string[]> = {
    'node -e 0': ['-e', '0'],
    'action, previous bundle': [path.join(previous, 'index.js')],
    'action, this bundle': [path.join(current.dir, 'index.js')],
    'post step, previous bundle': [path.join(previous, 'post', 'index.js')],
    'post step, this bundle': [path.join(current.dir, 'post', 'index.js')],
  };
  const names = Object.keys(processes);
  const times: Record<string, { first: number; exit: number }[]> = {};
  log(`coldstart: ${rounds} rounds of ${names.length} processes`);
  try {
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? [...names].reverse() : names;
      for (const name of order) (times[name] ??= []).push(await timeRun(processes[name] as string[], env));
    }
  } finally {
    if (current.cleanup) rmSync(current.dir, { recursive: true, force: true });
  }
  const rows = names.map((name) => {
    const runs = times[name] ?? [];
    return { process: name, firstLogLineMs: round(median(runs.map((t) => t.first)), 0), exitMs: round(median(runs.map((t) => t.exit)), 0) };
  });
  return { rounds, previousBundle: path.relative(repoRoot, previous) || previous, workspace: 'one CSV; llm: false, baseline: none, comment: false', rows };
}

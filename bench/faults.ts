/**
 * `npm run bench:faults`: how long the bundled action takes to EXIT when the
 * network misbehaves (issue 14), one fresh process per fault, all against
 * servers in this process:
 *
 * - `silent-github`: the GitHub API accepts the connection and never answers
 *   (publish-timeout 30s; `silent-github-default-budget`: the default 2m);
 * - `ollama-chat-no-answer`: /api/chat is accepted and never answered (no headers);
 * - `ollama-headers-then-nothing`: /api/chat sends 200 and NDJSON headers, then nothing;
 * - `ollama-endless-ndjson`: /api/chat streams a chunk every 100 ms and never `done`;
 * - `ollama-version-stall`: /api/version is accepted and never answered.
 *
 * For each: seconds from spawn to exit, whether report.md was written, the
 * job summary's size and the warnings (`::warning` lines). A run still alive
 * after BENCH_FAULT_CAP_S (420) is killed and reported as such. The bundle
 * is BENCH_BUNDLE (a directory holding index.js, e.g. an older build to
 * compare with) or one built from src/ with scripts/build.mjs.
 * Inputs per fault are printed with the result, so a run can be repeated by
 * hand. Prints one JSON document on stdout, progress on stderr.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmulator, type EmulatorScript } from '../test/fakes/ollama-emulator.js';
import { startSilentServer } from '../test/fakes/silent-server.js';
import { runActionAsync } from '../test/helpers/run-action.js';

const CAP_S = Number(process.env.BENCH_FAULT_CAP_S ?? 420);
const ONLY = process.env.BENCH_FAULTS?.split(',');
// Run from the repository root (npm run); test/helpers' repoRoot would point into .build/ here.
const repoRoot = process.cwd();
const bundle = process.env.BENCH_BUNDLE ? path.resolve(process.env.BENCH_BUNDLE) : build();

function build(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chimera-faults-bundle-'));
  process.stderr.write(`[bench:faults] bundling src/ into ${dir}\n`);
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), dir], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('bundling failed');
  return dir;
}
const MODEL = { name: 'gemma3:latest' };
const HEAD = 'feedfacecafebeef0000000000000000deadbeef';

interface Fault {
  name: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  setup: () => Promise<{ inputs?: Record<string, string>; env?: Record<string, string>; close: () => Promise<void> }>;
}

async function ollama(script: EmulatorScript) {
  const emulator = await startEmulator({ models: [MODEL], ...script });
  return { inputs: { 'ollama-url': emulator.url }, close: () => emulator.close() };
}

const LLM_INPUTS = { comment: 'false', 'request-timeout': '10s', timeout: '30s' };

const FAULTS: Fault[] = [
  {
    name: 'silent-github',
    inputs: { llm: 'false', 'github-token': 'ghs_bench', 'publish-timeout': '30s' },
    setup: async () => {
      const silent = await startSilentServer();
      return { env: { GITHUB_API_URL: silent.url }, close: () => silent.close() };
    },
  },
  {
    name: 'silent-github-default-budget',
    inputs: { llm: 'false', 'github-token': 'ghs_bench' },
    setup: async () => {
      const silent = await startSilentServer();
      return { env: { GITHUB_API_URL: silent.url }, close: () => silent.close() };
    },
  },
  { name: 'ollama-chat-no-answer', inputs: LLM_INPUTS, setup: () => ollama({ stallPaths: ['/api/chat'] }) },
  { name: 'ollama-headers-then-nothing', inputs: LLM_INPUTS, setup: () => ollama({ replies: [{ content: 'x', headersOnly: true }] }) },
  { name: 'ollama-endless-ndjson', inputs: LLM_INPUTS, setup: () => ollama({ replies: [{ content: 'more tokens', endless: { intervalMs: 100 } }] }) },
  { name: 'ollama-version-stall', inputs: LLM_INPUTS, setup: () => ollama({ stallPaths: ['/api/version'] }) },
];

async function measure(fault: Fault) {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'chimera-faults-'));
  cpSync(path.join(repoRoot, 'examples', 'benchmarks'), path.join(workspace, 'examples', 'benchmarks'), { recursive: true });
  const outDir = path.join(workspace, 'out');
  const servers = await fault.setup();
  const inputs = { path: 'examples/benchmarks', baseline: 'none', 'output-dir': 'out', ...fault.inputs, ...servers.inputs };
  const env = { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1', ...fault.env, ...servers.env };
  process.stderr.write(`[bench:faults] ${fault.name}: starting (cap ${CAP_S} s)\n`);
  const wallStart = Date.now();
  const start = performance.now();
  const run = await runActionAsync(path.join(bundle, 'index.js'), {
    workspace,
    inputs,
    env,
    event: { number: 7, pull_request: { number: 7, head: { sha: HEAD, ref: 'topic' }, base: { ref: 'main' } } },
    timeoutMs: CAP_S * 1000,
  });
  const seconds = (performance.now() - start) / 1000;
  const reportFile = path.join(outDir, 'report.md');
  const result = {
    fault: fault.name,
    inputs,
    env,
    exitSeconds: Number(seconds.toFixed(1)),
    killedAtCap: run.exitCode === -1 || seconds >= CAP_S,
    exitCode: run.exitCode,
    reportWritten: existsSync(reportFile),
    reportWrittenAfterSeconds: existsSync(reportFile) ? Number(((statSync(reportFile).mtimeMs - wallStart) / 1000).toFixed(1)) : null,
    summaryBytes: Buffer.byteLength(run.summary),
    warnings: run.stdout.split('\n').filter((l) => l.startsWith('::warning')).map((l) => l.slice(0, 300)),
  };
  process.stderr.write(`[bench:faults] ${fault.name}: exited after ${result.exitSeconds} s (code ${run.exitCode})\n`);
  await servers.close();
  rmSync(workspace, { recursive: true, force: true });
  return result;
}

// The faults only wait on sockets, so they run side by side.
const results = await Promise.all(FAULTS.filter((f) => !ONLY || ONLY.includes(f.name)).map(measure));
process.stdout.write(`${JSON.stringify({ bundle, capSeconds: CAP_S, results }, null, 2)}\n`);

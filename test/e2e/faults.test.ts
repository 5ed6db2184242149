import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../fakes/ollama-emulator.js';
import { startSilentServer, type SilentServer } from '../fakes/silent-server.js';
import { buildBundle, repoRoot, runActionAsync } from '../helpers/run-action.js';

/**
 * Issue 14, end to end: the bundled action and CLI as separate processes,
 * against network faults served from this process. What counts is that the
 * process EXITS (no socket or timer left holding it) within its budgets plus
 * a margin for starting node and analysing the examples, with the report
 * published. The margin is wide on purpose: this is a bound on hanging, not
 * a speed figure (those are in `npm run bench:faults`).
 */

const HEAD = 'feedfacecafebeef0000000000000000deadbeef';
const MARGIN_MS = 15_000;

let bundle: string;
let workspace: string;
let silent: SilentServer | undefined;
let emulator: RunningEmulator | undefined;

beforeAll(() => {
  bundle = buildBundle();
  workspace = mkdtempSync(path.join(os.tmpdir(), 'chimera-faults-ws-'));
  cpSync(path.join(repoRoot, 'examples', 'benchmarks'), path.join(workspace, 'examples', 'benchmarks'), { recursive: true });
}, 600_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

afterEach(async () => {
  await silent?.close();
  await emulator?.close();
  silent = undefined;
  emulator = undefined;
});

describe('the bundled action against a silent GitHub API and an Ollama that streams without end', () => {
  it('exits within timeout + publish-timeout + margin, with the summary, report.md and both warnings', async () => {
    silent = await startSilentServer();
    emulator = await startEmulator({ models: [{ name: 'gemma3:latest' }], replies: [{ content: 'tokens', endless: { intervalMs: 50 } }] });
    const start = performance.now();
    const run = await runActionAsync(path.join(bundle, 'index.js'), {
      workspace,
      inputs: {
        path: 'examples/benchmarks',
        baseline: 'none',
        'output-dir': 'out-action',
        'github-token': 'ghs_workflow',
        'ollama-url': emulator.url,
        timeout: '2s',
        'request-timeout': '1s',
        'publish-timeout': '2s',
      },
      event: { number: 7, pull_request: { number: 7, head: { sha: HEAD, ref: 'topic' }, base: { ref: 'main' } } },
      env: { GITHUB_API_URL: silent.url, GITHUB_RUN_ID: '6001', GITHUB_RUN_ATTEMPT: '1' },
    });
    const elapsed = performance.now() - start;
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(run.exitCode).toBe(0);
    expect(warnings).toContain("::warning::Narrative fallback: the LLM stage's time budget (timeout: 2 s) ran out; the report below is computed from the files alone.");
    expect(warnings).toContain('::warning::Could not publish the report comment on pull request #7 (the publishing time budget (publish-timeout: 2 s) ran out). The report is in the job summary.');
    expect(run.summary).toContain("> **Narrative not shown:** the LLM stage's time budget (timeout: 2 s) ran out; the report below is computed from the files alone.");
    expect(readFileSync(path.join(workspace, 'out-action', 'report.md'), 'utf8')).toContain('<sub>**Data:** 134 series from 42 files in `examples/benchmarks`');
    expect(run.outputs['report-path']).toBe(path.join(workspace, 'out-action', 'report.md'));
    expect(run.outputs['comment-id']).toBe('');
    expect(emulator.faultsOpen()).toBe(0);
    // It exited because nothing was left running, not because the backstop (exitWhenDone) cut it short.
    expect(run.stdout).not.toContain('Exiting: something that could not be aborted');
    expect(elapsed).toBeLessThan(2000 + 2000 + MARGIN_MS);
  });
});

describe('the bundled CLI against an Ollama whose /api/version and /api/chat never answer', () => {
  it('exits 0 within its deadlines + margin with the report on stdout and the reasons on stderr', async () => {
    emulator = await startEmulator({ models: [{ name: 'gemma3:latest' }], stallPaths: ['/api/version', '/api/chat'] });
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(bundle, 'cli', 'index.js'), 'analyze', 'examples/benchmarks', '--baseline', 'none', '--ollama-url', emulator.url, '--request-timeout', '1s', '--output-dir', 'out-cli', '--format', 'md'], {
      cwd: workspace,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workspace },
      timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    const elapsed = performance.now() - start;
    expect(code).toBe(0);
    expect(stderr).toContain(`warning: Ollama at ${emulator.url} did not tell its version (no data from Ollama for 1 s (request timeout); request aborted); going on without it.`);
    expect(stderr).toContain('warning: Narrative fallback: the model could not be loaded: no data from Ollama for 1 s (request timeout); request aborted');
    expect(stdout).toContain('> **Narrative not shown:** the model could not be loaded: no data from Ollama for 1 s (request timeout); request aborted');
    expect(existsSync(path.join(workspace, 'out-cli', 'report.json'))).toBe(true);
    expect(emulator.faultsOpen()).toBe(0);
    expect(stderr).not.toContain('Exiting: something that could not be aborted');
    // /api/version, then the warm-up chat: two silences of 1 s.
    expect(elapsed).toBeLessThan(2 * 1000 + MARGIN_MS);
  });
});

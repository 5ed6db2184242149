import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Ollama } from 'ollama';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { measuredChat } from '../../src/llm/call.js';
import { readLlmConfig } from '../../src/llm/config.js';
import { ensureServer } from '../../src/llm/server.js';
import { createLlmStage, llmBudgetReason, ollamaFetch, systemDependencies } from '../../src/llm/stage.js';
import { startBudget } from '../../src/util/deadline.js';
import { startEmulator, type EmulatorScript, type RunningEmulator } from '../fakes/ollama-emulator.js';
import { answer, benchReport } from '../helpers/llm.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';

/**
 * Issue 14: a stalled Ollama kept the process alive ~300 s past
 * request-timeout (the request whose headers never came was never aborted,
 * so its socket waited for undici's 300 s limit), /api/version had no
 * deadline at all, and a stream that never sends `done` hung without limit.
 * Every request now goes through ollamaFetch: the silence limit and the
 * stage's budget abort the request itself, which the emulator sees as its
 * connection closing (faultsOpen).
 */

const MODELS = [{ name: 'gemma3:latest' }];
const request = { model: 'gemma3:latest', messages: [{ role: 'user', content: 'Summarise F1.' }] };
const emulators: RunningEmulator[] = [];

async function emulator(script: EmulatorScript): Promise<RunningEmulator> {
  const e = await startEmulator({ models: MODELS, ...script });
  emulators.push(e);
  return e;
}

afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

/** The emulator sees every faulty request's connection closed by the client (within 2 s). */
async function closedByClient(e: RunningEmulator): Promise<boolean> {
  for (let i = 0; i < 40 && e.faultsOpen() > 0; i++) await new Promise((r) => setTimeout(r, 50));
  return e.faultsOpen() === 0;
}

function log() {
  const lines = { info: [] as string[], warning: [] as string[] };
  return { lines, log: { info: (m: string) => lines.info.push(m), warning: (m: string) => lines.warning.push(m), group: () => {} } };
}

const ctx = (timeoutMs: number) => ({ stage: 'report' as const, run: 1, timeoutMs, elapsed: () => performance.now() });

describe('one call to a stalled Ollama', () => {
  it('aborts a chat that is accepted and never answered (no headers) at request-timeout, socket included', async () => {
    const e = await emulator({ stallPaths: ['/api/chat'] });
    const result = await measuredChat(new Ollama({ host: e.url, fetch: ollamaFetch(300) }), request, ctx(300));
    expect(result.call.error).toBe('no data from Ollama for 300 ms (request timeout); request aborted');
    expect(await closedByClient(e)).toBe(true);
  });

  it('aborts a chat that sends its headers and then nothing, socket included', async () => {
    const e = await emulator({ replies: [{ content: 'never sent', headersOnly: true }] });
    const result = await measuredChat(new Ollama({ host: e.url, fetch: ollamaFetch(300) }), request, ctx(300));
    expect(result.call.error).toBe('no data from Ollama for 300 ms (request timeout); request aborted');
    expect(await closedByClient(e)).toBe(true);
  });

  it('ends an endless stream that never sends done when the stage budget runs out, within the budget + 2 s', async () => {
    const e = await emulator({ replies: [{ content: 'more and more tokens', endless: { intervalMs: 20 } }] });
    const budget = startBudget(800, llmBudgetReason(800));
    const start = performance.now();
    const result = await measuredChat(new Ollama({ host: e.url, fetch: ollamaFetch(5000, budget.signal) }), request, ctx(5000));
    const elapsed = performance.now() - start;
    budget.dispose();
    expect(result.call.error).toBe("the LLM stage's time budget (timeout: 800 ms) ran out");
    expect(result.content.startsWith('more and more tokens')).toBe(true);
    expect(await closedByClient(e)).toBe(true);
    expect(elapsed).toBeLessThan(800 + 2000);
  });

  it('goes on without the version, with a warning, when /api/version never answers', async () => {
    const e = await emulator({ stallPaths: ['/api/version'] });
    const { log: l, lines } = log();
    const config = readLlmConfig((n) => ({ 'ollama-url': e.url })[n] ?? '', { workspace: '/' });
    const outcome = await ensureServer(config, {
      fetch: ollamaFetch(300),
      clock: { now: () => 0, sleep: async () => {} },
      log: l,
      env: {},
      tempDir: '/tmp',
      findExecutable: () => undefined,
      freePort: async () => 0,
      start: () => {
        throw new Error('start not expected');
      },
      identify: async () => undefined,
      readTail: () => [],
      stop: async () => {},
    });
    expect(outcome).toEqual({ ok: true, server: { url: e.url, origin: 'input' } });
    expect(lines.warning).toEqual([`Ollama at ${e.url} did not tell its version (no data from Ollama for 300 ms (request timeout); request aborted); going on without it.`]);
    expect(await closedByClient(e)).toBe(true);
  });
});

describe('the LLM stage under its time budget (timeout)', () => {
  async function stage(e: RunningEmulator, inputs: Record<string, string>) {
    const config = readLlmConfig((n) => ({ 'ollama-url': e.url, ...inputs })[n] ?? '', { workspace: '/' });
    const budget = startBudget(config.timeoutMs, llmBudgetReason(config.timeoutMs));
    const { log: l, lines } = log();
    const deps = systemDependencies(l, { requestTimeoutMs: config.requestTimeoutMs, signal: budget.signal });
    return { stage: await createLlmStage(config, deps, () => performance.now(), budget), lines };
  }

  it('publishes without the narrative, saying why, when the model streams without end', async () => {
    const e = await emulator({ replies: [{ content: 'tokens', endless: { intervalMs: 20 } }] });
    const start = performance.now();
    const { stage: s, lines } = await stage(e, { timeout: '1500ms', 'request-timeout': '10s' });
    const report = benchReport();
    await s.narrate?.(report);
    const elapsed = performance.now() - start;
    expect(report.narrative).toEqual({ status: 'fallback', reason: "the LLM stage's time budget (timeout: 1.5 s) ran out; the report below is computed from the files alone." });
    expect(lines.warning).toContain("Narrative fallback: the LLM stage's time budget (timeout: 1.5 s) ran out; the report below is computed from the files alone.");
    expect(report.llm?.calls.map((c) => [c.stage, c.error ?? 'ok'])).toEqual([
      ['warmup', 'ok'],
      ['report', "the LLM stage's time budget (timeout: 1.5 s) ran out"],
    ]);
    expect(await closedByClient(e)).toBe(true);
    expect(elapsed).toBeLessThan(1500 + 2000);
  });

  it('keeps a usable narrative from an earlier run when the budget runs out in a later one, with a note', async () => {
    const e = await emulator({ replies: [{ content: answer({}) }, { content: 'tokens', endless: { intervalMs: 20 } }] });
    const { stage: s, lines } = await stage(e, { timeout: '1500ms', 'request-timeout': '10s', runs: '3' });
    const report = benchReport();
    await s.narrate?.(report);
    expect(report.narrative.status).toBe('generated');
    expect(report.llm?.notes).toContain("Stopped at run 2 of 3: the LLM stage's time budget (timeout: 1.5 s) ran out.");
    expect(lines.warning).toEqual(["Stopped at run 2 of 3: the LLM stage's time budget (timeout: 1.5 s) ran out."]);
    expect(await closedByClient(e)).toBe(true);
  });

  it('skips the narrative with the reason when the budget runs out before the model is ready', async () => {
    const e = await emulator({ stallPaths: ['/api/show'] });
    const { stage: s } = await stage(e, { timeout: '1s', 'request-timeout': '10s' });
    expect(s.narrate).toBeUndefined();
    expect(s.skipped).toEqual({ status: 'skipped', reason: "Could not look up model gemma3:latest: the LLM stage's time budget (timeout: 1 s) ran out. Every number below is computed from the files." });
    expect(await closedByClient(e)).toBe(true);
  });
});

describe('the CLI with --timeout', () => {
  let workspace: string;
  const saved = process.env.OLLAMA_HOST;

  beforeAll(() => {
    workspace = makeTempDir('chimera-llm-deadline-');
    mkdirSync(path.join(workspace, 'reports'));
    writeFileSync(path.join(workspace, 'reports', 'runs.csv'), 'model,tokens_s\ngemma3:1b,100\ngemma3:1b,110\n');
  });

  afterAll(() => {
    removeDir(workspace);
    if (saved === undefined) delete process.env.OLLAMA_HOST;
    else process.env.OLLAMA_HOST = saved;
  });

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const start = performance.now();
    const code = await main(['analyze', 'reports', '--baseline', 'none', '--format', 'md', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: workspace });
    return { code, stdout, stderr, elapsed: performance.now() - start };
  }

  const TABLE_ROW = '| `tokens_s`<br><sub>reports/runs.csv</sub> | model=gemma3:1b | 2 | 105 ± 7.07 tok/s | 6.7% |';

  // Deadline: what ends the stage. The warm-up (an empty chat) is answered except where every chat stalls.
  it.each([
    {
      fault: 'a chat accepted and never answered',
      script: { stallPaths: ['/api/chat'] },
      deadlineMs: 500,
      reason: 'the model could not be loaded: no data from Ollama for 500 ms (request timeout); request aborted',
    },
    {
      fault: 'a chat that sends headers and then nothing',
      script: { replies: [{ content: 'x', headersOnly: true }] },
      deadlineMs: 2 * 500,
      reason:
        'no usable answer from the model (run 1: no data from Ollama for 500 ms (request timeout); request aborted; retry: no data from Ollama for 500 ms (request timeout); request aborted); the report below is computed from the files alone.',
    },
    {
      fault: 'an endless NDJSON stream',
      script: { replies: [{ content: 'tokens', endless: { intervalMs: 20 } }] },
      deadlineMs: 1500,
      reason: "the LLM stage's time budget (timeout: 1.5 s) ran out; the report below is computed from the files alone.",
    },
  ])('ends $fault within its deadline + 2 s, warns, and prints the report', async ({ script, deadlineMs, reason }) => {
    const e = await emulator(script);
    const run = await cli(['--ollama-url', e.url, '--request-timeout', '500ms', '--timeout', '1500ms']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`> **Narrative not shown:** ${reason.replace(/_/g, '\\_')}`);
    expect(run.stdout).toContain(TABLE_ROW);
    expect(run.stderr).toContain(`warning: Narrative fallback: ${reason}`);
    expect(await closedByClient(e)).toBe(true);
    expect(run.elapsed).toBeLessThan(deadlineMs + 2000);
  });

  it('names --timeout when its value is not a duration', async () => {
    let stderr = '';
    const code = await main(['analyze', 'reports', '--timeout', 'soon'], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: workspace });
    expect(code).toBe(2);
    expect(stderr).toBe(`--timeout: "soon" is not a duration (examples: 90s, 2m, 1500ms; a bare number is seconds)\n`);
  });
});

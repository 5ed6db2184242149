import { describe, expect, it } from 'vitest';
import { createNarrator, llmOutputs, retryTemperature } from '../../src/llm/narrate.js';
import { DEFAULT_PERSONA } from '../../src/llm/prompt.js';
import type { LlmConfig } from '../../src/llm/types.js';
import type { Report } from '../../src/model/report.js';
import { MODEL, answer, benchReport, fakeChat, llmConfig, steppingClock, type Scripted } from '../helpers/llm.js';

const WARMUP: Scripted = { final: { done_reason: 'load', load_duration: 2_500_000_000, total_duration: 2_600_000_000, prompt_eval_count: 0, prompt_eval_duration: 0, eval_count: 0, eval_duration: 0 } };
const GOOD = answer({});

function narrate(script: Scripted[], config: Partial<LlmConfig> = {}, origin: 'input' | 'reused' | 'started' = 'started') {
  const client = fakeChat(script);
  const info: string[] = [];
  const warnings: string[] = [];
  const report = benchReport();
  const run = createNarrator({
    client,
    config: llmConfig(config),
    model: MODEL,
    server: { url: 'http://127.0.0.1:41234', origin, version: '0.12.3' },
    elapsed: steppingClock(10),
    log: { info: (m) => info.push(m), warning: (m) => warnings.push(m) },
  });
  return { client, report, info, warnings, done: run(report).then(() => report) };
}

function generated(report: Report) {
  if (report.narrative.status !== 'generated') throw new Error(`expected a generated narrative, got ${report.narrative.status}: ${'reason' in report.narrative ? report.narrative.reason : ''}`);
  return report.narrative;
}

describe('narrate stage', () => {
  it('loads the model with an empty warm-up call, then asks once per run with the fact sheet and the schema', async () => {
    const { client, done } = narrate([WARMUP, { chunks: [GOOD] }]);
    await done;
    const [warm, ask] = client.requests;
    expect(warm).toEqual({ model: 'gemma3:latest', messages: [], stream: true });
    expect(ask?.messages?.map((m) => m.role)).toEqual(['system', 'user']);
    expect(ask?.messages?.[0]?.content.startsWith(DEFAULT_PERSONA)).toBe(true);
    expect(ask?.format).toMatchObject({ required: ['claims', 'recommendations', 'risks'] });
    expect(ask?.options).toEqual({ num_ctx: 2048, num_predict: 600 });
    expect(client.requests).toHaveLength(2);
  });

  it('sets the checked narrative, the facts, the calls and their aggregate on the report', async () => {
    const report = await narrate([WARMUP, { chunks: [GOOD] }]).done;
    expect(generated(report).claims.map((c) => c.statement)).toEqual(['gemma3:1b leads tokens_s by model at 141.90 tok/s (n=9), 1.99× gemma3:4b (71.32 tok/s); beyond the noise (p<0.001)']);
    expect(generated(report).verdict).toBe('No baseline was asked for, so nothing is compared and nothing can fail.');
    expect(report.llm?.facts.map((f) => `${f.id} ${f.kind}`)).toEqual(['F1 gate', 'F2 ranking']);
    expect(report.llm?.calls.map((c) => `${c.stage}:${c.run}`)).toEqual(['warmup:0', 'report:1']);
    expect(report.llm?.calls[0]?.loadMs).toBe(2500);
    expect(report.llm?.aggregate).toMatchObject({ runs: 1, tokensPerSecond: { n: 1, mean: 125 }, totalOutputTokens: 400 });
    expect(report.llm?.server).toEqual({ url: 'http://127.0.0.1:41234', origin: 'started', version: '0.12.3' });
    expect(report.timings.llm).toMatchObject({ loadMs: 2550, promptEvalMs: 300, generationMs: 3200 });
  });

  it('passes the keep-alive and the user options through, with the persona the user gave', async () => {
    const { client, done } = narrate([WARMUP, { chunks: [GOOD] }], { keepAlive: '10m', persona: 'You are terse.', options: { num_gpu: 80, temperature: 0.6, num_ctx: 8192 } });
    await done;
    expect(client.requests[0]).toMatchObject({ keep_alive: '10m' });
    expect(client.requests[1]).toMatchObject({ keep_alive: '10m', options: { num_gpu: 80, temperature: 0.6, num_ctx: 8192, num_predict: 600 } });
    expect(client.requests[1]?.messages?.[0]?.content.startsWith('You are terse.\n\nRules:')).toBe(true);
  });

  it('records and logs a num_ctx raised to fit the prompt', async () => {
    const { report, warnings, done } = narrate([WARMUP, { chunks: [GOOD] }], { options: { num_ctx: 256 } });
    await done;
    expect(report.llm?.numCtxRaisedFrom).toBe(256);
    expect(report.llm?.options.num_ctx).toBe(2048);
    expect(warnings[0]).toMatch(/^num_ctx raised from 256 to 2048 to fit the prompt \(about \d+ tokens\) and num_predict 600\.$/);
  });

  it('retries invalid JSON once at a lower temperature and uses the retry', async () => {
    const { client, report, done } = narrate([WARMUP, { chunks: ['Okay, here is a structured analysis.'] }, { chunks: [GOOD] }], { options: { temperature: 0.6 } });
    await done;
    expect(client.requests[2]?.options).toMatchObject({ temperature: 0.2 });
    expect(report.llm?.calls.map((c) => c.stage)).toEqual(['warmup', 'report', 'retry']);
    expect(generated(report).run).toBe(1);
    expect(report.llm?.notes).toContain('Run 1: the answer was not valid JSON; retried at temperature 0.2.');
  });

  it('falls back to the computed report when the answer is invalid twice', async () => {
    const { report, warnings, done } = narrate([WARMUP, { chunks: ['not json'] }, { chunks: ['{"claims": [{"facts": ["F2"'], final: { done_reason: 'length' } }]);
    await done;
    expect(report.narrative).toEqual({
      status: 'fallback',
      reason: 'no usable answer from the model (run 1: the answer was not valid JSON; retry: the answer was not valid JSON (cut off at num_predict 600)); the report below is computed from the files alone.',
    });
    expect(warnings.at(-1)).toBe(`Narrative fallback: ${report.narrative.status === 'fallback' ? report.narrative.reason : ''}`);
    expect(report.llm?.aggregate?.tokensPerSecond.n).toBe(2);
  });

  it('retries when no claim holds, and says what was dropped', async () => {
    const invented = answer({ claims: [{ facts: ['F2'], relation: 'best', subject: 'gemma3:4b' }, { facts: ['F99'], relation: 'best' }] });
    const { report, done } = narrate([WARMUP, { chunks: [invented] }, { chunks: [GOOD] }]);
    await done;
    expect(report.llm?.notes[0]).toBe('Run 1: no claim held (2 items dropped: 1 claim (a relation the data contradicts), 1 claim (cites a fact that does not exist)); retried at temperature 0.2.');
    expect(generated(report).dropped).toEqual([]);
  });

  it('warns when the first report call evaluated far fewer prompt tokens than were sent', async () => {
    const { report, warnings, done } = narrate([WARMUP, { chunks: [GOOD], final: { prompt_eval_count: 120 } }]);
    await done;
    expect(report.llm?.calls[1]?.truncated).toBe(true);
    expect(warnings[0]).toMatch(/^Ollama evaluated 120 prompt tokens, well under the about \d+ sent: the prompt was probably truncated; num_ctx was 2048\.$/);
  });

  it('names the prompt cache as another cause on a server it did not start', async () => {
    const { warnings, done } = narrate([WARMUP, { chunks: [GOOD], final: { prompt_eval_count: 120 } }], {}, 'reused');
    await done;
    expect(warnings[0]).toContain('probably truncated (or was partly served from the prompt cache of a server that saw it before)');
  });

  it('does not judge truncation on later runs, where the cached prompt prefix makes the count small', async () => {
    const { report, done } = narrate([WARMUP, { chunks: [GOOD] }, { chunks: [GOOD], final: { prompt_eval_count: 12 } }], { runs: 2 });
    await done;
    expect(report.llm?.calls.some((c) => c.truncated)).toBe(false);
    expect(report.llm?.notes).toEqual([]);
  });

  it('measures every run and shows the answer of the run with the fewest dropped items', async () => {
    const chatty = answer({ recommendations: [{ text: 'Do you want me to refine this report?', facts: [] }] });
    const { report, done } = narrate(
      [WARMUP, { chunks: [chatty], final: { eval_duration: 4_000_000_000 } }, { chunks: [GOOD], final: { eval_duration: 3_200_000_000 } }, { chunks: [chatty], final: { eval_duration: 5_000_000_000 } }],
      { runs: 3 },
    );
    await done;
    expect(generated(report).run).toBe(2);
    // 400 tokens in 4.0 s, 3.2 s and 5.0 s.
    expect(report.llm?.aggregate?.tokensPerSecond).toMatchObject({ n: 3, mean: (100 + 125 + 80) / 3 });
    expect(llmOutputs(report)).toEqual({ 'llm-throughput': '101.67', 'llm-ttft-ms': '10.00' });
  });

  it('falls back with the reason when the model cannot be loaded', async () => {
    const { client, report, done } = narrate([{ reject: "model 'gemma3:latest' not found" }]);
    await done;
    expect(report.narrative).toEqual({ status: 'fallback', reason: "the model could not be loaded: model 'gemma3:latest' not found" });
    expect(client.requests).toHaveLength(1);
    expect(report.llm?.aggregate).toBeNull();
    expect(llmOutputs(report)).toEqual({ 'llm-throughput': '', 'llm-ttft-ms': '' });
  });

  it('stops after a run whose call and retry both failed, instead of waiting on a dead server for every run', async () => {
    const { client, report, done } = narrate([WARMUP, { chunks: ['{'], midStreamError: 'llama runner process has terminated' }, { stall: 'open' }], { runs: 3, requestTimeoutMs: 20 });
    await done;
    expect(client.requests).toHaveLength(3);
    expect(report.narrative).toEqual({
      status: 'fallback',
      reason: 'no usable answer from the model (run 1: llama runner process has terminated; retry: no data from Ollama for 20 ms (request timeout); request aborted); the report below is computed from the files alone.',
    });
  });

  it('never throws: a broken client becomes a fallback', async () => {
    const report = benchReport();
    const broken = { chat: () => { throw new TypeError('client.chat is broken'); } };
    await createNarrator({ client: broken, config: llmConfig(), model: MODEL, server: { url: 'x', origin: 'input' }, elapsed: steppingClock(), log: { info: () => undefined, warning: () => undefined } })(report);
    expect(report.narrative).toEqual({ status: 'fallback', reason: 'the model could not be loaded: client.chat is broken' });
  });
});

describe('retry temperature', () => {
  it('is half the configured temperature, at most 0.2', () => {
    expect(retryTemperature({ temperature: 0.3 })).toBe(0.15);
    expect(retryTemperature({ temperature: 1 })).toBe(0.2);
    expect(retryTemperature({})).toBe(0.2);
  });
});

import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { Ollama } from 'ollama';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measuredChat } from '../../src/llm/call.js';
import { createNarrator } from '../../src/llm/narrate.js';
import { startEmulator, type RunningEmulator } from '../fakes/ollama-emulator.js';
import { answer, benchReport, llmConfig, MODEL } from '../helpers/llm.js';

// The official client against the emulator: the stream, the abort and the error lines as ollama-js really delivers them.
let emulator: RunningEmulator;
let client: Ollama;
const MODELS = [{ name: 'gemma3:latest', size: 6e9, sizeVram: 6e9 }];
const request = { model: 'gemma3:latest', messages: [{ role: 'user', content: 'Summarise F1.' }] };
const ctx = (timeoutMs = 5_000) => ({ stage: 'report' as const, run: 1, timeoutMs, elapsed: () => performance.now() });

beforeAll(async () => {
  emulator = await startEmulator({ models: MODELS });
  client = new Ollama({ host: emulator.url });
});
afterAll(async () => {
  await emulator.close();
});

describe('measured call through the official client', () => {
  it('reads tokens/s and token counts from the final chunk', async () => {
    emulator.setScript({ models: MODELS, replies: [{ content: 'one two three four', tokensPerSecond: 50, promptEvalCount: 120 }] });
    const result = await measuredChat(client, request, ctx());
    expect(result.content).toBe('one two three four');
    expect(result.call).toMatchObject({ outputTokens: 4, promptTokens: 120, tokensPerSecond: 50 });
    expect(result.call.error).toBeUndefined();
  });

  it('aborts a stream that stalls and reports the timeout', async () => {
    emulator.setScript({ models: MODELS, replies: [{ content: 'one two three four', stallAfter: 2 }] });
    const result = await measuredChat(client, request, ctx(100));
    expect(result.call.error).toBe('no data from Ollama for 100 ms (request timeout); request aborted');
    expect(result.content).toBe('one two');
  });

  it("ends the call with the server's mid-stream error line", async () => {
    emulator.setScript({ models: MODELS, replies: [{ content: 'one two three', errorAfter: { chunks: 1, message: 'llama runner process has terminated: exit status 2' } }] });
    const result = await measuredChat(client, request, ctx());
    expect(result.call.error).toBe('llama runner process has terminated: exit status 2');
  });

  it('reports a connection that dies mid-stream as a call error', async () => {
    emulator.setScript({ models: MODELS, replies: [{ content: 'one two three', dieAfter: 1 }] });
    const result = await measuredChat(client, request, ctx());
    expect(result.call.error).toBe('the connection to Ollama closed before the answer was complete');
    expect(result.call.tokensPerSecond).toBeNull();
  });

  it('names the reason a server cannot be reached', async () => {
    // A port that was just free: nothing listens on it.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const result = await measuredChat(new Ollama({ host: `http://127.0.0.1:${port}` }), request, ctx());
    expect(result.call.error).toBe(`could not reach Ollama (connect ECONNREFUSED 127.0.0.1:${port})`);
  });

  it('narrates a report end to end: warm-up load, one verified run', async () => {
    emulator.setScript({ models: MODELS, replies: [{ content: answer({}) }] });
    const report = benchReport();
    await createNarrator({ client, config: llmConfig(), model: MODEL, server: { url: emulator.url, origin: 'started' }, elapsed: () => performance.now(), log: { info: () => undefined, warning: () => undefined } })(report);
    expect(report.narrative.status).toBe('generated');
    expect(report.llm?.calls.map((c) => c.stage)).toEqual(['warmup', 'report']);
    expect(report.llm?.calls.some((c) => c.truncated)).toBe(false);
  });
});

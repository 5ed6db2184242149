import type { Ollama } from 'ollama';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { measuredChat, type ChatClient } from '../../src/llm/call.js';
import { fakeChat, steppingClock } from '../helpers/llm.js';

const request = { model: 'gemma3:latest', messages: [{ role: 'user', content: 'hi' }] };

function ctx(timeoutMs = 5_000) {
  return { stage: 'report' as const, run: 1, timeoutMs, elapsed: steppingClock(10) };
}

describe('measured chat call', () => {
  it("accepts the official client's Ollama class as its client", () => {
    expectTypeOf<Ollama>().toMatchTypeOf<ChatClient>();
  });

  it('streams the request and concatenates the content', async () => {
    const client = fakeChat([{ chunks: ['{"a"', ':1}'] }]);
    const result = await measuredChat(client, request, ctx());
    expect(client.requests[0]).toMatchObject({ model: 'gemma3:latest', stream: true });
    expect(result.content).toBe('{"a":1}');
    expect(result.doneReason).toBe('stop');
  });

  it('measures TTFT to the first chunk with content, and converts the server nanoseconds to milliseconds', async () => {
    // Clock reads: start 10, first content 20, end 30.
    const client = fakeChat([{ chunks: ['', 'x', 'y'], final: { eval_count: 400, eval_duration: 3_200_000_000, prompt_eval_count: 900, prompt_eval_duration: 300_000_000, load_duration: 50_000_000, total_duration: 4_200_000_000 } }]);
    const { call } = await measuredChat(client, request, ctx());
    expect(call).toEqual({
      stage: 'report',
      run: 1,
      ttftMs: 10,
      tokensPerSecond: 125,
      promptTokens: 900,
      outputTokens: 400,
      promptEvalMs: 300,
      evalMs: 3200,
      loadMs: 50,
      totalMs: 4200,
      wallMs: 20,
    });
  });

  it('leaves tokens/s empty when the server reports no eval duration', async () => {
    const { call } = await measuredChat(fakeChat([{ chunks: ['x'], final: { eval_count: 0, eval_duration: 0 } }]), request, ctx());
    expect(call.tokensPerSecond).toBeNull();
  });

  it('aborts a stream that stalls after its first chunks and reports the timeout', async () => {
    const client = fakeChat([{ chunks: ['{"exec'], stall: 'stream' }]);
    const result = await measuredChat(client, request, ctx(30));
    expect(result.call.error).toBe('no data from Ollama for 30 ms (request timeout); request aborted');
    expect(client.aborted).toBe(1);
    expect(result.content).toBe('{"exec');
  });

  it('gives up on a request whose stream never opens', async () => {
    const result = await measuredChat(fakeChat([{ stall: 'open' }]), request, ctx(30));
    expect(result.call.error).toBe('no data from Ollama for 30 ms (request timeout); request aborted');
    expect(result.call.ttftMs).toBeNull();
  });

  it('ends the call with the error line the server sent mid-stream', async () => {
    const result = await measuredChat(fakeChat([{ chunks: ['{"a"'], midStreamError: 'llama runner process has terminated: signal: killed' }]), request, ctx());
    expect(result.call.error).toBe('llama runner process has terminated: signal: killed');
    expect(result.call.tokensPerSecond).toBeNull();
  });

  it('reports a refused request as the call error', async () => {
    const result = await measuredChat(fakeChat([{ reject: 'fetch failed' }]), request, ctx());
    expect(result.call.error).toBe('fetch failed');
  });
});

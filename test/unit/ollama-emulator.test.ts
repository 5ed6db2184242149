import { Ollama, type ChatResponse } from 'ollama';
import { afterEach, describe, expect, it } from 'vitest';
import { briefAnswer, startEmulator, type EmulatorScript, type RunningEmulator } from '../fakes/ollama-emulator.js';

/**
 * The emulator backs the end-to-end tests, so it is held to what the real
 * server does as the official client sees it.
 */
const emulators: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function client(script: EmulatorScript) {
  const emulator = await startEmulator(script);
  emulators.push(emulator);
  return { emulator, ollama: new Ollama({ host: emulator.url }) };
}

const MODEL = { name: 'gemma3:latest' };

async function collect(stream: AsyncIterable<ChatResponse>): Promise<ChatResponse[]> {
  const chunks: ChatResponse[] = [];
  for await (const c of stream) chunks.push(c);
  return chunks;
}

describe('ollama emulator', () => {
  it('answers GET / like a running server', async () => {
    const { emulator } = await client({});
    const res = await fetch(`${emulator.url}/`);
    expect(await res.text()).toBe('Ollama is running');
  });

  it('answers show for an unknown model with 404 and the server error text', async () => {
    const { ollama } = await client({ models: [MODEL] });
    await expect(ollama.show({ model: 'llama3' })).rejects.toMatchObject({ status_code: 404, message: "model 'llama3' not found" });
  });

  it('streams a chat word by word and ends with server-side counts and nanosecond durations', async () => {
    const { ollama } = await client({ models: [MODEL], replies: [{ content: '{"summary": "fast"}', tokensPerSecond: 50, promptEvalCount: 400, loadMs: 2000 }] });
    const chunks = await collect(await ollama.chat({ model: 'gemma3:latest', messages: [{ role: 'user', content: 'x' }], format: { type: 'object' }, stream: true }));
    expect(chunks.slice(0, -1).map((c) => c.message.content).join('')).toBe('{"summary": "fast"}');
    expect(chunks.at(-1)).toMatchObject({
      done: true,
      done_reason: 'stop',
      prompt_eval_count: 400,
      prompt_eval_duration: 200_000_000,
      eval_count: 2,
      eval_duration: 40_000_000,
      load_duration: 2_000_000_000,
      total_duration: 2_242_000_000,
    });
  });

  it('reports the prompt cut to num_ctx, as Ollama truncates it', async () => {
    const { ollama } = await client({ models: [MODEL], replies: [{ content: 'ok' }] });
    const chunks = await collect(await ollama.chat({ model: 'gemma3:latest', messages: [{ role: 'user', content: 'x'.repeat(4000) }], options: { num_ctx: 256 }, stream: true }));
    expect(chunks.at(-1)?.prompt_eval_count).toBe(256);
  });

  it('loads the model on an empty chat and lists it in ps', async () => {
    const { ollama } = await client({ models: [MODEL] });
    const chunks = await collect(await ollama.chat({ model: 'gemma3:latest', messages: [], stream: true }));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ done: true, done_reason: 'load', load_duration: 1_200_000_000 });
    expect((await ollama.ps()).models.map((m) => m.name)).toEqual(['gemma3:latest']);
  });

  it('sends a mid-stream error line, which the client throws', async () => {
    const { ollama } = await client({ models: [MODEL], replies: [{ content: 'one two three', errorAfter: { chunks: 1, message: 'llama runner process has terminated' } }] });
    await expect(collect(await ollama.chat({ model: 'gemma3:latest', messages: [{ role: 'user', content: 'x' }], stream: true }))).rejects.toThrow('llama runner process has terminated');
  });

  it('can die mid-stream', async () => {
    const { ollama } = await client({ models: [MODEL], replies: [{ content: 'one two three', dieAfter: 1 }] });
    await expect(collect(await ollama.chat({ model: 'gemma3:latest', messages: [{ role: 'user', content: 'x' }], stream: true }))).rejects.toThrow();
  });

  it('can stall mid-stream until the client aborts', async () => {
    const { ollama } = await client({ models: [MODEL], replies: [{ content: 'one two three', stallAfter: 1 }] });
    const stream = await ollama.chat({ model: 'gemma3:latest', messages: [{ role: 'user', content: 'x' }], stream: true });
    const it = stream[Symbol.asyncIterator]();
    expect((await it.next()).value?.message.content).toBe('one');
    const next = it.next();
    const winner = await Promise.race([next.then(() => 'data'), new Promise((r) => setTimeout(() => r('silence'), 200))]);
    expect(winner).toBe('silence');
    stream.abort();
    await expect(next).rejects.toThrow();
  });

  it('streams /api/generate with the same final counts', async () => {
    const { ollama } = await client({ models: [MODEL], replies: [{ content: 'hello world' }] });
    const chunks = [];
    for await (const c of await ollama.generate({ model: 'gemma3:latest', prompt: 'hi', stream: true })) chunks.push(c);
    expect(chunks.map((c) => c.response).join('')).toBe('hello world');
    expect(chunks.at(-1)).toMatchObject({ done: true, eval_count: 2, eval_duration: 20_000_000 });
  });

  it('answers chat for a missing model with 404', async () => {
    const { ollama } = await client({});
    await expect(ollama.chat({ model: 'gemma3', messages: [{ role: 'user', content: 'x' }], stream: true })).rejects.toMatchObject({ status_code: 404, message: 'model "gemma3" not found, try pulling it first' });
  });
});

describe('the adversarial model', () => {
  const prompt = 'Facts:\nF1 gate: fails\nF2 change: tokens_s (backend=eager) fell −17.5%\nF3 ranking: tokens_s by backend, best first: compiled';

  it('cites facts by the words of their line in the prompt it was sent', () => {
    const brief = { answer: { claims: [{ facts: ['{{fact:tokens_s by backend}}', '{{fact:backend=eager}}'], relation: 'best' }, { facts: ['{{fact:no such line}}'], relation: 'best' }] } };
    expect(briefAnswer(brief, prompt).claims).toEqual([
      { facts: ['F3', 'F2'], relation: 'best' },
      { facts: ['F0'], relation: 'best' },
    ]);
  });

  it('plants one item into the list it names, at the position given or at the end', () => {
    const brief = { answer: { recommendations: [{ text: 'Keep it.' }, { text: 'Run it.' }] }, plant: { list: 'recommendations' as const, item: { text: 'Safe to merge.' }, at: 1 } };
    expect(briefAnswer(brief, prompt)).toEqual({ claims: [], recommendations: [{ text: 'Keep it.' }, { text: 'Safe to merge.' }, { text: 'Run it.' }], risks: [] });
  });

  it('answers a chat with the resolved brief as its streamed JSON', async () => {
    const brief = { answer: { claims: [{ facts: ['{{fact:gate:}}'], relation: 'fails' }] } };
    const { ollama } = await client({ models: [MODEL], replies: [{ content: 'ignored', brief }] });
    const chunks = await collect(await ollama.chat({ model: MODEL.name, messages: [{ role: 'user', content: prompt }], stream: true }));
    expect(JSON.parse(chunks.map((c) => c.message.content).join(''))).toEqual({ claims: [{ facts: ['F1'], relation: 'fails' }], recommendations: [], risks: [] });
  });
});

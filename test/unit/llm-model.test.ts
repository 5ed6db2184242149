import { Ollama } from 'ollama';
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { PullProgress, describeResidency, ensureModel, readResidency } from '../../src/llm/model.js';
import { ollamaFetch } from '../../src/llm/stage.js';
import type { ModelInfo } from '../../src/model/llm.js';
import { startEmulator, type EmulatedModel, type EmulatorScript, type RunningEmulator } from '../fakes/ollama-emulator.js';

const GEMMA: EmulatedModel = {
  name: 'gemma3:latest',
  digest: 'sha256:a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a',
  family: 'gemma3',
  parameterSize: '4.3B',
  quantization: 'Q4_K_M',
  size: 6_169_209_344,
  sizeVram: 6_169_209_344,
  layers: [
    { digest: 'sha256:aeda25e63ebd698fab8638ffb778e68bed908b960d39d0becc650fa981609d25', size: 3_338_800_000 },
    { digest: 'sha256:e0a42594d802e5d31cdc786deb4823edb8adff66094d49de8fffe976d753e348', size: 358 },
  ],
};

const emulators: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function serve(script: EmulatorScript) {
  const emulator = await startEmulator(script);
  emulators.push(emulator);
  return { emulator, client: new Ollama({ host: emulator.url }) };
}

function fakeClock(step = 0) {
  let t = 0;
  return {
    now: () => (t += step),
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

function logLines() {
  const lines = { info: [] as string[], warning: [] as string[] };
  return { lines, log: { info: (m: string) => lines.info.push(m), warning: (m: string) => lines.warning.push(m) } };
}

describe('ensureModel', () => {
  it('uses a model the server has, with digest, size and quantization from show and list', async () => {
    const { client, emulator } = await serve({ models: [GEMMA] });
    const { log, lines } = logLines();
    const outcome = await ensureModel('gemma3:latest', { client, clock: fakeClock(), log, idleTimeoutMs: 5000 });
    expect(outcome).toEqual({
      ok: true,
      pulled: false,
      model: { name: 'gemma3:latest', digest: 'a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a', parameterSize: '4.3B', quantization: 'Q4_K_M', family: 'gemma3' },
    });
    expect(lines.info).toEqual([]);
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/show', 'GET /api/tags', 'GET /api/ps']);
  });

  it('finds `gemma3` listed as gemma3:latest', async () => {
    const { client } = await serve({ models: [GEMMA] });
    const outcome = await ensureModel('gemma3', { client, clock: fakeClock(), log: logLines().log, idleTimeoutMs: 5000 });
    expect(outcome.ok && outcome.model.digest).toBe('a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a');
  });

  it('pulls a missing model, logging percent and MB at each 10% rather than per chunk', async () => {
    const { client, emulator } = await serve({ registry: [GEMMA], pullSteps: 50 });
    const { log, lines } = logLines();
    const outcome = await ensureModel('gemma3:latest', { client, clock: fakeClock(), log, idleTimeoutMs: 5000 });
    expect(outcome.ok && outcome.pulled).toBe(true);
    expect(lines.info).toEqual([
      'Model gemma3:latest is not on the server; pulling it.',
      'Pulling gemma3:latest: 0% (0 of 3339 MB)',
      'Pulling gemma3:latest: 10% (334 of 3339 MB)',
      'Pulling gemma3:latest: 20% (668 of 3339 MB)',
      'Pulling gemma3:latest: 30% (1002 of 3339 MB)',
      'Pulling gemma3:latest: 40% (1336 of 3339 MB)',
      'Pulling gemma3:latest: 50% (1669 of 3339 MB)',
      'Pulling gemma3:latest: 60% (2003 of 3339 MB)',
      'Pulling gemma3:latest: 70% (2337 of 3339 MB)',
      'Pulling gemma3:latest: 80% (2671 of 3339 MB)',
      'Pulling gemma3:latest: 90% (3005 of 3339 MB)',
      'Pulling gemma3:latest: 100% (3339 of 3339 MB)',
      'Pulled gemma3:latest (3339 MB).',
    ]);
    expect(emulator.requests.filter((r) => r.path === '/api/pull').map((r) => r.body)).toEqual([{ name: 'gemma3:latest', stream: true }]);
  });

  it('gives the registry error when the model cannot be pulled', async () => {
    const { client } = await serve({ registry: [] });
    const outcome = await ensureModel('gemma3:27b-typo', { client, clock: fakeClock(), log: logLines().log, idleTimeoutMs: 5000 });
    expect(outcome).toEqual({ ok: false, reason: 'Model gemma3:27b-typo is not on the server and could not be pulled: pull model manifest: file does not exist' });
  });

  it('aborts a pull that stops making progress', async () => {
    const { client } = await serve({ registry: [GEMMA], pullDelayMs: 1000 });
    const outcome = await ensureModel('gemma3:latest', { client, clock: fakeClock(), log: logLines().log, idleTimeoutMs: 100 });
    expect(outcome).toEqual({ ok: false, reason: 'Model gemma3:latest is not on the server and could not be pulled: no progress for 0.1s (request-timeout)' });
  });

  it('reports a server error from show without pulling', async () => {
    const { client, emulator } = await serve({ models: [GEMMA] });
    await emulator.close();
    const outcome = await ensureModel('gemma3:latest', { client, clock: fakeClock(), log: logLines().log, idleTimeoutMs: 5000 });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('Could not look up model gemma3:latest: fetch failed');
  });
});

describe('a server that accepts requests and never answers', () => {
  it('gives up on show after the request timeout instead of hanging', async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as { port: number }).port;
    try {
      const client = new Ollama({ host: `http://127.0.0.1:${port}`, fetch: ollamaFetch(100) });
      const outcome = await ensureModel('gemma3:latest', { client, clock: fakeClock(), log: logLines().log, idleTimeoutMs: 100 });
      expect(outcome).toEqual({ ok: false, reason: 'Could not look up model gemma3:latest: no data from Ollama for 100 ms (request timeout); request aborted' });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('gives up on a pull whose stream never opens', async () => {
    const { emulator } = await serve({ registry: [GEMMA] });
    const hanging = http.createServer((req, res) => {
      if (req.url === '/api/pull') return; // never answers
      req.pipe(http.request(`${emulator.url}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 500, up.headers);
        up.pipe(res);
      }));
    });
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', () => r()));
    try {
      const proxied = new Ollama({ host: `http://127.0.0.1:${(hanging.address() as { port: number }).port}` });
      const outcome = await ensureModel('gemma3:latest', { client: proxied, clock: fakeClock(), log: logLines().log, idleTimeoutMs: 100 });
      expect(outcome).toEqual({ ok: false, reason: 'Model gemma3:latest is not on the server and could not be pulled: no progress for 0.1s (request-timeout)' });
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});

describe('GPU residency', () => {
  it('reads size and size_vram from ps once the model is loaded', async () => {
    const { client, emulator } = await serve({ models: [{ ...GEMMA, sizeVram: 3_084_604_672 }] });
    const model: ModelInfo = { name: 'gemma3' };
    await readResidency(client, model);
    expect(model).toEqual({ name: 'gemma3' });
    emulator.loaded.add('gemma3:latest');
    await readResidency(client, model);
    expect(model).toEqual({ name: 'gemma3', size: 6_169_209_344, sizeVram: 3_084_604_672 });
    expect(describeResidency(model)).toBe('50% on the GPU');
  });

  it('describes full GPU, CPU-only and unknown residency', () => {
    expect(describeResidency({ name: 'm', size: 100, sizeVram: 100 })).toBe('fully on the GPU');
    expect(describeResidency({ name: 'm', size: 100, sizeVram: 0 })).toBe('on the CPU');
    expect(describeResidency({ name: 'm' })).toBeUndefined();
  });
});

describe('PullProgress', () => {
  it('adds a line every 5 s while the percentage moves slowly', () => {
    const lines: string[] = [];
    const clock = fakeClock(3000);
    const progress = new PullProgress('gemma3:latest', clock, { info: (m) => lines.push(m) });
    for (const completed of [0, 10e6, 20e6, 30e6, 40e6]) progress.update({ status: 'pulling aeda25e63ebd', digest: 'sha256:aeda', total: 1000e6, completed });
    expect(lines).toEqual(['Pulling gemma3:latest: 0% (0 of 1000 MB)', 'Pulling gemma3:latest: 2% (20 of 1000 MB)', 'Pulling gemma3:latest: 4% (40 of 1000 MB)']);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server speaking Ollama's REST API as the real server does
 * (docs/api.md): NDJSON streams, nanosecond durations in the final chunk,
 * `/api/pull` progress, 404 `{"error":"model 'x' not found"}` from show,
 * errors as `{"error": …}` lines inside a 200 stream. Scripted per test with
 * plain JSON (the fake `ollama` executable receives it through a file), so
 * it holds no functions.
 */

export interface EmulatedModel {
  name: string;
  digest?: string;
  family?: string;
  parameterSize?: string;
  quantization?: string;
  /** Bytes when loaded; `sizeVram` below it means part of the model runs on the CPU. */
  size?: number;
  sizeVram?: number;
  /** Layers `/api/pull` reports progress for (digest → bytes). */
  layers?: { digest: string; size: number }[];
}

/**
 * The adversarial-model mode: a scripted brief in the narrative's JSON schema
 * that reads the prompt it is sent, as a model would, and plants one untruth.
 * `{{fact:TEXT}}` anywhere in `answer` becomes the id of the first fact line
 * of the prompt containing TEXT (`F0` when none does), so scripts name facts
 * by what they say rather than by an id that depends on the sheet's order.
 */
export interface ScriptedBrief {
  answer: { claims?: unknown[]; recommendations?: unknown[]; risks?: unknown[] };
  plant?: Plant;
}

/** One untruth added to a brief's list, at `at` (default: the end). */
export interface Plant {
  list: 'claims' | 'recommendations' | 'risks';
  item: unknown;
  at?: number;
}

export interface ScriptedReply {
  /** The assistant's whole message; streamed in word-sized chunks. Ignored when `brief` is set. */
  content: string;
  /** Answer as an adversarial model: the brief, resolved against the prompt, with its plant (see ScriptedBrief). */
  brief?: ScriptedBrief;
  /** Tokens per second the final chunk reports (eval_count / eval_duration). Default 100. */
  tokensPerSecond?: number;
  /** Prompt tokens the server reports; default ≈ prompt characters / 4, capped at num_ctx as Ollama truncates. */
  promptEvalCount?: number;
  /** Prompt evaluation speed in tokens per second. Default 2000. */
  promptTokensPerSecond?: number;
  /** load_duration of a call that had to load the model, in ms. Default 1200. */
  loadMs?: number;
  /** Real pause before each chunk, so a client can measure TTFT. Default 0. */
  chunkDelayMs?: number;
  /** After this many chunks send `{"error": message}` and end the stream. */
  errorAfter?: { chunks: number; message: string };
  /** After this many chunks send nothing more and keep the connection open. */
  stallAfter?: number;
  /** After this many chunks destroy the connection mid-stream. */
  dieAfter?: number;
  /** Answer with this HTTP status and `{"error": …}` instead of a stream. */
  httpError?: { status: number; message: string };
  /** Send the stream's headers (200, NDJSON), then nothing, and keep the connection open. */
  headersOnly?: boolean;
  /** Stream a content chunk every `intervalMs` forever, never the final `done` line. */
  endless?: { intervalMs: number };
}

export interface EmulatorScript {
  version?: string;
  /** Models present on the server. */
  models?: EmulatedModel[];
  /** Models `/api/pull` can fetch; any other name fails like the real registry. */
  registry?: EmulatedModel[];
  /** Replies to /api/chat and /api/generate calls that carry a prompt, in order; the last one repeats. */
  replies?: ScriptedReply[];
  /** Pause between pull progress lines, in ms. Default 0. */
  pullDelayMs?: number;
  /** Progress lines per layer. Default 20. */
  pullSteps?: number;
  /** Paths (e.g. `/api/version`) whose requests are read and never answered: no status, no headers. */
  stallPaths?: string[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface RunningEmulator {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Model names currently loaded (what /api/ps lists). */
  loaded: Set<string>;
  setScript(script: EmulatorScript): void;
  /**
   * Scripted faults (stallPaths, headersOnly, endless) whose connection is
   * still open: a client that gave up on one must have closed its socket.
   */
  faultsOpen(): number;
  close(): Promise<void>;
}

const NS_PER_MS = 1e6;

/** `gemma3` and `gemma3:latest` are the same model to Ollama. */
export function normaliseModelName(name: string): string {
  const last = name.split('/').pop() ?? name;
  return last.includes(':') ? name : `${name}:latest`;
}

function fullDigest(model: EmulatedModel): string {
  return model.digest ?? `sha256:${Buffer.from(model.name).toString('hex').padEnd(64, '0').slice(0, 64)}`;
}

function details(model: EmulatedModel) {
  return {
    parent_model: '',
    format: 'gguf',
    family: model.family ?? 'gemma3',
    families: [model.family ?? 'gemma3'],
    parameter_size: model.parameterSize ?? '4.3B',
    quantization_level: model.quantization ?? 'Q4_K_M',
  };
}

/** Word-sized pieces, each one "token" of the stream. */
export function tokenise(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}

/** The fact id whose line in `prompt` contains `text`: how the adversarial model cites facts. */
export function factIdFor(prompt: string, text: string): string {
  const line = prompt.split('\n').find((l) => /^F\d+ /.test(l) && l.includes(text));
  return line?.split(' ')[0] ?? 'F0';
}

/** The brief's answer with its plant placed and every `{{fact:TEXT}}` resolved against `prompt`. */
export function briefAnswer(brief: ScriptedBrief, prompt: string): Record<string, unknown[]> {
  const answer: Record<string, unknown[]> = { claims: [...(brief.answer.claims ?? [])], recommendations: [...(brief.answer.recommendations ?? [])], risks: [...(brief.answer.risks ?? [])] };
  if (brief.plant) {
    const list = answer[brief.plant.list] as unknown[];
    list.splice(brief.plant.at ?? list.length, 0, brief.plant.item);
  }
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(/\{\{fact:(.+?)\}\}/g, (_, text: string) => factIdFor(prompt, text));
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  return resolve(answer) as Record<string, unknown[]>;
}

function promptText(body: Record<string, unknown>): string {
  if (Array.isArray(body.messages)) {
    return (body.messages as { content?: unknown }[]).map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
  }
  return [body.system, body.prompt].filter((x) => typeof x === 'string').join('\n');
}

export interface EmulatorListen {
  host?: string;
  port?: number;
  /** Called for every request, e.g. to write a request log from another process. */
  onRequest?: (request: RecordedRequest) => void;
}

export async function startEmulator(initial: EmulatorScript = {}, listen: EmulatorListen = {}): Promise<RunningEmulator> {
  let script = initial;
  let replyIndex = 0;
  const requests: RecordedRequest[] = [];
  const loaded = new Set<string>();
  const installed = new Map<string, EmulatedModel>();
  const install = (models: EmulatedModel[] | undefined) => {
    installed.clear();
    for (const m of models ?? []) installed.set(normaliseModelName(m.name), m);
  };
  install(script.models);

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const ndjson = (res: http.ServerResponse) => res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  const line = (res: http.ServerResponse, body: unknown) => res.write(`${JSON.stringify(body)}\n`);
  /** Writes one line and waits until it is on the wire, so a test can cut the stream right after it. */
  const flushed = (res: http.ServerResponse, body: unknown) => new Promise<void>((resolve) => res.write(`${JSON.stringify(body)}\n`, () => resolve()));
  const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());
  const notFound = (res: http.ServerResponse, name: string) => json(res, 404, { error: `model '${name}' not found` });

  async function pull(res: http.ServerResponse, body: Record<string, unknown>) {
    const name = String(body.model ?? body.name ?? '');
    const source = (script.registry ?? []).find((m) => normaliseModelName(m.name) === normaliseModelName(name));
    ndjson(res);
    line(res, { status: 'pulling manifest' });
    if (!source) {
      line(res, { error: 'pull model manifest: file does not exist' });
      res.end();
      return;
    }
    const layers = source.layers ?? [{ digest: fullDigest(source), size: 3_338_801_804 }];
    const steps = script.pullSteps ?? 20;
    for (const layer of layers) {
      for (let step = 0; step <= steps; step++) {
        await sleep(script.pullDelayMs ?? 0);
        const completed = Math.round((layer.size * step) / steps);
        line(res, { status: `pulling ${layer.digest.replace('sha256:', '').slice(0, 12)}`, digest: layer.digest, total: layer.size, ...(step > 0 ? { completed } : {}) });
      }
    }
    for (const status of ['verifying sha256 digest', 'writing manifest', 'success']) line(res, { status });
    installed.set(normaliseModelName(source.name), source);
    res.end();
  }

  async function answer(res: http.ServerResponse, body: Record<string, unknown>, kind: 'chat' | 'generate') {
    const name = String(body.model ?? '');
    const model = installed.get(normaliseModelName(name));
    if (!model) {
      json(res, 404, { error: `model "${name}" not found, try pulling it first` });
      return;
    }
    const stream = body.stream !== false;
    const wasLoaded = loaded.has(normaliseModelName(name));
    loaded.add(normaliseModelName(name));
    const hasPrompt = kind === 'chat' ? Array.isArray(body.messages) && body.messages.length > 0 : typeof body.prompt === 'string' && body.prompt !== '';
    const created_at = new Date().toISOString();
    if (!hasPrompt) {
      // An empty request only loads the model, as the API documents for warm-up.
      const loadNs = wasLoaded ? 0 : (script.replies?.[0]?.loadMs ?? 1200) * NS_PER_MS;
      const done = { model: name, created_at, done: true, done_reason: 'load', ...(kind === 'chat' ? { message: { role: 'assistant', content: '' } } : { response: '' }), total_duration: loadNs + 1e5, load_duration: loadNs };
      if (stream) {
        ndjson(res);
        line(res, done);
        res.end();
      } else json(res, 200, done);
      return;
    }
    const replies = script.replies ?? [];
    const reply: ScriptedReply = replies[Math.min(replyIndex, replies.length - 1)] ?? { content: 'ok' };
    replyIndex += 1;
    if (reply.httpError) {
      json(res, reply.httpError.status, { error: reply.httpError.message });
      return;
    }
    const options = (body.options ?? {}) as Record<string, unknown>;
    const numCtx = typeof options.num_ctx === 'number' ? options.num_ctx : 2048;
    const promptTokens = reply.promptEvalCount ?? Math.min(Math.ceil(promptText(body).length / 4), numCtx);
    const content = reply.brief ? JSON.stringify(briefAnswer(reply.brief, promptText(body))) : reply.content;
    const tokens = tokenise(content);
    const evalNs = Math.round((tokens.length / (reply.tokensPerSecond ?? 100)) * 1e9);
    const promptNs = Math.round((promptTokens / (reply.promptTokensPerSecond ?? 2000)) * 1e9);
    const loadNs = wasLoaded ? 80_000 : (reply.loadMs ?? 1200) * NS_PER_MS;
    const piece = (content: string) =>
      kind === 'chat' ? { model: name, created_at, message: { role: 'assistant', content }, done: false } : { model: name, created_at, response: content, done: false };
    const final = {
      ...piece(''),
      done: true,
      done_reason: 'stop',
      total_duration: loadNs + promptNs + evalNs + 2_000_000,
      load_duration: loadNs,
      prompt_eval_count: promptTokens,
      prompt_eval_duration: promptNs,
      eval_count: tokens.length,
      eval_duration: evalNs,
    };
    if (!stream) {
      json(res, 200, kind === 'chat' ? { ...final, message: { role: 'assistant', content } } : { ...final, response: content });
      return;
    }
    ndjson(res);
    if (reply.headersOnly || reply.endless) fault(res);
    if (reply.headersOnly) {
      res.flushHeaders();
      return; // left open until the client gives up
    }
    if (reply.endless) {
      // Until the client goes away: the emulator's close() destroys the socket, which ends the loop.
      for (let i = 0; !res.destroyed; i++) {
        await flushed(res, piece(tokens[i % Math.max(1, tokens.length)] ?? ' ok'));
        await sleep(reply.endless.intervalMs);
      }
      return;
    }
    for (let i = 0; i < tokens.length; i++) {
      if (reply.errorAfter && i === reply.errorAfter.chunks) {
        line(res, { error: reply.errorAfter.message });
        res.end();
        return;
      }
      if (reply.stallAfter !== undefined && i === reply.stallAfter) return; // left open until the client gives up
      if (reply.dieAfter !== undefined && i === reply.dieAfter) {
        res.socket?.destroy();
        return;
      }
      await sleep(reply.chunkDelayMs ?? 0);
      await flushed(res, piece(tokens[i] as string));
    }
    line(res, final);
    res.end();
  }

  function ps() {
    return {
      models: [...loaded].flatMap((name) => {
        const m = installed.get(name);
        if (!m) return [];
        const size = m.size ?? 6_169_209_344;
        return [{ name: m.name, model: m.name, size, digest: fullDigest(m).replace('sha256:', ''), details: details(m), expires_at: new Date(Date.now() + 300_000).toISOString(), size_vram: m.sizeVram ?? size }];
      }),
    };
  }

  const faulty = new Set<http.ServerResponse>();
  /** Tracks a response the script stalls or streams forever until its connection closes. */
  const fault = (res: http.ServerResponse) => {
    faulty.add(res);
    res.on('close', () => faulty.delete(res));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      if (raw) {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          json(res, 400, { error: 'invalid character in request body' });
          return;
        }
      }
      const url = new URL(req.url ?? '/', 'http://emulator');
      const recorded = { method: req.method ?? 'GET', path: url.pathname, body };
      requests.push(recorded);
      listen.onRequest?.(recorded);
      // Read, never answered: the client's own deadline is all that ends the request.
      if (script.stallPaths?.includes(url.pathname)) return fault(res);
      const route = `${req.method} ${url.pathname}`;
      const done = (p: Promise<void>) => p.catch(() => res.destroy());
      switch (route) {
        case 'GET /':
        case 'HEAD /':
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Ollama is running');
          return;
        case 'GET /api/version':
          json(res, 200, { version: script.version ?? '0.12.6' });
          return;
        case 'GET /api/tags':
          json(res, 200, {
            models: [...installed.values()].map((m) => ({
              name: normaliseModelName(m.name),
              model: normaliseModelName(m.name),
              modified_at: '2025-11-14T18:53:30.123456789Z',
              size: m.size ?? 3_338_801_804,
              digest: fullDigest(m).replace('sha256:', ''),
              details: details(m),
            })),
          });
          return;
        case 'POST /api/show': {
          const name = String(body.model ?? body.name ?? '');
          const m = installed.get(normaliseModelName(name));
          if (!m) return notFound(res, name);
          json(res, 200, {
            license: 'Gemma Terms of Use',
            modelfile: `FROM ${name}`,
            parameters: 'stop "<end_of_turn>"\ntemperature 1',
            template: '{{ .Prompt }}',
            details: details(m),
            model_info: { 'general.architecture': m.family ?? 'gemma3', 'general.parameter_count': 4_299_915_632 },
            capabilities: ['completion'],
            modified_at: '2025-11-14T18:53:30.123456789Z',
          });
          return;
        }
        case 'POST /api/pull':
          done(pull(res, body));
          return;
        case 'GET /api/ps':
          json(res, 200, ps());
          return;
        case 'POST /api/chat':
          done(answer(res, body, 'chat'));
          return;
        case 'POST /api/generate':
          done(answer(res, body, 'generate'));
          return;
        default:
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('404 page not found');
      }
    });
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, listen.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    loaded,
    faultsOpen: () => faulty.size,
    setScript(next) {
      script = next;
      replyIndex = 0;
      install(next.models);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

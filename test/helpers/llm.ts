import type { ChatRequest, ChatResponse } from 'ollama';
import type { ChatClient, ChatStream } from '../../src/llm/call.js';
import type { LlmConfig } from '../../src/llm/types.js';
import type { ModelInfo } from '../../src/model/llm.js';
import type { Series } from '../../src/model/series.js';
import { summariseInventory } from '../../src/discover/inventory.js';
import type { FileEntry, Report } from '../../src/model/report.js';
import { computeFindings } from '../../src/findings/findings.js';

export function series(partial: Partial<Series> & Pick<Series, 'metric'>): Series {
  return {
    id: `${partial.file ?? 'results.csv'}::${partial.metric}`,
    file: 'results.csv',
    labels: {},
    unit: '',
    direction: 'none',
    directionSource: 'inferred',
    source: 'samples',
    stats: { n: 3, mean: 10, sd: 1, cv: 10, min: 9, p50: 10, p95: 10.9, p99: 10.98, max: 11, approximate: false },
    outliers: [],
    samples: [9, 10, 11],
    ...partial,
  };
}

export function file(path: string, extra: Partial<FileEntry> = {}): FileEntry {
  return { path, type: 'csv', size: 100, status: 'parsed', document: false, adapter: 'csv', series: 1, rows: 3, excludedRows: 0, problems: [], problemCount: 0, ...extra };
}

export function report(seriesList: Series[], files: FileEntry[] = [file('results.csv', { series: seriesList.length })]): Report {
  return {
    schemaVersion: 1,
    tool: 'chimera-insight',
    toolVersion: '0.1.0',
    generatedAt: '2026-11-22T08:30:00.000Z',
    root: 'bench',
    inventory: summariseInventory(files, { checkout: false, shallow: false }),
    series: seriesList,
    experiments: { replicateGroups: [], factors: [], seriesBeforePooling: 0 },
    findings: [],
    narrative: { status: 'skipped', reason: 'not asked yet' },
    timings: { discoverMs: 12, parseMs: 30, analyzeMs: 4, renderMs: 0 },
    config: { path: 'bench' },
  };
}

/** tokens_s for two models and a TTFT, with its findings (F2 ranks the two models): the report most tests narrate. */
export function benchReport(): Report {
  const r = report([
    series({
      metric: 'tokens_s',
      unit: 'tok/s',
      direction: 'higher',
      labels: { model: 'gemma3:1b' },
      id: 'results.csv::tokens_s::model=gemma3:1b',
      stats: { n: 9, mean: 141.9, sd: 1.96, cv: 1.38, min: 139.43, p50: 141.54, p95: 144.37, p99: 144.64, max: 144.71, approximate: false },
    }),
    series({
      metric: 'tokens_s',
      unit: 'tok/s',
      direction: 'higher',
      labels: { model: 'gemma3:4b' },
      id: 'results.csv::tokens_s::model=gemma3:4b',
      stats: { n: 8, mean: 71.32, sd: 0.774, cv: 1.09, min: 70.24, p50: 71.5, p95: 72.24, p99: 72.28, max: 72.29, approximate: false },
    }),
    series({
      metric: 'ttft_ms',
      unit: 'ms',
      direction: 'lower',
      stats: { n: 9, mean: 512.4, sd: 20.5, cv: 4.0, min: 480, p50: 510, p95: 540, p99: 545, max: 546, approximate: false },
    }),
  ]);
  r.findings = computeFindings({ series: r.series, files: r.inventory.files, confidence: 0.95 });
  return r;
}

export function llmConfig(extra: Partial<LlmConfig> = {}): LlmConfig {
  return {
    enabled: true,
    model: 'gemma3:latest',
    cacheModels: false,
    options: {},
    startTimeoutMs: 30_000,
    requestTimeoutMs: 5_000,
    timeoutMs: 600_000,
    persona: '',
    language: 'English',
    runs: 1,
    gateThroughput: false,
    ...extra,
  };
}

export const MODEL: ModelInfo = {
  name: 'gemma3:latest',
  digest: 'sha256:a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a',
  parameterSize: '4.3B',
  quantization: 'Q4_K_M',
  sizeVram: 6_000_000_000,
  size: 6_000_000_000,
};

/** One scripted answer of the fake server. */
export interface Scripted {
  /** Content pieces, one chunk each. */
  chunks?: string[];
  /** Fields of the final (done) chunk; nanoseconds as Ollama sends them. */
  final?: Partial<ChatResponse>;
  /** Thrown by the iterator after the chunks, as ollama-js does for an `{"error": …}` line. */
  midStreamError?: string;
  /** `chat()` rejects (connection refused, 404 for a missing model). */
  reject?: string;
  /** Never resolves: before the stream opens, or after the chunks. */
  stall?: 'open' | 'stream';
}

export const FINAL_NS = {
  total_duration: 4_200_000_000,
  load_duration: 50_000_000,
  prompt_eval_count: 900,
  prompt_eval_duration: 300_000_000,
  eval_count: 400,
  eval_duration: 3_200_000_000,
};

function chunk(content: string, done: boolean, extra: Partial<ChatResponse> = {}): ChatResponse {
  return {
    model: 'gemma3:latest',
    created_at: new Date(0),
    message: { role: 'assistant', content },
    done,
    done_reason: done ? 'stop' : '',
    total_duration: 0,
    load_duration: 0,
    prompt_eval_count: 0,
    prompt_eval_duration: 0,
    eval_count: 0,
    eval_duration: 0,
    ...extra,
  };
}

export interface FakeChat extends ChatClient {
  requests: ChatRequest[];
  aborted: number;
}

/** A chat client that plays `script` one entry per call, shaped like ollama-js's streamed ChatResponse chunks. */
export function fakeChat(script: Scripted[]): FakeChat {
  const queue = [...script];
  const fake: FakeChat = {
    requests: [],
    aborted: 0,
    async chat(request) {
      fake.requests.push(request);
      const step = queue.shift();
      if (!step) throw new Error('fake server: no scripted answer left');
      if (step.reject) throw new Error(step.reject);
      if (step.stall === 'open') return new Promise<ChatStream>(() => undefined);
      let aborted = false;
      const stream: ChatStream = {
        abort() {
          aborted = true;
          fake.aborted++;
        },
        async *[Symbol.asyncIterator]() {
          for (const piece of step.chunks ?? []) {
            if (aborted) throw new Error('This operation was aborted');
            yield chunk(piece, false);
          }
          if (step.midStreamError) throw new Error(step.midStreamError);
          if (step.stall === 'stream') await new Promise(() => undefined);
          yield chunk('', true, { ...FINAL_NS, ...step.final });
        },
      };
      return stream;
    },
  };
  return fake;
}

/** A clock that moves 10 ms every time it is read, so measured spans are whole and predictable. */
export function steppingClock(step = 10): () => number {
  let now = 0;
  return () => (now += step);
}

/** A model answer in the schema's shape, as JSON text: by default every item holds on benchReport(). */
export function answer(parts: { claims?: unknown[]; recommendations?: unknown[]; risks?: unknown[] }): string {
  return JSON.stringify({
    claims: [{ facts: ['F2'], relation: 'best', subject: 'gemma3:1b', interpretation: 'The gemma3:1b model is the one to try first for chat.' }],
    recommendations: [
      { text: 'Prefer gemma3:1b where its answer quality is enough.', facts: ['F2'] },
      { text: 'Keep an eye on TTFT for long prompts.', facts: [] },
      { text: 'Measure answer quality next to speed.', facts: [] },
    ],
    risks: [
      { risk: 'Answer quality of gemma3:1b is not measured here.', mitigation: 'Score answers on a fixed evaluation set.', facts: ['F2'] },
      { risk: 'Run-to-run noise hides small changes.', mitigation: 'Keep the number of runs per model fixed.', facts: [] },
    ],
    ...parts,
  });
}

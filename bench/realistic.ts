/**
 * A generated repository shaped like a real LLM-benchmarking repository of
 * about 1,000 files (issue 10): per-model per-prompt CSV runs, JSON summaries,
 * a runtime experiment in `<variant>/<config>/run_k/` folders, a parameter
 * sweep, sibling files that differ by one token, timestamped run folders, and
 * the noise around them (hundreds of Markdown notes, configs, broken files,
 * deep nesting). Deterministic for a seed, written file by file, and returned
 * with its ground truth: every number in the manifest is computed from the
 * values as written (after rounding), so tests can assert them exactly.
 *
 *   node generate.js realistic <dir> [files]   → RealisticManifest JSON on stdout
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { noisy, pick, rng } from './rng.js';

export interface RealisticOptions {
  /** Total files to write (default 1,000). The planted structures are fixed; the noise fills the rest. */
  files?: number;
  seed?: number;
}

export type RealisticKind =
  | 'experiment-summary'
  | 'experiment-metrics'
  | 'sweep-csv'
  | 'workload-csv'
  | 'sibling-csv'
  | 'replicate-csv'
  | 'timestamped-run'
  | 'deep-table'
  | 'broken'
  | 'per-prompt-csv'
  | 'json-summary'
  | 'config-json'
  | 'config-yaml'
  | 'markdown-prose'
  | 'markdown-table';

export type Direction = 'higher' | 'lower';

export interface Stat {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); null for a single value. */
  sd: number | null;
}

export interface LevelStat extends Stat {
  value: string;
}

export interface ExperimentCellTruth extends Stat {
  variant: string;
  config: string;
}

export interface RealisticExperiment {
  /** The experiment's root, relative to the tree: `<dir>/<variant>/<config>/<run>/summary.json`. */
  dir: string;
  variants: string[];
  configs: string[];
  runs: string[];
  summaryFile: 'summary.json';
  /**
   * A second file in some run folders holding the same numbers under other
   * keys: separate series, never pooled with summary.json.
   */
  metricsFile: { name: 'metrics.json'; configs: string[]; files: number; keys: Record<string, string> };
  /** The model every summary.json names (a string field, not a factor). */
  model: string;
  metrics: Record<string, { direction: Direction; byVariant: LevelStat[]; byCell: ExperimentCellTruth[] }>;
  /**
   * tokens/s pooled over every config and run (n = configs × runs per
   * variant): the fastest variant, its mean over each other variant's mean,
   * and per config (n = 5 each) the fastest variant and its smallest ratio.
   */
  fastest: {
    metric: 'tokens_per_second';
    variant: string;
    n: number;
    ratioTo: Record<string, number>;
    minRatio: number;
    perConfig: Record<string, { variant: string; minRatio: number }>;
  };
}

export interface RealisticMainEffect {
  /** With the geometric mean of each level's values: a sweep quotes that one, as its test is on the log scale. */
  levels: (LevelStat & { geometricMean: number })[];
  best: string;
  worst: string;
  bestOverWorst: number;
  rangePct: number;
}

export interface RealisticSweep {
  file: string;
  rows: number;
  factors: string[];
  metrics: Record<string, {
    direction: Direction;
    rows: number;
    mean: number;
    best: { config: Record<string, string>; value: number };
    worst: { config: Record<string, string>; value: number };
    factors: Record<string, RealisticMainEffect>;
  }>;
}

export interface SiblingGroup {
  dir: string;
  /** The file name with the differing token as `{}`; a member without the token has `token: null`. */
  pattern: string;
  columns: string[];
  members: { file: string; token: string | null; metrics: Record<string, Stat> }[];
}

export interface WorkloadTable {
  file: string;
  /** The configuration column (quantization tag). */
  tagColumn: string;
  /** The free-text workload column: one value per item, repeated for every tag. */
  promptColumn: string;
  prompts: number;
  tags: string[];
  /** Rows ordered by tag (all prompts of a tag together) or interleaved (each prompt across the tags). */
  order: 'by-tag' | 'by-prompt';
  metrics: Record<string, LevelStat[]>;
}

export interface ReplicateGroup {
  /** The files' common path with the replicate segment as `*`. */
  id: string;
  files: string[];
  /** Every numeric field or column, pooled over the group's files. */
  metrics: Record<string, Stat>;
}

export interface TimestampedRuns {
  dir: string;
  file: string;
  folders: string[];
  perRun: { folder: string; rows: number; tokens_s: { backend: string; batch_size: string; n: number; mean: number; sd: number | null }[] }[];
}

export interface RealisticManifest {
  kind: 'realistic';
  dir: string;
  seed: number;
  files: number;
  bytes: number;
  byExtension: Record<string, number>;
  byKind: Record<RealisticKind, number>;
  /** Every file written, relative to `dir` with `/` separators, in writing order. */
  list: { path: string; kind: RealisticKind; bytes: number }[];
  broken: { path: string; reason: string }[];
  deep: { path: string; depth: number }[];
  experiment: RealisticExperiment;
  sweep: RealisticSweep;
  siblings: SiblingGroup[];
  workloads: WorkloadTable[];
  replicateGroups: ReplicateGroup[];
  timestampedRuns: TimestampedRuns;
  /**
   * Only the structures above are planted. The filler (per-prompt CSVs, JSON
   * summaries, configs, notes) is realistic noise and may form incidental
   * series, histories or sibling groups of its own.
   */
  note: string;
}

// ---------------------------------------------------------------------------
// Statistics of the values as written (independent of test/helpers/truth.ts).

function stat(values: readonly number[]): Stat {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? null : Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd };
}

/** A value rounded as it is written, and that written text. */
function written(x: number, digits: number): { text: string; value: number } {
  const text = x.toFixed(digits);
  return { text, value: Number(text) };
}

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

// ---------------------------------------------------------------------------
// The models and workloads the repository benchmarks.

interface ModelSpec {
  family: string;
  tag: string;
  slug: string;
  tps: number;
  ttft: number;
  tokens: number;
}

const MODELS: ModelSpec[] = [
  { family: 'gemma3', tag: 'gemma3:270m', slug: 'gemma3_270m', tps: 291, ttft: 58, tokens: 190 },
  { family: 'gemma3', tag: 'gemma3:1b', slug: 'gemma3_1b', tps: 141, ttft: 164, tokens: 240 },
  { family: 'gemma3', tag: 'gemma3:4b', slug: 'gemma3_4b', tps: 71.5, ttft: 371, tokens: 280 },
  { family: 'gemma3', tag: 'gemma3:12b', slug: 'gemma3_12b', tps: 31.2, ttft: 822, tokens: 300 },
  { family: 'llama3.2', tag: 'llama3.2:1b', slug: 'llama3.2_1b', tps: 152, ttft: 149, tokens: 230 },
  { family: 'llama3.2', tag: 'llama3.2:3b', slug: 'llama3.2_3b', tps: 88.4, ttft: 258, tokens: 260 },
  { family: 'llama3.1', tag: 'llama3.1:8b', slug: 'llama3.1_8b', tps: 47.9, ttft: 512, tokens: 320 },
  { family: 'qwen2.5', tag: 'qwen2.5:0.5b', slug: 'qwen2.5_0.5b', tps: 212, ttft: 88, tokens: 210 },
  { family: 'qwen2.5', tag: 'qwen2.5:7b', slug: 'qwen2.5_7b', tps: 44.1, ttft: 566, tokens: 340 },
  { family: 'mistral', tag: 'mistral:7b', slug: 'mistral_7b', tps: 45.6, ttft: 541, tokens: 310 },
];

const model = (slug: string): ModelSpec => {
  const m = MODELS.find((x) => x.slug === slug);
  if (!m) throw new Error(`unknown model ${slug}`);
  return m;
};

const PROMPT_IDS = ['summarise-log', 'explain-kv-cache', 'write-sql', 'translate-fr', 'review-diff', 'plan-trip', 'math-proof', 'json-extract', 'rag-answer', 'refactor-fn'];

/** Four workload sets of five long free-text prompts (our own), some with commas or quotes so they are quoted in CSV. */
const PROMPT_SETS: string[][] = [
  [
    'Summarise the attached postmortem in five bullet points, keeping every timestamp and the name of each affected service.',
    'Explain to a new team member why the p99 latency of the ingest service doubled after the last deploy.',
    'Draft a polite reply to a customer who reports that exported invoices are missing the VAT number.',
    'List the risks of upgrading the database driver during the holiday freeze, and how to mitigate each one.',
    'Rewrite this paragraph about the on-call rotation so that it reads clearly for people outside the team.',
  ],
  [
    'Write a Python function that merges overlapping time intervals and explain its complexity in two sentences.',
    'Find the bug in this Go snippet: the worker pool sometimes exits before all jobs are drained.',
    'Convert this SQL query to use a window function instead of a correlated subquery, keeping the same result order.',
    'Explain what "undefined behaviour" means in C, with one example that compilers really exploit.',
    'Generate unit tests for a function that parses ISO 8601 durations such as P1DT2H and PT45M.',
  ],
  [
    'What is the difference between a process and a thread, and when would you prefer one over the other?',
    'Why does a larger context window slow down token generation on the same GPU?',
    'How does quantization to four bits change the quality of a language model, in practical terms?',
    'Which factors decide the time to first token when a model is already loaded in memory?',
    'When is it worth batching requests to a local inference server, and when does it hurt latency?',
  ],
  [
    'Read the following support ticket and classify it as billing, bug, feature request or other; answer with one word.',
    'Extract every date, amount and counterparty from this bank statement line: "2025-09-14 CARD 42.10 EUR Bakery Rossi".',
    'Translate the release notes below into Spanish, keeping product names and version numbers unchanged.',
    'Given the table of GPU prices below, recommend one card for a small lab and justify the choice briefly.',
    'Turn these meeting notes into a checklist of action items, each with an owner and a due date.',
  ],
];

// ---------------------------------------------------------------------------
// Markdown prose: our own sentences, recombined.

const TOPICS = [
  'methodology', 'hardware', 'quantization', 'context-length', 'batching', 'warm-up', 'driver-updates', 'thermal-throttling',
  'prompt-sets', 'kv-cache', 'flash-attention', 'cuda-graphs', 'torch-compile', 'memory-budget', 'reproducibility', 'ci-runners',
  'model-selection', 'serving-setup', 'latency-targets', 'cost-estimates', 'open-questions', 'glossary', 'troubleshooting', 'roadmap',
];

const SENTENCES = [
  'Each configuration ran five times after one unmeasured warm-up request.',
  'The GPU clocks were not locked, so expect a few percent of drift between days.',
  'We keep the raw outputs next to the summaries so that every number can be traced back.',
  'Time to first token includes prompt evaluation but not the model load.',
  'Throughput is measured on the decode phase only, in generated tokens per second.',
  'A longer context makes every decode step read a larger KV cache, which costs bandwidth.',
  'Quantized weights reduce memory traffic, which is why the smaller formats decode faster.',
  'The first request after a model switch pays for loading the weights from disk.',
  'Runs on the shared runner are noisier than runs on the dedicated machine.',
  'Nothing in this folder is used by the CI gate; it is kept for reference.',
  'The prompt set mixes short factual questions with long summarisation tasks.',
  'When two runs disagree by more than five percent we rerun both.',
  'Fan noise is not a metric, but the second card did reach its thermal limit twice.',
  'We switched the driver in September; results before that are not directly comparable.',
  'Batching helps throughput a lot and hurts the latency of the first request a little.',
  'The compiled runtime needs a few minutes of compilation before the first measurement.',
  'Please record the exact model digest with every result you add here.',
  'These notes describe what we did, not what anyone should do in production.',
  'Memory figures are peak allocations reported by the runtime, not by nvidia-smi.',
  'A sweep over every option would take days, so we vary two or three at a time.',
  'Temperature changes what the model writes, not how fast it writes it.',
  'Offloading fewer layers to the GPU moves work to the CPU and slows everything down.',
  'We did not tune the number of threads; the defaults were used throughout.',
  'Questions about these results go to the performance channel.',
  'This page will move to the wiki once the layout settles.',
  'Long prompts are truncated to the context window without a warning, so check the logs.',
  'The results folder is append-only: corrections get a new file and a note.',
  'Some early runs used a different prompt template and are kept only for history.',
];

const COMMANDS = [
  'ollama run gemma3:4b --verbose < prompts/chat.txt',
  'python scripts/sweep.py --model llama3.1:8b --grid configs/sweep.yaml',
  'python scripts/bench_runtime.py --variant fused --batch 8 --runs 5',
  'nvidia-smi --query-gpu=clocks.sm,temperature.gpu --format=csv -l 1',
];

function paragraph(r: () => number, sentences = 2 + Math.floor(r() * 4)): string {
  return Array.from({ length: sentences }, () => pick(r, SENTENCES)).join(' ');
}

function proseMarkdown(r: () => number, title: string): string {
  let text = `# ${title}\n\n${paragraph(r)}\n`;
  const sections = Math.floor(r() * 5);
  for (let s = 0; s < sections; s++) {
    text += `\n## ${pick(r, ['Setup', 'What we saw', 'Caveats', 'Next steps', 'Background', 'Open questions', 'Notes'])}\n\n${paragraph(r)}\n`;
    const extra = r();
    if (extra < 0.25) text += `\n${Array.from({ length: 2 + Math.floor(r() * 3) }, () => `- ${pick(r, SENTENCES)}`).join('\n')}\n`;
    else if (extra < 0.35) text += `\n\`\`\`sh\n${pick(r, COMMANDS)}\n\`\`\`\n`;
  }
  return text;
}

function tableMarkdown(r: () => number, title: string): string {
  const models = [...MODELS];
  for (let i = models.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [models[i], models[j]] = [models[j] as ModelSpec, models[i] as ModelSpec];
  }
  models.length = 3 + Math.floor(r() * 3);
  let table = '| model | tokens/s | TTFT (ms) |\n|:--|--:|--:|\n';
  for (const m of models) table += `| ${m.tag} | ${noisy(r, m.tps, 0.03).toFixed(1)} | ${Math.round(noisy(r, m.ttft, 0.05))} |\n`;
  return `# ${title}\n\n${paragraph(r, 2)}\n\n${table}\n${paragraph(r, 1)}\n`;
}

// ---------------------------------------------------------------------------
// The writer: one file at a time, recorded in the manifest.

class TreeWriter {
  readonly list: RealisticManifest['list'] = [];
  private readonly made = new Set<string>();
  private readonly seen = new Set<string>();
  bytes = 0;

  constructor(private readonly root: string) {}

  async write(rel: string, kind: RealisticKind, content: string | Uint8Array): Promise<void> {
    if (this.seen.has(rel)) throw new Error(`generated the same path twice: ${rel}`);
    this.seen.add(rel);
    const file = path.join(this.root, ...rel.split('/'));
    const folder = path.dirname(file);
    if (!this.made.has(folder)) {
      await fs.mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    await fs.writeFile(file, content);
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    this.bytes += bytes;
    this.list.push({ path: rel, kind, bytes });
  }

  has(rel: string): boolean {
    return this.seen.has(rel);
  }
}

// ---------------------------------------------------------------------------
// The planted structures.

const EXPERIMENT_DIR = 'experiments/decode-runtime';
const VARIANTS = [
  { folder: 'runtime-eager', tps: 1, ttft: 1, mem: 1 },
  { folder: 'runtime-compiled', tps: 1.14, ttft: 0.9, mem: 1.02 },
  { folder: 'runtime-sdpa', tps: 1.07, ttft: 0.93, mem: 0.97 },
  { folder: 'runtime-paged', tps: 0.96, ttft: 1.03, mem: 0.9 },
  { folder: 'runtime-fused', tps: 2.46, ttft: 0.71, mem: 1.05 },
];
const BATCHES = [1, 2, 4, 8, 16, 32];
const METRICS_JSON_CONFIGS = ['batch-1', 'batch-8'];
const METRICS_JSON_KEYS: Record<string, string> = {
  tokens_per_second: 'throughput_tok_s',
  ttft_ms: 'time_to_first_token_ms',
  peak_memory_mb: 'gpu_mem_peak_mb',
};
const EXPERIMENT_METRICS: { key: string; direction: Direction }[] = [
  { key: 'tokens_per_second', direction: 'higher' },
  { key: 'ttft_ms', direction: 'lower' },
  { key: 'tpot_ms', direction: 'lower' },
  { key: 'peak_memory_mb', direction: 'lower' },
];

function byDirection<T extends { mean: number }>(items: T[], direction: Direction): T[] {
  return [...items].sort((a, b) => (direction === 'higher' ? b.mean - a.mean : a.mean - b.mean));
}

async function writeExperiment(w: TreeWriter, r: () => number, groups: ReplicateGroup[]): Promise<RealisticExperiment> {
  const modelTag = 'llama3.1:8b';
  const samples = new Map<string, number[]>(); // `${metric}|${variant}|${config}`
  const push = (key: string, v: number) => {
    const list = samples.get(key);
    if (list) list.push(v);
    else samples.set(key, [v]);
  };
  let metricsFiles = 0;
  for (const variant of VARIANTS) {
    for (const batch of BATCHES) {
      const config = `batch-${batch}`;
      const cell = `${EXPERIMENT_DIR}/${variant.folder}/${config}`;
      const summaries: string[] = [];
      const metricFiles: string[] = [];
      const pooled: Record<string, number[]> = {};
      const pooledMetrics: Record<string, number[]> = {};
      for (let run = 1; run <= 5; run++) {
        const tps = written(noisy(r, 46.8 * batch ** 0.78 * variant.tps, 0.025), 2);
        const ttft = written(noisy(r, 405 * batch ** 0.18 * variant.ttft, 0.03), 1);
        const tpot = written(noisy(r, (1000 * batch) / tps.value, 0.01), 2);
        const mem = Math.round(noisy(r, (9800 + 260 * batch) * variant.mem, 0.01));
        const values: Record<string, number> = { tokens_per_second: tps.value, ttft_ms: ttft.value, tpot_ms: tpot.value, peak_memory_mb: mem };
        const body = `{\n  "model": "${modelTag}",\n  "tokens_per_second": ${tps.text},\n  "ttft_ms": ${ttft.text},\n  "tpot_ms": ${tpot.text},\n  "peak_memory_mb": ${mem}\n}\n`;
        const file = `${cell}/run_${run}/summary.json`;
        await w.write(file, 'experiment-summary', body);
        summaries.push(file);
        for (const [k, v] of Object.entries(values)) {
          push(`${k}|${variant.folder}|${config}`, v);
          (pooled[k] ??= []).push(v);
        }
        if (METRICS_JSON_CONFIGS.includes(config)) {
          const metricsBody = `{"${METRICS_JSON_KEYS.tokens_per_second}": ${tps.text}, "${METRICS_JSON_KEYS.ttft_ms}": ${ttft.text}, "${METRICS_JSON_KEYS.peak_memory_mb}": ${mem}}\n`;
          const mfile = `${cell}/run_${run}/metrics.json`;
          await w.write(mfile, 'experiment-metrics', metricsBody);
          metricFiles.push(mfile);
          metricsFiles += 1;
          for (const [k, key] of Object.entries(METRICS_JSON_KEYS)) (pooledMetrics[key] ??= []).push(values[k] as number);
        }
      }
      groups.push({ id: `${cell}/run_*/summary.json`, files: summaries, metrics: Object.fromEntries(Object.entries(pooled).map(([k, v]) => [k, stat(v)])) });
      if (metricFiles.length > 0) {
        groups.push({ id: `${cell}/run_*/metrics.json`, files: metricFiles, metrics: Object.fromEntries(Object.entries(pooledMetrics).map(([k, v]) => [k, stat(v)])) });
      }
    }
  }
  await w.write(`${EXPERIMENT_DIR}/README.md`, 'markdown-prose', `# Decode runtime comparison\n\nFive runtimes, six batch sizes, five runs each (run_1 … run_5), ${modelTag} on one GPU.\nEach run folder holds the runner's summary.json; later runs also kept the exporter's metrics.json.\n\n${paragraph(r, 3)}\n`);

  const configs = BATCHES.map((b) => `batch-${b}`);
  const metrics: RealisticExperiment['metrics'] = {};
  for (const { key, direction } of EXPERIMENT_METRICS) {
    const byCell: ExperimentCellTruth[] = [];
    const byVariant: LevelStat[] = [];
    for (const v of VARIANTS) {
      const all: number[] = [];
      for (const c of configs) {
        const values = samples.get(`${key}|${v.folder}|${c}`) ?? [];
        all.push(...values);
        byCell.push({ variant: v.folder, config: c, ...stat(values) });
      }
      byVariant.push({ value: v.folder, ...stat(all) });
    }
    metrics[key] = { direction, byVariant: byDirection(byVariant, direction), byCell };
  }
  const ranked = metrics.tokens_per_second?.byVariant ?? [];
  const top = ranked[0] as LevelStat;
  const ratioTo = Object.fromEntries(ranked.slice(1).map((l) => [l.value, top.mean / l.mean]));
  const perConfig: RealisticExperiment['fastest']['perConfig'] = {};
  for (const c of configs) {
    const cells = byDirection((metrics.tokens_per_second?.byCell ?? []).filter((cell) => cell.config === c), 'higher');
    const [first, second] = cells as [ExperimentCellTruth, ExperimentCellTruth];
    perConfig[c] = { variant: first.variant, minRatio: first.mean / second.mean };
  }
  return {
    dir: EXPERIMENT_DIR,
    variants: VARIANTS.map((v) => v.folder),
    configs,
    runs: ['run_1', 'run_2', 'run_3', 'run_4', 'run_5'],
    summaryFile: 'summary.json',
    metricsFile: { name: 'metrics.json', configs: METRICS_JSON_CONFIGS, files: metricsFiles, keys: METRICS_JSON_KEYS },
    model: modelTag,
    metrics,
    fastest: { metric: 'tokens_per_second', variant: top.value, n: top.n, ratioTo, minRatio: Math.min(...Object.values(ratioTo)), perConfig },
  };
}

async function writeSweep(w: TreeWriter, r: () => number): Promise<RealisticSweep> {
  const file = 'reports/llama3.1/llama3.1_8b_param_sweep.csv';
  const factors = ['num_gpu', 'num_ctx', 'temperature'];
  const gpuEffect: Record<number, { tps: number; ttft: number }> = { 40: { tps: 0.63, ttft: 1.42 }, 60: { tps: 0.84, ttft: 1.15 }, 80: { tps: 1, ttft: 1 } };
  const ctxEffect: Record<number, { tps: number; ttft: number }> = { 1024: { tps: 1, ttft: 1 }, 2048: { tps: 0.93, ttft: 1.72 }, 4096: { tps: 0.84, ttft: 3.05 }, 8192: { tps: 0.72, ttft: 5.6 } };
  const rows: { config: Record<string, string>; tokens_s: number; ttft_ms: number }[] = [];
  let text = 'num_gpu,num_ctx,temperature,tokens_s,ttft_ms\n';
  for (const gpu of [40, 60, 80]) {
    for (const ctx of [1024, 2048, 4096, 8192]) {
      for (const temperature of ['0.2', '0.6', '1.0']) {
        const g = gpuEffect[gpu] as { tps: number; ttft: number };
        const c = ctxEffect[ctx] as { tps: number; ttft: number };
        const tps = written(noisy(r, 49.5 * g.tps * c.tps, 0.008), 2);
        const ttft = written(noisy(r, 96 * g.ttft * c.ttft, 0.015), 1);
        text += `${gpu},${ctx},${temperature},${tps.text},${ttft.text}\n`;
        rows.push({ config: { num_gpu: String(gpu), num_ctx: String(ctx), temperature }, tokens_s: tps.value, ttft_ms: ttft.value });
      }
    }
  }
  await w.write(file, 'sweep-csv', text);
  const out: RealisticSweep = { file, rows: rows.length, factors, metrics: {} };
  for (const [metric, direction] of [['tokens_s', 'higher'], ['ttft_ms', 'lower']] as const) {
    const better = (a: number, b: number) => (direction === 'higher' ? a > b : a < b);
    let best = rows[0] as (typeof rows)[number];
    let worst = best;
    for (const row of rows) {
      if (better(row[metric], best[metric])) best = row;
      if (better(worst[metric], row[metric])) worst = row;
    }
    const effects: Record<string, RealisticMainEffect> = {};
    for (const factor of factors) {
      const levelValues = [...new Set(rows.map((row) => row.config[factor] as string))];
      const levels = levelValues.map((value) => {
        const values = rows.filter((row) => row.config[factor] === value).map((row) => row[metric]);
        return { value, ...stat(values), geometricMean: Math.exp(values.reduce((a, v) => a + Math.log(v), 0) / values.length) };
      });
      const ordered = byDirection(levels, direction);
      const means = levels.map((l) => l.mean);
      const lo = Math.min(...means);
      effects[factor] = {
        levels,
        best: (ordered[0] as LevelStat).value,
        worst: (ordered[ordered.length - 1] as LevelStat).value,
        bestOverWorst: (ordered[0] as LevelStat).mean / (ordered[ordered.length - 1] as LevelStat).mean,
        rangePct: ((Math.max(...means) - lo) / lo) * 100,
      };
    }
    const all = stat(rows.map((row) => row[metric]));
    out.metrics[metric] = { direction, rows: rows.length, mean: all.mean, best: { config: best.config, value: best[metric] }, worst: { config: worst.config, value: worst[metric] }, factors: effects };
  }
  return out;
}

/** Per-prompt rows for one model: `prompt_id,run,tokens_s,ttft_ms,eval_count`, 4 prompts × 3 passes. */
async function writeSiblings(w: TreeWriter, r: () => number): Promise<SiblingGroup[]> {
  const plans = [
    { dir: 'reports/gemma3', prefix: 'gemma3', members: [{ token: '270m', slug: 'gemma3_270m' }, { token: '1b', slug: 'gemma3_1b' }, { token: null, slug: 'gemma3_4b' }] },
    { dir: 'reports/llama3.2', prefix: 'llama3.2', members: [{ token: '1b', slug: 'llama3.2_1b' }, { token: '3b', slug: 'llama3.2_3b' }, { token: null, slug: 'llama3.2_3b' }] },
  ];
  const columns = ['prompt_id', 'run', 'tokens_s', 'ttft_ms', 'eval_count'];
  const groups: SiblingGroup[] = [];
  for (const plan of plans) {
    const group: SiblingGroup = { dir: plan.dir, pattern: `${plan.prefix}_{}_baseline.csv`, columns, members: [] };
    for (const member of plan.members) {
      const m = model(member.slug);
      const file = `${plan.dir}/${plan.prefix}${member.token === null ? '' : `_${member.token}`}_baseline.csv`;
      let text = `${columns.join(',')}\n`;
      const tps: number[] = [];
      const ttft: number[] = [];
      const counts: number[] = [];
      for (const prompt of PROMPT_IDS.slice(0, 4)) {
        for (let run = 1; run <= 3; run++) {
          const t = written(noisy(r, m.tps, 0.02), 2);
          const f = written(noisy(r, m.ttft, 0.04), 1);
          const c = Math.round(noisy(r, m.tokens, 0.15));
          text += `${prompt},${run},${t.text},${f.text},${c}\n`;
          tps.push(t.value);
          ttft.push(f.value);
          counts.push(c);
        }
      }
      await w.write(file, 'sibling-csv', text);
      group.members.push({ file, token: member.token, metrics: { tokens_s: stat(tps), ttft_ms: stat(ttft), eval_count: stat(counts) } });
    }
    groups.push(group);
  }
  return groups;
}

async function writeWorkloads(w: TreeWriter, r: () => number): Promise<WorkloadTable[]> {
  const plans = [
    { file: 'reports/gemma3/gemma3_4b_quant_compare.csv', slug: 'gemma3_4b', tagColumn: 'tag', promptColumn: 'prompt', tps: 'tokens_s', ttft: 'ttft_ms', tags: ['q4_K_M', 'q8_0', 'f16'], order: 'by-tag' as const },
    { file: 'reports/llama3.2/llama3.2_3b_quant_compare.csv', slug: 'llama3.2_3b', tagColumn: 'quant', promptColumn: 'prompt_text', tps: 'tokens_s', ttft: 'ttft_ms', tags: ['q4_K_M', 'q5_K_M', 'q8_0'], order: 'by-prompt' as const },
    { file: 'reports/qwen2.5/qwen2.5_7b_quant_compare.csv', slug: 'qwen2.5_7b', tagColumn: 'tag', promptColumn: 'input', tps: 'tokens_per_second', ttft: 'ttft_ms', tags: ['q4_0', 'q4_K_M', 'q8_0'], order: 'by-tag' as const },
    { file: 'reports/mistral/mistral_7b_quant_compare.csv', slug: 'mistral_7b', tagColumn: 'quantization', promptColumn: 'question', tps: 'tokens_s', ttft: 'time_to_first_token_ms', tags: ['q4_K_M', 'q8_0', 'f16'], order: 'by-prompt' as const },
  ];
  const tagSpeed: Record<string, { tps: number; ttft: number }> = {
    q4_0: { tps: 1.04, ttft: 0.98 },
    q4_K_M: { tps: 1, ttft: 1 },
    q5_K_M: { tps: 0.9, ttft: 1.03 },
    q8_0: { tps: 0.77, ttft: 1.07 },
    f16: { tps: 0.54, ttft: 1.22 },
  };
  const tables: WorkloadTable[] = [];
  for (const [i, plan] of plans.entries()) {
    const m = model(plan.slug);
    const prompts = PROMPT_SETS[i] as string[];
    const cells: { tag: string; prompt: string }[] = [];
    if (plan.order === 'by-tag') for (const tag of plan.tags) for (const prompt of prompts) cells.push({ tag, prompt });
    else for (const prompt of prompts) for (const tag of plan.tags) cells.push({ tag, prompt });
    let text = `${plan.tagColumn},${plan.promptColumn},${plan.tps},${plan.ttft},eval_count\n`;
    const perTag = new Map<string, { tps: number[]; ttft: number[] }>(plan.tags.map((t) => [t, { tps: [], ttft: [] }]));
    for (const { tag, prompt } of cells) {
      const speed = tagSpeed[tag] as { tps: number; ttft: number };
      // Longer prompts take longer to evaluate: the workload moves TTFT, the tag moves both.
      const t = written(noisy(r, m.tps * speed.tps, 0.018), 2);
      const f = written(noisy(r, m.ttft * speed.ttft * (0.8 + prompt.length / 400), 0.03), 1);
      text += `${tag},${csvField(prompt)},${t.text},${f.text},${Math.round(noisy(r, m.tokens, 0.2))}\n`;
      perTag.get(tag)?.tps.push(t.value);
      perTag.get(tag)?.ttft.push(f.value);
    }
    await w.write(plan.file, 'workload-csv', text);
    tables.push({
      file: plan.file,
      tagColumn: plan.tagColumn,
      promptColumn: plan.promptColumn,
      prompts: prompts.length,
      tags: plan.tags,
      order: plan.order,
      metrics: {
        [plan.tps]: plan.tags.map((tag) => ({ value: tag, ...stat(perTag.get(tag)?.tps ?? []) })),
        [plan.ttft]: plan.tags.map((tag) => ({ value: tag, ...stat(perTag.get(tag)?.ttft ?? []) })),
      },
    });
  }
  return tables;
}

/** Three trial files of the same chat run: replicates named in the file, not the folder. */
async function writeTrials(w: TreeWriter, r: () => number, groups: ReplicateGroup[]): Promise<void> {
  const m = model('qwen2.5_7b');
  const files: string[] = [];
  const pooled: Record<string, number[]> = { tokens_s: [], ttft_ms: [], eval_count: [] };
  for (let trial = 1; trial <= 3; trial++) {
    const file = `reports/qwen2.5/qwen2.5_7b_chat_trial_${trial}.csv`;
    let text = 'prompt_id,tokens_s,ttft_ms,eval_count\n';
    for (const prompt of PROMPT_IDS.slice(0, 6)) {
      const t = written(noisy(r, m.tps, 0.02), 2);
      const f = written(noisy(r, m.ttft, 0.035), 1);
      const c = Math.round(noisy(r, m.tokens, 0.15));
      text += `${prompt},${t.text},${f.text},${c}\n`;
      pooled.tokens_s?.push(t.value);
      pooled.ttft_ms?.push(f.value);
      pooled.eval_count?.push(c);
    }
    await w.write(file, 'replicate-csv', text);
    files.push(file);
  }
  groups.push({ id: 'reports/qwen2.5/qwen2.5_7b_chat_trial_*.csv', files, metrics: Object.fromEntries(Object.entries(pooled).map(([k, v]) => [k, stat(v)])) });
}

async function writeTimestampedRuns(w: TreeWriter, r: () => number): Promise<TimestampedRuns> {
  const folders = ['20250901-101500', '20250908-142210', '20250915-093045', '20250922-170530'];
  const out: TimestampedRuns = { dir: 'runs', file: 'throughput.csv', folders, perRun: [] };
  for (const [i, folder] of folders.entries()) {
    let text = 'backend,batch_size,iteration,tokens_s,latency_ms\n';
    const groups: TimestampedRuns['perRun'][number]['tokens_s'] = [];
    let rows = 0;
    for (const backend of ['eager', 'compiled']) {
      for (const batch of [1, 8]) {
        const base = (backend === 'eager' ? 63.8 : 79.2) * (batch === 8 ? 6.25 : 1) * (1 + 0.004 * i);
        const values: number[] = [];
        for (let iteration = 1; iteration <= 5; iteration++) {
          const t = written(noisy(r, base, 0.012), 1);
          const latency = written(noisy(r, (1000 * batch) / t.value, 0.01), 2);
          text += `${backend},${batch},${iteration},${t.text},${latency.text}\n`;
          values.push(t.value);
          rows += 1;
        }
        groups.push({ backend, batch_size: String(batch), ...stat(values) });
      }
    }
    await w.write(`runs/${folder}/throughput.csv`, 'timestamped-run', text);
    out.perRun.push({ folder, rows, tokens_s: groups });
  }
  return out;
}

async function writeDeep(w: TreeWriter, r: () => number): Promise<RealisticManifest['deep']> {
  const files = [
    'archive/2024/q4/cluster-b/node-07/gpu-1/nsight/export/tables/kernel_times.csv',
    'archive/2024/q4/cluster-b/node-07/gpu-1/nsight/export/tables/memcpy_times.csv',
    'archive/2024/q3/cluster-a/node-02/gpu-0/profiles/decode/long-context/8k/kernel_times.csv',
  ];
  const kernels = ['flash_fwd_kernel', 'gemm_f16_128x128', 'rms_norm', 'rotary_embedding', 'softmax_warp', 'dequant_q4k'];
  for (const file of files) {
    let text = 'kernel,calls,avg_us,total_ms\n';
    for (const k of kernels) {
      const calls = 1000 + Math.floor(r() * 9000);
      const avg = written(noisy(r, 20 + r() * 300, 0.05), 2);
      text += `${k},${calls},${avg.text},${((calls * avg.value) / 1000).toFixed(2)}\n`;
    }
    await w.write(file, 'deep-table', text);
  }
  return files.map((p) => ({ path: p, depth: p.split('/').length - 1 }));
}

/** Files a real repository accumulates that no parser can read: each must be one reported problem, not a crash. */
async function writeBroken(w: TreeWriter, r: () => number): Promise<RealisticManifest['broken']> {
  const broken: RealisticManifest['broken'] = [];
  const full = JSON.stringify(servingSummary(r, model('gemma3_12b')), null, 2);
  const cut = Math.floor(full.length * 0.6);
  await w.write('reports/serving/gemma3_12b_serving_20251003_221507.json', 'broken', full.slice(0, cut));
  broken.push({ path: 'reports/serving/gemma3_12b_serving_20251003_221507.json', reason: `truncated JSON: the text stops after ${cut} of ${full.length} characters` });

  const m = model('mistral_7b');
  const csvLines = ['model,prompt,tokens_s,ttft_ms,eval_count', `${m.tag},"${(PROMPT_SETS[0] as string[])[0]}",${noisy(r, m.tps, 0.02).toFixed(2)},${noisy(r, m.ttft, 0.03).toFixed(1)},288`];
  csvLines.push(`${m.tag},"Summarise the thread below and list the decisions,${noisy(r, m.tps, 0.02).toFixed(2)},${noisy(r, m.ttft, 0.03).toFixed(1)},301`);
  csvLines.push(`${m.tag},"${(PROMPT_SETS[0] as string[])[2]}",${noisy(r, m.tps, 0.02).toFixed(2)},${noisy(r, m.ttft, 0.03).toFixed(1)},254`);
  await w.write('reports/mistral/mistral_7b_chat_20251011.csv', 'broken', `${csvLines.join('\n')}\n`);
  broken.push({ path: 'reports/mistral/mistral_7b_chat_20251011.csv', reason: 'CSV with a broken quote: the prompt field on line 3 opens a quote that is not closed on that line' });

  await w.write('reports/partial/last_run.csv', 'broken', '');
  broken.push({ path: 'reports/partial/last_run.csv', reason: 'empty file (0 bytes)' });

  const binary = new Uint8Array(2048);
  for (let i = 0; i < binary.length; i++) binary[i] = Math.floor(r() * 256);
  binary.set([0x4e, 0x56, 0x54, 0x58, 0x00, 0x01, 0x00, 0x00], 0); // a made-up trace header with NUL bytes
  await w.write('reports/logs/gpu_trace.txt', 'broken', binary);
  broken.push({ path: 'reports/logs/gpu_trace.txt', reason: 'binary content (random bytes with NULs) in a .txt file' });

  const nanJson = `{\n  "benchmark": "mlp-compile",\n  "device": "cuda:0",\n  "eager_ms": ${noisy(r, 4.2, 0.02).toFixed(3)},\n  "compiled_ms": NaN,\n  "speedup": NaN\n}\n`;
  await w.write('reports/compilation/mlp_bench_20251002-165750.json', 'broken', nanJson);
  broken.push({ path: 'reports/compilation/mlp_bench_20251002-165750.json', reason: 'NaN is not valid JSON (line 5, as Python\'s json.dump writes a failed measurement)' });
  return broken;
}

// ---------------------------------------------------------------------------
// The filler: realistic noise.

function servingSummary(r: () => number, m: ModelSpec): Record<string, unknown> {
  const stats = (center: number, cv: number, digits: number) => {
    const mean = noisy(r, center, 0.02);
    return { mean: +mean.toFixed(digits), std: +(mean * cv).toFixed(digits), p50: +(mean * 0.97).toFixed(digits), p95: +(mean * (1 + 2 * cv)).toFixed(digits), p99: +(mean * (1 + 3 * cv)).toFixed(digits) };
  };
  const concurrency = pick(r, [1, 4, 8]);
  return {
    model: m.tag,
    backend: 'ollama',
    gpu: 'RTX 4090',
    num_requests: 200,
    concurrency,
    ttft_ms: stats(m.ttft * (1 + 0.15 * (concurrency - 1)), 0.12, 1),
    tpot_ms: stats(1000 / m.tps, 0.05, 2),
    e2e_latency_s: stats((m.ttft + (1000 * m.tokens) / m.tps) / 1000, 0.1, 3),
    throughput: { output_tokens_per_second: { mean: +noisy(r, m.tps * concurrency ** 0.7, 0.02).toFixed(2), std: +(m.tps * 0.03).toFixed(2) } },
  };
}

function nestedSummary(r: () => number, m: ModelSpec): Record<string, unknown> {
  const tps = noisy(r, m.tps, 0.03);
  const ttft = noisy(r, m.ttft, 0.04);
  return {
    config: { model: m.tag, num_ctx: pick(r, [2048, 4096, 8192]), prompts: 'prompts/mixed.jsonl' },
    results: {
      latency: { mean_ms: +ttft.toFixed(1), std_ms: +(ttft * 0.08).toFixed(1), p95_ms: +(ttft * 1.17).toFixed(1) },
      throughput: { mean_tok_s: +tps.toFixed(2), std_tok_s: +(tps * 0.03).toFixed(2), p95_tok_s: +(tps * 1.05).toFixed(2) },
    },
  };
}

function perPromptCsv(r: () => number, m: ModelSpec): string {
  const freeText = r() < 0.35;
  const prompts = freeText ? [...pick(r, PROMPT_SETS)].slice(0, 2 + Math.floor(r() * 3)) : PROMPT_IDS.slice(0, 2 + Math.floor(r() * 5));
  let text = `model,${freeText ? 'prompt' : 'prompt_id'},run,tokens_s,ttft_ms,eval_count,prompt_eval_count,error\n`;
  for (const prompt of prompts) {
    for (let run = 1; run <= 3; run++) {
      if (r() < 0.02) {
        text += `${m.tag},${csvField(prompt)},${run},,,,,"timeout after 120 s"\n`;
        continue;
      }
      const cold = run === 1 && r() < 0.3 ? 3.5 : 1;
      text += `${m.tag},${csvField(prompt)},${run},${noisy(r, m.tps, 0.02).toFixed(2)},${noisy(r, m.ttft * cold, 0.04).toFixed(1)},${Math.round(noisy(r, m.tokens, 0.2))},${Math.round(40 + prompt.length / 3)},\n`;
    }
  }
  return text;
}

function configJson(r: () => number, m: ModelSpec, task: string): string {
  return `${JSON.stringify(
    {
      model: m.tag,
      task,
      prompts_file: `prompts/${task}.jsonl`,
      output_dir: `reports/${m.family}`,
      stream: false,
      keep_alive: '10m',
      options: { num_ctx: pick(r, [2048, 4096, 8192]), temperature: pick(r, [0.2, 0.6, 0.8]), num_gpu: pick(r, [40, 80]), seed: 42 },
    },
    null,
    2,
  )}\n`;
}

function configYaml(r: () => number, m: ModelSpec): string {
  return `# Benchmark settings for ${m.tag}\nmodel: ${m.tag}\nruns: 3\nwarmup: true\noptions:\n  num_ctx: ${pick(r, [2048, 4096, 8192])}\n  temperature: ${pick(r, [0.2, 0.6, 0.8])}\n  top_p: 0.9\nprompts:\n  - prompts/chat.jsonl\n  - prompts/coding.jsonl\noutput: reports/${m.family}/\n`;
}

const TASKS = ['chat', 'coding', 'summarise', 'long_context', 'rag', 'json_mode'];
const DOC_DIRS = ['docs', 'docs/notes', 'docs/adr', 'notes', 'notes/weekly', 'reports/notes', 'experiments/notes', 'wiki', 'wiki/howto', 'meetings'];

function dateStamp(r: () => number, withTime: boolean): string {
  const month = 9 + Math.floor(r() * 3);
  const day = 1 + Math.floor(r() * 28);
  const d = `2025${pad2(month)}${pad2(day)}`;
  return withTime ? `${d}_${pad2(Math.floor(r() * 24))}${pad2(Math.floor(r() * 60))}${pad2(Math.floor(r() * 60))}` : d;
}

async function writeFiller(w: TreeWriter, r: () => number, count: number): Promise<void> {
  const perPrompt = Math.round(count * 0.09);
  const json = Math.round(count * 0.06);
  const config = Math.round(count * 0.05);
  const markdown = count - perPrompt - json - config;
  /** A random name not written yet; after a few collisions, `fallback` (which must be unique). */
  const unique = (make: () => string, fallback?: () => string): string => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const candidate = make();
      if (!w.has(candidate)) return candidate;
    }
    if (fallback) return fallback();
    throw new Error('could not find a free file name');
  };
  for (let i = 0; i < perPrompt; i++) {
    const m = pick(r, MODELS);
    const task = pick(r, TASKS);
    const file = unique(() => `reports/${m.family}/${task}/${m.slug}_${task}_${dateStamp(r, false)}.csv`);
    await w.write(file, 'per-prompt-csv', perPromptCsv(r, m));
  }
  for (let i = 0; i < json; i++) {
    const m = pick(r, MODELS);
    const serving = r() < 0.6;
    const file = unique(() => (serving ? `reports/serving/${m.slug}_serving_${dateStamp(r, true)}.json` : `reports/${m.family}/summaries/${m.slug}_summary_${dateStamp(r, true)}.json`));
    await w.write(file, 'json-summary', `${JSON.stringify(serving ? servingSummary(r, m) : nestedSummary(r, m), null, 2)}\n`);
  }
  for (let i = 0; i < config; i++) {
    const m = pick(r, MODELS);
    if (i % 2 === 0) {
      const task = pick(r, TASKS);
      await w.write(unique(() => `configs/bench_${task}_${pick(r, MODELS).slug}.json`, () => `configs/bench_${task}_${m.slug}_${i}.json`), 'config-json', configJson(r, m, task));
    } else {
      await w.write(unique(() => `configs/models/${pick(r, MODELS).slug}.yaml`, () => `configs/models/${m.slug}_v${i}.yaml`), 'config-yaml', configYaml(r, m));
    }
  }
  for (let i = 0; i < markdown; i++) {
    const topic = pick(r, TOPICS);
    const title = `${topic.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())}`;
    const table = r() < 0.05;
    const roll = r();
    let file: string;
    const numbered = () => `${pick(r, DOC_DIRS)}/${topic}-${String(i).padStart(3, '0')}.md`;
    if (roll < 0.06) file = unique(() => `${pick(r, ['reports', 'docs', 'notes', 'wiki'])}/${pick(r, MODELS).family}/README.md`, numbered);
    else if (roll < 0.3) file = unique(() => `reports/${pick(r, MODELS).family}/notes/${dateStamp(r, false)}-${topic}.md`, numbered);
    else file = numbered();
    await w.write(file, table ? 'markdown-table' : 'markdown-prose', table ? tableMarkdown(r, `${title}: results`) : proseMarkdown(r, title));
  }
}

// ---------------------------------------------------------------------------

const PLANTED_FILES = 150 + 50 + 1 + 1 + 6 + 4 + 3 + 4 + 3 + 5; // experiment + its README, sweep, siblings, workloads, trials, runs, deep, broken
export const REALISTIC_MIN_FILES = PLANTED_FILES + 20;

/** Writes the realistic tree under `dir` (created if missing) and returns its ground truth. */
export async function generateRealisticTree(dir: string, options: RealisticOptions = {}): Promise<RealisticManifest> {
  const files = options.files ?? 1000;
  const seed = options.seed ?? 10;
  if (!Number.isInteger(files) || files < REALISTIC_MIN_FILES) throw new Error(`a realistic tree needs at least ${REALISTIC_MIN_FILES} files (got ${files})`);
  await fs.mkdir(dir, { recursive: true });
  const w = new TreeWriter(dir);
  const r = rng(seed);
  const replicateGroups: ReplicateGroup[] = [];
  const experiment = await writeExperiment(w, r, replicateGroups);
  const sweep = await writeSweep(w, r);
  const siblings = await writeSiblings(w, r);
  const workloads = await writeWorkloads(w, r);
  await writeTrials(w, r, replicateGroups);
  const timestampedRuns = await writeTimestampedRuns(w, r);
  const deep = await writeDeep(w, r);
  const broken = await writeBroken(w, r);
  if (w.list.length !== PLANTED_FILES) throw new Error(`planted ${w.list.length} files, expected ${PLANTED_FILES}`);
  await writeFiller(w, r, files - PLANTED_FILES);

  const byKind = Object.fromEntries(
    (['experiment-summary', 'experiment-metrics', 'sweep-csv', 'workload-csv', 'sibling-csv', 'replicate-csv', 'timestamped-run', 'deep-table', 'broken', 'per-prompt-csv', 'json-summary', 'config-json', 'config-yaml', 'markdown-prose', 'markdown-table'] as RealisticKind[]).map((k) => [k, 0]),
  ) as Record<RealisticKind, number>;
  const byExtension: Record<string, number> = {};
  for (const f of w.list) {
    byKind[f.kind] += 1;
    const ext = path.posix.extname(f.path);
    byExtension[ext] = (byExtension[ext] ?? 0) + 1;
  }
  return {
    kind: 'realistic',
    dir,
    seed,
    files: w.list.length,
    bytes: w.bytes,
    byExtension,
    byKind,
    list: w.list,
    broken,
    deep,
    experiment,
    sweep,
    siblings,
    workloads,
    replicateGroups,
    timestampedRuns,
    note: 'Only experiment, sweep, siblings, workloads, replicateGroups, timestampedRuns, deep and broken are planted; the filler (per-prompt CSVs, JSON summaries, configs, Markdown) is noise and may form incidental series, histories or sibling groups.',
  };
}

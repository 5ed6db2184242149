import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Ground truth for the experiment fixtures, computed straight from the files
 * with deliberately simple code that shares nothing with the project's
 * parsers: a small RFC 4180 reader, JSON.parse, and textbook mean and sample
 * standard deviation (n − 1). test/fixtures/examples-truth.json is this
 * module's output for examples/benchmarks; test/unit/examples-truth.test.ts
 * recomputes it so the truth cannot drift from the data.
 */

export type Direction = 'higher' | 'lower';

export interface Summary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1); null for a single value. */
  sd: number | null;
}

export interface Level extends Summary {
  /** The factor's value: the part of the folder or file name that differs, or the column value. */
  value: string;
  /** Where the level's samples come from (a folder or a file, relative to the repository root), when not a column value. */
  source?: string;
}

/** One metric across the levels of one factor, best first. */
export interface Ranking {
  metric: string;
  factor: string;
  direction: Direction;
  levels: Level[];
  best: string;
  worst: string;
  /** best mean / worst mean: above 1 for higher-is-better metrics, below 1 for lower-is-better. */
  bestOverWorst: number;
}

/** A sweep factor's main effect: the mean of every row at each level (marginal over the other factors). */
export interface MainEffect {
  /**
   * Levels in the order they first appear in the file, each with the
   * geometric mean of its values: a sweep quotes that one, as its test is on
   * the log scale.
   */
  levels: (Level & { geometricMean: number })[];
  best: string;
  worst: string;
  bestOverWorst: number;
  /** (highest level mean − lowest level mean) / lowest level mean × 100. */
  rangePct: number;
}

export interface SweepMetric {
  direction: Direction;
  rows: number;
  mean: number;
  best: { config: Record<string, string>; value: number };
  worst: { config: Record<string, string>; value: number };
  factors: Record<string, MainEffect>;
}

export interface SweepTruth {
  file: string;
  rows: number;
  factors: string[];
  metrics: Record<string, SweepMetric>;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summarise: no values');
  return { n: values.length, mean: mean(values), sd: sampleSd(values) };
}

/** Metric direction as a reader of these fixtures would state it. */
export function directionOf(metric: string): Direction | undefined {
  if (/tokens_per_second|tokens_s|tok_s|throughput/.test(metric)) return 'higher';
  if (/ttft|latency|_ms$|memory|mem_/.test(metric)) return 'lower';
  return undefined;
}

function better(direction: Direction, a: number, b: number): boolean {
  return direction === 'higher' ? a > b : a < b;
}

export function rank(metric: string, factor: string, direction: Direction, levels: Level[]): Ranking {
  const sorted = [...levels].sort((a, b) => (direction === 'higher' ? b.mean - a.mean : a.mean - b.mean));
  const best = sorted[0];
  const worst = sorted[sorted.length - 1];
  if (!best || !worst) throw new Error(`rank ${metric}: no levels`);
  if (sorted.some((l, i) => i > 0 && l.mean === sorted[i - 1]?.mean)) throw new Error(`rank ${metric} by ${factor}: tied level means`);
  return { metric, factor, direction, levels: sorted, best: best.value, worst: worst.value, bestOverWorst: best.mean / worst.mean };
}

/**
 * A CSV file as header + rows of strings: commas, double quotes with ""
 * escapes, quoted line breaks. Strict RFC 4180: a quote inside an unquoted
 * field, or anything but a comma or line end after a closing quote, throws.
 */
export function readCsv(file: string): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(file, 'utf8');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line += 1;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') throw new Error(`${file} line ${line}: text after a closing quote`);
      } else field += c;
    } else if (c === '"') {
      if (field !== '') throw new Error(`${file} line ${line}: a quote inside an unquoted field`);
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (quoted) throw new Error(`${file}: unterminated quoted field`);
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...body] = records;
  if (!header) throw new Error(`${file}: empty`);
  const rows = body.map((cells, i) => {
    if (cells.length !== header.length) throw new Error(`${file} record ${i + 2}: ${cells.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, cells[k] as string]));
  });
  return { header, rows };
}

export function numberAt(row: Record<string, string>, column: string, where: string): number {
  const raw = row[column];
  const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${where}: ${column}=${JSON.stringify(raw)} is not a number`);
  return value;
}

const posix = (p: string): string => p.split(path.sep).join('/');

function sortedDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** One replicate of a folder experiment: `<variant>/<config>/<run>/<file>`, its numeric JSON fields. */
export interface ExperimentRun {
  variant: string;
  config: string;
  run: string;
  file: string;
  values: Record<string, number>;
}

/** Every `<variant>/<config>/<run>/<fileName>` under `dir` (runs without that file are skipped), numeric top-level fields only. */
export function readFolderExperiment(dir: string, fileName: string, relativeTo: string): ExperimentRun[] {
  const runs: ExperimentRun[] = [];
  for (const variant of sortedDirs(dir)) {
    for (const config of sortedDirs(path.join(dir, variant))) {
      for (const run of sortedDirs(path.join(dir, variant, config))) {
        const file = path.join(dir, variant, config, run, fileName);
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          continue;
        }
        const doc = JSON.parse(text) as Record<string, unknown>;
        const values: Record<string, number> = {};
        for (const [key, value] of Object.entries(doc)) if (typeof value === 'number') values[key] = value;
        runs.push({ variant, config, run, file: posix(path.relative(relativeTo, file)), values });
      }
    }
  }
  return runs;
}

/** Groups `items` by `key`, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Best and worst row and each factor's main effect, for every metric column of a one-row-per-configuration table. */
export function sweepTruth(file: string, rows: Record<string, string>[], factors: string[], metrics: string[]): SweepTruth {
  const out: SweepTruth = { file, rows: rows.length, factors, metrics: {} };
  for (const metric of metrics) {
    const direction = directionOf(metric);
    if (!direction) throw new Error(`sweep metric ${metric}: unknown direction`);
    const values = rows.map((row, i) => numberAt(row, metric, `${file} row ${i + 2}`));
    let bestAt = 0;
    let worstAt = 0;
    values.forEach((v, i) => {
      if (better(direction, v, values[bestAt] as number)) bestAt = i;
      if (better(direction, values[worstAt] as number, v)) worstAt = i;
    });
    if (values.filter((v) => v === values[bestAt]).length > 1 || values.filter((v) => v === values[worstAt]).length > 1) {
      throw new Error(`sweep ${metric}: tied best or worst value`);
    }
    const configOf = (i: number) => Object.fromEntries(factors.map((f) => [f, (rows[i] as Record<string, string>)[f] as string]));
    const effects: Record<string, MainEffect> = {};
    for (const factor of factors) {
      const byLevel = groupBy(
        rows.map((row, i) => ({ level: row[factor] as string, value: values[i] as number })),
        (x) => x.level,
      );
      const levels = [...byLevel].map(([value, xs]) => ({ value, ...summarise(xs.map((x) => x.value)), geometricMean: Math.exp(mean(xs.map((x) => Math.log(x.value)))) }));
      const ranked = rank(metric, factor, direction, levels);
      const means = levels.map((l) => l.mean);
      const lowest = Math.min(...means);
      effects[factor] = { levels, best: ranked.best, worst: ranked.worst, bestOverWorst: ranked.bestOverWorst, rangePct: ((Math.max(...means) - lowest) / lowest) * 100 };
    }
    out.metrics[metric] = {
      direction,
      rows: values.length,
      mean: mean(values),
      best: { config: configOf(bestAt), value: values[bestAt] as number },
      worst: { config: configOf(worstAt), value: values[worstAt] as number },
      factors: effects,
    };
  }
  return out;
}

// ---------------------------------------------------------------------------
// examples/benchmarks: the four experiment structures of issue 10.

const EXPERIMENT_METRICS = ['tokens_per_second', 'ttft_ms', 'peak_memory_mb'] as const;

export interface ExperimentCell extends Summary {
  runtime: string;
  batch: string;
  samples: number[];
  files: string[];
}

export interface ExperimentMetricTruth {
  direction: Direction;
  /** Every runtime × batch configuration, in folder order: its five replicates pooled. */
  cells: ExperimentCell[];
  /** The runtimes ranked within each batch configuration (n = 5 per level). */
  runtimeWithinBatch: Record<string, Ranking>;
  /** The batch configurations ranked within each runtime (n = 5 per level). */
  batchWithinRuntime: Record<string, Ranking>;
  /** The runtimes ranked over both batch configurations pooled (n = 10 per level). */
  runtimePooled: Ranking;
  /** The batch configurations ranked over every runtime pooled (n = 15 per level). */
  batchPooled: Ranking;
}

export interface ExamplesTruth {
  experiment: {
    dir: string;
    fileName: string;
    files: number;
    /** Factor names as the folder names' common prefixes give them, with each level's folder and value. */
    factors: { runtime: { folder: string; value: string }[]; batch: { folder: string; value: string }[] };
    replicates: string[];
    /** A string field every summary.json carries (not a metric). */
    constantFields: Record<string, string>;
    metrics: Record<string, ExperimentMetricTruth>;
  };
  sweep: SweepTruth;
  quantization: {
    file: string;
    rows: number;
    factor: string;
    /** The free-text workload column: its values repeat across tags and must not split series. */
    workloadColumn: string;
    prompts: string[];
    rowsPerTag: number;
    metrics: Record<string, Ranking>;
    /** eval_count has no better direction: level summaries in file order. */
    evalCount: Level[];
  };
  models: {
    files: string[];
    /** The token that differs between the sibling file names. */
    factorValues: string[];
    columns: string[];
    metrics: Record<string, Ranking>;
    evalCount: Level[];
  };
}

function experimentTruth(repoRoot: string): ExamplesTruth['experiment'] {
  const dirRel = 'examples/benchmarks/experiments';
  const runs = readFolderExperiment(path.join(repoRoot, dirRel), 'summary.json', repoRoot);
  const stripPrefix = (folder: string, prefix: string) => {
    if (!folder.startsWith(prefix)) throw new Error(`${folder}: expected the prefix ${prefix}`);
    return folder.slice(prefix.length);
  };
  const runtimes = [...new Set(runs.map((r) => r.variant))];
  const batches = [...new Set(runs.map((r) => r.config))];
  const constantFields: Record<string, string> = {};
  for (const run of runs) {
    const doc = JSON.parse(readFileSync(path.join(repoRoot, run.file), 'utf8')) as Record<string, unknown>;
    for (const [key, value] of Object.entries(doc)) {
      if (typeof value !== 'string') continue;
      if (constantFields[key] !== undefined && constantFields[key] !== value) throw new Error(`${run.file}: ${key} differs between runs`);
      constantFields[key] = value;
    }
  }
  const metrics: Record<string, ExperimentMetricTruth> = {};
  for (const metric of EXPERIMENT_METRICS) {
    const direction = directionOf(metric) as Direction;
    const sample = (r: ExperimentRun) => {
      const v = r.values[metric];
      if (v === undefined) throw new Error(`${r.file}: no ${metric}`);
      return v;
    };
    const cells: ExperimentCell[] = [];
    for (const runtime of runtimes) {
      for (const batch of batches) {
        const group = runs.filter((r) => r.variant === runtime && r.config === batch);
        const samples = group.map(sample);
        cells.push({ runtime, batch, ...summarise(samples), samples, files: group.map((r) => r.file) });
      }
    }
    const level = (value: string, source: string, group: ExperimentRun[]): Level => ({ value, source, ...summarise(group.map(sample)) });
    const runtimeLevel = (runtime: string, group: ExperimentRun[]) => level(stripPrefix(runtime, 'runtime-'), `${dirRel}/${runtime}`, group);
    const batchLevel = (batch: string, group: ExperimentRun[]) => level(stripPrefix(batch, 'batch-'), `${dirRel}/*/${batch}`, group);
    metrics[metric] = {
      direction,
      cells,
      runtimeWithinBatch: Object.fromEntries(
        batches.map((batch) => [batch, rank(metric, 'runtime', direction, runtimes.map((rt) => runtimeLevel(rt, runs.filter((r) => r.variant === rt && r.config === batch))))]),
      ),
      batchWithinRuntime: Object.fromEntries(
        runtimes.map((rt) => [rt, rank(metric, 'batch', direction, batches.map((b) => batchLevel(b, runs.filter((r) => r.variant === rt && r.config === b))))]),
      ),
      runtimePooled: rank(metric, 'runtime', direction, runtimes.map((rt) => runtimeLevel(rt, runs.filter((r) => r.variant === rt)))),
      batchPooled: rank(metric, 'batch', direction, batches.map((b) => batchLevel(b, runs.filter((r) => r.config === b)))),
    };
  }
  return {
    dir: dirRel,
    fileName: 'summary.json',
    files: runs.length,
    factors: {
      runtime: runtimes.map((folder) => ({ folder, value: stripPrefix(folder, 'runtime-') })),
      batch: batches.map((folder) => ({ folder, value: stripPrefix(folder, 'batch-') })),
    },
    replicates: [...new Set(runs.map((r) => r.run))],
    constantFields,
    metrics,
  };
}

function quantizationTruth(repoRoot: string): ExamplesTruth['quantization'] {
  const file = 'examples/benchmarks/quantization/per_prompt_by_tag.csv';
  const { rows } = readCsv(path.join(repoRoot, file));
  const byTag = groupBy(rows, (r) => r.tag as string);
  const prompts = [...new Set(rows.map((r) => r.prompt_text as string))];
  const perTag = [...byTag.values()].map((g) => g.length);
  if (new Set(perTag).size !== 1) throw new Error(`${file}: tags have different row counts`);
  const levelsOf = (metric: string): Level[] =>
    [...byTag].map(([tag, group]) => ({ value: tag, ...summarise(group.map((row) => numberAt(row, metric, file))) }));
  return {
    file,
    rows: rows.length,
    factor: 'tag',
    workloadColumn: 'prompt_text',
    prompts,
    rowsPerTag: perTag[0] as number,
    metrics: {
      tokens_s: rank('tokens_s', 'tag', 'higher', levelsOf('tokens_s')),
      ttft_ms: rank('ttft_ms', 'tag', 'lower', levelsOf('ttft_ms')),
    },
    evalCount: levelsOf('eval_count'),
  };
}

function modelsTruth(repoRoot: string): ExamplesTruth['models'] {
  const dirRel = 'examples/benchmarks/models';
  const names = readdirSync(path.join(repoRoot, dirRel))
    .filter((n) => /^gemma3_.+_baseline\.csv$/.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const tables = names.map((name) => ({ name, file: `${dirRel}/${name}`, value: name.slice('gemma3_'.length, -'_baseline.csv'.length), ...readCsv(path.join(repoRoot, dirRel, name)) }));
  const columns = tables[0]?.header ?? [];
  for (const t of tables) if (t.header.join(',') !== columns.join(',')) throw new Error(`${t.file}: columns differ from its siblings`);
  const levelsOf = (metric: string): Level[] =>
    tables.map((t) => ({ value: t.value, source: t.file, ...summarise(t.rows.map((row) => numberAt(row, metric, t.file))) }));
  return {
    files: tables.map((t) => t.file),
    factorValues: tables.map((t) => t.value),
    columns,
    metrics: {
      tokens_s: rank('tokens_s', 'model size', 'higher', levelsOf('tokens_s')),
      ttft_ms: rank('ttft_ms', 'model size', 'lower', levelsOf('ttft_ms')),
    },
    evalCount: levelsOf('eval_count'),
  };
}

/** The truth for every issue-10 structure in examples/benchmarks, read from the files under `repoRoot`. */
export function computeExamplesTruth(repoRoot: string): ExamplesTruth {
  const sweepFile = 'examples/benchmarks/sweeps/ollama_param_sweep.csv';
  const sweep = readCsv(path.join(repoRoot, sweepFile));
  return {
    experiment: experimentTruth(repoRoot),
    sweep: sweepTruth(sweepFile, sweep.rows, ['num_gpu', 'num_ctx', 'temperature'], ['tokens_s', 'ttft_ms']),
    quantization: quantizationTruth(repoRoot),
    models: modelsTruth(repoRoot),
  };
}

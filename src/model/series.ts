import type { SampleAccumulator } from '../metrics/accumulator.js';

export type Direction = 'higher' | 'lower' | 'none';

/** Aggregates a file states directly (mean ± sd, percentiles) instead of raw samples. */
export interface ProvidedSummary {
  n?: number;
  mean?: number;
  sd?: number;
  min?: number;
  max?: number;
  median?: number;
  /** Keyed by percentile, e.g. { 95: 1.2, 99: 1.9 }. */
  percentiles?: Record<number, number>;
}

/** What a parser hands on: a metric in one file, before units and statistics. */
export interface RawSeries {
  metric: string;
  labels: Record<string, string>;
  /** A unit the file states (header "(ms)", a cell suffix), which beats inference. */
  unitHint?: string;
  samples?: SampleAccumulator;
  summary?: ProvidedSummary;
  /**
   * The "better" direction when the tool's format states or implies it (Go's
   * `MB/s` is higher, `ns/op` lower; github-action-benchmark's
   * `customBiggerIsBetter`). Beats inference from the name and unit; the
   * `directions` input still beats it. Leave unset when the file says nothing:
   * inference from metric name + unit is the default.
   */
  directionHint?: Direction;
  /** 1-based line of the first value, for annotations. */
  line?: number;
  /** Set when the table's rows name their run and some run gave this series several values. */
  runs?: TableRuns;
}

/**
 * The runs a table's rows name (a `run_id` column), as one series saw them.
 * The requests of one run share its state (warm caches, the machine's load at
 * the time), so the runs, not the rows, are the independent measurements a
 * comparison may count.
 */
export interface TableRuns {
  /**
   * The column that names each row's run, as the file writes it. Absent on a
   * merged shard's series pooled from replicate files (its snapshot keeps
   * their run means, not their files).
   */
  column?: string;
  /** Each run's mean of this series' values, in the order of the runs' first rows. */
  means: number[];
  /**
   * Each run's key, as `means` lists them: the run column's value (a merged
   * shard's prefixed with its machine; the file, for its replicate runs).
   * Two series of one file with a key in common were measured in the same run.
   */
  keys: string[];
}

export interface Outlier {
  /** 0-based position of the sample in file order. */
  index: number;
  value: number;
}

export interface SeriesStats {
  /** null when a summary does not say how many samples it came from. */
  n: number | null;
  mean: number;
  sd: number | null;
  /** Coefficient of variation in percent (sd / |mean|). */
  cv: number | null;
  min: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  /** Percentiles came from a reservoir of the samples, not all of them. */
  approximate: boolean;
  /**
   * 'median' when the file stated a median (p50) and no mean: `mean` then
   * holds that median, the series' center, and is never shown or compared as
   * a mean (report.json writes the mean as null).
   */
  center?: 'median';
  /**
   * Percentiles a file stated besides p50, p95 and p99 (LLMPerf's p25/p75/p90,
   * vLLM's `--metric-percentiles 90,99.9`), by rank: `{ "90": 140, "99.9": 210 }`.
   */
  percentiles?: Record<string, number>;
}

export interface Series {
  /**
   * Stable across runs and commits: the path with timestamps and replicate
   * indices normalised (`runs/<ts>/`, `run_<n>/`), the metric and the file's labels.
   */
  id: string;
  /** The file the series was read from; for pooled replicates, the first run's file. */
  file: string;
  metric: string;
  labels: Record<string, string>;
  unit: string;
  direction: Direction;
  directionSource: 'inferred' | 'override';
  source: 'samples' | 'summary';
  stats: SeriesStats;
  outliers: Outlier[];
  /** Kept samples in file order (all of them unless the series exceeded the cap). */
  samples: number[];
  line?: number;
  /** Set when the series pools replicate runs stored in several files (`run_1/` … `run_5/`). */
  replicates?: ReplicateRuns;
  /** Set when the rows of its one file name their runs and some run gave several values (see TableRuns). */
  runs?: TableRuns;
  /**
   * Conditions recovered from the path, not written in the file: sibling
   * folders `runtime-a/`, `runtime-b/` give `{ runtime: 'a' }`. Kept apart
   * from `labels` so ids do not change when a sibling folder is added.
   */
  factors?: Record<string, string>;
  /** With `factors`: the path with every factor's segment as `*`, naming the experiment the series belongs to. */
  experiment?: string;
}

/** The runs a pooled series was made of. */
export interface ReplicateRuns {
  /** The runs' common path with the index written as a range, e.g. `exp/a/run_{1..5}/summary.json`. */
  pattern: string;
  /** Every run's file, in run order. */
  files: string[];
  /** Each run's mean, in run order: the spread between runs, which samples inside one run do not show. */
  runMeans: number[];
}

/** Ids of series measured by the LLM stage itself (the model's tokens/s), not read from files. */
export const LLM_SERIES_PREFIX = 'llm::';

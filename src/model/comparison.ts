import type { Direction } from './series.js';

export type BaselineKind = 'auto' | 'cache' | 'git' | 'history' | 'file' | 'none';

export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'insufficient-data' | 'new' | 'missing';

/** How a verdict was reached, for the report's interval column and notes. */
export type TestMethod = 'welch' | 'welch-summary' | 'bootstrap' | 'threshold-only' | 'none';

export interface SideSummary {
  /** The compared statistic (mean or median). */
  value: number;
  n: number | null;
  sd: number | null;
}

/** Base vs head for one series. Changes are fractions: -0.15 is a 15% drop. */
export interface SeriesComparison {
  id: string;
  file: string;
  metric: string;
  labels: Record<string, string>;
  unit: string;
  direction: Direction;
  /** Can fail the check (selected by the `gate` input). */
  gated: boolean;
  base: SideSummary | null;
  head: SideSummary | null;
  change: number | null;
  /** Confidence interval of the relative change, when the samples allow one. */
  interval: [number, number] | null;
  pValue: number | null;
  method: TestMethod;
  threshold: number;
  verdict: Verdict;
  /** Why the verdict is what it is, in words users read (e.g. "single value: threshold only"). */
  note?: string;
  /** Line in the head file, for annotations. */
  line?: number;
}

export interface BaselineInfo {
  source: Exclude<BaselineKind, 'auto' | 'none'>;
  /** e.g. "cache key chimera-insight-main-<sha>", "git merge base 1a2b3c4", "runs/20251009-093015". */
  description: string;
  commit?: { sha: string; ref?: string };
  /** When the baseline's data was produced (ISO), for "how old it is". */
  createdAt?: string;
  /** What the baseline leaves out or how it was chosen, e.g. history's "only the newest runs are compared; 46 other series are not". */
  note?: string;
}

export interface ComparisonReport {
  verdict: 'pass' | 'regression' | 'no-baseline';
  baseline?: BaselineInfo;
  /** Sources tried and why each gave nothing, in order (for `auto` and for warnings). */
  attempts: { source: string; outcome: string }[];
  series: SeriesComparison[];
  /** Settings the verdicts used, as shown in the report. */
  settings: Record<string, string>;
  /**
   * Set when the baseline the user named explicitly (`file:<path>`) could not
   * be used: the report is still published, then the step fails with this.
   */
  error?: string;
}

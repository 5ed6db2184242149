import type { Direction } from './series.js';

export type BaselineKind = 'auto' | 'cache' | 'git' | 'history' | 'file' | 'none';

/**
 * `inconclusive`: the test ran but its interval holds both changes within the
 * threshold and changes past it in the bad direction, so the data cannot tell
 * (never fails the check).
 */
export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive' | 'insufficient-data' | 'new' | 'missing';

/** How a verdict was reached, for the report's interval column and notes. */
export type TestMethod = 'welch' | 'welch-summary' | 'bootstrap' | 'threshold-only' | 'none';

export interface SideSummary {
  /** The compared statistic (mean or median). */
  value: number;
  n: number | null;
  sd: number | null;
}

/** Which spread the test used for one comparison (see docs/gate.md, "Noise"). */
export interface NoiseInfo {
  /**
   * `between-run`: the spread of per-run means across the default-branch
   * history was larger than this run's own samples suggest, and was used;
   * `within-run`: the samples of the compared runs alone.
   */
  source: 'within-run' | 'between-run';
  /** Default-branch runs in the history that hold this series (0: no history). */
  historyRuns: number;
  /** Standard deviation of one run's mean across the history, as a fraction of the baseline (when estimated). */
  betweenRunSd?: number;
  /** The baseline value is the mean of this many default-branch runs (the newest stable stretch of the history). */
  baselineRuns?: number;
  /** Why the history was not pooled into the baseline or not used, in words users read. */
  note?: string;
}

/** What the test could have seen, for reading an inconclusive (or unchanged) verdict. */
export interface DetectableEffect {
  /** Minimum detectable effect: the smallest true change found with `power` at the configured confidence, as a fraction of the baseline. */
  mde: number;
  power: number;
  /**
   * Inconclusive verdicts only: runs (samples) per side that would decide it,
   * from the observed spread (where the MDE falls below the threshold, or, when
   * it already is, where the interval would clear the threshold if the change
   * stayed where it is); null when more than `cap`.
   */
  runsPerSide?: number | null;
  cap: number;
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
  /** Which spread the test used (set when a test ran). */
  noise?: NoiseInfo;
  /** Minimum detectable effect and runs per side that would decide it (set when a test ran). */
  detectable?: DetectableEffect;
  /**
   * The hardware the baseline was measured on, set only when it is not this
   * series' own: such a comparison is shown, never gated.
   */
  baselineHardware?: string;
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
  /** The default-branch history the comparison learned noise from, and the trends of gated metrics. */
  history?: HistorySummary;
  /**
   * Set when the baseline the user named explicitly (`file:<path>`) could not
   * be used: the report is still published, then the step fails with this.
   */
  error?: string;
}

/** A lasting shift in a default-branch series, found by the change-point test (src/baseline/change-points.ts). */
export interface ChangeEvent {
  /** `step`: the level moved at one run and stayed; `drift`: a steady slope fits better than any step. */
  kind: 'step' | 'drift';
  /** Index in `points` (and the current run after them) of the first run at the new level; for a drift, the first run of the fit. */
  index: number;
  /** Commit of that run, when known. */
  commit?: string;
  /** How many runs came after it (0: this run). */
  runsAgo: number;
  /** Relative change: after vs before the step, or end vs start of the drift. */
  change: number;
  /** Bonferroni-adjusted p-value of the test that found it. */
  p: number;
  /** True for the most recent step when nothing moved after it. */
  latest: boolean;
}

/** One gated metric across the default-branch history, for the trend in the comment. */
export interface SeriesTrend {
  id: string;
  metric: string;
  labels: Record<string, string>;
  unit: string;
  direction: Direction;
  threshold: number;
  /** Per-run means of the default-branch history, oldest first. */
  points: { value: number; commit?: string; createdAt?: string }[];
  /** This run's mean, when the series is in it. */
  current: number | null;
  /** Change points of the history and this run; set on pushes to the default branch only. */
  changes?: ChangeEvent[];
}

export interface HistorySummary {
  /** Default-branch runs in the history (the newest K, `history-size`). */
  runs: number;
  /** Series whose test used the between-run spread, and those that kept the within-run one. */
  betweenRun: number;
  withinRun: number;
  /** Gated metrics' trends, worst first, capped (TREND_SERIES_LIMIT). */
  trends: SeriesTrend[];
  /** Whether change points were looked for (pushes to the default branch). */
  changePoints: boolean;
}

/**
 * Between-run noise of one series, learned from the default-branch history
 * (per-run means, oldest first), and the baseline that history supports.
 * Pure; the comparison (compare.ts) decides which spread to use.
 *
 * - The spread of one run's mean across runs is the residual variance of the
 *   per-run means once lasting shifts are taken out (change-points.ts): within
 *   each stretch at one level for steps, around the fitted line for a drift.
 *   It already holds each run's own sampling noise, so it is compared with the
 *   within-run variance of the mean, never added to it.
 * - The baseline is the mean of the newest stretch at one level (pooling k
 *   runs divides the baseline's run-to-run variance by k), unless the history
 *   drifts, or the newest one or two runs differ from the rest of that stretch
 *   (a shift too recent for the change-point test, which needs three runs):
 *   then it is the newest run alone, as without history.
 * - A run more than 5 robust standard deviations (1.4826 × the median
 *   absolute deviation) from the median of its stretch is an outlier (a
 *   throttled GPU, a busy node): it cannot be a change point (change-points.ts)
 *   and is left out of the pooled baseline and of the spread, and counted.
 */
import { detectChanges, type ChangeAnalysis } from './change-points.js';
import { medianOf, studentTCdf } from './statistics.js';

/** Fewer runs give too rough a spread to test with (4 degrees of freedom at 5 runs). */
export const MIN_HISTORY_RUNS = 5;
/** Robust standard deviations from its stretch's median past which a run is an outlier. */
const OUTLIER_ROBUST_SDS = 5;
/** Two-sided level at which the newest runs count as different from their stretch (the cautious side: pooling across a shift would bias the baseline). */
const NEWEST_RUN_ALPHA = 0.05;

/** One default-branch run's summary of a series. */
export interface RunValue {
  mean: number;
  sd: number | null;
  n: number | null;
  commit?: string;
}

export interface SeriesHistory {
  /** Runs in the history holding this series. */
  runs: number;
  /** Variance of one run's mean across runs (units²), null with fewer than MIN_HISTORY_RUNS runs. */
  between: number | null;
  /** Degrees of freedom of `between`. */
  df: number;
  /** The baseline as the mean of the newest stable stretch, when the history supports one. */
  pooled?: {
    mean: number;
    runs: number;
    /** Mean within-run variance of the mean (sd² / n) of those runs, 0 when they state no spread. */
    within: number;
  };
  /** Why no baseline was pooled, or which runs were left out, when between is known. */
  note?: string;
  /** Runs left out as outliers. */
  outliers?: number;
  analysis?: ChangeAnalysis;
}

function withinVariance(run: RunValue): number {
  return run.sd !== null && run.n !== null && run.n > 0 ? (run.sd * run.sd) / run.n : 0;
}

/** Two-sided p that the newest `j` values sit at the same level as the `rest`, with the run-to-run variance `between` (df). */
function newestShiftP(values: readonly number[], j: number, between: number, df: number): number {
  const newest = values.slice(-j);
  const rest = values.slice(0, -j);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const diff = mean(newest) - mean(rest);
  const se = Math.sqrt(between * (1 / j + 1 / rest.length));
  if (se === 0) return diff === 0 ? 1 : 0;
  return 2 * studentTCdf(-Math.abs(diff / se), df);
}

/** Indexes of values[start, end) more than OUTLIER_ROBUST_SDS robust sds from their median (none when the MAD is 0). */
function outliersIn(values: readonly number[], start: number, end: number): Set<number> {
  const stretch = values.slice(start, end);
  const m = medianOf(stretch);
  const mad = medianOf(stretch.map((v) => Math.abs(v - m)));
  const out = new Set<number>();
  if (mad === 0) return out;
  stretch.forEach((v, i) => {
    if (Math.abs(v - m) > OUTLIER_ROBUST_SDS * 1.4826 * mad) out.add(start + i);
  });
  return out;
}

/**
 * `pool: false` when the history's newest run is not the baseline run (the
 * baseline came from elsewhere): the spread is still learned, the baseline
 * value is left alone.
 */
export function seriesHistory(runs: readonly RunValue[], options: { pool?: boolean } = {}): SeriesHistory {
  if (runs.length < MIN_HISTORY_RUNS) return { runs: runs.length, between: null, df: 0 };
  const means = runs.map((r) => r.mean);
  const analysis = detectChanges(means);
  const out: SeriesHistory = { runs: runs.length, between: analysis.residualVariance, df: analysis.df, analysis };
  if (analysis.kind === 'drift') {
    out.note = 'the history drifts, so the baseline is the newest run alone';
    return out;
  }
  // Spread within each stretch at one level, outliers left out (at least two runs kept per stretch).
  const outliers = new Set<number>();
  let ss = 0;
  let df = 0;
  const kept: number[][] = analysis.segments.map((seg) => {
    const flagged = outliersIn(means, seg.start, seg.end);
    const keep = means.slice(seg.start, seg.end).filter((_, i) => !flagged.has(seg.start + i));
    if (keep.length < 2) return means.slice(seg.start, seg.end);
    for (const i of flagged) outliers.add(i);
    return keep;
  });
  for (const values of kept) {
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    ss += values.reduce((a, v) => a + (v - m) ** 2, 0);
    df += values.length - 1;
  }
  out.between = df > 0 ? ss / df : analysis.residualVariance;
  out.df = df > 0 ? df : analysis.df;
  if (outliers.size > 0) {
    out.outliers = outliers.size;
    out.note = `${outliers.size === 1 ? '1 outlying run' : `${outliers.size} outlying runs`} left out`;
  }
  const last = analysis.segments[analysis.segments.length - 1];
  if (!last) return out;
  const note = (text: string) => {
    out.note = out.note ? `${out.note}; ${text}` : text;
  };
  if (options.pool === false) {
    note("the history's newest run is not the baseline, so the baseline is not pooled");
    return out;
  }
  const lastIndexes = Array.from({ length: last.end - last.start }, (_, i) => last.start + i);
  // The newest run is the baseline itself: an outlier there is a shift too recent to tell apart, handled below.
  const newestIndex = means.length - 1;
  const pooledIndexes = lastIndexes.filter((i) => i === newestIndex || !outliers.has(i));
  const stretch = pooledIndexes.map((i) => means[i] as number);
  // A shift in the newest one or two runs is too recent for the change-point test: look for it here (Bonferroni over j = 1, 2).
  for (const j of [1, 2]) {
    if (stretch.length - j < 2) continue;
    if (2 * newestShiftP(stretch, j, out.between, out.df) < NEWEST_RUN_ALPHA) {
      note(`the newest ${j === 1 ? 'run differs' : 'two runs differ'} from the ones before, so the baseline is the newest run alone`);
      return out;
    }
  }
  const pooledRuns = pooledIndexes.map((i) => runs[i] as RunValue);
  out.pooled = {
    mean: stretch.reduce((a, b) => a + b, 0) / stretch.length,
    runs: pooledRuns.length,
    within: pooledRuns.reduce((sum, r) => sum + withinVariance(r), 0) / pooledRuns.length,
  };
  return out;
}

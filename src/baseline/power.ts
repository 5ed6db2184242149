/**
 * What a comparison could have detected: the minimum detectable effect (MDE)
 * at the configured confidence and power, and how many runs per side would
 * bring it under the threshold. Pure; see docs/gate.md ("Inconclusive").
 */
import { studentTQuantile } from './statistics.js';

/** Past this many runs (samples) per side the report says "more than 1000": per-request samples can reach it, whole runs never would. */
export const RUNS_TO_DECIDE_CAP = 1000;

// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9).
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function poly(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((acc, c) => acc * x + c, 0);
}

/** z with P(Z ≤ z) = p for the standard normal. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability ${p} must be between 0 and 1`);
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(C, q) / (poly(D, q) * q + 1);
  }
  if (p > 1 - P_LOW) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

/** Student's t quantile, the normal one for unbounded degrees of freedom (a bootstrap). */
export function quantile(p: number, df: number): number {
  return Number.isFinite(df) && df < 1e6 ? studentTQuantile(p, df) : normalQuantile(p);
}

/**
 * (t₁₋α/2 + t_power) · se / |base|: the true relative change a two-sided test
 * at `confidence` finds with probability `power`, given the standard error of
 * the difference of means `se` with `df` degrees of freedom.
 */
export function minimumDetectableEffect(se: number, df: number, baseAbs: number, confidence: number, power: number): number {
  return ((quantile((1 + confidence) / 2, df) + quantile(power, df)) * se) / baseAbs;
}

/**
 * The spread of one side as it would scale with more runs: `perRun` is the
 * variance one run (or sample) adds to that side's mean, so N of them give
 * perRun / N.
 */
export interface SideSpread {
  perRun: number;
}

/**
 * The smallest N (2…cap) for which `decides(se, df)` holds with N runs on each
 * side, the same spread per run, se = √((a + b) / N) and the
 * Welch–Satterthwaite degrees of freedom (N − 1)(a + b)² / (a² + b²); null
 * when even `cap` runs would not. Binary search: se only shrinks and df only
 * grows with N, so a condition that holds at N holds beyond it.
 */
function smallestRuns(base: SideSpread, head: SideSpread, decides: (se: number, df: number) => boolean, cap: number): number | null {
  const a = base.perRun;
  const b = head.perRun;
  if (a + b === 0) return 2;
  const at = (n: number) => decides(Math.sqrt((a + b) / n), ((n - 1) * (a + b) ** 2) / (a * a + b * b));
  if (!at(cap)) return null;
  let lo = 2;
  let hi = cap;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Runs per side at which the MDE falls below `threshold`. */
export function runsToDecide(base: SideSpread, head: SideSpread, baseAbs: number, threshold: number, confidence: number, power: number, cap = RUNS_TO_DECIDE_CAP): number | null {
  return smallestRuns(base, head, (se, df) => minimumDetectableEffect(se, df, baseAbs, confidence, power) < threshold, cap);
}

/**
 * Runs per side at which an interval around the observed change would no
 * longer reach a boundary `distance` away (a fraction of the baseline): for a
 * change that sits close to the threshold, where the MDE is already below it.
 */
export function runsToExclude(base: SideSpread, head: SideSpread, baseAbs: number, distance: number, confidence: number, cap = RUNS_TO_DECIDE_CAP): number | null {
  if (!(distance > 0)) return null;
  return smallestRuns(base, head, (se, df) => (quantile((1 + confidence) / 2, df) * se) / baseAbs < distance, cap);
}

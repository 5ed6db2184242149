import type { Verdict } from './comparison.js';

/** One side-by-side comparison the calibration ran where nothing changed (A/A). */
export interface AaComparison {
  change: number;
  interval: [number, number] | null;
  /** What the gate says: anything but unchanged or inconclusive would be a false alarm. */
  verdict: Verdict;
}

/** This runner's noise for one series, from the run itself and the default-branch history. */
export interface CalibrationRow {
  id: string;
  file: string;
  metric: string;
  labels: Record<string, string>;
  unit: string;
  gated: boolean;
  n: number | null;
  /** Coefficient of variation of one sample within this run (fraction). */
  withinCv: number | null;
  /** Odd-numbered samples against even-numbered ones, compared as the gate compares two runs. */
  splitHalf: AaComparison | null;
  /** Standard deviation of one run's mean across the history, as a fraction of the history's mean. */
  betweenSd: number | null;
  historyRuns: number;
  /** This run against the history as the history-aware gate compares them. */
  vsHistory: AaComparison | null;
  /** Which spread dominates the noise floor. */
  basis: 'within-run' | 'between-run';
  /** Standard deviation of the relative change between this run and its baseline when nothing changed (fraction). */
  noiseFloor: number | null;
  /** The change noise alone passes in the bad direction about 1% of the time, rounded up to 0.5% (fraction). */
  suggestedThreshold: number | null;
}

export interface CalibrationReport {
  /** Gated series first, then the rest, capped (CALIBRATION_ROW_LIMIT); `total` counts all. */
  rows: CalibrationRow[];
  total: number;
  /** Default-branch runs available (0: within-run only). */
  historyRuns: number;
  /** One-sided false-alarm rate the suggested thresholds are set for. */
  falseAlarmRate: number;
}

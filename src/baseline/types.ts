import type { PatternRule } from '../config-input.js';
import type { BaselineKind } from '../model/comparison.js';

/** `git` alone reads the event's base commit; `git:<ref>` the merge base of HEAD with `ref` (any CI, a laptop). */
export type BaselineSpec = { kind: Exclude<BaselineKind, 'file' | 'git'> } | { kind: 'git'; ref?: string } | { kind: 'file'; path: string };

/** Which metrics can fail the check; `none` says on purpose that none can. */
export type GateSelection = { mode: 'throughput' } | { mode: 'all' } | { mode: 'none' } | { mode: 'globs'; patterns: string[] };

/** Inputs of the regression gate: `baseline`, `statistic`, `threshold`, `thresholds`, `min-samples`, `confidence`, `power`, `gate`, `fail-on-regression`, `history-size`, `calibrate`. */
export interface GateConfig {
  baseline: BaselineSpec;
  statistic: 'mean' | 'median';
  /** Relative change in the bad direction, as a fraction (5% → 0.05). */
  threshold: number;
  /** Per-metric thresholds (fractions), first matching glob wins. */
  thresholds: PatternRule<number>[];
  minSamples: number;
  /** e.g. 0.95 */
  confidence: number;
  /** Power the minimum detectable effect is stated at, e.g. 0.8. */
  power: number;
  gate: GateSelection;
  failOnRegression: boolean;
  /** Default-branch runs kept in the history (0: no history). */
  historySize: number;
  /** Add the A/A calibration (noise floor per metric, suggested threshold) to the report. */
  calibrate: boolean;
}

import type { SeriesComparison } from './comparison.js';
import type { ExcludedBy } from '../util/excluded-rows.js';
import type { Direction } from './series.js';

export type FindingKind = 'ranking' | 'sweep' | 'change' | 'stability';

/** One level of a factor (or one configuration of a sweep) as a finding states it. */
export interface FindingLevel {
  /** The factor's value (`compiled`, `8`), or for a configuration its labels joined (`num_gpu=2, num_ctx=2048`). */
  value: string;
  /** Samples behind the mean; null when a stated summary does not say. */
  n: number | null;
  mean: number;
  sd: number | null;
  /**
   * 'median' when the level's value is a median its file stated without a
   * mean; 'medians' when it averages such medians (SeriesStats.center).
   */
  center?: 'median' | 'medians';
  /** Series ids the level pools. */
  series: string[];
}

/** Whether differences exceed the noise, and how that was decided. */
export interface NoiseTest {
  /** welch: best vs runner-up (two levels of one factor); anova: main-effects F-test; none: not testable. */
  method: 'welch' | 'anova' | 'none';
  /** Two-sided p-value of the test; null when none could run. */
  p: number | null;
  /** p < 1 − confidence; null when no test could run (single values, no spread). */
  significant: boolean | null;
  /** Why no test ran, in words users read (e.g. "one value per level"). */
  reason?: string;
}

/** A factor's main effect in a sweep: the mean per level, averaged over the other factors. */
export interface SweepEffect {
  factor: string;
  /** In the factor's natural order (numeric levels ascending). */
  levels: FindingLevel[];
  /** (highest level mean − lowest) / |grand mean|, as a fraction (of the geometric grand mean when `geometric`). */
  spread: number;
  /**
   * The level means (and the grand mean) are geometric means of the
   * configurations' means, each weighted by its n: the test that decides the
   * effect is on the log scale (every value positive), and an arithmetic
   * mean can order two levels the other way from it. Their `sd` is null.
   */
  geometric?: true;
  test: NoiseTest;
  /**
   * The design is incomplete (not every level ran at every setting of the
   * other conditions): the level means are over the settings every level
   * ran, so they compare like with like.
   */
  matched?: true;
  /**
   * Incomplete, and no setting of the other conditions ran every level (the
   * levels overlap only pairwise): the level means are over each level's own
   * settings, and the text says so; the test is the additive model's.
   */
  unmatched?: true;
}

export interface SweepDetail {
  factors: string[];
  configurations: number;
  /** Median samples per configuration. */
  runsPerConfiguration: number;
  best: FindingLevel & { labels: Record<string, string> };
  worst: FindingLevel & { labels: Record<string, string> };
  /** Largest effect first. */
  effects: SweepEffect[];
  /** No factor's effect is distinguishable from the noise. */
  withinNoise: boolean;
}

export interface StabilityItem {
  series: string;
  /** The series as users read it: metric and labels. */
  name: string;
  cv?: number;
  /** e.g. "CV 98.3% over 9 samples", "first run 5.4× the median (warm-up?)". */
  note: string;
}

/**
 * A computed result the report leads with. Every number in `text` comes from
 * the fields beside it; code writes the sentence, never the model.
 */
export interface Finding {
  /** Stable within one report, in rank order: f1, f2, … */
  id: string;
  kind: FindingKind;
  metric: string;
  unit: string;
  direction: Direction;
  /** One plain-text sentence (no Markdown); renderers escape it. */
  text: string;
  /** Series ids the finding rests on. */
  series: string[];
  /** Rank key: metric importance × effect size × evidence; higher first. */
  score: number;
  /** Where the series come from (a file or a path pattern) and the labels they all share. */
  scope: { path: string; labels: Record<string, string> };
  /** ranking: the factor whose levels are ranked. */
  factor?: string;
  /** ranking: every level, best first. */
  levels?: FindingLevel[];
  /** ranking: highest mean / lowest mean (≥ 1). */
  ratio?: number;
  /** Do the levels differ by more than the noise? */
  test?: NoiseTest;
  /**
   * ranking over several conditions: the factor's levels within each setting
   * of the other conditions (best first), at most 12 settings.
   */
  slices?: { setting: string; values: { level: string; mean: number; n: number | null }[] }[];
  /** ranking of three or more levels: is the best distinguishable from the runner-up? */
  lead?: NoiseTest;
  sweep?: SweepDetail;
  change?: Pick<SeriesComparison, 'verdict' | 'change' | 'interval' | 'pValue' | 'base' | 'head' | 'gated' | 'threshold' | 'labels' | 'file'>;
  /** excludedBy: what left the rows out (src/util/excluded-rows.ts); absent in reports before it was kept. */
  stability?: { items: StabilityItem[]; excludedRows?: number; excludedBy?: ExcludedBy };
}

/** What the experiments stage recovered from the tree's layout, for the report's data notes. */
export interface ExperimentStructure {
  /** Files whose paths differ only in a run index, pooled into one series per metric. */
  replicateGroups: { pattern: string; runs: number; series: number }[];
  /** Factors read from folder and file names (or the `factors` input). */
  factors: { name: string; levels: string[]; where: string; source: 'path' | 'input' }[];
  /** Series before pooling replicates. */
  seriesBeforePooling: number;
}

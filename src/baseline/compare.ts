import type { SeriesStats } from '../model/series.js';
import { formatP } from '../util/numbers.js';
import { formatThreshold } from './config.js';
import { bootstrapMedianChange, fiellerInterval, hashSeed, studentTQuantile, welchTest } from './statistics.js';
import { compileGateRules, type GateRules } from './thresholds.js';
import type { GateConfig } from './types.js';
import type { SeriesComparison, SideSummary, TestMethod, Verdict } from '../model/comparison.js';
import type { SnapshotSeries } from '../model/snapshot.js';

/** What a comparison reads of a series: a head `Series` and a baseline `SnapshotSeries` both fit. */
export type ComparableSeries = Pick<SnapshotSeries, 'id' | 'file' | 'metric' | 'labels' | 'unit' | 'direction' | 'source' | 'stats' | 'samples' | 'line'>;

/** The gate settings a comparison needs. */
export type CompareSettings = Pick<GateConfig, 'statistic' | 'threshold' | 'thresholds' | 'minSamples' | 'confidence' | 'gate'>;

/**
 * Matches base and head by `id` and compares each pair. Series only in head
 * are `new`, series only in base `missing`; neither is ever a regression.
 * Result order: head order, then the missing ones in base order.
 */
export function compareAll(base: readonly ComparableSeries[], head: readonly ComparableSeries[], settings: CompareSettings): SeriesComparison[] {
  const rules = compileGateRules(settings);
  const baseById = new Map<string, ComparableSeries>();
  for (const s of base) if (!baseById.has(s.id)) baseById.set(s.id, s);
  const out: SeriesComparison[] = [];
  const seen = new Set<string>();
  for (const h of head) {
    if (seen.has(h.id)) continue;
    seen.add(h.id);
    const b = baseById.get(h.id);
    out.push(b ? compareSeries(b, h, settings, rules) : unmatched(h, 'new', rules));
  }
  // `seen` holds every head id by now, so what it lacks is missing from the head.
  for (const b of base) if (!seen.has(b.id)) {
    seen.add(b.id);
    out.push(unmatched(b, 'missing', rules));
  }
  return out;
}

function sideOf(s: ComparableSeries, statistic: CompareSettings['statistic']): SideSummary {
  const value = statistic === 'median' ? (s.stats.p50 ?? s.stats.mean) : s.stats.mean;
  return { value, n: s.stats.n, sd: s.stats.sd };
}

function unmatched(s: ComparableSeries, verdict: 'new' | 'missing', rules: GateRules): SeriesComparison {
  const side = sideOf(s, 'mean');
  return {
    ...identity(s, rules),
    base: verdict === 'missing' ? side : null,
    head: verdict === 'new' ? side : null,
    change: null,
    interval: null,
    pValue: null,
    method: 'none',
    verdict,
    note: verdict === 'new' ? 'not in the baseline' : 'in the baseline, not in this run',
  };
}

function identity(s: ComparableSeries, rules: GateRules): Pick<SeriesComparison, 'id' | 'file' | 'metric' | 'labels' | 'unit' | 'direction' | 'gated' | 'threshold' | 'line'> {
  const out: Pick<SeriesComparison, 'id' | 'file' | 'metric' | 'labels' | 'unit' | 'direction' | 'gated' | 'threshold' | 'line'> = {
    id: s.id,
    file: s.file,
    metric: s.metric,
    labels: s.labels,
    unit: s.unit,
    direction: s.direction,
    gated: rules.isGated(s),
    threshold: rules.thresholdFor(s),
  };
  if (s.line !== undefined) out.line = s.line;
  return out;
}

interface Test {
  method: TestMethod;
  interval: [number, number] | null;
  pValue: number | null;
  note?: string;
}

/** How the pair can be tested, or why only the threshold applies. */
function chooseTest(base: ComparableSeries, head: ComparableSeries, settings: CompareSettings): Test {
  const threshold = (note: string): Test => ({ method: 'threshold-only', interval: null, pValue: null, note });
  const nb = base.stats.n;
  const nh = head.stats.n;
  if (nb === 1 || nh === 1) return threshold('single value: threshold only');
  if (settings.statistic === 'median') {
    if (base.source === 'summary' || head.source === 'summary') return threshold('median of a stated summary: threshold only');
    if (base.samples.length < settings.minSamples || head.samples.length < settings.minSamples) return threshold(fewer(settings.minSamples));
    const boot = bootstrapMedianChange(base.samples, head.samples, settings.confidence, hashSeed(head.id));
    if (!boot) return threshold('baseline median is 0');
    return { method: 'bootstrap', interval: boot.interval, pValue: boot.p };
  }
  if (nb === null || nh === null || base.stats.sd === null || head.stats.sd === null) return threshold('summary without n and sd: threshold only');
  if (nb < settings.minSamples || nh < settings.minSamples) return threshold(fewer(settings.minSamples));
  const welch = welchTest(moments(base.stats, nb), moments(head.stats, nh));
  const q = Number.isFinite(welch.df) && welch.df > 0 ? studentTQuantile((1 + settings.confidence) / 2, welch.df) : Number.NaN;
  const interval = Number.isNaN(q) ? null : fiellerInterval(base.stats.mean, head.stats.mean, welch.baseVarianceOfMean, welch.headVarianceOfMean, q);
  const test: Test = {
    method: base.source === 'summary' || head.source === 'summary' ? 'welch-summary' : 'welch',
    interval,
    pValue: welch.p,
  };
  if (!interval) test.note = 'baseline too noisy for a bounded interval';
  return test;
}

function fewer(minSamples: number): string {
  return `fewer than ${minSamples} samples (min-samples): threshold only`;
}

function moments(stats: SeriesStats, n: number): { mean: number; variance: number; n: number } {
  return { mean: stats.mean, variance: (stats.sd ?? 0) ** 2, n };
}

/**
 * One matched pair. Regressed: the change in the bad direction exceeds the
 * threshold and, when a test could run, is significant at `confidence`
 * (two-sided p < 1 − confidence, i.e. the interval excludes 0). Improved is
 * the mirror image. Direction `none` reports the change and never judges it.
 */
export function compareSeries(base: ComparableSeries, head: ComparableSeries, settings: CompareSettings, rules: GateRules = compileGateRules(settings)): SeriesComparison {
  const b = sideOf(base, settings.statistic);
  const h = sideOf(head, settings.statistic);
  const result: SeriesComparison = {
    ...identity(head, rules),
    base: b,
    head: h,
    change: null,
    interval: null,
    pValue: null,
    method: 'none',
    verdict: 'insufficient-data',
  };
  if (!Number.isFinite(b.value) || !Number.isFinite(h.value)) {
    result.note = 'no finite value to compare';
    return result;
  }
  if (b.value === 0) {
    result.note = `baseline ${settings.statistic} is 0: no relative change`;
    return result;
  }
  result.change = (h.value - b.value) / Math.abs(b.value);
  const test = chooseTest(base, head, settings);
  result.method = test.method;
  result.interval = test.interval;
  result.pValue = test.pValue;
  const notes: string[] = [];
  if (test.note) notes.push(test.note);
  result.verdict = judge(result.change, result.direction, result.threshold, test.pValue, settings.confidence);
  if (result.direction === 'none') notes.push('no better direction: change reported only');
  else if (result.verdict === 'unchanged' && test.pValue !== null && beyond(result.change, result.threshold)) {
    notes.push(`past the ${formatThreshold(result.threshold)} threshold but not significant (p=${formatP(test.pValue)})`);
  }
  if (notes.length > 0) result.note = notes.join('; ');
  return result;
}

function beyond(change: number, threshold: number): boolean {
  return Math.abs(change) > threshold;
}

function judge(change: number, direction: SeriesComparison['direction'], threshold: number, p: number | null, confidence: number): Verdict {
  if (direction === 'none') return 'unchanged';
  const significant = p === null || p < 1 - confidence;
  const good = direction === 'higher' ? change : -change;
  if (significant && -good > threshold) return 'regressed';
  if (significant && good > threshold) return 'improved';
  return 'unchanged';
}

/** How far past its threshold a change went in the bad direction (≤ 0 when not past it). */
export function severity(c: SeriesComparison): number {
  if (c.change === null || c.direction === 'none') return Number.NEGATIVE_INFINITY;
  const bad = c.direction === 'higher' ? -c.change : c.change;
  return bad - c.threshold;
}

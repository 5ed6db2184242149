import type { SeriesStats } from '../model/series.js';
import { formatThreshold } from './config.js';
import { MIN_HISTORY_RUNS, type SeriesHistory } from './noise.js';
import { minimumDetectableEffect, quantile, RUNS_TO_DECIDE_CAP, runsToDecide, runsToExclude, type SideSpread } from './power.js';
import { bootstrapMedianChange, fiellerInterval, hashSeed, studentTCdf, studentTQuantile, welchTest } from './statistics.js';
import { compileGateRules, type GateRules } from './thresholds.js';
import { scaleStats, unitFactor } from './units.js';
import type { GateConfig } from './types.js';
import type { DetectableEffect, NoiseInfo, SeriesComparison, SideSummary, TestMethod, Verdict } from '../model/comparison.js';
import type { SnapshotSeries } from '../model/snapshot.js';

/** What a comparison reads of a series: a head `Series` and a baseline `SnapshotSeries` both fit. */
export type ComparableSeries = Pick<SnapshotSeries, 'id' | 'file' | 'metric' | 'labels' | 'unit' | 'direction' | 'source' | 'stats' | 'samples' | 'line'>;

/** The gate settings a comparison needs. */
export type CompareSettings = Pick<GateConfig, 'statistic' | 'threshold' | 'thresholds' | 'minSamples' | 'confidence' | 'gate' | 'power'>;

/** Default-branch history per head series id (noise.ts), when the baseline came with one. */
export type HistoryLookup = ReadonlyMap<string, SeriesHistory>;

/** A head series the history does not hold: tested as without history, and said so. */
const EMPTY_HISTORY: SeriesHistory = { runs: 0, between: null, df: 0 };

/**
 * Matches base and head by `id` and compares each pair. Series only in head
 * are `new`, series only in base `missing`; neither is ever a regression.
 * Result order: head order, then the missing ones in base order.
 */
export function compareAll(base: readonly ComparableSeries[], head: readonly ComparableSeries[], settings: CompareSettings, history?: HistoryLookup): SeriesComparison[] {
  const rules = compileGateRules(settings);
  const baseById = new Map<string, ComparableSeries>();
  for (const s of base) if (!baseById.has(s.id)) baseById.set(s.id, s);
  const out: SeriesComparison[] = [];
  const seen = new Set<string>();
  for (const h of head) {
    if (seen.has(h.id)) continue;
    seen.add(h.id);
    const b = baseById.get(h.id);
    out.push(b ? compareSeries(b, h, settings, rules, history ? (history.get(h.id) ?? EMPTY_HISTORY) : undefined) : unmatched(h, 'new', rules));
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
  /** The baseline value when the history replaced the latest run's with a pooled mean. */
  baseValue?: number;
  noise?: NoiseInfo;
  /** Standard error of the difference of means (units), its degrees of freedom, and each side's variance per run, for the MDE. */
  spread?: { se: number; df: number; base: SideSpread; head: SideSpread };
}

/** How the pair can be tested, or why only the threshold applies. */
function chooseTest(base: ComparableSeries, head: ComparableSeries, settings: CompareSettings, history: SeriesHistory | undefined): Test {
  const threshold = (note: string): Test => ({ method: 'threshold-only', interval: null, pValue: null, note });
  const nb = base.stats.n;
  const nh = head.stats.n;
  if (nb === 1 || nh === 1) return threshold('single value: threshold only');
  if (settings.statistic === 'median') {
    if (base.source === 'summary' || head.source === 'summary') return threshold('median of a stated summary: threshold only');
    // A cache saved under `statistic: mean` keeps the median but not the samples the bootstrap needs.
    if (base.samples.length === 0 && head.samples.length >= settings.minSamples) return threshold('baseline saved without its samples (under statistic: mean): medians compared by threshold only');
    if (base.samples.length < settings.minSamples || head.samples.length < settings.minSamples) return threshold(fewer(settings.minSamples));
    const boot = bootstrapMedianChange(base.samples, head.samples, settings.confidence, hashSeed(head.id));
    if (!boot) return threshold('baseline median is 0');
    const test: Test = { method: 'bootstrap', interval: boot.interval, pValue: boot.p };
    const baseAbs = Math.abs(base.stats.p50 ?? base.stats.mean);
    // The percentile interval's half-width as a normal one's: se ≈ width / (2·z), split evenly per sample.
    const se = ((boot.interval[1] - boot.interval[0]) * baseAbs) / (2 * quantile((1 + settings.confidence) / 2, Infinity));
    const perSample = (se * se) / (1 / base.samples.length + 1 / head.samples.length);
    test.spread = { se, df: Infinity, base: { perRun: perSample }, head: { perRun: perSample } };
    if (history && history.runs > 0) test.noise = { source: 'within-run', historyRuns: history.runs, note: 'the history is used with statistic: mean only' };
    return test;
  }
  // Welch's test is on means: a stated median with its sd is not one.
  if (base.stats.center === 'median' || head.stats.center === 'median') return threshold('a median stated without a mean: threshold only');
  if (nb === null || nh === null || base.stats.sd === null || head.stats.sd === null) {
    const noN = nb === null || nh === null;
    const noSd = base.stats.sd === null || head.stats.sd === null;
    return threshold(`summary without ${noN && noSd ? 'n and sd' : noN ? 'a sample count (n)' : 'an sd'}: threshold only`);
  }
  if (nb < settings.minSamples || nh < settings.minSamples) return threshold(fewer(settings.minSamples));
  const method: TestMethod = base.source === 'summary' || head.source === 'summary' ? 'welch-summary' : 'welch';
  const test = history && history.runs > 0 ? historyTest(base, head, nb, nh, settings, history) : withinTest(base, head, nb, nh, settings);
  test.method = method;
  if (!test.interval) test.note = 'baseline too noisy for a bounded interval';
  return test;
}

/** Welch's test on the samples of the two runs alone. */
function withinTest(base: ComparableSeries, head: ComparableSeries, nb: number, nh: number, settings: CompareSettings): Test {
  const welch = welchTest(moments(base.stats, nb), moments(head.stats, nh));
  const q = Number.isFinite(welch.df) && welch.df > 0 ? studentTQuantile((1 + settings.confidence) / 2, welch.df) : Number.NaN;
  const interval = Number.isNaN(q) ? null : fiellerInterval(base.stats.mean, head.stats.mean, welch.baseVarianceOfMean, welch.headVarianceOfMean, q);
  return {
    method: 'welch',
    interval,
    pValue: welch.p,
    noise: { source: 'within-run', historyRuns: 0 },
    spread: {
      se: Math.sqrt(welch.baseVarianceOfMean + welch.headVarianceOfMean),
      df: welch.df,
      base: { perRun: welch.baseVarianceOfMean * nb },
      head: { perRun: welch.headVarianceOfMean * nh },
    },
  };
}

/** One estimated variance in the difference of means: coefficient × estimate, with the estimate's degrees of freedom. */
interface Component {
  coefficient: number;
  variance: number;
  df: number;
}

/**
 * The test with the default-branch history: each side's variance of the mean
 * is the larger of its within-run one (sd² / n) and the between-run variance
 * of a run's mean; the baseline is the pooled mean of the newest stable
 * stretch when there is one (its variance divided by the runs pooled).
 * Degrees of freedom by Welch–Satterthwaite over the distinct estimates (the
 * between-run variance counts once even when both sides use it). The t
 * statistic, p and Fieller's interval are then computed as in Welch's test.
 */
function historyTest(base: ComparableSeries, head: ComparableSeries, nb: number, nh: number, settings: CompareSettings, history: SeriesHistory): Test {
  const between = history.between;
  if (between === null) {
    const test = withinTest(base, head, nb, nh, settings);
    test.noise = { source: 'within-run', historyRuns: history.runs, note: `between-run noise needs at least ${MIN_HISTORY_RUNS}` };
    return test;
  }
  const withinBase = (base.stats.sd ?? 0) ** 2 / nb;
  const withinHead = (head.stats.sd ?? 0) ** 2 / nh;
  let betweenCoefficient = 0;
  const components: Component[] = [];
  const headUsesBetween = between > withinHead;
  if (headUsesBetween) betweenCoefficient += 1;
  else components.push({ coefficient: 1 / nh, variance: (head.stats.sd ?? 0) ** 2, df: nh - 1 });
  const pooled = history.pooled;
  let baseValue = base.stats.mean;
  let baseVariance: number;
  let basePerRun: number;
  if (pooled) {
    baseValue = pooled.mean;
    if (between >= pooled.within) {
      betweenCoefficient += 1 / pooled.runs;
      baseVariance = between / pooled.runs;
      basePerRun = between;
    } else {
      // Within-run spread of the pooled runs, each estimated from about nb samples.
      components.push({ coefficient: 1 / pooled.runs, variance: pooled.within, df: pooled.runs * Math.max(1, nb - 1) });
      baseVariance = pooled.within / pooled.runs;
      basePerRun = pooled.within;
    }
  } else if (between > withinBase) {
    betweenCoefficient += 1;
    baseVariance = between;
    basePerRun = between;
  } else {
    components.push({ coefficient: 1 / nb, variance: (base.stats.sd ?? 0) ** 2, df: nb - 1 });
    baseVariance = withinBase;
    basePerRun = withinBase * nb;
  }
  if (betweenCoefficient > 0) components.push({ coefficient: betweenCoefficient, variance: between, df: history.df });
  const headVariance = headUsesBetween ? between : withinHead;
  const se2 = baseVariance + headVariance;
  const denominator = components.reduce((sum, c) => sum + (c.coefficient * c.variance) ** 2 / c.df, 0);
  const df = denominator > 0 ? (se2 * se2) / denominator : Infinity;
  const diff = head.stats.mean - baseValue;
  let p: number;
  if (se2 === 0) p = diff === 0 ? 1 : 0;
  else p = Math.min(1, 2 * studentTCdf(-Math.abs(diff / Math.sqrt(se2)), df));
  const q = df > 0 ? quantile((1 + settings.confidence) / 2, df) : Number.NaN;
  const interval = Number.isNaN(q) ? null : fiellerInterval(baseValue, head.stats.mean, baseVariance, headVariance, q);
  const noise: NoiseInfo = { source: headUsesBetween ? 'between-run' : 'within-run', historyRuns: history.runs };
  if (baseValue !== 0) noise.betweenRunSd = Math.sqrt(between) / Math.abs(baseValue);
  if (pooled) noise.baselineRuns = pooled.runs;
  if (history.note) noise.note = history.note;
  const test: Test = {
    method: 'welch',
    interval,
    pValue: p,
    noise,
    spread: { se: Math.sqrt(se2), df, base: { perRun: basePerRun }, head: { perRun: headUsesBetween ? between : withinHead * nh } },
  };
  if (pooled) test.baseValue = baseValue;
  return test;
}

function fewer(minSamples: number): string {
  return `fewer than ${minSamples} samples (min-samples): threshold only`;
}

/**
 * A baseline of 0 has no relative change, but a count of failures that rises
 * from 0 (vLLM's `failed` requests, 0 → 30) is the plainest regression there
 * is: any move away from 0 in the bad direction is past every threshold, and
 * in the good direction past it too. With samples on both sides it must also
 * be significant (Welch's test on the difference itself); 0 against 0 is
 * unchanged. Metrics without a better direction report nothing more.
 */
function fromZero(result: SeriesComparison, base: ComparableSeries, head: ComparableSeries, settings: CompareSettings): SeriesComparison {
  const h = result.head?.value ?? 0;
  if (h === 0) {
    result.change = 0;
    result.method = 'threshold-only';
    result.verdict = 'unchanged';
    result.note = `0 in both runs`;
    return result;
  }
  result.note = `baseline ${settings.statistic} is 0: no relative change`;
  if (result.direction === 'none') return result;
  const nb = base.stats.n;
  const nh = head.stats.n;
  const tested = settings.statistic === 'mean' && nb !== null && nh !== null && nb >= settings.minSamples && nh >= settings.minSamples && base.stats.sd !== null && head.stats.sd !== null;
  const p = tested ? welchTest(moments(base.stats, nb), moments(head.stats, nh)).p : null;
  result.method = tested ? (base.source === 'summary' || head.source === 'summary' ? 'welch-summary' : 'welch') : 'threshold-only';
  result.pValue = p;
  if (p !== null && !(p < 1 - settings.confidence)) {
    result.verdict = 'unchanged';
    result.note = `${h > 0 ? 'rose' : 'fell'} from 0 within the noise (p=${p.toPrecision(2)}): no relative change`;
    return result;
  }
  const worse = result.direction === 'lower' ? h > 0 : h < 0;
  result.verdict = worse ? 'regressed' : 'improved';
  result.note = `${h > 0 ? 'rose' : 'fell'} from 0: no relative change, past any threshold`;
  return result;
}

/** A baseline series in this run's unit: every statistic and sample multiplied by `factor`. */
function inUnit(s: ComparableSeries, factor: number, unit: string): ComparableSeries {
  return { ...s, unit, stats: scaleStats(s.stats, factor), samples: s.samples.map((x) => x * factor) };
}

function moments(stats: SeriesStats, n: number): { mean: number; variance: number; n: number } {
  return { mean: stats.mean, variance: (stats.sd ?? 0) ** 2, n };
}

/**
 * One matched pair. Regressed: the change in the bad direction exceeds the
 * threshold and, when a test could run, is significant at `confidence`
 * (two-sided p < 1 − confidence, i.e. the interval excludes 0). Improved is
 * the mirror image. Inconclusive: neither, and the test's interval reaches
 * past the threshold in the bad direction while also holding changes within
 * it, so the data cannot tell (or the interval is unbounded). Direction
 * `none` reports the change and never judges it. With `history` (the
 * default-branch history of this series), the test uses the larger of the
 * within-run and between-run noise, and may compare with a pooled baseline.
 */
export function compareSeries(stated: ComparableSeries, head: ComparableSeries, settings: CompareSettings, rules: GateRules = compileGateRules(settings), history?: SeriesHistory): SeriesComparison {
  // The two sides may print one quantity in different units (hyperfine's `Mean [ms]` and, past a second, `[s]`):
  // the baseline is converted to this run's unit. Units of different kinds are not the same metric.
  const factor = unitFactor(stated.unit, head.unit);
  const unitsDiffer = stated.unit !== head.unit && stated.unit !== '' && head.unit !== '';
  const base = factor !== undefined && factor !== 1 ? inUnit(stated, factor, head.unit) : stated;
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
  if (unitsDiffer && factor === undefined) {
    result.note = `the baseline is in ${stated.unit}, this run in ${head.unit}: not compared`;
    return result;
  }
  if (!Number.isFinite(b.value) || !Number.isFinite(h.value)) {
    result.note = 'no finite value to compare';
    return result;
  }
  if (b.value === 0) return fromZero(result, base, head, settings);
  // A mean against a median (the file's format changed what it states) is no change of either. A baseline saved
  // before medians were marked holds its median as the mean and in p50: that side's p50 is the median to compare.
  if (settings.statistic !== 'median' && (base.stats.center === 'median') !== (head.stats.center === 'median')) {
    const other = head.stats.center === 'median' ? base : head;
    // Such a baseline's mean is its p50: both sides' values are medians already.
    const savedMedian = other.source === 'summary' && other.stats.p50 !== null && other.stats.p50 === other.stats.mean;
    if (!savedMedian) {
      result.note = `the ${base.stats.center === 'median' ? 'baseline' : 'current run'} states a median where the other states a mean: not compared`;
      return result;
    }
  }
  // A history saved in the baseline's unit is not this run's: with a conversion, the two runs alone are tested.
  const test = chooseTest(base, head, settings, unitsDiffer ? undefined : history);
  if (test.baseValue !== undefined) {
    if (test.baseValue === 0) {
      result.note = 'pooled baseline mean is 0: no relative change';
      return result;
    }
    result.base = { value: test.baseValue, n: null, sd: null };
  }
  const baseValue = result.base?.value ?? b.value;
  result.change = (h.value - baseValue) / Math.abs(baseValue);
  result.method = test.method;
  result.interval = test.interval;
  result.pValue = test.pValue;
  if (test.noise) result.noise = test.noise;
  const notes: string[] = [];
  if (unitsDiffer) notes.push(`baseline in ${stated.unit}, converted to ${head.unit}`);
  if (test.note) notes.push(test.note);
  result.verdict = judge(result.change, result.direction, result.threshold, test.pValue, settings.confidence);
  if (test.spread) result.detectable = minimumDetectable(test.spread, Math.abs(baseValue), settings);
  if (result.direction === 'none') notes.push('no better direction: change reported only');
  else if (result.verdict === 'unchanged' && test.pValue !== null && spansThreshold(result)) {
    result.verdict = 'inconclusive';
    if (test.spread && result.detectable) result.detectable.runsPerSide = runsNeeded(test.spread, Math.abs(baseValue), result, settings);
    notes.push(inconclusiveNote(result, settings.confidence));
  }
  const noiseNote = noiseText(result.noise);
  if (noiseNote) notes.push(noiseNote);
  if (notes.length > 0) result.note = notes.join('; ');
  return result;
}

/**
 * The interval holds changes past the threshold in the bad direction (an
 * unbounded interval holds every change). Called for unchanged verdicts
 * only, whose intervals always hold changes within the threshold too.
 */
function spansThreshold(c: SeriesComparison): boolean {
  if (!c.interval) return true;
  return c.direction === 'higher' ? c.interval[0] < -c.threshold : c.interval[1] > c.threshold;
}

function minimumDetectable(spread: NonNullable<Test['spread']>, baseAbs: number, settings: CompareSettings): DetectableEffect {
  const mde = spread.df > 0 ? minimumDetectableEffect(spread.se, spread.df, baseAbs, settings.confidence, settings.power) : Infinity;
  return { mde, power: settings.power, cap: RUNS_TO_DECIDE_CAP };
}

/**
 * The runs per side that would decide an inconclusive comparison: where the
 * MDE falls below the threshold, or, when it already is (the change sits close
 * to the threshold), where the interval around the observed change would clear it.
 */
function runsNeeded(spread: NonNullable<Test['spread']>, baseAbs: number, c: SeriesComparison, settings: CompareSettings): number | null {
  const mde = c.detectable?.mde ?? Infinity;
  if (mde < c.threshold && c.change !== null && c.direction !== 'none') {
    const boundary = c.direction === 'higher' ? -c.threshold : c.threshold;
    return runsToExclude(spread.base, spread.head, baseAbs, Math.abs(c.change - boundary), settings.confidence);
  }
  return runsToDecide(spread.base, spread.head, baseAbs, c.threshold, settings.confidence, settings.power);
}

function percentText(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(1)}%` : '∞';
}

/** "interval spans the 5% threshold: MDE 48.6% (95% confidence, 80% power); about 26 runs per side would decide it". */
function inconclusiveNote(c: SeriesComparison, confidence: number): string {
  const parts = [`${c.interval ? 'interval spans' : 'unbounded interval holds'} the ${formatThreshold(c.threshold)} threshold`];
  const d = c.detectable;
  if (!d) return parts[0] as string;
  parts[0] += `: MDE ${percentText(d.mde)} (${formatThreshold(confidence)} confidence, ${formatThreshold(d.power)} power)`;
  const close = d.mde < c.threshold ? ' if the change stays where it is' : '';
  if (d.runsPerSide === undefined) return parts[0] as string;
  if (d.runsPerSide === null) parts.push(`more than ${d.cap} runs per side would be needed to decide it${close}`);
  else parts.push(`about ${d.runsPerSide} runs per side would decide it${close}`);
  return parts.join('; ');
}

/** "noise: between-run (history of 12 runs); baseline: mean of 10 default-branch runs". */
function noiseText(noise: NoiseInfo | undefined): string | undefined {
  if (!noise || noise.historyRuns === 0) return undefined;
  const parts = [`noise: ${noise.source} (history of ${noise.historyRuns} runs)`];
  if (noise.baselineRuns !== undefined) parts.push(`baseline: mean of ${noise.baselineRuns} default-branch runs`);
  if (noise.note) parts.push(noise.note);
  return parts.join('; ');
}

/** Relative slack on the threshold for the rounding of a change computed from rounded inputs. */
const THRESHOLD_TOLERANCE = 1e-9;

function judge(change: number, direction: SeriesComparison['direction'], threshold: number, p: number | null, confidence: number): Verdict {
  if (direction === 'none') return 'unchanged';
  const significant = p === null || p < 1 - confidence;
  const good = direction === 'higher' ? change : -change;
  // A change must exceed the threshold: exactly 5% against 5% is not past it, however the division rounded
  // (2136.78 / 2249.25 − 1 is −0.050000000000000155).
  const past = (x: number) => x > threshold * (1 + THRESHOLD_TOLERANCE);
  if (significant && past(-good)) return 'regressed';
  if (significant && past(good)) return 'improved';
  return 'unchanged';
}

/** How far past its threshold a change went in the bad direction (≤ 0 when not past it). */
export function severity(c: SeriesComparison): number {
  if (c.change === null || c.direction === 'none') return Number.NEGATIVE_INFINITY;
  const bad = c.direction === 'higher' ? -c.change : c.change;
  return bad - c.threshold;
}

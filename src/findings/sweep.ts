import type { FindingLevel, NoiseTest, SweepEffect } from '../model/finding.js';
import type { Cell, Family } from './families.js';
import { aliasNote, bestFirst, cellMoments, designEffectsWeighing, designOf, pooledLevel, runMeansOf, spreadRatio, untestedReason, type DraftFinding } from './ranking.js';
import { labelsPlain, naturalOrder, pText, ratioText, signedPercent, valueText } from './text.js';

/** Fewer configurations than this are a small table, not a sweep worth summarising. */
export const MIN_SWEEP_CONFIGURATIONS = 4;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Several conditions vary and most configurations ran once or a few times. */
export function isSweep(family: Family): boolean {
  // A sweep has one cell per configuration; repeats of one (files numbering runs) are ranked instead.
  if (family.dims.length < 2 || family.cells.length < MIN_SWEEP_CONFIGURATIONS || (family.repeats?.length ?? 0) > 0) return false;
  return medianAtMost(family.cells, 3);
}

/**
 * Whether the median of the cells' n (1 when unknown) is at most `limit`,
 * as median(…) <= limit decides it, by counting instead of sorting: the
 * scoring bound asks this of every family.
 */
function medianAtMost(cells: Family['cells'], limit: number): boolean {
  const length = cells.length;
  const mid = Math.floor(length / 2);
  let atMost = 0;
  // The largest n at most the limit and the smallest above it: the two middle values when they straddle it.
  let below = Number.NEGATIVE_INFINITY;
  let above = Number.POSITIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    const n = (cells[i] as Cell).series.stats.n ?? 1;
    if (n !== n) return median(cells.map((x) => x.series.stats.n ?? 1)) <= limit;
    if (n <= limit) {
      atMost++;
      if (n > below) below = n;
    } else if (n < above) above = n;
  }
  if (length % 2 === 1 || atMost !== mid) return atMost > mid;
  return (below + above) / 2 <= limit;
}

/** Whether an effect's words say "geometric means": a geometric mean of one configuration is its value, named only when a level averages several. */
export function namesGeometricMeans(effect: SweepEffect): boolean {
  return effect.geometric === true && effect.levels.some((l) => l.series.length > 1);
}

/**
 * How an effect reads: numeric levels from the first to the last, others from
 * the worst to the best. `fitted`: each level's effect in the additive fit
 * the test rests on; when the quoted means (over different settings, or
 * weighted unevenly) order the two levels the other way from it, the
 * sentence says so instead of letting the p back their order.
 */
function effectPhrase(effect: SweepEffect, direction: Family['direction'], unit: string, weighs: string, fitted: ((level: string) => number | undefined) | undefined): string {
  const ordered = naturalOrder(effect.levels);
  const numeric = effect.levels.every((l) => l.value.trim() !== '' && Number.isFinite(Number(l.value)));
  const ranked = bestFirst(effect.levels, direction);
  const [from, to] = numeric ? [ordered[0], ordered[ordered.length - 1]] : [ranked[ranked.length - 1], ranked[0]];
  const a = from as FindingLevel;
  const b = to as FindingLevel;
  const change = a.mean !== 0 ? (b.mean - a.mean) / Math.abs(a.mean) : 0;
  const shared = effect.matched ? `, at the settings every ${effect.factor} ran` : effect.unmatched ? `, each ${effect.factor} over the settings it ran` : '';
  const geometric = namesGeometricMeans(effect) ? ['geometric means'] : [];
  // From 0 there is no percentage: "+0.0%" would read as no change.
  const fa = fitted?.(a.value);
  const fb = fitted?.(b.value);
  const against = fa !== undefined && fb !== undefined && (fb - fa) * (b.mean - a.mean) < 0;
  const p = effect.test.p !== null ? `${pText(effect.test.p)}${weighs}` : undefined;
  const parts = [...geometric, ...(a.mean !== 0 ? [signedPercent(change)] : []), ...(p !== undefined && !against ? [p] : [])];
  const quoted = `${effect.factor} ${a.value} → ${b.value}: ${valueText(a.mean, unit)} → ${valueText(b.mean, unit)}${parts.length > 0 || shared ? ` (${parts.join(', ')}${shared})` : ''}`;
  return against ? `${quoted}, but the additive fit the test rests on, which adjusts for the other settings, orders them the other way${p !== undefined ? ` (${p})` : ''}` : quoted;
}

/**
 * The cells at the settings of the other conditions that every level of
 * `factor` ran: in an incomplete sweep (a dataset run at rates 4 and 8, the
 * other at 1 to 16) a level's mean over all its cells would compare
 * different configurations.
 */
function sharedSettingCells(family: Family, factor: string, levelCount: number): Cell[] {
  const others = family.dims.filter((d) => d !== factor);
  const keyOf = (c: Cell) => others.map((d) => c.dims[d]).join('\u0001');
  const levelsAt = new Map<string, Set<string>>();
  for (const c of family.cells) {
    const key = keyOf(c);
    const seen = levelsAt.get(key) ?? new Set<string>();
    seen.add(c.dims[factor] as string);
    levelsAt.set(key, seen);
  }
  return family.cells.filter((c) => levelsAt.get(keyOf(c))?.size === levelCount);
}

/**
 * Whether the sweep's F-test fits the log scale (statistics.ts mainEffects:
 * every value it weighs positive; a stated median is never tested).
 */
function onLogScale(family: Family): boolean {
  return family.cells.every((c) => !c.series.stats.center && c.series.stats.mean > 0 && cellMoments(c).mean > 0 && (runMeansOf(c) ?? []).every((m) => m > 0));
}

/**
 * A level as the log-scale fit weighs it: the geometric mean of its
 * configurations' means, each weighted by its n. Throughput and latency
 * effects are ratios; an arithmetic mean is led by the largest
 * configurations and can order two levels the other way from the test.
 */
function geometricLevel(value: string, cells: readonly Cell[]): FindingLevel {
  const known = cells.every((c) => c.series.stats.n !== null);
  const n = cells.reduce((s, c) => s + (c.series.stats.n ?? 1), 0);
  // One configuration's geometric mean is its value, exactly (exp(log(x)) may miss it in the last digit).
  const mean = cells.length === 1 ? (cells[0] as Cell).series.stats.mean : Math.exp(cells.reduce((s, c) => s + (c.series.stats.n ?? 1) * Math.log(c.series.stats.mean), 0) / n);
  return { value, n: known ? n : null, mean, sd: null, series: cells.map((c) => c.series.id) };
}

/**
 * A parameter sweep: the best and worst configuration, and each factor's
 * main effect (its level means averaged over the other factors), tested by
 * the additive model's F-test. On the log scale the test fits (positive
 * data) the level means are geometric, so the effect quoted is the one
 * tested: its direction and size are the fitted ratio's in a complete
 * sweep. When no factor moves the metric beyond the
 * noise, that is the finding: "no setting changes tokens/s by more than 1.5%".
 */
export function summariseSweep(family: Family, confidence: number): DraftFinding | undefined {
  if (family.direction === 'none') return undefined;
  const { levelNames, cells } = designOf(family);
  const { effects, weighs } = designEffectsWeighing(family, cells);
  const geometric = onLogScale(family);
  const grand = geometric ? geometricLevel('', family.cells).mean : family.cells.reduce((s, c) => s + c.series.stats.mean, 0) / family.cells.length;
  const levelOf = geometric ? geometricLevel : pooledLevel;
  // An untested effect either lacks degrees of freedom or has nothing to judge by (every value fits exactly).
  const samples = family.cells.reduce((s, c) => s + (c.series.stats.n ?? 1), 0);
  const residualDf = samples - 1 - levelNames.reduce((s, l) => s + l.length - 1, 0);
  const untested = residualDf < 1 ? 'too few configurations to estimate the noise' : 'no spread to judge by';
  const effectList: SweepEffect[] = family.dims.map((factor, f) => {
    const names = levelNames[f] as string[];
    const shared = sharedSettingCells(family, factor, names.length);
    // No setting of the others ran every level (they overlap pairwise, or not at all): each level's own cells, said so.
    const unmatched = shared.length === 0;
    const matched = !unmatched && shared.length < family.cells.length;
    const over = unmatched ? family.cells : shared;
    const levels = naturalOrder(names.map((v) => levelOf(v, over.filter((c) => c.dims[factor] === v))));
    const means = levels.map((l) => l.mean);
    const spread = grand !== 0 ? (Math.max(...means) - Math.min(...means)) / Math.abs(grand) : 0;
    const t = effects[f]?.test;
    const test: NoiseTest = t
      ? { method: 'anova', p: t.p, significant: t.p < 1 - confidence }
      : { method: 'none', p: null, significant: null, reason: untestedReason(family, factor, effects[f], untested) };
    const effect: SweepEffect = { factor, levels, spread, test };
    if (geometric) effect.geometric = true;
    if (matched) effect.matched = true;
    if (unmatched) effect.unmatched = true;
    return effect;
  });
  effectList.sort((a, b) => b.spread - a.spread);
  const fittedOf = (factor: string) => {
    const f = family.dims.indexOf(factor);
    const estimates = effects[f]?.estimates;
    const names = levelNames[f] as string[];
    return estimates ? (level: string) => estimates[names.indexOf(level)] : undefined;
  };
  const configurations = family.cells.map((c) => {
    const labels = Object.fromEntries(family.dims.map((d) => [d, c.dims[d] as string]));
    return { value: labelsPlain(labels), labels, n: c.series.stats.n, mean: c.series.stats.mean, sd: c.series.stats.sd, series: [c.series.id] };
  });
  const ranked = bestFirst(configurations, family.direction) as (FindingLevel & { labels: Record<string, string> })[];
  const best = ranked[0] as FindingLevel & { labels: Record<string, string> };
  const worst = ranked[ranked.length - 1] as FindingLevel & { labels: Record<string, string> };
  const tested = effectList.filter((e) => e.test.significant !== null);
  const withinNoise = tested.length === effectList.length && tested.every((e) => e.test.significant === false);
  const runs = median(family.cells.map((c) => c.series.stats.n ?? 1));
  const ratio = spreadRatio([best, worst]);

  const shape = `${family.metric} sweep over ${family.dims.map((d) => `${d}${aliasNote(family, d)}`).join(' × ')} (${family.cells.length} configurations, ${runs === 1 ? '1 run' : `${runs} runs`} each)`;
  // Equal values have no best configuration: naming one would point the reader at an arbitrary row.
  // Several configurations tied at the best or the worst value (nccl's small sizes all at 0 GB/s): naming one of
  // them as "the" worst would point at an arbitrary row, so the sentence says how many share it.
  const tiedWith = (level: FindingLevel) => ranked.filter((c) => c.mean === level.mean).length;
  const named = (level: FindingLevel, word: string) => {
    const ties = tiedWith(level);
    return ties > 1 ? `${word} ${ties} configurations tied at ${valueText(level.mean, family.unit)} (${level.value}, …)` : `${word} ${level.value} at ${valueText(level.mean, family.unit)}`;
  };
  const head =
    best.mean === worst.mean
      ? `${shape}: every configuration at ${valueText(best.mean, family.unit)}`
      : `${shape}: ${named(best, 'best')}, ${named(worst, 'worst')}${ratio !== undefined ? ` (${ratioText(ratio)})` : ''}`;
  let tail: string;
  if (withinNoise) {
    const largest = Math.max(...effectList.map((e) => e.spread));
    tail = `no setting's effect on ${family.metric} is beyond the noise (largest spread ${(largest * 100).toFixed(1)}%)`;
  } else {
    const moving = effectList.filter((e) => e.test.significant === true).map((e) => effectPhrase(e, family.direction, family.unit, weighs, fittedOf(e.factor)));
    // Not shown beyond the noise is not shown to change nothing: the spread and p say how far it is.
    const flat = effectList
      .filter((e) => e.test.significant === false)
      .map((e) => `${e.factor}: spread ${(e.spread * 100).toFixed(1)}%${e.matched ? ` at the settings every ${e.factor} ran` : e.unmatched ? ` over the settings each ${e.factor} ran` : ''}, within the noise${e.test.p !== null ? ` (${pText(e.test.p)}${weighs})` : ''}`);
    const untested = effectList.filter((e) => e.test.significant === null).map((e) => `${e.factor} spread ${(e.spread * 100).toFixed(1)}% (not tested: ${e.test.reason})`);
    tail = [...moving, ...flat, ...untested].join('; ');
  }
  const out: DraftFinding = {
    kind: 'sweep',
    metric: family.metric,
    unit: family.unit,
    direction: family.direction,
    text: `${head}; ${tail}.`,
    series: family.cells.map((c) => c.series.id),
    scope: { path: family.scope.path, labels: { ...family.scope.labels } },
    sweep: { factors: [...family.dims], configurations: family.cells.length, runsPerConfiguration: runs, best, worst, effects: effectList, withinNoise },
  };
  if (ratio !== undefined) out.ratio = ratio;
  return out;
}

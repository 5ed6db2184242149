import { poolMoments } from '../metrics/stats.js';
import type { Finding, FindingLevel, NoiseTest } from '../model/finding.js';
import { determines, determinesBy, type Cell, type Family } from './families.js';
import { mainEffects, oneWayAnova, welchP, type DesignCell, type GroupMoments, type MainEffect } from './statistics.js';
import { labelsPlain, levelName, levelValueText, noisePhrase, pText, ratioText, valueText } from './text.js';
import { naturalCompare } from '../util/text.js';

/** A ranking of more levels than this compares different benchmarks, not settings of one. */
export const MAX_RANKED_LEVELS = 24;

export type DraftFinding = Omit<Finding, 'id' | 'score'>;

const moments = (l: FindingLevel): GroupMoments => ({ n: l.n ?? 1, mean: l.mean, sd: l.sd });

export function bestFirst(levels: FindingLevel[], direction: Family['direction']): FindingLevel[] {
  return [...levels].sort((a, b) => (direction === 'lower' ? a.mean - b.mean : b.mean - a.mean));
}

/** Highest over lowest mean, when both are positive: how many times one is the other. */
export function spreadRatio(levels: readonly FindingLevel[]): number | undefined {
  const means = levels.map((l) => l.mean);
  const lo = Math.min(...means);
  const hi = Math.max(...means);
  return lo > 0 ? hi / lo : undefined;
}

function testOf(p: number | undefined, method: NoiseTest['method'], confidence: number, reason: string): NoiseTest {
  return p === undefined ? { method: 'none', p: null, significant: null, reason } : { method, p, significant: p < 1 - confidence };
}

/**
 * What a test weighs of one cell: its samples' n, mean and sd, or, for a
 * series pooled from replicate runs (`run_1/` … `run_3/`) or read from rows
 * that name their run (`run_id`), its runs' means, one observation per run:
 * the samples of one run are not independent runs of the configuration, and
 * the spread between runs is its noise.
 */
export function cellMoments(c: Cell): GroupMoments {
  const runs = runMeansOf(c);
  if (runs) return momentsOfValues(runs);
  const st = c.series.stats;
  return { n: st.n ?? 1, mean: st.mean, sd: st.sd };
}

/** The means of the runs a cell's series was pooled from or its rows name, when there are two or more. */
export function runMeansOf(c: Cell): readonly number[] | undefined {
  const runs = c.series.replicates?.runMeans ?? c.series.runs?.means;
  return runs && runs.length >= 2 ? runs : undefined;
}

function cellLevel(c: Cell, dim: string): FindingLevel {
  const st = c.series.stats;
  const level: FindingLevel = { value: c.dims[dim] as string, n: st.n, mean: st.mean, sd: st.sd, series: [c.series.id] };
  if (st.center) level.center = st.center;
  return level;
}

/** The family's cells grouped by one condition's level, in order of appearance. */
function cellsByLevel(cells: readonly Cell[], factor: string): Map<string, Cell[]> {
  const out = new Map<string, Cell[]>();
  for (const c of cells) {
    const v = c.dims[factor] as string;
    const list = out.get(v);
    if (list) list.push(c);
    else out.set(v, [c]);
  }
  return out;
}

/** A condition's levels within some cells: each level's cells pooled (one cell each unless the family has repeats). */
function levelsIn(cells: readonly Cell[], factor: string): FindingLevel[] {
  return [...cellsByLevel(cells, factor)].map(([v, list]) => (list.length === 1 ? cellLevel(list[0] as Cell, factor) : pooledLevel(v, list)));
}

/** A cell's repeat (its file, when the family has repeats): the unit a test counts once. */
function repeatOf(family: Family): ((c: Cell) => string) | undefined {
  if (!family.repeats || family.repeats.length === 0) return undefined;
  // Repeats are file numbers, so each file is one repeat.
  return (c) => c.series.file;
}

/** The mean of each repeat's cells: one observation per file. */
function repeatMeans(cells: readonly Cell[], repeat: (c: Cell) => string): number[] {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const c of cells) {
    const key = repeat(c);
    const known = sums.get(key) ?? { sum: 0, count: 0 };
    known.sum += c.series.stats.mean;
    known.count += 1;
    sums.set(key, known);
  }
  return [...sums.values()].map((x) => x.sum / x.count);
}

/** n, mean and sample sd of values that are each one observation (a file's or a run's mean). */
function momentsOfValues(values: readonly number[]): GroupMoments {
  const m = values.reduce((s, x) => s + x, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((s, x) => s + (x - m) ** 2, 0) / (values.length - 1)) : null;
  return { n: values.length, mean: m, sd };
}

/** ` (serving_summary as repeats)`: what the levels pool, for the sentence. */
function repeatsNote(family: Family): string {
  return family.repeats && family.repeats.length > 0 ? ` (${family.repeats.join(' × ')} as repeats)` : '';
}

/** ` (driver changes with it)`: conditions that split the cells as `factor` does, named so the reader knows. */
export function aliasNote(family: Family, factor: string): string {
  const names = family.aliases?.[factor];
  if (!names || names.length === 0) return '';
  return ` (${names.join(' and ')} ${names.length === 1 ? 'changes' : 'change'} with it)`;
}

/** The other conditions each of whose values comes with one level of `factor`: what it cannot be told apart from. */
function nesting(family: Family, factor: string): string[] {
  return family.dims.filter((d) => d !== factor && determines(family.cells, d, factor));
}

/**
 * Levels of `factor` that never ran in a setting of the other conditions
 * beside another of its levels; with repeats, in the same repeat too (the
 * files are blocks: a level only ever alone in its files is compared with
 * nothing).
 */
function isolatedLevels(family: Family, factor: string): string[] {
  const repeat = repeatOf(family);
  const others = family.dims.filter((d) => d !== factor);
  const groups = new Map<string, Set<string>>();
  for (const c of family.cells) {
    const key = `${repeat ? repeat(c) : ''}\u0001${others.map((d) => c.dims[d]).join('\u0000')}`;
    const set = groups.get(key) ?? new Set<string>();
    set.add(c.dims[factor] as string);
    groups.set(key, set);
  }
  const withOthers = new Set<string>();
  for (const levels of groups.values()) if (levels.size > 1) for (const l of levels) withOthers.add(l);
  return [...new Set(family.cells.map((c) => c.dims[factor] as string))].filter((l) => !withOthers.has(l));
}

/** Why a main effect was not tested: what confounds it, else the design's reason, else `fallback`. */
export function untestedReason(family: Family, factor: string, effect: MainEffect | undefined, fallback: string): string {
  if (effect && effect.confounding !== 'none') return confoundedReason(family, factor, effect.confounding).reason;
  return effect?.reason ?? fallback;
}

/**
 * Why a confounded condition is not tested, in words: `each batch_size ran
 * one model` (complete), `c never ran beside another model` (partial).
 */
function confoundedReason(family: Family, factor: string, confounding: 'partial' | 'complete' | 'unknown'): { with: string; reason: string } {
  const others = family.dims.filter((d) => d !== factor).join(' × ');
  if (confounding === 'unknown') return { with: others, reason: 'not checked for confounding: the design has too many levels' };
  if (confounding === 'partial') {
    const alone = isolatedLevels(family, factor).map((l) => levelName(factor, l));
    const blocks = (family.repeats?.length ?? 0) > 0;
    const where = blocks ? (others ? `file and ${others} setting` : 'file') : `${others} setting`;
    const rest = blocks ? (others ? `the files and the other conditions (${others})` : 'the files') : `the other conditions (${others})`;
    const reason = alone.length > 0 ? `${alone.join(', ')} never ran in a ${where} beside another ${factor}` : `${rest} account for part of it`;
    return { with: others, reason: `partly confounded: ${reason}` };
  }
  const by = nesting(family, factor);
  return by.length > 0 ? { with: by.join(' and '), reason: `confounded: each ${by.join(' and each ')} ran one ${factor}` } : { with: others, reason: `confounded: the other conditions (${others}) fix its level` };
}

function headline(family: Family, factor: string, levels: FindingLevel[], over: string): string {
  const best = { ...(levels[0] as FindingLevel), value: levelName(factor, (levels[0] as FindingLevel).value) };
  const worst = { ...(levels[levels.length - 1] as FindingLevel), value: levelName(factor, (levels[levels.length - 1] as FindingLevel).value) };
  const ratio = spreadRatio(levels);
  const unit = family.unit;
  // Naming a leader among equal values would tell the reader one level is better when none is.
  if (levels.every((l) => l.mean === best.mean)) return `${family.metric} by ${factor}${over}: all ${levels.length} levels are equal at ${valueText(best.mean, unit)}`;
  const times = ratio !== undefined ? ratioText(ratio) : undefined;
  if (family.direction === 'lower') {
    const tail = times ? `; the highest, ${worst.value} (${valueText(worst.mean, unit)}), is ${times} that` : `; the highest is ${worst.value} (${valueText(worst.mean, unit)})`;
    return `${family.metric} by ${factor}${over}: ${best.value} is lowest at ${levelValueText(best, unit)}${tail}`;
  }
  const tail = times ? `, ${times} the lowest, ${worst.value} (${valueText(worst.mean, unit)})` : `; the lowest is ${worst.value} (${valueText(worst.mean, unit)})`;
  return `${family.metric} by ${factor}${over}: ${best.value} leads at ${levelValueText(best, unit)}${tail}`;
}

function finding(family: Family, factor: string, levels: FindingLevel[], test: NoiseTest, text: string, extra: Partial<DraftFinding> = {}): DraftFinding {
  const ratio = spreadRatio(levels);
  const out: DraftFinding = {
    kind: 'ranking',
    metric: family.metric,
    unit: family.unit,
    direction: family.direction,
    text,
    series: levels.flatMap((l) => l.series),
    scope: { path: family.scope.path, labels: { ...family.scope.labels } },
    factor,
    levels,
    test,
    ...extra,
  };
  if (ratio !== undefined) out.ratio = ratio;
  return out;
}

/** One run of a cell's series: its block (the run itself, which other cells may share) and its mean. */
interface RunObservation {
  block: string;
  mean: number;
}

/**
 * A cell's runs: the files of replicate runs (two or more; a file holding
 * several levels measured them in the same run), or the runs its table's
 * rows name (one or more), keyed by file and run (a merged shard's keys
 * name the shard already).
 */
function runObservations(c: Cell): RunObservation[] | undefined {
  const r = c.series.replicates;
  if (r) return r.runMeans.length >= 2 ? r.runMeans.map((mean, i) => ({ block: r.files[i] ?? String(i), mean })) : undefined;
  const t = c.series.runs;
  if (!t || t.means.length === 0) return undefined;
  return t.means.map((mean, i) => ({ block: t.column === undefined ? (t.keys[i] ?? String(i)) : `${c.series.file}\u0000${t.keys[i] ?? i}`, mean }));
}

/**
 * What a comparison of groups of cells (a condition's levels, or a design's
 * configurations) is tested on:
 * - `samples`: no group's runs are known, or every group ran in the one same
 *   run (its rows compare within it);
 * - `blocked`: every run measured every group once, two runs or more: each
 *   run is a block, so its own offset is no noise (compared run by run);
 * - `single`: a group ran in a single run of several values while the
 *   others ran elsewhere: its spread between runs is unknown, so nothing is
 *   tested;
 * - `runs`: each group with runs counts its runs' means, a group without
 *   counts its samples (its rows are its runs, as far as anything says).
 */
export type RunBasis = { kind: 'samples' | 'single' } | { kind: 'runs' | 'blocked'; byGroup: (RunObservation[] | undefined)[] };

function runBasisOf(groups: readonly (readonly Cell[])[]): RunBasis {
  const byGroup = groups.map((cells) => {
    const lists = cells.map(runObservations);
    return lists.every((l) => l !== undefined) ? (lists as RunObservation[][]).flat() : undefined;
  });
  if (byGroup.every((g) => g === undefined)) return { kind: 'samples' };
  const blocks = new Set(byGroup.flatMap((g) => (g ?? []).map((o) => o.block)));
  const all = byGroup.every((g) => g !== undefined);
  if (all && blocks.size === 1) return { kind: 'samples' };
  if (all && blocks.size >= 2 && byGroup.every((g) => g?.length === blocks.size && new Set(g.map((o) => o.block)).size === blocks.size)) {
    return { kind: 'blocked', byGroup };
  }
  if (byGroup.some((g) => g?.length === 1)) return { kind: 'single' };
  return { kind: 'runs', byGroup };
}

const SINGLE_RUN = 'a level ran in a single run, so its spread between runs is unknown';

/**
 * Main effects with each run a block (randomised complete blocks, fitted as
 * designEffects fits files): every run's mean of every group is one
 * observation at the group's `levels`, the run its block.
 */
function blockedEffects(groups: readonly { levels: readonly number[]; runs: readonly RunObservation[] }[], levelCounts: readonly number[]): MainEffect[] {
  const blocks = new Map<string, number>();
  const observations: DesignCell[] = [];
  for (const { levels, runs } of groups) {
    for (const o of runs) {
      let b = blocks.get(o.block);
      if (b === undefined) blocks.set(o.block, (b = blocks.size));
      observations.push({ levels: [...levels, b], n: 1, mean: o.mean, sd: null });
    }
  }
  return mainEffects(observations, [...levelCounts, blocks.size], levelCounts.length).slice(0, levelCounts.length);
}

/** The order a blocked test reads two groups in: their mean over the runs, on the log scale the fit uses when every value is positive. */
function blockedCentre(list: readonly RunObservation[], logScale: boolean): number {
  return list.reduce((sum, o) => sum + (logScale ? Math.log(o.mean) : o.mean), 0) / list.length;
}

/**
 * One condition varies: its levels ranked best first, with whether the
 * differences exceed the spread inside the levels (Welch's test for two
 * levels, one-way ANOVA for more; a lead over the runner-up is tested too).
 * Series whose runs are known are tested on the runs (see RunBasis).
 */
export function rankOneFactor(family: Family, confidence: number): DraftFinding | undefined {
  const factor = family.dims[0] as string;
  if (family.direction === 'none') return undefined;
  const groups = cellsByLevel(family.cells, factor);
  if (groups.size > MAX_RANKED_LEVELS || groups.size < 2) return undefined;
  const levels = bestFirst(levelsIn(family.cells, factor), family.direction);
  const repeat = repeatOf(family);
  if (repeat && !determinesBy(family.cells, repeat, factor)) return rankWithinRepeats(family, factor, levels, confidence);
  // With repeats (several files per level), each file's mean is one observation; without, a level
  // whose runs are known counts its runs.
  const values = [...groups.keys()];
  const basis: RunBasis = repeat ? { kind: 'samples' } : runBasisOf(values.map((v) => groups.get(v) as Cell[]));
  const runsOf = (l: FindingLevel): RunObservation[] | undefined => (basis.kind === 'runs' || basis.kind === 'blocked' ? basis.byGroup[values.indexOf(l.value)] : undefined);
  const momentsOf = (l: FindingLevel): GroupMoments => {
    if (repeat) return momentsOfValues(repeatMeans(groups.get(l.value) as Cell[], repeat));
    const runs = runsOf(l);
    if (runs) return momentsOfValues(runs.map((o) => o.mean));
    const cells = groups.get(l.value) as Cell[];
    return cells.length === 1 ? cellMoments(cells[0] as Cell) : moments(l);
  };
  const onRuns = basis.kind === 'blocked' || (basis.kind === 'runs' && basis.byGroup.every((g) => g !== undefined));
  const single = repeat ? (l: FindingLevel) => momentsOf(l).n === 1 : (l: FindingLevel) => !runsOf(l) && (l.n === 1 || l.sd === null);
  const what = repeat ? 'repeat' : 'value';
  // A stated summary without n (vLLM's std_ttft_ms beside no count) has a spread but nothing to weigh it by.
  const unknownN = !repeat && levels.some((l) => !runsOf(l) && l.n === null);
  const noSpread = onRuns
    ? 'no spread between the runs'
    : unknownN
      ? 'a summary states no sample count (n)'
      : levels.every(single)
        ? `one ${what} per level`
        : levels.some(single)
          ? `a level has a single ${what}`
          : `no spread inside the levels`;
  // The sentence orders levels by their samples' mean; a test on other means (files', runs') that
  // orders a pair the other way cannot back that order, whatever its p.
  const unit = repeat ? 'files' : 'runs';
  const logScale = basis.kind === 'blocked' && basis.byGroup.every((g) => (g ?? []).every((o) => o.mean > 0));
  const sameOrder = (a: FindingLevel, b: FindingLevel) => {
    const samples = Math.sign(a.mean - b.mean);
    if (samples !== Math.sign(momentsOf(a).mean - momentsOf(b).mean)) return false;
    return !logScale || samples === Math.sign(blockedCentre(runsOf(a) ?? [], true) - blockedCentre(runsOf(b) ?? [], true));
  };
  const reversed = `the ${unit}' means order ${levelName(factor, levels[0]?.value ?? '')} and ${levelName(factor, levels[1]?.value ?? '')} the other way`;
  /** p of the difference among `among` (two levels, or all), as the basis tests it. */
  const pOf = (among: readonly FindingLevel[]): { p: number | undefined; method: NoiseTest['method']; reason: string } => {
    if (basis.kind === 'blocked') {
      const effect = blockedEffects(among.map((l, i) => ({ levels: [i], runs: runsOf(l) ?? [] })), [among.length])[0];
      return { p: effect?.test?.p, method: 'anova', reason: effect?.reason ?? 'no spread between the runs' };
    }
    if (among.length === 2) return { p: welchP(momentsOf(among[0] as FindingLevel), momentsOf(among[1] as FindingLevel)), method: 'welch', reason: noSpread };
    return { p: oneWayAnova(among.map(momentsOf))?.p, method: 'anova', reason: noSpread };
  };
  const method: NoiseTest['method'] = basis.kind === 'blocked' || levels.length > 2 ? 'anova' : 'welch';
  let test: NoiseTest;
  // Welch and the F-test weigh means: a median a file stated, with its sd, is not one.
  if (levels.some((l) => l.center)) test = testOf(undefined, method, confidence, STATED_MEDIAN);
  else if (basis.kind === 'single') test = testOf(undefined, method, confidence, SINGLE_RUN);
  else if (levels.length === 2 && !sameOrder(levels[0] as FindingLevel, levels[1] as FindingLevel)) test = testOf(undefined, method, confidence, reversed);
  else {
    const all = pOf(levels);
    test = testOf(all.p, all.method, confidence, all.reason);
  }
  // Which spread the p weighs, when it is not the samples': the reader can tell n from the runs.
  const over = basis.kind === 'blocked' ? ', run by run' : onRuns ? ', between runs' : '';
  const parts = [headline(family, factor, levels, `${aliasNote(family, factor)}${repeatsNote(family)}`)];
  parts.push(noisePhrase(test, levels.length === 2 ? 'the difference is' : 'the differences are', over));
  const extra: Partial<DraftFinding> = {};
  if (levels.length > 2 && basis.kind !== 'single' && levels[0]?.mean !== levels[1]?.mean && sameOrder(levels[0] as FindingLevel, levels[1] as FindingLevel)) {
    const lead = pOf([levels[0] as FindingLevel, levels[1] as FindingLevel]);
    if (lead.p !== undefined) {
      extra.lead = testOf(lead.p, lead.method, confidence, '');
      parts.push(`${levelName(factor, levels[0]?.value ?? '')}'s lead over ${levelName(factor, levels[1]?.value ?? '')} is ${lead.p < 1 - confidence ? 'beyond' : 'within'} the noise (${pText(lead.p)}${over})`);
    }
  }
  return finding(family, factor, levels, test, `${parts.join('; ')}.`, extra);
}

/**
 * One condition that changes inside each repeat (each file holds several
 * sizes): compared within files, with each file as a block (designEffects),
 * so the files' own offsets are not taken for noise. No lead test: the
 * runner-up's comparison would need the same blocking.
 */
function rankWithinRepeats(family: Family, factor: string, levels: FindingLevel[], confidence: number): DraftFinding {
  const effect = designEffects(family)[0];
  const test = testOf(effect?.test?.p, 'anova', confidence, untestedReason(family, factor, effect, 'no spread to judge by'));
  const parts = [headline(family, factor, levels, `${aliasNote(family, factor)}${repeatsNote(family)}`)];
  parts.push(noisePhrase(test, levels.length === 2 ? 'the difference is' : 'the differences are'));
  return finding(family, factor, levels, test, `${parts.join('; ')}.`);
}

/** Cells grouped by the other conditions' values: the settings a factor is compared within. */
function slices(family: Family, factor: string): Map<string, Cell[]> {
  const others = family.dims.filter((d) => d !== factor);
  const out = new Map<string, Cell[]>();
  for (const c of family.cells) {
    const key = labelsPlain(Object.fromEntries(others.map((d) => [d, c.dims[d] as string])));
    const list = out.get(key) ?? [];
    list.push(c);
    out.set(key, list);
  }
  return out;
}

/** Whether every group of cells (by `groupOf`) holds the same settings of `dims`. */
function sameSettingsPerGroup(cells: readonly Cell[], groupOf: (c: Cell) => string, dims: readonly string[]): boolean {
  const held = new Map<string, Set<string>>();
  for (const c of cells) {
    const key = groupOf(c);
    const set = held.get(key) ?? new Set<string>();
    set.add(dims.map((d) => c.dims[d]).join('\u0000'));
    held.set(key, set);
  }
  return new Set([...held.values()].map((set) => [...set].sort().join('\u0001'))).size <= 1;
}

/** Whether every level of `factor` ran the same settings of the other conditions. */
function sameSettings(family: Family, factor: string): boolean {
  return sameSettingsPerGroup(family.cells, (c) => c.dims[factor] as string, family.dims.filter((d) => d !== factor));
}

/** Each factor's levels indexed in order of appearance, for the design's cells. */
export function designOf(family: Family): { levelNames: string[][]; cells: { cell: Cell; levels: number[] }[] } {
  const levelNames = family.dims.map((d) => [...new Set(family.cells.map((c) => c.dims[d] as string))]);
  const cells = family.cells.map((cell) => ({ cell, levels: family.dims.map((d, i) => (levelNames[i] as string[]).indexOf(cell.dims[d] as string)) }));
  return { levelNames, cells };
}

/** A level pooled over the other conditions: every sample at that level. */
export function pooledLevel(value: string, cells: readonly Cell[]): FindingLevel {
  const known = cells.every((c) => c.series.stats.n !== null);
  const pooled = poolMoments(cells.map((c) => ({ n: c.series.stats.n ?? 1, mean: c.series.stats.mean, sd: c.series.stats.sd })));
  const level: FindingLevel = { value, n: known ? pooled.n : null, mean: pooled.mean, sd: pooled.sd, series: cells.map((c) => c.series.id) };
  if (cells.some((c) => c.series.stats.center)) level.center = cells.length === 1 ? 'median' : 'medians';
  return level;
}

/** Highest over lowest of positive values. */
function ratioOf(values: readonly number[]): number | undefined {
  const lo = Math.min(...values);
  return lo > 0 ? Math.max(...values) / lo : undefined;
}

function rangeText(ratios: readonly number[]): string {
  const lo = Math.min(...ratios);
  const hi = Math.max(...ratios);
  return lo.toFixed(2) === hi.toFixed(2) ? ratioText(lo) : `${lo.toFixed(2)}–${ratioText(hi)}`;
}

const STATED_MEDIAN = 'a level is a median its file stated, and the tests weigh means';
const SINGLE_RUN_DESIGN = 'a configuration ran in a single run, so its spread between runs is unknown';

/** A design's run basis: each configuration a group of its own (RunBasis). */
function designRunBasis(cells: readonly { cell: Cell }[]): RunBasis {
  return runBasisOf(cells.map(({ cell }) => [cell]));
}

/**
 * designEffects, with what their p-values weigh when it is not the samples'
 * (`, run by run`, `, between runs`), read after each p: the run basis is
 * worked out once for both.
 */
export function designEffectsWeighing(family: Family, cells: readonly { cell: Cell }[] = designOf(family).cells): { effects: MainEffect[]; weighs: string } {
  const runBasis = repeatOf(family) ? undefined : designRunBasis(cells);
  const effects = designEffects(family, runBasis);
  const weighs = runBasis?.kind === 'blocked' ? ', run by run' : runBasis?.kind === 'runs' && runBasis.byGroup.every((g) => g !== undefined) ? ', between runs' : '';
  return { effects, weighs };
}


/**
 * Each condition's main effect, by its index in `family.dims`. Without
 * repeats: the additive model's F-test over the cells. With repeats (files
 * numbering runs, each holding several cells) the design is split-plot:
 * - a condition that changes only between files (the model each file ran)
 *   is tested on the files' means, one observation per file, since the
 *   spread between files is its noise;
 * - a condition that changes within files (the backends each file holds) is
 *   tested over the cells with the file as a block, so each file's own
 *   offset is not taken for noise.
 */
export function designEffects(family: Family, runBasis?: RunBasis): MainEffect[] {
  if (family.cells.some((c) => c.series.stats.center)) return family.dims.map((_, i) => ({ factor: i, test: undefined, confounding: 'none', reason: STATED_MEDIAN }));
  const { levelNames, cells } = designOf(family);
  const counts = levelNames.map((l) => l.length);
  const ofCells = (block?: (c: Cell) => number, blocks = 0) =>
    mainEffects(
      cells.map(({ cell, levels }) => ({ levels: block ? [...levels, block(cell)] : levels, ...cellMoments(cell) })),
      block ? [...counts, blocks] : counts,
      block ? counts.length : undefined,
    ).slice(0, counts.length);
  const repeat = repeatOf(family);
  if (!repeat) {
    const basis = runBasis ?? designRunBasis(cells);
    if (basis.kind === 'single') return family.dims.map((_, i) => ({ factor: i, test: undefined, confounding: 'none', reason: SINGLE_RUN_DESIGN }));
    if (basis.kind !== 'blocked') return ofCells();
    // Every run measured every configuration.
    return blockedEffects(cells.map(({ levels }, k) => ({ levels, runs: basis.byGroup[k] ?? [] })), counts);
  }
  const unitIndex = new Map<string, number>();
  for (const c of family.cells) if (!unitIndex.has(repeat(c))) unitIndex.set(repeat(c), unitIndex.size);
  const within = ofCells((c) => unitIndex.get(repeat(c)) as number, unitIndex.size);
  // The conditions each file holds one level of (between files), and what each file holds of the others.
  const between = family.dims.map((d) => determinesBy(family.cells, repeat, d));
  const withinDims = family.dims.filter((_, i) => !between[i]);
  // A file's mean stands for its level only when every file holds the same settings of the rest.
  const unequal = sameSettingsPerGroup(family.cells, repeat, withinDims) ? undefined : `the files hold different ${withinDims.join(' × ')} settings`;
  const byFile = new Map<string, { levels: number[]; sum: number; count: number }>();
  for (const { cell, levels } of cells) {
    const key = repeat(cell);
    const known = byFile.get(key) ?? { levels, sum: 0, count: 0 };
    known.sum += cell.series.stats.mean;
    known.count += 1;
    byFile.set(key, known);
  }
  const betweenIdx = family.dims.map((_, i) => i).filter((i) => between[i]);
  const fileEffects =
    betweenIdx.length === 0 || unequal !== undefined
      ? []
      : mainEffects(
          [...byFile.values()].map((u) => ({ levels: betweenIdx.map((i) => u.levels[i] as number), n: 1, mean: u.sum / u.count, sd: null })),
          betweenIdx.map((i) => counts[i] as number),
        );
  return family.dims.map((_, i) => {
    const k = betweenIdx.indexOf(i);
    if (k < 0) return within[i] as MainEffect;
    if (unequal !== undefined) return { factor: i, test: undefined, confounding: 'none', reason: unequal };
    return { ...(fileEffects[k] as MainEffect), factor: i };
  });
}

/**
 * Whether the additive fit a design's test rests on orders two levels the
 * other way from their pooled means: the averages follow the largest
 * settings (batch 32 over batch 1), the fit weighs each setting's ratio.
 */
function fitReverses(effect: MainEffect | undefined, names: readonly string[], a: FindingLevel, b: FindingLevel): boolean {
  const estimates = effect?.estimates;
  if (!estimates) return false;
  const fa = estimates[names.indexOf(a.value)];
  const fb = estimates[names.indexOf(b.value)];
  return fa !== undefined && fb !== undefined && (fb - fa) * (b.mean - a.mean) < 0;
}

/**
 * Several conditions vary and each configuration was run several times: one
 * ranking per condition. Its levels are pooled over the other conditions'
 * settings (every sample at that level) and tested by the main-effects
 * F-test of the whole design. Pooled means mix settings of very different
 * scale (batch 1 and batch 8), so the sentence leads with what holds within
 * each setting: how often the best level wins there, and by how much.
 */
export function rankFactorsOfDesign(family: Family, confidence: number): DraftFinding[] {
  if (family.direction === 'none') return [];
  const { levelNames, cells } = designOf(family);
  const { effects, weighs } = designEffectsWeighing(family, cells);
  const unit = family.unit;
  const out: DraftFinding[] = [];
  family.dims.forEach((factor, f) => {
    const names = levelNames[f] as string[];
    if (names.length < 2 || names.length > MAX_RANKED_LEVELS) return;
    const levels = bestFirst(names.map((v) => pooledLevel(v, family.cells.filter((c) => c.dims[factor] === v))), family.direction);
    const best = levels[0] as FindingLevel;
    const worst = levels[levels.length - 1] as FindingLevel;
    const bestName = levelName(factor, best.value);
    const others = family.dims.filter((d) => d !== factor);
    const over = others.join(' × ');
    const named = `${family.metric} by ${factor}${aliasNote(family, factor)} over ${over}${repeatsNote(family)}`;
    // Levels that ran different settings of the rest (qwen only at ngl=99, llama at 0 and 99) average
    // different things: "over all settings" would claim a like-for-like comparison the data do not make.
    const pooledOver = sameSettings(family, factor) ? 'over all settings' : `over the ${over} settings each ran, which differ,`;
    // Equal averages have no leader: naming one would point the reader at an arbitrary level.
    const averages = levels.every((l) => l.mean === best.mean)
      ? `all ${levels.length} levels average ${valueText(best.mean, unit)} ${pooledOver.replace(/,$/, '')}`
      : `${pooledOver} ${bestName} averages ${levelValueText({ ...best, sd: null }, unit)} and ${levelName(factor, worst.value)} ${levelValueText({ ...worst, sd: null }, unit)}`;
    const effect = effects[f];
    if (effect?.confounding === 'complete') {
      // The other conditions account for every difference this one shows: no setting, and no fit, tells it apart.
      const why = confoundedReason(family, factor, 'complete');
      const test: NoiseTest = { method: 'none', p: null, significant: null, reason: why.reason };
      const text = `${named}: ${averages}; ${factor} cannot be told apart from ${why.with} (${why.reason.replace(/^confounded: /, '')}), so it is not tested.`;
      out.push(finding(family, factor, levels, test, text));
      return;
    }
    const test = testOf(effect?.test?.p, 'anova', confidence, untestedReason(family, factor, effect, 'no spread to judge by'));
    // The settings where two or more levels meet: only there does a level win or lose.
    const settings = [...slices(family, factor)]
      .map(([setting, g]) => [setting, bestFirst(levelsIn(g, factor), family.direction)] as const)
      .filter(([, ranked]) => ranked.length > 1)
      .sort(([a], [b]) => naturalCompare(a, b));
    // A setting is won only outright: a tie with the runner-up is no win.
    const bestIn = settings.filter(([, ranked]) => ranked[0]?.value === best.value && ranked[0].mean !== ranked[1]?.mean);
    const ratios = bestIn.map(([, ranked]) => ratioOf(ranked.map((l) => l.mean))).filter((r): r is number => r !== undefined);
    const parts: string[] = [];
    const lowest = family.direction === 'lower';
    // Settings without the best level are neither won nor lost by it: counted, they would read as losses.
    const met = settings.filter(([, ranked]) => ranked.some((l) => l.value === best.value)).length;
    const among = met === settings.length ? `${met} ${over} settings` : `the ${met} ${over} settings where it met another ${factor}`;
    const wins = met > 0 && levels.some((l) => l.mean !== best.mean) ? `${bestName} is ${lowest ? 'lowest' : 'best'} in ${bestIn.length} of ${among}` : '';
    const margin = ratios.length > 0 ? (lowest ? `; the highest there is ${rangeText(ratios)} that` : `, ${rangeText(ratios)} the lowest there`) : '';
    if (wins !== '') parts.push(`${named}: ${wins}${margin}`);
    parts.push(wins !== '' ? averages : `${named}: ${averages}`);
    parts.push(
      test.significant === null || test.p === null
        ? noisePhrase(test, factor)
        : test.significant
          ? `${factor} matters beyond the noise (${pText(test.p)}${weighs})${fitReverses(effect, names, best, worst) ? `, but the additive fit the test rests on, which adjusts for the other settings, orders ${bestName} and ${levelName(factor, worst.value)} the other way` : ''}`
          : `${factor} makes no difference beyond the noise (${pText(test.p)}${weighs})`,
    );
    const slicesShown = settings.slice(0, 12).map(([setting, ranked]) => ({
      setting,
      values: ranked.map((l) => ({ level: l.value, mean: l.mean, n: l.n })),
    }));
    out.push(finding(family, factor, levels, test, `${parts.join('; ')}.`, { slices: slicesShown }));
  });
  return out;
}

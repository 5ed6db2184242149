import { formatThreshold } from '../baseline/config.js';
import { bySeverity } from '../baseline/gate.js';
import { bestFirst } from '../findings/ranking.js';
import { namesGeometricMeans } from '../findings/sweep.js';
import { levelName, naturalOrder, pText, ratioText, signedPercent, valueText } from '../findings/text.js';
import type { ComparisonReport, SeriesComparison } from '../model/comparison.js';
import type { Finding, FindingLevel, SweepEffect } from '../model/finding.js';
import type { ChangeFact, EffectFact, Fact, FactLevel, FactSheet, GateFact, RankingFact, StabilityFact, SweepFact } from '../model/llm.js';
import type { Report } from '../model/report.js';
import { normaliseRunPath } from '../metrics/identity.js';
import { keyFindings } from '../report/digest.js';
import { formatNumber } from '../util/numbers.js';
import { estimateTokens } from './tokens.js';

/**
 * Tokens the change and finding facts may take; the gate fact comes on top.
 * Findings and changes are what a reviewer needs from the brief, so the
 * budget goes to them, most important first, and nothing else is listed.
 */
export const DEFAULT_FACT_BUDGET_TOKENS = 1400;
/** Changes listed: regressions, improvements and inconclusive ones first, then the largest moves. */
export const MAX_CHANGE_FACTS = 8;
/** Unchanged series listed for their size of move, when the changes leave room. */
const MAX_UNCHANGED_FACTS = 2;
/** Main effects listed per sweep, largest first. */
const MAX_EFFECTS = 2;
/** Levels a ranking line shows: the best ones and the worst (the fact keeps them all for the checks). */
const LEVELS_SHOWN = 4;
/** Longest label, metric or path put into the prompt. */
const FIELD_MAX = 80;

/**
 * File names, metrics and labels come from the repository, so they reach the
 * prompt flattened to one short line: they cannot add lines that look like
 * instructions or new facts.
 */
export function promptSafe(text: string, max = FIELD_MAX): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Paths relative to the analysed directory: the common prefix costs tokens on every line and says nothing. */
function shortPath(file: string, root: string): string {
  const prefix = root && root !== '.' ? `${root.replace(/\/+$/, '')}/` : '';
  return prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

function isNumeric(value: string): boolean {
  return value.trim() !== '' && Number.isFinite(Number(value));
}

/**
 * The names prose citing a fact may use. A bare number is never a name
 * ("8" would let "8x faster" through); a numeric level is allowed only as
 * written with its factor (`batch=8`). Parts of a label (`gemma3` of
 * `gemma3:4b`) count when they hold a letter and are not tiny.
 */
export function namesOf(parts: { metric?: string; factors?: string[]; levels?: { factor: string; value: string }[]; labels?: Record<string, string> }): string[] {
  const out = new Set<string>();
  const add = (name: string) => {
    const clean = name.trim();
    if (clean === '' || isNumeric(clean) || !/\p{L}/u.test(clean)) return;
    out.add(clean);
    for (const piece of clean.split(/[:/@\s]+/)) if (piece.length >= 3 && /\p{L}/u.test(piece) && !isNumeric(piece)) out.add(piece);
  };
  if (parts.metric) add(parts.metric);
  for (const f of parts.factors ?? []) add(f);
  for (const { factor, value } of parts.levels ?? []) {
    add(value);
    out.add(`${factor}=${value}`);
  }
  for (const [k, v] of Object.entries(parts.labels ?? {})) {
    add(k);
    add(v);
    out.add(`${k}=${v}`);
  }
  return [...out].map((n) => promptSafe(n));
}

function level(factor: string, l: FindingLevel): FactLevel {
  return { name: levelName(factor, l.value), mean: l.mean, n: l.n, sd: l.sd };
}

// ---------------------------------------------------------------- facts from the data

function gateFact(comparison: ComparisonReport | undefined): GateFact {
  const base = { id: 'F1', kind: 'gate' as const, metric: '', unit: '', direction: 'none' as const, scope: '', labels: {}, names: [] };
  const counts = { compared: 0, regressed: 0, gatedRegressed: 0, improved: 0, inconclusive: 0, unchanged: 0 };
  if (!comparison) return { ...base, verdict: 'none', ...counts };
  for (const c of comparison.series) {
    if (c.verdict === 'new' || c.verdict === 'missing') continue;
    counts.compared++;
    if (c.verdict === 'regressed') counts.regressed++;
    if (c.verdict === 'regressed' && c.gated) counts.gatedRegressed++;
    if (c.verdict === 'improved') counts.improved++;
    if (c.verdict === 'inconclusive') counts.inconclusive++;
    if (c.verdict === 'unchanged') counts.unchanged++;
  }
  const verdict = comparison.error ? 'error' : comparison.verdict === 'no-baseline' || !comparison.baseline ? 'no-baseline' : comparison.verdict;
  return { ...base, verdict, ...counts };
}

type Measured = SeriesComparison & { change: number; base: NonNullable<SeriesComparison['base']>; head: NonNullable<SeriesComparison['head']> };

const measured = (c: SeriesComparison): c is Measured => c.change !== null && Number.isFinite(c.change) && c.base !== null && c.head !== null;

/**
 * The changes worth the model's attention: regressions (gated first, worst
 * first), improvements, inconclusive ones, then the largest moves among the
 * unchanged, so a run where nothing moved past its threshold can still say
 * what moved most. The largest move overall is always among them.
 */
export function chosenChanges(comparison: ComparisonReport | undefined, max = MAX_CHANGE_FACTS): { chosen: Measured[]; largest: Measured | undefined; compared: number; total: number } {
  if (!comparison?.baseline || comparison.error) return { chosen: [], largest: undefined, compared: 0, total: 0 };
  const all = comparison.series.filter(measured);
  const size = (c: Measured) => Math.abs(c.change);
  const largest = all.reduce<Measured | undefined>((a, c) => (a === undefined || size(c) > size(a) ? c : a), undefined);
  const regressed = all.filter((c) => c.verdict === 'regressed').sort((a, b) => Number(b.gated) - Number(a.gated) || bySeverity(a, b));
  const improved = all.filter((c) => c.verdict === 'improved').sort((a, b) => bySeverity(b, a));
  const inconclusive = all.filter((c) => c.verdict === 'inconclusive').sort(bySeverity);
  const rest = all.filter((c) => c.verdict === 'unchanged' && c.change !== 0).sort((a, b) => size(b) - size(a) || (a.id < b.id ? -1 : 1)).slice(0, MAX_UNCHANGED_FACTS);
  const chosen = [...regressed, ...improved, ...inconclusive, ...rest].slice(0, max);
  if (largest && !chosen.includes(largest)) chosen[chosen.length === max ? max - 1 : chosen.length] = largest;
  const compared = comparison.series.filter((c) => c.verdict !== 'new' && c.verdict !== 'missing').length;
  return { chosen, largest, compared, total: regressed.length + improved.length + inconclusive.length + all.filter((c) => c.verdict === 'unchanged').length };
}

function changeFact(id: string, c: Measured, largest: boolean, compared: number, finding: string | undefined, root: string): ChangeFact {
  return {
    id,
    kind: 'change',
    ...(finding ? { finding } : {}),
    metric: c.metric,
    unit: c.unit,
    direction: c.direction,
    scope: shortPath(normaliseRunPath(c.file), root),
    labels: { ...c.labels },
    names: namesOf({ metric: c.metric, labels: c.labels }),
    series: c.id,
    verdict: c.verdict,
    change: c.change,
    base: c.base.value,
    head: c.head.value,
    interval: c.interval,
    pValue: c.pValue,
    gated: c.gated,
    threshold: c.threshold,
    largest,
    compared,
  };
}

function rankingFact(id: string, f: Finding, root: string): RankingFact | undefined {
  const factor = f.factor;
  const levels = f.levels ?? [];
  if (!factor || levels.length < 2) return undefined;
  const over = [...new Set((f.slices ?? []).flatMap((s) => s.setting.split(', ').map((kv) => kv.split('=')[0] ?? '')))].filter((x) => x !== '');
  return {
    id,
    kind: 'ranking',
    finding: f.id,
    metric: f.metric,
    unit: f.unit,
    direction: f.direction,
    scope: shortPath(f.scope.path, root),
    labels: { ...f.scope.labels },
    names: namesOf({ metric: f.metric, factors: [factor, ...over], levels: levels.map((l) => ({ factor, value: l.value })), labels: f.scope.labels }),
    factor,
    over,
    levels: levels.map((l) => level(factor, l)),
    ratio: f.ratio ?? null,
    significant: f.test?.significant ?? null,
    p: f.test?.p ?? null,
  };
}

function sweepFacts(next: () => string, f: Finding, root: string): [SweepFact, ...EffectFact[]] | undefined {
  const s = f.sweep;
  if (!s) return undefined;
  const configLevels = [s.best, s.worst].flatMap((c) => Object.entries(c.labels).map(([factor, value]) => ({ factor, value })));
  const common = { finding: f.id, metric: f.metric, unit: f.unit, direction: f.direction, scope: shortPath(f.scope.path, root), labels: { ...f.scope.labels } };
  const sweep: SweepFact = {
    id: next(),
    kind: 'sweep',
    ...common,
    names: namesOf({ metric: f.metric, factors: s.factors, levels: configLevels, labels: f.scope.labels }),
    factors: [...s.factors],
    configurations: s.configurations,
    best: { name: s.best.value, mean: s.best.mean, n: s.best.n, sd: s.best.sd, labels: { ...s.best.labels } },
    worst: { name: s.worst.value, mean: s.worst.mean, n: s.worst.n, sd: s.worst.sd, labels: { ...s.worst.labels } },
    ratio: f.ratio ?? null,
    withinNoise: s.withinNoise,
    beyondNoise: s.effects.filter((e) => e.test.significant === true).map((e) => e.factor),
    largestSpread: Math.max(0, ...s.effects.map((e) => e.spread)),
  };
  const effects = s.effects.slice(0, MAX_EFFECTS).map((e: SweepEffect): EffectFact => {
    const ordered = naturalOrder(e.levels);
    const first = ordered[0] as FindingLevel;
    const last = ordered[ordered.length - 1] as FindingLevel;
    return {
      id: next(),
      kind: 'effect',
      ...common,
      names: namesOf({ metric: f.metric, factors: [e.factor], levels: ordered.map((l) => ({ factor: e.factor, value: l.value })), labels: f.scope.labels }),
      factor: e.factor,
      sweep: sweep.id,
      levels: ordered.map((l) => level(e.factor, l)),
      numeric: ordered.every((l) => isNumeric(l.value)),
      // From 0 the relative change is unbounded: its sign still says rose or fell.
      change: first.mean !== 0 ? (last.mean - first.mean) / Math.abs(first.mean) : Math.sign(last.mean - first.mean) * Infinity || 0,
      significant: e.test.significant,
      p: e.test.p,
      ...(namesGeometricMeans(e) ? { geometric: true as const } : {}),
      ...(e.matched ? { matched: true as const } : {}),
      ...(e.unmatched ? { unmatched: true as const } : {}),
    };
  });
  return [sweep, ...effects];
}

function stabilityFact(id: string, f: Finding, report: Report): StabilityFact | undefined {
  const items = f.stability?.items ?? [];
  if (items.length === 0 && !f.stability?.excludedRows) return undefined;
  const series = new Map(report.series.map((s) => [s.id, s]));
  const named = items.map((i) => series.get(i.series)).filter((s) => s !== undefined);
  return {
    id,
    kind: 'stability',
    finding: f.id,
    metric: f.metric,
    unit: f.unit,
    direction: f.direction,
    scope: shortPath(f.scope.path, report.root),
    labels: {},
    names: [...new Set(named.flatMap((s) => namesOf({ metric: s.metric, labels: { ...s.labels, ...s.factors } })))],
    items: items.map((i) => ({ name: i.name, kind: i.note.startsWith('first sample') ? 'warm-up' : i.note.startsWith('run means') ? 'runs' : 'scatter', cv: i.cv ?? null, note: i.note })),
    excludedRows: f.stability?.excludedRows ?? 0,
  };
}

// ---------------------------------------------------------------- the sheet the model reads

const BETTER = { higher: 'higher better', lower: 'lower better', none: 'no better direction' } as const;

function noiseWords(significant: boolean | null, p: number | null): string {
  if (significant === true) return `beyond noise${p !== null ? ` (${pText(p)})` : ''}`;
  if (significant === false) return `within noise${p !== null ? ` (${pText(p)})` : ''}`;
  return 'not tested against noise';
}

function labelsInline(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  return entries.length > 0 ? ` (${entries.map(([k, v]) => `${promptSafe(k, 40)}=${promptSafe(v, 40)}`).join(', ')})` : '';
}

function levelShown(l: FactLevel, unit: string): string {
  return `${promptSafe(l.name, 60)} ${valueText(l.mean, unit)}${l.n !== null && l.n > 1 ? ` (n=${l.n})` : ''}`;
}

function changeVerdictWords(f: ChangeFact): string {
  const threshold = formatThreshold(f.threshold);
  if (f.verdict === 'regressed') return `regressed (threshold ${threshold}; ${f.gated ? 'gated: fails the gate' : 'not gated'})`;
  if (f.verdict === 'improved') return `improved (threshold ${threshold})`;
  if (f.verdict === 'inconclusive') return `inconclusive (threshold ${threshold})`;
  return `unchanged (threshold ${threshold})`;
}

/** One fact as a line of the sheet the model reads: the words of the relations that hold are in it. */
export function factLine(f: Fact): string {
  const where = f.scope ? ` in ${promptSafe(f.scope)}` : '';
  const metric = promptSafe(f.metric);
  switch (f.kind) {
    case 'gate': {
      const verdict = { pass: 'passes', regression: 'fails', 'no-baseline': 'nothing compared (no baseline)', error: 'baseline unusable', none: 'nothing compared (no baseline asked)' }[f.verdict];
      const counts = f.compared > 0 ? `; ${f.compared} series compared: ${f.regressed} regressed (${f.gatedRegressed} gated), ${f.improved} improved, ${f.inconclusive} inconclusive, ${f.unchanged} unchanged` : '';
      return `${f.id} gate: ${verdict}${counts}`;
    }
    case 'change': {
      const moved = f.change > 0 ? 'rose' : f.change < 0 ? 'fell' : 'did not move';
      const noise = f.interval ? (f.interval[0] > 0 || f.interval[1] < 0 ? '; beyond noise' : '; within noise') : '';
      return `${f.id} change: ${metric}${labelsInline(f.labels)}${where} ${moved} ${signedPercent(f.change)}, ${valueText(f.base, promptSafe(f.unit, 20))} → ${valueText(f.head, promptSafe(f.unit, 20))} (${BETTER[f.direction]}); ${changeVerdictWords(f)}${noise}${f.largest ? `; largest change of ${f.compared}` : ''}`;
    }
    case 'ranking': {
      const shown = f.levels.length <= LEVELS_SHOWN ? f.levels : [...f.levels.slice(0, LEVELS_SHOWN - 1), f.levels[f.levels.length - 1] as FactLevel];
      const skipped = f.levels.length - shown.length;
      const over = f.over.length > 0 ? ` over ${f.over.map((o) => promptSafe(o, 40)).join(' × ')}` : '';
      const levels = shown.map((l, i) => `${i === shown.length - 1 && skipped > 0 ? `… (${skipped} more) … ` : ''}${levelShown(l, promptSafe(f.unit, 20))}`).join(', ');
      const ratio = f.ratio !== null ? `; ${ratioText(f.ratio)}` : '';
      return `${f.id} ranking: ${metric} by ${promptSafe(f.factor, 40)}${over}${labelsInline(f.labels)}${where} (${BETTER[f.direction]}), best first: ${levels}${ratio}; ${noiseWords(f.significant, f.p)}`;
    }
    case 'sweep': {
      const unit = promptSafe(f.unit, 20);
      const noise = f.withinNoise ? `; no factor beyond noise (largest spread ${(f.largestSpread * 100).toFixed(1)}%)` : '';
      return `${f.id} sweep: ${metric} over ${f.factors.map((x) => promptSafe(x, 40)).join(' × ')}${labelsInline(f.labels)}${where}, ${f.configurations} configurations (${BETTER[f.direction]}): best [${promptSafe(f.best.name)}] ${valueText(f.best.mean, unit)}, worst [${promptSafe(f.worst.name)}] ${valueText(f.worst.mean, unit)}${f.ratio !== null ? `; ${ratioText(f.ratio)}` : ''}${noise}`;
    }
    case 'effect': {
      const unit = promptSafe(f.unit, 20);
      const first = f.levels[0] as FactLevel;
      const last = f.levels[f.levels.length - 1] as FactLevel;
      const shown = f.levels.length <= 3 ? f.levels : [first, last];
      const levels = shown.map((l) => `${promptSafe(l.name, 40)} ${formatNumber(l.mean)}`).join(f.levels.length <= 3 ? ', ' : ' … ');
      const moved = f.numeric ? `; first → last ${f.change > 0 ? 'rose' : f.change < 0 ? 'fell' : 'did not move'}${Number.isFinite(f.change) ? ` ${signedPercent(f.change)}` : ' from 0'}` : '';
      return `${f.id} effect: ${promptSafe(f.factor, 40)} on ${metric} (sweep ${f.sweep}): ${levels} ${unit}${f.geometric ? ' (geometric means)' : ''}${moved}; ${noiseWords(f.significant, f.p)}`;
    }
    case 'stability': {
      const counts = (['scatter', 'runs', 'warm-up'] as const)
        .map((k) => [k, f.items.filter((i) => i.kind === k)] as const)
        .filter(([, items]) => items.length > 0)
        .map(([k, items]) => `${k === 'scatter' ? 'noisy' : k === 'runs' ? 'noisy across runs' : 'warm-up'}: ${items.slice(0, 2).map((i) => `${promptSafe(i.name, 60)} ${promptSafe(i.note, 60)}`).join('; ')}${items.length > 2 ? `; ${items.length - 2} more` : ''}`);
      if (f.excludedRows > 0) counts.push(`${f.excludedRows} rows excluded for errors`);
      return `${f.id} stability${where}: ${counts.join(' | ')}`;
    }
  }
}

/**
 * What the model may talk about, within `budgetTokens` (estimateTokens of
 * the lines): the gate's verdict and counts first, always; then the current
 * changes (regressions, improvements, inconclusive, the largest moves); then
 * the findings in their rank order (rankings, sweeps with their main
 * effects, stability). No raw series and no history values: those are what
 * the findings summarise. Findings past the budget are counted.
 */
export function buildFactSheet(report: Report, budgetTokens = DEFAULT_FACT_BUDGET_TOKENS): FactSheet {
  const facts: Fact[] = [gateFact(report.comparison)];
  let counter = 1;
  const next = () => `F${++counter}`;
  let used = 0;
  const fits = (candidate: Fact[]) => {
    const cost = candidate.reduce((n, f) => n + estimateTokens(factLine(f)) + 1, 0);
    if (used + cost > budgetTokens) return false;
    used += cost;
    return true;
  };
  const omitted = { findings: 0, changes: 0 };

  const changes = chosenChanges(report.comparison);
  const findingOf = new Map(report.findings.filter((f) => f.kind === 'change').map((f) => [f.series[0] as string, f.id]));
  for (const c of changes.chosen) {
    const fact = changeFact(`F${counter + 1}`, c, c === changes.largest, changes.compared, findingOf.get(c.id), report.root);
    if (fits([fact])) {
      counter++;
      facts.push(fact);
    } else omitted.changes++;
  }
  omitted.changes += Math.max(0, changes.total - changes.chosen.length);

  // The digest's key findings first (its choice spreads them over files and experiments), then the rest by rank.
  const key = keyFindings(report.findings);
  const ordered = [...key, ...report.findings.filter((f) => f.kind !== 'change' && !key.includes(f))];
  for (const f of ordered) {
    const saved = counter;
    let candidate: Fact[] | undefined;
    if (f.kind === 'ranking') candidate = [rankingFact(next(), f, report.root)].filter((x) => x !== undefined);
    else if (f.kind === 'sweep') candidate = sweepFacts(next, f, report.root);
    else if (f.kind === 'stability') candidate = [stabilityFact(next(), f, report)].filter((x) => x !== undefined);
    if (!candidate || candidate.length === 0) {
      counter = saved;
      continue;
    }
    if (fits(candidate)) facts.push(...candidate);
    else {
      counter = saved;
      omitted.findings++;
    }
  }
  const text = facts.map(factLine).join('\n');
  return { facts, omitted, estimatedTokens: estimateTokens(text), text };
}

/** Levels of a ranking or effect best first, by the metric's direction. */
export function levelsBestFirst(f: RankingFact | EffectFact): FactLevel[] {
  if (f.kind === 'ranking') return f.levels;
  return bestFirst(
    f.levels.map((l) => ({ value: l.name, mean: l.mean, n: l.n, sd: l.sd, series: [] })),
    f.direction,
  ).map((l) => f.levels.find((x) => x.name === l.value) as FactLevel);
}

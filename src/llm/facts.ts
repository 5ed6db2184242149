import type { ComparisonReport, SeriesComparison } from '../model/comparison.js';
import { isThroughput } from '../metrics/infer.js';
import type { Series } from '../model/series.js';
import { formatNumber } from '../util/numbers.js';
import type { Report } from '../model/report.js';
import type { Fact, FactSheet } from '../model/llm.js';
import { estimateTokens } from './tokens.js';

/** Tokens the series and change facts may take; inventory facts come on top. */
export const DEFAULT_FACT_BUDGET_TOKENS = 1500;
/** Longest label, metric or path put into the prompt. */
const FIELD_MAX = 80;
const OMITTED_FILES_LISTED = 5;

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

function seriesSubject(metric: string, labels: Record<string, string>, file: string): string {
  const entries = Object.entries(labels);
  const labelText = entries.length > 0 ? ` [${entries.map(([k, v]) => `${promptSafe(k, 40)}=${promptSafe(v, 40)}`).join(', ')}]` : '';
  return `${promptSafe(metric)}${labelText} in ${promptSafe(file)}`;
}

/** The sheet shows numbers as the report does, so the model copies what users will read. */
export function showNumber(value: number): string {
  return formatNumber(value);
}

export function showChange(change: number): string {
  const pct = change * 100;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

const BETTER = { higher: 'higher is better', lower: 'lower is better', none: 'no better direction' } as const;

/** One fact as a line of the sheet the model reads. */
export function factLine(f: Fact): string {
  const parts = [`${f.id}: ${f.subject} = ${showNumber(f.value)}${f.unit ? ` ${f.unit}` : ''}`];
  const spread: string[] = [];
  if (f.n !== undefined) spread.push(`n=${f.n ?? 'unknown'}`);
  if (f.sd !== undefined && f.sd !== null) spread.push(`sd=${showNumber(f.sd)}`);
  if (f.cv !== undefined && f.cv !== null) spread.push(`CV=${f.cv.toFixed(1)}%`);
  if (spread.length > 0) parts.push(spread.join(', '));
  if (f.series) parts.push(BETTER[f.series.direction]);
  if (f.verdict) {
    const sides: string[] = [];
    if (f.baseValue !== undefined && f.baseValue !== null) sides.push(`baseline ${showNumber(f.baseValue)}`);
    if (f.headValue !== undefined && f.headValue !== null) sides.push(`this run ${showNumber(f.headValue)}`);
    if (f.change !== undefined && f.change !== null) sides.push(`change ${showChange(f.change)}`);
    parts.push(`${sides.join(', ')}${sides.length > 0 ? ' ' : ''}(${f.verdict}${f.gated ? ', gated' : ''})`);
  }
  return parts.join('; ');
}

/** As the report's tables order them: throughput, higher-is-better, lower-is-better, the rest; then by name. */
function orderSeries(series: readonly Series[]): Series[] {
  const rank = (s: Series) => (isThroughput(s.direction, s.unit, s.metric) ? 0 : s.direction === 'higher' ? 1 : s.direction === 'lower' ? 2 : 3);
  return [...series].sort((a, b) => rank(a) - rank(b) || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) || (a.id < b.id ? -1 : 1));
}

/** Gated regressions, other regressions, other gated metrics, throughput, improvements, then the rest. */
function priority(s: Series | undefined, c: SeriesComparison | undefined): number {
  if (c?.verdict === 'regressed') return c.gated ? 0 : 1;
  if (c?.gated) return 2;
  if (s && isThroughput(s.direction, s.unit, s.metric)) return 3;
  if (c && c.verdict !== 'unchanged') return 4;
  return 5;
}

function seriesFact(id: string, s: Series | undefined, c: SeriesComparison | undefined, root: string): Fact {
  const base = s ?? (c as SeriesComparison);
  const fact: Fact = {
    id,
    kind: s ? 'series' : 'change',
    subject: seriesSubject(base.metric, base.labels, shortPath(base.file, root)),
    // A series missing on the head side is described by its baseline value.
    value: s ? s.stats.mean : (c?.base?.value ?? Number.NaN),
    unit: promptSafe(base.unit, 20),
    series: { id: base.id, metric: base.metric, labels: base.labels, file: base.file, direction: base.direction },
  };
  if (s) {
    fact.n = s.stats.n;
    fact.sd = s.stats.sd;
    fact.cv = s.stats.cv;
  }
  if (c) {
    fact.verdict = c.verdict;
    fact.gated = c.gated;
    fact.change = c.change;
    fact.baseValue = c.base?.value ?? null;
    fact.headValue = c.head?.value ?? null;
  }
  return fact;
}

function inventoryFacts(report: Report, next: () => string): Fact[] {
  const t = report.inventory.totals;
  const facts: Fact[] = [
    { id: next(), kind: 'inventory', subject: 'files found', value: t.found, unit: 'files' },
    { id: next(), kind: 'inventory', subject: 'files with metrics', value: t.parsed, unit: 'files' },
    { id: next(), kind: 'inventory', subject: 'documents without metrics', value: t.documents, unit: 'files' },
  ];
  if (t.skipped > 0) facts.push({ id: next(), kind: 'inventory', subject: 'files skipped', value: t.skipped, unit: 'files' });
  if (t.failed > 0) facts.push({ id: next(), kind: 'inventory', subject: 'files that failed to parse', value: t.failed, unit: 'files' });
  facts.push({ id: next(), kind: 'inventory', subject: 'metric series', value: report.series.length, unit: 'series' });
  if (t.excludedRows > 0) facts.push({ id: next(), kind: 'inventory', subject: 'rows excluded for a non-empty error column', value: t.excludedRows, unit: 'rows' });
  for (const type of report.inventory.byType) {
    facts.push({ id: next(), kind: 'inventory', subject: `${type.type} files found`, value: type.found, unit: 'files' });
  }
  return facts;
}

function comparisonFacts(comparison: ComparisonReport, next: () => string): Fact[] {
  const count = (verdict: string) => comparison.series.filter((c) => c.verdict === verdict).length;
  const facts: Fact[] = [{ id: next(), kind: 'summary', subject: 'series compared with the baseline', value: comparison.series.length, unit: 'series' }];
  for (const verdict of ['regressed', 'improved', 'inconclusive', 'new', 'missing'] as const) {
    const n = count(verdict);
    if (n > 0) facts.push({ id: next(), kind: 'summary', subject: `series ${verdict}`, value: n, unit: 'series' });
  }
  const gatedRegressions = comparison.series.filter((c) => c.gated && c.verdict === 'regressed').length;
  if (gatedRegressions > 0) facts.push({ id: next(), kind: 'summary', subject: 'gated series regressed (these fail the check)', value: gatedRegressions, unit: 'series' });
  return facts;
}

/**
 * The numbers the model may use, most important first, within `budgetTokens`
 * (estimateTokens of the lines). Inventory and comparison counts are always
 * included so the model never has to guess how many files there were; series
 * beyond the budget are summarised as counts per file.
 */
export function buildFactSheet(report: Report, budgetTokens = DEFAULT_FACT_BUDGET_TOKENS): FactSheet {
  let counter = 0;
  const next = () => `F${++counter}`;
  const comparison = report.comparison;
  const facts = inventoryFacts(report, next);
  if (comparison) facts.push(...comparisonFacts(comparison, next));

  const byId = new Map(comparison?.series.map((c) => [c.id, c]) ?? []);
  const candidates: { s: Series | undefined; c: SeriesComparison | undefined }[] = orderSeries(report.series).map((s) => ({ s, c: byId.get(s.id) }));
  const present = new Set(report.series.map((s) => s.id));
  for (const c of comparison?.series ?? []) if (!present.has(c.id) && c.base) candidates.push({ s: undefined, c });
  // Stable sort keeps orderSeries' throughput-first order within a priority.
  candidates.sort((a, b) => priority(a.s, a.c) - priority(b.s, b.c));

  let used = 0;
  const omittedByFile = new Map<string, number>();
  let omitted = 0;
  for (const { s, c } of candidates) {
    const fact = seriesFact(`F${counter + 1}`, s, c, report.root);
    const cost = estimateTokens(factLine(fact)) + 1;
    if (used + cost > budgetTokens) {
      omitted++;
      const file = (s ?? c)?.file ?? '';
      omittedByFile.set(file, (omittedByFile.get(file) ?? 0) + 1);
      continue;
    }
    counter++;
    used += cost;
    facts.push(fact);
  }
  if (omitted > 0) {
    facts.push({ id: next(), kind: 'summary', subject: 'series not listed individually (over the fact budget)', value: omitted, unit: 'series' });
    const files = [...omittedByFile].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, OMITTED_FILES_LISTED);
    for (const [file, n] of files) facts.push({ id: next(), kind: 'summary', subject: `series not listed from ${promptSafe(shortPath(file, report.root))}`, value: n, unit: 'series' });
  }
  const text = facts.map(factLine).join('\n');
  return { facts, omittedSeries: omitted, estimatedTokens: estimateTokens(text), text };
}

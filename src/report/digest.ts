import { formatThreshold } from '../baseline/config.js';
import { bySeverity, gatedRegressions, nothingGatable } from '../baseline/gate.js';
import type { ComparisonReport, SeriesComparison, Verdict } from '../model/comparison.js';
import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { formatChange, formatNumber } from '../util/numbers.js';
import { plural } from '../util/text.js';

/**
 * What the digest shows, decided once for every rendering of it (the PR
 * comment, the job summary's head, the terminal): the verdict, the changes
 * that matter, the key findings. Pure selection, no formatting.
 */

/** Key findings in the digest: about what a reviewer reads in a minute. */
export const KEY_FINDINGS = 10;
/** Findings per file or experiment in the digest, so one wide file cannot fill it. */
const PER_SCOPE = 2;
/** Rows of the digest's changes table. */
export const CHANGE_ROWS = 8;

export type VerdictKind = 'regression' | 'pass' | 'no-baseline' | 'error' | 'none';

export interface Headline {
  kind: VerdictKind;
  icon: string;
  /** e.g. "2 gated metrics regressed", "no regression". */
  text: string;
}

export function headline(report: Report): Headline {
  const c = report.comparison;
  if (!c) return { kind: 'none', icon: '📊', text: 'benchmark report (no comparison asked)' };
  if (c.error) return { kind: 'error', icon: '❌', text: 'baseline unusable' };
  if (c.verdict === 'no-baseline' || !c.baseline) return { kind: 'no-baseline', icon: 'ℹ️', text: 'no baseline to compare with' };
  if (c.verdict === 'regression') return { kind: 'regression', icon: '❌', text: `${plural(gatedRegressions(c).length, 'gated metric')} regressed` };
  // A pass that checked nothing (no series matched, or no gated one) must not read as a green one.
  const matched = c.series.filter((x) => x.verdict !== 'new' && x.verdict !== 'missing');
  if (matched.length === 0) return { kind: 'pass', icon: '⚠️', text: 'nothing compared' };
  if (!matched.some((x) => x.gated) && c.series.some((x) => x.gated)) return { kind: 'pass', icon: '⚠️', text: 'no gated metric compared' };
  if (nothingGatable(c) !== undefined) return { kind: 'pass', icon: '⚠️', text: 'no gated metric' };
  return { kind: 'pass', icon: '✅', text: 'no regression' };
}

/** The digest's ordering of verdicts: what needs attention first. */
const VERDICT_ORDER: Partial<Record<Verdict, number>> = { regressed: 0, improved: 1, inconclusive: 2 };

/**
 * The changes a reviewer must see: regressions (gated first, worst first),
 * then improvements, then the inconclusive ones (the data cannot tell), at
 * most `max`; everything else is counted.
 */
export function digestChanges(comparison: ComparisonReport, max = CHANGE_ROWS): { rows: SeriesComparison[]; counts: Map<Verdict, number>; hidden: number } {
  const counts = new Map<Verdict, number>();
  for (const c of comparison.series) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  const notable = comparison.series
    .filter((c) => VERDICT_ORDER[c.verdict] !== undefined)
    .sort((a, b) => (VERDICT_ORDER[a.verdict] as number) - (VERDICT_ORDER[b.verdict] as number) || Number(b.gated) - Number(a.gated) || (a.verdict === 'improved' ? bySeverity(b, a) : bySeverity(a, b)));
  return { rows: notable.slice(0, max), counts, hidden: Math.max(0, notable.length - max) };
}

/** "8 compared: 1 regressed, 2 improved, 5 unchanged; 2 new, 1 missing". */
export function countsText(counts: ReadonlyMap<Verdict, number>): string {
  const n = (v: Verdict) => counts.get(v) ?? 0;
  const compared = [...counts].filter(([v]) => v !== 'new' && v !== 'missing').reduce((s, [, k]) => s + k, 0);
  const parts = (['regressed', 'improved', 'inconclusive', 'unchanged', 'insufficient-data'] as Verdict[])
    .filter((v) => n(v) > 0)
    .map((v) => `${n(v)} ${v === 'insufficient-data' ? 'not judged (too little data)' : v}`);
  const extra = (['new', 'missing'] as Verdict[]).filter((v) => n(v) > 0).map((v) => `${n(v)} ${v}`);
  return `${compared} compared${parts.length > 0 ? `: ${parts.join(', ')}` : ''}${extra.length > 0 ? `; ${extra.join(', ')}` : ''}`;
}

/**
 * The findings the digest leads with: changes have their own table, so
 * rankings, sweeps and stability notes, best first, at most PER_SCOPE from
 * one file or experiment while others remain.
 */
export function keyFindings(findings: readonly Finding[], max = KEY_FINDINGS): Finding[] {
  const candidates = findings.filter((f) => f.kind !== 'change');
  const chosen: Finding[] = [];
  const perScope = new Map<string, number>();
  for (const f of candidates) {
    if (chosen.length >= max) break;
    const used = perScope.get(f.scope.path) ?? 0;
    if (used >= PER_SCOPE) continue;
    perScope.set(f.scope.path, used + 1);
    chosen.push(f);
  }
  // Few scopes: fill up with the next best rather than leave the digest short.
  for (const f of candidates) {
    if (chosen.length >= max) break;
    if (!chosen.includes(f)) chosen.push(f);
  }
  return chosen.sort((a, b) => findings.indexOf(a) - findings.indexOf(b));
}

/** A name that fits a narrow cell: the middle of a long name gives way to an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.6);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

/**
 * A comparison's metric and label values cut to fit a narrow cell: GitHub
 * never wraps a table cell, so each of the two lines stays within `max`.
 */
export function shortSeriesName(c: Pick<SeriesComparison, 'metric' | 'labels'>, max = 32, first: ReadonlySet<string> = new Set()): { metric: string; labels: string; cut: boolean } {
  const metric = shorten(c.metric, max);
  const labels = labelLine(c.labels, max, first);
  return { metric, labels, cut: metric !== c.metric || labels !== Object.values(c.labels).join(' · ') };
}

const MAX_LABEL_VALUE = 20;

/**
 * Label values joined in the labels' order, within `max`: each long value cut
 * in its middle, and when they still do not fit, whole values left out (one
 * "…" at the end says so) rather than a second cut through the joined line.
 * Values of the keys in `first` (those that tell the table's rows apart) are
 * kept before the others.
 */
function labelLine(labels: Record<string, string>, max: number, first: ReadonlySet<string>): string {
  const keys = Object.keys(labels);
  const whole = keys.map((k) => labels[k] as string).join(' · ');
  if (whole.length <= max) return whole;
  const cut = new Map(keys.map((k) => [k, shorten(labels[k] as string, MAX_LABEL_VALUE)]));
  const line = (kept: readonly string[]) => keys.filter((k) => kept.includes(k)).map((k) => cut.get(k) as string).join(' · ');
  if (line(keys).length <= max) return line(keys);
  const kept: string[] = [];
  for (const k of [...keys.filter((k) => first.has(k)), ...keys.filter((k) => !first.has(k))]) {
    if (`${line([...kept, k])} · …`.length > max) break;
    kept.push(k);
  }
  return kept.length > 0 ? `${line(kept)} · …` : shorten(cut.get(keys[0] as string) as string, max);
}

/** The change and, when a test ran, its interval: "−15.2% (−18.0% … −12.1%)". */
export function changeText(c: SeriesComparison): string {
  if (c.change === null) return '–';
  if (!c.interval) return formatChange(c.change);
  return `${formatChange(c.change)} (${intervalText(c.interval)})`;
}

export function intervalText(interval: [number, number]): string {
  return `${formatChange(interval[0])} … ${formatChange(interval[1])}`;
}

export function verdictWord(c: SeriesComparison): string {
  if (c.verdict === 'regressed') return c.gated ? '❌ regressed' : '⚠️ regressed, not gated';
  if (c.verdict === 'improved') return '✅ improved';
  if (c.verdict === 'inconclusive') return '❔ inconclusive';
  if (c.verdict === 'insufficient-data') return 'not judged';
  return c.verdict;
}

export function sideValue(value: number | undefined, unit: string): string {
  return value === undefined ? '–' : `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
}

/** The threshold, and for an inconclusive change the smallest change the data could have shown. */
export function thresholdText(c: SeriesComparison): string {
  const mde = c.verdict === 'inconclusive' && c.detectable && Number.isFinite(c.detectable.mde) ? ` · MDE ${(c.detectable.mde * 100).toFixed(1)}%` : '';
  return `${formatThreshold(c.threshold)}${mde}`;
}

/** For a comparison with another machine's baseline, which machine (ids are plain names, checked where they are read). */
export function otherHardwareText(c: SeriesComparison): string | undefined {
  return c.baselineHardware ? `⚠️ baseline on ${shorten(c.baselineHardware, 16)}` : undefined;
}

/**
 * The shortest tail of each path that tells it apart from the others
 * (`a/x/run.csv`, `b/x/run.csv` → `a/x/run.csv`, `b/x/run.csv`; `a/p.csv`, `a/q.csv` → `p.csv`, `q.csv`).
 */
export function distinguishingTails(files: readonly string[]): string[] {
  const split = files.map((f) => f.split('/'));
  return split.map((parts, i) => {
    for (let k = 1; k <= parts.length; k++) {
      const tail = parts.slice(-k).join('/');
      if (split.every((other, j) => j === i || files[j] === files[i] || other.slice(-k).join('/') !== tail)) return tail;
    }
    return files[i] as string;
  });
}

/**
 * Names for comparison rows that stay apart: the metric and label values,
 * and where two rows would read the same, the tail of their file's path.
 */
export function rowNames(rows: readonly Pick<SeriesComparison, 'metric' | 'labels' | 'file'>[]): { metric: string; labels: string; cut: boolean }[] {
  // Labels whose values differ between rows tell them apart: kept first when a row's labels must be cut.
  const varying = new Set<string>();
  const seen = new Map<string, string>();
  for (const r of rows) {
    for (const [k, v] of Object.entries(r.labels)) {
      if (seen.has(k) && seen.get(k) !== v) varying.add(k);
      seen.set(k, v);
    }
  }
  for (const k of seen.keys()) if (rows.some((r) => !(k in r.labels))) varying.add(k);
  const names = rows.map((c) => shortSeriesName(c, 32, varying));
  const key = (n: { metric: string; labels: string }) => `${n.metric}\u0000${n.labels}`;
  const counts = new Map<string, number>();
  for (const n of names) counts.set(key(n), (counts.get(key(n)) ?? 0) + 1);
  const clashing = rows.map((_, i) => (counts.get(key(names[i] as { metric: string; labels: string })) ?? 0) > 1);
  const tails = distinguishingTails(rows.map((r) => r.file));
  return names.map((n, i) => {
    if (!clashing[i]) return n;
    const where = shorten(tails[i] as string, 32);
    return { metric: n.metric, labels: n.labels ? `${n.labels} · ${where}` : where, cut: true };
  });
}

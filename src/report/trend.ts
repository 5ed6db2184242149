/**
 * The default-branch trend of the gated metrics, for the comment: which noise
 * the gate learned from the history, each metric's last runs and this run
 * (a Mermaid line chart for one or two metrics, a sparkline row each for more),
 * and on pushes the change points. Capped to fit the comment's budget.
 */
import type { ChangeEvent, ComparisonReport, SeriesTrend } from '../model/comparison.js';
import type { Report } from '../model/report.js';
import { formatChange, formatNumber } from '../util/numbers.js';
import { plural } from '../util/text.js';
import { chartLabel } from './charts.js';
import { code, escapeMarkdown, table } from './format.js';
import { DROP_RANK, type Section } from './sections.js';

/** Metrics shown; report.json keeps more (TREND_SERIES_LIMIT). */
export const TREND_METRICS_SHOWN = 6;
/** Up to this many metrics get a chart each; more get sparkline rows. */
export const TREND_CHARTS = 2;
/** Default-branch runs drawn per metric (the newest), before this run. */
export const TREND_POINTS_SHOWN = 20;
/** Change-point sentences shown. */
export const TREND_CHANGE_LINES = 3;
/** The whole section stays within this many characters. */
export const TREND_CHARS_LIMIT = 1500;
const NAME_CHARS = 40;
const BARS = '▁▂▃▄▅▆▇█';

/**
 * One character per value on a band at least twice the threshold wide around
 * the values' midpoint, so noise well inside the threshold draws nearly flat
 * and a drop past it draws as a drop.
 */
export function sparkline(values: readonly number[], threshold: number): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1] as number;
  const band = Math.max(max - min, 2 * threshold * Math.abs(median));
  if (band === 0) return BARS.charAt(3).repeat(values.length);
  const lo = (max + min) / 2 - band / 2;
  return values.map((v) => BARS.charAt(Math.min(7, Math.max(0, Math.floor(((v - lo) / band) * 8))))).join('');
}

function plainName(t: Pick<SeriesTrend, 'metric' | 'labels'>): string {
  const labels = Object.entries(t.labels).map(([k, v]) => `${k}=${v}`);
  const full = labels.length > 0 ? `${t.metric} (${labels.join(', ')})` : t.metric;
  return full.length > NAME_CHARS ? `${full.slice(0, NAME_CHARS - 1)}…` : full;
}

function shown(t: SeriesTrend): number[] {
  return t.points.slice(-TREND_POINTS_SHOWN).map((p) => p.value);
}

function chart(t: SeriesTrend): string {
  const values = shown(t);
  const all = t.current === null ? values : [...values, t.current];
  const labels = values.map((_, i) => `"-${values.length - i}"`);
  if (t.current !== null) labels.push('"now"');
  const min = Math.min(...all);
  const max = Math.max(...all);
  const pad = Math.max((max - min) * 0.1, Math.abs(max) * 0.01);
  const round = (v: number) => Number(v.toPrecision(4));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${chartLabel(plainName(t))}"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "${chartLabel(t.unit || 'value')}" ${round(min - pad)} --> ${round(max + pad)}`,
    `  line [${all.map(round).join(', ')}]`,
    '```',
  ].join('\n');
}

function sparkRow(t: SeriesTrend): string[] {
  const values = shown(t);
  const all = t.current === null ? values : [...values, t.current];
  const line = sparkline(all, t.threshold);
  const drawn = t.current === null ? line : `${line.slice(0, -1)} → ${line.slice(-1)}`;
  return [
    escapeMarkdown(plainName(t)),
    drawn,
    `${formatNumber(Math.min(...all))}–${formatNumber(Math.max(...all))}${t.unit ? ` ${escapeMarkdown(t.unit)}` : ''}`,
    formatNumber(values[values.length - 1]),
    t.current === null ? '–' : formatNumber(t.current),
  ];
}

function ago(runs: number): string {
  return runs === 0 ? 'at this push' : `${plural(runs, 'push', 'pushes')} ago`;
}

/** "tokens_s (model=llama3) fell 8.0% at commit `abc1234`, 3 pushes ago, and stayed there." */
export function changeSentence(t: SeriesTrend, e: ChangeEvent): string {
  const name = escapeMarkdown(plainName(t));
  const pct = formatChange(Math.abs(e.change)).slice(1);
  if (e.kind === 'drift') return `${name} drifted ${e.change < 0 ? 'down' : 'up'} ${pct} over the last ${plural(e.runsAgo + 1, 'run')} (a steady slope, no single step).`;
  const at = e.commit ? ` at commit ${code(e.commit.slice(0, 7))}` : '';
  return `${name} ${e.change < 0 ? 'fell' : 'rose'} ${pct}${at}, ${ago(e.runsAgo)}${e.latest ? ', and stayed there' : ''}.`;
}

function noiseLine(history: NonNullable<ComparisonReport['history']>): string {
  const used = history.betweenRun + history.withinRun;
  const split = used > 0 ? `: the between-run spread was larger and used for ${plural(history.betweenRun, 'metric')}, the within-run one for ${history.withinRun}` : '';
  return `Noise learned from the last ${plural(history.runs, 'default-branch run')}${split}.`;
}

function render(history: NonNullable<ComparisonReport['history']>, trends: SeriesTrend[], charts: boolean, changeLines: number): string {
  const parts = ['### Trend on the default branch', noiseLine(history)];
  if (trends.length > 0) {
    if (charts) parts.push(...trends.map(chart));
    else {
      parts.push(table(['Metric', `Last runs → this run`, 'Range', 'Latest', 'This run'], trends.map(sparkRow)));
    }
  }
  if (history.changePoints) {
    const sentences = trends.flatMap((t) => (t.changes ?? []).slice().reverse().map((e) => changeSentence(t, e)));
    if (sentences.length === 0 && trends.length > 0) parts.push('No change point on the default branch: no gated metric moved to a new level and stayed there.');
    else if (sentences.length > 0) {
      const kept = sentences.slice(0, changeLines);
      const more = sentences.length - kept.length;
      parts.push(`Change points on the default branch:\n${kept.map((t) => `- ${t}`).join('\n')}${more > 0 ? `\n- …and ${more} more in report.json` : ''}`);
    }
  }
  return parts.join('\n\n');
}

/**
 * The trend section, or nothing without a default-branch history. Tries the
 * fullest form first (charts for one or two metrics, six rows, three change
 * sentences) and gives way, row by row, until it fits TREND_CHARS_LIMIT.
 */
export function trendSections(report: Report): Section[] {
  const history = report.comparison?.history;
  if (!history) return [];
  const all = history.trends.slice(0, TREND_METRICS_SHOWN);
  const attempts: { trends: SeriesTrend[]; charts: boolean; lines: number }[] = [];
  if (all.length > 0 && all.length <= TREND_CHARTS) attempts.push({ trends: all, charts: true, lines: TREND_CHANGE_LINES });
  for (let n = all.length; n >= 0; n--) attempts.push({ trends: all.slice(0, n), charts: false, lines: Math.min(TREND_CHANGE_LINES, Math.max(1, n)) });
  for (const a of attempts) {
    const text = render(history, a.trends, a.charts, a.lines);
    if (text.length <= TREND_CHARS_LIMIT) return [{ text, dropRank: DROP_RANK.unchangedMetrics, kind: 'trend' }];
  }
  return [{ text: `### Trend on the default branch\n\n${noiseLine(history)}`, dropRank: DROP_RANK.unchangedMetrics, kind: 'trend' }];
}

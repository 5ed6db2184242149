import { formatThreshold } from '../baseline/config.js';
import { formatChange, formatNumber, formatP } from '../util/numbers.js';
import { severity } from '../baseline/compare.js';
import { bySeverity, gatedRegressions } from '../baseline/gate.js';
import type { BaselineInfo, ComparisonReport, SeriesComparison, SideSummary } from '../model/comparison.js';
import { plural } from '../util/text.js';
import { code, details, escapeMarkdown, labelsText, table } from './format.js';
import type { Report } from '../model/report.js';
import { DROP_RANK, type Section } from './sections.js';

/** Rows per collapsed table; report.json keeps every comparison. */
const DETAIL_ROWS = 200;
/** Bars in the chart: more would be unreadable in a comment. */
export const CHART_BARS = 12;
const CHART_LABEL_CHARS = 24;

/** "3 hours", "2 days": how long before `now` the baseline's data was produced. */
export function formatAge(fromIso: string, nowIso: string): string | undefined {
  const ms = Date.parse(nowIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms)) return undefined;
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

function baselineText(baseline: BaselineInfo, generatedAt: string): string {
  const age = baseline.createdAt ? formatAge(baseline.createdAt, generatedAt) : undefined;
  return `${escapeMarkdown(baseline.description)}${age ? ` (${age} old)` : ''}`;
}

/** The one line under the title: what the gate decided and against what, and the baseline's caveat. */
export function verdictLine(comparison: ComparisonReport, generatedAt: string): string {
  const line = decision(comparison, generatedAt);
  const note = comparison.baseline?.note;
  return note && !comparison.error ? `${line} ${escapeMarkdown(note.charAt(0).toUpperCase() + note.slice(1))}.` : line;
}

function decision(comparison: ComparisonReport, generatedAt: string): string {
  if (comparison.error) return `❌ **Baseline unusable:** ${escapeMarkdown(comparison.error)}`;
  if (comparison.verdict === 'no-baseline' || !comparison.baseline) {
    const reasons = comparison.attempts.map((a) => `${escapeMarkdown(a.source)}: ${escapeMarkdown(a.outcome)}`).join('; ');
    return `ℹ️ **No baseline:** nothing to compare against, so nothing can fail${reasons ? ` (${reasons})` : ''}.`;
  }
  const against = baselineText(comparison.baseline, generatedAt);
  const matched = comparison.series.filter((c) => c.verdict !== 'new' && c.verdict !== 'missing');
  const gated = matched.filter((c) => c.gated);
  const inconclusive = matched.filter((c) => c.verdict === 'inconclusive').length;
  const unsure = inconclusive > 0 ? `; ${plural(inconclusive, 'metric')} inconclusive (the data cannot tell)` : '';
  if (comparison.verdict === 'regression') {
    const n = gatedRegressions(comparison).length;
    return `❌ **Regression:** ${plural(n, 'gated metric')} regressed against ${against}${unsure}.`;
  }
  const ungated = matched.filter((c) => !c.gated && c.verdict === 'regressed').length;
  const extra = ungated > 0 ? `; ${plural(ungated, 'metric that does not gate', 'metrics that do not gate')} regressed` : '';
  const within = gated.filter((c) => c.verdict !== 'inconclusive').length;
  const gatedText = gated.length === 0 ? 'no gated metric in both runs' : `${plural(within, 'gated metric')} within threshold`;
  return `✅ **No regression** against ${against}: ${plural(matched.length, 'metric')} compared, ${gatedText}${unsure}${extra}.`;
}

function sideText(side: SideSummary | null, unit: string): string {
  if (!side) return '–';
  const n = side.n !== null && side.n > 1 ? ` (n=${side.n})` : '';
  return `${formatNumber(side.value)}${unit ? ` ${escapeMarkdown(unit)}` : ''}${n}`;
}

function intervalText(c: SeriesComparison): string {
  if (!c.interval) return '–';
  return `${formatChange(c.interval[0])} … ${formatChange(c.interval[1])}`;
}

const VERDICT_TEXT: Record<SeriesComparison['verdict'], string> = {
  regressed: '❌ regressed',
  improved: '✅ improved',
  unchanged: 'unchanged',
  inconclusive: '❔ inconclusive',
  'insufficient-data': 'insufficient data',
  new: 'new',
  missing: 'missing',
};

function verdictCell(c: SeriesComparison): string {
  if (c.verdict === 'regressed') return c.gated ? '❌ **regressed**' : '⚠️ regressed (not gated)';
  return VERDICT_TEXT[c.verdict];
}

function notesText(c: SeriesComparison): string {
  const parts = [`threshold ${formatThreshold(c.threshold)}`];
  if (c.note) parts.push(escapeMarkdown(c.note));
  return parts.join('; ');
}

const COMPARISON_HEADER = ['Metric', 'Labels', 'Baseline', 'Current', 'Change', 'Interval', 'p', 'Verdict', 'Notes'];

/** One table row; the file is shown under the metric when it is not the only one. */
export function comparisonRow(c: SeriesComparison): string[] {
  return [
    `${code(c.metric)}<br>${code(c.file)}`,
    labelsText(c.labels),
    sideText(c.base, c.unit),
    sideText(c.head, c.unit),
    c.change === null ? '–' : formatChange(c.change),
    intervalText(c),
    c.pValue === null ? '–' : formatP(c.pValue),
    verdictCell(c),
    notesText(c),
  ];
}

function limitedTable(rows: SeriesComparison[]): string {
  const shown = rows.slice(0, DETAIL_ROWS);
  const more = rows.length > shown.length ? `\n\n…and ${rows.length - shown.length} more in report.json.` : '';
  return `${table(COMPARISON_HEADER, shown.map(comparisonRow))}${more}`;
}

function settingsLine(comparison: ComparisonReport): string {
  const s = comparison.settings;
  const parts = [
    `Compared by ${escapeMarkdown(s.statistic ?? 'mean')}`,
    `threshold ${escapeMarkdown(s.threshold ?? '')}${s.thresholds && s.thresholds !== '(none)' ? ` (per metric: ${escapeMarkdown(s.thresholds)})` : ''}`,
    `confidence ${escapeMarkdown(s.confidence ?? '')}`,
    `min-samples ${escapeMarkdown(s['min-samples'] ?? '')}`,
    `gate: ${escapeMarkdown(s.gate ?? '')}`,
  ];
  return `${parts.join(' · ')}. A metric regresses when its change in the bad direction exceeds its threshold and, with enough samples on both sides, Welch's test (or a bootstrap for medians) finds it significant; the interval is for the relative change.`;
}

/** Mermaid text cannot be escaped: keep a conservative character set and cut long names. */
export function chartLabel(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9 _.\-/=:()%+]+/g, '_').replace(/\s+/g, ' ').trim();
  return clean.length > CHART_LABEL_CHARS ? `${clean.slice(0, CHART_LABEL_CHARS - 1)}…` : clean || '_';
}

function chartName(c: SeriesComparison): string {
  const labels = Object.values(c.labels);
  return chartLabel(labels.length > 0 ? `${c.metric} ${labels.join(' ')}` : c.metric);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Current as % of baseline (baseline = 100) for the gated metrics, worst
 * first: metrics in different units share one axis that way. The line at
 * 100 is the baseline; the second line is each metric's threshold in its bad
 * direction. undefined when no gated metric was compared.
 */
export function comparisonChart(comparison: ComparisonReport): string | undefined {
  const gated = comparison.series.filter((c) => c.gated && c.change !== null && Number.isFinite(c.change)).sort(bySeverity);
  if (gated.length === 0) return undefined;
  const shown = gated.slice(0, CHART_BARS);
  const current = shown.map((c) => round1(100 * (1 + (c.change as number))));
  const limit = shown.map((c) => round1(100 * (c.direction === 'lower' ? 1 + c.threshold : 1 - c.threshold)));
  const all = [...current, ...limit, 100];
  const lo = Math.floor(Math.min(...all) - 2);
  const hi = Math.ceil(Math.max(...all) + 2);
  const title = gated.length > shown.length ? `Gated metrics, ${shown.length} worst of ${gated.length}: current as % of baseline` : 'Gated metrics: current as % of baseline';
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${title}"`,
    `  x-axis [${shown.map((c) => `"${chartName(c)}"`).join(', ')}]`,
    `  y-axis "% of baseline" ${lo} --> ${hi}`,
    `  bar [${current.join(', ')}]`,
    `  line [${shown.map(() => 100).join(', ')}]`,
    `  line [${limit.join(', ')}]`,
    '```',
  ];
  return `${lines.join('\n')}\n\nBars: current run as % of the baseline; lines: the baseline (100) and each metric's threshold.`;
}

/** The verdict line, placed right under the report title; none when no comparison ran. */
export function verdictSections(report: Report): Section[] {
  if (!report.comparison) return [];
  return [{ text: verdictLine(report.comparison, report.generatedAt) }];
}

function attemptsSection(comparison: ComparisonReport): Section {
  const rows = comparison.attempts.map((a) => `- ${escapeMarkdown(a.source)}: ${escapeMarkdown(a.outcome)}`).join('\n');
  return { text: details('Baseline sources tried', rows), dropRank: DROP_RANK.collapsedDetail, kind: 'baseline sources' };
}

/**
 * The comparison in reading order: regressions (never dropped) worst first,
 * the chart, then improvements and unchanged metrics, not-judged, new and
 * missing series, collapsed and droppable.
 */
export function comparisonSections(report: Report): Section[] {
  const comparison = report.comparison;
  if (!comparison) return [];
  if (comparison.verdict === 'no-baseline' || !comparison.baseline) {
    return comparison.attempts.length === 0 ? [] : [attemptsSection(comparison)];
  }
  const by = (verdict: SeriesComparison['verdict']) => comparison.series.filter((c) => c.verdict === verdict);
  const regressed = by('regressed').sort(bySeverity);
  const improved = by('improved').sort((a, b) => severity(a) - severity(b) || (a.id < b.id ? -1 : 1));
  const sections: Section[] = [];
  const head = `## Comparison with baseline\n\nBaseline: ${baselineText(comparison.baseline, report.generatedAt)}${comparison.baseline.commit ? ` · commit ${code(comparison.baseline.commit.sha.slice(0, 12))}` : ''}.\n\n${settingsLine(comparison)}`;
  const regressions = regressed.length > 0 ? `### Regressions\n\n${table(COMPARISON_HEADER, regressed.map(comparisonRow))}` : '### Regressions\n\nNone: no metric got worse past its threshold.';
  sections.push({ text: `${head}\n\n${regressions}` });
  const chart = comparisonChart(comparison);
  if (chart) sections.push({ text: chart, dropRank: DROP_RANK.collapsedDetail, kind: 'chart' });
  const collapsed = (title: string, rows: SeriesComparison[], dropRank: number, kind: string) => {
    if (rows.length > 0) sections.push({ text: details(`${title} (${rows.length})`, limitedTable(rows)), dropRank, kind });
  };
  collapsed('Inconclusive: the data cannot tell', by('inconclusive'), DROP_RANK.unchangedMetrics, 'inconclusive table');
  collapsed('Improvements', improved, DROP_RANK.unchangedMetrics, 'improvements table');
  collapsed('Unchanged', by('unchanged'), DROP_RANK.unchangedMetrics, 'unchanged metrics table');
  collapsed('Not judged: insufficient data', by('insufficient-data'), DROP_RANK.collapsedDetail, 'insufficient-data table');
  const listed = (title: string, rows: SeriesComparison[]) => {
    if (rows.length === 0) return;
    const shown = rows.slice(0, DETAIL_ROWS).map((c) => `- ${code(c.metric)}${Object.keys(c.labels).length > 0 ? ` (${labelsText(c.labels)})` : ''} in ${code(c.file)}`);
    if (rows.length > DETAIL_ROWS) shown.push(`- …and ${rows.length - DETAIL_ROWS} more in report.json`);
    sections.push({ text: details(`${title} (${rows.length})`, shown.join('\n')), dropRank: DROP_RANK.collapsedDetail, kind: `${title.toLowerCase()} list` });
  };
  listed('New series, not in the baseline', by('new'));
  listed('Missing series, in the baseline only', by('missing'));
  if (comparison.attempts.length > 1) sections.push(attemptsSection(comparison));
  return sections;
}

import { formatThreshold } from '../baseline/config.js';
import { formatChange, formatNumber, formatP } from '../util/numbers.js';
import { severity } from '../baseline/compare.js';
import { bySeverity, gatedRegressions, nothingGatable } from '../baseline/gate.js';
import type { BaselineInfo, ComparisonReport, SeriesComparison, SideSummary } from '../model/comparison.js';
import { plural } from '../util/text.js';
import { code, details, escapeMarkdown, labelsText, table } from './format.js';
import type { Report } from '../model/report.js';
import { barChart, CHART_BARS } from './charts.js';
import { rowNames } from './digest.js';
import { DROP_RANK, type Section } from './sections.js';

/** Rows per collapsed table; report.json keeps every comparison. */
const DETAIL_ROWS = 200;

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

/** How a sentence is marked up: Markdown escapes repository text and bolds the verdict; text does neither. */
interface Style {
  esc: (text: string) => string;
  bold: (text: string) => string;
}

const MARKDOWN: Style = { esc: escapeMarkdown, bold: (t) => `**${t}**` };
const PLAIN: Style = { esc: (t) => t.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' '), bold: (t) => t };

function baselineText(baseline: BaselineInfo, generatedAt: string, style: Style = MARKDOWN): string {
  const age = baseline.createdAt ? formatAge(baseline.createdAt, generatedAt) : undefined;
  return `${style.esc(baseline.description)}${age ? ` (${age} old)` : ''}`;
}

function sentence(comparison: ComparisonReport, generatedAt: string, style: Style): string {
  const line = decision(comparison, generatedAt, style);
  const note = comparison.baseline?.note;
  return note && !comparison.error ? `${line} ${style.esc(note.charAt(0).toUpperCase() + note.slice(1))}.` : line;
}

/** The one line under the title: what the gate decided and against what, and the baseline's caveat. */
export function verdictLine(comparison: ComparisonReport, generatedAt: string): string {
  return sentence(comparison, generatedAt, MARKDOWN);
}

/** verdictLine as plain text, for a terminal. */
export function baselineSentence(comparison: ComparisonReport, generatedAt: string): string {
  return sentence(comparison, generatedAt, PLAIN);
}

function decision(comparison: ComparisonReport, generatedAt: string, style: Style): string {
  const { esc, bold } = style;
  if (comparison.error) return `❌ ${bold('Baseline unusable:')} ${esc(comparison.error)}`;
  if (comparison.verdict === 'no-baseline' || !comparison.baseline) {
    const reasons = comparison.attempts.map((a) => `${esc(a.source)}: ${esc(a.outcome)}`).join('; ');
    return `ℹ️ ${bold('No baseline:')} nothing to compare against, so nothing can fail${reasons ? ` (${reasons})` : ''}.`;
  }
  const against = baselineText(comparison.baseline, generatedAt, style);
  const matched = comparison.series.filter((c) => c.verdict !== 'new' && c.verdict !== 'missing');
  const gated = matched.filter((c) => c.gated);
  const inconclusive = matched.filter((c) => c.verdict === 'inconclusive').length;
  const unsure = inconclusive > 0 ? `; ${plural(inconclusive, 'metric')} inconclusive (the data cannot tell)` : '';
  if (comparison.verdict === 'regression') {
    const n = gatedRegressions(comparison).length;
    return `❌ ${bold('Regression:')} ${plural(n, 'gated metric')} regressed against ${against}${unsure}.`;
  }
  // A baseline that matches none of this run's series (a renamed folder, another tree's snapshot) checked nothing:
  // that is no pass, and must not read as one.
  if (matched.length === 0) {
    const fresh = comparison.series.filter((c) => c.verdict === 'new').length;
    const gone = comparison.series.length - fresh;
    return `⚠️ ${bold('Nothing compared:')} none of this run's ${plural(fresh, 'series', 'series')} matches one of the ${plural(gone, 'series', 'series')} of ${against} (ids hold the path, metric and labels: a renamed or moved file matches nothing), so the gate checked nothing.`;
  }
  const unmatchedGated = comparison.series.filter((c) => c.gated && (c.verdict === 'new' || c.verdict === 'missing')).length;
  if (gated.length === 0 && unmatchedGated > 0) {
    return `⚠️ ${bold('No gated metric compared')} against ${against}: ${plural(matched.length, 'metric')} compared, but every gated one is new or missing (${unmatchedGated}), so the gate checked nothing${unsure}.`;
  }
  const ungated = matched.filter((c) => !c.gated && c.verdict === 'regressed').length;
  // A gate that selects none of these metrics can never fail: a green "No regression" over a 20% slower time would mislead.
  const why = nothingGatable(comparison);
  if (why !== undefined) {
    const setting = why === 'gate-none' ? 'the gate input is none' : `${matched.length === 1 ? 'it is not' : 'none of them is'} a throughput (the default gate: a higher-is-better rate such as tok/s)`;
    const regressed = ungated > 0 ? `; ${plural(ungated, 'metric')} regressed without gating (gate: all, or metric globs, gates them)` : '';
    return `⚠️ ${bold('No gated metric')} against ${against}: ${plural(matched.length, 'metric')} compared, but ${setting}, so nothing can fail${unsure}${regressed}.`;
  }
  const extra = ungated > 0 ? `; ${plural(ungated, 'metric that does not gate', 'metrics that do not gate')} regressed` : '';
  const within = gated.filter((c) => c.verdict !== 'inconclusive').length;
  const gatedText = gated.length === 0 ? 'no gated metric in both runs' : `${plural(within, 'gated metric')} within threshold`;
  return `✅ ${bold('No regression')} against ${against}: ${plural(matched.length, 'metric')} compared, ${gatedText}${unsure}${extra}.`;
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

const COMPARISON_HEADER = ['Series', 'Baseline', 'Current', 'Change (interval)', 'p', 'Verdict'];

/** One table row: the file under the series' name, the threshold and notes under the verdict. */
export function comparisonRow(c: SeriesComparison): string[] {
  const labels = Object.keys(c.labels).length > 0 ? ` ${labelsText(c.labels)}` : '';
  return [
    `${code(c.metric)}${labels}<br><sub>${escapeMarkdown(c.file)}</sub>`,
    sideText(c.base, c.unit),
    sideText(c.head, c.unit),
    c.change === null ? '–' : `${formatChange(c.change)}${c.interval ? `<br><sub>${intervalText(c)}</sub>` : ''}`,
    c.pValue === null ? '–' : formatP(c.pValue),
    `${verdictCell(c)}<br><sub>${notesText(c)}</sub>`,
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
  const title = gated.length > shown.length ? `Gated metrics, ${shown.length} worst of ${gated.length}: current as % of baseline` : 'Gated metrics: current as % of baseline';
  const chart = barChart({
    title,
    yAxis: '% of baseline',
    bars: rowNames(shown).map((n, i) => ({ label: [n.metric, n.labels.replace(/ · …$/, '').replace(/ · /g, ' ')].filter(Boolean).join(' '), value: 100 * (1 + ((shown[i] as SeriesComparison).change as number)) })),
    lines: [shown.map(() => 100), shown.map((c) => 100 * (c.direction === 'lower' ? 1 + c.threshold : 1 - c.threshold))],
  });
  return `${chart}\n\nBars: current run as % of the baseline; lines: the baseline (100) and each metric's threshold.`;
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
  const head = `### Comparison with the baseline\n\nBaseline: ${baselineText(comparison.baseline, report.generatedAt)}${comparison.baseline.commit ? ` · commit ${code(comparison.baseline.commit.sha.slice(0, 12))}` : ''}.\n\n${settingsLine(comparison)}`;
  sections.push({ text: head, dropRank: DROP_RANK.unchangedMetrics, kind: 'comparison settings' });
  const collapsed = (title: string, rows: SeriesComparison[], dropRank: number, kind: string, open = false) => {
    if (rows.length > 0) sections.push({ text: details(`${title} (${rows.length})`, limitedTable(rows), open), dropRank, kind });
  };
  collapsed('Regressions', regressed, DROP_RANK.unchangedMetrics, 'regressions table', true);
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

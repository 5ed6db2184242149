import { isThroughput } from '../metrics/infer.js';
import type { Direction, Series } from '../model/series.js';
import { formatBytes, plural } from '../util/text.js';
import { comparisonSections, verdictSections } from './comparison.js';
import { llmCallsSection, llmSummarySection, llmTimingText, narrativeSection } from './llm-sections.js';
import { DROP_RANK, type Section } from './sections.js';
import { REPORT_MARKER } from '../model/marker.js';
import type { FileEntry, Report } from '../model/report.js';
import { code, details, escapeMarkdown, formatMs, formatTime, htmlCode, labelsText, table } from './format.js';
import { formatNumber, formatPercent } from '../util/numbers.js';

export { DROP_RANK, type Section };

/** GitHub refuses job summaries over 1 MiB. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Above this many series, per-file tables start collapsed. */
const OPEN_SERIES_LIMIT = 60;
const KEY_METRICS_LIMIT = 30;
// Untrusted text has its braces escaped, so this token can only be ours.
const TIMING_PLACEHOLDER = '{{render-ms}}';

const ARROW: Record<Direction, string> = { higher: '↑ higher', lower: '↓ lower', none: '–' };

function rank(s: Series): number {
  if (isThroughput(s.direction, s.unit, s.metric)) return 0;
  return s.direction === 'higher' ? 1 : s.direction === 'lower' ? 2 : 3;
}

/** Throughput first, then higher-is-better, lower-is-better and the rest; then by name. */
export function orderSeries(series: readonly Series[]): Series[] {
  return [...series].sort((a, b) => rank(a) - rank(b) || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) || (a.id < b.id ? -1 : 1));
}

function notes(s: Series): string {
  const out: string[] = [];
  if (s.source === 'summary') out.push('summary stated in file');
  else if (s.stats.n === 1) out.push('single value');
  if (s.stats.approximate) out.push(`percentiles from a ${s.samples.length}-sample reservoir`);
  if (s.outliers.length > 0) {
    const shown = s.outliers.slice(0, 3).map((o) => `#${o.index + 1} = ${formatNumber(o.value)}`);
    const first = s.outliers.some((o) => o.index === 0) ? ' (first run: warm-up?)' : '';
    out.push(`${s.outliers.length} outlier${s.outliers.length > 1 ? 's' : ''}: ${shown.join(', ')}${s.outliers.length > 3 ? ', …' : ''}${first}; kept in the statistics`);
  }
  if (s.directionSource === 'override') out.push('direction set by input');
  return out.join('; ').replace(/#(?=\d)/g, '#\u200b');
}

function statsRow(s: Series, withFile: boolean): string[] {
  const st = s.stats;
  // One sample has no spread: repeating it as min, p50, …, max would only add noise.
  const spread = (v: number | null) => (st.n === 1 ? '–' : formatNumber(v));
  const row = [
    code(s.metric),
    labelsText(s.labels),
    st.n === null ? '?' : String(st.n),
    formatNumber(st.mean),
    formatNumber(st.sd),
    formatPercent(st.cv),
    spread(st.min),
    spread(st.p50),
    spread(st.p95),
    spread(st.p99),
    spread(st.max),
    s.unit ? escapeMarkdown(s.unit) : '–',
    ARROW[s.direction],
    notes(s),
  ];
  if (withFile) row.splice(2, 0, code(s.file));
  return row;
}

const STATS_HEADER = ['Metric', 'Labels', 'n', 'Mean', 'SD', 'CV', 'Min', 'p50', 'p95', 'p99', 'Max', 'Unit', 'Better', 'Notes'];

function headline(report: Report): string {
  const t = report.inventory.totals;
  const parts = [
    `**${plural(t.found, 'file')}** found in ${code(report.root)}`,
    `${t.parsed} with metrics`,
    plural(t.documents, 'document'),
    `${t.skipped} skipped`,
    `${t.failed} failed`,
    `**${report.series.length} series**`,
  ];
  if (t.excludedRows > 0) parts.push(`${plural(t.excludedRows, 'row')} excluded for errors`);
  const commit = report.commit ? ` · commit ${code(report.commit.sha.slice(0, 12))}${report.commit.ref ? ` on ${code(report.commit.ref)}` : ''}` : '';
  return `${parts.join(' · ')}\n\nGenerated ${formatTime(report.generatedAt)} by Chimera Insight ${escapeMarkdown(report.toolVersion)}${commit}`;
}

/** Inputs that matched nothing or gate nothing: one short list near the top, errors first. */
function noticesSection(report: Report): Section[] {
  const notices = [...(report.notices ?? [])].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  if (notices.length === 0) return [];
  const lines = notices.map((n) => `- ${n.level === 'error' ? '**Error** · ' : ''}${code(n.input)}: ${escapeMarkdown(n.message)}`);
  return [{ text: `### Configuration ${notices.some((n) => n.level === 'error') ? 'problems' : 'warnings'}\n\n${lines.join('\n')}` }];
}

function keyMetrics(report: Report): string {
  const throughput = orderSeries(report.series).filter((s) => rank(s) === 0);
  if (throughput.length === 0) return '## Throughput\n\nNo throughput metric (a rate such as tok/s or req/s, higher is better) was found.';
  const shown = throughput.slice(0, KEY_METRICS_LIMIT);
  const rows = shown.map((s) => [
    code(s.metric),
    labelsText(s.labels),
    code(s.file),
    s.stats.n === null ? '?' : String(s.stats.n),
    `${formatNumber(s.stats.mean)}${s.stats.sd !== null ? ` ± ${formatNumber(s.stats.sd)}` : ''}`,
    formatPercent(s.stats.cv),
    s.unit ? escapeMarkdown(s.unit) : '–',
  ]);
  const more = throughput.length > shown.length ? `\n\n…and ${throughput.length - shown.length} more throughput series in the per-file tables below.` : '';
  return `## Throughput\n\n${table(['Metric', 'Labels', 'File', 'n', 'Mean ± sd', 'CV', 'Unit'], rows)}${more}`;
}

function fileSection(file: FileEntry, series: Series[], collapsed: boolean): Section {
  const facts = [`${file.adapter ?? file.type}`, `${series.length} series`];
  if (file.rows > 0) facts.push(plural(file.rows, 'row'));
  if (file.excludedRows > 0) facts.push(`${plural(file.excludedRows, 'row')} excluded (error column)`);
  if (file.problemCount > 0) facts.push(plural(file.problemCount, 'problem'));
  const body = table(STATS_HEADER, orderSeries(series).map((s) => statsRow(s, false)));
  const summary = ` (${facts.join(' · ')})`;
  const text = collapsed ? details(`${htmlCode(file.path)}${summary}`, body) : `### ${code(file.path)}${summary}\n\n${body}`;
  return { text, dropRank: DROP_RANK.fileTable, kind: "files' tables" };
}

function aggregateSections(report: Report): Section[] {
  const byFile = new Map<string, Series[]>();
  for (const s of report.series) {
    const list = byFile.get(s.file) ?? [];
    list.push(s);
    byFile.set(s.file, list);
  }
  const collapsed = report.series.length > OPEN_SERIES_LIMIT;
  const sections = report.inventory.files
    .filter((f) => byFile.has(f.path))
    .map((f) => fileSection(f, byFile.get(f.path) as Series[], collapsed));
  return sections.length > 0 ? sections : [{ text: 'No metric series found.' }];
}

function problemLines(files: FileEntry[]): string[] {
  const lines: string[] = [];
  for (const f of files) {
    if (f.status === 'failed') {
      lines.push(`- ${code(f.path)}: **failed**: ${escapeMarkdown(f.reason ?? '')}`);
      continue;
    }
    if (f.status !== 'parsed') continue;
    for (const p of f.problems) lines.push(`- ${code(f.path)}${p.line !== undefined ? ` line ${p.line}` : ''}: ${escapeMarkdown(p.reason)}`);
    if (f.problemCount > f.problems.length) lines.push(`- ${code(f.path)}: …and ${f.problemCount - f.problems.length} more problems`);
  }
  return lines;
}

function inventorySection(report: Report): string {
  const inv = report.inventory;
  const typeRows = inv.byType.map((t) => [
    t.type,
    String(t.found),
    String(t.parsed),
    String(t.documents),
    String(t.skipped),
    String(t.failed),
    t.latestModified ? formatTime(t.latestModified) : '–',
  ]);
  const parts = ['## Data inventory', table(['Type', 'Found', 'With metrics', 'Documents', 'Skipped', 'Failed', 'Latest change'], typeRows)];
  if (inv.adapters.length > 0) parts.push(`Adapters used: ${inv.adapters.map((a) => `${a.adapter} (${a.files})`).join(', ')}.`);
  const timeSource = inv.git.checkout
    ? `Latest change comes from git history${inv.git.shallow ? ' (shallow clone: files unchanged since the oldest fetched commit show that commit\'s time; use fetch-depth: 0 for exact times)' : ''}; files not in history use their file-system time.`
    : 'Not a git checkout: latest change is the file-system time.';
  parts.push(timeSource);
  if (inv.totals.excludedRows > 0) {
    const files = inv.files.filter((f) => f.excludedRows > 0).map((f) => `${code(f.path)} (${f.excludedRows})`);
    parts.push(`Rows with a non-empty error column are left out of every statistic: ${inv.totals.excludedRows} in ${files.join(', ')}.`);
  }
  const problems = problemLines(inv.files);
  if (problems.length > 0) {
    const body = problems.join('\n');
    parts.push(problems.length > 20 ? details(`Problems (${problems.length})`, body) : `### Problems\n\n${body}`);
  }
  const skipped = new Map<string, string[]>();
  for (const f of inv.files) {
    if (f.status !== 'skipped') continue;
    const list = skipped.get(f.reason ?? '') ?? [];
    list.push(f.path);
    skipped.set(f.reason ?? '', list);
  }
  if (skipped.size > 0) {
    const body = [...skipped]
      .map(([reason, paths]) => `- ${escapeMarkdown(reason)} (${paths.length}): ${paths.slice(0, 10).map(code).join(', ')}${paths.length > 10 ? `, …and ${paths.length - 10} more` : ''}`)
      .join('\n');
    parts.push(details(`Skipped files (${inv.totals.skipped})`, body));
  }
  const docs = inv.files.filter((f) => f.document);
  if (docs.length > 0) {
    parts.push(details(`Documents without a metric table (${docs.length})`, docs.slice(0, 50).map((f) => `- ${code(f.path)} (${formatBytes(f.size)})`).join('\n') + (docs.length > 50 ? `\n- …and ${docs.length - 50} more` : '')));
  }
  return parts.join('\n\n');
}

function timingsSection(report: Report): string {
  const t = report.timings;
  const total = t.discoverMs + t.parseMs + t.analyzeMs + (t.llm?.wallMs ?? 0);
  const llm = llmTimingText(report);
  return `## Workflow timings\n\nDiscover ${formatMs(t.discoverMs)} · parse ${formatMs(t.parseMs)} · analyze ${formatMs(t.analyzeMs)}${llm ? ` · ${llm}` : ''} · render ${TIMING_PLACEHOLDER} · total before rendering ${formatMs(total)}`;
}

function configSection(report: Report): string {
  const rows = Object.entries(report.config).map(([k, v]) => [code(k), escapeMarkdown(v)]);
  return details('Configuration', table(['Input', 'Value'], rows));
}


export interface RenderOptions {
  /** Largest UTF-8 size of the result (GitHub's job summary limit is 1 MiB). */
  maxBytes?: number;
  /** Largest length in UTF-16 code units (GitHub counts a comment's 65,536 characters so). */
  maxChars?: number;
  /** Where the untrimmed report can be read, for the note when trimming. */
  fullReportHint?: string;
  /** Replaces REPORT_MARKER on the first line (a sticky comment's marker with header and commit, see marker.ts). */
  marker?: string;
}

/** Every section of the report, in reading order. */
export function reportSections(report: Report): Section[] {
  return [
    { text: `${REPORT_MARKER}\n# Chimera Insight benchmark report` },
    // A gate that gates nothing makes the verdict below meaningless: that is said first.
    ...noticesSection(report),
    ...verdictSections(report),
    { text: headline(report) },
    ...comparisonSections(report),
    { text: narrativeSection(report) },
    { text: keyMetrics(report) },
    { text: '## Aggregate metrics' },
    ...aggregateSections(report),
    { text: inventorySection(report) },
    { text: timingsSection(report) },
    ...(report.llm
      ? [
          { text: llmSummarySection(report.llm), dropRank: DROP_RANK.unchangedMetrics, kind: 'LLM call metrics' },
          { text: llmCallsSection(report.llm), dropRank: DROP_RANK.collapsedDetail, kind: 'per-call LLM metrics' },
        ]
      : []),
    { text: configSection(report), dropRank: DROP_RANK.collapsedDetail, kind: 'configuration table' },
  ];
}

function omissionNote(dropped: Section[], hint: string | undefined): string {
  const counts = new Map<string, number>();
  for (const s of dropped) counts.set(s.kind ?? 'sections', (counts.get(s.kind ?? 'sections') ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => (kind === "files' tables" ? `${n} more files' tables` : n > 1 ? `${n} ${kind}` : kind));
  return `…${parts.join(', ')} omitted to stay under GitHub's size limit${hint ? `; the full report is ${hint}` : ''}.`;
}

/**
 * Joins sections into one document that fits the limits in `options`.
 * Droppable sections go highest rank first (the last of equal rank first),
 * in growing batches so thousands of file tables cost a few passes, and a
 * note takes the place of the first one dropped.
 */
export function assembleSections(sections: readonly Section[], options: RenderOptions = {}): string {
  const fits = (text: string) =>
    (options.maxBytes === undefined || Buffer.byteLength(text) <= options.maxBytes) &&
    (options.maxChars === undefined || text.length <= options.maxChars);
  const join = (dropped: Set<number>) => {
    const out: string[] = [];
    let noted = false;
    const gone = sections.filter((_, i) => dropped.has(i));
    sections.forEach((s, i) => {
      if (!dropped.has(i)) out.push(s.text);
      else if (!noted) {
        out.push(omissionNote(gone, options.fullReportHint));
        noted = true;
      }
    });
    return `${out.join('\n\n')}\n`;
  };
  const order = sections
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.dropRank !== undefined)
    .sort((a, b) => (b.s.dropRank as number) - (a.s.dropRank as number) || b.i - a.i)
    .map(({ i }) => i);
  const dropped = new Set<number>();
  let text = join(dropped);
  let next = 0;
  while (!fits(text) && next < order.length) {
    const remaining = order.length - next;
    const batch = Math.max(1, Math.ceil(remaining / 8));
    for (const i of order.slice(next, next + batch)) dropped.add(i);
    next += batch;
    text = join(dropped);
  }
  return text;
}

/** The whole report as Markdown, trimmed to `maxBytes` / `maxChars` when given. */
export function renderMarkdown(report: Report, options: RenderOptions = {}): string {
  const sections = reportSections(report);
  const first = sections[0];
  if (options.marker !== undefined && first?.text.startsWith(REPORT_MARKER)) {
    sections[0] = { ...first, text: options.marker + first.text.slice(REPORT_MARKER.length) };
  }
  return assembleSections(sections, options);
}

/** Rendering is timed around renderMarkdown, so its duration is written in afterwards. */
export function withRenderTime(markdown: string, renderMs: number): string {
  return markdown.replace(TIMING_PLACEHOLDER, formatMs(renderMs));
}

import { isThroughput } from '../metrics/infer.js';
import { excludedBy, excludedRowsText } from '../util/excluded-rows.js';
import type { Direction, Series } from '../model/series.js';
import { centerNote, compareNumbered, formatBytes, plural } from '../util/text.js';
import { calibrationSections } from './calibration.js';
import { comparisonSections } from './comparison.js';
import { digestSections, type DigestLinks } from './comment.js';
import { keyFindings } from './digest.js';
import { hardwareDetailSection } from './hardware.js';
import { findingItem } from './findings.js';
import { llmCallsSection, llmSummarySection, llmTimingText } from './llm-sections.js';
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

const ARROW: Record<Direction, string> = { higher: '↑', lower: '↓', none: '' };

function rank(s: Series): number {
  if (isThroughput(s.direction, s.unit, s.metric)) return 0;
  return s.direction === 'higher' ? 1 : s.direction === 'lower' ? 2 : 3;
}

/** Throughput first, then higher-is-better, lower-is-better and the rest; then by name, numbers in a reader's order (size=128 before size=1024). */
export function orderSeries(series: readonly Series[]): Series[] {
  return [...series].sort((a, b) => rank(a) - rank(b) || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) || compareNumbered(a.id, b.id));
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

/** Conditions as a table cell: the file's labels and those read from the path. */
function conditionsText(s: Series): string {
  return labelsText({ ...s.labels, ...s.factors });
}

function statsRow(s: Series): string[] {
  const st = s.stats;
  // One sample has no spread: repeating it as min, p50, …, max would only add noise.
  const spread = (v: number | null) => (st.n === 1 ? '–' : formatNumber(v));
  const unit = s.unit ? ` ${escapeMarkdown(s.unit)}` : '';
  const sd = st.sd !== null && st.n !== 1 ? ` ± ${formatNumber(st.sd)}` : '';
  const stated = Object.entries(st.percentiles ?? {}).map(([rank, v]) => `p${rank} ${formatNumber(v)}`);
  const percentiles = st.n === 1 ? '–' : `${[st.p50, st.p95, st.p99].map(spread).join(' · ')}${stated.length > 0 ? `<br><sub>${stated.join(' · ')}</sub>` : ''}`;
  const range = st.n === 1 ? '–' : `${spread(st.min)} … ${spread(st.max)}`;
  const note = notes(s);
  return [
    `${code(s.metric)}${ARROW[s.direction] ? ` ${ARROW[s.direction]}` : ''}${note ? `<br><sub>${note}</sub>` : ''}`,
    conditionsText(s),
    st.n === null ? '?' : String(st.n),
    `${formatNumber(st.mean)}${sd}${unit}${centerNote(st.center)}`,
    formatPercent(st.cv),
    percentiles,
    range,
  ];
}

const STATS_HEADER = ['Metric', 'Conditions', 'n', 'Mean ± sd', 'CV', 'p50 · p95 · p99', 'Min … max'];

function throughputSection(report: Report): string {
  const throughput = orderSeries(report.series).filter((s) => rank(s) === 0);
  if (throughput.length === 0) return '### Throughput\n\nNo throughput metric (a rate such as tok/s or req/s, higher is better) was found.';
  const shown = throughput.slice(0, KEY_METRICS_LIMIT);
  const rows = shown.map((s) => [
    `${code(s.metric)}<br><sub>${escapeMarkdown(s.replicates?.pattern ?? s.file)}</sub>`,
    conditionsText(s),
    s.stats.n === null ? '?' : String(s.stats.n),
    `${formatNumber(s.stats.mean)}${s.stats.sd !== null && s.stats.n !== 1 ? ` ± ${formatNumber(s.stats.sd)}` : ''}${s.unit ? ` ${escapeMarkdown(s.unit)}` : ''}${centerNote(s.stats.center)}`,
    formatPercent(s.stats.cv),
  ]);
  const more = throughput.length > shown.length ? `\n\n…and ${throughput.length - shown.length} more throughput series in the per-file tables below.` : '';
  return `### Throughput\n\n${table(['Metric', 'Conditions', 'n', 'Mean ± sd', 'CV'], rows)}${more}`;
}

function fileSection(file: FileEntry, series: Series[], collapsed: boolean): Section {
  const facts = [`${file.adapter ?? file.type}`, `${series.length} series`];
  if (file.rows > 0) facts.push(plural(file.rows, 'row'));
  if (file.excludedRows > 0) facts.push(`${plural(file.excludedRows, 'row')} excluded (error or status column)`);
  if (file.problemCount > 0) facts.push(plural(file.problemCount, 'problem'));
  const body = table(STATS_HEADER, orderSeries(series).map(statsRow));
  const summary = ` (${facts.join(' · ')})`;
  const text = collapsed ? details(`${htmlCode(file.path)}${summary}`, body) : `#### ${code(file.path)}${summary}\n\n${body}`;
  return { text, dropRank: DROP_RANK.fileTable, kind: "files' tables" };
}

/** Per-file tables; series pooled from replicate runs are listed under the runs' pattern. */
function aggregateSections(report: Report): Section[] {
  const byFile = new Map<string, Series[]>();
  for (const s of report.series) {
    const key = s.replicates?.pattern ?? s.file;
    const list = byFile.get(key) ?? [];
    list.push(s);
    byFile.set(key, list);
  }
  const collapsed = report.series.length > OPEN_SERIES_LIMIT;
  const entries = new Map(report.inventory.files.map((f) => [f.path, f]));
  const sections: Section[] = [];
  for (const [key, series] of byFile) {
    const file = entries.get(key) ?? pooledEntry(key, series, entries);
    sections.push(fileSection(file, series, collapsed));
  }
  return sections.length > 0 ? sections : [{ text: 'No metric series found.' }];
}

/** A replicate group shown like one file: the runs' pattern, their format and rows added up. */
function pooledEntry(pattern: string, series: Series[], entries: Map<string, FileEntry>): FileEntry {
  const runs = (series[0]?.replicates?.files ?? []).map((f) => entries.get(f)).filter((f): f is FileEntry => f !== undefined);
  const first = runs[0];
  return {
    path: pattern,
    type: first?.type ?? 'other',
    size: runs.reduce((s, f) => s + f.size, 0),
    status: 'parsed',
    document: false,
    adapter: `${first?.adapter ?? first?.type ?? 'pooled'}, ${runs.length} runs pooled`,
    series: series.length,
    rows: runs.reduce((s, f) => s + f.rows, 0),
    excludedRows: runs.reduce((s, f) => s + f.excludedRows, 0),
    problems: [],
    problemCount: runs.reduce((s, f) => s + f.problemCount, 0),
  };
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
  const parts = ['### Data inventory', table(['Type', 'Found', 'With metrics', 'Documents', 'Skipped', 'Failed', 'Latest change'], typeRows)];
  if (inv.adapters.length > 0) parts.push(`Adapters used: ${inv.adapters.map((a) => `${a.adapter} (${a.files})`).join(', ')}.`);
  const timeSource = inv.git.checkout
    ? `Latest change comes from git history${inv.git.shallow ? ' (shallow clone: files unchanged since the oldest fetched commit show that commit\'s time; use fetch-depth: 0 for exact times)' : ''}; files not in history use their file-system time.`
    : 'Not a git checkout: latest change is the file-system time.';
  parts.push(timeSource);
  if (inv.totals.excludedRows > 0) {
    const excluding = inv.files.filter((f) => f.excludedRows > 0);
    const files = excluding.map((f) => `${code(f.path)} (${f.excludedRows})`);
    const what = excludedRowsText(inv.totals.excludedRows, excludedBy(excluding.map((f) => f.adapter)));
    parts.push(`Left out of every statistic: ${what}, in ${files.join(', ')}.`);
  }
  const problems = problemLines(inv.files);
  if (problems.length > 0) {
    const body = problems.join('\n');
    parts.push(problems.length > 20 ? details(`Problems (${problems.length})`, body) : `**Problems**\n\n${body}`);
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
  const total = t.discoverMs + t.parseMs + t.analyzeMs + (t.findingsMs ?? 0) + (t.llm?.wallMs ?? 0);
  const llm = llmTimingText(report);
  const experiments = t.experimentsMs !== undefined ? ` (experiment structure ${formatMs(t.experimentsMs)})` : '';
  const findings = t.findingsMs !== undefined ? ` · findings ${formatMs(t.findingsMs)}` : '';
  return `### Workflow timings\n\nDiscover ${formatMs(t.discoverMs)} · parse ${formatMs(t.parseMs)} · analyze ${formatMs(t.analyzeMs)}${experiments}${findings}${llm ? ` · ${llm}` : ''} · render ${TIMING_PLACEHOLDER} · total before rendering ${formatMs(total)}`;
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
  /** `digest`: the PR comment (digest only); `full` (default): digest then every detail (job summary, report.md). */
  depth?: 'digest' | 'full';
  /** Where the details are, for the digest's last line. */
  links?: DigestLinks;
}

function experimentSection(report: Report): string | undefined {
  const e = report.experiments;
  if (e.replicateGroups.length === 0 && e.factors.length === 0) return undefined;
  const parts = ['### Experiment structure'];
  if (e.replicateGroups.length > 0) {
    const rows = e.replicateGroups.slice(0, 50).map((g) => `- ${code(g.pattern)}: ${plural(g.runs, 'run')} pooled into ${plural(g.series, 'series', 'series')}`);
    if (e.replicateGroups.length > 50) rows.push(`- …and ${e.replicateGroups.length - 50} more in report.json`);
    parts.push(`Files that differ only in a run index are runs of one benchmark; their samples are pooled (${e.seriesBeforePooling} series before pooling, ${report.series.length} after).\n\n${rows.join('\n')}`);
  }
  if (e.factors.length > 0) {
    const rows = e.factors.map((f) => `- **${escapeMarkdown(f.name)}** (${f.source === 'input' ? 'factors input' : 'sibling names'}): ${f.levels.map(escapeMarkdown).join(', ')} in ${code(f.where)}`);
    parts.push(`Conditions read from folder and file names (set them with the \`factors\` input):\n\n${rows.join('\n')}`);
  }
  return parts.join('\n\n');
}

function allFindingsSection(report: Report): Section | undefined {
  const shown = new Set(keyFindings(report.findings));
  const rest = report.findings.filter((f) => !shown.has(f) && f.kind !== 'change');
  if (rest.length === 0) return undefined;
  return { text: details(`More findings (${rest.length})`, rest.map((f, i) => findingItem(f, i + 1)).join('\n\n')), dropRank: DROP_RANK.collapsedDetail, kind: 'more findings' };
}

/** Everything under the digest: what the job summary and report.md add. */
function detailSections(report: Report): Section[] {
  const experiment = experimentSection(report);
  const more = allFindingsSection(report);
  const hardware = hardwareDetailSection(report);
  return [
    { text: '---\n\n## Details' },
    ...comparisonSections(report),
    ...(hardware ? [hardware] : []),
    ...calibrationSections(report),
    ...(more ? [more] : []),
    { text: throughputSection(report), dropRank: DROP_RANK.unchangedMetrics, kind: 'throughput table' },
    { text: '### Aggregate metrics by file' },
    ...aggregateSections(report),
    ...(experiment ? [{ text: experiment, dropRank: DROP_RANK.collapsedDetail, kind: 'experiment structure' }] : []),
    { text: inventorySection(report), dropRank: DROP_RANK.collapsedDetail, kind: 'data inventory' },
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

/** Every section of the report in reading order: the digest, then (depth `full`) the details. */
export function reportSections(report: Report, options: Pick<RenderOptions, 'depth' | 'links'> = {}): Section[] {
  const full = options.depth !== 'digest';
  const digest = digestSections(report, { ...options.links, detailsBelow: full });
  return full ? [...digest, ...detailSections(report)] : digest;
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
  // Sizes are summed section by section: the document is joined once, at the size it ends up with, never whole
  // first (report.md of a large tree is tens of MB; the summary wants 1 MiB of it). Joined with "\n\n" and ending
  // in "\n", a document's size is the sum of its parts'.
  const bytes = options.maxBytes === undefined ? [] : sections.map((s) => Buffer.byteLength(s.text));
  const chars = sections.map((s) => s.text.length);
  const sizeOf = (dropped: Set<number>) => {
    let b = 0;
    let c = 0;
    let parts = 0;
    let noted = false;
    for (let i = 0; i < sections.length; i++) {
      if (!dropped.has(i)) {
        b += bytes[i] ?? 0;
        c += chars[i] as number;
        parts += 1;
      } else if (!noted) {
        const note = omissionNote(sections.filter((_, k) => dropped.has(k)), options.fullReportHint);
        if (options.maxBytes !== undefined) b += Buffer.byteLength(note);
        c += note.length;
        parts += 1;
        noted = true;
      }
    }
    const separators = 2 * Math.max(0, parts - 1) + 1;
    return { bytes: b + separators, chars: c + separators };
  };
  const fits = (dropped: Set<number>) => {
    const size = sizeOf(dropped);
    return (options.maxBytes === undefined || size.bytes <= options.maxBytes) && (options.maxChars === undefined || size.chars <= options.maxChars);
  };
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
  let next = 0;
  while (!fits(dropped) && next < order.length) {
    const remaining = order.length - next;
    const batch = Math.max(1, Math.ceil(remaining / 8));
    for (const i of order.slice(next, next + batch)) dropped.add(i);
    next += batch;
  }
  return join(dropped);
}

/** The byte length of the document assembleSections joins from all `sections`, without joining them. */
export function assembledBytes(sections: readonly Section[]): number {
  let bytes = 0;
  for (const s of sections) bytes += Buffer.byteLength(s.text);
  return bytes + 2 * Math.max(0, sections.length - 1) + 1;
}

/** The whole report as Markdown, trimmed to `maxBytes` / `maxChars` when given. */
export function renderMarkdown(report: Report, options: RenderOptions = {}): string {
  const sections = reportSections(report, options);
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

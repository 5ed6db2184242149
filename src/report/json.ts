import type { FileEntry, Inventory, Report } from '../model/report.js';
import type { Series } from '../model/series.js';
import type { Finding, FindingLevel } from '../model/finding.js';
import type { ComparisonReport } from '../model/comparison.js';
import { decodeSeries, encodeSeries, type TableSeries } from './series-table.js';
import { fileTypeOf } from '../discover/rules.js';
import { redactJsonValue } from '../util/redact.js';

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON text with every character past ASCII written as a `\uXXXX` escape
 * (the same value to any JSON reader). Outside strings JSON holds only ASCII,
 * so the whole text can be escaped at once. A chunk that is all ASCII is
 * encoded to UTF-8 several times faster than one holding a single `é`.
 */
export function asciiOnly(json: string): string {
  NON_ASCII.lastIndex = 0;
  if (!NON_ASCII.test(json)) return json;
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A series of at most this many samples keeps them in report.json; a larger
 * one keeps its statistics and outliers, and `samplesOmitted` says how many
 * samples were left out (the `keep-samples` input keeps them all). A handful
 * of values is worth reading one by one; thousands are what the statistics
 * summarise, and would make the file many times the size of its input.
 */
export const REPORT_SAMPLE_LIMIT = 30;

export interface ReportJsonOptions {
  /** Every series keeps every sample it kept in memory (`keep-samples: true`). */
  keepSamples?: boolean;
}

/**
 * The report as report.json holds it (schema 4, docs/report-json.md): every
 * value a script reads, without what it can take as given. Series are the
 * series table (src/report/series-table.ts: a file once per group, a metric
 * once, a series as a row), the samples of large series are left out unless
 * all are asked for, documents are listed by path, and what is said once
 * elsewhere is referenced, not repeated: findings, stability items and
 * comparison rows name series by position in the table, a finding's levels
 * are arrays that name no series, replicate files that the pattern names are
 * not listed.
 */
export function reportForJson(report: Report, options: ReportJsonOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const index = new Map<string, number>();
  report.series.forEach((s, i) => {
    if (!index.has(s.id)) index.set(s.id, i);
  });
  for (const [key, value] of Object.entries(report)) {
    if (key === 'series') {
      const table = encodeSeries(report.series.map((s) => tableSeries(s, options.keepSamples === true)));
      out.metrics = table.metrics;
      out.series = table.series;
    } else if (key === 'inventory') out.inventory = inventoryForJson(report.inventory);
    else if (key === 'findings') out.findings = report.findings.map((f) => findingForJson(f, index));
    else if (key === 'comparison' && report.comparison) out.comparison = comparisonForJson(report.comparison, index);
    else out[key] = value;
  }
  return out;
}

/** A series as the table holds it in report.json: samples where they are few, replicate fields the pattern or samples do not say. */
function tableSeries(s: Series, keepSamples: boolean): TableSeries {
  const written = keepSamples || s.samples.length <= REPORT_SAMPLE_LIMIT;
  const out: TableSeries = {
    id: s.id,
    file: s.file,
    metric: s.metric,
    labels: s.labels,
    unit: s.unit,
    direction: s.direction,
    directionSource: s.directionSource,
    source: s.source,
    stats: s.stats,
    outliers: s.outliers,
    samples: written ? s.samples : [],
  };
  if (!written) out.samplesOmitted = s.samples.length;
  if (s.line !== undefined) out.line = s.line;
  if (s.replicates) {
    const r: NonNullable<TableSeries['replicates']> & { runs?: number[] } = { pattern: s.replicates.pattern };
    const named = expandPattern(s.replicates.pattern);
    if (!sameNumbers(named, s.replicates.files)) {
      // Runs of a pattern that names more files (a metric some runs lack): their places in its list.
      const at = s.replicates.files.map((f) => named?.indexOf(f) ?? -1);
      if (at.every((i) => i >= 0)) r.runs = at;
      else r.files = s.replicates.files;
    }
    // Runs of one sample each: the samples are the run means.
    if (!(written && sameNumbers(s.samples, s.replicates.runMeans))) r.runMeans = s.replicates.runMeans;
    out.replicates = r;
  }
  // Like samples: a series of many runs keeps its statistics, its run means only when asked.
  if (s.runs && (keepSamples || s.runs.means.length <= REPORT_SAMPLE_LIMIT)) out.runs = s.runs;
  if (s.factors && Object.keys(s.factors).length > 0) out.factors = s.factors;
  if (s.experiment !== undefined) out.experiment = s.experiment;
  return out;
}

function sameNumbers<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  return a !== undefined && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * The files a replicate pattern names, in run order: `run_{1..3}` → run_1,
 * run_2, run_3 (zero-padded as `{01..03}` is written), `run_{1,3}` → run_1,
 * run_3. undefined when the pattern has no such range.
 */
export function expandPattern(pattern: string): string[] | undefined {
  const range = /\{(\d+)\.\.(\d+)\}/.exec(pattern);
  const list = /\{(\d+(?:,\d+)+)\}/.exec(pattern);
  const match = range ?? list;
  if (!match) return undefined;
  let values: string[];
  if (range) {
    const first = range[1] as string;
    const from = Number(first);
    const to = Number(range[2]);
    if (!(to >= from) || to - from > 10_000) return undefined;
    const width = first.length > 1 && first.startsWith('0') ? first.length : 0;
    values = Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(width, '0'));
  } else values = (match[1] as string).split(',');
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  return values.map((v) => `${before}${v}${after}`);
}

function fileForJson(f: FileEntry, modifiedSource: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { path: f.path };
  if (f.type !== fileTypeOf(f.path)) out.type = f.type;
  out.size = f.size;
  if (f.status !== 'parsed') out.status = f.status;
  if (f.document) out.document = true;
  if (f.adapter !== undefined) out.adapter = f.adapter;
  if (f.reason !== undefined) out.reason = f.reason;
  if (f.series > 0) out.series = f.series;
  if (f.rows > 0) out.rows = f.rows;
  if (f.excludedRows > 0) out.excludedRows = f.excludedRows;
  if (f.problems.length > 0) out.problems = f.problems;
  if (f.problemCount > f.problems.length) out.problemCount = f.problemCount;
  if (f.modified) {
    out.modified = f.modified.time;
    if (f.modified.source !== modifiedSource) out.modifiedSource = f.modified.source;
  }
  return out;
}

/** Where most files' modification times come from: the inventory says it once, a file that differs says its own. */
function commonModifiedSource(files: readonly FileEntry[]): 'git' | 'filesystem' | undefined {
  let git = 0;
  let filesystem = 0;
  for (const f of files) {
    if (f.modified?.source === 'git') git += 1;
    else if (f.modified?.source === 'filesystem') filesystem += 1;
  }
  if (git + filesystem === 0) return undefined;
  return git >= filesystem ? 'git' : 'filesystem';
}

/**
 * A document (read fine, no measurements, no problems: prose Markdown, notes)
 * is listed by path alone in `documents`; a repository holds hundreds, and a
 * script needs no more than where they are (the totals count them by type).
 */
function isPlainDocument(f: FileEntry): boolean {
  return f.document && f.status === 'parsed' && f.series === 0 && f.problemCount === 0 && f.reason === undefined;
}

function inventoryForJson(inventory: Inventory): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const listed = inventory.files.filter((f) => !isPlainDocument(f));
  const source = commonModifiedSource(listed);
  for (const [key, value] of Object.entries(inventory)) {
    if (key !== 'files') out[key] = value;
    else {
      if (source) out.modifiedSource = source;
      out.files = listed.map((f) => fileForJson(f, source));
      out.documents = inventory.files.filter(isPlainDocument).map((f) => f.path);
    }
  }
  return out;
}

/**
 * A level as `[value, n, mean, sd]`, then its center when the value is not a mean
 * (`"median"`, `"medians"`): a ranking or sweep effect lists dozens, and keys were most of their bytes.
 */
function levelForJson(level: FindingLevel): unknown[] {
  const out: unknown[] = [level.value, level.n, level.mean, level.sd];
  if (level.center) out.push(level.center);
  return out;
}

/**
 * A finding as report.json writes it: its series as positions in the
 * report's series table (an id is a hundred characters, and a ranking rests
 * on dozens), with the ids of series not in this run (a change finding about
 * a missing series) in `missingSeries`; levels as arrays with no series list;
 * no `id` (a finding's id is `f` and its place in `findings[]`, from 1).
 */
function findingForJson(f: Finding, index: ReadonlyMap<string, number>): Record<string, unknown> {
  const { id: _id, ...rest } = f;
  const out: Record<string, unknown> = { ...rest };
  const positions: number[] = [];
  const missing: string[] = [];
  for (const id of f.series) {
    const at = index.get(id);
    if (at === undefined) missing.push(id);
    else positions.push(at);
  }
  out.series = positions;
  if (missing.length > 0) out.missingSeries = missing;
  if (Object.keys(f.scope.labels).length === 0) out.scope = { path: f.scope.path };
  if (f.change) {
    // The series' own file and labels (`scope` says them too).
    const { labels: _labels, file: _file, ...change } = f.change;
    out.change = change;
  }
  if (f.stability) {
    out.stability = { ...f.stability, items: f.stability.items.map((item) => ({ ...item, series: index.get(item.series) ?? item.series })) };
  }
  if (f.levels) out.levels = f.levels.map(levelForJson);
  if (f.slices) out.slices = f.slices.map((slice) => ({ setting: slice.setting, values: slice.values.map((v) => [v.level, v.mean, v.n]) }));
  if (f.sweep) {
    const end = (e: NonNullable<Finding['sweep']>['best']) => ({ ...e, series: e.series.map((id) => index.get(id) ?? id) });
    out.sweep = { ...f.sweep, best: end(f.sweep.best), worst: end(f.sweep.worst), effects: f.sweep.effects.map((e) => ({ ...e, levels: e.levels.map(levelForJson) })) };
  }
  return out;
}

/** Fields a comparison row shares with its series in `series[]`. */
const ROW_IDENTITY = ['file', 'metric', 'labels', 'unit', 'direction', 'line'] as const;

function comparisonForJson(comparison: ComparisonReport, index: ReadonlyMap<string, number>): Record<string, unknown> {
  const rows = comparison.series.map((row) => {
    const at = index.get(row.id);
    if (at === undefined) return row;
    // The series' position in the table names it; its id, file, metric, labels, unit, direction and line are there.
    const { id: _id, ...rest } = row;
    const out: Record<string, unknown> = { series: at, ...rest };
    for (const key of ROW_IDENTITY) delete out[key];
    return out;
  });
  return { ...comparison, series: rows };
}

/** report.json as one string (writeReportJson streams the same text). */
export function renderJson(report: Report, options: ReportJsonOptions = {}): string {
  // Secrets redacted in every value and key: report.json is uploaded as an artifact.
  return `${asciiOnly(JSON.stringify(reportForJson(report, options), redactJsonValue))}\n`;
}

/**
 * The series of a report.json (schema 4) as objects, every field the table
 * leaves out put back (docs/report-json.md): for scripts and tests that read
 * the file. Values are taken as written.
 */
export function readReportSeries(json: { metrics?: unknown; series?: unknown }): Series[] {
  return decodeSeries(json.metrics, json.series).map((t) => {
    const s: Record<string, unknown> = { ...t };
    const replicates = t.replicates;
    if (replicates) {
      const named = expandPattern(replicates.pattern) ?? [];
      const runs = (replicates as { runs?: unknown }).runs;
      const files = replicates.files ?? (Array.isArray(runs) ? runs.map((i) => named[i as number] as string) : named);
      s.replicates = { pattern: replicates.pattern, files, runMeans: replicates.runMeans ?? t.samples };
    }
    return s as unknown as Series;
  });
}

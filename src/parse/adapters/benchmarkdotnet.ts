import type { ProvidedSummary, RawSeries } from '../../model/series.js';
import { ownValue, setOwn } from '../../util/own.js';
import { detectDelimiter } from '../csv.js';
import { CsvRecordReader } from '../csv-records.js';
import { LIMITS, LimitError, limitMessages } from '../limits.js';
import { findTables, stripInline } from '../markdown.js';
import { failed, skipped, type ParseOutcome } from '../types.js';
import { SeriesSet, sampledSeries, shortLabel, summarySeries } from './llm-shared.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, LineCursor, firstLine, isObject, numberOf, summaryOf, type JsonObject } from './util.js';

/**
 * BenchmarkDotNet's exports in `BenchmarkDotNet.Artifacts/results/`:
 *
 *  - `<Type>-report.csv`: every column of the summary, job characteristics
 *    included (`Method,Job,AnalyzeLaunchVariance,…,WarmupCount,N,Mean,Error,StdDev,…`),
 *    cells with their unit (`18.42 ms`, `9.74 MB`) or, in versions that print
 *    units in the header, `Mean [us]` over bare numbers; the separator is the
 *    machine culture's list separator (`;` in much of Europe), whose numbers
 *    may carry a decimal comma;
 *  - `<Type>-report-github.md` (and `-default.md`): the environment in a code
 *    fence, then `| Method | [Job | characteristics |] [params |] Mean | Error | StdDev | … |`,
 *    columns whose value is the same on every row left out, a zero metric written `-`;
 *  - with the JSON exporter, `<Type>-report-full.json` / `-brief.json`:
 *    `Benchmarks[]` with `Method`, `Type`, `Parameters` (`N=1000&Size=10`),
 *    `Statistics` in nanoseconds whatever the table showed, `Memory` (raw GC
 *    counts over `TotalOperations`), and in the full file every `Measurements` iteration.
 *
 * `Error` is half the 99.9% confidence interval of the mean: neither a
 * standard deviation nor an error message, so it is not read. `Ratio`,
 * `RatioSD` and `Alloc Ratio` are derived from other rows' means and are not
 * series either.
 */

const ADAPTER = 'benchmarkdotnet';

/** Nanoseconds per time unit as BDN prints them; `us` and `μs` (Greek mu) are the micro sign's `µs`. */
const NS_PER: Record<string, number> = { ns: 1, 'µs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12, d: 8.64e13 };
const TIME_SPELLINGS: Record<string, string> = { ns: 'ns', us: 'µs', 'µs': 'µs', 'μs': 'µs', ms: 'ms', s: 's', sec: 's', m: 'm', min: 'm', h: 'h', d: 'd' };
/** BDN's size units: its legend says `1KB = 1024B`. */
const BYTES_PER: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

function timeUnit(written: string | undefined): string | undefined {
  return written === undefined ? undefined : ownValue(TIME_SPELLINGS, written);
}

/**
 * A time from one unit into another; the ratio of two units is an exact
 * integer, so dividing or multiplying by it keeps `0.0483 µs` from becoming
 * 48.300000000000004 ns.
 */
function convertTime(value: number, from: string, to: string): number {
  const a = NS_PER[from] as number;
  const b = NS_PER[to] as number;
  if (a === b) return value;
  return a > b ? value * (a / b) : value / (b / a);
}

/** The job settings BDN writes as columns: they follow from the `Job` a row names, so they label nothing of their own. */
const CHARACTERISTICS = new Set(
  [
    'AnalyzeLaunchVariance', 'EvaluateOverhead', 'MaxAbsoluteError', 'MaxRelativeError', 'MinInvokeCount', 'MinIterationTime', 'OutlierMode',
    'Affinity', 'EnvironmentVariables', 'Jit', 'LargeAddressAware', 'Platform', 'PowerPlanMode', 'Runtime', 'AllowVeryLargeObjects', 'Concurrent',
    'CpuGroups', 'Force', 'HeapAffinitizeMask', 'HeapCount', 'NoAffinitize', 'RetainVm', 'Server', 'Arguments', 'BuildConfiguration', 'Clock',
    'EngineFactory', 'NuGetReferences', 'Toolchain', 'IsMutator', 'InvocationCount', 'IterationCount', 'IterationTime', 'LaunchCount',
    'MaxIterationCount', 'MaxWarmupIterationCount', 'MemoryRandomization', 'MinIterationCount', 'MinWarmupIterationCount', 'RunStrategy',
    'UnrollFactor', 'WarmupCount', 'TargetCount', 'Mode', 'GcMode', 'Framework', 'Id',
  ].map((n) => n.toLowerCase()),
);

/**
 * Summary columns that are not read: the confidence half-width (`Error`),
 * other statistics of the same samples, and values derived from other rows
 * (`Ratio` against the baseline, `Rank`) or from the mean (`Op/s`).
 */
const NOT_READ = new Set(
  ['Error', 'StdErr', 'Q1', 'Q3', 'Op/s', 'Ratio', 'RatioSD', 'Alloc Ratio', 'Rank', 'Iterations', 'Skewness', 'Kurtosis', 'MValue', 'Baseline', 'Categories', 'LogicalGroup', 'IsBaseline'].map((n) =>
    n.toLowerCase(),
  ),
);

type Stat = 'mean' | 'sd' | 'median' | 'min' | 'max' | 'allocated' | 'gen0' | 'gen1' | 'gen2';
const STATS: Record<string, Stat> = { mean: 'mean', stddev: 'sd', median: 'median', min: 'min', max: 'max', allocated: 'allocated', gen0: 'gen0', gen1: 'gen1', gen2: 'gen2' };

type Role =
  | { kind: 'method' | 'job' | 'skip' }
  | { kind: 'label' | 'characteristic'; name: string }
  | { kind: 'stat'; stat: Stat; unit: string | undefined }
  | { kind: 'percentile'; rank: number; unit: string | undefined };

/** `Mean [us]` → `Mean` and `us`; `Gen 0` (older versions) → `Gen0`. */
function splitHeader(header: string): { name: string; unit: string | undefined } {
  const m = /^(.*?)\s*\[([^\]]+)\]\s*$/.exec(header.trim());
  const name = (m ? (m[1] as string) : header.trim()).replace(/^Gen (\d)$/i, 'Gen$1');
  return { name, unit: m ? (m[2] as string).trim() : undefined };
}

/** What each column is: before `Mean` the identity of the case (method, job, params), from `Mean` on its results. */
function columnRoles(header: readonly string[]): Role[] {
  const meanAt = header.findIndex((h) => splitHeader(h).name === 'Mean');
  return header.map((raw, i): Role => {
    const { name, unit } = splitHeader(raw);
    const key = name.toLowerCase();
    if (key === 'method') return { kind: 'method' };
    if (key === 'job') return { kind: 'job' };
    if (NOT_READ.has(key)) return { kind: 'skip' };
    const stat = ownValue(STATS, key.replace(/\s+/g, ''));
    if (stat && i >= meanAt) return { kind: 'stat', stat, unit };
    const percentile = /^p(\d{1,2}|100)$/.exec(key);
    if (percentile && i > meanAt) {
      const rank = Number(percentile[1]);
      return rank === 0 ? { kind: 'stat', stat: 'min', unit } : rank === 100 ? { kind: 'stat', stat: 'max', unit } : rank === 50 ? { kind: 'stat', stat: 'median', unit } : { kind: 'percentile', rank, unit };
    }
    // Columns after the statistics (`Code Size`, `Exceptions`, custom columns) are not read: their meaning is the user's.
    if (i > meanAt) return { kind: 'skip' };
    if (key === 'type' || key === 'namespace') return { kind: 'label', name: key };
    if (CHARACTERISTICS.has(key)) return { kind: 'characteristic', name };
    return { kind: 'label', name };
  });
}

/** A BDN summary header: `Method`, `Mean` and `Error` (any unit in brackets); the generic readers take `Error` for an error message. */
function isSummaryHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => splitHeader(h).name));
  return names.has('Method') && names.has('Mean') && names.has('Error');
}

/** `NA` (the benchmark failed or was not run) and `?` (no baseline to divide by): no value, never zero. */
const NO_VALUE = /^(NA|\?|N\/A)$/i;
const CELL = /^([-+\u2212]?[\d.,\s\u00a0\u202f]*\d[\d.,]*)\s*([A-Za-zµμ]+)?$/;

/**
 * A number as the table writes it: with the culture's group separators
 * (`1,234.5678`, `1.234,5678`, `1 234,5678`) and the decimal mark the table uses.
 */
function localeNumber(text: string, decimalComma: boolean): number | undefined {
  let t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  t = decimalComma ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  return numberOf(t);
}

/** A cell's value and the unit written after it (`12.6310 ns`, `7.28 KB`); undefined for anything else. */
function readCell(cell: string, decimalComma: boolean): { value: number; unit: string | undefined } | undefined {
  const m = CELL.exec(stripInline(cell));
  if (!m) return undefined;
  const value = localeNumber(m[1] as string, decimalComma);
  return value === undefined ? undefined : { value, unit: m[2] };
}

/**
 * Whether the numbers of a table use a decimal comma: BDN prints its
 * statistics with a fixed number of decimals (`0.0483`, `18.42`), so a
 * separator followed by other than three digits is the decimal mark. A
 * `;`-separated CSV is written in the machine's culture, but the summary's
 * own culture may still print points, so the cells decide.
 */
function usesDecimalComma(cells: readonly string[]): boolean {
  let comma = 0;
  let point = 0;
  for (const cell of cells) {
    const m = CELL.exec(cell.trim());
    if (!m) continue;
    const digits = (m[1] as string).replace(/[\s\u00a0\u202f]/g, '');
    if (/,(\d{1,2}|\d{4,})$/.test(digits) || /\.\d{3}(\.\d{3})*,\d+$/.test(digits)) comma += 1;
    if (/\.(\d{1,2}|\d{4,})$/.test(digits) || /,\d{3}(,\d{3})*\.\d+$/.test(digits)) point += 1;
  }
  return comma > point;
}

/** The class from the file name BDN gives its reports (`MyApp.Benchmarks.ParserBench-report.csv` → `ParserBench`). */
export function typeFromPath(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const m = /^(.+?)-report(?:-[a-z-]+)?\.(?:csv|md|markdown|json)$/i.exec(base);
  // A joined run (`--join`) is titled by its date, not a class; its rows name their `Type`.
  if (!m || /^BenchmarkRun-joined/i.test(m[1] as string)) return undefined;
  const name = m[1] as string;
  return name.slice(name.lastIndexOf('.') + 1) || undefined;
}

/** A method as BDN displays it: bold marks the start of a group, quotes a title with spaces (`'Moq (with args)'`). */
function methodName(cell: string): string {
  return stripInline(cell).replace(/^'(.*)'$/, '$1').trim();
}

interface Table {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

interface TableContext {
  type: string | undefined;
  /** Labels every series of the table carries (the heading of one of several tables). */
  fixed: Record<string, string>;
  set: SeriesSet;
  result: AdapterResult;
}

/** A label name that is not one of the case's own (a param named `method` becomes `param_method`). */
function setLabel(labels: Record<string, string>, name: string, value: string, own: ReadonlySet<string>): void {
  setOwn(labels, own.has(name) || Object.hasOwn(labels, name) ? `param_${name}` : name, value);
}

const OWN_LABELS = new Set(['method', 'type', 'namespace', 'job', 'table']);

/** Columns whose cells differ between rows: a job or a job setting that does not is no label. */
function varies(table: Table, index: number): boolean {
  const first = table.rows[0]?.cells[index];
  return table.rows.some((r) => r.cells[index] !== first);
}

function checkSeriesCap(added: number): void {
  if (added > LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile());
}

/** One summary table's rows: a `time` summary per case, `allocated` and the GC columns beside it. */
function readTable(table: Table, context: TableContext): void {
  if (table.header.length > LIMITS.columns) throw new LimitError(limitMessages.columns());
  const roles = columnRoles(table.header);
  const jobAt = roles.findIndex((r) => r.kind === 'job');
  const jobVaries = jobAt >= 0 && varies(table, jobAt);
  // Without a Job column that tells the jobs apart (hidden with `--hide Job`), a setting that differs does.
  const characteristicLabels = roles.map((r, i) => r.kind === 'characteristic' && !jobVaries && varies(table, i));
  const statCells = table.rows.flatMap((r) => r.cells.filter((_, i) => roles[i]?.kind === 'stat' || table.header[i] === 'Error'));
  const decimalComma = usesDecimalComma(statCells);
  const { result, set } = context;
  let added = 0;
  for (const { cells, line } of table.rows) {
    result.rows += 1;
    const labels: Record<string, string> = {};
    const methodAt = roles.findIndex((r) => r.kind === 'method');
    const method = methodName(cells[methodAt] ?? '');
    if (method === '') {
      result.excludedRows += 1;
      result.problems.add(line, 'no method name; row skipped');
      continue;
    }
    labels.method = method;
    const typeAt = roles.findIndex((r) => r.kind === 'label' && r.name === 'type');
    const type = typeAt >= 0 ? stripInline(cells[typeAt] ?? '') : context.type;
    if (type) labels.type = type;
    const namespaceAt = roles.findIndex((r) => r.kind === 'label' && r.name === 'namespace');
    if (namespaceAt >= 0 && varies(table, namespaceAt)) labels.namespace = stripInline(cells[namespaceAt] ?? '');
    if (jobVaries) labels.job = stripInline(cells[jobAt] ?? '');
    Object.assign(labels, context.fixed);
    roles.forEach((role, i) => {
      if (role.kind === 'label' && role.name !== 'type' && role.name !== 'namespace') setLabel(labels, role.name, stripInline(cells[i] ?? ''), OWN_LABELS);
      else if (role.kind === 'characteristic' && characteristicLabels[i]) setLabel(labels, role.name, stripInline(cells[i] ?? ''), OWN_LABELS);
    });
    const read = readRow(cells, roles, decimalComma);
    if (typeof read === 'string') {
      result.excludedRows += 1;
      result.problems.add(line, `benchmark ${method}: ${read}; row left out`);
      continue;
    }
    for (const s of read) {
      set.add({ ...s, labels: { ...labels }, line });
      added += 1;
    }
    checkSeriesCap(added);
  }
}

/** A size cell in bytes: `7.28 KB` × 1024, `-` (BDN's zero), or a bare number in the header's unit. */
function bytesOf(cell: string, headerUnit: string | undefined, decimalComma: boolean): number | undefined {
  if (cell.trim() === '-') return 0;
  const read = readCell(cell, decimalComma);
  const unit = read?.unit ?? headerUnit ?? 'B';
  const per = ownValue(BYTES_PER, unit);
  return read === undefined || per === undefined ? undefined : read.value * per;
}

/** The series of one row without labels, or why the row holds no result (`Mean` is `NA`: the benchmark failed). */
function readRow(cells: readonly string[], roles: readonly Role[], decimalComma: boolean): RawSeries[] | string {
  const meanAt = roles.findIndex((r) => r.kind === 'stat' && r.stat === 'mean');
  const meanRole = roles[meanAt] as { unit: string | undefined };
  const meanCell = (cells[meanAt] ?? '').trim();
  if (meanCell === '' || NO_VALUE.test(stripInline(meanCell))) return `Mean is ${meanCell === '' ? 'empty' : `"${meanCell}"`} (the benchmark failed or did not run)`;
  const mean = readCell(meanCell, decimalComma);
  const unit = timeUnit(mean?.unit ?? meanRole.unit);
  if (mean === undefined || unit === undefined) return `Mean "${meanCell.slice(0, 40)}" is not a time`;
  /** Another time column in the mean's unit; a column that prints its own unit is converted. */
  const timeAt = (i: number, headerUnit: string | undefined): number | undefined => {
    const read = readCell(cells[i] ?? '', decimalComma);
    const from = timeUnit(read?.unit ?? headerUnit ?? unit);
    return read === undefined || from === undefined ? undefined : convertTime(read.value, from, unit);
  };
  const summary: Record<string, number | undefined> = { mean: mean.value };
  const percentiles: Record<number, number | undefined> = {};
  const out: RawSeries[] = [];
  roles.forEach((role, i) => {
    if (role.kind === 'percentile') percentiles[role.rank] = timeAt(i, role.unit);
    if (role.kind !== 'stat' || role.stat === 'mean') return;
    if (role.stat === 'sd' || role.stat === 'median' || role.stat === 'min' || role.stat === 'max') summary[role.stat] = timeAt(i, role.unit);
    else if (role.stat === 'allocated') {
      const bytes = bytesOf(cells[i] ?? '', role.unit, decimalComma);
      if (bytes !== undefined) out.push(summarySeries('allocated', {}, { mean: bytes }, { unit: 'B', direction: 'lower' }));
    } else {
      const cell = (cells[i] ?? '').trim();
      const value = cell === '-' ? 0 : readCell(cell, decimalComma)?.value;
      if (value !== undefined) out.push(gcSeries(role.stat, value));
    }
  });
  const time = summaryOf({ ...summary, percentiles });
  return [summarySeries('time', {}, time, { unit, direction: 'lower' }), ...out];
}

/** GC collections of one generation per 1,000 operations, as BDN's `Gen0` column counts them: fewer is better. */
function gcSeries(stat: 'gen0' | 'gen1' | 'gen2', perThousand: number): RawSeries {
  return summarySeries(stat, {}, { mean: perThousand }, { unit: '/1k op', direction: 'lower' });
}

// ---------------------------------------------------------------- CSV

/** The CSV's records as text cells with the line each starts on. */
function csvTable(text: string): Table | string {
  const delimiter = detectDelimiter(text.length > 65_536 ? text.slice(0, 65_536) : text);
  const records: { cells: string[]; line: number }[] = [];
  let fatal: string | undefined;
  const reader = new CsvRecordReader(delimiter, {
    record: (fields, line) => {
      if (fields.length > 1 || (fields[0] ?? '').trim() !== '') records.push({ cells: fields, line });
    },
    fatal: (line, reason) => {
      fatal = `line ${line}: ${reason === 'unclosed-quote' ? 'a quoted field is never closed' : 'a record is too long'}`;
    },
  });
  reader.push(text);
  reader.end();
  const [head, ...rows] = records;
  if (!head) return 'no header';
  if (fatal !== undefined && rows.length === 0) return fatal;
  return { header: head.cells.map((h) => h.trim()), rows };
}

function isCsvReport(text: string): boolean {
  const line = firstLine(text);
  // Every CSV of a tree is offered here: a header without the three names is refused before it is parsed.
  if (line === undefined || !line.includes('Method') || !line.includes('Mean') || !line.includes('Error')) return false;
  const head = line.replace(/^\uFEFF/, '');
  const table = csvTable(head);
  return typeof table !== 'string' && isSummaryHeader(table.header);
}

function parseCsvReport(input: AdapterInput): ParseOutcome {
  const table = csvTable(input.text);
  if (typeof table === 'string') return failed(`${ADAPTER}: could not read the CSV: ${table}`);
  const result = new AdapterResult(ADAPTER);
  const set = new SeriesSet(result.problems);
  readTable(table, { type: typeFromPath(input.path), fixed: {}, set, result });
  return finish(result, set, input.path);
}

// ---------------------------------------------------------------- Markdown

function bdnTables(text: string): Table[] {
  return findTables(text)
    .filter((t) => isSummaryHeader(t.header))
    .map((t) => ({ header: t.header, rows: t.rows }));
}

function isMarkdownReport(text: string): boolean {
  // Every Markdown page of a tree is offered here: plain substring tests refuse nearly all of them first.
  if (!text.includes('Method') || !text.includes('Error') || !/\bMethod\b/.test(text) || !/\bError\b/.test(text)) return false;
  const tables = findTables(text);
  // A page holding other tables too is the Markdown reader's, which reads them all.
  return tables.length > 0 && tables.every((t) => isSummaryHeader(t.header));
}

function parseMarkdownReport(input: AdapterInput): ParseOutcome {
  const tables = findTables(input.text);
  const result = new AdapterResult(ADAPTER);
  const set = new SeriesSet(result.problems);
  const type = typeFromPath(input.path);
  tables.forEach((t, k) => {
    if (!isSummaryHeader(t.header)) return;
    // Two runs pasted on one page (`## Before`, `## After`) stay apart, named by their heading.
    const fixed: Record<string, string> = tables.length > 1 ? { table: t.heading ?? `table ${k + 1}` } : {};
    readTable({ header: t.header, rows: t.rows }, { type, fixed, set, result });
  });
  return finish(result, set, input.path);
}

// ---------------------------------------------------------------- JSON

function benchmarksOf(json: unknown): unknown[] | undefined {
  return isObject(json) && Array.isArray(json.Benchmarks) ? json.Benchmarks : undefined;
}

function isJsonReport(json: unknown): boolean {
  if (!isObject(json) || !('Title' in json || 'HostEnvironmentInfo' in json)) return false;
  const benchmarks = benchmarksOf(json);
  const first = benchmarks?.[0];
  return (
    isObject(json) &&
    ('Title' in json || 'HostEnvironmentInfo' in json) &&
    isObject(first) &&
    'Statistics' in first &&
    (typeof first.Method === 'string' || typeof first.FullName === 'string')
  );
}

/** `N=1000&Text=abc` (BDN's `Parameters`) → `{ N: '1000', Text: 'abc' }`; a value may hold `=`. */
function parametersOf(text: unknown): [string, string][] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  return text.split('&').flatMap((pair) => {
    const eq = pair.indexOf('=');
    return eq > 0 ? [[pair.slice(0, eq).trim(), pair.slice(eq + 1)] as [string, string]] : [];
  });
}

/**
 * The job of a case from its `DisplayInfo` (`Bench.Parse: ShortRun(IterationCount=3) [N=10]`):
 * the JSON has no field of its own for it. The settings in parentheses belong to the job's id.
 */
function jobOf(b: JsonObject): string | undefined {
  if (typeof b.DisplayInfo !== 'string') return undefined;
  let info = b.DisplayInfo;
  const firstParam = parametersOf(b.Parameters)[0];
  if (firstParam) {
    const at = info.lastIndexOf(` [${firstParam[0]}=`);
    if (at >= 0) info = info.slice(0, at);
  }
  const title = typeof b.MethodTitle === 'string' ? `${b.MethodTitle}: ` : undefined;
  const titleAt = title === undefined ? -1 : info.indexOf(title);
  const job = titleAt >= 0 ? info.slice(titleAt + (title as string).length) : info.slice(info.lastIndexOf(': ') + 2);
  return shortLabel(job.replace(/\(.*\)$/, ''));
}

/**
 * The Result iterations of a full export, per operation in ns: what the
 * statistics are computed from (outliers removed, overhead subtracted).
 * Versions before 0.11 wrote them as `IterationMode: "Result"`.
 */
function resultSamples(measurements: unknown): number[] {
  if (!Array.isArray(measurements)) return [];
  const out: number[] = [];
  for (const m of measurements) {
    if (!isObject(m)) continue;
    const isResult = (m.IterationMode === 'Workload' && m.IterationStage === 'Result') || m.IterationMode === 'Result';
    const ns = numberOf(m.Nanoseconds);
    const ops = numberOf(m.Operations);
    if (isResult && ns !== undefined && ops !== undefined && ops > 0) out.push(ns / ops);
  }
  return out;
}

/** BDN's `Statistics`, all in ns: N, mean, sd, median, min, max and the percentiles it states (`P25` … `P95`). */
function statedTime(stats: JsonObject): ProvidedSummary {
  const p = isObject(stats.Percentiles) ? stats.Percentiles : {};
  const percentiles: Record<number, number | undefined> = {};
  for (const [key, value] of Object.entries(p)) {
    const rank = /^P(\d{1,2})$/.exec(key)?.[1];
    if (rank !== undefined && rank !== '0' && rank !== '50') percentiles[Number(rank)] = numberOf(value);
  }
  return summaryOf({
    n: numberOf(stats.N),
    mean: numberOf(stats.Mean),
    sd: numberOf(stats.StandardDeviation),
    median: numberOf(stats.Median),
    min: numberOf(stats.Min),
    max: numberOf(stats.Max),
    percentiles,
  });
}

/** Generations with a collection in some case of the file: the table shows only those columns, and so do we. */
function collectedGenerations(benchmarks: readonly unknown[]): Set<0 | 1 | 2> {
  const out = new Set<0 | 1 | 2>();
  for (const b of benchmarks) {
    if (!isObject(b) || !isObject(b.Memory)) continue;
    for (const g of [0, 1, 2] as const) if ((numberOf(b.Memory[`Gen${g}Collections`]) ?? 0) > 0) out.add(g);
  }
  return out;
}

/** `allocated` (B) and the GC collections per 1,000 operations, from BDN's raw counts. */
function memorySeries(memory: unknown, generations: ReadonlySet<0 | 1 | 2>): RawSeries[] {
  if (!isObject(memory)) return [];
  const out: RawSeries[] = [];
  // In the table's order: the GC columns, then Allocated.
  const ops = numberOf(memory.TotalOperations);
  for (const g of ops !== undefined && ops > 0 ? ([0, 1, 2] as const).filter((x) => generations.has(x)) : []) {
    const count = numberOf(memory[`Gen${g}Collections`]);
    if (count !== undefined) out.push(gcSeries(`gen${g}`, (count * 1000) / (ops as number)));
  }
  const bytes = numberOf(memory.BytesAllocatedPerOperation);
  if (bytes !== undefined) out.push(summarySeries('allocated', {}, { mean: bytes }, { unit: 'B', direction: 'lower' }));
  return out;
}

function caseLabels(b: JsonObject, job: string | undefined): Record<string, string> {
  const title = typeof b.MethodTitle === 'string' ? b.MethodTitle : typeof b.Method === 'string' ? b.Method : String(b.FullName).slice(String(b.FullName).lastIndexOf('.') + 1);
  const labels: Record<string, string> = { method: methodName(title) };
  const type = shortLabel(b.Type);
  if (type) labels.type = type;
  if (job !== undefined) labels.job = job;
  for (const [name, value] of parametersOf(b.Parameters)) setLabel(labels, name, value, OWN_LABELS);
  return labels;
}

function parseJsonReport(input: AdapterInput): ParseOutcome {
  const benchmarks = benchmarksOf(input.json);
  if (!benchmarks) return failed(`${ADAPTER}: no "Benchmarks" list`);
  const result = new AdapterResult(ADAPTER);
  const set = new SeriesSet(result.problems);
  const cursor = new LineCursor(input.text);
  const jobs = new Set(benchmarks.map((b) => (isObject(b) ? jobOf(b) : undefined)));
  const generations = collectedGenerations(benchmarks);
  let added = 0;
  for (const [i, b] of benchmarks.entries()) {
    result.rows += 1;
    if (!isObject(b) || (typeof b.Method !== 'string' && typeof b.FullName !== 'string')) {
      result.excludedRows += 1;
      result.problems.add(undefined, `benchmark #${i + 1}: no Method or FullName; skipped`);
      continue;
    }
    const name = typeof b.DisplayInfo === 'string' ? b.DisplayInfo : typeof b.FullName === 'string' ? b.FullName : (b.Method as string);
    const line = cursor.next(JSON.stringify(name));
    const labels = caseLabels(b, jobs.size > 1 ? jobOf(b) : undefined);
    const samples = resultSamples(b.Measurements);
    const stated = isObject(b.Statistics) ? statedTime(b.Statistics) : {};
    if (samples.length === 0 && stated.mean === undefined) {
      result.excludedRows += 1;
      result.problems.add(line, `benchmark ${name}: no statistics (the benchmark failed or did not run); skipped`);
      continue;
    }
    const options = { unit: 'ns', direction: 'lower' as const, ...(line === undefined ? {} : { line }) };
    set.add(samples.length > 0 ? sampledSeries('time', labels, samples, options) : summarySeries('time', labels, stated, options));
    for (const s of memorySeries(b.Memory, generations)) set.add({ ...s, labels: { ...labels }, ...(line === undefined ? {} : { line }) });
    added += 1 + generations.size + 1;
    checkSeriesCap(added);
  }
  return finish(result, set, input.path);
}

// ---------------------------------------------------------------- one run, several files

/**
 * The exports of one run, most complete first: a full JSON holds every
 * iteration, a brief one the statistics with N, the CSV every column at
 * full precision, the Markdown what the console showed.
 */
const EXPORTS = ['-report-full.json', '-report-full-compressed.json', '-report-brief.json', '-report-brief-compressed.json', '-report.csv', '-report-github.md', '-report-default.md', '-report-stackoverflow.md', '-report-atlassian.md'];

/** The less complete exports of the same run beside this one, so one run is not counted two or three times. */
function lessComplete(path: string): string[] {
  const rank = EXPORTS.findIndex((suffix) => path.endsWith(suffix));
  if (rank < 0) return [];
  const stem = path.slice(0, path.length - (EXPORTS[rank] as string).length);
  return EXPORTS.slice(rank + 1).map((suffix) => `${stem}${suffix}`);
}

function finish(result: AdapterResult, set: SeriesSet, path: string): ParseOutcome {
  for (const s of set.series) result.add(s);
  result.supersedes = lessComplete(path);
  return result.outcome('no benchmark with a result');
}

/**
 * BenchmarkDotNet (.NET) reports: the CSV, the GitHub/default Markdown and
 * the JSON exports. One `time` series per case (method × job × params, in
 * the unit the table printed; ns from the JSON), lower is better, with
 * `allocated` (B) and `gen0`/`gen1`/`gen2` (collections per 1,000
 * operations) when the memory diagnoser ran.
 */
export const benchmarkDotNet: ToolAdapter = {
  name: ADAPTER,
  types: ['csv', 'markdown', 'json'],
  detect(input: AdapterInput): boolean {
    if (input.type === 'csv') return isCsvReport(input.text);
    if (input.type === 'markdown') return isMarkdownReport(input.text);
    return isJsonReport(input.json);
  },
  parse(input: AdapterInput): ParseOutcome {
    if (input.type === 'csv') return isCsvReport(input.text) ? parseCsvReport(input) : skipped(`not a ${ADAPTER} CSV report: the header must name Method, Mean and Error`);
    if (input.type === 'markdown') return bdnTables(input.text).length > 0 ? parseMarkdownReport(input) : skipped(`not a ${ADAPTER} Markdown report: no table with Method, Mean and Error columns`);
    return isJsonReport(input.json) ? parseJsonReport(input) : skipped(`not a ${ADAPTER} JSON report: no "Benchmarks" with "Statistics"`);
  },
};

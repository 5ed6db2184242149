import { SampleAccumulator } from '../metrics/accumulator.js';
import { labelKey } from '../metrics/identity.js';
import { normaliseName } from '../metrics/infer.js';
import type { RawSeries } from '../model/series.js';
import { locateJsonError } from './json-errors.js';
import { ProblemLog } from './problems.js';
import { findSummaryGroups, isCountName, isStatsObject, statKeysOf, summaryFromStats } from './summary-groups.js';
import { TableBuilder, isIgnoredName, isLabelName, parseNumber, rowHasError, type Cell, type Row, type TableResult } from './table.js';
import { failed, skipped, type ParseOutcome } from './types.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNumeric(v: Json | undefined): boolean {
  return typeof v === 'number' || (typeof v === 'string' && parseNumber(v) !== undefined);
}

/** Whole-document JSON: records become tables, nested objects metric paths. */
export function parseJsonText(text: string): ParseOutcome {
  const body = text.replace(/^\uFEFF/, '');
  let doc: Json;
  try {
    doc = JSON.parse(body) as Json;
  } catch {
    const where = locateJsonError(body);
    return failed(`invalid JSON at line ${where.line}, column ${where.column}: ${where.reason}`, where.line);
  }
  return parseJsonValue(doc, 'json');
}

export function parseJsonValue(doc: unknown, adapter: string): ParseOutcome {
  if (isObject(doc as Json) && typeof (doc as JsonObject).$schema === 'string') {
    return skipped('a JSON schema or configuration file ($schema key), not benchmark results');
  }
  if (isObject(doc as Json) && (doc as JsonObject).tool === 'chimera-insight') {
    return skipped('a Chimera Insight report, not benchmark results');
  }
  const walker = new JsonWalker();
  walker.walk(doc as Json, [], {});
  const series = walker.finish();
  if (series.length === 0) return skipped('no numeric values: not benchmark results');
  return {
    status: 'parsed',
    adapter,
    series,
    rows: walker.rows,
    excludedRows: walker.excludedRows,
    problems: walker.problems.items,
    problemCount: walker.problems.total,
    document: false,
  };
}

/** Fields that name the benchmark a record describes: `name`, hyperfine's `command`, pytest's `fullname`. */
const IDENTITY_KEY = /^(name|benchmark|bench|benchmark_?name|test|test_?name|case|scenario|command|cmd|full_?name|title|run_?name)$/;

/**
 * A field whose text tells every record apart (hyperfine's `command`), or
 * undefined. Records named this way describe different benchmarks, so their
 * values must not be pooled into one series.
 */
function identityKey(records: JsonObject[]): string | undefined {
  const first = records[0];
  if (records.length < 2 || !first) return undefined;
  return Object.keys(first).find((key) => {
    if (!IDENTITY_KEY.test(normaliseName(key))) return false;
    const seen = new Set<string>();
    return records.every((r) => {
      const v = r[key];
      if (typeof v !== 'string') return false;
      const s = v.trim();
      if (s === '' || s.length > 200 || seen.has(s)) return false;
      seen.add(s);
      return true;
    });
  });
}

/** A count (`"n": 200`) beside nested summaries: the n of those that do not state their own. */
interface SharedCount {
  value: number;
  used: boolean;
}

function countOf(v: Json | undefined): number | undefined {
  const n = parseNumber(v as Cell);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** True when the label columns a table chose already give every row its own series. */
function labelsTellApart(rows: Row[], labelColumns: string[]): boolean {
  if (labelColumns.length === 0) return false;
  const seen = new Set(rows.map((row) => JSON.stringify(labelColumns.map((c) => row[c] ?? null))));
  return seen.size === rows.length;
}

class JsonWalker {
  readonly problems = new ProblemLog();
  rows = 0;
  excludedRows = 0;
  private readonly series = new Map<string, RawSeries>();
  /** Record arrays read as tables; their rows are numbered by record, which is not a line of the file. */
  private readonly tables: { table: TableBuilder; problems: ProblemLog; where: string }[] = [];

  walk(node: Json, path: string[], labels: Record<string, string>, count?: SharedCount): void {
    if (typeof node === 'number') {
      this.addSamples(path, labels, [node]);
    } else if (Array.isArray(node)) {
      this.walkArray(node, path, labels, count);
    } else if (isObject(node)) {
      this.walkObject(node, path, labels, count);
    }
  }

  finish(): RawSeries[] {
    for (const { table, problems, where } of this.tables) this.absorb(table.finish(), problems, where);
    return [...this.series.values()];
  }

  /** Takes a record table's series and problems; a record's number is given as such, never as a line. */
  private absorb(result: TableResult, problems: ProblemLog, where: string): void {
    this.rows += result.rows;
    this.excludedRows += result.excludedRows;
    for (const series of result.series) {
      delete series.line;
      this.push(series);
    }
    for (const p of problems.items) this.problems.add(undefined, p.line === undefined ? p.reason : `${where}, record ${p.line}: ${p.reason}`);
    this.problems.dropped += problems.dropped;
  }

  /**
   * One series per metric and labels: `[[1, 2], [3]]` or two paths that meet
   * (`x` beside `mean_x`/`std_x`) add to the same series instead of producing
   * two series with the same id.
   */
  private push(series: RawSeries): void {
    const key = `${series.metric}\u0000${labelKey(series.labels)}`;
    const existing = this.series.get(key);
    if (!existing) {
      this.series.set(key, series);
      return;
    }
    if (series.samples) {
      if (!existing.samples) existing.samples = new SampleAccumulator();
      for (const v of series.samples.samples) existing.samples.add(v);
    }
    if (series.summary) {
      if (!existing.summary) existing.summary = series.summary;
      else this.problems.add(series.line, `a second summary of "${series.metric}" for the same labels; the first is kept`);
    }
  }

  private walkArray(items: Json[], path: string[], labels: Record<string, string>, count?: SharedCount): void {
    if (items.length === 0) return;
    if (items.every((x) => typeof x === 'number')) {
      this.addSamples(path, labels, items as number[]);
      return;
    }
    const records = items.filter(isObject);
    if (records.length > 0 && records.length >= items.length / 2) {
      if (records.length < items.length) {
        this.problems.add(undefined, `${path.join('.') || 'top-level array'}: ${items.length - records.length} items are not records and were ignored`);
      }
      this.walkRecords(records, path, labels);
      return;
    }
    items.forEach((item) => {
      if (Array.isArray(item) || isObject(item)) this.walk(item, path, labels, count);
    });
  }

  /** An array of records is read like CSV rows: labels split series, rows with an error are left out. */
  private walkRecords(records: JsonObject[], path: string[], labels: Record<string, string>): void {
    const prefix = path.join('.') || undefined;
    const where = prefix === undefined ? 'top-level array' : `"${prefix}"`;
    const rows = records.map((record) => flattenRecord(record));
    const problems = new ProblemLog();
    const table = new TableBuilder({ problems, metricPrefix: prefix, fixedLabels: labels });
    rows.forEach((row, index) => table.addRow(row, index + 1));
    const id = identityKey(records);
    if (id === undefined) {
      this.tables.push({ table, problems, where });
      return;
    }
    const result = table.finish();
    if (result.labelColumns.includes(id) || labelsTellApart(rows, result.labelColumns)) {
      this.absorb(result, problems, where);
      return;
    }
    // Each record is a benchmark of its own (hyperfine `results`): read it as an object labelled by its name.
    records.forEach((record, index) => {
      this.rows += 1;
      if (rowHasError(rows[index] as Row)) {
        this.excludedRows += 1;
        return;
      }
      const { [id]: name, ...rest } = record;
      this.walkObject(rest, path, { ...labels, [id]: String(name).trim() });
    });
  }

  private walkObject(node: JsonObject, path: string[], inherited: Record<string, string>, inheritedCount?: SharedCount): void {
    const keys = Object.keys(node);
    if (isStatsObject(keys) && keys.every((k) => isNumeric(node[k]))) {
      this.addSummary(path, inherited, node, statKeysOf(keys), undefined, inheritedCount);
      return;
    }
    const labels = { ...inherited };
    const consumed = new Set<string>();
    // The object's own statistics (`{ mean, stddev, n, unit }`): the summary of the object's path.
    const own = statKeysOf(keys.filter((k) => isNumeric(node[k])));
    if (isStatsObject([...own.values()])) {
      for (const column of own.values()) consumed.add(column);
    }
    // `"n": 200` beside the objects or groups that hold summaries is their n, not a metric of its own.
    const countKey = keys.find((k) => !consumed.has(k) && isCountName(k) && countOf(node[k]) !== undefined);
    let count = inheritedCount;
    if (countKey !== undefined) {
      count = { value: countOf(node[countKey]) as number, used: false };
      consumed.add(countKey);
    }
    for (const key of keys) {
      const value = node[key];
      const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
      if (!scalar || consumed.has(key)) continue;
      if (isIgnoredName(key)) consumed.add(key);
      else if (isLabelName(key) && String(value).length <= 120) {
        labels[key] = String(value);
        consumed.add(key);
      }
    }
    if (isStatsObject([...own.values()])) {
      // `{ "mean": 12.5, "stddev": 0.5, "unit": "ms" }` states its unit.
      const unit = typeof node.unit === 'string' && node.unit.trim() !== '' && node.unit.length <= 16 ? node.unit.trim() : undefined;
      this.addSummary(path, labels, node, own, unit, count);
    }
    const numericKeys = keys.filter((k) => isNumeric(node[k]) && !consumed.has(k));
    const { groups, sharedN } = findSummaryGroups(numericKeys);
    for (const group of groups) {
      const stats = new Map(Object.entries(group.columns) as [never, string][]);
      if (sharedN !== undefined && !stats.has('n' as never)) stats.set('n' as never, sharedN);
      this.addSummary([...path, group.metric], labels, node, stats, undefined, count);
      for (const column of stats.values()) consumed.add(column);
    }
    for (const key of keys) {
      if (consumed.has(key)) continue;
      this.walk(node[key] as Json, [...path, key], labels, count);
    }
    // A count no summary took is an ordinary value.
    if (countKey !== undefined && count && !count.used && !isIgnoredName(countKey)) this.addSamples([...path, countKey], labels, [count.value]);
  }

  private addSamples(path: string[], labels: Record<string, string>, values: number[]): void {
    const samples = new SampleAccumulator();
    for (const v of values) samples.add(v);
    this.push({ metric: path.join('.') || 'value', labels: { ...labels }, samples });
  }

  private addSummary(
    path: string[],
    labels: Record<string, string>,
    node: JsonObject,
    stats: Map<string, string>,
    unitHint?: string,
    count?: SharedCount,
  ): void {
    const get = (stat: string) => {
      const key = stats.get(stat);
      return key === undefined ? undefined : parseNumber(node[key] as Cell);
    };
    const summary = summaryFromStats(get as never, stats.keys() as never);
    if (summary.n === undefined && count) {
      summary.n = count.value;
      count.used = true;
    }
    const series: RawSeries = { metric: path.join('.') || 'value', labels: { ...labels }, summary };
    if (unitHint !== undefined) series.unitHint = unitHint;
    this.push(series);
  }
}

/** `{ a: { b: 1 }, c: [1, 2] }` → `{ "a.b": 1, c: [1, 2] }`; arrays of records inside a record are left out. */
export function flattenRecord(record: JsonObject, prefix = '', out: Row = {}): Row {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isObject(value)) flattenRecord(value, name, out);
    else if (Array.isArray(value)) {
      if (value.length > 0 && value.every((v) => typeof v === 'number')) out[name] = value as number[];
    } else out[name] = value;
  }
  return out;
}

/** JSONL / NDJSON: one record per line; a bad line is reported and skipped. */
export async function parseJsonLines(lines: AsyncIterable<string>, adapter = 'jsonl'): Promise<ParseOutcome> {
  const problems = new ProblemLog();
  const table = new TableBuilder({ problems });
  let lineNo = 0;
  let records = 0;
  for await (const raw of lines) {
    lineNo += 1;
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const where = locateJsonError(text);
      problems.add(lineNo, `invalid JSON at column ${where.column}: ${where.reason}; line skipped`);
      continue;
    }
    if (!isObject(value as Json)) {
      problems.add(lineNo, 'not a JSON object; line skipped');
      continue;
    }
    records += 1;
    table.addRow(flattenRecord(value as JsonObject), lineNo);
  }
  if (records === 0) {
    const first = problems.items[0];
    return failed(first ? `no readable JSON record (line ${first.line}: ${first.reason})` : 'no JSON records', first?.line);
  }
  const result = table.finish();
  if (result.series.length === 0) return skipped('no numeric values: not benchmark results');
  return {
    status: 'parsed',
    adapter,
    series: result.series,
    rows: result.rows,
    excludedRows: result.excludedRows,
    problems: problems.items,
    problemCount: problems.total,
    document: false,
  };
}

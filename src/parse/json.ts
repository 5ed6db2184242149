import { SampleAccumulator } from '../metrics/accumulator.js';
import type { RawSeries } from '../metrics/types.js';
import { locateJsonError } from './json-errors.js';
import { ProblemLog } from './problems.js';
import { findSummaryGroups, isStatsObject, statKeysOf, summaryFromStats } from './summary-groups.js';
import { TableBuilder, isIgnoredName, isLabelName, parseNumber, type Cell, type Row } from './table.js';
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

class JsonWalker {
  readonly problems = new ProblemLog();
  rows = 0;
  excludedRows = 0;
  private readonly series: RawSeries[] = [];
  private readonly tables: TableBuilder[] = [];

  walk(node: Json, path: string[], labels: Record<string, string>): void {
    if (typeof node === 'number') {
      this.addSamples(path, labels, [node]);
    } else if (Array.isArray(node)) {
      this.walkArray(node, path, labels);
    } else if (isObject(node)) {
      this.walkObject(node, path, labels);
    }
  }

  finish(): RawSeries[] {
    for (const table of this.tables) {
      const result = table.finish();
      this.rows += result.rows;
      this.excludedRows += result.excludedRows;
      this.series.push(...result.series);
    }
    return this.series;
  }

  private walkArray(items: Json[], path: string[], labels: Record<string, string>): void {
    if (items.length === 0) return;
    if (items.every((x) => typeof x === 'number')) {
      this.addSamples(path, labels, items as number[]);
      return;
    }
    const records = items.filter(isObject);
    if (records.length > 0 && records.length >= items.length / 2) {
      const table = new TableBuilder({ problems: this.problems, metricPrefix: path.join('.') || undefined, fixedLabels: labels });
      records.forEach((record, index) => table.addRow(flattenRecord(record), index + 1));
      if (records.length < items.length) {
        this.problems.add(undefined, `${path.join('.') || 'top-level array'}: ${items.length - records.length} items are not records and were ignored`);
      }
      this.tables.push(table);
      return;
    }
    items.forEach((item) => {
      if (Array.isArray(item) || isObject(item)) this.walk(item, path, labels);
    });
  }

  private walkObject(node: JsonObject, path: string[], inherited: Record<string, string>): void {
    const keys = Object.keys(node);
    if (isStatsObject(keys) && keys.every((k) => isNumeric(node[k]))) {
      this.addSummary(path, inherited, node, statKeysOf(keys));
      return;
    }
    const labels = { ...inherited };
    const consumed = new Set<string>();
    for (const key of keys) {
      const value = node[key];
      const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
      if (!scalar) continue;
      if (isIgnoredName(key)) consumed.add(key);
      else if (isLabelName(key) && String(value).length <= 120) {
        labels[key] = String(value);
        consumed.add(key);
      }
    }
    const numericKeys = keys.filter((k) => typeof node[k] === 'number' && !consumed.has(k));
    const { groups, sharedN } = findSummaryGroups(numericKeys);
    for (const group of groups) {
      const stats = new Map(Object.entries(group.columns) as [never, string][]);
      if (sharedN !== undefined && !stats.has('n' as never)) stats.set('n' as never, sharedN);
      this.addSummary([...path, group.metric], labels, node, stats);
      for (const column of stats.values()) consumed.add(column);
    }
    for (const key of keys) {
      if (consumed.has(key)) continue;
      this.walk(node[key] as Json, [...path, key], labels);
    }
  }

  private addSamples(path: string[], labels: Record<string, string>, values: number[]): void {
    const samples = new SampleAccumulator();
    for (const v of values) samples.add(v);
    this.series.push({ metric: path.join('.') || 'value', labels: { ...labels }, samples });
  }

  private addSummary(path: string[], labels: Record<string, string>, node: JsonObject, stats: Map<string, string>): void {
    const get = (stat: string) => {
      const key = stats.get(stat);
      return key === undefined ? undefined : parseNumber(node[key] as Cell);
    };
    const summary = summaryFromStats(get as never, stats.keys() as never);
    this.series.push({ metric: path.join('.') || 'value', labels: { ...labels }, summary });
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

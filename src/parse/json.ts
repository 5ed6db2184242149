import { SampleAccumulator } from '../metrics/accumulator.js';
import { parseJsonAllowingPython } from './json-python.js';
import { labelKey } from '../metrics/identity.js';
import { inferUnit, normaliseName } from '../metrics/infer.js';
import { summaryCheck, valueCheck, type ValueCheck } from '../metrics/sanity.js';
import { parseQuantity } from '../metrics/units.js';
import type { RawSeries } from '../model/series.js';
import { locateJsonError } from './json-errors.js';
import { countKeyTokens, countsDistinctKeys, dropDuplicateKeys, duplicateKeyReason, keyPathLines, ownKeyCount, scanJson, type DuplicateKey, type JsonScan, type ScanOptions } from './json-scan.js';
import { LimitError, limitMessages, LIMITS } from './limits.js';
import { ProblemLog } from './problems.js';
import { findSummaryGroups, isCountName, isStatsObject, statKeysOf, summaryFromStats, type StatKey } from './summary-groups.js';
import { TableBuilder, isIgnoredName, isLabelName, parseNumber, rowHasError, type Cell, type Row, type TableResult } from './table.js';
import { failed, skipped, type NotParsed, type ParseOutcome } from './types.js';
import type { Problem } from '../model/report.js';
import { setOwn } from '../util/own.js';
import { keyListMemo, memo2 } from '../util/memo.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNumeric(v: Json | undefined): boolean {
  return typeof v === 'number' || (typeof v === 'string' && parseNumber(v) !== undefined);
}

/** Keys holding the values a summary object sums up. */
const SAMPLE_ARRAY_KEY = /^(values|samples|reps|repetitions|runs|times|data|measurements|raw)$/i;

/** The array of numbers beside an object's statistics whose mean is the stated mean (within 0.5%): its samples. */
function sampleArrayOf(node: JsonObject, stats: ReadonlyMap<string, string>): { key: string; samples: number[] } | undefined {
  const meanKey = stats.get('mean');
  const stated = meanKey === undefined ? undefined : parseNumber(node[meanKey] as Cell);
  if (stated === undefined) return undefined;
  for (const [key, value] of Object.entries(node)) {
    if (!SAMPLE_ARRAY_KEY.test(key) || !Array.isArray(value) || value.length < 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) continue;
    const samples = value as number[];
    const mean = samples.reduce((sum, v) => sum + v, 0) / samples.length;
    if (Math.abs(mean - stated) <= 0.005 * Math.abs(stated) + 1e-12) return { key, samples };
  }
  return undefined;
}

/** A `unit` field's text when it reads as a unit (`ms`, `tokens/s`, `MB`, `%`), not a sentence. */
function statedUnit(value: Json | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const unit = value.trim();
  return unit !== '' && unit.length <= 16 && /^[\p{L}%µ°][\p{L}\d%µ°/^*.\- ]*$/u.test(unit) && !/\s{2}/.test(unit) ? unit : undefined;
}

/** A JSON document as read before any walker sees it: parsed (duplicated keys removed), or refused at a cap. */
export type JsonDocument = { value: unknown; duplicates: DuplicateKey[] } | { refusal: { reason: string; line: number } };

/**
 * Parses one JSON document after scanning it (src/parse/json-scan.ts):
 * undefined when it is not valid JSON, a refusal when it passes a cap, else
 * the value with duplicated keys removed and reported by line.
 */
export function readJsonDocument(text: string, options: ScanOptions = {}): JsonDocument | undefined {
  // Keys are counted, not read, unless the text is long enough to count distinct names: then the scan reads every key first.
  let scan: JsonScan | undefined;
  let keyTokens = 0;
  if (countsDistinctKeys(text, options)) {
    scan = scanJson(text, options);
    if (scan.refusal) return { refusal: scan.refusal };
  } else {
    const counted = countKeyTokens(text);
    if (typeof counted !== 'number') return { refusal: counted.refusal };
    keyTokens = counted;
  }
  let value: unknown;
  try {
    value = parseJsonAllowingPython(text);
  } catch {
    return undefined;
  }
  // As many keys parsed as written: no object repeats one (nearly every document), nothing to drop.
  if (scan === undefined && ownKeyCount(value) === keyTokens) return { value, duplicates: [] };
  // Counted only: within the depth cap and too short for the key cap, the full scan refuses nothing, it finds the repeats.
  const { duplicates } = scan ?? scanJson(text, options);
  dropDuplicateKeys(value, duplicates);
  return { value, duplicates };
}

/** A whole document past a cap is skipped, with the line where the scan stopped. */
export function refusedDocument(refusal: { reason: string; line: number }): NotParsed {
  return { status: 'skipped', reason: `${refusal.reason} (at line ${refusal.line})`, line: refusal.line };
}

/** Duplicate keys of a whole document, as problems with their lines. */
export function duplicateProblems(duplicates: readonly DuplicateKey[]): Problem[] {
  return duplicates.map((d) => ({ line: d.line, reason: duplicateKeyReason(d) }));
}

/** Problems found before parsing (duplicate keys) go first; the per-file list keeps its bound. */
export function withProblems(outcome: ParseOutcome, problems: readonly Problem[]): ParseOutcome {
  if (problems.length === 0 || outcome.status !== 'parsed') return outcome;
  const log = new ProblemLog();
  for (const p of [...problems, ...outcome.problems]) log.add(p.line, p.reason);
  return { ...outcome, problems: log.items, problemCount: outcome.problemCount + problems.length };
}

/** Whole-document JSON: records become tables, nested objects metric paths. */
export function parseJsonText(text: string): ParseOutcome {
  const body = text.replace(/^\uFEFF/, '');
  const doc = readJsonDocument(body);
  if (doc === undefined) {
    const where = locateJsonError(body);
    return failed(`invalid JSON at line ${where.line}, column ${where.column}: ${where.reason}`, where.line);
  }
  if ('refusal' in doc) return refusedDocument(doc.refusal);
  return withProblems(parseJsonValue(doc.value, 'json', body), duplicateProblems(doc.duplicates));
}

/** Reads a parsed document; with its `text`, problems found in values get the line of their key. */
export function parseJsonValue(doc: unknown, adapter: string, text?: string): ParseOutcome {
  try {
    return walkDocument(doc, adapter, text);
  } catch (err) {
    if (err instanceof LimitError) return { status: 'skipped', reason: err.message };
    throw err;
  }
}

function walkDocument(doc: unknown, adapter: string, text: string | undefined): ParseOutcome {
  if (isObject(doc as Json) && typeof (doc as JsonObject).$schema === 'string') {
    return skipped('a JSON schema or configuration file ($schema key), not benchmark results');
  }
  if (isObject(doc as Json) && (doc as JsonObject).tool === 'chimera-insight') {
    return skipped('a Chimera Insight report, not benchmark results');
  }
  // A shard folder's hardware.json (src/hardware/validate.ts) describes the runner, not a benchmark.
  if (isObject(doc as Json) && ['id', 'idSource', 'os', 'arch', 'gpus'].every((k) => k in (doc as JsonObject))) {
    return skipped("a Chimera Insight shard's hardware description, not benchmark results");
  }
  const walker = new JsonWalker();
  walker.walk(doc as Json, [], {});
  const series = walker.finish();
  if (text !== undefined && walker.located.length > 0) {
    const lines = keyPathLines(text, walker.located.map((l) => l.path));
    for (const { problem, path } of walker.located) {
      const line = lines.get(path.join('\u0000'));
      if (line !== undefined) problem.line = line;
    }
  }
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

/** Label names whose settings are fractions: `temperature: 0.7` sets the run, it does not measure it. */
const FRACTIONAL_SETTING = /^(temperature|temp|top_?p|min_?p|typical_?p|repeat_?penalty|presence_?penalty|frequency_?penalty|request_?rate|(random_)?range_?ratio|burstiness)$/;

/**
 * A number under a label's name that is a measurement of its own: a
 * fraction under a name that is no fractional setting (`"gpu": 12500.5`), or
 * any number inside an object that names a quantity (`peak_memory_mb:
 * {gpu: 12500, cpu: 3200}`, its parts). As labels they were lost.
 */
function isMeasuredPart(key: string, value: number, path: readonly string[]): boolean {
  if (!Number.isInteger(value) && !FRACTIONAL_SETTING.test(normaliseName(key))) return true;
  const parent = path[path.length - 1];
  return parent !== undefined && inferUnit(parent) !== '';
}

/** True when the label columns a table chose already give every row its own series. */
function labelsTellApart(rows: Row[], labelColumns: string[]): boolean {
  if (labelColumns.length === 0) return false;
  const seen = new Set(rows.map((row) => JSON.stringify(labelColumns.map((c) => row[c] ?? null))));
  return seen.size === rows.length;
}

/**
 * A copy of a labels object (its own keys in order, `__proto__` as a key like any other), to add a label
 * to: in V8 (Node 20) a spread copy followed by a new property takes a slow path, about a microsecond.
 */
function copyLabels(labels: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const key of Object.keys(labels)) setOwn(copy, key, labels[key] as string);
  return copy;
}

/** What an object's key names alone say, worked out once per list of names (documents repeat a few shapes). */
interface KeyShape {
  /** The statistics of an object that is itself a summary (`{ "mean": 1.2, "stddev": 0.1, "n": 5 }`) when its values are numbers. */
  wholeStats: Map<StatKey, string> | undefined;
  /** Per key, in order: named as a count (`n`, `runs`), as a field that is never read, as a label. */
  countName: boolean[];
  ignored: boolean[];
  label: boolean[];
}

const keyShapeOf = keyListMemo(20_000, (keys): KeyShape => ({
  wholeStats: isStatsObject(keys) ? statKeysOf(keys) : undefined,
  countName: keys.map((k) => isCountName(k)),
  ignored: keys.map((k) => isIgnoredName(k)),
  label: keys.map((k) => isLabelName(k)),
}));

/** An object's own statistics among its numeric keys (`{ mean, stddev, n, unit }`), when they make a summary. */
const ownStatsOf = keyListMemo(20_000, (numericKeys): Map<StatKey, string> | undefined => {
  const own = statKeysOf(numericKeys);
  return isStatsObject([...own.values()]) ? own : undefined;
});

/**
 * The summary groups (`mean_ttft_ms`, `std_ttft_ms`, …) among an object's numeric keys that nothing else took,
 * each with the columns of its statistics, a shared n (`"n": 200` beside them) included.
 */
const summaryGroupsOf = keyListMemo(20_000, (numericKeys): { metric: string; stats: Map<StatKey, string> }[] => {
  const { groups, sharedN } = findSummaryGroups(numericKeys);
  return groups.map((group) => {
    const stats = new Map(Object.entries(group.columns) as [StatKey, string][]);
    if (sharedN !== undefined && !stats.has('n')) stats.set('n', sharedN);
    return { metric: group.metric, stats };
  });
});

/** `path` and one more key: a new array, as paths are kept by the problems located at them. */
function childPath(path: readonly string[], key: string): string[] {
  const child = path.slice();
  child.push(key);
  return child;
}

/** Objects up to this many keys find a key's place by a scan of their keys, which beats building a Map. */
const FEW_KEYS = 16;

/** The keys of one object that a summary, a count, a label or a unit took, by their place in its keys: the others are walked. */
class TakenKeys {
  readonly at: boolean[] = [];
  count = 0;
  private places: Map<string, number> | undefined;

  constructor(private readonly keys: readonly string[]) {
    for (let k = 0; k < keys.length; k++) this.at.push(false);
  }

  takeAt(k: number): void {
    if (this.at[k]) return;
    this.at[k] = true;
    this.count += 1;
  }

  /** Takes a key of the object by its name. */
  take(key: string): void {
    const k = this.placeOf(key);
    if (k >= 0) this.takeAt(k);
  }

  /** Takes the columns of a summary's statistics. */
  takeColumns(stats: ReadonlyMap<StatKey, string>): void {
    for (const column of stats.values()) this.take(column);
  }

  has(key: string): boolean {
    const k = this.placeOf(key);
    return k >= 0 && this.at[k] === true;
  }

  private placeOf(key: string): number {
    if (this.keys.length <= FEW_KEYS) return this.keys.indexOf(key);
    if (this.places === undefined) {
      this.places = new Map();
      for (let k = 0; k < this.keys.length; k++) this.places.set(this.keys[k] as string, k);
    }
    return this.places.get(key) ?? -1;
  }
}

class JsonWalker {
  readonly problems = new ProblemLog();
  rows = 0;
  excludedRows = 0;
  /** The document's series, in the order each was first added. */
  private readonly series: RawSeries[] = [];
  /** The same series by labels (their labelKey), then metric: one series per metric and labels. */
  private readonly seriesByLabels = new Map<string, Map<string, RawSeries>>();
  /**
   * Record arrays read as tables, taken in after the document's other values (so series keep
   * their order); their rows are numbered by record, which is not a line of the file.
   */
  private readonly tables: { result: TableResult; problems: ProblemLog; where: string }[] = [];
  /** How many series those tables will add, counted against the per-file cap now (see countPending). */
  private pendingCount = 0;
  /** Their distinct identities, listed only once their number alone could pass the cap. */
  private pendingKeys: Set<string> | undefined;
  /** Problems about a value at a key path, whose line the document's text can tell (see keyPathLines). */
  readonly located: { problem: Problem; path: string[] }[] = [];

  /** Value checks by metric and unit hint ('' for none: a stated unit is never empty): a document repeats the same few paths many times. */
  private readonly checks = memo2(10_000, (metric: string, unitHint: string): ValueCheck => valueCheck(metric, unitHint === '' ? inferUnit(metric) : unitHint));
  /**
   * labelKey of each labels object the document's series carry: they share one per JSON object or
   * record group, and a table's series take turns between its groups' objects. Labels objects are
   * complete before any series carries them and never changed after.
   */
  private readonly labelKeys = new Map<Record<string, string>, string>();

  private labelKeyOf(labels: Record<string, string>): string {
    let key = this.labelKeys.get(labels);
    if (key === undefined) {
      key = labelKey(labels);
      this.labelKeys.set(labels, key);
    }
    return key;
  }

  /** One series per metric and labels: the identity two series that add up share. */
  private seriesKey(series: RawSeries): string {
    return `${series.metric}\u0000${this.labelKeyOf(series.labels)}`;
  }

  private checkFor(metric: string, unitHint: string | undefined): ValueCheck {
    return this.checks(metric, unitHint ?? '');
  }

  private at(path: string[], reason: string): void {
    const problem = this.problems.add(undefined, reason);
    if (problem && path.length > 0) this.located.push({ problem, path });
  }

  walk(node: Json, path: string[], labels: Record<string, string>, count?: SharedCount): void {
    if (typeof node === 'number') {
      this.addSamples(path, labels, [node]);
    } else if (typeof node === 'string') {
      // `"ttft": "12.5 ms"`: a number with its unit, written as text.
      const quantity = node.length <= 40 ? parseQuantity(node) : undefined;
      if (quantity) this.addSamples(path, labels, [quantity.value], quantity.unit?.unit);
    } else if (Array.isArray(node)) {
      this.walkArray(node, path, labels, count);
    } else if (isObject(node)) {
      this.walkObject(node, path, labels, count);
    }
  }

  finish(): RawSeries[] {
    for (const { result, problems, where } of this.tables) this.absorb(result, problems, where);
    return this.series;
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
    // Looked up by labels, then metric: no key string is built per series.
    const labels = this.labelKeyOf(series.labels);
    let byMetric = this.seriesByLabels.get(labels);
    const existing = byMetric?.get(series.metric);
    if (!existing) {
      // Tables stop at the same cap on their own; this one counts the document's series together.
      if (this.series.length >= LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile());
      if (!byMetric) this.seriesByLabels.set(labels, (byMetric = new Map()));
      byMetric.set(series.metric, series);
      this.series.push(series);
      return;
    }
    // Two tables' runs are not one table's: the merged values' runs are unknown.
    if (existing.runs) delete existing.runs;
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

  /**
   * Counts a pending table's series against the per-file cap: the document's series and the distinct
   * identities of the pending ones. Their identities are worked out only when their number alone passes
   * the cap (a series key costs a label key per series, and nearly every document stays far below).
   */
  private countPending(added: readonly RawSeries[]): void {
    this.pendingCount += added.length;
    if (this.series.length + this.pendingCount <= LIMITS.seriesPerFile) return;
    if (this.pendingKeys === undefined) {
      this.pendingKeys = new Set();
      for (const { result } of this.tables) for (const series of result.series) this.pendingKeys.add(this.seriesKey(series));
    } else {
      for (const series of added) this.pendingKeys.add(this.seriesKey(series));
    }
    if (this.series.length + this.pendingKeys.size > LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile());
  }

  /** An array of records is read like CSV rows: labels split series, rows with an error are left out. */
  private walkRecords(records: JsonObject[], path: string[], labels: Record<string, string>): void {
    const prefix = path.join('.') || undefined;
    const where = prefix === undefined ? 'top-level array' : `"${prefix}"`;
    const rows = records.map((record) => (isFlatRecord(record) ? (record as Row) : flattenRecord(record)));
    const problems = new ProblemLog();
    const table = new TableBuilder({ problems, metricPrefix: prefix, fixedLabels: labels });
    rows.forEach((row, index) => table.addRow(row, index + 1));
    const id = identityKey(records);
    if (id === undefined) {
      // Finished now, so a document of many small record arrays holds results, not table builders.
      const result = table.finish();
      if (result.series.length > 0 || problems.total > 0) this.tables.push({ result, problems, where });
      else this.absorb(result, problems, where);
      this.countPending(result.series);
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
      const named = copyLabels(labels);
      setOwn(named, id, String(name).trim());
      this.walkObject(rest, path, named);
    });
  }

  private walkObject(node: JsonObject, path: string[], inherited: Record<string, string>, inheritedCount?: SharedCount): void {
    const keys = Object.keys(node);
    const shape = keyShapeOf(keys);
    // One look per key, without a callback per object: this runs for every object of every document.
    const numericKeys: string[] = [];
    for (let k = 0; k < keys.length; k++) if (isNumeric(node[keys[k] as string])) numericKeys.push(keys[k] as string);
    if (shape.wholeStats !== undefined && numericKeys.length === keys.length) {
      this.addSummary(path, inherited, node, shape.wholeStats, undefined, inheritedCount);
      return;
    }
    // The inherited labels, copied once the object sets a label of its own (labels objects are never changed after).
    let labels = inherited;
    const taken = new TakenKeys(keys);
    // The object's own statistics (`{ mean, stddev, n, unit }`): the summary of the object's path.
    const own = ownStatsOf(numericKeys);
    if (own !== undefined) taken.takeColumns(own);
    // `"n": 200` beside the objects or groups that hold summaries is their n, not a metric of its own.
    let countAt = -1;
    for (let k = 0; k < keys.length && countAt < 0; k++) {
      if (shape.countName[k] && !taken.at[k] && countOf(node[keys[k] as string]) !== undefined) countAt = k;
    }
    const countKey = countAt < 0 ? undefined : (keys[countAt] as string);
    let count = inheritedCount;
    if (countKey !== undefined) {
      count = { value: countOf(node[countKey]) as number, used: false };
      taken.takeAt(countAt);
    }
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      const value = node[key];
      const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
      if (!scalar || taken.at[k]) continue;
      if (shape.ignored[k]) taken.takeAt(k);
      else if (shape.label[k] && String(value).length <= 120 && !(typeof value === 'number' && isMeasuredPart(key, value, path))) {
        if (labels === inherited) labels = copyLabels(inherited);
        setOwn(labels, key, String(value));
        taken.takeAt(k);
      }
    }
    if (own !== undefined) {
      // `{ "mean": 12.5, "stddev": 0.5, "unit": "ms" }` states its unit.
      const unit = typeof node.unit === 'string' && node.unit.trim() !== '' && node.unit.length <= 16 ? node.unit.trim() : undefined;
      // `{ "mean": 157.58, "min": …, "reps": [157.51, 157.6, 157.62] }`: the values the summary sums up are one series
      // of samples, not a summary and a second series beside it.
      const values = sampleArrayOf(node, own);
      if (values) {
        this.addSamples(path, labels, values.samples, unit);
        taken.take(values.key);
      } else this.addSummary(path, labels, node, own, unit, count);
    }
    // `{ "unit": "MB", "max_ram": 1182.2 }`, `{ "value": 38.8, "unit": "tokens/s" }`: the unit an object states is its numbers'.
    const stated = own !== undefined ? undefined : statedUnit(node.unit);
    if (stated !== undefined) this.addStatedUnitValues(node, path, labels, keys, shape, taken, stated);
    // The summary groups (`mean_x`, `std_x`) among the numeric keys nothing took yet.
    let free = numericKeys;
    if (taken.count > 0) {
      free = [];
      for (let n = 0; n < numericKeys.length; n++) if (!taken.has(numericKeys[n] as string)) free.push(numericKeys[n] as string);
    }
    const groups = summaryGroupsOf(free);
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g] as { metric: string; stats: Map<StatKey, string> };
      this.addSummary(childPath(path, group.metric), labels, node, group.stats, undefined, count);
      taken.takeColumns(group.stats);
    }
    for (let k = 0; k < keys.length; k++) {
      if (taken.at[k]) continue;
      const key = keys[k] as string;
      this.walk(node[key] as Json, childPath(path, key), labels, count);
    }
    // A count no summary took is an ordinary value.
    if (countKey !== undefined && count && !count.used && !shape.ignored[countAt]) this.addSamples(childPath(path, countKey), labels, [count.value]);
  }

  /** `{ "unit": "MB", "max_ram": 1182.2 }`: each number nothing took is a series in the unit the object states. */
  private addStatedUnitValues(node: JsonObject, path: string[], labels: Record<string, string>, keys: string[], shape: KeyShape, taken: TakenKeys, stated: string): void {
    const numbers: number[] = [];
    for (let k = 0; k < keys.length; k++) {
      if (!taken.at[k] && typeof node[keys[k] as string] === 'number' && !shape.ignored[k] && !shape.countName[k]) numbers.push(k);
    }
    for (let n = 0; n < numbers.length; n++) {
      const k = numbers[n] as number;
      const key = keys[k] as string;
      // A lone `value` is the object's own: named by the object (`decode.throughput`, not `decode.throughput.value`).
      this.addSamples(key === 'value' && numbers.length === 1 ? path : childPath(path, key), labels, [node[key] as number], stated);
      taken.takeAt(k);
    }
  }

  private addSamples(path: string[], labels: Record<string, string>, values: number[], unitHint?: string): void {
    const metric = path.join('.') || 'value';
    const check = this.checkFor(metric, unitHint);
    const samples = new SampleAccumulator();
    for (const v of values) {
      // JSON.parse reads 1e999 as Infinity; such values and impossible ones never reach a statistic.
      const why = check(v);
      if (why === undefined) samples.add(v);
      else this.at(path, `"${metric}": ${why}; value left out`);
    }
    if (samples.count === 0) return;
    // Series of one object share its labels object: it is complete before any of them is made, and never changed.
    const series: RawSeries = { metric, labels, samples };
    if (unitHint !== undefined) series.unitHint = unitHint;
    this.push(series);
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
    const metric = path.join('.') || 'value';
    const check = this.checkFor(metric, unitHint);
    const why = summaryCheck(summary, check);
    if (why !== undefined) {
      this.at(path, `summary of "${metric}": ${why}; summary left out`);
      return;
    }
    const series: RawSeries = { metric, labels, summary };
    if (unitHint !== undefined) series.unitHint = unitHint;
    this.push(series);
  }
}

/**
 * A record whose values are all scalars, which flattenRecord would copy key for key: read as it is (by
 * readers that do not change it), without a copy per record.
 */
function isFlatRecord(record: JsonObject): boolean {
  for (const key in record) {
    const value = record[key];
    if (typeof value === 'object' && value !== null) return false;
  }
  return true;
}

/** `{ a: { b: 1 }, c: [1, 2] }` → `{ "a.b": 1, c: [1, 2] }`; arrays of records inside a record are left out. */
export function flattenRecord(record: JsonObject, prefix = '', out: Row = {}): Row {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isObject(value)) flattenRecord(value, name, out);
    else if (Array.isArray(value)) {
      if (value.length > 0 && value.every((v) => typeof v === 'number')) setOwn(out, name, value as number[]);
    } else setOwn(out, name, value);
  }
  return out;
}

/**
 * JSONL / NDJSON: one record per line; a bad line is reported and skipped.
 * `null` stands for a line longer than LIMITS.lineChars, which the reader did not keep.
 */
export async function parseJsonLines(lines: AsyncIterable<string | null>, adapter = 'jsonl'): Promise<ParseOutcome> {
  try {
    return await readJsonLines(lines, adapter);
  } catch (err) {
    if (err instanceof LimitError) return { status: 'skipped', reason: err.line === undefined ? err.message : `${err.message} (at line ${err.line})` };
    throw err;
  }
}

async function readJsonLines(lines: AsyncIterable<string | null>, adapter: string): Promise<ParseOutcome> {
  const problems = new ProblemLog();
  const table = new TableBuilder({ problems });
  let lineNo = 0;
  let records = 0;
  for await (const raw of lines) {
    lineNo += 1;
    if (raw === null) {
      problems.add(lineNo, limitMessages.lineChars());
      continue;
    }
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    const doc = readJsonDocument(text, { distinctKeys: false });
    if (doc === undefined) {
      const where = locateJsonError(text);
      problems.add(lineNo, `invalid JSON at column ${where.column}: ${where.reason}; line skipped`);
      continue;
    }
    if ('refusal' in doc) {
      problems.add(lineNo, `${doc.refusal.reason}; line skipped`);
      continue;
    }
    const value = doc.value;
    for (const d of doc.duplicates) problems.add(lineNo, duplicateKeyReason(d, true));
    if (!isObject(value as Json)) {
      problems.add(lineNo, 'not a JSON object; line skipped');
      continue;
    }
    records += 1;
    table.addRow(isFlatRecord(value as JsonObject) ? (value as Row) : flattenRecord(value as JsonObject), lineNo);
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

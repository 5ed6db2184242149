import { SampleAccumulator } from '../metrics/accumulator.js';
import { labelKey } from '../metrics/identity.js';
import { normaliseName } from '../metrics/infer.js';
import type { ProvidedSummary, RawSeries } from '../metrics/types.js';
import { ProblemLog } from './problems.js';
import { findSummaryGroups, isStatsObject, statKeysOf, summaryFromStats, type StatKey, type SummaryGroup } from './summary-groups.js';

/** One cell of a row: CSV and Markdown give strings, JSON may give typed values. */
export type Cell = string | number | boolean | null | undefined | readonly number[];
export type Row = Record<string, Cell>;

type Role = 'metric' | 'label' | 'error' | 'ignore' | 'summary';

interface ColumnProfile {
  numeric: number;
  text: number;
  /** Text values shaped like a date or timestamp. */
  dates: number;
  distinct: Set<string>;
  maxLength: number;
}

/** Rows looked at before columns get their roles; everything after streams. */
const PROFILE_ROWS = 1000;
const MAX_LABEL_VALUES = 50;
const MAX_LABEL_LENGTH = 64;
/** A column named like a label (`name`, `benchmark`, `test`) may name this many things. */
const MAX_NAMED_LABEL_VALUES = 1000;
const MAX_NAMED_LABEL_LENGTH = 200;
/** Run times written as text change every run; as labels they would break matching across runs. */
const DATE_VALUE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_SERIES = 20_000;

const ERROR_COLUMN = /^(error|errors|err|error_?message|error_?msg|exception|failure|failure_?reason)$/;
const NO_ERROR = new Set(['', 'none', 'null', 'nan', 'n/a', 'na', '0', 'false', 'ok', 'success', '-']);
/**
 * Columns that number or date rows rather than measure anything. Ids of the workload items
 * (prompt_id, request_id) are as free as the prompt text itself: samples of one series, not labels.
 */
const IGNORED_COLUMN = /^((prompt|request|req|sample|query|question|item)_?(id|idx|index|no|num|number)|run|epoch|build_?number|version|pid|run_?id|runs|iteration|iter|trial|rep|repeat|repetition|idx|index|id|row|step|timestamp|time_?stamp|date|datetime|created_?at|started_?at|ended_?at|start_?time|end_?time|ts|unit|units|time_?unit)$/;
/** Free text: never a label, never a metric. */
const TEXT_COLUMN = /^(prompt|prompts|text|query|question|input|output|response|completion|answer|message|description|comment|comments|notes?|log|stdout|stderr|command|cmd|path|file|filename|url)$/;
/** Categorical columns, numeric or not: they split series instead of being measured. */
const LABEL_COLUMN = /^(model|model_?name|model_?id|tag|tags|config|configuration|backend|variant|device|gpu|gpu_?name|cpu|quant|quantization|dtype|precision|dataset|engine|framework|mode|name|benchmark|bench|test|test_?name|case|scenario|task|host|hostname|runner|os|arch|platform|compiler|version|branch|label|group|kind|type|category|suite|provider|method|impl|implementation|batch|batch_?size|bs|concurrency|num_?gpu|num_?ctx|n_?ctx|ctx|context|n_?prompt|n_?gen|n_?batch|n_?ubatch|threads|n_?threads|seq_?len|sequence_?length|input_?len|output_?len|prompt_?len|max_?tokens|num_?predict|request_?rate|temperature|temp|top_?p|top_?k|repeat_?penalty|seed|n_?gpu_?layers|ngl|gpu_?layers|world_?size|tp|pp|tensor_?parallel_?size|num_?prompts|num_?requests|num_?workers|workers|size|shape|params?)$/;

const MISSING = new Set(['', 'nan', 'null', 'none', 'n/a', 'na', '-', '—']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

export interface TableOptions {
  /** Prepended to every metric name, e.g. the JSON path of a nested array. */
  metricPrefix?: string;
  /** `12,5` means 12.5 (semicolon-separated files from European locales). */
  decimalComma?: boolean;
  /** Labels every series of this table carries (e.g. `table: Results`). */
  fixedLabels?: Record<string, string>;
  /**
   * Columns that are labels whenever they hold short text, even with a new value on every row:
   * the first column of a Markdown table names its rows (`| short prompt | … |`).
   */
  rowNameColumns?: readonly string[];
  problems: ProblemLog;
}

export interface TableResult {
  series: RawSeries[];
  rows: number;
  excludedRows: number;
  labelColumns: string[];
}

export function parseNumber(cell: Cell, decimalComma = false): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const s = cell.trim();
  if (NUMBER.test(s)) return Number(s);
  if (decimalComma && DECIMAL_COMMA.test(s)) return Number(s.replace(',', '.'));
  return undefined;
}

function isMissing(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && MISSING.has(cell.trim().toLowerCase()));
}

function isErrorValue(cell: Cell): boolean {
  if (cell === null || cell === undefined || cell === false) return false;
  if (typeof cell === 'number') return cell !== 0;
  if (cell === true) return true;
  return !NO_ERROR.has(String(cell).trim().toLowerCase());
}

/**
 * Turns rows into series: numeric columns are metrics, categorical columns are
 * labels that split them, rows with an error are counted and left out. Roles
 * are decided from the first rows, so a file of any length streams through.
 */
export class TableBuilder {
  private readonly profiles = new Map<string, ColumnProfile>();
  private roles: Map<string, Role> | undefined;
  private summaryGroups: SummaryGroup[] = [];
  private sharedN: string | undefined;
  private buffered: { row: Row; line: number }[] = [];
  private readonly groups = new Map<string, RawSeries>();
  private rows = 0;
  private excluded = 0;
  private seriesCapReported = false;

  constructor(private readonly options: TableOptions) {}

  addRow(row: Row, line: number): void {
    this.rows += 1;
    if (this.roles) {
      this.consume(row, line);
      return;
    }
    this.profile(row);
    this.buffered.push({ row, line });
    if (this.buffered.length >= PROFILE_ROWS) this.decideRoles();
  }

  finish(): TableResult {
    if (!this.roles) this.decideRoles();
    const labelColumns = [...(this.roles ?? new Map<string, Role>())].filter(([, r]) => r === 'label').map(([c]) => c);
    return { series: [...this.groups.values()], rows: this.rows, excludedRows: this.excluded, labelColumns };
  }

  private profile(row: Row): void {
    for (const [column, cell] of Object.entries(row)) {
      let p = this.profiles.get(column);
      if (!p) {
        p = { numeric: 0, text: 0, dates: 0, distinct: new Set(), maxLength: 0 };
        this.profiles.set(column, p);
      }
      if (isMissing(cell)) continue;
      if (Array.isArray(cell) || parseNumber(cell as Cell, this.options.decimalComma) !== undefined) {
        p.numeric += 1;
      } else {
        p.text += 1;
        if (DATE_VALUE.test(String(cell).trim())) p.dates += 1;
      }
      if (!Array.isArray(cell)) {
        const s = String(cell).trim();
        if (p.distinct.size <= MAX_NAMED_LABEL_VALUES) p.distinct.add(s);
        p.maxLength = Math.max(p.maxLength, s.length);
      }
    }
  }

  private decideRoles(): void {
    const roles = new Map<string, Role>();
    for (const [column, p] of this.profiles) roles.set(column, roleOf(column, p, this.options.rowNameColumns?.includes(column) ?? false));
    // mean_x / std_x / p95_x beside each other describe one metric, not four.
    const numeric = [...roles].filter(([, r]) => r === 'metric').map(([c]) => c);
    const { groups } = findSummaryGroups(numeric);
    // Records such as `{ model, mean, stddev, n }` summarise one unnamed metric: the table's own.
    const bare = numeric.filter((c) => statKeysOf([c]).size === 1);
    if (bare.length > 0 && isStatsObject(bare) && groups.every((g) => Object.values(g.columns).every((c) => !bare.includes(c as string)))) {
      groups.push({ metric: '', columns: Object.fromEntries(statKeysOf(bare)) });
    }
    // A count column such as `runs` is not a metric of its own but still gives the summaries their n.
    const counts = [...roles].filter(([c, r]) => r === 'ignore' && (this.profiles.get(c)?.numeric ?? 0) > 0).map(([c]) => c);
    const { sharedN } = findSummaryGroups([...numeric, ...counts]);
    this.summaryGroups = groups;
    for (const g of groups) for (const column of Object.values(g.columns)) roles.set(column as string, 'summary');
    if (groups.length > 0 && sharedN !== undefined) {
      this.sharedN = sharedN;
      roles.set(sharedN, 'summary');
    }
    this.roles = roles;
    for (const { row, line } of this.buffered) this.consume(row, line);
    this.buffered = [];
  }

  private roleFor(column: string, cell: Cell): Role {
    const roles = this.roles as Map<string, Role>;
    let role = roles.get(column);
    if (role === undefined) {
      // A key first seen after profiling (JSONL records vary): judge it by name and value.
      // An empty cell says nothing about the column, so its role waits for a real value.
      if (isMissing(cell)) return 'ignore';
      const p: ColumnProfile = { numeric: 0, text: 0, dates: 0, distinct: new Set(), maxLength: 0 };
      if (Array.isArray(cell) || parseNumber(cell, this.options.decimalComma) !== undefined) p.numeric = 1;
      else {
        p.text = 1;
        if (DATE_VALUE.test(String(cell).trim())) p.dates = 1;
      }
      if (!Array.isArray(cell)) {
        const s = String(cell).trim();
        p.distinct.add(s);
        p.maxLength = s.length;
      }
      role = roleOf(column, p);
      roles.set(column, role);
    }
    return role;
  }

  private consume(row: Row, line: number): void {
    const labels: Record<string, string> = { ...this.options.fixedLabels };
    for (const [column, cell] of Object.entries(row)) {
      const role = this.roleFor(column, cell);
      if (role === 'error' && isErrorValue(cell)) {
        this.excluded += 1;
        return;
      }
      if (role === 'label' && !isMissing(cell)) labels[column] = String(cell).trim();
    }
    const key = labelKey(labels);
    for (const [column, cell] of Object.entries(row)) {
      if (this.roleFor(column, cell) !== 'metric' || isMissing(cell)) continue;
      const values = Array.isArray(cell) ? cell : [parseNumber(cell as Cell, this.options.decimalComma)];
      if (values.some((v) => v === undefined || !Number.isFinite(v))) {
        this.options.problems.add(line, `column "${column}" holds a value that is not a number; cell skipped`);
        continue;
      }
      const series = this.seriesFor(column, labels, key, line, true);
      if (!series) continue;
      for (const v of values) series.samples?.add(v as number);
    }
    for (const group of this.summaryGroups) this.addSummary(group, row, labels, key, line);
  }

  private addSummary(group: SummaryGroup, row: Row, labels: Record<string, string>, key: string, line: number): void {
    const value = (column: string | undefined) => (column === undefined ? undefined : parseNumber(row[column], this.options.decimalComma));
    const get = (stat: StatKey) => value(group.columns[stat]) ?? (stat === 'n' ? value(this.sharedN) : undefined);
    const stats = new Set<StatKey>([...(Object.keys(group.columns) as StatKey[]), 'n']);
    const summary = summaryFromStats(get, stats);
    if (summary.mean === undefined && summary.median === undefined) return;
    const series = this.seriesFor(group.metric, labels, key, line, false);
    if (!series) return;
    if (!series.summary) {
      series.summary = summary;
      return;
    }
    const pooled = poolSummaries(series.summary, summary);
    if (pooled) series.summary = pooled;
    else this.options.problems.add(line, `a second summary of "${group.metric}" for the same labels without n and sd to pool it; the first is kept`);
  }

  private seriesFor(column: string, labels: Record<string, string>, key: string, line: number, sampled: boolean): RawSeries | undefined {
    const prefix = this.options.metricPrefix;
    const metric = column === '' ? (prefix ?? 'value') : prefix ? `${prefix}.${column}` : column;
    const groupKey = `${metric}\u0000${key}`;
    let series = this.groups.get(groupKey);
    if (series) return series;
    if (this.groups.size >= MAX_SERIES) {
      if (!this.seriesCapReported) {
        this.options.problems.add(line, `more than ${MAX_SERIES} metric/label combinations; further combinations are not analysed`);
        this.seriesCapReported = true;
      }
      return undefined;
    }
    series = sampled ? { metric, labels: { ...labels }, samples: new SampleAccumulator(), line } : { metric, labels: { ...labels }, line };
    this.groups.set(groupKey, series);
    return series;
  }
}

/** A field that names a condition of the measurement (model, batch_size, …) rather than a result. */
export function isLabelName(column: string): boolean {
  return LABEL_COLUMN.test(normaliseName(column));
}

/** A field that numbers, dates or describes rows in prose: neither label nor metric. */
export function isIgnoredName(column: string): boolean {
  const name = normaliseName(column);
  return IGNORED_COLUMN.test(name) || TEXT_COLUMN.test(name);
}

function roleOf(column: string, p: ColumnProfile, namesRows = false): Role {
  const name = normaliseName(column);
  if (ERROR_COLUMN.test(name)) return 'error';
  if (IGNORED_COLUMN.test(name) || TEXT_COLUMN.test(name)) return 'ignore';
  const values = p.numeric + p.text;
  if (p.text > 0 && p.dates === p.text) return 'ignore';
  const fewValues = p.distinct.size <= MAX_LABEL_VALUES && p.maxLength <= MAX_LABEL_LENGTH;
  if (LABEL_COLUMN.test(name) && p.distinct.size <= MAX_NAMED_LABEL_VALUES && p.maxLength <= MAX_NAMED_LABEL_LENGTH) return 'label';
  if (namesRows && p.numeric === 0 && p.text > 0 && fewValues) return 'label';
  // Mostly numbers: a metric whose stray text cells ("timeout", "OOM") are reported by line,
  // never a label that would split the series by every measured value.
  if (p.numeric > 0 && p.text < p.numeric) return 'metric';
  // Text that is unique on every row (ids, free text) would split each row into its own series.
  if (p.text > 0 && fewValues && !(p.distinct.size === values && values > 3)) return 'label';
  return values === 0 ? 'metric' : 'ignore';
}

/** Exact pooled mean and sd of two summaries; percentiles cannot be pooled and are dropped. */
export function poolSummaries(a: ProvidedSummary, b: ProvidedSummary): ProvidedSummary | undefined {
  if (a.n === undefined || b.n === undefined || a.mean === undefined || b.mean === undefined) return undefined;
  if (a.sd === undefined || b.sd === undefined) return undefined;
  const n = a.n + b.n;
  const mean = (a.n * a.mean + b.n * b.mean) / n;
  const ss = (a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2 + ((a.n * b.n) / n) * (a.mean - b.mean) ** 2;
  const pooled: ProvidedSummary = { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
  if (a.min !== undefined && b.min !== undefined) pooled.min = Math.min(a.min, b.min);
  if (a.max !== undefined && b.max !== undefined) pooled.max = Math.max(a.max, b.max);
  return pooled;
}

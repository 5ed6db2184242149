import { SampleAccumulator } from '../metrics/accumulator.js';
import { bracketUnit, inferUnit, normaliseName } from '../metrics/infer.js';
import { metricCheck, summaryCheck, valueCheck, type ValueCheck } from '../metrics/sanity.js';
import { poolMoments } from '../metrics/stats.js';
import { convert, parseQuantity, unitInfo, type Quantity, type UnitInfo } from '../metrics/units.js';
import { LimitError, LIMITS, limitMessages } from './limits.js';
import { memo } from '../util/memo.js';
import type { ProvidedSummary, RawSeries, TableRuns } from '../model/series.js';
import { ProblemLog } from './problems.js';
import { findSummaryGroups, isStatsObject, mayBeStatKey, statKeysOf, summaryFromStats, type StatKey, type SummaryGroup } from './summary-groups.js';
import { setOwn } from '../util/own.js';

/** One cell of a row: CSV and Markdown give strings, JSON may give typed values. */
export type Cell = string | number | boolean | null | undefined | readonly number[];
export type Row = Record<string, Cell>;

type Role = 'metric' | 'label' | 'error' | 'ignore' | 'summary';

interface ColumnProfile {
  numeric: number;
  text: number;
  /** Text values shaped like a date or timestamp. */
  dates: number;
  /** Text values made of digits and punctuation only (`22;163`, `1/2`): counts written as text. */
  digitText: number;
  /**
   * Distinct text values (trimmed). Numeric cells are not kept: turning every number of every
   * profiled row into text and hashing it cost more than the rest of profiling, and the rule that
   * decides a metric column never asks. The label rules that do list them then (numericCellsOf).
   */
  distinct: Set<string>;
  /** The longest text value; longestValue adds the numbers. */
  maxLength: number;
  /** Text values that read as prose: five words or more (two of them lowercase), or 60 characters. */
  prose: number;
  /** Text values shaped like a workload item's id: `p3`, `q_017`, `prompt-2`. */
  itemIds: number;
  /** Cells holding a list of values (JSON arrays), counted among `numeric` too. */
  lists: number;
  /** The last text cell profiled and its kind: a label repeats row after row, and is then counted without a lookup. */
  lastText?: string;
  lastKind?: CellKind;
  /**
   * The column's name alone gives its role (an error or ignored column, see roleOf): then only what
   * decideRoles still asks is counted (numbers, and text that may be digits), not each value.
   */
  byName: boolean;
  /** What the column's name says (nameClass), looked up once per table. */
  names: NameClass;
}

/** Rows looked at before columns get their roles; everything after streams. */
const PROFILE_ROWS = 1000;
const MAX_LABEL_VALUES = 50;
const MAX_LABEL_LENGTH = 64;
/** A column named like a label (`name`, `benchmark`, `test`) may name this many things. */
const MAX_NAMED_LABEL_VALUES = 1000;
const MAX_NAMED_LABEL_LENGTH = 200;
/** Run times written as text change every run; as labels they would break matching across runs. */
const DIGIT_TEXT = /^[\d\s.,;:/|+-]+$/;
// `2026-09-22T09:06:42Z`, and nvidia-smi's `2026/09/22 09:06:42.286`.
const DATE_VALUE = /^\d{4}([-/])\d{2}\1\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
/** What a decoder puts in place of bytes that are not UTF-8: such text is not the name the file meant. */
const REPLACEMENT = '\uFFFD';

const ERROR_COLUMN = /^(error|errors|err|error_?message|error_?msg|exception|failure|failure_?reason)$/;
const NO_ERROR = new Set(['', 'none', 'null', 'nan', 'n/a', 'na', '0', 'false', 'ok', 'success', 'succeeded', 'pass', 'passed', 'completed', 'done', '-']);
/**
 * A `status` column is an outcome, not a condition: as a label it would rank a failed row's
 * leftovers (`vram` of a run that crashed) against the runs that worked. It is read as an error
 * column when every value is an outcome word; other statuses (HTTP codes, states) keep their role.
 */
const STATUS_COLUMN = /^(status|run_?status|result_?status|outcome)$/;
const OUTCOME_VALUES = new Set(['ok', 'success', 'succeeded', 'pass', 'passed', 'completed', 'done', 'fail', 'failed', 'failure', 'error', 'errored', 'oom', 'timeout', 'timed out', 'crash', 'crashed', 'skipped', 'aborted', 'killed']);
/**
 * Columns that number or date rows rather than measure anything. Ids of the workload items
 * (prompt_id, request_id) are as free as the prompt text itself: samples of one series, not labels.
 */
const IGNORED_COLUMN = /^((prompt|request|req|sample|query|question|item)_?(id|idx|index|no|num|number)|run|epoch|build_?number|version|pid|run_?id|runs|iteration|iter|trial|rep|repeat|repetition|idx|index|id|row|step|timestamp|time_?stamp|date|datetime|created_?at|started_?at|ended_?at|start_?time|end_?time|ts|unit|units|time_?unit)$/;
/** Ignored columns that name the run a row belongs to (a subset of IGNORED_COLUMN). */
const RUN_COLUMN = /^(run|run_?id|trial|rep|repeat|repetition)$/;
const ITERATION_COLUMN = /^(iteration|iter)$/;
/** Runs a label group tracks before it stops (a column numbering every row is no run). */
const MAX_RUNS = 1000;
/** Free text: never a label, never a metric. */
const TEXT_COLUMN = /^(prompt|prompts|text|query|question|input|output|response|completion|answer|message|description|comment|comments|notes?|log|stdout|stderr|command|cmd|path|file|filename|url)$/;
/** Categorical columns, numeric or not: they split series instead of being measured. */
const LABEL_COLUMN = /^(model|model_?name|model_?id|tag|tags|config|configuration|backend|variant|device|device_?name|hardware|accelerator|instance_?type|machine|gpu|gpu_?name|gpu_?type|cpu|quant|quantization|dtype|precision|dataset|engine|framework|mode|name|benchmark|bench|test|test_?name|case|scenario|task|host|hostname|runner|os|arch|platform|compiler|version|branch|label|group|kind|type|category|suite|provider|method|impl|implementation|batch|batch_?size|bs|concurrency|num_?gpu|num_?ctx|n_?ctx|ctx|context|depth|n_?depth|(ctx|context|kv)_?depth|n_?prompt|n_?gen|n_?batch|n_?ubatch|threads|n_?threads|seq_?len|sequence_?length|((random|sharegpt|fixed)_)?input_?len|((random|sharegpt|fixed)_)?output_?len|(random_)?range_?ratio|isl|osl|max_?concurrency|burstiness|best_?of|prompt_?len|max_?tokens|num_?predict|request_?rate|temperature|temp|top_?p|top_?k|repeat_?penalty|seed|n_?gpu_?layers|ngl|gpu_?layers|world_?size|tp|pp|dp|cp|ep|vp|tensor_?parallel(_?size)?|pipeline_?parallel(_?size)?|data_?parallel(_?size)?|context_?parallel(_?size)?|expert_?parallel(_?size)?|mbs|gbs|micro_?batch(_?size)?|global_?batch(_?size)?|(#_?|num_?|n_?)?(gpus|nodes)|gpu_?count|node_?count|num_?prompts|num_?requests|num_?workers|workers|size|shape|params?)$/;

const MISSING = new Set(['', 'nan', 'null', 'none', 'n/a', 'na', '-', '—']);
/** A plain decimal number, exponent allowed: one that reads as ±Infinity (1e400) overflowed, it is no text. */
const DECIMAL_SYNTAX = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A cell written as a number too large for a double (`1e400`): a measured value, out of range. */
function overflows(cell: Cell): boolean {
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  return DECIMAL_SYNTAX.test(text) && !Number.isFinite(Number(text));
}
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

/**
 * Plain decimal numbers only (`12`, `-0.5`, `.25`, `1.5e3`, spaces around): the
 * character check keeps out what Number() would also accept (`0x1f`, `Infinity`,
 * blanks as 0) before Number() does the conversion, with no regex on the hot path.
 */
export function parseNumber(cell: Cell, decimalComma = false): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  // Typographic minus (U+2212, as reports and spreadsheets write it): the number it signs, not text.
  if (cell.charCodeAt(0) === 0x2212) return parseNumber(`-${cell.slice(1)}`, decimalComma);
  // Most cells are plain numbers: starting with a digit, sign or point and ending with a digit or point,
  // and without a 0x/0b/0o prefix, only what the loop below accepts converts to a finite number.
  const length = cell.length;
  if (length > 0) {
    const first = cell.charCodeAt(0);
    const last = cell.charCodeAt(length - 1);
    if (((first >= 48 && first <= 57) || first === 45 || first === 46 || first === 43) && ((last >= 48 && last <= 57) || last === 46)) {
      const second = length > 1 ? cell.charCodeAt(1) | 0x20 : 0;
      if (!(first === 48 && (second === 120 || second === 98 || second === 111))) {
        const value = decimal(cell);
        if (value === value && value !== Infinity && value !== -Infinity) return value;
      }
    }
  }
  let digits = false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) digits = true;
    else if (c !== 46 && c !== 43 && c !== 45 && c !== 101 && c !== 69 && c !== 32 && c !== 9) {
      return decimalComma && DECIMAL_COMMA.test(cell.trim()) ? Number(cell.trim().replace(',', '.')) : undefined;
    }
  }
  if (!digits) return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Number(text) for `[+-]digits[.digits]`, computed as an integer divided by a
 * power of ten while both are exact doubles (integer below 2^53, power at
 * most 10^22): one correctly rounded division, so the very double Number()
 * returns, at a third of its cost. Anything else (an exponent, more digits)
 * goes to Number().
 */
function decimal(text: string): number {
  const value = decimalAt(text, 0, text.length);
  return value === value ? value : Number(text);
}

/**
 * The value of `text[start, end)` when it is a plain decimal read exactly as
 * above (`[+-]digits[.digits]`, under 2^53, at most 22 decimals); NaN for
 * anything else, which the caller reads the general way.
 */
function decimalAt(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  const sign = text.charCodeAt(i);
  if (sign === 45) {
    negative = true;
    i += 1;
  } else if (sign === 43) i += 1;
  let mantissa = 0;
  let fraction = -1;
  let digits = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (mantissa >= 900719925474099) return Number.NaN;
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (fraction >= 0) fraction += 1;
    } else if (c === 46 && fraction < 0) fraction = 0;
    else return Number.NaN;
  }
  if (digits === 0 || fraction > 22) return Number.NaN;
  const value = fraction > 0 ? mantissa / (POW10[fraction] as number) : mantissa;
  return negative ? -value : value;
}

function isMissing(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  if (cell.length === 0) return true;
  // Every missing-value token is short and starts with `n`, `N`, `-`, `—` or a blank: other cells (most) skip the trim and lookup.
  const first = cell.charCodeAt(0);
  if (cell.length > 8 || (first > 32 && first < 127 && first !== 110 && first !== 78 && first !== 45)) return false;
  return MISSING.has(cell.trim().toLowerCase());
}

function isErrorValue(cell: Cell): boolean {
  if (cell === '' || cell === null || cell === undefined || cell === false) return false;
  if (typeof cell === 'number') return cell !== 0;
  if (cell === true) return true;
  return !NO_ERROR.has(String(cell).trim().toLowerCase());
}

interface Group {
  labels: Record<string, string>;
  /** Set when a label is not valid text: the group's rows are reported and left out. */
  invalid?: string;
  /** Sampled series by column index, created on first value. */
  sampled: (RawSeries | undefined)[];
  /** Summary series by summary-group index. */
  summaries: (RawSeries | undefined)[];
  /**
   * With a run column: each run value's index, in order of first row; null once a row names no
   * run or there are more than MAX_RUNS (the rows are then counted as they are).
   */
  runs?: Map<string, number> | null;
  /** The run of the group's last row (an iteration column must keep each run's rows together). */
  lastRun?: number;
  /** With `runs`: the sampled series' values summed per run, by column index. */
  tallies?: (RunTally | undefined)[];
  /** With `runs`: the summary series' stated means per run (weighted by their n), by summary-group index. */
  summaryTallies?: (RunTally | undefined)[];
}

/** One series' values per run (by the group's run index): sums and counts (a summary counts its n). */
interface RunTally {
  sums: number[];
  counts: number[];
  /** A summary row that did not pool (no n or sd): the series' statistics are not those of all its runs. */
  broken?: boolean;
}

interface IndexedSummaryGroup {
  metric: string;
  columns: [StatKey, number][];
}

/**
 * Turns rows into series: numeric columns are metrics, categorical columns are
 * labels that split them, rows with an error are counted and left out. Roles
 * are decided from the first rows, so a file of any length streams through.
 * Rows are held as arrays by column index: this is the hot loop of a 500 MB CSV.
 */
export class TableBuilder {
  private readonly columns: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly profiles: ColumnProfile[] = [];
  /** Role by column index once decided; columns first seen later get theirs on their first value. */
  private roles: (Role | undefined)[] | undefined;
  /** Columns with a role; fewer than `columns` means some appeared after profiling and still wait for a value. */
  private decided = 0;
  private labelIdx: number[] = [];
  private metricIdx: number[] = [];
  private errorIdx: number[] = [];
  private readonly summaryGroups: IndexedSummaryGroup[] = [];
  /** The column naming each row's run (`run_id`), or -1: see TableRuns. */
  private runIdx = -1;
  /**
   * An `iteration` column may number the requests inside each run instead of the runs: it is
   * taken for the run only while each value's rows stay together, as a run's rows do.
   */
  private runsTogether = false;
  private sharedN: number | undefined;
  /** Rows profiled before the roles are decided, with their cells' plain numbers (NaN for other cells) read while profiling. */
  private buffered: { cells: readonly Cell[]; line: number; numbers: readonly number[] }[] = [];
  private readonly groups = new Map<string, Group>();
  /** The labels of the first group with a value in every label column (see groupOf); never changed, and let go when a label column is added (remember). */
  private fullLabels: Record<string, string> | undefined;
  /** The group of the last row, and its key (see groupOf). */
  private lastGroupKey: string | undefined;
  private lastGroup: Group | undefined;
  private readonly series: RawSeries[] = [];
  private rows = 0;
  private excluded = 0;
  /** Unit of each column whose cells state one ("12.5 ms"); later cells are converted to it. */
  private readonly units: ({ info: UnitInfo; noted: boolean } | undefined)[] = [];
  /** Impossible-value check of each metric column, for the unit its values are in. */
  private readonly checks: (ValueCheck | undefined)[] = [];
  /** addLine's field boundaries (start, end per column), reused row after row; made on the first line (most tables are too short for any). */
  private bounds: Int32Array | undefined;
  /** addLine's label cells by column index, reused row after row. */
  private readonly lineCells: Cell[] = [];

  private readonly problems: ProblemLog;
  private readonly decimalComma: boolean;
  private readonly metricPrefix: string | undefined;
  private readonly fixedLabels: Record<string, string> | undefined;
  private readonly rowNameColumns: readonly string[] | undefined;

  constructor(options: TableOptions) {
    // Copied into fields: CSV, Markdown and JSON pass options of three shapes, and code that runs per row
    // reading them from one object of one shape stays optimised for all three.
    this.problems = options.problems;
    this.decimalComma = options.decimalComma ?? false;
    this.metricPrefix = options.metricPrefix;
    this.fixedLabels = options.fixedLabels;
    this.rowNameColumns = options.rowNameColumns;
  }

  /** Fixes the columns of positional rows (a CSV header); `addCells` rows follow this order. `line`: where a cap is reported. */
  setColumns(names: readonly string[], line?: number): void {
    for (const name of names) this.columnIndex(name, line);
  }

  /** A row of cells in the order given to `setColumns`. */
  addCells(cells: readonly Cell[], line: number): void {
    this.rows += 1;
    if (this.rows > LIMITS.rows) throw new LimitError(limitMessages.rows(), line);
    if (this.roles) {
      this.consume(cells, line);
      return;
    }
    this.buffered.push({ cells, line, numbers: this.profile(cells) });
    if (this.buffered.length >= PROFILE_ROWS) this.decideRolesAndReplay();
  }

  /** A row keyed by column name (JSON records); keys may vary from row to row. */
  addRow(row: Row, line: number): void {
    const cells: Cell[] = new Array<Cell>(this.columns.length);
    for (const key in row) cells[this.columnIndex(key, line)] = row[key];
    this.addCells(cells, line);
  }

  finish(): TableResult {
    if (!this.roles) this.decideRolesAndReplay(true);
    const labelColumns = this.labelIdx.map((i) => this.columns[i] as string);
    if (this.runIdx >= 0) for (const group of this.groups.values()) this.setRuns(group);
    // A unit stated in the cells ("12.5 ms") is the series' unit, as a header's "(ms)" would be.
    if (this.units.length > 0) this.setUnitHints();
    return { series: this.series, rows: this.rows, excludedRows: this.excluded, labelColumns };
  }

  private setUnitHints(): void {
    for (const group of this.groups.values()) {
      group.sampled.forEach((series, i) => {
        const unit = this.units[i];
        if (series && unit) series.unitHint = unit.info.unit;
      });
      group.summaries.forEach((series, g) => {
        const centre = centreColumn(this.summaryGroups[g]);
        const unit = centre === undefined ? undefined : this.units[centre];
        if (series && unit) series.unitHint = unit.info.unit;
      });
    }
  }

  private columnIndex(name: string, line?: number): number {
    let i = this.index.get(name);
    if (i === undefined) {
      if (this.columns.length >= LIMITS.columns) throw new LimitError(limitMessages.columns(), line);
      i = this.columns.length;
      this.columns.push(name);
      this.index.set(name, i);
    }
    return i;
  }

  /** Counts a row into the profiles; returns each cell's plain number (NaN for other cells), which the replay reuses. */
  private profile(cells: readonly Cell[]): number[] {
    const numbers = new Array<number>(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const p = (this.profiles[i] ??= emptyProfile(this.columns[i] as string));
      const cell = cells[i];
      numbers[i] = isMissing(cell) ? Number.NaN : profileCell(p, cell as Cell, this.decimalComma);
    }
    return numbers;
  }

  /** Roles from the profiled rows, then those rows read with them. */
  private decideRolesAndReplay(whole = false): void {
    this.decideRoles(whole);
    // Apart from decideRoles, which runs once per table: compiled with this loop inlined, it would be
    // compiled again with every change in what the rows hold.
    for (const { cells, line, numbers } of this.buffered) this.consume(cells, line, numbers);
    this.buffered = [];
  }

  /** `whole`: every row was profiled, so a column with one value has that value everywhere. */
  private decideRoles(whole: boolean): void {
    // Loops that push, no callbacks: this runs once per table, and most tables are a few rows.
    const roles: (Role | undefined)[] = [];
    for (let i = 0; i < this.columns.length; i++) roles.push(this.profiledRole(i, whole));
    const numeric: string[] = [];
    let statisticNamed = false;
    for (let i = 0; i < roles.length; i++) {
      if (roles[i] !== 'metric') continue;
      const column = this.columns[i] as string;
      numeric.push(column);
      if (!statisticNamed && mayBeStatKey(column)) statisticNamed = true;
    }
    // Most tables have no column named like a statistic, and so no summaries to work out.
    const { groups, sharedN } = statisticNamed ? summaryPlan(numeric, this.countColumns(roles)) : NO_SUMMARIES;
    if (groups.length > 0) {
      // Pushed, not made by map (an array of another kind once optimised): the per-row code reads this array in every table.
      for (const g of groups) {
        this.summaryGroups.push({ metric: g.metric, columns: g.columns.map(([stat, column]) => [stat, this.index.get(column) as number]) });
      }
      for (const g of this.summaryGroups) for (const [, i] of g.columns) roles[i] = 'summary';
      if (sharedN !== undefined) {
        this.sharedN = this.index.get(sharedN);
        if (this.sharedN !== undefined) roles[this.sharedN] = 'summary';
      }
    }
    this.roles = roles;
    this.decided = roles.length;
    roles.forEach((role, i) => this.remember(i, role));
    // Whether a run column's values change is read only on a whole table: a long one's first rows may all be of its first run.
    this.runIdx = runColumn(this.columns, roles, whole ? this.buffered : []);
    // A whole table whose every run has one row (of single values) gives no series several values in a run: nothing to tally.
    // A summary row stands for its n requests, so it is several values of its run even alone.
    if (whole && this.runIdx >= 0 && this.summaryGroups.length === 0 && !this.someRunRepeats()) this.runIdx = -1;
    this.runsTogether = this.runIdx >= 0 && nameClass(this.columns[this.runIdx] as string).run === 1;
  }

  /** The role of column `i` from its name and profile (see roleOf), with what only a table knows. */
  private profiledRole(i: number, whole: boolean): Role {
    const column = this.columns[i] as string;
    const p = this.profiles[i] ?? emptyProfile(column);
    const namesRows = this.rowNameColumns?.includes(column) ?? false;
    let role = roleOf(p, this.buffered, i, this.decimalComma, namesRows);
    if (column.includes(REPLACEMENT)) {
      this.problems.add(undefined, `column ${i + 1}'s name holds bytes that are not valid UTF-8 text; column ignored (save the file as UTF-8)`);
      role = 'ignore';
    }
    // Text that is the same on every row (a build hash, a CPU name) splits nothing: it is context,
    // and as a label it would change series ids whenever it changes. Named labels (model, backend) stay.
    if (whole && role === 'label' && !namesRows && !p.names.label && p.numeric === 0 && p.distinct.size === 1 && this.buffered.length > 1) role = 'ignore';
    if (role === 'ignore' && p.text > 0 && p.numeric === 0 && p.digitText === p.text) {
      this.problems.add(undefined, `column "${column}" holds numbers written as text (such as "${[...p.distinct][0] ?? ''}"); not read as a metric`);
    }
    return role;
  }

  /** Count columns such as `runs`: not metrics of their own, they still give the summaries their n. */
  private countColumns(roles: readonly (Role | undefined)[]): string[] {
    const counts: string[] = [];
    for (let i = 0; i < roles.length; i++) if (roles[i] === 'ignore' && (this.profiles[i]?.numeric ?? 0) > 0) counts.push(this.columns[i] as string);
    return counts;
  }

  /**
   * Whether some run (of a whole table) may have several values in one series: its name on two rows
   * of one label group, or a row holding a list of values. Rows of other groups feed other series:
   * `run` 1…5 beside each of four models names twenty runs of one row each, and tallying them
   * would only find that out at the end.
   */
  private someRunRepeats(): boolean {
    // Every buffered row was profiled: a list anywhere is in some column's count.
    if (this.profiles.some((p) => p.lists > 0)) return true;
    // A value repeated as given (repeatsAValue) is asked only of the few tables where one group names a run twice.
    return someGroupRepeatsARun(this.buffered, this.runIdx, this.labelIdx) && repeatsAValue(this.buffered, this.runIdx);
  }

  private remember(i: number, role: Role | undefined): void {
    if (role === 'label') {
      this.labelIdx.push(i);
      // Groups made from now on have this label too.
      this.fullLabels = undefined;
    } else if (role === 'metric') this.metricIdx.push(i);
    else if (role === 'error') this.errorIdx.push(i);
  }

  /** A column first seen after profiling (JSONL records vary) is judged by name and its first real value. */
  private decideLate(cells: readonly Cell[], line: number): void {
    const roles = this.roles as (Role | undefined)[];
    for (let i = 0; i < cells.length; i++) {
      if (roles[i] !== undefined || isMissing(cells[i])) continue;
      const column = this.columns[i] as string;
      const p = emptyProfile(column);
      profileCell(p, cells[i] as Cell, this.decimalComma);
      const role = column.includes(REPLACEMENT) ? 'ignore' : roleOf(p, [{ cells }], i, this.decimalComma);
      if (column.includes(REPLACEMENT)) this.problems.add(line, `column ${i + 1}'s name holds bytes that are not valid UTF-8 text; column ignored (save the file as UTF-8)`);
      roles[i] = role;
      this.decided += 1;
      this.remember(i, role);
      this.labelIdx.sort((a, b) => a - b);
      this.metricIdx.sort((a, b) => a - b);
    }
  }

  /** `numbers`: the cells' plain numbers when already read (NaN for other cells). */
  private consume(cells: readonly Cell[], line: number, numbers?: readonly number[]): void {
    if (this.decided < this.columns.length) this.decideLate(cells, line);
    for (const i of this.errorIdx) {
      if (isErrorValue(cells[i])) {
        this.excluded += 1;
        return;
      }
    }
    const group = this.groupOf(cells, line);
    if (group.invalid !== undefined) {
      this.problems.add(line, group.invalid);
      return;
    }
    const run = this.runIdx < 0 ? -1 : this.runOf(group, cells[this.runIdx]);
    for (const i of this.metricIdx) {
      const cell = cells[i];
      if (cell === undefined || cell === null) continue;
      if (Array.isArray(cell)) {
        if (!cell.every((v) => Number.isFinite(v))) {
          this.problems.add(line, `column "${this.columns[i]}" holds a value that is not a number; cell skipped`);
          continue;
        }
        const check = this.checkFor(i);
        const bad = cell.map(check).find((why) => why !== undefined);
        if (bad !== undefined) {
          this.problems.add(line, `column "${this.columns[i]}": ${bad}; values left out`);
          continue;
        }
        const series = this.sampledSeries(group, i, line);
        if (series) for (const v of cell) series.samples?.add(v);
        if (run >= 0) for (const v of cell) tally(group, i, run, v);
        continue;
      }
      const known = numbers === undefined ? Number.NaN : (numbers[i] as number);
      const value = known === known ? this.checked(i, known, line) : this.cellValue(i, cell as Cell, line);
      if (value === undefined) continue;
      this.sampledSeries(group, i, line)?.samples?.add(value);
      if (run >= 0) tally(group, i, run, value);
    }
    for (let g = 0; g < this.summaryGroups.length; g++) this.addSummary(g, cells, group, line, run);
  }

  /** The group of a row's label cells (created on first sight). */
  private groupOf(cells: readonly Cell[], line: number): Group {
    const key = groupKey(cells, this.labelIdx);
    // Rows of one label combination mostly follow each other: the last row's group is tried before the map.
    if (key === this.lastGroupKey) return this.lastGroup as Group;
    let group = this.groups.get(key);
    if (!group) {
      if (this.groups.size >= LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile('label combinations'), line);
      const complete = !this.labelIdx.some((i) => isMissing(cells[i]));
      // A group with every label is given a copy of the first such group's labels, its values then
      // replaced: the same keys in the same order, without adding them one by one (a shape change
      // per key, in code that sees the labels of every table).
      const labels: Record<string, string> = complete && this.fullLabels ? { ...this.fullLabels } : { ...this.fixedLabels };
      let invalid: string | undefined;
      for (const i of this.labelIdx) {
        if (isMissing(cells[i])) continue;
        const value = String(cells[i]).trim();
        setOwn(labels, this.columns[i] as string, value);
        if (invalid === undefined && value.includes(REPLACEMENT)) {
          invalid = `column "${this.columns[i]}" holds bytes that are not valid UTF-8 text; row skipped (save the file as UTF-8)`;
        }
      }
      if (complete) this.fullLabels ??= labels;
      // Every field from the start: groups of one shape keep the per-row code that reads them optimised.
      // Sampled series by column, sized once (filled as values come: grown one column at a time, the array would be made three times).
      const sampled = new Array<RawSeries | undefined>(this.columns.length);
      group = { labels, invalid, sampled, summaries: [], runs: undefined, lastRun: undefined, tallies: undefined, summaryTallies: undefined };
      this.groups.set(key, group);
    }
    this.lastGroupKey = key;
    this.lastGroup = group;
    return group;
  }

  /**
   * True when rows can be handed over as text (`addLine`): the roles are
   * decided and every column has one, and no summary columns need the cells.
   */
  get takesLines(): boolean {
    return this.roles !== undefined && this.decided === this.columns.length && this.summaryGroups.length === 0;
  }

  /**
   * A row given as `text[start, end)`, fields separated by `delimiter`, no
   * quotes (a CSV line): the same as `addCells` with the split fields, but
   * only the fields the roles read become strings, and plain decimal numbers
   * are read straight from the text. Returns the number of fields; a row
   * whose count differs from the columns' is not added (the caller reports it).
   * Only while `takesLines` holds.
   */
  addLine(text: string, start: number, end: number, delimiter: string, line: number): number {
    const width = this.columns.length;
    let bounds = this.bounds;
    if (bounds === undefined || bounds.length < 2 * width) bounds = this.bounds = new Int32Array(2 * width);
    let fields = 0;
    for (let p = start; ; ) {
      let d = text.indexOf(delimiter, p);
      if (d < 0 || d > end) d = end;
      if (fields < width) {
        bounds[2 * fields] = p;
        bounds[2 * fields + 1] = d;
      }
      fields += 1;
      if (d === end) break;
      p = d + 1;
    }
    if (fields !== width) return fields;
    this.rows += 1;
    if (this.rows > LIMITS.rows) throw new LimitError(limitMessages.rows(), line);
    for (const i of this.errorIdx) {
      const a = bounds[2 * i] as number;
      const b = bounds[2 * i + 1] as number;
      if (a < b && isErrorValue(text.slice(a, b))) {
        this.excluded += 1;
        return fields;
      }
    }
    const cells = this.lineCells;
    for (const i of this.labelIdx) cells[i] = text.slice(bounds[2 * i] as number, bounds[2 * i + 1] as number);
    const group = this.groupOf(cells, line);
    if (group.invalid !== undefined) {
      this.problems.add(line, group.invalid);
      return fields;
    }
    const r = this.runIdx;
    const run = r < 0 ? -1 : this.runOf(group, text.slice(bounds[2 * r] as number, bounds[2 * r + 1] as number));
    for (const i of this.metricIdx) {
      const a = bounds[2 * i] as number;
      const b = bounds[2 * i + 1] as number;
      if (a === b) continue;
      let value = decimalAt(text, a, b);
      if (value === value) {
        if (this.checkFor(i)(value) !== undefined) value = this.cellValue(i, text.slice(a, b), line) ?? Number.NaN;
      } else value = this.cellValue(i, text.slice(a, b), line) ?? Number.NaN;
      if (value === value) {
        this.sampledSeries(group, i, line)?.samples?.add(value);
        if (run >= 0) tally(group, i, run, value);
      }
    }
    return fields;
  }

  /**
   * A metric cell as a number in its column's unit, or undefined (missing, or
   * reported: unreadable, in a unit that does not convert, impossible).
   */
  private cellValue(i: number, cell: Cell, line: number, check = true): number | undefined {
    let value = parseNumber(cell, this.decimalComma);
    if (value === undefined) {
      if (isMissing(cell)) {
        // `nan` is a measurement the tool could not make (a failed run), not a blank: said, so the row does not vanish unseen.
        if (typeof cell === 'string' && cell.trim().toLowerCase() === 'nan') this.problems.add(line, `column "${this.columns[i]}" states NaN (no measurement); cell skipped`);
        return undefined;
      }
      if (overflows(cell)) {
        this.problems.add(line, `column "${this.columns[i]}": ${(cell as string).trim().slice(0, 40)} is not a finite number; cell skipped`);
        return undefined;
      }
      const quantity = typeof cell === 'string' ? parseQuantity(cell, this.decimalComma) : undefined;
      if (!quantity) {
        const text = typeof cell === 'string' && cell.includes(REPLACEMENT) ? 'holds bytes that are not valid UTF-8 text' : 'holds a value that is not a number';
        this.problems.add(line, `column "${this.columns[i]}" ${text}; cell skipped`);
        return undefined;
      }
      value = this.inColumnUnit(i, quantity, cell as string, line);
      if (value === undefined) return undefined;
    }
    return check ? this.checked(i, value, line) : value;
  }

  /** A number of column `i` when it is a possible value of its metric; else reported, and undefined. */
  private checked(i: number, value: number, line: number): number | undefined {
    const why = this.checkFor(i)(value);
    if (why === undefined) return value;
    this.problems.add(line, `column "${this.columns[i]}": ${why}; value left out`);
    return undefined;
  }

  /** The first unit a column states (or its header's "(ms)") is the column's; other units of the same kind are converted. */
  private inColumnUnit(i: number, quantity: Quantity, cell: string, line: number): number | undefined {
    if (!quantity.unit) return quantity.value;
    const column = this.columns[i] as string;
    let unit = this.units[i];
    if (!unit) {
      const stated = unitInfo(bracketUnit(column) ?? '');
      unit = { info: stated && stated.dimension === quantity.unit.dimension ? stated : quantity.unit, noted: false };
      this.units[i] = unit;
      this.checks[i] = undefined;
    }
    if (quantity.unit.unit === unit.info.unit) return quantity.value;
    if (quantity.unit.dimension === unit.info.dimension) {
      if (!unit.noted) {
        this.problems.add(line, `column "${column}" mixes ${unit.info.unit} and ${quantity.unit.unit}; values converted to ${unit.info.unit}`);
        unit.noted = true;
      }
      return convert(quantity.value, quantity.unit, unit.info);
    }
    this.problems.add(line, `column "${column}": "${cell.trim().slice(0, 40)}" is not in ${unit.info.unit} like the rest of the column and cannot be converted; cell skipped`);
    return undefined;
  }

  private checkFor(i: number): ValueCheck {
    let check = this.checks[i];
    if (!check) {
      const column = this.columns[i] as string;
      const metric = this.metricPrefix ? `${this.metricPrefix}.${column}` : column;
      const unit = this.units[i];
      check = unit ? valueCheck(metric, unit.info.unit) : metricCheck(metric);
      this.checks[i] = check;
    }
    return check;
  }

  /** The run a row of `group` belongs to (its index in the group), or -1 once the group no longer tracks runs. */
  private runOf(group: Group, cell: Cell): number {
    let runs = group.runs;
    // A row that names no run counts in the statistics, in no run.
    if (runs === null) return -1;
    const key = runKey(cell);
    if (key === undefined) return -1;
    if (runs === undefined) group.runs = runs = new Map();
    let index = runs.get(key);
    if (index === undefined) {
      if (runs.size >= MAX_RUNS) {
        group.runs = null;
        return -1;
      }
      index = runs.size;
      runs.set(key, index);
    } else if (this.runsTogether && index !== group.lastRun) {
      // Iteration 1 again after 2, 3, …: the column numbers requests within runs, not the runs.
      group.runs = null;
      return -1;
    }
    group.lastRun = index;
    return index;
  }

  /** Each sampled series' run means, where two runs or more gave values and some run gave several. */
  private setRuns(group: Group): void {
    const runs = group.runs;
    if (!runs) return;
    // Listed once a series has a run of several values: in most short tables none has.
    let names: string[] | undefined;
    const set = (t: RunTally | undefined, series: RawSeries | undefined) => {
      // One run of several values is recorded too: its spread between runs is unknown, which a comparison must know.
      if (!t || !series || t.broken || !someRunHasSeveral(t)) return;
      names ??= [...runs.keys()];
      const means: number[] = [];
      const keys: string[] = [];
      for (let r = 0; r < t.counts.length; r++) {
        const count = t.counts[r];
        if (count === undefined) continue;
        means.push((t.sums[r] as number) / count);
        keys.push(names[r] as string);
      }
      series.runs = { column: this.columns[this.runIdx] as string, means, keys } satisfies TableRuns;
    };
    group.tallies?.forEach((t, i) => set(t, group.sampled[i]));
    group.summaryTallies?.forEach((t, g) => set(t, group.summaries[g]));
  }

  private sampledSeries(group: Group, column: number, line: number): RawSeries | undefined {
    const existing = group.sampled[column];
    if (existing) return existing;
    const created = this.newSeries(this.columns[column] as string, group, line, true);
    group.sampled[column] = created;
    return created;
  }

  private addSummary(index: number, cells: readonly Cell[], group: Group, line: number, run: number): void {
    const def = this.summaryGroups[index] as IndexedSummaryGroup;
    const value = (column: number | undefined) => {
      if (column === undefined) return undefined;
      const cell = cells[column];
      const plain = parseNumber(cell, this.decimalComma);
      if (plain !== undefined || typeof cell !== 'string') return plain;
      const quantity = parseQuantity(cell, this.decimalComma);
      return quantity ? this.inColumnUnit(column, quantity, cell, line) : undefined;
    };
    const columns = new Map(def.columns);
    const get = (stat: StatKey) => value(columns.get(stat)) ?? (stat === 'n' ? value(this.sharedN) : undefined);
    const stats = new Set<StatKey>([...columns.keys(), 'n']);
    const summary = summaryFromStats(get, stats);
    if (summary.mean === undefined && summary.median === undefined) return;
    // The stated centre and range are checked as samples would be: in the unit of the mean (or median) column.
    const centre = centreColumn(def);
    const metric = this.metricPrefix ? (def.metric ? `${this.metricPrefix}.${def.metric}` : this.metricPrefix) : def.metric || 'value';
    const check = valueCheck(metric, (centre === undefined ? undefined : this.units[centre]?.info.unit) ?? inferUnit(metric));
    const why = summaryCheck(summary, check);
    if (why !== undefined) {
      this.problems.add(line, `summary of "${metric}": ${why}; row's summary left out`);
      return;
    }
    let series = group.summaries[index];
    if (!series) {
      series = this.newSeries(def.metric, group, line, false);
      if (!series) return;
      group.summaries[index] = series;
    }
    if (run >= 0) tallySummary(group, index, run, summary);
    if (!series.summary) {
      series.summary = summary;
      return;
    }
    const pooled = poolSummaries(series.summary, summary);
    if (pooled) series.summary = pooled;
    else {
      this.problems.add(line, `a second summary of "${series.metric}" for the same labels without n and sd to pool it; the first is kept`);
      const t = group.summaryTallies?.[index];
      if (t) t.broken = true;
    }
  }

  private newSeries(column: string, group: Group, line: number, sampled: boolean): RawSeries | undefined {
    if (this.series.length >= LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile(), line);
    const prefix = this.metricPrefix;
    const metric = column === '' ? (prefix ?? 'value') : prefix ? `${prefix}.${column}` : column;
    // The group's series share its labels object, complete before any of them is made and never changed.
    const series: RawSeries = sampled ? { metric, labels: group.labels, samples: new SampleAccumulator(), line } : { metric, labels: group.labels, line };
    this.series.push(series);
    return series;
  }
}

/** A table's summary groups by column name (each group's columns in their stat order), and the column of their shared n. */
interface SummaryPlan {
  groups: readonly { metric: string; columns: readonly (readonly [StatKey, string])[] }[];
  sharedN: string | undefined;
}

const NO_SUMMARIES: SummaryPlan = { groups: [], sharedN: undefined };

/**
 * Which metric columns summarise one metric, and which count gives them their n: a question of the
 * column names alone, asked once per header (a tool's files share theirs) rather than once per file.
 */
function summaryPlan(numeric: readonly string[], counts: readonly string[]): SummaryPlan {
  return summaryPlanOf(JSON.stringify([numeric, counts]));
}

const summaryPlanOf = memo(10_000, (key: string): SummaryPlan => {
  const [numeric, counts] = JSON.parse(key) as [string[], string[]];
  // mean_x / std_x / p95_x beside each other describe one metric, not four.
  const { groups } = findSummaryGroups(numeric);
  // Records such as `{ model, mean, stddev, n }` summarise one unnamed metric: the table's own.
  const bare = numeric.filter((c) => statKeysOf([c]).size === 1);
  if (bare.length > 0 && isStatsObject(bare) && groups.every((g) => Object.values(g.columns).every((c) => !bare.includes(c as string)))) {
    groups.push({ metric: '', columns: Object.fromEntries(statKeysOf(bare)) });
  }
  const { sharedN } = findSummaryGroups([...numeric, ...counts]);
  return { groups: groups.map((g: SummaryGroup) => ({ metric: g.metric, columns: Object.entries(g.columns) as [StatKey, string][] })), sharedN };
});


/**
 * The column of a summary group's mean (or median): the unit its cells state
 * is the summary's, for the series and for the check of its values alike.
 */
function centreColumn(def: IndexedSummaryGroup | undefined): number | undefined {
  return def?.columns.find(([stat]) => stat === 'mean' || stat === 'median')?.[1];
}

/** `text.trim()`, without a new string when there is nothing to trim (nearly always). */
function trimmed(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/** The key of the group of a row's label cells (columns `labelIdx`): rows with the same key share their series. */
function groupKey(cells: readonly Cell[], labelIdx: readonly number[]): string {
  if (labelIdx.length === 1) {
    // One label column (a model): its value is the key; no string is built per row.
    const cell = cells[labelIdx[0] as number];
    return isMissing(cell) ? '\u0002' : typeof cell === 'string' ? trimmed(cell) : String(cell).trim();
  }
  let key = '';
  for (const i of labelIdx) {
    const cell = cells[i];
    key += isMissing(cell) ? '\u0002' : String(cell).trim();
    key += '\u0001';
  }
  return key;
}

/** The column naming each row's run: a run's name before an iteration's (`run,iteration` numbers requests inside runs); -1 when none does. */
function runColumn(columns: readonly string[], roles: readonly (Role | undefined)[], rows: readonly { cells: readonly Cell[] }[]): number {
  let best = -1;
  let rank = 0;
  columns.forEach((column, i) => {
    // A column holding one value throughout (`run` = 1 beside `trial` = 1…5) names no runs: another one does.
    const named = roles[i] === 'ignore' ? nameClass(column).run : 0;
    if (named === 0) return;
    const run = named + (varies(rows, i) ? 0.5 : 0);
    if (run > rank) [best, rank] = [i, run];
  });
  return best;
}

/** Whether column `i` holds two different values among `rows`. */
function varies(rows: readonly { cells: readonly Cell[] }[], i: number): boolean {
  const first = rows[0]?.cells[i];
  return rows.some((r) => r.cells[i] !== first);
}

/**
 * Adds a summary row's mean, weighted by its n, to its run's in `group`: a
 * run's mean is that of all its requests. A row without mean or n gives its
 * run no mean (the series then has no runs).
 */
function tallySummary(group: Group, g: number, run: number, summary: ProvidedSummary): void {
  const t = tallyIn((group.summaryTallies ??= []), g);
  if (summary.mean === undefined || summary.n === undefined || !(summary.n > 0)) t.broken = true;
  else addToRun(t, run, summary.mean * summary.n, summary.n);
}

/** Whether some value of column `i` appears on two rows or more. */
function repeatsAValue(rows: readonly { cells: readonly Cell[] }[], i: number): boolean {
  const seen = new Set<Cell>();
  for (const { cells } of rows) {
    const cell = cells[i];
    const key = typeof cell === 'string' ? trimmed(cell) : cell;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/** A run cell as runOf reads it: its run's key, or undefined when it names none (the row is tallied in no run). */
function runKey(cell: Cell): string | undefined {
  return isMissing(cell) ? undefined : typeof cell === 'string' ? trimmed(cell) : String(cell).trim();
}

/**
 * Whether two rows of one label group (groupKey) name the same run, as runOf reads run cells.
 * Short tables (most) compare their rows pairwise; longer ones compare each row only with the
 * earlier rows of its run, found through a map of runs and a chain of rows.
 */
function someGroupRepeatsARun(rows: readonly { cells: readonly Cell[] }[], runIdx: number, labelIdx: readonly number[]): boolean {
  // By row, read once: its group's key, and its run's (undefined when it names none: it is tallied in no run).
  const keys = new Array<string>(rows.length);
  const runs = new Array<string | undefined>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const cells = (rows[r] as { cells: readonly Cell[] }).cells;
    keys[r] = groupKey(cells, labelIdx);
    runs[r] = runKey(cells[runIdx]);
  }
  return rows.length <= 64 ? repeatsAPair(keys, runs) : repeatsAPairByRun(keys, runs);
}

/** Whether two rows have the same key and the same run: every pair compared (short tables). */
function repeatsAPair(keys: readonly string[], runs: readonly (string | undefined)[]): boolean {
  for (let r = 1; r < runs.length; r++) {
    const run = runs[r];
    if (run === undefined) continue;
    for (let j = 0; j < r; j++) if (runs[j] === run && keys[j] === keys[r]) return true;
  }
  return false;
}

/** repeatsAPair for many rows: each row compared only with the earlier rows of its run. */
function repeatsAPairByRun(keys: readonly string[], runs: readonly (string | undefined)[]): boolean {
  const lastOfRun = new Map<string, number>();
  // The previous row naming the same run, or -1.
  const previous = new Array<number>(runs.length);
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    previous[r] = -1;
    if (run === undefined) continue;
    let j = lastOfRun.get(run) ?? -1;
    previous[r] = j;
    lastOfRun.set(run, r);
    for (; j >= 0; j = previous[j] as number) if (keys[j] === keys[r]) return true;
  }
  return false;
}

/** Adds a value of column `i` to its run's sum in `group`. */
function tally(group: Group, i: number, run: number, value: number): void {
  addToRun(tallyIn((group.tallies ??= []), i), run, value, 1);
}

/** The tally at `index`, made on first use. */
function tallyIn(tallies: (RunTally | undefined)[], index: number): RunTally {
  let t = tallies[index];
  if (!t) tallies[index] = t = { sums: [], counts: [] };
  return t;
}

function someRunHasSeveral(t: RunTally): boolean {
  for (let r = 0; r < t.counts.length; r++) if ((t.counts[r] ?? 0) > 1) return true;
  return false;
}

function addToRun(t: RunTally, run: number, sum: number, count: number): void {
  t.sums[run] = (t.sums[run] ?? 0) + sum;
  t.counts[run] = (t.counts[run] ?? 0) + count;
}

/** The profile of a column before its first cell. */
function emptyProfile(column: string): ColumnProfile {
  const names = nameClass(column);
  const byName = names.error || names.ignored;
  return { numeric: 0, text: 0, dates: 0, digitText: 0, distinct: NO_TEXT, maxLength: 0, prose: 0, itemIds: 0, lists: 0, lastText: undefined, lastKind: undefined, byName, names };
}

/** The distinct values of a profile without text: shared, never added to (countText gives a profile its own set). */
const NO_TEXT: Set<string> = new Set();

const ITEM_ID = /^(p|q|prompt|question|query|item|sample|req|request|input|example|ex|doc|task|case|conv|conversation)[_\- #]?\d{1,6}$/i;

/** Plain lowercase (or caseless) words, as prose has: `the`, `of`, `sky.` — not `hipBLASLt`, `vs`, `x`. */
const PROSE_WORD = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}'’-]*[.,;:!?]?$/u;
const CONNECTIVES = new Set(['vs', 'vs.', 'v', 'v.', 'x', 'and', 'or', 'with', 'w/', 'w/o', 'on', 'at', 'via']);

/**
 * Sentences, not names: 60 characters, or five words of which two are plain
 * lowercase words. `NVIDIA GeForce RTX 4090 Laptop GPU` has six words but is
 * a device, and `ROCm 7 + hipBLASLt vs Vulkan RADV` a pairing, conditions to
 * split by; prompts have `the`, `of`.
 */
function isProse(text: string): boolean {
  if (text.length >= 60) return true;
  const words = text.split(' ').filter((w) => w !== '');
  return words.length >= 5 && words.filter((w) => PROSE_WORD.test(w) && !CONNECTIVES.has(w)).length >= 2;
}

/** Counts one present cell into its column's profile; returns the cell's plain number, or NaN when it is none. */
function profileCell(p: ColumnProfile, cell: Cell, decimalComma: boolean | undefined): number {
  if (Array.isArray(cell)) {
    p.numeric += 1;
    p.lists += 1;
    return Number.NaN;
  }
  // Plain numbers first (most cells): counted (the label rules that ask for them list them again, see numericCellsOf).
  const plain = parseNumber(cell, decimalComma);
  if (plain !== undefined) {
    p.numeric += 1;
    return plain;
  }
  if (p.byName && typeof cell === 'string' && startsWithLetter(cell)) {
    // No number (no number, with a unit or not, starts with a letter), no digits: text of no kind decideRoles asks about.
    p.text += 1;
    return Number.NaN;
  }
  if (typeof cell === 'string' && cell === p.lastText) {
    // Already counted once: its trimmed text is in `distinct` (or the set is full) and in `maxLength`.
    countText(p, cell, p.lastKind as CellKind, true);
    return Number.NaN;
  }
  const kind = typeof cell === 'string' ? (decimalComma ? textKindDecimalComma : textKind)(cell) : cellKind(cell, String(cell).trim(), decimalComma);
  if (typeof cell === 'string') {
    p.lastText = cell;
    p.lastKind = kind;
  }
  countText(p, cell, kind, false);
  return Number.NaN;
}

/** Counts a cell that is no plain number into its column's profile, as the `kind` its text is. */
function countText(p: ColumnProfile, cell: Cell, kind: CellKind, seen: boolean): void {
  if (kind === 'numeric') {
    // A number with a unit ("12.5 ms", "1.2k"), or one that overflows (the column stays a metric and the cell
    // is reported when read). The label rules read such cells trimmed (numericCellsOf).
    p.numeric += 1;
    return;
  }
  p.text += 1;
  if (kind === 'dates') p.dates += 1;
  else if (kind === 'digitText') p.digitText += 1;
  else if (kind === 'prose') p.prose += 1;
  else if (kind === 'itemIds') p.itemIds += 1;
  if (seen) return;
  const text = typeof cell === 'string' ? trimmed(cell) : String(cell).trim();
  if (p.distinct === NO_TEXT) p.distinct = new Set();
  if (p.distinct.size <= MAX_NAMED_LABEL_VALUES) p.distinct.add(text);
  if (text.length > p.maxLength) p.maxLength = text.length;
}

/** Whether `text` starts with an ASCII letter. */
function startsWithLetter(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20;
  return c >= 97 && c <= 122;
}

/** A numeric cell as its column's profile reads it: trimmed text. */
function numericText(cell: string | number): string {
  return typeof cell === 'string' ? trimmed(cell) : String(cell);
}

/**
 * How many distinct values (text and numbers alike) a column's profiled cells hold. At most
 * PROFILE_ROWS cells are profiled per column, so no bound is reached and the count is exact.
 */
function distinctValues(p: ColumnProfile, numericCells: readonly (string | number)[]): number {
  if (numericCells.length === 0) return p.distinct.size;
  const all = new Set(p.distinct);
  for (let c = 0; c < numericCells.length; c++) all.add(numericText(numericCells[c] as string | number));
  return all.size;
}

/** The longest value, text or number, of a column's profiled cells. */
function longestValue(p: ColumnProfile, numericCells: readonly (string | number)[]): number {
  let longest = p.maxLength;
  for (let c = 0; c < numericCells.length; c++) longest = Math.max(longest, numericText(numericCells[c] as string | number).length);
  return longest;
}

type CellKind = 'numeric' | 'dates' | 'digitText' | 'prose' | 'itemIds' | 'other';

/**
 * The kind of a text cell that is no plain number, by its text alone: labels and error texts
 * (`gemma3:1b`, `timeout after 120 s`) repeat across files, so each is classified once per run.
 */
const textKind = memo(50_000, (cell: string) => textCellKind(cell, false));
const textKindDecimalComma = memo(50_000, (cell: string) => textCellKind(cell, true));

function textCellKind(cell: string, decimalComma: boolean): CellKind {
  // A number too large for a double (`1e400`) is still a number.
  return overflows(cell) ? 'numeric' : cellKind(cell, trimmed(cell), decimalComma);
}

function cellKind(cell: Cell, text: string, decimalComma: boolean | undefined): CellKind {
  // "12.5 ms", "1.2k": numbers with a unit or multiplier count as numbers.
  if (parseNumber(cell, decimalComma) !== undefined || (typeof cell === 'string' && parseQuantity(cell, decimalComma) !== undefined)) return 'numeric';
  if (DATE_VALUE.test(text)) return 'dates';
  if (DIGIT_TEXT.test(text)) return 'digitText';
  if (isProse(text)) return 'prose';
  if (ITEM_ID.test(text)) return 'itemIds';
  return 'other';
}

/** The row has an error column holding an error: it is excluded, as a table would exclude it. */
export function rowHasError(row: Row): boolean {
  return Object.entries(row).some(([column, cell]) => nameClass(column).error && isErrorValue(cell));
}

/** What a column's name alone says about its role; names repeat across files, so each is judged once. */
interface NameClass {
  error: boolean;
  ignored: boolean;
  label: boolean;
  /** Named like an outcome (`status`): an error column when its values are outcome words. */
  status: boolean;
  /** Names each row's run: 2 for a run (`run_id`, `trial`), 1 for an iteration, which may number requests inside a run. */
  run: 0 | 1 | 2;
}

const nameClass = memo(50_000, (column: string): NameClass => {
  const name = normaliseName(column);
  return { error: ERROR_COLUMN.test(name), ignored: IGNORED_COLUMN.test(name) || TEXT_COLUMN.test(name), label: LABEL_COLUMN.test(name), status: STATUS_COLUMN.test(name), run: RUN_COLUMN.test(name) ? 2 : ITERATION_COLUMN.test(name) ? 1 : 0 };
});

/** A field that names a condition of the measurement (model, batch_size, …) rather than a result. */
export function isLabelName(column: string): boolean {
  return nameClass(column).label;
}

/** A field that numbers, dates or describes rows in prose: neither label nor metric. */
export function isIgnoredName(column: string): boolean {
  return nameClass(column).ignored;
}

/**
 * The numeric cells of column `i` among the profiled `rows`, as profileCell counted them: plain
 * numbers as given, numbers with a unit (`12.5 ms`) or past a double's range trimmed. Listed
 * only for the label rules that ask (most columns are decided without them).
 */
function numericCellsOf(p: ColumnProfile, rows: readonly { cells: readonly Cell[] }[], i: number, decimalComma: boolean): readonly (string | number)[] {
  if (p.numeric === 0) return NO_NUMBERS;
  const cells: (string | number)[] = [];
  for (const row of rows) {
    const cell = row.cells[i];
    if (isMissing(cell) || Array.isArray(cell)) continue;
    if (parseNumber(cell, decimalComma) !== undefined) cells.push(cell as string | number);
    else if (typeof cell === 'string' && (decimalComma ? textKindDecimalComma : textKind)(cell) === 'numeric') cells.push(trimmed(cell));
  }
  return cells;
}

const NO_NUMBERS: readonly (string | number)[] = [];

/**
 * The role of a column from what its name says (p.names) and its profile; `rows` are the profiled
 * rows, `i` the column's index in them (the label rules list its numeric cells, see numericCellsOf).
 */
function roleOf(p: ColumnProfile, rows: readonly { cells: readonly Cell[] }[], i: number, decimalComma: boolean, namesRows = false): Role {
  const names = p.names;
  if (names.error) return 'error';
  if (names.ignored) return 'ignore';
  if (names.status && p.numeric === 0 && p.text > 0 && [...p.distinct].every((v) => OUTCOME_VALUES.has(v.toLowerCase()))) return 'error';
  const values = p.numeric + p.text;
  if (p.text > 0 && p.dates === p.text) return 'ignore';
  if (p.text > 0 && p.numeric === 0 && p.digitText === p.text && !names.label) return 'ignore';
  // The workload (prompt text, question ids) is what a benchmark runs, not a condition it runs under:
  // five prompts repeated for three quantization tags are five samples per tag, so such a column splits
  // nothing, whatever its name. Decided from the values: mostly prose, or every value an item id.
  if (!names.label && p.text >= 2 && p.numeric === 0 && (p.prose >= 0.6 * p.text || (p.itemIds === p.text && p.distinct.size >= 3))) return 'ignore';
  // A setting is written short (`concurrency` 16, `temperature` 0.7); a value with many digits after the point
  // (`concurrency` 11.780263008980727, SGLang's measured mean) was measured: a label of it would change every run.
  // Numeric cells are listed, and distinct values counted, only on the paths that ask: most columns are metrics, decided without them.
  let numericCells: readonly (string | number)[] | undefined;
  if (names.label) {
    numericCells = numericCellsOf(p, rows, i, decimalComma);
    if (p.text === 0 && p.numeric > 0 && numericCells.some(isMeasuredLooking)) return 'metric';
    if (longestValue(p, numericCells) <= MAX_NAMED_LABEL_LENGTH && distinctValues(p, numericCells) <= MAX_NAMED_LABEL_VALUES) return 'label';
  }
  if (namesRows && p.numeric === 0 && p.text > 0 && fewValues(p, NO_NUMBERS)) return 'label';
  // Mostly numbers: a metric whose stray text cells ("timeout", "OOM") are reported by line,
  // never a label that would split the series by every measured value.
  if (p.numeric > 0 && p.text < p.numeric) return 'metric';
  // Text that is unique on every row (ids, free text) would split each row into its own series.
  if (p.text > 0) {
    numericCells ??= numericCellsOf(p, rows, i, decimalComma);
    if (fewValues(p, numericCells) && !(distinctValues(p, numericCells) === values && values > 3)) return 'label';
  }
  return values === 0 ? 'metric' : 'ignore';
}

/** Short values, and few of them: what a label without a label's name holds. */
function fewValues(p: ColumnProfile, numericCells: readonly (string | number)[]): boolean {
  return longestValue(p, numericCells) <= MAX_LABEL_LENGTH && distinctValues(p, numericCells) <= MAX_LABEL_VALUES;
}

/** Six or more significant digits after the decimal point: a computed value, not a setting someone typed. */
function isMeasuredLooking(cell: string | number): boolean {
  const text = String(cell).trim();
  const point = text.indexOf('.');
  if (point < 0 || /e/i.test(text)) return false;
  return text.slice(point + 1).replace(/^0+/, '').replace(/\D.*$/, '').length >= 6;
}

/** Exact pooled mean and sd of two summaries; percentiles cannot be pooled and are dropped. */
export function poolSummaries(a: ProvidedSummary, b: ProvidedSummary): ProvidedSummary | undefined {
  if (a.n === undefined || b.n === undefined || a.mean === undefined || b.mean === undefined) return undefined;
  if (a.sd === undefined || b.sd === undefined) return undefined;
  const { n, mean, sd } = poolMoments([
    { n: a.n, mean: a.mean, sd: a.sd },
    { n: b.n, mean: b.mean, sd: b.sd },
  ]);
  const pooled: ProvidedSummary = { n, mean, sd: sd ?? 0 };
  if (a.min !== undefined && b.min !== undefined) pooled.min = Math.min(a.min, b.min);
  if (a.max !== undefined && b.max !== undefined) pooled.max = Math.max(a.max, b.max);
  return pooled;
}

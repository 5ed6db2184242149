import { SampleAccumulator } from '../metrics/accumulator.js';
import type { RawSeries } from '../model/series.js';
import { ProblemLog } from './problems.js';
import { uniqueNames } from './csv.js';
import { TableBuilder, isLabelName, type Cell } from './table.js';
import { bracketUnit, normaliseName } from '../metrics/infer.js';
import { isOwnReport } from '../model/marker.js';
import { plural } from '../util/text.js';
import { skipped, type ParseOutcome } from './types.js';
import { setOwn } from '../util/own.js';
import { memo } from '../util/memo.js';

interface MarkdownTable {
  heading: string | undefined;
  /** The header row's line, 1-based (its delimiter row is the next). */
  headerLine: number;
  header: string[];
  rows: { cells: string[]; line: number }[];
}

export const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;
const GENERIC_VALUE_HEADER = /^(value|values|result|results|score|measurement|number|amount|avg|average|mean|median)$/i;
/** A first column naming what was measured (`| Model | Score |`): its rows are subjects, not metrics. */
const SUBJECT_HEADER = /^(model|model_?name|model_?id|backend|engine|framework|config|configuration|variant|device|gpu|gpu_?name|cpu|provider|quant|quantization|dtype|precision|implementation|impl|host|hostname|runner|platform)$/;

/** Cells split on unescaped pipes; the optional outer pipes are dropped. */
export function splitRow(line: string): string[] {
  const body = line.trim();
  // The row is body[first, end): the outer pipes are left out by position, not by copies of the line.
  const first = body.charCodeAt(0) === PIPE ? 1 : 0;
  let end = body.length;
  if (end > first && body.charCodeAt(end - 1) === PIPE && !(end - 2 >= first && body.charCodeAt(end - 2) === BACKSLASH)) end -= 1;
  const cells: string[] = [];
  // Text between pipes sliced whole, not built a character at a time: a pipe after a backslash is
  // an escaped one, kept (without the backslash) in its cell.
  let cellSoFar = '';
  let start = first;
  for (let pipe = body.indexOf('|', first); pipe >= 0 && pipe < end; pipe = body.indexOf('|', pipe + 1)) {
    if (pipe > first && body.charCodeAt(pipe - 1) === BACKSLASH) {
      cellSoFar += `${body.slice(start, pipe - 1)}|`;
    } else {
      cells.push(cellSoFar === '' ? trimmedSlice(body, start, pipe) : (cellSoFar + body.slice(start, pipe)).trim());
      cellSoFar = '';
    }
    start = pipe + 1;
  }
  cells.push(cellSoFar === '' ? trimmedSlice(body, start, end) : (cellSoFar + body.slice(start, end)).trim());
  return cells;
}

const PIPE = 124;
const BACKSLASH = 92;

/**
 * `text.slice(start, end).trim()`, with the spaces and tabs around a cell (`| 144.7 |`) left out
 * before the slice rather than copied twice; other white space at an edge goes to trim().
 */
function trimmedSlice(text: string, start: number, end: number): string {
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  const piece = text.slice(start, end);
  return start < end && (isOtherEdge(text.charCodeAt(start)) || isOtherEdge(text.charCodeAt(end - 1))) ? piece.trim() : piece;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** A character that may be white space trim() removes (a control character or a non-ASCII one). */
function isOtherEdge(c: number): boolean {
  return c < 32 || c > 126;
}

/**
 * An ATX heading's text (`## Results ##` → `Results`), or undefined when the
 * line is none. Read without a regular expression over the rest of the line:
 * a lazy match followed by optional spaces and `#`s backtracks in time
 * quadratic in the line (a heading padded with 4,000 spaces took 36 s).
 */
export function headingText(line: string): string | undefined {
  // Only a line starting with `#`, a space or a tab can be one (most lines are not).
  const c = line.length > 0 ? line.charCodeAt(0) : 0;
  if (c !== 35 && c !== 32 && c !== 9) return undefined;
  const m = /^[ \t]{0,3}(#{1,6})[ \t]/.exec(line);
  if (!m) return undefined;
  let text = line.slice(m[0].length).trim();
  // A closing sequence of `#`s counts only after a space (or as the whole text).
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t') text = text.slice(0, end).trim();
  return text;
}

/**
 * GFM tables outside code fences, each with the heading it sits under. With
 * `inFences`, tables inside fences too: a tool's console output pasted as a
 * code block (llama-bench prints a Markdown table) is that tool's table.
 */
export function findTables(text: string, options: { inFences?: boolean } = {}): MarkdownTable[] {
  const lines = splitLines(text);
  const tables: MarkdownTable[] = [];
  let heading: string | undefined;
  // The open fence (e.g. "```"): only a run of the same character, at least as long, closes it.
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const marker = mayOpenFence(line) ? FENCE.exec(line)?.[1] : undefined;
    if (fence === undefined && marker !== undefined) {
      fence = marker;
      continue;
    }
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
        fence = undefined;
        continue;
      }
      if (!options.inFences) continue;
    }
    const h = fence === undefined ? headingText(line) : undefined;
    if (h !== undefined) {
      heading = stripInline(h);
      continue;
    }
    const next = lines[i + 1];
    if (!line.includes('|') || next === undefined || !DELIMITER_ROW.test(next)) continue;
    const header = splitRow(line);
    // In place, not by map (which makes an array of another kind once optimised): see uniqueNames.
    for (let c = 0; c < header.length; c++) header[c] = stripInline(header[c] as string);
    if (splitRow(next).length !== header.length) continue;
    const table: MarkdownTable = { heading, headerLine: i + 1, header, rows: [] };
    let j = i + 2;
    for (; j < lines.length; j++) {
      const row = lines[j] as string;
      if (row.trim() === '' || !row.includes('|')) break;
      table.rows.push({ cells: splitRow(row), line: j + 1 });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

/** Whether `line` may be a code fence (FENCE): it starts with a fence character or white space (most lines do neither). */
function mayOpenFence(line: string): boolean {
  // An empty line is none (read past its end, charCodeAt would make this code be compiled again).
  if (line.length === 0) return false;
  const c = line.charCodeAt(0);
  return c === 96 || c === 126 || c <= 32 || c > 126;
}

/** `text.split(/\r?\n/)`, without a regular expression: split at `\n`, then a `\r` before it dropped. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] as string;
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/**
 * Emphasis, code spans and links reduced to their text. Underscores only
 * emphasise at word edges (GFM), so `prompt_eval_ms` keeps its name.
 */
export function stripInline(cell: string): string {
  // Most cells hold no markup at all.
  return hasInlineMarkup(cell) ? withoutMarkup(cell) : cell.trim();
}

/** Whether `cell` holds a character that may start markup (`[`, `*`, backtick, `~`, `_`, `<`): a look at each character, no regular expression per cell. */
function hasInlineMarkup(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 91 || c === 42 || c === 96 || c === 126 || c === 95 || c === 60) return true;
  }
  return false;
}

/** Four regular expressions per cell: remembered by the cell's text, as labels (`Q4_K_M`) repeat across reports. */
const withoutMarkup = memo(20_000, (cell: string): string =>
  cell
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|\*|`|~~)(.+?)\1/g, '$2')
    .replace(/(?<![A-Za-z0-9_])(__|_)(?!\s)(.+?)(?<!\s)\1(?![A-Za-z0-9_])/g, '$2')
    .replace(/<[^>]+>/g, '')
    .trim(),
);

const NUMERIC_CELL = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(?:±\s*[\d.,]+\s*)?([a-zA-Zµ%/]{1,12}(?:\/[a-zA-Z]{1,6})?)?$/;

/** `1,234.5 ms`, `**30.1**`, `115.92 ± 1.31 tok/s` → value and unit. */
export function parseNumericCell(cell: string): { value: number; unit?: string } | undefined {
  // Most numeric cells are plain decimals (`144.7`): what the expression below reads them as, without it.
  if (isPlainDecimal(cell)) {
    const value = Number(cell);
    return Number.isFinite(value) ? { value } : undefined;
  }
  const text = stripInline(cell).replace(/^([+-]?)\u2212/, '-');
  // A commit hash (`8337e4c`) is text: read as a number it would be 8337e4 with a unit "c".
  if (/^[0-9a-f]{7,40}$/i.test(text) && !Number.isFinite(Number(text))) return undefined;
  const match = NUMERIC_CELL.exec(text);
  if (!match || !match[1] || !/\d/.test(match[1])) return undefined;
  const value = Number(match[1].replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return match[2] ? { value, unit: match[2] } : { value };
}

/**
 * `[+-]digits[.digits]` and nothing else (no spaces, markup, unit or exponent): NUMERIC_CELL reads
 * such text as Number() does, no unit, and no commit hash is written with a sign or a point or is
 * too large for Number() to read.
 */
function isPlainDecimal(cell: string): boolean {
  const length = cell.length;
  let i = cell.charCodeAt(0) === 43 || cell.charCodeAt(0) === 45 ? 1 : 0;
  const digitsStart = i;
  while (i < length && isDigit(cell.charCodeAt(i))) i++;
  if (i === digitsStart) return false;
  if (i === length) return true;
  if (cell.charCodeAt(i) !== 46) return false;
  const fractionStart = ++i;
  while (i < length && isDigit(cell.charCodeAt(i))) i++;
  return i === length && i > fractionStart;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function parseMarkdown(input: string): ParseOutcome {
  const text = input.replace(/^\uFEFF/, '');
  if (isOwnReport(text)) return skipped('a Chimera Insight report, not benchmark results');
  const problems = new ProblemLog();
  const tables = findTables(text);
  const series: RawSeries[] = [];
  let rows = 0;
  let excludedRows = 0;
  const names = tableNames(tables);
  tables.forEach((table, index) => {
    const fixedLabels: Record<string, string> = tables.length > 1 ? { table: names[index] as string } : {};
    const fromTable = isKeyValueTable(table) ? keyValueSeries(table, fixedLabels) : rowSeries(table, fixedLabels, problems);
    rows += fromTable.rows;
    excludedRows += fromTable.excludedRows;
    series.push(...fromTable.series);
  });
  return {
    status: 'parsed',
    adapter: 'markdown',
    series,
    rows,
    excludedRows,
    problems: problems.items,
    problemCount: problems.total,
    document: series.length === 0,
  };
}

/**
 * The `table` label of each table: the heading above it, or `table N`. Two tables
 * under one heading get `Heading (2)`, … so their numbers are never pooled.
 */
function tableNames(tables: MarkdownTable[]): string[] {
  const base = tables.map((t, index) => t.heading ?? `table ${index + 1}`);
  const seen = new Map<string, number>();
  return base.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/** `Value (ms)` → `Value`: the unit in brackets does not change what the column is. */
function withoutBracketUnit(header: string): string {
  return header.replace(/\s*[([][^()[\]]{1,16}[)\]]\s*$/, '');
}

/** `| Metric | Value |`: the first column names the metric of each row. */
function isKeyValueTable(table: MarkdownTable): boolean {
  if (table.header.length !== 2 || !GENERIC_VALUE_HEADER.test(withoutBracketUnit(table.header[1] ?? ''))) return false;
  if (SUBJECT_HEADER.test(normaliseName(table.header[0] ?? ''))) return false;
  return table.rows.some((r) => parseNumericCell(r.cells[1] ?? '') !== undefined);
}

function keyValueSeries(table: MarkdownTable, fixedLabels: Record<string, string>) {
  const byMetric = new Map<string, RawSeries>();
  // `| Metric | Value (ms) |`: the header's unit holds for every row that states none.
  const headerUnit = bracketUnit(table.header[1] ?? '');
  for (const { cells, line } of table.rows) {
    const metric = stripInline(cells[0] ?? '');
    const parsed = parseNumericCell(cells[1] ?? '');
    if (!metric || !parsed) continue;
    let s = byMetric.get(metric);
    if (!s) {
      s = { metric, labels: { ...fixedLabels }, samples: new SampleAccumulator(), line };
      const unit = parsed.unit ?? headerUnit;
      if (unit) s.unitHint = unit;
      byMetric.set(metric, s);
    }
    s.samples?.add(parsed.value);
  }
  return { series: [...byMetric.values()], rows: table.rows.length, excludedRows: 0 };
}

/** The keys of a record with these names as its keys, in the order `for…in` lists them. */
function recordKeyOrder(names: readonly string[]): string[] {
  const record: Record<string, 0> = {};
  for (const name of names) setOwn(record, name, 0);
  return Object.keys(record);
}

/**
 * A number read from a cell of column `name`, in the first unit the column stated (`850 ms` beside
 * `1.2 s`: one scale, never an average of mixed units); '' when its unit does not convert.
 */
function valueInColumnUnit(name: string, parsed: { value: number; unit?: string }, units: Map<string, string>, problems: ProblemLog, line: number): Cell {
  const unit = units.get(name);
  if (!parsed.unit || parsed.unit === unit) return parsed.value;
  if (unit === undefined) {
    units.set(name, parsed.unit);
    return parsed.value;
  }
  const factor = timeFactor(parsed.unit, unit);
  if (factor === undefined) {
    problems.add(line, `column "${name}" mixes units (${unit} and ${parsed.unit}); cell skipped`);
    return '';
  }
  return parsed.value * factor;
}

/** Seconds per time unit, so `850 ms` and `1.2 s` in one column can be put on one scale. */
const SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, sec: 1, secs: 1, min: 60 };

/** The factor that turns a value in `from` into `to`, when both are known time units. */
function timeFactor(from: string, to: string): number | undefined {
  const a = SECONDS[from.toLowerCase()];
  const b = SECONDS[to.toLowerCase()];
  return a === undefined || b === undefined ? undefined : a / b;
}

function rowSeries(table: MarkdownTable, fixedLabels: Record<string, string>, problems: ProblemLog) {
  // Blank or repeated header cells (`| | tok/s | tok/s |`) still need distinct keys, as in CSV.
  const names = uniqueNames(table.header);
  // The first column names the rows: `| short prompt | 120 |` and `| long prompt | 95 |` are never averaged together.
  const builder = new TableBuilder({ problems, fixedLabels, rowNameColumns: names.slice(0, 1) });
  const units = new Map<string, string>();
  const order = recordKeyOrder(names);
  // Per column: whether it is named like a label (a label keeps its text: `8B` or `4k` in a Params or
  // Context column is not the number 8 or 4), and where its cell goes in the builder's rows, which list
  // the columns as a record keyed by the names would (integer-like names first).
  const labelNamed: boolean[] = [];
  const slot: number[] = [];
  for (const name of names) {
    labelNamed.push(isLabelName(name));
    slot.push(order.indexOf(name));
  }
  let columnsSet = false;
  for (const { cells, line } of table.rows) {
    if (cells.length !== names.length) {
      problems.add(line, `${plural(cells.length, 'cell')} where the table header has ${names.length}; row skipped`);
      continue;
    }
    if (!columnsSet) {
      builder.setColumns(order, line);
      columnsSet = true;
    }
    const row: Cell[] = new Array<Cell>(names.length);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const cell = cells[i] ?? '';
      const parsed = labelNamed[i] ? undefined : parseNumericCell(cell);
      row[slot[i] as number] = parsed ? valueInColumnUnit(name, parsed, units, problems, line) : stripInline(cell);
    }
    builder.addCells(row, line);
  }
  const result = builder.finish();
  for (const s of result.series) {
    const unit = units.get(s.metric);
    if (unit) s.unitHint = unit;
  }
  return result;
}

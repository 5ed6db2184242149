import { SampleAccumulator } from '../metrics/accumulator.js';
import type { RawSeries } from '../metrics/types.js';
import { ProblemLog } from './problems.js';
import { TableBuilder, type Row } from './table.js';
import { REPORT_MARKER } from '../report/marker.js';
import { skipped, type ParseOutcome } from './types.js';

interface MarkdownTable {
  heading: string | undefined;
  header: string[];
  rows: { cells: string[]; line: number }[];
}

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^\s*(```|~~~)/;
const GENERIC_VALUE_HEADER = /^(value|values|result|results|score|measurement|number|amount|avg|average|mean|median)$/i;

/** Cells split on unescaped pipes; the optional outer pipes are dropped. */
export function splitRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && body[i + 1] === '|') {
      current += '|';
      i += 1;
    } else if (ch === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current.trim());
  return cells;
}

/** GFM tables outside code fences, each with the heading it sits under. */
export function findTables(text: string): MarkdownTable[] {
  const lines = text.split(/\r?\n/);
  const tables: MarkdownTable[] = [];
  let heading: string | undefined;
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (FENCE.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      heading = stripInline(h[1] as string);
      continue;
    }
    const next = lines[i + 1];
    if (!line.includes('|') || next === undefined || !DELIMITER_ROW.test(next)) continue;
    const header = splitRow(line).map(stripInline);
    if (splitRow(next).length !== header.length) continue;
    const table: MarkdownTable = { heading, header, rows: [] };
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

/** Emphasis, code spans and links reduced to their text. */
export function stripInline(cell: string): string {
  return cell
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`|~~)(.+?)\1/g, '$2')
    .replace(/<[^>]+>/g, '')
    .trim();
}

const NUMERIC_CELL = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(?:±\s*[\d.,]+\s*)?([a-zA-Zµ%/]{1,12}(?:\/[a-zA-Z]{1,6})?)?$/;

/** `1,234.5 ms`, `**30.1**`, `115.92 ± 1.31 tok/s` → value and unit. */
export function parseNumericCell(cell: string): { value: number; unit?: string } | undefined {
  const text = stripInline(cell);
  const match = NUMERIC_CELL.exec(text);
  if (!match || !match[1] || !/\d/.test(match[1])) return undefined;
  const value = Number(match[1].replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return match[2] ? { value, unit: match[2] } : { value };
}

export function parseMarkdown(text: string): ParseOutcome {
  if (text.startsWith(REPORT_MARKER)) return skipped('a Chimera Insight report, not benchmark results');
  const problems = new ProblemLog();
  const tables = findTables(text);
  const series: RawSeries[] = [];
  let rows = 0;
  let excludedRows = 0;
  tables.forEach((table, index) => {
    const fixedLabels: Record<string, string> = tables.length > 1 ? { table: table.heading ?? `table ${index + 1}` } : {};
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

/** `| Metric | Value |`: the first column names the metric of each row. */
function isKeyValueTable(table: MarkdownTable): boolean {
  if (table.header.length !== 2 || !GENERIC_VALUE_HEADER.test(table.header[1] ?? '')) return false;
  return table.rows.some((r) => parseNumericCell(r.cells[1] ?? '') !== undefined);
}

function keyValueSeries(table: MarkdownTable, fixedLabels: Record<string, string>) {
  const byMetric = new Map<string, RawSeries>();
  for (const { cells, line } of table.rows) {
    const metric = stripInline(cells[0] ?? '');
    const parsed = parseNumericCell(cells[1] ?? '');
    if (!metric || !parsed) continue;
    let s = byMetric.get(metric);
    if (!s) {
      s = { metric, labels: { ...fixedLabels }, samples: new SampleAccumulator(), line };
      if (parsed.unit) s.unitHint = parsed.unit;
      byMetric.set(metric, s);
    }
    s.samples?.add(parsed.value);
  }
  return { series: [...byMetric.values()], rows: table.rows.length, excludedRows: 0 };
}

function rowSeries(table: MarkdownTable, fixedLabels: Record<string, string>, problems: ProblemLog) {
  const builder = new TableBuilder({ problems, fixedLabels });
  const units = new Map<string, string>();
  for (const { cells, line } of table.rows) {
    if (cells.length !== table.header.length) {
      problems.add(line, `${cells.length} cells where the table header has ${table.header.length}; row skipped`);
      continue;
    }
    const row: Row = {};
    table.header.forEach((name, i) => {
      const cell = cells[i] ?? '';
      const parsed = parseNumericCell(cell);
      if (parsed) {
        row[name] = parsed.value;
        if (parsed.unit && !units.has(name)) units.set(name, parsed.unit);
      } else {
        row[name] = stripInline(cell);
      }
    });
    builder.addRow(row, line);
  }
  const result = builder.finish();
  for (const s of result.series) {
    const unit = units.get(s.metric);
    if (unit) s.unitHint = unit;
  }
  return result;
}

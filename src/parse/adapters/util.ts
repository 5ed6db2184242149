import { SampleAccumulator } from '../../metrics/accumulator.js';
import { parseJsonAllowingPython } from '../json-python.js';
import type { ProvidedSummary, RawSeries } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { skipped, type ParseOutcome, type ParsedData } from '../types.js';
import { parse as parseCsvSync } from 'csv-parse/sync';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object at `path` inside `value` (`objectAt(doc, 'config', 'strategy')`), or undefined where a step is no object. */
export function objectAt(value: unknown, ...path: string[]): JsonObject | undefined {
  let at: unknown = value;
  for (const key of path) at = isObject(at) ? at[key] : undefined;
  return isObject(at) ? at : undefined;
}

/** A finite number, or a numeric string as some tools write (`"37"`, `"1,234.5"`); undefined otherwise. */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().replace(/,/g, '');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export function accumulate(values: Iterable<number>): SampleAccumulator {
  const acc = new SampleAccumulator();
  for (const v of values) acc.add(v);
  return acc;
}

/** Drops undefined (and non-finite) fields so summaries compare cleanly and stay small in reports. */
export type SummaryFields = { [K in Exclude<keyof ProvidedSummary, 'percentiles'>]?: number | undefined } & {
  percentiles?: Record<number, number | undefined>;
};

export function summaryOf(fields: SummaryFields): ProvidedSummary {
  const out: ProvidedSummary = {};
  for (const [k, v] of Object.entries(fields) as [keyof SummaryFields, unknown][]) {
    if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) continue;
    if (k === 'percentiles') {
      const kept = Object.entries(v as Record<string, number | undefined>).filter(([, x]) => Number.isFinite(x));
      if (kept.length > 0) out.percentiles = Object.fromEntries(kept) as Record<number, number>;
    } else (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** A label value as text: numbers and booleans as written, anything else as JSON. */
export function labelText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

/** Collects an adapter's series and problems into one outcome. */
export class AdapterResult {
  readonly series: RawSeries[] = [];
  readonly problems = new ProblemLog();
  rows = 0;
  excludedRows = 0;
  supersedes: string[] = [];

  constructor(readonly adapter: string) {}

  add(series: RawSeries): void {
    this.series.push(series);
  }

  outcome(emptyReason: string): ParseOutcome {
    if (this.series.length === 0) {
      const why = this.problems.items[0]?.reason;
      return skipped(`${this.adapter}: ${emptyReason}${why ? ` (${why})` : ''}`);
    }
    const out = parsedOutcome(this.adapter, this.series, this.problems, { rows: this.rows, excludedRows: this.excludedRows });
    if (this.supersedes.length > 0) out.supersedes = this.supersedes;
    return out;
  }
}

export function parsedOutcome(adapter: string, series: RawSeries[], problems: ProblemLog, counts: { rows: number; excludedRows?: number }): ParsedData {
  return {
    status: 'parsed',
    adapter,
    series,
    rows: counts.rows,
    excludedRows: counts.excludedRows ?? 0,
    problems: problems.items,
    problemCount: problems.total,
    document: false,
  };
}

/** 1-based line of the first occurrence of `needle` in `text`, for annotations; undefined when absent. */
export function lineOf(text: string, needle: string, from = 0): number | undefined {
  const at = text.indexOf(needle, from);
  if (at < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** The first non-blank line, found without splitting the whole text (detectors see files up to 1 MB). */
export function firstLine(text: string): string | undefined {
  // Every CSV of a tree is offered to each CSV detector, and most start by asking for its first line:
  // worked out once per text (a pure function of it; the last text is kept, nothing more).
  if (text !== lastText) {
    lastLine = findFirstLine(text);
    lastText = text;
  }
  return lastLine;
}

let lastText: string | undefined;
let lastLine: string | undefined;

function findFirstLine(text: string): string | undefined {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    if (line.trim() !== '') return line;
    if (end < 0) break;
    start = end + 1;
  }
  return undefined;
}

/** The first non-blank line parsed as JSON; undefined when there is none or it is not JSON. */
export function firstJsonLine(text: string): unknown {
  const line = firstLine(text);
  if (line === undefined) return undefined;
  try {
    return parseJsonAllowingPython(line);
  } catch {
    return undefined;
  }
}

/** NDJSON lines with their 1-based numbers; a line that is not JSON is a problem, not a failure. */
export function jsonLines(text: string, problems: ProblemLog): { value: unknown; line: number }[] {
  const items: { value: unknown; line: number }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      items.push({ value: parseJsonAllowingPython(raw), line: i + 1 });
    } catch {
      problems.add(i + 1, 'invalid JSON; line skipped');
    }
  });
  return items;
}

/**
 * A tool's CSV as records keyed by its header, each with the line it ends on
 * (csv-parse's `info`: a quoted field may span lines). Throws csv-parse's
 * error for text that is not CSV.
 */
export function csvRecords(text: string, options: { fromLine?: number; relaxColumnCount?: boolean } = {}): { record: Record<string, string>; line: number }[] {
  const parsed = parseCsvSync(text, {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    info: true,
    ...(options.fromLine !== undefined ? { from_line: options.fromLine } : {}),
    ...(options.relaxColumnCount ? { relax_column_count: true } : {}),
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return parsed.map(({ record, info }) => ({ record, line: info.lines }));
}

/**
 * Finds the line each record starts on. Records come in file order, so each
 * search starts where the last one ended and lines are counted once.
 */
export class LineCursor {
  private at = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  next(needle: string): number | undefined {
    const found = this.text.indexOf(needle, this.at);
    if (found < 0) return undefined;
    for (let i = this.text.indexOf('\n', this.at); i >= 0 && i < found; i = this.text.indexOf('\n', i + 1)) this.line += 1;
    // Past the needle: the next record of the same name is found after this one.
    this.at = found + needle.length;
    return this.line;
  }
}

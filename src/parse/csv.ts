import { StringDecoder } from 'node:string_decoder';
import { CsvRecordReader, type CsvRecordHandler } from './csv-records.js';
import { LIMITS, LimitError } from './limits.js';
import { ProblemLog } from './problems.js';
import { plural } from '../util/text.js';
import { TableBuilder, parseNumber } from './table.js';
import { failed, skipped, type ParseOutcome } from './types.js';

export type Delimiter = ',' | ';' | '\t';

/** The separator that appears most often outside quotes in the header line. */
export function detectDelimiter(head: string): Delimiter {
  const start = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  const [lineStart, lineEnd] = firstNonBlankLine(head, start);
  // One pass over the header line's characters, no copy of it: this runs once per file, and most files are small.
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = lineStart; i < lineEnd; i++) {
    const c = head.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) commas += 1;
    else if (c === 59) semicolons += 1;
    else if (c === 9) tabs += 1;
  }
  // Ties go to the comma, then the semicolon.
  if (commas >= semicolons && commas >= tabs) return ',';
  return semicolons >= tabs ? ';' : '\t';
}

/** Where the first line with something other than whitespace starts and ends (a final `\r` left out); [0, 0) when none. */
function firstNonBlankLine(text: string, from: number): [number, number] {
  for (let start = from; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    let end = nl < 0 ? text.length : nl;
    if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
    const first = text.charCodeAt(start);
    // A line starting with a visible ASCII character is not blank (nearly always); others are trimmed to tell.
    if (end > start && ((first > 32 && first < 127) || text.slice(start, end).trim() !== '')) return [start, end];
    if (nl < 0) break;
    start = nl + 1;
  }
  return [0, 0];
}

/**
 * Why the rest of a file could not be read. Worded when it happens, not when the module loads:
 * the first toLocaleString of a process sets up the locale's data (some 20 ms), and most runs
 * never say this.
 */
function fatalReason(reason: 'unclosed-quote' | 'record-too-long'): string {
  if (reason === 'unclosed-quote') return 'a quoted field is never closed; the rest of the file could not be read';
  return `a record runs past ${LIMITS.csvRecordChars.toLocaleString('en-US')} characters (a quote opened here and never closed?); the rest of the file could not be read`;
}

/** Stops the reading from inside a record handler, with the outcome the file gets instead. */
class Refusal extends Error {
  constructor(readonly outcome: ParseOutcome) {
    super('refused');
  }
}

/**
 * Reads a CSV/TSV, whole (a Buffer) or streamed: the delimiter is sniffed
 * from the first line, the BOM removed, and ragged or broken rows are
 * reported by line while the rest of the file is still read. Memory is
 * bounded by the table builder, not by the file size. Records come from
 * CsvRecordReader (src/parse/csv-records.ts).
 */
export async function parseCsv(source: AsyncIterable<Buffer> | Buffer, options: { tab?: boolean } = {}): Promise<ParseOutcome> {
  if (Buffer.isBuffer(source)) return parseCsvText(source.toString('utf8'), options);
  const iterator = source[Symbol.asyncIterator]();
  const headChunks: Buffer[] = [];
  let headBytes = 0;
  // Enough of the start of the file to see the whole header line (blank lines before it do not count).
  while (headBytes < 65_536) {
    const r = await iterator.next();
    if (r.done) break;
    headChunks.push(r.value);
    headBytes += r.value.length;
    if (r.value.includes(0x0a) && hasCompleteLine(Buffer.concat(headChunks))) break;
  }
  const head = Buffer.concat(headChunks);
  const csv = new CsvTable(options.tab ? '\t' : detectDelimiter(head.subarray(0, 65_536).toString('utf8')));
  const decoder = new StringDecoder('utf8');
  try {
    csv.push(decoder.write(head));
    for (let r = await iterator.next(); !r.done && !csv.done; r = await iterator.next()) csv.push(decoder.write(r.value));
    if (!csv.done) csv.push(decoder.end());
    return csv.finish();
  } catch (err) {
    if (err instanceof Refusal) return err.outcome;
    return failed(`could not be read as CSV: ${(err as Error).message}`);
  } finally {
    // A file left early (a cap, a refusal) is closed now, not when the stream is collected.
    await iterator.return?.();
  }
}

/** The same as parseCsv on text already in memory: no stream, no await per chunk. */
export function parseCsvText(text: string, options: { tab?: boolean } = {}): ParseOutcome {
  const csv = new CsvTable(options.tab ? '\t' : detectDelimiter(text.length > 65_536 ? text.slice(0, 65_536) : text));
  try {
    csv.push(text);
    return csv.finish();
  } catch (err) {
    if (err instanceof Refusal) return err.outcome;
    return failed(`could not be read as CSV: ${(err as Error).message}`);
  }
}

/** Records → the header and a TableBuilder. The reader's handler itself: no closures made per file. */
class CsvTable implements CsvRecordHandler {
  private readonly problems = new ProblemLog();
  private readonly reader: CsvRecordReader;
  private header: string[] | undefined;
  private width = 0;
  private table: TableBuilder | undefined;

  constructor(private readonly delimiter: Delimiter) {
    this.reader = new CsvRecordReader(delimiter, this);
  }

  /** CsvRecordHandler: a record that could not be read. */
  fatal(line: number, reason: 'unclosed-quote' | 'record-too-long'): void {
    this.problems.add(line, fatalReason(reason));
  }

  get done(): boolean {
    return this.reader.done;
  }

  push(text: string): void {
    this.reader.push(text);
  }

  finish(): ParseOutcome {
    this.reader.end();
    if (!this.header || !this.table) return failed('no header row: the file holds no records');
    const result = this.table.finish();
    // A run that wrote its header and died before its first row: the inventory says so instead of
    // counting the file among those with metrics.
    if (result.rows === 0 && this.problems.total === 0) return skipped('a header and no rows: nothing was measured');
    return {
      status: 'parsed',
      adapter: this.delimiter === '\t' ? 'tsv' : 'csv',
      series: result.series,
      rows: result.rows,
      excludedRows: result.excludedRows,
      problems: this.problems.items,
      problemCount: this.problems.total,
      document: false,
    };
  }

  /** CsvRecordHandler: a record's fields. */
  record(record: string[], line: number): void {
    try {
      this.takeRecord(record, line);
    } catch (err) {
      // Past a cap the file is skipped, naming the line.
      if (err instanceof LimitError) throw new Refusal({ status: 'skipped', reason: `${err.message} (at line ${err.line ?? line})` });
      throw err;
    }
  }

  /** CsvRecordHandler: a quote-free line, read in place once the table knows its columns' roles (see TableBuilder.addLine). */
  line(text: string, start: number, end: number, line: number): boolean {
    const table = this.table;
    // A line starting with a blank may be all blanks: the split path decides.
    if (!table?.takesLines || !(text.charCodeAt(start) > 32)) return false;
    let fields: number;
    try {
      fields = table.addLine(text, start, end, this.delimiter, line);
    } catch (err) {
      if (err instanceof LimitError) throw new Refusal({ status: 'skipped', reason: `${err.message} (at line ${err.line ?? line})` });
      throw err;
    }
    if (fields !== this.width) this.problems.add(line, `${plural(fields, 'field')} where the header has ${this.width}; row skipped`);
    return true;
  }

  private takeRecord(record: string[], line: number): void {
    // A line of blanks or bare separators holds nothing; it is neither a header nor a ragged row.
    if (isBlank(record)) return;
    if (!this.header) {
      if (record.every((c) => c.trim() === '' || parseNumber(c, this.delimiter === ';') !== undefined)) {
        throw new Refusal(failed('the first row is all numbers; a header row naming the columns is required', line));
      }
      this.header = uniqueNames(record);
      this.width = this.header.length;
      this.table = new TableBuilder({ problems: this.problems, decimalComma: this.delimiter === ';' });
      this.table.setColumns(this.header);
      return;
    }
    if (record.length !== this.width) {
      this.problems.add(line, `${plural(record.length, 'field')} where the header has ${this.width}; row skipped`);
      return;
    }
    (this.table as TableBuilder).addCells(record, line);
  }
}

function isBlank(record: string[]): boolean {
  const first = record[0] as string;
  // Nearly every record starts with a value: one comparison decides.
  if (first.length > 0 && first.charCodeAt(0) > 32) return false;
  return record.every((c) => c.trim() === '');
}

/** True once the bytes hold a newline-terminated line with something other than whitespace on it. */
function hasCompleteLine(head: Buffer): boolean {
  const text = head.toString('utf8');
  const end = text.lastIndexOf('\n');
  return end >= 0 && text.slice(0, end).replace(/^\uFEFF/, '').trim() !== '';
}

/** Blank or repeated header names still need distinct keys. */
export function uniqueNames(header: string[]): string[] {
  // Filled by push, not made by map: an optimised caller's map gives an array of another kind
  // (holey), and the per-row code that reads the names would be compiled again for it.
  const names: string[] = [];
  for (let i = 0; i < header.length; i++) names.push((header[i] as string).trim() || `column_${i + 1}`);
  // Nearly every header names each column once: then the names are as written.
  if (names.length <= 32 && !repeatsAName(names)) return names;
  const seen = new Map<string, number>();
  return names.map((base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/** Whether a name appears twice: compared pairwise, which for a short header costs less than a map. */
function repeatsAName(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) {
    for (let j = 0; j < i; j++) if (names[i] === names[j]) return true;
  }
  return false;
}

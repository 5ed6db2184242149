import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { LIMITS, LimitError } from './limits.js';
import { ProblemLog } from './problems.js';
import { plural } from '../util/text.js';
import { TableBuilder, parseNumber } from './table.js';
import { failed, type ParseOutcome } from './types.js';

export type Delimiter = ',' | ';' | '\t';

/** The separator that appears most often outside quotes in the header line. */
export function detectDelimiter(head: string): Delimiter {
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  const best = (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed; the rest of the file could not be read',
  CSV_MAX_RECORD_SIZE: `a record runs past ${LIMITS.csvRecordChars.toLocaleString('en-US')} characters (a quote opened here and never closed?); the rest of the file could not be read`,
  INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted field; row skipped',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected text after a closing quote; row skipped',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'wrong number of fields; row skipped',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'unexpected text after a closing quote; row skipped',
};

function describeCsvError(err: CsvError): string {
  return CSV_ERRORS[err.code] ?? `malformed row (${err.code}); row skipped`;
}

async function* withHead(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/**
 * Streams a CSV/TSV through csv-parse: the delimiter is sniffed from the first
 * line, the BOM removed, and ragged or broken rows are reported by line while
 * the rest of the file is still read. Memory is bounded by the table builder,
 * not by the file size.
 */
export async function parseCsv(source: AsyncIterable<Buffer>, options: { tab?: boolean } = {}): Promise<ParseOutcome> {
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
  const delimiter: Delimiter = options.tab ? '\t' : detectDelimiter(head.subarray(0, 65_536).toString('utf8'));
  const problems = new ProblemLog();
  const parser = Readable.from(withHead(head, iterator)).pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      // A stray quote inside a field (`0.19 "warm"`, `"Say "hi" now"`) stays text. Strictly parsed, a
      // quote that does not close a field leaves csv-parse inside the quotes and loses the rest of the file.
      relax_quotes: true,
      // An unclosed quote would gather the rest of the file, however large, into one field.
      max_record_size: LIMITS.csvRecordChars,
    }),
  );
  let lastGoodLine = 0;
  // csv-parse skips blank lines without a record; they sit between the last record and a broken one.
  let emptyLinesBefore = 0;
  let lastSkip = '';
  parser.on('skip', (err: CsvError) => {
    const info = err as CsvError & { lines?: number; empty_lines?: number };
    // Both errors are raised at the end of what the open quote swallowed; it opened on the first line after the last record.
    const unclosed = err.code === 'CSV_QUOTE_NOT_CLOSED' || err.code === 'CSV_MAX_RECORD_SIZE';
    const line = unclosed ? lastGoodLine + 1 + Math.max(0, (info.empty_lines ?? emptyLinesBefore) - emptyLinesBefore) : info.lines;
    // csv-parse may raise one error per bad character of a row; the row is reported once.
    const key = `${line}:${err.code}`;
    if (key === lastSkip) return;
    lastSkip = key;
    problems.add(line, describeCsvError(err));
  });

  let header: string[] | undefined;
  let table: TableBuilder | undefined;
  let refusal: ParseOutcome | undefined;
  // A synchronous 'data' handler keeps up with the parser, so `parser.info.lines` is the
  // line the record ends on; csv-parse's per-record `info` objects cost twice the parse itself.
  const onRecord = (record: string[]) => {
    try {
      takeRecord(record);
    } catch (err) {
      // Thrown from an event handler it would end the process; it fails (or, past a cap, skips) this file instead.
      refusal = err instanceof LimitError ? { status: 'skipped', reason: `${err.message} (at line ${err.line ?? parser.info.lines})` } : failed(`could not be read as CSV: ${(err as Error).message}`);
      parser.destroy();
    }
  };
  const takeRecord = (record: string[]) => {
    const line = parser.info.lines;
    lastGoodLine = line;
    emptyLinesBefore = parser.info.empty_lines;
    // A line of blanks or bare separators holds nothing; it is neither a header nor a ragged row.
    if ((record[0] ?? '').trim() === '' && record.every((c) => c.trim() === '')) return;
    if (!header) {
      if (record.every((c) => c.trim() === '' || parseNumber(c, delimiter === ';') !== undefined)) {
        refusal = failed('the first row is all numbers; a header row naming the columns is required', line);
        parser.destroy();
        return;
      }
      header = uniqueNames(record);
      table = new TableBuilder({ problems, decimalComma: delimiter === ';' });
      table.setColumns(header);
      return;
    }
    if (record.length !== header.length) {
      problems.add(line, `${plural(record.length, 'field')} where the header has ${header.length}; row skipped`);
      return;
    }
    table?.addCells(record, line);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('data', onRecord);
      parser.on('end', resolve);
      parser.on('close', resolve);
      parser.on('error', reject);
    });
  } catch (err) {
    return failed(`could not be read as CSV: ${(err as Error).message}`);
  }
  if (refusal) return refusal;
  if (!header || !table) return failed('no header row: the file holds no records');
  const result = table.finish();
  return {
    status: 'parsed',
    adapter: delimiter === '\t' ? 'tsv' : 'csv',
    series: result.series,
    rows: result.rows,
    excludedRows: result.excludedRows,
    problems: problems.items,
    problemCount: problems.total,
    document: false,
  };
}

/** True once the bytes hold a newline-terminated line with something other than whitespace on it. */
function hasCompleteLine(head: Buffer): boolean {
  const text = head.toString('utf8');
  const end = text.lastIndexOf('\n');
  return end >= 0 && text.slice(0, end).replace(/^\uFEFF/, '').trim() !== '';
}

/** Blank or repeated header names still need distinct keys. */
export function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() || `column_${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

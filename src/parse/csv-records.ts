import { LIMITS } from './limits.js';

/**
 * Splits CSV/TSV text into records, chunk by chunk. It reads what csv-parse
 * read here before (`bom`, `relax_quotes`, `relax_column_count`,
 * `skip_empty_lines`, `skip_records_with_error`, `max_record_size`), so the
 * same file gives the same records, and differs where that was a quirk:
 * lines are counted as text lines (`\r\n` inside a quoted field is one line,
 * not two), and a record is reported at the line it starts on.
 *
 * Why our own: a record without a quote, nearly every record of a benchmark
 * CSV, is one `indexOf` and one `split`, the work any reader of the bytes
 * does; csv-parse visits every byte through a state machine and a resizable
 * buffer, which cost three times the rest of the parse on a large file. A
 * record holding a quote takes the byte-by-byte path below, which follows
 * csv-parse's rules for quotes:
 *  - a field that starts with `"` is quoted: `""` inside is one quote, and a
 *    `"` followed by the delimiter, the end of the record or of the file closes it;
 *  - any other `"` inside a quoted field ends the quoting and stays in the
 *    field with the opening one (`"Say "hi" now"` is that text, quotes included);
 *  - a `"` inside an unquoted field is an ordinary character;
 *  - a quote never closed is reported at the line it opened, and ends the file;
 *    so does a record past LIMITS.csvRecordChars.
 * The record delimiter is the first line ending outside quotes: `\r\n`, `\n`
 * or `\r`; after it, only that sequence ends a record.
 */
export interface CsvRecordHandler {
  /** One record's fields, and the 1-based line it starts on. */
  record(fields: string[], line: number): void;
  /**
   * A record that is one line without quotes, as `text[start, end)` (not
   * empty): return true to take it as it is, false to get it split into
   * `record`. Lets the reader of the fields split only what it reads.
   */
  line?(text: string, start: number, end: number, line: number): boolean;
  /** A record that could not be read (the rest of the file is not read either). */
  fatal(line: number, reason: 'unclosed-quote' | 'record-too-long'): void;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

type RecordDelimiter = '\n' | '\r\n' | '\r';

export class CsvRecordReader {
  private pending = '';
  private recordDelimiter: RecordDelimiter | undefined;
  private started = false;
  private stopped = false;
  /** 1-based line of the next character to read. */
  private line = 1;
  /** A record being read across chunks by the slow path. */
  private partial: SlowState | undefined;
  /**
   * A record the slow path completed, handed to the handler by read (handOver): the slow path,
   * compiled apart, then does not carry the handler's code, nor its changes of mind.
   */
  private completed: SlowState | undefined;
  /** The field delimiter's character code. */
  private readonly delimiterCode: number;
  /** How many fields the last record split by fieldsOf had: the next one's array is made that long. */
  private lastWidth = 0;

  constructor(
    delimiter: string,
    private readonly handler: CsvRecordHandler,
    private readonly maxRecordChars: number = LIMITS.csvRecordChars,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** True once a fatal problem stopped the reading: further text is ignored. */
  get done(): boolean {
    return this.stopped;
  }

  /** Takes the next piece of decoded text. */
  push(chunk: string): void {
    if (this.stopped) return;
    let text = this.pending === '' ? chunk : this.pending + chunk;
    this.pending = '';
    if (!this.started) {
      if (text.length === 0) return;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.started = true;
    }
    this.read(text, false);
  }

  /** The end of the text: a last record without a line ending, or an unclosed quote. */
  end(): void {
    if (this.stopped) return;
    const text = this.pending;
    this.pending = '';
    if (!this.started && text.charCodeAt(0) === 0xfeff) this.read(text.slice(1), true);
    else this.read(text, true);
    this.stopped = true;
  }

  private read(text: string, final: boolean): void {
    const length = text.length;
    let pos = 0;
    if (this.partial) {
      pos = this.slow(text, 0, final);
      this.handOver();
      if (pos < 0) return;
    }
    // Where the next quote is: found once per stretch, so a chunk with one quote is not searched once per line.
    let quoteAt = -1;
    while (pos < length) {
      // The first line ending, when no quote comes before it, is the record delimiter: the header takes the fast path too.
      const rd = this.recordDelimiter ?? (this.recordDelimiter = leadingLineEnding(text, pos, final));
      // Fast path: a whole record on one line, without a quote.
      if (rd === '\n' || rd === '\r\n') {
        const nl = text.indexOf('\n', pos);
        if (nl < 0 && !final) break;
        let end = nl;
        if (rd === '\r\n' && nl >= 0) {
          // A bare \n inside a CRLF file is an ordinary character: the byte-by-byte path keeps it.
          end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : -1;
        }
        if (end >= 0 && end - pos <= this.maxRecordChars) {
          if (quoteAt < pos) {
            quoteAt = text.indexOf('"', pos);
            if (quoteAt < 0) quoteAt = length;
          }
          if (quoteAt > end) {
            const line = this.line;
            this.line += 1;
            if (end > pos && !this.handler.line?.(text, pos, end, line)) this.handler.record(this.fieldsOf(text, pos, end), line);
            pos = nl + 1;
            continue;
          }
        }
      }
      pos = this.slow(text, pos, final);
      this.handOver();
      if (pos < 0) return;
    }
    if (pos < length) this.pending = text.slice(pos);
  }

  /** Gives the handler the record the slow path completed, if it did. */
  private handOver(): void {
    const s = this.completed;
    if (s === undefined) return;
    this.completed = undefined;
    this.handler.record(s.fields, s.line);
  }

  /**
   * The fields of the quote-free line `text[start, end)`: what `text.slice(start, end).split(delimiter)`
   * gives, without the copy of the line and the split's trip to the runtime (every record of the
   * file comes here). The line's characters are looked at one by one, within the line: fields are
   * short (a number, a name), and a search by indexOf per field cost more than the look.
   */
  private fieldsOf(text: string, start: number, end: number): string[] {
    // Made as long as the last record (rows of a file have as many fields as its header): an array
    // grown by push would take room for 17 fields at its first, and most records have fewer.
    const fields = new Array<string>(this.lastWidth);
    const delimiter = this.delimiterCode;
    let count = 0;
    let p = start;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) !== delimiter) continue;
      fields[count++] = text.slice(p, i);
      p = i + 1;
    }
    fields[count++] = text.slice(p, end);
    // A ragged record: its array is cut to its fields (one longer grew as they were added).
    if (count !== fields.length) fields.length = count;
    this.lastWidth = count;
    return fields;
  }

  /**
   * Reads one record byte by byte from `pos` (or continues the partial one).
   * Returns where the next record starts, or -1 when the text ran out (the
   * record continues in the next chunk) or reading stopped.
   */
  private slow(text: string, pos: number, final: boolean): number {
    const s = this.partial ?? newState(this.line);
    this.partial = undefined;
    const length = text.length;
    const delimiterCode = this.delimiterCode;
    let i = pos;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (s.quoting) {
        if (c === QUOTE) {
          if (i + 1 >= length && !final) break;
          const next = text.charCodeAt(i + 1);
          if (next === QUOTE) {
            s.field += '"';
            i += 2;
            continue;
          }
          const ending = i + 1 >= length ? 1 : this.endsRecordAt(text, i + 1, final);
          if (ending < 0) break;
          if (ending > 0 || next === delimiterCode) {
            s.quoting = false;
            s.wasQuoting = true;
            i += 1;
            continue;
          }
          // A stray quote inside a quoted field: the field is read as the text it is, quotes included.
          s.quoting = false;
          s.wasQuoting = true;
          s.field = `"${s.field}"`;
          i += 1;
          continue;
        }
        if (c === CR && i + 1 >= length && !final) break;
        if (c === LF || c === CR) {
          this.countLineEnd(text, i);
          s.field += text[i];
          i += 1;
        } else {
          // Quoted text up to the next quote or line ending, appended at once.
          const runEnd = ordinaryRunEnd(text, i, QUOTE);
          s.field += text.slice(i, runEnd);
          i = runEnd;
        }
        if (s.recordChars + s.field.length > this.maxRecordChars) return this.stop(s.quoteLine, 'record-too-long');
        continue;
      }
      if (c === QUOTE && s.field.length === 0) {
        s.quoting = true;
        s.quoteLine = this.line;
        i += 1;
        continue;
      }
      if (c === LF || c === CR) {
        // Whether a \r ends the line (and how) depends on the next character.
        if (c === CR && i + 1 >= length && !final) break;
        if (this.recordDelimiter === undefined) {
          this.recordDelimiter = c === LF ? '\n' : text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
        }
        const ending = this.endsRecordAt(text, i, final);
        if (ending < 0) break;
        if (ending > 0) {
          this.line += 1;
          const next = i + ending;
          if (!s.wasQuoting && s.fields.length === 0 && s.field.length === 0) {
            // An empty line: skipped, and the record starts on the next one.
            s.line = this.line;
            i = next;
            continue;
          }
          s.fields.push(s.field);
          this.completed = s;
          return next;
        }
        // A line ending that is not the record delimiter is an ordinary character.
        this.countLineEnd(text, i);
      } else if (c === delimiterCode) {
        s.fields.push(s.field);
        s.recordChars += s.field.length;
        s.field = '';
        s.wasQuoting = false;
        i += 1;
        continue;
      }
      // Unquoted text up to the next delimiter or line ending (a quote inside the field is an ordinary character), appended at once.
      const runEnd = ordinaryRunEnd(text, i, delimiterCode);
      s.field += text.slice(i, runEnd);
      i = runEnd;
      if (s.recordChars + s.field.length > this.maxRecordChars) return this.stop(s.line, 'record-too-long');
    }
    if (!final) {
      this.partial = s;
      // Characters the loop could not decide on yet (a quote or \r at the end of the chunk) wait for the next.
      if (i < length) this.pending = text.slice(i);
      return -1;
    }
    if (s.quoting) return this.stop(s.quoteLine, 'unclosed-quote');
    if (s.wasQuoting || s.fields.length > 0 || s.field.length > 0) {
      s.fields.push(s.field);
      this.completed = s;
    }
    return length;
  }

  /** Length of the record delimiter at `i` (0 when the text there is none, -1 when more text is needed to tell). */
  private endsRecordAt(text: string, i: number, final: boolean): number {
    const rd = this.recordDelimiter;
    const c = text.charCodeAt(i);
    if (rd === undefined) {
      if (c === LF) return 1;
      if (c !== CR) return 0;
      if (i + 1 >= text.length && !final) return -1;
      return text.charCodeAt(i + 1) === LF ? 2 : 1;
    }
    if (rd === '\n') return c === LF ? 1 : 0;
    if (rd === '\r') return c === CR ? 1 : 0;
    if (c !== CR) return 0;
    if (i + 1 >= text.length) return final ? 0 : -1;
    return text.charCodeAt(i + 1) === LF ? 2 : 0;
  }

  /** A line ending inside a field: \r\n counts once, at its \n. */
  private countLineEnd(text: string, i: number): void {
    const c = text.charCodeAt(i);
    if (c === LF || text.charCodeAt(i + 1) !== LF) this.line += 1;
  }

  private stop(line: number, reason: 'unclosed-quote' | 'record-too-long'): number {
    this.stopped = true;
    this.pending = '';
    this.handler.fatal(line, reason);
    return -1;
  }
}

/**
 * The line ending that first ends a line of `text` from `from`, when that line is not empty and
 * holds no quote: the record delimiter, as the byte-by-byte path would find it reading that line as
 * the first record. Undefined otherwise (that path then reads on as it always did: past empty lines
 * it counts a bare `\r` inside the next record as a line, which the one-line path does not), and
 * when the text does not tell yet (no line ending, or a `\r` that ends a chunk).
 */
function leadingLineEnding(text: string, from: number, final: boolean): RecordDelimiter | undefined {
  const first = text.charCodeAt(from);
  if (first === LF || first === CR) return undefined;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return undefined;
    if (c === LF) return '\n';
    if (c === CR) {
      if (i + 1 >= text.length) return final ? '\r' : undefined;
      return text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
    }
  }
  return undefined;
}

/**
 * Where the run of ordinary characters starting at `i` ends: at the next `stop`
 * character or line ending. The character at `i` is taken as ordinary.
 */
function ordinaryRunEnd(text: string, i: number, stop: number): number {
  let j = i + 1;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === stop || c === LF || c === CR) break;
  }
  return j;
}

interface SlowState {
  fields: string[];
  field: string;
  /** Characters of the fields already complete (csv-parse's record length). */
  recordChars: number;
  quoting: boolean;
  /** The current field was quoted (an empty quoted field still counts as a field). */
  wasQuoting: boolean;
  line: number;
  quoteLine: number;
}

function newState(line: number): SlowState {
  return { fields: [], field: '', recordChars: 0, quoting: false, wasQuoting: false, line, quoteLine: line };
}

import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, fstatSync, openSync, promises as fs, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { parseCsv, parseCsvText } from './csv.js';
import { parseJsonLines, parseJsonText, parseJsonValue, withProblems } from './json.js';
import { LIMITS, LimitError } from './limits.js';
import { readPastedOutput, readWithAdapter } from './adapters/read.js';
import { boundedLines } from './lines.js';
import { parseMarkdown } from './markdown.js';
import { formatBytes } from '../util/text.js';
import { failed, skipped, type ParseOutcome } from './types.js';
import type { FileType } from '../model/report.js';

export interface FileToParse {
  absolutePath: string;
  type: FileType;
  /** Bytes; undefined when the file was listed without a stat: the reader's fstat gives it (see `onStat`). */
  size?: number;
  /** Workspace-relative path (forward slashes) shown to tool adapters; defaults to the file name. */
  path?: string;
}

/** A FileToParse whose size is known. */
export type SizedFile = FileToParse & { size: number };

/** What the reader's fstat found for a file listed without a size. */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

export interface ParseOptions {
  /** A forced format from the `format` input (adapter name or `generic`); undefined detects from content. */
  format?: string;
  /** Called with the size and time of a file listed without a size, once it is opened (before any cap is checked). */
  onStat?: (stat: FileStat) => void;
  /**
   * For a file listed without a size: its size, time and bytes when another thread read them
   * already (src/parse/prefetch.ts), or undefined to read it here.
   */
  prefetched?: () => (FileStat & { bytes: Buffer }) | undefined;
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first bytes of a file, which its encoding and content checks (and tool detection of a big file) look at. */
const HEAD_BYTES = 8192;
/** Files up to this size are read with one system call and parsed from memory. */
const READ_WHOLE_BYTES = 1_000_000;
/** Files up to this size are read without yielding to the event loop (and may be read ahead, see prefetch.ts). */
export const READ_SYNC_BYTES = 1_000_000;

async function* textLines(text: string): AsyncGenerator<string> {
  yield* text.split(/\r?\n/);
}

/** Every line is a JSON object: NDJSON saved under a `.json` name. */
function looksLikeJsonLines(text: string): boolean {
  const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return rows.length > 1 && rows.every((l) => /^\s*\{.*\}\s*$/.test(l));
}

/** Where the first byte that is not UTF-8 sits: its value and 1-based line. */
function firstInvalidUtf8(bytes: Buffer): { byte: number; line: number } | undefined {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b === 0x0a) line += 1;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // Lead byte: sequence length, and the range of the first continuation byte (no overlongs, surrogates or > U+10FFFF).
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    }
    if (length === 0) return { byte: b, line };
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const [lo, hi] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return { byte: b, line };
    }
    i += length;
  }
  return undefined;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * The bytes decode to whitespace only (what String.prototype.trim removes).
 * Judged by the bytes, as nearly every file starts with a character that is
 * no whitespace: decoding each small file a second time only to trim it cost
 * a decode per file. Bytes past ASCII (a BOM, a no-break space) are decoded
 * and trimmed as before.
 */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    // Tab, line feed, vertical tab, form feed, carriage return, space.
    if ((b >= 0x09 && b <= 0x0d) || b === 0x20) continue;
    return b < 0x80 ? false : bytes.toString('utf8').trim() === '';
  }
  return true;
}

/** Types that are parsed whole anyway (up to max-file-size): read once, up front. */
const WHOLE_TYPES = new Set<FileType>(['json', 'markdown', 'text']);

/**
 * Reads one file with the parser its type calls for. CSV and JSONL stream at
 * any size; other formats are read whole, so they obey `maxFileSize`.
 * Never throws: every failure becomes an outcome with a reason, and a file
 * past a cap (src/parse/limits.ts) is skipped with the cap as the reason.
 */
export async function parseFile(file: FileToParse, maxFileSize: number, options: ParseOptions = {}): Promise<ParseOutcome> {
  try {
    return await readAndParse(file, maxFileSize, options);
  } catch (err) {
    if (err instanceof LimitError) {
      return err.line === undefined ? skipped(err.message) : { status: 'skipped', reason: `${err.message} (at line ${err.line})`, line: err.line };
    }
    return failed(`could not be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * Opens a file listed without a size: its size and time from fstat, and, when it is small enough to be
 * read without yielding (READ_SYNC_BYTES), its bytes from the same descriptor.
 */
function openAndRead(absolutePath: string): FileStat & { bytes?: Buffer } {
  const fd = openSync(absolutePath, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    if (size === 0 || size > READ_SYNC_BYTES) return { size, mtimeMs };
    // As readFileSync reads a file of known size: up to `size` bytes, fewer if it shrank meanwhile.
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, bytes, filled, size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return { size, mtimeMs, bytes: filled < size ? bytes.subarray(0, filled) : bytes };
  } finally {
    closeSync(fd);
  }
}

/**
 * The listed file with its size, field by field: in V8 (Node 20) a spread followed by another property
 * (`{ ...listed, size }`) takes a slow path, about a microsecond, and this runs once per file.
 */
function withSize(listed: FileToParse, size: number): SizedFile {
  const file: SizedFile = { absolutePath: listed.absolutePath, type: listed.type, size };
  if (listed.path !== undefined) file.path = listed.path;
  return file;
}

async function readAndParse(listed: FileToParse, maxFileSize: number, options: ParseOptions): Promise<ParseOutcome> {
  let file: SizedFile;
  let opened: Buffer | undefined;
  if (listed.size === undefined) {
    const { size, mtimeMs, bytes } = options.prefetched?.() ?? openAndRead(listed.absolutePath);
    options.onStat?.({ size, mtimeMs });
    file = withSize(listed, size);
    opened = bytes;
  } else file = listed as SizedFile;
  if (file.size === 0) return skipped('empty file');
  // Small files (nearly all of them) are read once; big ones are sniffed, then streamed. Formats that are
  // parsed whole anyway are read whole here, so their bytes are checked once.
  const readWhole = file.size <= READ_WHOLE_BYTES || (WHOLE_TYPES.has(file.type) && file.size <= maxFileSize);
  // A small file is read synchronously: its bytes are in the page cache far more often than not, and a
  // promise read costs four thread-pool round trips (open, stat, read, close), which is most of the time
  // of a tree of small files. Large files still read without blocking.
  const whole = readWhole ? (opened ?? (file.size <= READ_SYNC_BYTES ? readFileSync(file.absolutePath) : await fs.readFile(file.absolutePath))) : undefined;
  // A file within the head's size is its own head: a view of it would be one more object per file.
  const head = whole ? (whole.length <= HEAD_BYTES ? whole : whole.subarray(0, HEAD_BYTES)) : await readHead(file.absolutePath, HEAD_BYTES);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return failed('UTF-16 encoded text: only UTF-8 is read (save the file as UTF-8)');
  }
  if (head.includes(0)) return failed('binary content (NUL bytes): not a text benchmark file');
  // Decoding would turn such bytes into U+FFFD, and a label into "��gemma". JSON must be UTF-8 (RFC 8259);
  // tables (CSV, JSONL, Markdown) check their labels row by row instead, so one bad row does not cost the file.
  if (whole && file.type === 'json' && !isUtf8(whole)) {
    const bad = firstInvalidUtf8(whole);
    const where = bad ? ` (byte ${hex(bad.byte)} at line ${bad.line})` : '';
    return failed(`not valid UTF-8 text${where}: save the file as UTF-8`, bad?.line);
  }
  // Only the whole file can be whitespace only; a long run of blanks may precede the data.
  if (head.length >= file.size && isBlank(head)) return skipped('empty file (whitespace only)');
  // A tool's own format is recognised before the generic parsers see the file.
  const reading = readWithAdapter({ file, maxFileSize, whole, head, format: options.format });
  // Read at once when the bytes are in memory (nearly always): awaited only when it is a promise.
  const tool = reading instanceof Promise ? await reading : reading;
  if (tool.outcome) return tool.outcome;
  const streamable = file.type === 'csv' || file.type === 'jsonl';
  if (!streamable && file.size > maxFileSize) {
    return skipped(`larger than max-file-size (${formatBytes(file.size)} > ${formatBytes(maxFileSize)}) and this format cannot be streamed`);
  }
  const text = async () => (whole ? whole.toString('utf8') : await fs.readFile(file.absolutePath, 'utf8'));
  switch (file.type) {
    case 'csv': {
      const tab = path.extname(file.absolutePath).toLowerCase() === '.tsv';
      if (tool.text !== undefined) return parseCsvText(tool.text, { tab });
      return await parseCsv(whole ?? createReadStream(file.absolutePath), { tab });
    }
    case 'jsonl':
      return await parseJsonLines(whole ? textLines(whole.toString('utf8')) : boundedLines(createReadStream(file.absolutePath)));
    case 'json': {
      // Already parsed for detection: no second parse of the same text.
      if (tool.json) return withProblems(parseJsonValue(tool.json.value, 'json', tool.text), tool.json.problems);
      const body = tool.text ?? (await text());
      const outcome = parseJsonText(body);
      if (outcome.status === 'failed' && looksLikeJsonLines(body)) return await parseJsonLines(textLines(body), 'jsonl');
      return outcome;
    }
    case 'markdown': {
      const body = tool.text ?? (await text());
      const outcome = parseMarkdown(body);
      // No metric table: the page may hold a tool's console output instead (a forced format is never second-guessed).
      const document = outcome.status === 'parsed' && outcome.series.length === 0;
      return (document && options.format === undefined ? readPastedOutput(file, body) : undefined) ?? outcome;
    }
    case 'text':
      return { status: 'parsed', adapter: 'text', series: [], rows: 0, excludedRows: 0, problems: [], problemCount: 0, document: true };
    default:
      return skipped('no parser for this file type');
  }
}

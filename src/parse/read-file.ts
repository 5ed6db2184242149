import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseCsv } from './csv.js';
import { parseJsonLines, parseJsonText, parseJsonValue } from './json.js';
import { readWithAdapter } from './adapters/read.js';
import { parseMarkdown } from './markdown.js';
import { formatBytes } from '../util/text.js';
import { failed, skipped, type ParseOutcome } from './types.js';
import type { FileType } from '../model/report.js';

export interface FileToParse {
  absolutePath: string;
  type: FileType;
  size: number;
  /** Workspace-relative path (forward slashes) shown to tool adapters; defaults to the file name. */
  path?: string;
}

export interface ParseOptions {
  /** A forced format from the `format` input (adapter name or `generic`); undefined detects from content. */
  format?: string;
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

/** Files up to this size are read with one system call and parsed from memory. */
const READ_WHOLE_BYTES = 1_000_000;

function fileLines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

async function* textLines(text: string): AsyncGenerator<string> {
  yield* text.split(/\r?\n/);
}

async function* chunks(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}

/** Every line is a JSON object: NDJSON saved under a `.json` name. */
function looksLikeJsonLines(text: string): boolean {
  const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return rows.length > 1 && rows.every((l) => /^\s*\{.*\}\s*$/.test(l));
}

/**
 * Reads one file with the parser its type calls for. CSV and JSONL stream at
 * any size; other formats are read whole, so they obey `maxFileSize`.
 * Never throws: every failure becomes an outcome with a reason.
 */
export async function parseFile(file: FileToParse, maxFileSize: number, options: ParseOptions = {}): Promise<ParseOutcome> {
  try {
    if (file.size === 0) return skipped('empty file');
    // Small files (nearly all of them) are read once; big ones are sniffed, then streamed.
    const whole = file.size <= READ_WHOLE_BYTES ? await fs.readFile(file.absolutePath) : undefined;
    const head = whole ? whole.subarray(0, 8192) : await readHead(file.absolutePath, 8192);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
      return failed('UTF-16 encoded text: only UTF-8 is read (save the file as UTF-8)');
    }
    if (head.includes(0)) return failed('binary content (NUL bytes): not a text benchmark file');
    // Only the whole file can be whitespace only; a long run of blanks may precede the data.
    if (head.length >= file.size && head.toString('utf8').trim() === '') return skipped('empty file (whitespace only)');
    // A tool's own format is recognised before the generic parsers see the file.
    const tool = await readWithAdapter({ file, maxFileSize, whole, head, format: options.format });
    if (tool.outcome) return tool.outcome;
    const streamable = file.type === 'csv' || file.type === 'jsonl';
    if (!streamable && file.size > maxFileSize) {
      return skipped(`larger than max-file-size (${formatBytes(file.size)} > ${formatBytes(maxFileSize)}) and this format cannot be streamed`);
    }
    const text = async () => (whole ? whole.toString('utf8') : await fs.readFile(file.absolutePath, 'utf8'));
    switch (file.type) {
      case 'csv':
        return await parseCsv(whole ? chunks(whole) : createReadStream(file.absolutePath), { tab: path.extname(file.absolutePath).toLowerCase() === '.tsv' });
      case 'jsonl':
        return await parseJsonLines(whole ? textLines(whole.toString('utf8')) : fileLines(file.absolutePath));
      case 'json': {
        // Already parsed for detection: no second parse of the same text.
        if (tool.json) return parseJsonValue(tool.json.value, 'json');
        const body = tool.text ?? (await text());
        const outcome = parseJsonText(body);
        if (outcome.status === 'failed' && looksLikeJsonLines(body)) return await parseJsonLines(textLines(body), 'jsonl');
        return outcome;
      }
      case 'markdown':
        return parseMarkdown(tool.text ?? (await text()));
      case 'text':
        return { status: 'parsed', adapter: 'text', series: [], rows: 0, excludedRows: 0, problems: [], problemCount: 0, document: true };
      default:
        return skipped('no parser for this file type');
    }
  } catch (err) {
    return failed(`could not be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

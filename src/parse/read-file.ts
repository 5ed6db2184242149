import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseCsv } from './csv.js';
import { parseJsonLines, parseJsonText } from './json.js';
import { parseMarkdown } from './markdown.js';
import { failed, skipped, type FileType, type ParseOutcome } from './types.js';

export interface FileToParse {
  absolutePath: string;
  type: FileType;
  size: number;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return bytes >= 1e3 ? `${(bytes / 1e3).toFixed(1)} kB` : `${bytes} B`;
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

function lines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
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
export async function parseFile(file: FileToParse, maxFileSize: number): Promise<ParseOutcome> {
  try {
    if (file.size === 0) return skipped('empty file');
    const head = await readHead(file.absolutePath, 8192);
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
      return failed('UTF-16 encoded text: only UTF-8 is read (save the file as UTF-8)');
    }
    if (head.includes(0)) return failed('binary content (NUL bytes): not a text benchmark file');
    // Only the whole file can be whitespace only; a long run of blanks may precede the data.
    if (head.length >= file.size && head.toString('utf8').trim() === '') return skipped('empty file (whitespace only)');
    const streamable = file.type === 'csv' || file.type === 'jsonl';
    if (!streamable && file.size > maxFileSize) {
      return skipped(`larger than max-file-size (${formatBytes(file.size)} > ${formatBytes(maxFileSize)}) and this format cannot be streamed`);
    }
    switch (file.type) {
      case 'csv':
        return await parseCsv(createReadStream(file.absolutePath), { tab: path.extname(file.absolutePath).toLowerCase() === '.tsv' });
      case 'jsonl':
        return await parseJsonLines(lines(file.absolutePath));
      case 'json': {
        const text = await fs.readFile(file.absolutePath, 'utf8');
        const outcome = parseJsonText(text);
        if (outcome.status === 'failed' && looksLikeJsonLines(text)) return await parseJsonLines(lines(file.absolutePath), 'jsonl');
        return outcome;
      }
      case 'markdown':
        return parseMarkdown(await fs.readFile(file.absolutePath, 'utf8'));
      case 'text':
        return { status: 'parsed', adapter: 'text', series: [], rows: 0, excludedRows: 0, problems: [], problemCount: 0, document: true };
      default:
        return skipped('no parser for this file type');
    }
  } catch (err) {
    return failed(`could not be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/**
 * The floor: the least work any tool must do to look at the same data. It
 * lists the files, reads every byte, JSON.parses JSON files and splits CSV
 * and Markdown into lines and fields — no type detection, no numbers, no
 * statistics. Chimera Insight's time divided by this is the overhead ratio.
 */
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';

export interface FloorResult {
  files: number;
  bytes: number;
  /** Lines, fields and JSON values touched: proof the work was done. */
  lines: number;
  fields: number;
  jsonValues: number;
  /** JSON documents (or JSONL lines) JSON.parse refused: counted, not fatal (the realistic tree plants some). */
  jsonErrors?: number;
}

const CONCURRENCY = 8; // the same parse concurrency as src/analyze.ts

function countJson(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countJson(v), 1);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + countJson(v), 1);
  return 1;
}

/** Every file under `dir`, read whole and split (CSV, Markdown) or JSON.parsed. */
export async function floorTree(dir: string): Promise<FloorResult> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(csv|json|md)$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
  const result: FloorResult = { files: 0, bytes: 0, lines: 0, fields: 0, jsonValues: 0 };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      const buffer = await fs.readFile(file);
      result.files += 1;
      result.bytes += buffer.length;
      const text = buffer.toString('utf8');
      if (file.endsWith('.json')) {
        result.jsonValues += countJson(JSON.parse(text));
        continue;
      }
      const separator = file.endsWith('.csv') ? ',' : '|';
      for (const line of text.split('\n')) {
        result.lines += 1;
        result.fields += line.split(separator).length;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return result;
}

/** The files and types the action reads by default (DEFAULT_PATTERNS in src/config.ts). */
const DEFAULT_FILES = /\.(csv|tsv|json|jsonl|ndjson|md|markdown|txt|log)$|data\.js$/i;

/**
 * The floor for a repository-shaped tree (bench/realistic.ts): every file the
 * default patterns find, minus those the action never opens by name
 * (`isSkippedByName`: READMEs, configs, lockfiles), read whole; JSON and
 * JSONL JSON.parsed (a document that does not parse is counted and passed
 * over), CSV/TSV and Markdown split into lines and fields, text split into
 * lines.
 */
export async function floorRepository(dir: string, isSkippedByName: (relPath: string) => boolean): Promise<FloorResult & { listed: number }> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const listedFiles = entries
    .filter((e) => e.isFile() && DEFAULT_FILES.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
  const files = listedFiles.filter((f) => !isSkippedByName(path.relative(dir, f).split(path.sep).join('/')));
  const result: FloorResult & { listed: number } = { files: 0, bytes: 0, lines: 0, fields: 0, jsonValues: 0, jsonErrors: 0, listed: listedFiles.length };
  const parse = (text: string) => {
    try {
      result.jsonValues += countJson(JSON.parse(text));
    } catch {
      result.jsonErrors = (result.jsonErrors ?? 0) + 1;
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      const buffer = await fs.readFile(file);
      result.files += 1;
      result.bytes += buffer.length;
      const text = buffer.toString('utf8');
      const ext = path.extname(file).toLowerCase();
      if (ext === '.json') {
        parse(text);
        continue;
      }
      const separator = ext === '.csv' ? ',' : ext === '.tsv' ? '\t' : ext === '.md' || ext === '.markdown' ? '|' : undefined;
      for (const line of text.split('\n')) {
        result.lines += 1;
        if (ext === '.jsonl' || ext === '.ndjson') {
          if (line.trim() !== '') parse(line);
        } else if (separator !== undefined) result.fields += line.split(separator).length;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return result;
}

/** One CSV streamed in the same 64 KiB chunks as the real parser, split into lines and fields. */
export async function floorCsv(file: string): Promise<FloorResult> {
  const result: FloorResult = { files: 1, bytes: 0, lines: 0, fields: 0, jsonValues: 0 };
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8' }) as AsyncIterable<string>) {
    result.bytes += Buffer.byteLength(chunk);
    const lines = (carry + chunk).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) {
      result.lines += 1;
      result.fields += line.split(',').length;
    }
  }
  if (carry !== '') {
    result.lines += 1;
    result.fields += carry.split(',').length;
  }
  return result;
}

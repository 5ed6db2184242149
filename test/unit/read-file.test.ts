import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile, type FileToParse } from '../../src/parse/read-file.js';
import type { FileType } from '../../src/model/report.js';
import { keys, parsed, samplesOf } from '../helpers/series.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '..', 'fixtures');
const MAX = 50 * 1000 * 1000;

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chimera-read-file-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Writes `content` to a fresh file in the temp dir and describes it as discovery would. */
async function written(name: string, content: string | Buffer, type: FileType): Promise<FileToParse> {
  const absolutePath = path.join(dir, name);
  await fs.writeFile(absolutePath, content);
  return { absolutePath, type, size: (await fs.stat(absolutePath)).size };
}

async function fixtureFile(relative: string, type: FileType): Promise<FileToParse> {
  const absolutePath = path.join(fixtures, relative);
  return { absolutePath, type, size: (await fs.stat(absolutePath)).size };
}

describe('parseFile: files with nothing to read', () => {
  it('skips an empty file', async () => {
    expect(await parseFile(await written('empty.json', '', 'json'), MAX)).toEqual({ status: 'skipped', reason: 'empty file' });
  });

  it('skips a file of whitespace only', async () => {
    expect(await parseFile(await written('blank.csv', ' \n\t\r\n  \n', 'csv'), MAX)).toEqual({ status: 'skipped', reason: 'empty file (whitespace only)' });
  });

  it('skips a file of Unicode whitespace only (a BOM, no-break and ideographic spaces), as trim() reads it', async () => {
    expect(await parseFile(await written('blank-unicode.md', '\uFEFF \u00A0\n\u3000\u2028', 'markdown'), MAX)).toEqual({ status: 'skipped', reason: 'empty file (whitespace only)' });
  });

  it('reads a small file whose text comes after blank space', async () => {
    const data = parsed(await parseFile(await written('indented.json', '\n \t\r\n {"ttft_ms": [120, 130]}', 'json'), MAX));
    expect(samplesOf(data, 'ttft_ms')).toEqual([120, 130]);
    const page = await parseFile(await written('nbsp.md', '\u00A0\u00A0Nothing changed in this run.\n', 'markdown'), MAX);
    expect(page).not.toEqual({ status: 'skipped', reason: 'empty file (whitespace only)' });
  });

  it('reads a file whose data comes after more blank space than the first 8 KiB', async () => {
    const data = parsed(await parseFile(await written('padded.json', `${' '.repeat(10_000)}{"ttft_ms": [120, 130]}`, 'json'), MAX));
    expect(samplesOf(data, 'ttft_ms')).toEqual([120, 130]);
  });

  it('fails binary content (NUL bytes) in a file named .json with a reason', async () => {
    const binary = Buffer.from([0x7b, 0x22, 0x00, 0x01, 0x02, 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    expect(await parseFile(await written('weights.json', binary, 'json'), MAX)).toEqual({
      status: 'failed',
      reason: 'binary content (NUL bytes): not a text benchmark file',
    });
  });

  it('fails UTF-16 text with a reason that says how to fix it, not "binary"', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"ttft_ms": 120}', 'utf16le')]);
    expect(await parseFile(await written('powershell.json', utf16, 'json'), MAX)).toEqual({
      status: 'failed',
      reason: 'UTF-16 encoded text: only UTF-8 is read (save the file as UTF-8)',
    });
  });

  it('fails a file that cannot be opened, naming the error code', async () => {
    const missing: FileToParse = { absolutePath: path.join(dir, 'gone.json'), type: 'json', size: 10 };
    expect(await parseFile(missing, MAX)).toEqual({ status: 'failed', reason: 'could not be read: ENOENT' });
  });
});

describe('parseFile: a file listed without a size', () => {
  it('opens it once, reports its size and time from fstat, and parses it', async () => {
    const file = await written('unsized.csv', 'model,ttft_ms\nllama3.1:8b,120\nllama3.1:8b,130\n', 'csv');
    const { mtimeMs } = await fs.stat(file.absolutePath);
    const stats: { size: number; mtimeMs: number }[] = [];
    const data = parsed(await parseFile({ absolutePath: file.absolutePath, type: 'csv' }, MAX, { onStat: (s) => stats.push(s) }));
    expect(stats).toEqual([{ size: 46, mtimeMs }]);
    expect(samplesOf(data, 'ttft_ms', { model: 'llama3.1:8b' })).toEqual([120, 130]);
  });

  it('checks max-file-size against the size fstat found, before reading', async () => {
    const file = await written('unsized-big.json', `{"ttft_ms": 120, "pad": "${'x'.repeat(2_473)}"}`, 'json');
    const stats: { size: number }[] = [];
    expect(await parseFile({ absolutePath: file.absolutePath, type: 'json' }, 1_000, { onStat: (s) => stats.push(s) })).toEqual({
      status: 'skipped',
      reason: 'larger than max-file-size (2.5 kB > 1.0 kB) and this format cannot be streamed',
    });
    expect(stats.map((s) => s.size)).toEqual([2_500]);
  });

  it('skips an empty one as empty', async () => {
    const file = await written('unsized-empty.json', '', 'json');
    expect(await parseFile({ absolutePath: file.absolutePath, type: 'json' }, MAX)).toEqual({ status: 'skipped', reason: 'empty file' });
  });

  it('fails one that cannot be opened, naming the error code, and reports no size', async () => {
    const stats: unknown[] = [];
    expect(await parseFile({ absolutePath: path.join(dir, 'gone-unsized.json'), type: 'json' }, MAX, { onStat: (s) => stats.push(s) })).toEqual({
      status: 'failed',
      reason: 'could not be read: ENOENT',
    });
    expect(stats).toEqual([]);
  });
});

describe('parseFile: max-file-size', () => {
  it('skips a JSON file above max-file-size and names both sizes', async () => {
    const file = await written('big.json', `{"ttft_ms": 120, "pad": "${'x'.repeat(2_473)}"}`, 'json');
    expect(file.size).toBe(2_500);
    expect(await parseFile(file, 1_000)).toEqual({
      status: 'skipped',
      reason: 'larger than max-file-size (2.5 kB > 1.0 kB) and this format cannot be streamed',
    });
  });

  it('names sizes below a kilobyte in bytes', async () => {
    const file = await written('small.json', '{"ttft_ms": [120, 130, 140, 150, 160, 170, 180]}', 'json');
    expect(await parseFile(file, 20)).toEqual({ status: 'skipped', reason: `larger than max-file-size (${file.size} B > 20 B) and this format cannot be streamed` });
  });

  it('names sizes above a megabyte in MB', async () => {
    const file = await written('huge.md', `# Notes\n\n${'x'.repeat(2_100_000)}\n`, 'markdown');
    expect(await parseFile(file, 1_000_000)).toEqual({ status: 'skipped', reason: 'larger than max-file-size (2.1 MB > 1.0 MB) and this format cannot be streamed' });
  });

  it('still streams and parses a CSV above max-file-size', async () => {
    const csv = 'model,ttft_ms\nllama3.1:8b,120\nllama3.1:8b,130\nqwen2.5:7b,95\n';
    const data = parsed(await parseFile(await written('runs.csv', csv, 'csv'), 10));
    expect(keys(data)).toEqual(['ttft_ms{model=llama3.1:8b}', 'ttft_ms{model=qwen2.5:7b}']);
    expect(samplesOf(data, 'ttft_ms', { model: 'llama3.1:8b' })).toEqual([120, 130]);
  });

  it('still streams and parses a JSONL file above max-file-size', async () => {
    const data = parsed(await parseFile(await fixtureFile('jsonl/runs.jsonl', 'jsonl'), 10));
    expect(data.adapter).toBe('jsonl');
    expect(samplesOf(data, 'ttft_ms', { model: 'llama3.1:8b' })).toEqual([120, 130]);
  });
});

describe('parseFile: dispatch by file type', () => {
  it('parses a .json file as one JSON document', async () => {
    const data = parsed(await parseFile(await fixtureFile('json/per-prompt-runs.json', 'json'), MAX));
    expect(data.adapter).toBe('json');
    expect(data.excludedRows).toBe(1);
    expect(samplesOf(data, 'ttft_ms', { model: 'llama3.1:8b' })).toEqual([120, 130, 110]);
  });

  it('parses NDJSON saved under a .json name as JSON lines', async () => {
    const data = parsed(await parseFile(await fixtureFile('json/ndjson-saved-as.json', 'json'), MAX));
    expect(data.adapter).toBe('jsonl');
    expect(data.rows).toBe(3);
    expect(samplesOf(data, 'ttft_ms', { model: 'llama3.1:8b' })).toEqual([120, 130]);
    expect(samplesOf(data, 'eval_tokens_per_s', { model: 'qwen2.5:7b' })).toEqual([51]);
  });

  it('fails a malformed .json file with the line of the error', async () => {
    expect(await parseFile(await fixtureFile('json/malformed/nan.json', 'json'), MAX)).toEqual({
      status: 'failed',
      reason: 'invalid JSON at line 3, column 14: NaN is not valid JSON (write null, or a string, for a missing or infinite value)',
      line: 3,
    });
  });

  it('does not read two pretty-printed documents in one .json file as JSON lines', async () => {
    const outcome = await parseFile(await written('two-docs.json', '{\n  "a": 1\n}\n{\n  "a": 2\n}\n', 'json'), MAX);
    expect(outcome).toMatchObject({ status: 'failed', line: 4 });
  });

  it('reads a JSONL file line by line and reports its bad lines', async () => {
    const data = parsed(await parseFile(await fixtureFile('jsonl/bad-lines.jsonl', 'jsonl'), MAX));
    expect(samplesOf(data, 'ttft_ms', { model: 'llama3.1:8b' })).toEqual([120, 140]);
    expect(data.problems.map((p) => p.line)).toEqual([2, 4, 6, 7]);
  });

  it('splits a .tsv file on tabs even when its header holds a comma', async () => {
    const file = await written('runs.tsv', 'model\tttft_ms (p50, warm)\nllama3.1:8b\t120\nllama3.1:8b\t100\n', 'csv');
    const data = parsed(await parseFile(file, MAX));
    expect(keys(data)).toEqual(['ttft_ms (p50, warm){model=llama3.1:8b}']);
    expect(samplesOf(data, 'ttft_ms (p50, warm)', { model: 'llama3.1:8b' })).toEqual([120, 100]);
  });

  it('counts a .txt file as a document without series', async () => {
    const file = await written('notes.txt', 'Reran the sweep after the driver update.\n', 'text');
    expect(await parseFile(file, MAX)).toEqual({
      status: 'parsed',
      adapter: 'text',
      series: [],
      rows: 0,
      excludedRows: 0,
      problems: [],
      problemCount: 0,
      document: true,
    });
  });

  it('counts prose Markdown as a document', async () => {
    const data = parsed(await parseFile(await written('README.md', '# Results\n\nNothing measured yet.\n', 'markdown'), MAX));
    expect(data.adapter).toBe('markdown');
    expect(data.document).toBe(true);
    expect(data.series).toEqual([]);
  });

  it('skips a file type it has no parser for', async () => {
    expect(await parseFile(await written('model.bin.sha', 'e3b0c44298fc1c149afbf4c8996fb924\n', 'other'), MAX)).toEqual({
      status: 'skipped',
      reason: 'no parser for this file type',
    });
  });
});

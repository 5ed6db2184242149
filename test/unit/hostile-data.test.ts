import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildConfig } from '../../src/config.js';
import type { FileType } from '../../src/model/report.js';
import { parseFile, type FileToParse } from '../../src/parse/read-file.js';
import { keys, notParsed, parsed, samplesOf, series } from '../helpers/series.js';

// Issue 14, items 3 and 6: inputs that crashed the run or were accepted without a word.
// Each file is one reported outcome (parsed with problems by line, skipped or failed); the run goes on.

const MAX = 50 * 1000 * 1000;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chimera-hostile-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer, type: FileType): Promise<FileToParse> {
  const absolutePath = path.join(dir, name);
  await fs.writeFile(absolutePath, content);
  return { absolutePath, type, size: (await fs.stat(absolutePath)).size, path: name };
}

const read = async (name: string, content: string | Buffer, type: FileType) => parseFile(await file(name, content, type), MAX);

describe('caps before work', () => {
  it('skips a flat JSON object of 300,000 keys as "too many keys" without building it', async () => {
    const members = Array.from({ length: 300_000 }, (_, i) => `"metric_${i}":${i % 997}.5`);
    expect(await read('keys.json', `{${members.join(',')}}`, 'json')).toEqual({
      status: 'skipped',
      reason: 'too many keys: over 100,000 distinct keys in one JSON document (at line 1)',
      line: 1,
    });
  });

  it('skips a JSON document nested 200,000 deep, naming the line where it passed 64 levels', async () => {
    const text = `${'{"a":\n'.repeat(200_000)}1${'}'.repeat(200_000)}`;
    expect(await read('deep.json', text, 'json')).toEqual({
      status: 'skipped',
      reason: 'nested too deeply: over 64 levels of objects and arrays (at line 65)',
      line: 65,
    });
  });

  it('skips a JSON file of 30,000 distinct metrics as "too many series"', async () => {
    const members = Array.from({ length: 30_000 }, (_, i) => `"m${i}":${i}`);
    expect(await read('wide.json', `{${members.join(',')}}`, 'json')).toEqual({
      status: 'skipped',
      reason: 'too many series: over 20,000 metric/label combinations in one file',
    });
  });

  it('skips a CSV with more than 2,000 columns, naming the cap', async () => {
    const header = Array.from({ length: 2_001 }, (_, i) => `m${i}`).join(',');
    const row = Array.from({ length: 2_001 }, (_, i) => String(i)).join(',');
    expect(await read('wide.csv', `${header}\n${row}\n`, 'csv')).toEqual({
      status: 'skipped',
      reason: 'too many columns: over 2,000 in one table (at line 1)',
    });
  });

  it('skips a CSV whose label column takes more than 20,000 values, at the line that passed it', async () => {
    const rows = ['model,tokens_s'];
    for (let i = 0; i < 1_000; i++) rows.push(`m${i % 10},${i}`);
    for (let i = 0; i < 25_000; i++) rows.push(`other${i},${i}`);
    expect(await read('labels.csv', rows.join('\n'), 'csv')).toEqual({
      status: 'skipped',
      reason: 'too many series: over 20,000 label combinations in one file (at line 20992)',
    });
  });

  it('reports a JSONL line longer than 16,000,000 characters by its line and reads the others', async () => {
    const text = `{"tokens_s": 1}\n{"blob": "${'x'.repeat(16_000_001)}"}\n{"tokens_s": 3}\n`;
    const data = parsed(await read('long.jsonl', text, 'jsonl'));
    expect(data.problems).toEqual([{ line: 2, reason: 'line longer than 16,000,000 characters; line skipped' }]);
    expect(samplesOf(data, 'tokens_s')).toEqual([1, 3]);
  });

  it('reports an unclosed CSV quote after 4,000,000 characters instead of gathering the rest of the file', async () => {
    const text = `model,tokens_s\ngemma,1\n"gemma,2\n${'gemma,3\n'.repeat(600_000)}`;
    const data = parsed(await read('unclosed.csv', text, 'csv'));
    expect(data.problems).toEqual([
      { line: 3, reason: 'a record runs past 4,000,000 characters (a quote opened here and never closed?); the rest of the file could not be read' },
    ]);
    expect(samplesOf(data, 'tokens_s', { model: 'gemma' })).toEqual([1]);
  });
});

describe('units inside cells', () => {
  it('reads "12.5 ms", "101.5 tok/s", "1.2k" and "3.4 GB" as numbers, the unit becoming the series unit', async () => {
    const csv = 'model,ttft,throughput,requests,vram\ngemma,12.5 ms,101.5 tok/s,1.2k,3.4 GB\ngemma,13.5 ms,99.5 tok/s,1.4k,3.6 GB\n';
    const data = parsed(await read('units.csv', csv, 'csv'));
    expect(data.problems).toEqual([]);
    const g = { model: 'gemma' };
    expect([series(data, 'ttft', g).unitHint, samplesOf(data, 'ttft', g)]).toEqual(['ms', [12.5, 13.5]]);
    expect([series(data, 'throughput', g).unitHint, samplesOf(data, 'throughput', g)]).toEqual(['tok/s', [101.5, 99.5]]);
    expect([series(data, 'requests', g).unitHint, samplesOf(data, 'requests', g)]).toEqual([undefined, [1200, 1400]]);
    expect([series(data, 'vram', g).unitHint, samplesOf(data, 'vram', g)]).toEqual(['GB', [3.4, 3.6]]);
  });

  it('converts ms and s in one column to the first unit and says so once', async () => {
    const data = parsed(await read('mixed.csv', 'model,latency\ngemma,850 ms\ngemma,1.2 s\ngemma,0.9 s\n', 'csv'));
    expect(samplesOf(data, 'latency', { model: 'gemma' })).toEqual([850, 1200, 900]);
    expect(data.problems).toEqual([{ line: 3, reason: 'column "latency" mixes ms and s; values converted to ms' }]);
  });

  it('reports a unit of another kind by line and leaves the cell out', async () => {
    const data = parsed(await read('kinds.csv', 'model,latency\ngemma,850 ms\ngemma,3 GB\ngemma,900 ms\n', 'csv'));
    expect(samplesOf(data, 'latency', { model: 'gemma' })).toEqual([850, 900]);
    expect(data.problems).toEqual([
      { line: 3, reason: 'column "latency": "3 GB" is not in ms like the rest of the column and cannot be converted; cell skipped' },
    ]);
  });

  it('reports a cell that cannot be read by line', async () => {
    const data = parsed(await read('unread.csv', 'model,ttft_ms\ngemma,12.5\ngemma,12.5 furlongs\ngemma,13\n', 'csv'));
    expect(samplesOf(data, 'ttft_ms', { model: 'gemma' })).toEqual([12.5, 13]);
    expect(data.problems).toEqual([{ line: 3, reason: 'column "ttft_ms" holds a value that is not a number; cell skipped' }]);
  });

  it('reads a JSON value written with its unit', async () => {
    const data = parsed(await read('unit.json', '{"model": "gemma", "ttft": "12.5 ms", "eval_rate": "101.5 tok/s"}', 'json'));
    expect([series(data, 'ttft', { model: 'gemma' }).unitHint, samplesOf(data, 'ttft', { model: 'gemma' })]).toEqual(['ms', [12.5]]);
    expect(samplesOf(data, 'eval_rate', { model: 'gemma' })).toEqual([101.5]);
  });
});

describe('invalid UTF-8', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  it('fails a JSON file that is not UTF-8, naming the byte and its line', async () => {
    const outcome = notParsed(await read('latin1.json', latin1('{\n  "model": "gemma",\n  "caf\xe9_tokens_s": 101.5\n}'), 'json'));
    expect(outcome).toEqual({ status: 'failed', reason: 'not valid UTF-8 text (byte 0xE9 at line 3): save the file as UTF-8', line: 3 });
  });

  it('leaves out CSV rows whose label is not UTF-8, by line, instead of inventing a "��gemma" label', async () => {
    const bytes = Buffer.concat([Buffer.from('model,tokens_s\ngemma,101\n'), Buffer.from([0xff, 0xfe]), Buffer.from('gemma,55\ngemma,103\n')]);
    const data = parsed(await read('bad-label.csv', bytes, 'csv'));
    expect(keys(data)).toEqual(['tokens_s{model=gemma}']);
    expect(samplesOf(data, 'tokens_s', { model: 'gemma' })).toEqual([101, 103]);
    expect(data.problems).toEqual([{ line: 3, reason: 'column "model" holds bytes that are not valid UTF-8 text; row skipped (save the file as UTF-8)' }]);
  });

  it('says so when a number cell holds bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('model,tokens_s\ngemma,101\ngemma,10'), Buffer.from([0xff]), Buffer.from('\ngemma,103\n')]);
    const data = parsed(await read('bad-number.csv', bytes, 'csv'));
    expect(samplesOf(data, 'tokens_s', { model: 'gemma' })).toEqual([101, 103]);
    expect(data.problems).toEqual([{ line: 3, reason: 'column "tokens_s" holds bytes that are not valid UTF-8 text; cell skipped' }]);
  });
});

describe('duplicate JSON keys', () => {
  it('reports both lines and keeps both values out of the statistics', async () => {
    const data = parsed(await read('dup.json', '{\n  "model": "gemma",\n  "tokens_s": 101.5,\n  "ttft_ms": 40,\n  "tokens_s": 12\n}\n', 'json'));
    expect(keys(data)).toEqual(['ttft_ms{model=gemma}']);
    expect(data.problems).toEqual([
      { line: 5, reason: 'key "tokens_s" appears twice in one object (first at line 3); JSON keeps only one, so its values are left out' },
    ]);
  });

  it('reports a duplicate key in a JSONL record by its line', async () => {
    const data = parsed(await read('dup.jsonl', '{"tokens_s": 1}\n{"tokens_s": 2, "tokens_s": 200}\n{"tokens_s": 3}\n', 'jsonl'));
    expect(samplesOf(data, 'tokens_s')).toEqual([1, 3]);
    expect(data.problems).toEqual([{ line: 2, reason: 'key "tokens_s" appears twice in one object; JSON keeps only one, so its values are left out' }]);
  });
});

describe('impossible values', () => {
  it('leaves out negative throughput, negative durations and 1e308 tok/s, each by line', async () => {
    const csv = 'model,tokens_s,ttft_ms\ngemma,101,40\ngemma,-5,41\ngemma,1e308,-3\ngemma,99,42\n';
    const data = parsed(await read('impossible.csv', csv, 'csv'));
    expect(samplesOf(data, 'tokens_s', { model: 'gemma' })).toEqual([101, 99]);
    expect(samplesOf(data, 'ttft_ms', { model: 'gemma' })).toEqual([40, 41, 42]);
    expect(data.problems).toEqual([
      { line: 3, reason: 'column "tokens_s": -5 tok/s is a negative throughput; value left out' },
      { line: 4, reason: 'column "tokens_s": 1e+308 tok/s is beyond any real throughput; value left out' },
      { line: 4, reason: 'column "ttft_ms": -3 ms is a negative duration; value left out' },
    ]);
  });

  it('keeps negative values where a sign is meaningful (a change, a delta)', async () => {
    const data = parsed(await read('delta.csv', 'model,ttft_delta_ms\ngemma,-3\ngemma,2\n', 'csv'));
    expect(data.problems).toEqual([]);
    expect(samplesOf(data, 'ttft_delta_ms', { model: 'gemma' })).toEqual([-3, 2]);
  });

  it('leaves out a JSON number too large to be finite (1e999 parses as Infinity)', async () => {
    const data = parsed(await read('inf.json', '{\n  "tokens_s": [100, 1e999, 102],\n  "ttft_ms": -1\n}', 'json'));
    expect(keys(data)).toEqual(['tokens_s']);
    expect(samplesOf(data, 'tokens_s')).toEqual([100, 102]);
    expect(data.problems).toEqual([
      { line: 2, reason: '"tokens_s": not a finite number; value left out' },
      { line: 3, reason: '"ttft_ms": -1 ms is a negative duration; value left out' },
    ]);
  });

  it('leaves out a stated summary whose mean is impossible', async () => {
    const data = parsed(await read('summary.json', '{\n  "tokens_s": 9,\n  "ttft_ms": {"mean": -12, "stddev": 1, "n": 5}\n}', 'json'));
    expect(keys(data)).toEqual(['tokens_s']);
    expect(data.problems).toEqual([{ line: 3, reason: 'summary of "ttft_ms": -12 ms is a negative duration; summary left out' }]);
  });
});

describe('broken CSV quotes', () => {
  it('blames the line where the unclosed quote opens, after blank lines', async () => {
    const data = parsed(await read('quote.csv', 'model,ttft_s,tokens_s\ngemma,0.21,118\n\n\n"gemma,0.25,119\ngemma,0.23,120\n', 'csv'));
    expect(data.problems).toEqual([{ line: 5, reason: 'a quoted field is never closed; the rest of the file could not be read' }]);
  });

  it('blames the line where the unclosed quote opens mid-row', async () => {
    const data = parsed(await read('quote-mid.csv', 'model,ttft_s,tokens_s\ngemma,0.21,118\n\ngemma,"0.25,119\n\ngemma,0.23,120\n', 'csv'));
    expect(data.problems).toEqual([{ line: 4, reason: 'a quoted field is never closed; the rest of the file could not be read' }]);
  });
});

describe('series built by tool adapters and Markdown key-value tables', () => {
  it('leaves out a series whose statistics are impossible, with the line of its first value', async () => {
    const root = await fs.mkdtemp(path.join(dir, 'tree-'));
    await fs.writeFile(path.join(root, 'results.md'), '# Run\n\n| Metric | Value |\n|---|---|\n| eval rate (tok/s) | 101.5 |\n| ttft (ms) | -40 |\n');
    const config = buildConfig(() => '', { workspace: root, defaultOutputDir: undefined });
    const report = await analyze(config, { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
    expect(report.series.map((s) => s.metric)).toEqual(['eval rate (tok/s)']);
    expect(report.inventory.files[0]?.problems).toEqual([{ line: 6, reason: '"ttft (ms)": -40 ms is a negative duration; series left out' }]);
  });
});

describe('keys named like members of every JavaScript object', () => {
  it('reads a "constructor" key beside a record\'s statistics as a metric of its own, instead of failing the file', async () => {
    const doc = {
      results: [
        { command: 'sort', constructor: 0.2, stddev: 0.1, median: 0.2, min: 0.1, max: 0.3 },
        { command: 'uniq', constructor: 0.5, stddev: 0.2, median: 0.4, min: 0.3, max: 0.9 },
      ],
    };
    const data = parsed(await read('proto-stats.json', JSON.stringify(doc, null, 2), 'json'));
    expect(samplesOf(data, 'results.constructor', { command: 'sort' })).toEqual([0.2]);
    expect(series(data, 'results', { command: 'sort' }).summary).toEqual({ sd: 0.1, median: 0.2, min: 0.1, max: 0.3 });
  });
});

describe('text of the file quoted in a problem', () => {
  it('keeps a problem on one line and cuts it at 500 characters, whatever name the file gave (a hyperfine command of 100,000 characters with line breaks)', async () => {
    const command = `make \\\n  all ${'x'.repeat(100_000)}`;
    const doc = { results: [{ command, mean: 0.2, stddev: 0.1, median: 0.2, user: 0.1, system: 0.01, min: 0.1, max: 0.3, times: [0.1, 0.3], exit_codes: [0, 1] }] };
    const data = parsed(await read('hyperfine.json', JSON.stringify(doc, null, 2), 'json'));
    const reason = data.problems[0]?.reason ?? '';
    expect(reason).toBe(`command make \\ all ${'x'.repeat(500 - 'command make \\\n  all '.length)}…`);
  });
});

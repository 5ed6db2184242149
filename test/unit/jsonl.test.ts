import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../src/parse/json.js';
import { keys, parsed, samplesOf, series, statsOf } from '../helpers/series.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '..', 'fixtures', 'jsonl');

/** Lines as the file reader hands them over: readline over a stream. */
function fixtureLines(name: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path.join(fixtures, name), { encoding: 'utf8' }), crlfDelay: Infinity });
}

async function* lines(...items: string[]): AsyncGenerator<string> {
  for (const item of items) yield item;
}

const NAN_ADVICE = 'is not valid JSON (write null, or a string, for a missing or infinite value)';

describe('parseJsonLines: one record per line', () => {
  it('splits every numeric field into one series per model', async () => {
    const data = parsed(await parseJsonLines(fixtureLines('runs.jsonl')));
    expect(keys(data)).toEqual([
      'eval_tokens_per_s{model=llama3.1:8b}',
      'eval_tokens_per_s{model=qwen2.5:7b}',
      'ttft_ms{model=llama3.1:8b}',
      'ttft_ms{model=qwen2.5:7b}',
    ]);
  });

  it('computes n, mean and sd of each model from its own lines', async () => {
    const data = parsed(await parseJsonLines(fixtureLines('runs.jsonl')));
    expect(statsOf(series(data, 'ttft_ms', { model: 'llama3.1:8b' }))).toEqual({ n: 2, mean: 125, sd: 5 * Math.SQRT2 });
    expect(statsOf(series(data, 'eval_tokens_per_s', { model: 'llama3.1:8b' }))).toEqual({ n: 2, mean: 42, sd: Math.SQRT1_2 });
    expect(statsOf(series(data, 'ttft_ms', { model: 'qwen2.5:7b' }))).toEqual({ n: 2, mean: 100, sd: 5 * Math.SQRT2 });
  });

  it('leaves out a record with a non-empty error and counts it', async () => {
    const data = parsed(await parseJsonLines(fixtureLines('runs.jsonl')));
    expect(data.rows).toBe(5);
    expect(data.excludedRows).toBe(1);
    expect(samplesOf(series(data, 'eval_tokens_per_s', { model: 'qwen2.5:7b' }))).toEqual([51, 49]);
  });

  it('names the reader jsonl unless told otherwise', async () => {
    expect(parsed(await parseJsonLines(lines('{"x_ms": 1}'))).adapter).toBe('jsonl');
    expect(parsed(await parseJsonLines(lines('{"x_ms": 1}'), 'ollama')).adapter).toBe('ollama');
  });

  it('flattens nested objects and keeps arrays of numbers as samples', async () => {
    const data = parsed(await parseJsonLines(fixtureLines('nested.jsonl')));
    const model = { model: 'llama3.1:8b' };
    expect(keys(data)).toEqual(['eval_tokens_per_s{model=llama3.1:8b}', 'timings.eval_ms{model=llama3.1:8b}', 'timings.prompt_eval_ms{model=llama3.1:8b}']);
    expect(samplesOf(series(data, 'timings.prompt_eval_ms', model))).toEqual([35, 45]);
    expect(samplesOf(series(data, 'eval_tokens_per_s', model))).toEqual([40, 44, 42]);
  });

  it('makes a field first seen on a later line a metric too', async () => {
    const data = parsed(await parseJsonLines(lines('{"model": "a", "ttft_ms": 10}', '{"model": "a", "ttft_ms": 20, "tpot_ms": 4}')));
    expect(keys(data)).toEqual(['tpot_ms{model=a}', 'ttft_ms{model=a}']);
    expect(samplesOf(series(data, 'tpot_ms', { model: 'a' }))).toEqual([4]);
  });

  it('strips a byte order mark from the first line', async () => {
    const data = parsed(await parseJsonLines(lines('\uFEFF{"ttft_ms": 7}', '{"ttft_ms": 9}')));
    expect(data.problemCount).toBe(0);
    expect(samplesOf(series(data, 'ttft_ms'))).toEqual([7, 9]);
  });

  it('reads CRLF line endings', async () => {
    const input = createInterface({ input: Readable.from(['{"ttft_ms": 7}\r\n{"ttft_ms": 9}\r\n']), crlfDelay: Infinity });
    const data = parsed(await parseJsonLines(input));
    expect(data.problemCount).toBe(0);
    expect(samplesOf(series(data, 'ttft_ms'))).toEqual([7, 9]);
  });
});

describe('parseJsonLines: bad lines', () => {
  it('reports a malformed line with its line number and keeps the other lines', async () => {
    const data = parsed(await parseJsonLines(fixtureLines('bad-lines.jsonl')));
    expect(samplesOf(series(data, 'ttft_ms', { model: 'llama3.1:8b' }))).toEqual([120, 140]);
    expect(data.problems[0]).toEqual({
      line: 2,
      reason: "invalid JSON at column 39: the line ends before the '{' opened at column 1 is closed (truncated line?); line skipped",
    });
  });

  it('reports a line that is valid JSON but not an object', async () => {
    const data = parsed(await parseJsonLines(fixtureLines('bad-lines.jsonl')));
    expect(data.problems.filter((p) => p.reason === 'not a JSON object; line skipped').map((p) => p.line)).toEqual([4, 6]);
  });

  it('reports a NaN token with its line and column', async () => {
    const data = parsed(await parseJsonLines(fixtureLines('bad-lines.jsonl')));
    expect(data.problems.at(-1)).toEqual({ line: 7, reason: `invalid JSON at column 37: NaN ${NAN_ADVICE}; line skipped` });
  });

  it('ignores blank lines without reporting them, and counts only records as rows', async () => {
    const data = parsed(await parseJsonLines(fixtureLines('bad-lines.jsonl')));
    expect(data.problems.map((p) => p.line)).toEqual([2, 4, 6, 7]);
    expect(data.problemCount).toBe(4);
    expect(data.rows).toBe(2);
  });

  it('fails a file whose every line is bad with the first reason and its line', async () => {
    expect(await parseJsonLines(fixtureLines('all-bad.jsonl'))).toEqual({
      status: 'failed',
      reason: "no readable JSON record (line 1: invalid JSON at column 25: missing ',' before this property (or a missing '}'); line skipped)",
      line: 1,
    });
  });

  it('fails a file of non-object lines', async () => {
    expect(await parseJsonLines(lines('[1, 2]', '3'))).toEqual({
      status: 'failed',
      reason: 'no readable JSON record (line 1: not a JSON object; line skipped)',
      line: 1,
    });
  });

  it('fails input without any line', async () => {
    expect(await parseJsonLines(lines('', '   '))).toEqual({ status: 'failed', reason: 'no JSON records' });
  });

  it('skips records that hold no numbers', async () => {
    expect(await parseJsonLines(lines('{"model": "a", "note": "warm-up"}', '{"model": "b"}'))).toEqual({
      status: 'skipped',
      reason: 'no numeric values: not benchmark results',
    });
  });

  it('keeps at most 20 problems but counts them all', async () => {
    const bad = Array.from({ length: 25 }, () => '{"ttft_ms": NaN}');
    const data = parsed(await parseJsonLines(lines('{"ttft_ms": 1}', ...bad)));
    expect(data.problems).toHaveLength(20);
    expect(data.problemCount).toBe(25);
  });
});

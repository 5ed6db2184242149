import { createReadStream, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { statsFromSamples } from '../../src/metrics/stats.js';
import type { SeriesStats } from '../../src/model/series.js';
import { detectDelimiter, parseCsv, uniqueNames } from '../../src/parse/csv.js';
import { poolSummaries } from '../../src/parse/table.js';
import type { ParsedData } from '../../src/parse/types.js';
import { keys, parsed, samples, series } from '../helpers/series.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'csv');
const realSamples = path.resolve(repoRoot, '..', 'shared', 'real-samples');

/** A CSV handed to the parser as one or several Buffer chunks. */
function chunks(...parts: (string | Buffer)[]): AsyncIterable<Buffer> {
  return Readable.from(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

function fixture(name: string, highWaterMark?: number): AsyncIterable<Buffer> {
  return createReadStream(path.join(fixtures, name), highWaterMark === undefined ? {} : { highWaterMark });
}

function stats(data: ParsedData, metric: string, labels: Record<string, string> = {}): SeriesStats {
  const acc = series(data, metric, labels).samples;
  if (!acc) throw new Error(`${metric} has no samples`);
  return statsFromSamples(acc);
}

const GEMMA = { model: 'gemma3:1b' };
const LLAMA = { model: 'llama3.2:3b' };

describe('parseCsv: header row, encoding and chunking', () => {
  it('names metrics after the header row and labels them with the model column', async () => {
    const data = parsed(await parseCsv(fixture('ollama-runs.csv')));
    expect(data.adapter).toBe('csv');
    expect(data.document).toBe(false);
    expect(keys(data)).toEqual([
      'eval_count{model=gemma3:1b}',
      'eval_count{model=llama3.2:3b}',
      'tokens_s{model=gemma3:1b}',
      'tokens_s{model=llama3.2:3b}',
      'ttft_s{model=gemma3:1b}',
      'ttft_s{model=llama3.2:3b}',
    ]);
    // Six data rows, one of them errored.
    expect(data.rows).toBe(6);
    expect(data.problems).toEqual([]);
  });

  it('strips a UTF-8 BOM so the first column keeps its plain name', async () => {
    const data = parsed(await parseCsv(fixture('semicolon-decimal-comma.csv')));
    for (const s of data.series) expect(Object.keys(s.labels).sort()).toEqual(['backend', 'model']);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b', backend: 'cpu' })).toEqual([9.75]);
  });

  it('strips a BOM whose three bytes arrive in separate chunks', async () => {
    const data = parsed(await parseCsv(chunks(Buffer.from([0xef]), Buffer.from([0xbb, 0xbf]), 'model,tokens_s\ngemma3:1b,118\n')));
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b}']);
  });

  it('reads a header that is split across several chunks', async () => {
    const data = parsed(await parseCsv(chunks('mod', 'el;tok', 'ens_s;ttft', '_ms\ngemma3:1b;118', ',5;21\ngemma3:1b;121,5;19\n')));
    // The `;` is only visible once the chunks are joined; 118,5 and 121,5 are decimal commas.
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b}', 'ttft_ms{model=gemma3:1b}']);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118.5, 121.5]);
  });

  it('gives the same series when the file is streamed from disk in 16-byte chunks', async () => {
    const whole = parsed(await parseCsv(fixture('ollama-runs.csv')));
    const small = parsed(await parseCsv(fixture('ollama-runs.csv', 16)));
    expect(keys(small)).toEqual(keys(whole));
    expect(samples(small, 'tokens_s', GEMMA)).toEqual([118, 122, 120]);
    expect(small.excludedRows).toBe(1);
  });

  it('sniffs the delimiter from the header even when blank lines come first', async () => {
    // Before the fix the head stopped at the first newline, saw an empty line and fell back to ",".
    const data = parsed(await parseCsv(chunks('\n', '  \n', 'model;tokens_s\ngemma3:1b;118\ngemma3:1b;122\n')));
    expect(data.problems).toEqual([]);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118, 122]);
  });

  it('skips a whitespace-only first line instead of calling it an all-number header', async () => {
    const data = parsed(await parseCsv(chunks('   \nmodel,tokens_s\ngemma3:1b,118\n')));
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b}']);
  });

  it('reads CRLF line endings', async () => {
    const data = parsed(await parseCsv(chunks('model,tokens_s\r\ngemma3:1b,118\r\ngemma3:1b,122\r\n')));
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118, 122]);
    expect(data.problems).toEqual([]);
  });
});

describe('detectDelimiter', () => {
  it('picks the separator that appears most often in the header line', () => {
    expect(detectDelimiter('model,ttft_s,tokens_s\n')).toBe(',');
    expect(detectDelimiter('model;ttft_s;tokens_s\ngemma3:1b;0,2;118,4\n')).toBe(';');
    expect(detectDelimiter('model\tttft_s\ttokens_s\n')).toBe('\t');
  });

  it('ignores separators inside quoted header names', () => {
    expect(detectDelimiter('"latency (ms, p50)";"latency (ms, p95)";model\n')).toBe(';');
  });

  it('ignores a BOM and leading blank lines, and falls back to a comma for a single column', () => {
    expect(detectDelimiter('\uFEFF\n\nmodel;tokens_s\n')).toBe(';');
    expect(detectDelimiter('tokens_s\n118\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('parseCsv: delimiters and decimal commas', () => {
  it('reads a ";" file with decimal commas (12,5 is 12.5) and splits it by model and backend', async () => {
    const data = parsed(await parseCsv(fixture('semicolon-decimal-comma.csv')));
    expect(data.adapter).toBe('csv');
    expect(keys(data)).toEqual([
      'tokens_s{backend=cpu,model=gemma3:1b}',
      'tokens_s{backend=cuda,model=gemma3:1b}',
      'ttft_ms{backend=cpu,model=gemma3:1b}',
      'ttft_ms{backend=cuda,model=gemma3:1b}',
    ]);
    const cuda = { model: 'gemma3:1b', backend: 'cuda' };
    // ttft_ms on cuda: 12.5 and 13.5 → mean 13, sd = sqrt((0.5² + 0.5²) / 1) = 0.70711
    const ttft = stats(data, 'ttft_ms', cuda);
    expect(ttft.n).toBe(2);
    expect(ttft.mean).toBeCloseTo(13, 10);
    expect(ttft.sd).toBeCloseTo(Math.SQRT1_2, 10);
    // tokens_s on cuda: 118.4 and 121.6 → mean 120, sd = sqrt(2 · 1.6²) = 2.26274
    const tps = stats(data, 'tokens_s', cuda);
    expect(tps.mean).toBeCloseTo(120, 10);
    expect(tps.sd).toBeCloseTo(2.2627417, 6);
    expect(samples(data, 'ttft_ms', { model: 'gemma3:1b', backend: 'cpu' })).toEqual([80.25]);
  });

  it('detects tab separation from the content and reports the adapter as tsv', async () => {
    const data = parsed(await parseCsv(chunks('model\tttft_s\ttokens_s\ngemma3:1b\t0.2\t118\ngemma3:1b\t0.3\t122\n')));
    expect(data.adapter).toBe('tsv');
    expect(samples(data, 'ttft_s', GEMMA)).toEqual([0.2, 0.3]);
  });

  it('reads a .tsv with the tab option even when its header holds more commas than tabs', async () => {
    // The header "model<TAB>concurrency<TAB>latency (ms, p50)<TAB>tokens_s" would be sniffed as
    // comma-separated; the tab option (set for .tsv files) keeps the real columns.
    expect(detectDelimiter('model\tlatency (ms, p50), median\n')).toBe(',');
    const data = parsed(await parseCsv(fixture('serving.tsv'), { tab: true }));
    expect(data.adapter).toBe('tsv');
    expect(keys(data)).toEqual([
      'latency (ms, p50){concurrency=1,model=gemma3:1b}',
      'latency (ms, p50){concurrency=4,model=gemma3:1b}',
      'tokens_s{concurrency=1,model=gemma3:1b}',
      'tokens_s{concurrency=4,model=gemma3:1b}',
    ]);
    // 210.5 and 209.5 → mean 210
    expect(stats(data, 'latency (ms, p50)', { model: 'gemma3:1b', concurrency: '1' }).mean).toBeCloseTo(210, 10);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b', concurrency: '4' })).toEqual([301]);
  });
});

describe('parseCsv: quoted fields', () => {
  it('keeps quoted fields holding the delimiter and newlines inside one row', async () => {
    // Two of the six rows have a prompt spanning two lines and every prompt holds a comma.
    const data = parsed(await parseCsv(fixture('ollama-runs.csv')));
    expect(data.rows).toBe(6);
    expect(data.problems).toEqual([]);
    expect(samples(data, 'eval_count', GEMMA)).toEqual([212, 208, 216]);
  });

  it('uses a quoted label value with a delimiter in it as one label', async () => {
    const data = parsed(await parseCsv(chunks('model,tokens_s\n"gemma3:1b, q4_K_M",118\n"gemma3:1b, q8_0",95\n')));
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b, q4_K_M}', 'tokens_s{model=gemma3:1b, q8_0}']);
  });

  it('keeps line numbers true after rows with multi-line fields', async () => {
    // File lines: 1 header, 2 gemma run 1, 3–4 gemma run 2, 5 gemma run 3, 6 llama run 1.
    const data = parsed(await parseCsv(fixture('ollama-runs.csv')));
    expect(series(data, 'tokens_s', GEMMA).line).toBe(2);
    expect(series(data, 'tokens_s', LLAMA).line).toBe(6);
  });
});

describe('parseCsv: labels and metrics', () => {
  it('splits tokens_s by model into two series instead of averaging unrelated models', async () => {
    const data = parsed(await parseCsv(fixture('ollama-runs.csv')));
    expect(data.series.filter((s) => s.metric === 'tokens_s')).toHaveLength(2);
    // gemma3:1b: 118, 122, 120 → mean 120, sd = sqrt((4 + 4 + 0) / 2) = 2
    const gemma = stats(data, 'tokens_s', GEMMA);
    expect(gemma).toMatchObject({ n: 3, min: 118, max: 122, p50: 120 });
    expect(gemma.mean).toBeCloseTo(120, 10);
    expect(gemma.sd).toBeCloseTo(2, 10);
    // llama3.2:3b: 61, 63 (the timed-out run is excluded) → mean 62, sd = sqrt(2) = 1.41421
    const llama = stats(data, 'tokens_s', LLAMA);
    expect(llama).toMatchObject({ n: 2, min: 61, max: 63 });
    expect(llama.mean).toBeCloseTo(62, 10);
    expect(llama.sd).toBeCloseTo(Math.SQRT2, 10);
  });

  it('computes every numeric column per model (ttft_s 0.40/0.20/0.30 → mean 0.3, sd 0.1)', async () => {
    const data = parsed(await parseCsv(fixture('ollama-runs.csv')));
    const ttft = stats(data, 'ttft_s', GEMMA);
    expect(ttft.mean).toBeCloseTo(0.3, 10);
    expect(ttft.sd).toBeCloseTo(0.1, 10);
    // eval_count 212, 208, 216 → mean 212, sd = sqrt((0 + 16 + 16) / 2) = 4
    const evalCount = stats(data, 'eval_count', GEMMA);
    expect(evalCount.mean).toBeCloseTo(212, 10);
    expect(evalCount.sd).toBeCloseTo(4, 10);
  });

  it('excludes a row with a non-empty error and counts it, never averaging its zeros in', async () => {
    const data = parsed(await parseCsv(fixture('ollama-runs.csv')));
    expect(data.excludedRows).toBe(1);
    // The errored row holds 0, 0, 0: none of them may reach the llama series.
    expect(samples(data, 'ttft_s', LLAMA)).toEqual([0.6, 0.3]);
    expect(samples(data, 'eval_count', LLAMA)).toEqual([240, 236]);
    expect(stats(data, 'tokens_s', LLAMA).min).toBe(61);
  });

  it('does not treat empty, 0, none, false, ok, n/a or "-" in the error column as errors', async () => {
    const csv = ['model,tokens_s,error', 'gemma3:1b,101,', 'gemma3:1b,102,0', 'gemma3:1b,103,none', 'gemma3:1b,104,False',
      'gemma3:1b,105,OK', 'gemma3:1b,106,N/A', 'gemma3:1b,107,-', 'gemma3:1b,0,CUDA out of memory', 'gemma3:1b,0,503'].join('\n');
    const data = parsed(await parseCsv(chunks(csv)));
    expect(data.rows).toBe(9);
    expect(data.excludedRows).toBe(2);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([101, 102, 103, 104, 105, 106, 107]);
  });

  it('recognises the error column by its usual names (error_message, exception)', async () => {
    const a = parsed(await parseCsv(chunks('model,tokens_s,error_message\ngemma3:1b,118,\ngemma3:1b,0,connection reset\n')));
    const b = parsed(await parseCsv(chunks('model,tokens_s,Exception\ngemma3:1b,118,\ngemma3:1b,0,TimeoutError\n')));
    for (const data of [a, b]) {
      expect(data.excludedRows).toBe(1);
      expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b}']);
      expect(samples(data, 'tokens_s', GEMMA)).toEqual([118]);
    }
  });

  it('produces no series for a model whose every run failed', async () => {
    const csv = 'model,tokens_s,error\ngemma3:1b,118,\nqwen3:32b,0,model requires more system memory\nqwen3:32b,0,model requires more system memory\n';
    const data = parsed(await parseCsv(chunks(csv)));
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b}']);
    expect(data.excludedRows).toBe(2);
  });

  it('leaves out a row whose status column says FAIL instead of labelling series status=OK and status=FAIL', async () => {
    // A llama-bench wrapper's summary: the run that ran out of memory kept only its VRAM reading.
    const csv = ['label,depth,pp_tok_s,vram_peak_mib,status', 'qwen-q4,0,1702.4,14980,OK', 'qwen-q4,16384,1420.8,15260,OK', 'qwen-q4,65536,,14250,FAIL'].join('\n');
    const data = parsed(await parseCsv(chunks(csv)));
    expect(data.excludedRows).toBe(1);
    expect(keys(data)).toEqual(['pp_tok_s{depth=0,label=qwen-q4}', 'pp_tok_s{depth=16384,label=qwen-q4}', 'vram_peak_mib{depth=0,label=qwen-q4}', 'vram_peak_mib{depth=16384,label=qwen-q4}']);
  });

  it('keeps a status column of other values (HTTP codes) as it was', async () => {
    const csv = ['model,tokens_s,status', 'gemma3:1b,101,200', 'gemma3:1b,99,200', 'gemma3:1b,0,503'].join('\n');
    const data = parsed(await parseCsv(chunks(csv)));
    expect(data.excludedRows).toBe(0);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([101, 99, 0]);
  });

  it('reads passed, succeeded and done in a status column as runs that worked', async () => {
    const csv = ['model,tokens_s,status', 'gemma3:1b,101,passed', 'gemma3:1b,99,Succeeded', 'gemma3:1b,98,done', 'gemma3:1b,0,timeout'].join('\n');
    const data = parsed(await parseCsv(chunks(csv)));
    expect(data.excludedRows).toBe(1);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([101, 99, 98]);
  });

  it('splits series by a context-depth column: each depth is its own configuration, not a sample', async () => {
    const csv = ['model,depth,tg_tok_s', 'qwen-q4,0,36.5', 'qwen-q4,0,36.6', 'qwen-q4,32768,31.4', 'qwen-q4,32768,31.3'].join('\n');
    const data = parsed(await parseCsv(chunks(csv)));
    expect(samples(data, 'tg_tok_s', { model: 'qwen-q4', depth: '0' })).toEqual([36.5, 36.6]);
    expect(samples(data, 'tg_tok_s', { model: 'qwen-q4', depth: '32768' })).toEqual([31.4, 31.3]);
  });

  it('never makes index-like columns (run, iteration, timestamp) into metrics', async () => {
    const data = parsed(await parseCsv(fixture('ollama-runs.csv')));
    const metrics = new Set(data.series.map((s) => s.metric));
    expect([...metrics].sort()).toEqual(['eval_count', 'tokens_s', 'ttft_s']);
    const sweep = parsed(await parseCsv(fixture('params-sweep.csv')));
    expect(sweep.series.some((s) => s.metric === 'iteration')).toBe(false);
  });

  it('never makes a free-text prompt column into a label, even with only two distinct prompts', async () => {
    const data = parsed(await parseCsv(fixture('ollama-runs.csv')));
    for (const s of data.series) expect(Object.keys(s.labels)).toEqual(['model']);
  });

  it('never splits series by the id of a prompt or request: those are the samples of one series', async () => {
    const csv = [
      'model,prompt_id,request_id,tokens_s',
      'gemma3:1b,summarise-log,r1,118',
      'gemma3:1b,explain-kv-cache,r2,122',
      'gemma3:1b,summarise-log,r3,120',
      'gemma3:1b,explain-kv-cache,r4,124',
    ].join('\n');
    const data = parsed(await parseCsv(chunks(csv)));
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b}']);
    // 118, 122, 120, 124 → mean 121
    expect(stats(data, 'tokens_s', GEMMA).mean).toBeCloseTo(121, 10);
  });

  it('reads a per-prompt CSV repeated for three tags as one series per tag, the prompts its samples', async () => {
    const prompts = ['"Summarise the log, in two lines"', '"Explain the KV cache to a new engineer"', '"Write a short poem about the sea"'];
    const rows = ['tag,instruction,tokens_s'];
    ['q4_K_M', 'q8_0', 'f16'].forEach((tag, t) => prompts.forEach((p, i) => rows.push(`${tag},${p},${100 - 20 * t + i}`)));
    const data = parsed(await parseCsv(chunks(rows.join('\n'))));
    expect(keys(data)).toEqual(['tokens_s{tag=f16}', 'tokens_s{tag=q4_K_M}', 'tokens_s{tag=q8_0}']);
    // q8_0: 80, 81, 82 → n 3, mean 81
    const q8 = stats(data, 'tokens_s', { tag: 'q8_0' });
    expect([q8.n, q8.mean]).toEqual([3, 81]);
  });

  it('reads a column of item ids repeated for each model as samples of one series per model', async () => {
    const rows = ['model,item,latency_ms'];
    ['llama3', 'qwen3'].forEach((model, m) => ['q_001', 'q_002', 'q_003', 'q_004'].forEach((item, i) => rows.push(`${model},${item},${10 * (m + 1) + i}`)));
    const data = parsed(await parseCsv(chunks(rows.join('\n'))));
    expect(keys(data)).toEqual(['latency_ms{model=llama3}', 'latency_ms{model=qwen3}']);
    expect(samples(data, 'latency_ms', { model: 'qwen3' })).toEqual([20, 21, 22, 23]);
  });

  it('makes numeric parameter columns (batch_size, concurrency) labels, not metrics', async () => {
    const data = parsed(await parseCsv(fixture('params-sweep.csv')));
    expect(keys(data)).toEqual([
      'tokens_s{batch_size=1,concurrency=1,model=gemma3:1b}',
      'tokens_s{batch_size=8,concurrency=4,model=gemma3:1b}',
      'ttft_ms{batch_size=1,concurrency=1,model=gemma3:1b}',
      'ttft_ms{batch_size=8,concurrency=4,model=gemma3:1b}',
    ]);
    // 118, 122 → 120; 290, 310 → 300
    expect(stats(data, 'tokens_s', { model: 'gemma3:1b', batch_size: '1', concurrency: '1' }).mean).toBeCloseTo(120, 10);
    expect(stats(data, 'tokens_s', { model: 'gemma3:1b', batch_size: '8', concurrency: '4' }).mean).toBeCloseTo(300, 10);
  });

  it('makes a short text column with repeating values a label even under an unknown name', async () => {
    const csv = 'runner_pool,tokens_s\ngpu-a,118\ngpu-a,122\ngpu-b,60\ngpu-b,64\n';
    const data = parsed(await parseCsv(chunks(csv)));
    expect(keys(data)).toEqual(['tokens_s{runner_pool=gpu-a}', 'tokens_s{runner_pool=gpu-b}']);
  });

  it('gives blank and repeated header names distinct keys', async () => {
    expect(uniqueNames(['model', 'tokens_s', 'tokens_s', ' ', 'tokens_s'])).toEqual(['model', 'tokens_s', 'tokens_s_2', 'column_4', 'tokens_s_3']);
    const data = parsed(await parseCsv(fixture('duplicate-headers.csv')));
    expect(keys(data)).toEqual(['column_4{model=gemma3:1b}', 'tokens_s_2{model=gemma3:1b}', 'tokens_s{model=gemma3:1b}']);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118, 122]);
    expect(samples(data, 'tokens_s_2', GEMMA)).toEqual([60, 62]);
    expect(samples(data, 'column_4', GEMMA)).toEqual([1.5, 2.5]);
  });

  it('reports the line of a stray text cell in a numeric column and keeps the rest of that row', async () => {
    const data = parsed(await parseCsv(fixture('stray-text.csv')));
    expect(data.problems).toEqual([{ line: 4, reason: 'column "tokens_s" holds a value that is not a number; cell skipped' }]);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118, 122, 120]);
    // ttft_s keeps the row with OOM: (0.21 + 0.19 + 0.25 + 0.23) / 4 = 0.22
    expect(stats(data, 'ttft_s', GEMMA).mean).toBeCloseTo(0.22, 10);
  });

  it('keeps tokens_s a metric when 2 of 5 runs ran out of memory, never a label of measured values', async () => {
    const csv = 'model,tokens_s\ngemma3:1b,118\ngemma3:1b,OOM\ngemma3:1b,122\ngemma3:1b,OOM\ngemma3:1b,120\n';
    const data = parsed(await parseCsv(chunks(csv)));
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b}']);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118, 122, 120]);
    expect(data.problems.map((p) => p.line)).toEqual([3, 5]);
  });

  it('leaves empty, n/a and NaN cells out of a series instead of reading them as zero, and says which stated NaN', async () => {
    const data = parsed(await parseCsv(chunks('model,ttft_s,tokens_s\ngemma3:1b,0.2,\ngemma3:1b,n/a,120\ngemma3:1b,0.4,NaN\n')));
    expect(samples(data, 'ttft_s', GEMMA)).toEqual([0.2, 0.4]);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([120]);
    expect(data.problems).toEqual([{ line: 4, reason: 'column "tokens_s" states NaN (no measurement); cell skipped' }]);
  });
});

describe('parseCsv: summary columns', () => {
  it('reads mean_/std_/min_/max_ columns as one summary series named after the metric', async () => {
    const data = parsed(await parseCsv(fixture('summary-columns.csv')));
    expect(keys(data)).toEqual(['ttft_ms{model=gemma3:1b}', 'ttft_ms{model=llama3.2:3b}']);
    const llama = series(data, 'ttft_ms', LLAMA);
    expect(llama.samples).toBeUndefined();
    expect(llama.summary).toEqual({ n: 5, mean: 25, sd: 3, min: 21, max: 30 });
  });

  it('pools two summary rows with the same labels exactly', async () => {
    // gemma3:1b rows: (n 4, mean 10, sd 1, 9..12) and (n 6, mean 14, sd 2, 11..17).
    // n = 10; mean = (4·10 + 6·14) / 10 = 12.4
    // SS = 3·1² + 5·2² + (4·6/10)·(10 − 14)² = 3 + 20 + 38.4 = 61.4; sd = sqrt(61.4 / 9) = 2.611938
    const data = parsed(await parseCsv(fixture('summary-columns.csv')));
    const gemma = series(data, 'ttft_ms', GEMMA).summary;
    expect(gemma?.n).toBe(10);
    expect(gemma?.mean).toBeCloseTo(12.4, 12);
    expect(gemma?.sd).toBeCloseTo(Math.sqrt(61.4 / 9), 12);
    expect(gemma?.sd).toBeCloseTo(2.611938, 6);
    expect(gemma?.min).toBe(9);
    expect(gemma?.max).toBe(17);
    expect(gemma).toEqual(poolSummaries({ n: 4, mean: 10, sd: 1, min: 9, max: 12 }, { n: 6, mean: 14, sd: 2, min: 11, max: 17 }));
  });

  it('pools to the same mean and sd as the raw samples behind the two summaries', () => {
    // [9, 10, 11] → n 3, mean 10, sd 1; [12, 14, 16] → n 3, mean 14, sd 2.
    // Together [9, 10, 11, 12, 14, 16]: mean 12, SS = 9 + 4 + 1 + 0 + 4 + 16 = 34, sd = sqrt(34 / 5)
    const pooled = poolSummaries({ n: 3, mean: 10, sd: 1 }, { n: 3, mean: 14, sd: 2 });
    expect(pooled?.n).toBe(6);
    expect(pooled?.mean).toBeCloseTo(12, 12);
    expect(pooled?.sd).toBeCloseTo(Math.sqrt(34 / 5), 12);
  });

  it('keeps the first summary and reports the line when a repeat has no n to pool with', async () => {
    const csv = 'model,mean_tokens_s,std_tokens_s\ngemma3:1b,120,2\ngemma3:1b,124,3\n';
    const data = parsed(await parseCsv(chunks(csv)));
    expect(series(data, 'tokens_s', GEMMA).summary).toEqual({ mean: 120, sd: 2 });
    expect(data.problems).toEqual([
      { line: 3, reason: 'a second summary of "tokens_s" for the same labels without n and sd to pool it; the first is kept' },
    ]);
  });

  it('takes n from a "runs" count column beside the summaries', async () => {
    // `runs` alone is an index-like column and no metric, but beside mean_/std_ it counts the samples.
    const csv = 'model,mean_tokens_s,std_tokens_s,runs\ngemma3:1b,120,2,5\n';
    const data = parsed(await parseCsv(chunks(csv)));
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b}']);
    expect(series(data, 'tokens_s', GEMMA).summary).toEqual({ n: 5, mean: 120, sd: 2 });
  });
});

describe('parseCsv: malformed input', () => {
  it('reports ragged rows (too many / too few fields) by line and keeps the other rows', async () => {
    const data = parsed(await parseCsv(fixture('ragged.csv')));
    expect(data.problems).toEqual([
      { line: 3, reason: '4 fields where the header has 3; row skipped' },
      { line: 4, reason: '2 fields where the header has 3; row skipped' },
    ]);
    expect(data.problemCount).toBe(2);
    expect(data.rows).toBe(2);
    expect(samples(data, 'ttft_s', GEMMA)).toEqual([0.21, 0.23]);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118, 120]);
  });

  it('reports an unclosed quote with its line and keeps the rows before it', async () => {
    const data = parsed(await parseCsv(fixture('broken-quote.csv')));
    expect(data.problems).toEqual([{ line: 4, reason: 'a quoted field is never closed; the rest of the file could not be read' }]);
    expect(data.rows).toBe(2);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118, 122]);
  });

  it('keeps a row with a quote opening mid-field and reports the cell it made unreadable', async () => {
    // Line 3 is `gemma3:1b,0.19 "warm",122`: the ttft_s cell is the text `0.19 "warm"`.
    const data = parsed(await parseCsv(fixture('invalid-opening-quote.csv')));
    expect(data.problems).toEqual([{ line: 3, reason: 'column "ttft_s" holds a value that is not a number; cell skipped' }]);
    expect(data.rows).toBe(3);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118, 122, 120]);
    expect(samples(data, 'ttft_s', GEMMA)).toEqual([0.21, 0.23]);
  });

  it('keeps every row after an unescaped quote inside a quoted prompt', async () => {
    // `"Say "hello" to me"` is what a naive writer produces; strict parsing would lose the rest of the file.
    const csv = 'model,prompt,tokens_s\ngemma3:1b,"Say "hello" to me",118\ngemma3:1b,"Say ""hi"" twice",122\ngemma3:1b,plain,120\n';
    const data = parsed(await parseCsv(chunks(csv)));
    expect(data.problems).toEqual([]);
    expect(data.rows).toBe(3);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118, 122, 120]);
  });

  it('fails an empty file with a reason', async () => {
    expect(await parseCsv(fixture('empty.csv'))).toEqual({ status: 'failed', reason: 'no header row: the file holds no records' });
  });

  it('skips a header-only file (a run that died before its first row) with the reason, instead of counting it among the files with metrics', async () => {
    expect(await parseCsv(fixture('header-only.csv'))).toEqual({ status: 'skipped', reason: 'a header and no rows: nothing was measured' });
  });

  it('fails a file whose first row is all numbers, naming the missing header', async () => {
    expect(await parseCsv(fixture('no-header.csv'))).toEqual({
      status: 'failed',
      reason: 'the first row is all numbers; a header row naming the columns is required',
      line: 1,
    });
  });

  it('counts decimal commas as numbers when judging the first row of a ";" file', async () => {
    expect(await parseCsv(chunks('1;0,21;118\n2;0,19;122\n'))).toMatchObject({ status: 'failed', line: 1 });
  });

  it('skips a line of bare separators without calling it ragged', async () => {
    const data = parsed(await parseCsv(chunks('model,tokens_s\n,\ngemma3:1b,118\n')));
    expect(data.problems).toEqual([]);
    expect(data.rows).toBe(1);
  });

  it('lists the first 20 problems and counts the rest', async () => {
    const lines = ['model,tokens_s', 'gemma3:1b,118'];
    for (let i = 0; i < 30; i++) lines.push('gemma3:1b,1,2');
    const data = parsed(await parseCsv(chunks(lines.join('\n'))));
    expect(data.problems).toHaveLength(20);
    expect(data.problems[0]).toEqual({ line: 3, reason: '3 fields where the header has 2; row skipped' });
    expect(data.problems[19]?.line).toBe(22);
    expect(data.problemCount).toBe(30);
    expect(samples(data, 'tokens_s', GEMMA)).toEqual([118]);
  });
});

describe('parseCsv: real-world samples', () => {
  const files = existsSync(realSamples)
    ? readdirSync(realSamples, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(csv|tsv)$/i.test(f))
    : [];
  it.skipIf(files.length === 0)(
    'parses every CSV/TSV in ../shared/real-samples (skipped: that folder is absent or holds no CSV/TSV)',
    async () => {
      for (const file of files) {
        const outcome = await parseCsv(createReadStream(path.join(realSamples, file)), { tab: /\.tsv$/i.test(file) });
        expect(outcome.status, file).toBe('parsed');
      }
    },
  );
});

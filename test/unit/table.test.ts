import { describe, expect, it } from 'vitest';
import { labelKey } from '../../src/metrics/identity.js';
import { statsFromSamples } from '../../src/metrics/stats.js';
import { LimitError } from '../../src/parse/limits.js';
import { ProblemLog } from '../../src/parse/problems.js';
import { TableBuilder, isIgnoredName, isLabelName, parseNumber, poolSummaries, type Row } from '../../src/parse/table.js';
import { keys, samples, series } from '../helpers/series.js';

/** Rows fed as a CSV would: line 1 is the header, so row i sits on line i + 2. */
function build(rows: Row[], options: Partial<ConstructorParameters<typeof TableBuilder>[0]> = {}) {
  const problems = new ProblemLog();
  const builder = new TableBuilder({ problems, ...options });
  rows.forEach((row, i) => builder.addRow(row, i + 2));
  return { result: builder.finish(), problems };
}

const GEMMA = { model: 'gemma3:1b' };

describe('parseNumber', () => {
  it('reads a typographic minus (U+2212) as a minus', () => {
    expect(parseNumber('\u22121.5')).toBe(-1.5);
    expect(parseNumber('\u22120.25e-3')).toBe(-0.00025);
  });

  it('reads plain, signed, fractional and exponent numbers and leaves text alone', () => {
    expect(parseNumber('118')).toBe(118);
    expect(parseNumber(' -0.5 ')).toBe(-0.5);
    expect(parseNumber('.25')).toBe(0.25);
    expect(parseNumber('1.5e3')).toBe(1500);
    expect(parseNumber(42)).toBe(42);
    expect(parseNumber('12 ms')).toBeUndefined();
    expect(parseNumber('gemma3:1b')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber(Number.NaN)).toBeUndefined();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseNumber(null)).toBeUndefined();
  });

  it('reads 12,5 as 12.5 only when decimal commas are on', () => {
    expect(parseNumber('12,5')).toBeUndefined();
    expect(parseNumber('12,5', true)).toBe(12.5);
    expect(parseNumber('-0,75', true)).toBe(-0.75);
    expect(parseNumber('1,234,5', true)).toBeUndefined();
  });
});

describe('column names', () => {
  it('knows parameter columns as labels, whatever their spelling', () => {
    for (const name of ['model', 'Model Name', 'batch_size', 'batchSize', 'concurrency', 'backend', 'num_ctx', 'quant']) {
      expect(isLabelName(name), name).toBe(true);
    }
    expect(isLabelName('tokens_s')).toBe(false);
  });

  it('knows index, date and free-text columns as neither labels nor metrics', () => {
    for (const name of ['run', 'iteration', 'timestamp', 'Started At', 'prompt', 'prompt_id', 'request_id', 'response', 'notes']) {
      expect(isIgnoredName(name), name).toBe(true);
    }
    expect(isIgnoredName('ttft_s')).toBe(false);
  });
});

describe('TableBuilder: roles', () => {
  it('makes numeric columns metrics and a model column a label', () => {
    const { result } = build([
      { model: 'gemma3:1b', ttft_s: '0.2', tokens_s: '118' },
      { model: 'gemma3:1b', ttft_s: '0.4', tokens_s: '122' },
      { model: 'llama3.2:3b', ttft_s: '0.6', tokens_s: '61' },
    ]);
    expect(keys(result)).toEqual(['tokens_s{model=gemma3:1b}', 'tokens_s{model=llama3.2:3b}', 'ttft_s{model=gemma3:1b}', 'ttft_s{model=llama3.2:3b}']);
    expect(result.labelColumns).toEqual(['model']);
    expect(result.rows).toBe(3);
    // 0.2 and 0.4 → mean 0.3
    expect(statsFromSamples(series(result, 'ttft_s', GEMMA).samples!).mean).toBeCloseTo(0.3, 12);
  });

  it('records the line of the first value of each series', () => {
    const { result } = build([
      { model: 'gemma3:1b', tokens_s: '118' },
      { model: 'llama3.2:3b', tokens_s: '61' },
    ]);
    expect(series(result, 'tokens_s', GEMMA).line).toBe(2);
    expect(series(result, 'tokens_s', { model: 'llama3.2:3b' }).line).toBe(3);
  });

  it('excludes rows whose error cell is set, also when the error is a boolean or a non-zero code', () => {
    const { result } = build([
      { model: 'gemma3:1b', tokens_s: 118, error: null },
      { model: 'gemma3:1b', tokens_s: 120, error: false },
      { model: 'gemma3:1b', tokens_s: 122, error: 0 },
      { model: 'gemma3:1b', tokens_s: 0, error: true },
      { model: 'gemma3:1b', tokens_s: 0, error: 137 },
      { model: 'gemma3:1b', tokens_s: 0, error: 'context deadline exceeded' },
    ]);
    expect(result.rows).toBe(6);
    expect(result.excludedRows).toBe(3);
    expect(samples(result, 'tokens_s', GEMMA)).toEqual([118, 120, 122]);
  });

  it('reads an array cell (JSON samples) as several samples of one series', () => {
    const { result } = build([{ model: 'gemma3:1b', samples_ts: [118, 122, 120] }]);
    expect(samples(result, 'samples_ts', GEMMA)).toEqual([118, 122, 120]);
  });

  it('prefixes metric names and adds fixed labels when asked', () => {
    const { result } = build([{ model: 'gemma3:1b', tokens_s: '118' }], { metricPrefix: 'results.ollama', fixedLabels: { table: 'Warm runs' } });
    expect(keys(result)).toEqual(['results.ollama.tokens_s{model=gemma3:1b,table=Warm runs}']);
  });

  it('reads decimal commas when the table says so', () => {
    const { result } = build([{ model: 'gemma3:1b', ttft_ms: '12,5' }, { model: 'gemma3:1b', ttft_ms: '13,5' }], { decimalComma: true });
    expect(samples(result, 'ttft_ms', GEMMA)).toEqual([12.5, 13.5]);
  });

  it('does not make a column of unique short strings (request ids) a label', () => {
    const { result } = build([
      { request: 'req-0001', tokens_s: '118' },
      { request: 'req-0002', tokens_s: '122' },
      { request: 'req-0003', tokens_s: '120' },
      { request: 'req-0004', tokens_s: '124' },
    ]);
    expect(keys(result)).toEqual(['tokens_s']);
    expect(samples(result, 'tokens_s')).toEqual([118, 122, 120, 124]);
  });

  it('makes a row-name column a label even when every row has its own name', () => {
    const rows = [
      { workload: 'short chat', tokens_s: '120' },
      { workload: 'long summary', tokens_s: '95' },
      { workload: 'code completion', tokens_s: '110' },
      { workload: 'RAG answer', tokens_s: '88' },
    ];
    expect(keys(build(rows).result)).toEqual(['tokens_s']);
    expect(keys(build(rows, { rowNameColumns: ['workload'] }).result)).toEqual([
      'tokens_s{workload=RAG answer}',
      'tokens_s{workload=code completion}',
      'tokens_s{workload=long summary}',
      'tokens_s{workload=short chat}',
    ]);
  });

  it('does not make a long text column a label', () => {
    const long = 'The quick brown fox jumps over the lazy dog while the GPU warms up slowly.';
    const { result } = build([
      { summary_text: long, tokens_s: '118' },
      { summary_text: long, tokens_s: '122' },
    ]);
    expect(keys(result)).toEqual(['tokens_s']);
  });

  it('reports a stray text cell by line and keeps the column a metric', () => {
    const { result, problems } = build([
      { model: 'gemma3:1b', tokens_s: '118' },
      { model: 'gemma3:1b', tokens_s: 'timeout' },
      { model: 'gemma3:1b', tokens_s: '122' },
    ]);
    expect(problems.items).toEqual([{ line: 3, reason: 'column "tokens_s" holds a value that is not a number; cell skipped' }]);
    expect(samples(result, 'tokens_s', GEMMA)).toEqual([118, 122]);
  });
});

describe('TableBuilder: streaming past the profiled rows', () => {
  /**
   * 2,500 rows, roles decided on the first 1,000:
   *  - even rows: gemma3:1b, tokens_s 119 (i % 4 == 0) or 121 → 1,250 rows, mean 120, sd ≈ 1
   *  - odd rows below 2,000: llama3.2:3b, tokens_s 62 → 1,000 rows, mean 62, sd 0
   *  - odd rows from 2,000: qwen3:4b (first seen after profiling), tokens_s 80 → 250 rows
   */
  function longTable(): Row[] {
    const rows: Row[] = [];
    for (let i = 0; i < 2500; i++) {
      const model = i % 2 === 0 ? 'gemma3:1b' : i < 2000 ? 'llama3.2:3b' : 'qwen3:4b';
      const tokens = model === 'gemma3:1b' ? (i % 4 === 0 ? 119 : 121) : model === 'llama3.2:3b' ? 62 : 80;
      rows.push({ run: String(i + 1), model, tokens_s: String(tokens) });
    }
    return rows;
  }

  it('keeps splitting by the label column after the first 1,000 rows', () => {
    const { result } = build(longTable());
    expect(result.rows).toBe(2500);
    expect(keys(result)).toEqual(['tokens_s{model=gemma3:1b}', 'tokens_s{model=llama3.2:3b}', 'tokens_s{model=qwen3:4b}']);
    const gemma = statsFromSamples(series(result, 'tokens_s', GEMMA).samples!);
    expect(gemma.n).toBe(1250);
    expect(gemma.mean).toBeCloseTo(120, 10);
    // 625 values at 119 and 625 at 121: SS = 1,250 · 1² → sd = sqrt(1250 / 1249)
    expect(gemma.sd).toBeCloseTo(Math.sqrt(1250 / 1249), 10);
    expect(series(result, 'tokens_s', { model: 'llama3.2:3b' }).samples?.count).toBe(1000);
    // A label value first seen on row 2,002 (line 2,003) still gets its own series.
    const qwen = series(result, 'tokens_s', { model: 'qwen3:4b' });
    expect(qwen.samples?.count).toBe(250);
    expect(qwen.samples?.mean).toBe(80);
    expect(qwen.line).toBe(2003);
  });

  it('gives the same result whether the table ends before or after the profiling window', () => {
    const rows = longTable();
    const short = build(rows.slice(0, 999)).result;
    const long = build(rows.slice(0, 1001)).result;
    expect(keys(short)).toEqual(['tokens_s{model=gemma3:1b}', 'tokens_s{model=llama3.2:3b}']);
    expect(keys(long)).toEqual(keys(short));
    expect(series(long, 'tokens_s', GEMMA).samples?.count).toBe(501);
  });

  it('judges a numeric key first seen after profiling as a metric', () => {
    const rows = longTable().slice(0, 1200);
    rows.forEach((row, i) => {
      if (i >= 1100) row.gpu_util_pct = String(80 + (i % 2) * 10);
    });
    const { result } = build(rows);
    // Rows 1,100..1,199: 50 of them even (80) and 50 odd (90), split by model.
    expect(samples(result, 'gpu_util_pct', GEMMA)).toEqual(new Array(50).fill(80));
    expect(samples(result, 'gpu_util_pct', { model: 'llama3.2:3b' })).toEqual(new Array(50).fill(90));
  });

  it('waits for a real value before judging a late key whose first cell is empty', () => {
    const rows = longTable().slice(0, 1200);
    rows.forEach((row, i) => {
      if (i === 1100) row.gpu_util_pct = '';
      else if (i > 1100) row.gpu_util_pct = i % 2 === 0 ? '85' : '95';
    });
    const { result } = build(rows);
    // Judged on the empty cell it became a label and split tokens_s by every utilisation value.
    expect(result.labelColumns).toEqual(['model']);
    expect(result.series.filter((s) => s.metric === 'tokens_s').map((s) => labelKey(s.labels))).toEqual(['{model=gemma3:1b}', '{model=llama3.2:3b}']);
    expect(samples(result, 'gpu_util_pct', GEMMA)).toHaveLength(49);
  });

  it('never makes a late free-text key a label', () => {
    const rows = longTable().slice(0, 1100);
    rows.forEach((row, i) => {
      if (i >= 1050) row.stack_trace = `Traceback (most recent call last): File "bench.py", line ${i}, in run_one: TimeoutError`;
    });
    const { result } = build(rows);
    expect(keys(result)).toEqual(['tokens_s{model=gemma3:1b}', 'tokens_s{model=llama3.2:3b}']);
  });

  it('makes a column that is empty through the profiling window a metric once numbers arrive', () => {
    const rows = longTable().slice(0, 1100);
    rows.forEach((row, i) => {
      row.vram_gb = i < 1000 ? '' : '3.5';
    });
    const { result } = build(rows);
    expect(samples(result, 'vram_gb', GEMMA)).toEqual(new Array(50).fill(3.5));
  });
});

describe('TableBuilder: caps', () => {
  it('stops with a LimitError at the first metric/label combination past 20,000', () => {
    const builder = new TableBuilder({ problems: new ProblemLog() });
    builder.setColumns(['config', 'a', 'b', 'c', 'd', 'e']);
    let line = 2;
    let error: unknown;
    try {
      // Five metrics per config: the 4,001st config brings combinations 20,001 to 20,005.
      for (let k = 0; k < 5_000; k++) builder.addCells([`config${k % 40}x${Math.floor(k / 40)}`, '1', '2', '3', '4', '5'], line++);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LimitError);
    expect((error as LimitError).message).toBe('too many series: over 20,000 metric/label combinations in one file');
    expect((error as LimitError).line).toBe(4_002);
  });

  it('stops with a LimitError at the 2,001st column', () => {
    const builder = new TableBuilder({ problems: new ProblemLog() });
    const row = Object.fromEntries(Array.from({ length: 2_001 }, (_, i) => [`c${i}`, i]));
    expect(() => builder.addRow(row, 1)).toThrow('too many columns: over 2,000 in one table');
  });
});

describe('TableBuilder: summary columns', () => {
  it('reads mean/std/p95 columns as one summary series, with n from a shared count column', () => {
    const { result } = build([{ model: 'gemma3:1b', mean_ttft_ms: '210', std_ttft_ms: '12', p95_ttft_ms: '236', count: '20' }]);
    expect(keys(result)).toEqual(['ttft_ms{model=gemma3:1b}']);
    expect(series(result, 'ttft_ms', GEMMA).summary).toEqual({ n: 20, mean: 210, sd: 12, percentiles: { 95: 236 } });
  });

  it('pools repeated summaries exactly and drops percentiles, which cannot be pooled', () => {
    // (n 4, mean 10, sd 1) + (n 6, mean 14, sd 2): mean 12.4, sd sqrt((3 + 20 + 38.4) / 9)
    const { result } = build([
      { model: 'gemma3:1b', ttft_ms_mean: '10', ttft_ms_std: '1', ttft_ms_p95: '12', n: '4' },
      { model: 'gemma3:1b', ttft_ms_mean: '14', ttft_ms_std: '2', ttft_ms_p95: '18', n: '6' },
    ]);
    const summary = series(result, 'ttft_ms', GEMMA).summary;
    expect(summary?.n).toBe(10);
    expect(summary?.mean).toBeCloseTo(12.4, 12);
    expect(summary?.sd).toBeCloseTo(Math.sqrt(61.4 / 9), 12);
    expect(summary?.percentiles).toBeUndefined();
  });

  it('keeps a lone mean_ column an ordinary metric', () => {
    const { result } = build([{ model: 'gemma3:1b', mean_tokens_s: '118' }]);
    expect(keys(result)).toEqual(['mean_tokens_s{model=gemma3:1b}']);
  });
});

describe('poolSummaries', () => {
  it('combines n, mean, sd, min and max exactly', () => {
    // a = [1, 2, 3] (n 3, mean 2, sd 1), b = [5, 7] (n 2, mean 6, sd sqrt(2)).
    // Together [1, 2, 3, 5, 7]: mean 18 / 5 = 3.6, SS = 6.76 + 2.56 + 0.36 + 1.96 + 11.56 = 23.2, sd = sqrt(23.2 / 4)
    expect(poolSummaries({ n: 3, mean: 2, sd: 1, min: 1, max: 3 }, { n: 2, mean: 6, sd: Math.SQRT2, min: 5, max: 7 })).toEqual({
      n: 5,
      mean: 3.6,
      sd: expect.closeTo(Math.sqrt(5.8), 12),
      min: 1,
      max: 7,
    });
  });

  it('gives sd 0 when two single samples are equal and keeps min/max only when both sides have them', () => {
    expect(poolSummaries({ n: 1, mean: 5, sd: 0 }, { n: 1, mean: 5, sd: 0, min: 5 })).toEqual({ n: 2, mean: 5, sd: 0 });
  });

  it('refuses to pool without n or sd on both sides', () => {
    expect(poolSummaries({ mean: 1, sd: 1 }, { n: 3, mean: 2, sd: 1 })).toBeUndefined();
    expect(poolSummaries({ n: 3, mean: 1 }, { n: 3, mean: 2, sd: 1 })).toBeUndefined();
  });
});

describe('ProblemLog', () => {
  it('keeps the first 20 problems and counts the rest', () => {
    const log = new ProblemLog();
    for (let i = 1; i <= 25; i++) log.add(i, `problem ${i}`);
    expect(log.items).toHaveLength(20);
    expect(log.items[19]).toEqual({ line: 20, reason: 'problem 20' });
    expect(log.dropped).toBe(5);
    expect(log.total).toBe(25);
  });

  it('leaves the line out of a problem that has none', () => {
    const log = new ProblemLog(2);
    log.add(undefined, 'the file holds no header');
    expect(log.items).toEqual([{ reason: 'the file holds no header' }]);
  });
});

describe('TableBuilder: columns that name many things, dates and bare statistics', () => {
  it('keeps a benchmark name column as a label even with more than 50 names', () => {
    const rows = Array.from({ length: 60 }, (_, i) => ({ name: `BM_Decode/${i + 1}`, real_time_ns: String(100 + i) }));
    const { result } = build(rows);
    expect(result.series).toHaveLength(60);
    expect(samples(result, 'real_time_ns', { name: 'BM_Decode/60' })).toEqual([159]);
  });

  it('ignores a column of timestamps written as text, so run times never enter series ids', () => {
    const { result } = build([
      { model: 'gemma3:1b', test_time: '2025-06-08T22:17:33Z', tokens_s: '120' },
      { model: 'gemma3:1b', test_time: '2025-06-08T22:18:01Z', tokens_s: '124' },
    ]);
    expect(keys(result)).toEqual(['tokens_s{model=gemma3:1b}']);
  });

  it('reads a label-named column holding measured values (concurrency 11.780263…) as a metric, and a setting (16) as a label', () => {
    const { result } = build([
      { concurrency: '11.780263008980727', request_throughput: '4.51' },
      { concurrency: '12.104417923115536', request_throughput: '4.62' },
    ]);
    expect(keys(result)).toEqual(['concurrency', 'request_throughput']);
    const settings = build([
      { concurrency: '16', request_throughput: '4.51' },
      { concurrency: '32', request_throughput: '6.02' },
    ]);
    expect(keys(settings.result)).toEqual(['request_throughput{concurrency=16}', 'request_throughput{concurrency=32}']);
  });

  it('ignores timestamps written with slashes (nvidia-smi), without a problem', () => {
    const { result, problems } = build([
      { timestamp: '2026/09/22 09:06:42.286', 'memory.used [MiB]': '20480' },
      { timestamp: '2026/09/22 09:06:43.287', 'memory.used [MiB]': '20512' },
    ]);
    expect(keys(result)).toEqual(['memory.used [MiB]']);
    expect(problems.items).toEqual([]);
  });

  it('ignores a unit column instead of splitting series by it', () => {
    const { result } = build([{ name: 'decode', time: '12', time_unit: 'ns' }]);
    expect(keys(result)).toEqual(['time{name=decode}']);
  });

  it('reads records of bare mean/stddev/n as the summary of the table itself', () => {
    const { result } = build(
      [
        { model: 'gemma3:1b', mean: 120, stddev: 2, n: 5 },
        { model: 'gemma3:4b', mean: 70, stddev: 1.5, n: 5 },
      ],
      { metricPrefix: 'tokens_s' },
    );
    expect(keys(result)).toEqual(['tokens_s{model=gemma3:1b}', 'tokens_s{model=gemma3:4b}']);
    expect(series(result, 'tokens_s', GEMMA).summary).toEqual({ mean: 120, sd: 2, n: 5 });
  });

  it('names a bare summary "value" when the table has no name of its own', () => {
    const { result } = build([{ mean: 3, min: 2, max: 4 }]);
    expect(keys(result)).toEqual(['value']);
  });
});

describe('TableBuilder: context columns', () => {
  it('does not label series with text that is the same on every row, unless it is named like a label', () => {
    const { result } = build([
      { model: 'gemma3:1b', build_commit: '247e5c6e', tokens_s: '120' },
      { model: 'gemma3:1b', build_commit: '247e5c6e', tokens_s: '124' },
    ]);
    expect(keys(result)).toEqual(['tokens_s{model=gemma3:1b}']);
  });

  it('keeps a constant text column as a label in a table too long to profile whole', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({ variant: i < 1000 ? 'a' : 'b', tokens_s: String(100 + (i % 3)) }));
    const { result } = build(rows);
    expect(keys(result)).toEqual(['tokens_s{variant=a}', 'tokens_s{variant=b}']);
  });

  it('reports a column of numbers written as text instead of splitting series by it', () => {
    const { result, problems } = build([
      { model: 'gemma3:1b', outliers: '22;163', tokens_s: '120' },
      { model: 'gemma3:1b', outliers: '3;9', tokens_s: '124' },
    ]);
    expect(keys(result)).toEqual(['tokens_s{model=gemma3:1b}']);
    expect(problems.items).toEqual([{ reason: 'column "outliers" holds numbers written as text (such as "22;163"); not read as a metric' }]);
  });

  it('reports an ignored column of numbers written as text, and not one that also holds words', () => {
    const { problems } = build([
      { model: 'a', iteration: '1;2', run_id: '1;2', tokens_s: '120' },
      { model: 'a', iteration: ' 3;4', run_id: 'r3', tokens_s: '124' },
    ]);
    expect(problems.items).toEqual([{ reason: 'column "iteration" holds numbers written as text (such as "1;2"); not read as a metric' }]);
  });
});

describe('TableBuilder: several keys first seen after profiling', () => {
  it('still reads a late key whose first value was empty after another late key got its role', () => {
    const rows: Row[] = Array.from({ length: 1000 }, () => ({ model: 'gemma3:1b', tokens_s: '120' }));
    rows.push({ model: 'gemma3:1b', tokens_s: '121', ttft_ms: '', load_ms: '900' });
    rows.push({ model: 'gemma3:1b', tokens_s: '122', ttft_ms: '210', load_ms: '20' });
    const { result } = build(rows);
    expect(keys(result)).toEqual(['load_ms{model=gemma3:1b}', 'tokens_s{model=gemma3:1b}', 'ttft_ms{model=gemma3:1b}']);
    expect(samples(result, 'ttft_ms', GEMMA)).toEqual([210]);
  });
});

describe('TableBuilder: workload columns', () => {
  /** Five prompts, each run once per quantization tag, under a column name no list knows. */
  const PROMPTS = [
    'Summarise the following article in three sentences',
    'Translate this paragraph into French please',
    'Write a haiku about autumn leaves falling',
    'Explain how a transformer attention layer works',
    'List five uses of a paperclip',
  ];
  const perTag = (column: string, items: string[]) =>
    ['q4_K_M', 'q8_0', 'f16'].flatMap((tag, t) => items.map((item, i) => ({ tag, [column]: item, tokens_s: String(50 + 10 * t + i) })));

  it('reads prompts repeated across tags as the samples of one series per tag, whatever the column is called', () => {
    const { result } = build(perTag('utterance', PROMPTS));
    expect(result.labelColumns).toEqual(['tag']);
    expect(keys(result)).toEqual(['tokens_s{tag=f16}', 'tokens_s{tag=q4_K_M}', 'tokens_s{tag=q8_0}']);
    // q4_K_M: 50 … 54 → n = 5, mean 52
    const q4 = statsFromSamples(series(result, 'tokens_s', { tag: 'q4_K_M' }).samples!);
    expect([q4.n, q4.mean]).toEqual([5, 52]);
  });

  it('reads item ids (p1 … p5, q_017) repeated across tags as samples, not labels', () => {
    expect(keys(build(perTag('ref', ['p1', 'p2', 'p3', 'p4', 'p5'])).result)).toEqual(['tokens_s{tag=f16}', 'tokens_s{tag=q4_K_M}', 'tokens_s{tag=q8_0}']);
    expect(keys(build(perTag('ref', ['q_015', 'q_016', 'q_017'])).result)).toHaveLength(3);
  });

  it('keeps two item ids a label: too few to tell a workload from a condition', () => {
    expect(keys(build(perTag('ref', ['p1', 'p2'])).result)).toHaveLength(6);
  });

  it('reads one long unbroken value of 60 characters or more as free text', () => {
    const blobs = ['a'.repeat(60), 'b'.repeat(61), 'c'.repeat(62)];
    expect(build(perTag('blob', blobs)).result.labelColumns).toEqual(['tag']);
  });

  it('takes a column that is mostly prose (3 of 5 values) as workload, and one that is less (2 of 5) as labels', () => {
    expect(build(perTag('utterance', [...PROMPTS.slice(0, 3), 'hi', 'ok'])).result.labelColumns).toEqual(['tag']);
    expect(build(perTag('utterance', [...PROMPTS.slice(0, 2), 'hi', 'ok', 'yo'])).result.labelColumns).toEqual(['tag', 'utterance']);
  });

  it('keeps a column named like a label a label, even when it holds sentences', () => {
    const { result } = build(perTag('task', PROMPTS.slice(0, 2)));
    expect(result.labelColumns).toEqual(['tag', 'task']);
  });

  it('keeps multi-word hardware names a label: capitalised names are not prose', () => {
    const rows = ['NVIDIA GeForce RTX 4090 Laptop GPU', 'NVIDIA GeForce RTX 3080 Ti Laptop GPU', 'AMD Ryzen 9 7950X 16-Core Processor'].flatMap((device, d) =>
      [1, 2, 3].map((run) => ({ device_info: device, tokens_s: String(100 * (d + 1) + run) })),
    );
    const { result } = build(rows);
    expect(result.labelColumns).toEqual(['device_info']);
    expect(keys(result)).toHaveLength(3);
  });
});

describe('TableBuilder: numbers too large for a double', () => {
  it('reports each one by line and keeps the column and its finite values', () => {
    const problems = new ProblemLog();
    const table = new TableBuilder({ problems });
    table.setColumns(['model', 'tokens_s']);
    [['a', '1e400'], ['a', '1e400'], ['a', '2'], ['a', '3']].forEach((r, i) => table.addCells(r, i + 2));
    const result = table.finish();
    expect(result.series.map((s) => [s.metric, s.samples ? [...s.samples.samples] : undefined])).toEqual([['tokens_s', [2, 3]]]);
    expect(problems.items).toEqual([
      { line: 2, reason: 'column "tokens_s": 1e400 is not a finite number; cell skipped' },
      { line: 3, reason: 'column "tokens_s": 1e400 is not a finite number; cell skipped' },
    ]);
  });
});

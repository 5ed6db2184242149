import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { labelKey } from '../../src/metrics/identity.js';
import { statsFromSamples } from '../../src/metrics/stats.js';
import { findTables, headingText, parseMarkdown, parseNumericCell, splitRow, stripInline } from '../../src/parse/markdown.js';
import { keys, parsed, samples, series } from '../helpers/series.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'markdown');
const realSamples = path.resolve(repoRoot, '..', 'shared', 'real-samples');

const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

describe('splitRow', () => {
  it('drops the outer pipes and trims every cell', () => {
    expect(splitRow('| gemma3:1b |  118.4 | warm |')).toEqual(['gemma3:1b', '118.4', 'warm']);
  });

  it('splits a row written without outer pipes', () => {
    expect(splitRow('gemma3:1b | 118.4 | warm')).toEqual(['gemma3:1b', '118.4', 'warm']);
  });

  it('keeps an escaped \\| inside its cell', () => {
    expect(splitRow('| ctx 2048 \\| flash | 118.4 |')).toEqual(['ctx 2048 | flash', '118.4']);
    expect(splitRow('| warm \\|')).toEqual(['warm |']);
  });

  it('keeps empty cells as empty strings', () => {
    expect(splitRow('| gemma3:1b |  | 118 |')).toEqual(['gemma3:1b', '', '118']);
  });

  it('splits as slicing the trimmed line and trimming each piece does, whatever the blanks and pipes', () => {
    // The reading by position checked against the plain one on rows made of every mix of these parts.
    const reference = (line: string): string[] => {
      let body = line.trim();
      if (body.startsWith('|')) body = body.slice(1);
      if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
      const cells: string[] = [];
      let soFar = '';
      let start = 0;
      for (let pipe = body.indexOf('|'); pipe >= 0; pipe = body.indexOf('|', pipe + 1)) {
        if (pipe > 0 && body[pipe - 1] === '\\') soFar += `${body.slice(start, pipe - 1)}|`;
        else {
          cells.push((soFar + body.slice(start, pipe)).trim());
          soFar = '';
        }
        start = pipe + 1;
      }
      cells.push((soFar + body.slice(start)).trim());
      return cells;
    };
    const parts = ['|', ' ', '\t', '\u00a0', '\u3000', '\\', 'a', '1.5', '\u2009x\u2009', '\n'];
    let checked = 0;
    for (const a of parts) for (const b of parts) for (const c of parts) for (const d of parts) {
      const line = a + b + c + d;
      expect(splitRow(line), JSON.stringify(line)).toEqual(reference(line));
      checked += 1;
    }
    expect(checked).toBe(10_000);
  });
});

describe('parseNumericCell', () => {
  it('reads a typographic minus, and leaves a commit hash as text', () => {
    expect(parseNumericCell('**\u22120.3%**')).toEqual({ value: -0.3, unit: '%' });
    expect(parseNumericCell('`8337e4c`')).toBeUndefined();
    expect(parseNumericCell('1234e5')).toEqual({ value: 123400000 });
  });

  it('reads a number with a unit as the value and a unit hint', () => {
    expect(parseNumericCell('12.5 ms')).toEqual({ value: 12.5, unit: 'ms' });
    expect(parseNumericCell('12.5ms')).toEqual({ value: 12.5, unit: 'ms' });
    expect(parseNumericCell('3.2 GB')).toEqual({ value: 3.2, unit: 'GB' });
    expect(parseNumericCell('97%')).toEqual({ value: 97, unit: '%' });
  });

  it('reads bold, code-span and thousands-separated numbers', () => {
    expect(parseNumericCell('**30.1**')).toEqual({ value: 30.1 });
    expect(parseNumericCell('`7`')).toEqual({ value: 7 });
    expect(parseNumericCell('1,234')).toEqual({ value: 1234 });
    expect(parseNumericCell('1,234.5 ms')).toEqual({ value: 1234.5, unit: 'ms' });
    expect(parseNumericCell('-0.5')).toEqual({ value: -0.5 });
    expect(parseNumericCell('1.2e3')).toEqual({ value: 1200 });
  });

  it('reads plain decimals as Number() does, and refuses one too large for a double', () => {
    expect(parseNumericCell('144.7')).toEqual({ value: 144.7 });
    expect(parseNumericCell('+5')).toEqual({ value: 5 });
    expect(parseNumericCell('007')).toEqual({ value: 7 });
    expect(parseNumericCell('12345678')).toEqual({ value: 12345678 });
    expect(parseNumericCell(`1${'0'.repeat(400)}`)).toBeUndefined();
  });

  it('reads "mean ± sd unit" as the mean with the unit', () => {
    expect(parseNumericCell('115.92 ± 1.31 tok/s')).toEqual({ value: 115.92, unit: 'tok/s' });
    expect(parseNumericCell('12.5 ± 0.3')).toEqual({ value: 12.5 });
  });

  it('refuses text, dates, versions, model tags and empty cells', () => {
    for (const cell of ['', 'n/a', '-', 'warm', 'gemma3:1b', '2025-10-02', 'v1.2.3', '1,23']) {
      expect(parseNumericCell(cell), cell).toBeUndefined();
    }
  });
});

describe('stripInline', () => {
  it('reduces emphasis, code spans, links and HTML to their text', () => {
    expect(stripInline('**118.4**')).toBe('118.4');
    expect(stripInline('_warm_')).toBe('warm');
    expect(stripInline('`ollama run`')).toBe('ollama run');
    expect(stripInline('[gemma3:1b](https://ollama.com/library/gemma3)')).toBe('gemma3:1b');
    expect(stripInline('118<br>')).toBe('118');
  });

  it('keeps underscores inside words, as GFM does', () => {
    // Before the fix `prompt_eval_ms` lost its underscores (`_eval_` read as emphasis) and became `promptevalms`.
    expect(stripInline('prompt_eval_ms')).toBe('prompt_eval_ms');
    expect(stripInline('Q4_K_M')).toBe('Q4_K_M');
    expect(stripInline('`load_duration_ms`')).toBe('load_duration_ms');
    expect(stripInline('__bold__ and _it_')).toBe('bold and it');
  });
});

describe('findTables', () => {
  it('finds a GFM table with alignment colons and the heading above it', () => {
    const tables = findTables(read('results-table.md'));
    expect(tables).toHaveLength(1);
    expect(tables[0]?.heading).toBe('Inference benchmark, RTX 4090');
    expect(tables[0]?.header).toEqual(['Model', 'Quant', 'Config', 'TTFT (ms)', 'prompt_eval_ms', 'Throughput', 'Notes']);
    expect(tables[0]?.rows.map((r) => r.line)).toEqual([14, 15, 16, 17]);
  });

  it('ignores tables inside ``` and ~~~ fences, even when one fence holds the other', () => {
    expect(findTables('```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n')).toEqual([]);
    const tables = findTables(read('nested-fences.md'));
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows.map((r) => r.cells)).toEqual([['gemma3:1b', '118']]);
  });

  it('needs a delimiter row with as many cells as the header', () => {
    expect(findTables('| model | tokens_s |\n|---|\n| gemma3:1b | 118 |\n')).toEqual([]);
    expect(findTables('model | tokens_s\nnot a delimiter\n')).toEqual([]);
  });

  it('ends a table at a blank line or a line without a pipe', () => {
    const tables = findTables('| model | tokens_s |\n|---|---|\n| gemma3:1b | 118 |\nSome prose.\n| not | a row |\n');
    expect(tables[0]?.rows).toEqual([{ cells: ['gemma3:1b', '118'], line: 3 }]);
  });
});

describe('parseMarkdown: conditions that look like words', () => {
  it('keeps a pairing of backends ("ROCm 7 + hipBLASLt vs Vulkan RADV") as a condition, not as prose to ignore', () => {
    const md = [
      '| Comparison | Test | A wins |',
      '| --- | --- | --- |',
      '| ROCm 7 RC + ROCWMMA + hipBLASLt vs Vulkan AMDVLK | pp512 | 11 |',
      '| ROCm 7 RC + ROCWMMA + hipBLASLt vs Vulkan RADV | pp512 | 15 |',
      '| Vulkan AMDVLK vs Vulkan RADV | pp512 | 14 |',
    ].join('\n');
    const data = parsed(parseMarkdown(md));
    expect(data.series.map((s) => [s.labels.Comparison, samples(data, 'A wins', s.labels)])).toEqual([
      ['ROCm 7 RC + ROCWMMA + hipBLASLt vs Vulkan AMDVLK', [11]],
      ['ROCm 7 RC + ROCWMMA + hipBLASLt vs Vulkan RADV', [15]],
      ['Vulkan AMDVLK vs Vulkan RADV', [14]],
    ]);
  });

  it('says which cells state NaN (a run that failed to measure) instead of dropping them unseen', () => {
    const md = ['| model | pp512 | tg128 | Memory (Max MiB) |', '| --- | --- | --- | --- |', '| small Q4 | 812.5 | 44.1 | 5120 |', '| huge Q4 | nan | nan | 161 |'].join('\n');
    const data = parsed(parseMarkdown(md));
    expect(data.problems).toEqual([
      { line: 4, reason: 'column "pp512" states NaN (no measurement); cell skipped' },
      { line: 4, reason: 'column "tg128" states NaN (no measurement); cell skipped' },
    ]);
    expect(samples(data, 'pp512', { model: 'small Q4' })).toEqual([812.5]);
  });

  it('still ignores a column of prompts, which are sentences', () => {
    const md = ['| prompt | ttft_ms |', '| --- | --- |', '| Explain the theory of relativity in two lines | 120 |', '| Write a haiku about the sea at night | 135 |'].join('\n');
    expect(parsed(parseMarkdown(md)).series.map((s) => [s.metric, s.labels, s.samples?.samples])).toEqual([['ttft_ms', {}, [120, 135]]]);
  });

  it('reads training parallelism and batch settings (#-GPUs, TP, PP, CP, MBS, GBS) as conditions, not metrics', () => {
    const md = [
      '| Model | #-GPUs | GBS | MBS | TP | PP | CP | Tokens / sec / GPU |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| LLAMA2-7B | 8 | 128 | 1 | 1 | 1 | 1 | 17120 |',
      '| LLAMA2-70B | 64 | 128 | 1 | 4 | 4 | 1 | 1833 |',
    ].join('\n');
    const data = parsed(parseMarkdown(md));
    expect(data.series.map((s) => [s.metric, s.labels])).toEqual([
      ['Tokens / sec / GPU', { Model: 'LLAMA2-7B', '#-GPUs': '8', GBS: '128', MBS: '1', TP: '1', PP: '1', CP: '1' }],
      ['Tokens / sec / GPU', { Model: 'LLAMA2-70B', '#-GPUs': '64', GBS: '128', MBS: '1', TP: '4', PP: '4', CP: '1' }],
    ]);
  });
});

describe('parseMarkdown: row tables', () => {
  it('turns numeric columns into series labelled by the text columns, ignoring the fenced table', () => {
    const data = parsed(parseMarkdown(read('results-table.md')));
    expect(data).toMatchObject({ adapter: 'markdown', document: false, rows: 4, excludedRows: 0, problems: [] });
    const gemma = { Model: 'gemma3:1b', Quant: 'Q4_K_M', Config: 'ctx 2048 | flash' };
    const llama = { ...gemma, Model: 'llama3.2:3b' };
    expect(keys(data)).toEqual([
      `TTFT (ms)${labelKey(gemma)}`,
      `TTFT (ms)${labelKey(llama)}`,
      `Throughput${labelKey(gemma)}`,
      `Throughput${labelKey(llama)}`,
      `prompt_eval_ms${labelKey(gemma)}`,
      `prompt_eval_ms${labelKey(llama)}`,
    ]);
    // No "fake" model and no 999 from the fenced example.
    expect(data.series.some((s) => s.labels.Model === 'fake' || s.metric === 'tokens_s')).toBe(false);
  });

  it('reads cells with units, bold and thousands separators as numbers', () => {
    const data = parsed(parseMarkdown(read('results-table.md')));
    const gemma = { Model: 'gemma3:1b', Quant: 'Q4_K_M', Config: 'ctx 2048 | flash' };
    const llama = { ...gemma, Model: 'llama3.2:3b' };
    expect(samples(data, 'TTFT (ms)', gemma)).toEqual([12.5, 13.5]);
    expect(samples(data, 'TTFT (ms)', llama)).toEqual([1234, 30]);
    // **118.4** tok/s and 121.6 tok/s → mean 120, sd = sqrt(2 · 1.6²) = 2.26274
    const tps = statsFromSamples(series(data, 'Throughput', gemma).samples!);
    expect(tps.n).toBe(2);
    expect(tps.mean).toBeCloseTo(120, 10);
    expect(tps.sd).toBeCloseTo(2.2627417, 6);
    // 61.9 and 63.1 → mean 62.5
    expect(statsFromSamples(series(data, 'Throughput', llama).samples!).mean).toBeCloseTo(62.5, 10);
  });

  it('passes the unit written in the cells on as a unit hint', () => {
    const data = parsed(parseMarkdown(read('results-table.md')));
    const gemma = { Model: 'gemma3:1b', Quant: 'Q4_K_M', Config: 'ctx 2048 | flash' };
    expect(series(data, 'Throughput', gemma).unitHint).toBe('tok/s');
    expect(series(data, 'TTFT (ms)', gemma).unitHint).toBe('ms');
    expect(series(data, 'prompt_eval_ms', gemma).unitHint).toBe('ms');
  });

  it('keeps the text of a label cell that starts with a number (8B, 4k)', () => {
    const md = '| Model | Params | Context | tokens_s |\n|---|---|---|---|\n| llama3.1 | 8B | 4k | 61 |\n| llama3.1 | 70B | 4k | 9 |\n';
    const data = parsed(parseMarkdown(md));
    expect(keys(data)).toEqual(['tokens_s{Context=4k,Model=llama3.1,Params=70B}', 'tokens_s{Context=4k,Model=llama3.1,Params=8B}']);
  });

  it('lists series of columns named by numbers first, in their order, as rows keyed by name do', () => {
    const md = '| model | x | 16 | 2 |\n|---|---|---|---|\n| gemma | 5 | 30 | 10 |\n| llama | 6 | 31 | 11 |\n';
    const data = parsed(parseMarkdown(md));
    expect(data.series.map((s) => `${s.metric}:${s.labels.model}`)).toEqual(['2:gemma', '16:gemma', 'x:gemma', '2:llama', '16:llama', 'x:llama']);
  });

  it('converts a second time unit of a column to its first, and skips a cell whose unit does not convert', () => {
    const md = '| model | ttft |\n|---|---|\n| a | 850 ms |\n| a | 1.2 s |\n| a | 3 GB |\n';
    const data = parsed(parseMarkdown(md));
    expect(samples(data, 'ttft', { model: 'a' })).toEqual([850, 1200]);
    expect(series(data, 'ttft', { model: 'a' }).unitHint).toBe('ms');
    expect(data.problems.map((p) => p.reason)).toEqual(['column "ttft" mixes units (ms and GB); cell skipped']);
  });

  it('reads a table written without outer pipes and makes batch_size a label', () => {
    const data = parsed(parseMarkdown(read('no-outer-pipes.md')));
    expect(keys(data)).toEqual(['tokens_s{batch_size=1,model=gemma3:1b}', 'tokens_s{batch_size=8,model=gemma3:1b}']);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b', batch_size: '1' })).toEqual([118, 122]);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b', batch_size: '8' })).toEqual([300]);
  });

  it('reads `| Model | Score |` as a Score per model, not as metrics named after models', () => {
    const data = parsed(parseMarkdown(read('leaderboard.md')));
    expect(keys(data)).toEqual(['Score{Model=gemma3:1b}', 'Score{Model=llama3.2:3b}']);
    expect(samples(data, 'Score', { Model: 'llama3.2:3b' })).toEqual([68]);
  });

  it('puts 850 ms and 1.2 s in one column on the scale of the first unit', () => {
    const md = '| model | TTFT |\n|---|---|\n| gemma3:1b | 850 ms |\n| gemma3:1b | 1.2 s |\n| gemma3:1b | 950 ms |\n';
    const data = parsed(parseMarkdown(md));
    const ttft = series(data, 'TTFT', { model: 'gemma3:1b' });
    expect(ttft.unitHint).toBe('ms');
    // 850, 1200, 950 ms → mean 1000 ms (an average of 850 and 1.2 would be meaningless)
    expect(ttft.samples?.samples[1]).toBeCloseTo(1200, 9);
    expect(ttft.samples?.mean).toBeCloseTo(1000, 9);
    expect(data.problems).toEqual([]);
  });

  it('reports and skips a cell whose unit cannot be put on the scale of its column', () => {
    const md = '| model | speed |\n|---|---|\n| gemma3:1b | 118 tok/s |\n| gemma3:1b | 8.5 ms |\n| gemma3:1b | 122 tok/s |\n';
    const data = parsed(parseMarkdown(md));
    expect(data.problems).toEqual([{ line: 4, reason: 'column "speed" mixes units (tok/s and ms); cell skipped' }]);
    expect(samples(data, 'speed', { model: 'gemma3:1b' })).toEqual([118, 122]);
  });

  it('gives blank and repeated header cells distinct names instead of overwriting a column', () => {
    const md = '| model | tokens_s | tokens_s | |\n|---|---|---|---|\n| gemma3:1b | 118 | 60 | 1.5 |\n';
    const data = parsed(parseMarkdown(md));
    expect(keys(data)).toEqual(['column_4{model=gemma3:1b}', 'tokens_s_2{model=gemma3:1b}', 'tokens_s{model=gemma3:1b}']);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b' })).toEqual([118]);
    expect(samples(data, 'tokens_s_2', { model: 'gemma3:1b' })).toEqual([60]);
  });

  it('keeps rows named by a first column apart even when every name appears once', () => {
    // Four workloads, one row each: averaging them into one tokens_s would mix unrelated loads.
    const md = '| Workload | tokens_s |\n|---|---|\n| short chat | 120 |\n| long summary | 95 |\n| code completion | 110 |\n| RAG answer | 88 |\n';
    const data = parsed(parseMarkdown(md));
    expect(keys(data)).toEqual([
      'tokens_s{Workload=RAG answer}',
      'tokens_s{Workload=code completion}',
      'tokens_s{Workload=long summary}',
      'tokens_s{Workload=short chat}',
    ]);
  });

  it('still pools the rows of a first column that numbers runs', () => {
    // 118, 122, 120 → one series, mean 120
    const md = '| Run | tokens_s |\n|---|---|\n| 1 | 118 |\n| 2 | 122 |\n| 3 | 120 |\n';
    const data = parsed(parseMarkdown(md));
    expect(keys(data)).toEqual(['tokens_s']);
    expect(series(data, 'tokens_s').samples?.mean).toBeCloseTo(120, 10);
  });

  it('reports ragged table rows by line and keeps the others', () => {
    const data = parsed(parseMarkdown(read('ragged.md')));
    expect(data.problems).toEqual([
      { line: 4, reason: '4 cells where the table header has 3; row skipped' },
      { line: 5, reason: '2 cells where the table header has 3; row skipped' },
    ]);
    expect(data.problemCount).toBe(2);
    expect(data.rows).toBe(2);
    expect(samples(data, 'ttft_ms', { model: 'gemma3:1b' })).toEqual([210, 230]);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b' })).toEqual([118, 120]);
  });

  it('reports a stray text cell in a numeric column by line', () => {
    const md = '| model | tokens_s |\n|---|---|\n| gemma3:1b | 118 |\n| gemma3:1b | OOM |\n| gemma3:1b | 122 |\n';
    const data = parsed(parseMarkdown(md));
    expect(data.problems).toEqual([{ line: 4, reason: 'column "tokens_s" holds a value that is not a number; cell skipped' }]);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b' })).toEqual([118, 122]);
  });

  it('excludes and counts a row with an error, as in CSV', () => {
    const md = '| model | tokens_s | error |\n|---|---|---|\n| gemma3:1b | 118 | |\n| gemma3:1b | 0 | timeout |\n';
    const data = parsed(parseMarkdown(md));
    expect(data.excludedRows).toBe(1);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b' })).toEqual([118]);
  });
});

describe('parseMarkdown: key/value tables', () => {
  it('names each metric after the first column and reads the value with its unit', () => {
    const data = parsed(parseMarkdown(read('key-value.md')));
    expect(keys(data)).toEqual(['Load time', 'TTFT', 'eval_count', 'tokens_per_second']);
    expect(samples(data, 'TTFT')).toEqual([0.21]);
    expect(series(data, 'TTFT').unitHint).toBe('s');
    expect(samples(data, 'tokens_per_second')).toEqual([115.92]);
    expect(series(data, 'tokens_per_second').unitHint).toBe('tok/s');
    expect(samples(data, 'eval_count')).toEqual([1024]);
    expect(series(data, 'eval_count').unitHint).toBeUndefined();
    expect(samples(data, 'Load time')).toEqual([1.8]);
    // "| Model | gemma3:1b |" holds no number and is no metric.
    expect(data.rows).toBe(5);
  });

  it('reads `| Metric | Value (ms) |` as a key/value table whose header gives the unit', () => {
    const md = '| Metric | Value (ms) |\n|---|---|\n| TTFT p50 | 210 |\n| TTFT p95 | 380 |\n| TPOT | 12 |\n| E2E latency | 4.2 s |\n';
    const data = parsed(parseMarkdown(md));
    expect(keys(data)).toEqual(['E2E latency', 'TPOT', 'TTFT p50', 'TTFT p95']);
    expect(samples(data, 'TTFT p95')).toEqual([380]);
    expect(series(data, 'TTFT p95').unitHint).toBe('ms');
    // A unit in the cell beats the header's.
    expect(series(data, 'E2E latency').unitHint).toBe('s');
  });

  it('records the line of each key/value metric', () => {
    const data = parsed(parseMarkdown(read('key-value.md')));
    expect(series(data, 'TTFT').line).toBe(6);
    expect(series(data, 'Load time').line).toBe(9);
  });
});

describe('parseMarkdown: several tables', () => {
  it('labels the series of each table with the heading above it', () => {
    const data = parsed(parseMarkdown(read('multi-table.md')));
    expect(keys(data)).toEqual(['tokens_s{table=Cold start}', 'tokens_s{table=Warm runs}', 'ttft_ms{table=Cold start}', 'ttft_ms{table=Warm runs}']);
    expect(samples(data, 'ttft_ms', { table: 'Warm runs' })).toEqual([12]);
    expect(samples(data, 'ttft_ms', { table: 'Cold start' })).toEqual([840]);
    expect(data.rows).toBe(4);
  });

  it('never pools two tables that sit under the same heading', () => {
    // Both tables are under "## Results": the A100 run (150) and the T4 run (40) must stay apart.
    const data = parsed(parseMarkdown(read('same-heading.md')));
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b,table=Results (2)}', 'tokens_s{model=gemma3:1b,table=Results}']);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b', table: 'Results' })).toEqual([150]);
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b', table: 'Results (2)' })).toEqual([40]);
  });

  it('names tables without a heading by their position', () => {
    const md = '| model | tokens_s |\n|---|---|\n| gemma3:1b | 118 |\n\n| model | tokens_s |\n|---|---|\n| gemma3:1b | 40 |\n';
    const data = parsed(parseMarkdown(md));
    expect(keys(data)).toEqual(['tokens_s{model=gemma3:1b,table=table 1}', 'tokens_s{model=gemma3:1b,table=table 2}']);
  });

  it('adds no table label when the file holds a single table', () => {
    const data = parsed(parseMarkdown(read('leaderboard.md')));
    for (const s of data.series) expect(Object.keys(s.labels)).toEqual(['Model']);
  });
});

describe('parseMarkdown: documents and skipped files', () => {
  it('counts prose-only Markdown as a document with no series', () => {
    expect(parseMarkdown(read('prose.md'))).toEqual({
      status: 'parsed',
      adapter: 'markdown',
      series: [],
      rows: 0,
      excludedRows: 0,
      problems: [],
      problemCount: 0,
      document: true,
    });
  });

  it('counts a file whose only table is fenced as a document', () => {
    const data = parsed(parseMarkdown('# How to run\n\n```\n| model | tokens_s |\n|---|---|\n| gemma3:1b | 118 |\n```\n'));
    expect(data.document).toBe(true);
    expect(data.series).toEqual([]);
  });

  it('counts a table of text only (no numbers) as a document', () => {
    const data = parsed(parseMarkdown('| model | backend |\n|---|---|\n| gemma3:1b | cuda |\n| gemma3:1b | cpu |\n'));
    expect(data.document).toBe(true);
  });

  it('skips a Chimera Insight report so our own output is never read back as input', () => {
    expect(parseMarkdown(read('own-report.md'))).toEqual({ status: 'skipped', reason: 'a Chimera Insight report, not benchmark results' });
  });

  it('skips our report also when an editor saved it with a BOM', () => {
    expect(parseMarkdown(`\uFEFF${read('own-report.md')}`)).toMatchObject({ status: 'skipped' });
  });

  it('reads a table whose file uses CRLF line endings', () => {
    const data = parsed(parseMarkdown(read('no-outer-pipes.md').replace(/\n/g, '\r\n')));
    expect(samples(data, 'tokens_s', { model: 'gemma3:1b', batch_size: '1' })).toEqual([118, 122]);
  });
});

describe('parseMarkdown: real-world samples', () => {
  const sources = path.join(realSamples, 'SOURCES.md');
  it.skipIf(!existsSync(sources))(
    'reads the provenance table of ../shared/real-samples/SOURCES.md without mangling names (skipped: that file is absent)',
    () => {
      const text = readFileSync(sources, 'utf8');
      const data = parsed(parseMarkdown(text));
      // One table of samples; `bytes` is its only numeric column and every row is read.
      expect(data.problems).toEqual([]);
      expect(new Set(data.series.map((s) => s.metric))).toEqual(new Set(['bytes']));
      const tableRows = findTables(text)[0]?.rows.length ?? 0;
      expect(tableRows).toBeGreaterThan(0);
      expect(data.rows).toBe(tableRows);
      expect(data.series.reduce((n, s) => n + (s.samples?.count ?? 0), 0)).toBe(tableRows);
      // Underscores inside words survive: `token_benchmark_ray.py`, not `tokenbenchmarkray.py`.
      const producers = data.series.map((s) => s.labels['produced by'] ?? '');
      expect(producers.some((p) => p.includes('token_benchmark_ray.py'))).toBe(true);
      expect(producers.some((p) => p.includes('tokenbenchmarkray'))).toBe(false);
    },
  );
});

describe('headingText', () => {
  it('reads an ATX heading without its closing #s, and keeps a # that is part of the text', () => {
    expect(headingText('## Results ##')).toBe('Results');
    expect(headingText('# C#')).toBe('C#');
    expect(headingText('   ### Run 2   ')).toBe('Run 2');
    expect(headingText('#hashtag')).toBeUndefined();
    expect(headingText('    # code')).toBeUndefined();
  });

  it('reads a heading padded with thousands of spaces (it once took seconds per line)', () => {
    expect(headingText(`## ${' '.repeat(100_000)}Throughput${' '.repeat(100_000)}#`)).toBe('Throughput');
  });
});

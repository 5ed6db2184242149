import { describe, expect, it } from 'vitest';
import { llamaBenchAdapter, testName } from '../../src/parse/adapters/llama-bench.js';
import { built, described, only, readFixture } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';

describe('llama-bench test names', () => {
  it('names tests as llama-bench prints them', () => {
    expect(testName(512, 0, 0)).toBe('pp512');
    expect(testName(0, 128, 0)).toBe('tg128');
    expect(testName(512, 128, 0)).toBe('pp512+tg128');
    expect(testName(512, 0, 4096)).toBe('pp512 @ d4096');
  });
});

describe('llama-bench JSON and JSONL', () => {
  it('reads each test as tokens_per_s labelled by test and, in a file that runs depths, by n_depth, with the per-repetition samples_ts as samples', async () => {
    const outcome = await readFixture('llama-bench/b6000-fa-sweep.json');
    const common = 'backends=CUDA,model_file=qwen2.5-7b-instruct-q4_k_m.gguf,model_type=qwen2 7B Q4_K - Medium,n_batch=2048';
    const rest = 'n_gpu_layers=99,n_threads=16,n_ubatch=512';
    expect(described(built(outcome))).toEqual([
      `tokens_per_s{${common.replace('backends=CUDA,', 'backends=CUDA,flash_attn=false,')},n_depth=0,${rest},test=pp512} [tok/s, higher, samples]`,
      `tokens_per_s{${common.replace('backends=CUDA,', 'backends=CUDA,flash_attn=true,')},n_depth=0,${rest},test=tg128} [tok/s, higher, samples]`,
      `tokens_per_s{${common.replace('backends=CUDA,', 'backends=CUDA,flash_attn=true,')},n_depth=4096,${rest},test=pp512} [tok/s, higher, samples]`,
    ]);
    const tg = built(outcome)[1];
    expect(tg?.samples).toEqual([50.2, 50.0, 49.8]);
  });

  it('labels a swept setting (flash_attn) only because it differs between rows; constant ones (type_k) stay out', async () => {
    const labels = built(await readFixture('llama-bench/b6000-fa-sweep.json')).map((s) => Object.keys(s.labels));
    expect(labels.every((l) => l.includes('flash_attn') && !l.includes('type_k'))).toBe(true);
  });

  it('reads an older JSONL build: backends from its flags, tokens/s from samples_ns when samples_ts is absent', async () => {
    const outcome = await readFixture('llama-bench/b2500-metal.jsonl');
    const labels = 'backends=Metal,GPU BLAS,BLAS,model_file=llama-2-7b.Q4_0.gguf,model_type=llama 7B Q4_0,n_batch=512,n_gpu_layers=99,n_threads=8';
    const series = built(outcome);
    expect(described(series)).toEqual([`tokens_per_s{${labels},test=pp512} [tok/s, higher, samples]`, `tokens_per_s{${labels},test=tg128} [tok/s, higher, summary]`]);
    // 512 tokens in 0.995 s, 1.000 s and 1.005 s.
    expect(series[0]?.samples.map((v) => Math.round(v * 100) / 100)).toEqual([514.57, 512, 509.45]);
    expect(series[1]?.stats).toMatchObject({ n: null, mean: 40, sd: 0 });
  });
});

describe('llama-bench JSON saved by a harness', () => {
  it('reads the tests of an object that holds them under stdout beside the command line, instead of stdout.model_size as a result', async () => {
    const outcome = await readFixture('llama-bench/harness-wrapped.json');
    const labels = 'backends=CUDA,model_file=mistral-7b-q4_k_m.gguf,model_type=llama 7B Q4_K - Medium,n_batch=2048,n_gpu_layers=99,n_threads=8,n_ubatch=512';
    expect(parsed(outcome).adapter).toBe('llama-bench');
    expect(described(built(outcome))).toEqual([`tokens_per_s{${labels},test=pp512} [tok/s, higher, samples]`, `tokens_per_s{${labels},test=tg64} [tok/s, higher, samples]`]);
    expect(built(outcome)[1]?.samples).toEqual([82.37, 82.05, 81.74]);
  });

  it('does not claim an object with results of its own beside a list of tests', () => {
    const test = { n_prompt: 512, n_gen: 0, avg_ts: 1954.2 };
    expect(llamaBenchAdapter.detect({ type: 'json', json: { stdout: [test], summary: { mean_ts: 1954.2 } }, text: '', path: 'r.json' })).toBe(false);
    expect(llamaBenchAdapter.detect({ type: 'json', json: { stdout: [test], other: [{ tokens: 5 }] }, text: '', path: 'r.json' })).toBe(false);
  });
});

describe('llama-bench CSV', () => {
  it('reads avg_ts ± stddev_ts as a summary per test, and reports a test without avg_ts by line', async () => {
    const outcome = await readFixture('llama-bench/cpu.csv');
    const labels = 'backends=CPU,model_file=phi-3-mini-q8_0.gguf,model_type=phi3 3B Q8_0,n_batch=2048,n_gpu_layers=0,n_threads=32,n_ubatch=512';
    const series = built(outcome);
    expect(described(series)).toEqual([`tokens_per_s{${labels},test=pp512} [tok/s, higher, summary]`, `tokens_per_s{${labels},test=tg128} [tok/s, higher, summary]`]);
    expect(series[0]?.stats).toMatchObject({ mean: 250, sd: 2.5 });
    expect(parsed(outcome)).toMatchObject({ adapter: 'llama-bench', rows: 3, excludedRows: 1, problems: [{ line: 4, reason: 'test 3 (pp512+tg128) has no avg_ts; skipped' }] });
  });
  it('reads runs appended to one CSV (`>>`) with their repeated header as a header, not a test', async () => {
    const outcome = await readFixture('llama-bench/appended.csv');
    const labels = 'backends=CPU,model_file=phi-3-mini-q8_0.gguf,model_type=phi3 3B Q8_0,n_batch=2048,n_gpu_layers=0,n_threads=32,n_ubatch=512';
    expect(described(built(outcome))).toEqual([`tokens_per_s{${labels},test=pp512} [tok/s, higher, summary]`, `tokens_per_s{${labels},test=tg128} [tok/s, higher, summary]`]);
    expect(parsed(outcome)).toMatchObject({ rows: 2, excludedRows: 0, problems: [] });
  });
});

describe('llama-bench Markdown', () => {
  it('reads the `t/s` column (mean ± sd) with the JSON field names as labels', async () => {
    const series = built(await readFixture('llama-bench/cuda.md'));
    const labels = 'backends=CUDA,flash_attn=1,model_type=llama 8B Q4_K - Medium';
    expect(described(series)).toEqual([
      `tokens_per_s{${labels},n_depth=0,n_gpu_layers=99,test=pp512} [tok/s, higher, summary]`,
      `tokens_per_s{${labels},n_depth=0,n_gpu_layers=99,test=tg128} [tok/s, higher, summary]`,
      `tokens_per_s{${labels},n_depth=4096,n_gpu_layers=99,test=pp512} [tok/s, higher, summary]`,
    ]);
    expect(series.map((s) => [s.stats.mean, s.stats.sd])).toEqual([
      [11024.56, 45.1],
      [171.35, 0.42],
      [8012.3, 60],
    ]);
  });

  it('reads the table out of a console log, folding older `pp 512` names and thousands separators, skipping a failed test', async () => {
    const outcome = await readFixture('llama-bench/vulkan-run.log');
    const series = built(outcome);
    expect(series.map((s) => `${s.labels.test}: ${s.stats.mean} ± ${s.stats.sd}`)).toEqual(['pp512: 1823.4 ± 9.8', 'tg128: 98.1 ± 0.35']);
    expect(parsed(outcome).problems).toEqual([{ line: 7, reason: '"t/s" of tg128 is "failed", not a number; row skipped' }]);
  });

  it('reads the rows of a console log table on past the program lines stderr put between them (Repacked 225 tensors)', async () => {
    const outcome = await readFixture('llama-bench/repacked-run.log');
    const series = built(outcome);
    expect(series.map((s) => `${s.labels.test}: ${s.stats.mean} ± ${s.stats.sd} (line ${s.line})`)).toEqual(['pp512: 61.35 ± 0.82 (line 6)', 'tg128: 9.87 ± 0.04 (line 7)', 'tg256: 9.61 ± 0.03 (line 9)']);
    expect(parsed(outcome).problems).toEqual([]);
  });

  it('ends a console log table at a blank line: a later table of its width is a table of its own', () => {
    const text = ['| model | test | t/s |', '|---|---|---|', 'load ok', '| llama 7B | pp512 | 100 ± 1 |', '', '| not | a | row |'].join('\n');
    const outcome = llamaBenchAdapter.parse({ path: 'run.log', type: 'text', text });
    expect(built(outcome).map((s) => [s.labels.test, s.stats.mean, s.line])).toEqual([['pp512', 100, 4]]);
    expect(parsed(outcome).problems).toEqual([]);
  });

  it('leaves a Markdown document with other tables beside the llama-bench one to the Markdown reader', () => {
    const text = '| model | test | t/s |\n|---|---|---|\n| llama 7B | pp512 | 100 ± 1 |\n\n| metric | value |\n|---|---|\n| ttft_ms | 12 |\n';
    expect(llamaBenchAdapter.detect({ path: 'notes.md', type: 'markdown', text })).toBe(false);
  });

  it('does not claim an ordinary Markdown results table', () => {
    const text = '| model | tokens_s |\n|---|---|\n| gemma3:1b | 140 |\n';
    expect(llamaBenchAdapter.detect({ path: 'results.md', type: 'markdown', text })).toBe(false);
  });

  it('forced on a CSV that is not llama-bench output, says which columns are missing', async () => {
    expect(notParsed(await readFixture('genai-perf/profile_export_aiperf.csv', 'llama-bench')).reason).toBe('not llama-bench CSV: the header needs avg_ts, n_prompt and n_gen');
  });
});

describe('llama-bench units', () => {
  it('states tok/s and higher-is-better itself, whatever the metric inference would say', async () => {
    const raw = parsed(await readFixture('llama-bench/cuda.md')).series[0];
    expect([raw?.unitHint, raw?.directionHint]).toEqual(['tok/s', 'higher']);
    expect(only(built(await readFixture('llama-bench/cuda.md')), 'tokens_per_s', { backends: 'CUDA', flash_attn: '1', model_type: 'llama 8B Q4_K - Medium', n_gpu_layers: '99', n_depth: '0', test: 'tg128' }).unit).toBe('tok/s');
  });
});

describe('llama-bench depth sweeps', () => {
  it('reads `pp2048 @ d8192` as test pp2048 at n_depth 8192, and the rows without a depth as n_depth 0, so the depths of one test rank together', () => {
    const table = [
      '| model | size | params | backend | ngl | test | t/s |',
      '| --- | ---: | ---: | --- | --: | ---: | ---: |',
      '| qwen3 8B Q4_K - Medium | 4.68 GiB | 8.19 B | Vulkan | 99 | pp2048 | 1140.74 ± 1.72 |',
      '| qwen3 8B Q4_K - Medium | 4.68 GiB | 8.19 B | Vulkan | 99 | pp2048 @ d8192 | 979.34 ± 2.67 |',
      '| qwen3 8B Q4_K - Medium | 4.68 GiB | 8.19 B | Vulkan | 99 | tg32 @ d8192 | 53.73 ± 3.04 |',
    ].join('\n');
    const series = parsed(llamaBenchAdapter.parse({ path: 'depth.md', type: 'markdown', text: table })).series;
    expect(series.map((s) => [s.labels.test, s.labels.n_depth])).toEqual([
      ['pp2048', '0'],
      ['pp2048', '8192'],
      ['tg32', '8192'],
    ]);
  });

  it('reads a table pasted inside a code block, as notes commit llama-bench output', () => {
    const text = ['Results on the iGPU:', '', '```', '| model | size | params | backend | ngl | test | t/s |', '| --- | ---: | ---: | --- | --: | ---: | ---: |', '| qwen3 8B Q4_K - Medium | 4.68 GiB | 8.19 B | ROCm | 99 | pp512 | 92.78 ± 0.50 |', '```', ''].join('\n');
    expect(llamaBenchAdapter.detect({ path: 'notes.txt', type: 'text', text })).toBe(true);
    const series = parsed(llamaBenchAdapter.parse({ path: 'notes.txt', type: 'text', text })).series;
    expect(series.map((s) => [s.labels.test, s.line])).toEqual([['pp512', 6]]);
  });

  it('adds no n_depth label to a file without depths, so ordinary ids do not change', () => {
    const table = ['| model | size | params | backend | ngl | test | t/s |', '| --- | ---: | ---: | --- | --: | ---: | ---: |', '| qwen3 8B Q4_K - Medium | 4.68 GiB | 8.19 B | Vulkan | 99 | pp512 | 1500.00 ± 3.00 |'].join('\n');
    expect(parsed(llamaBenchAdapter.parse({ path: 'plain.md', type: 'markdown', text: table })).series[0]?.labels).toEqual({ model_type: 'qwen3 8B Q4_K - Medium', backends: 'Vulkan', n_gpu_layers: '99', test: 'pp512' });
  });
});

describe('llama-bench settings away from their defaults', () => {
  const row = (extra: Record<string, unknown>) => ({
    model_type: 'qwen3moe 30B.A3B Q4_K - Medium', backends: 'CUDA', n_batch: 2048, n_ubatch: 512, n_threads: 8, n_gpu_layers: 99,
    type_k: 'f16', type_v: 'f16', flash_attn: false, no_kv_offload: false, n_cpu_moe: 0, n_prompt: 0, n_gen: 128, n_depth: 0, avg_ts: 58.5, stddev_ts: 0.1, samples_ts: [58.4, 58.6], ...extra,
  });
  const labelsOf = (rows: unknown[]) => parsed(llamaBenchAdapter.parse({ path: 'bench.json', type: 'json', text: JSON.stringify(rows), json: rows })).series[0]?.labels;

  it('labels a file run with MoE experts on the CPU (n_cpu_moe) or a quantised KV cache even when all its rows agree', () => {
    expect(labelsOf([row({ n_cpu_moe: 99, type_k: 'q8_0', type_v: 'q8_0', flash_attn: true })])).toMatchObject({ n_cpu_moe: '99', type_k: 'q8_0', type_v: 'q8_0', flash_attn: 'true' });
  });

  it('adds no label for settings at their defaults, so the ids of ordinary runs do not change', () => {
    const labels = labelsOf([row({})]) ?? {};
    expect(['n_cpu_moe', 'type_k', 'type_v', 'flash_attn', 'no_kv_offload'].filter((k) => k in labels)).toEqual([]);
  });
});

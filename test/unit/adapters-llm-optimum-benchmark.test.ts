import { describe, expect, it } from 'vitest';
import { optimumBenchmark } from '../../src/parse/adapters/optimum-benchmark.js';
import type { AdapterInput } from '../../src/parse/adapters/types.js';
import { built, described, only, readFixture } from '../helpers/llm-adapters.js';
import { notParsed, parsed } from '../helpers/series.js';

const RUN = '{backend=pytorch,batch_size=1,device=cuda,max_new_tokens=64,model=meta-llama/Llama-3.1-8B-Instruct,quantization=bnb,sequence_length=256,torch_dtype=float16}';

function input(doc: unknown, path = 'benchmark_report.json'): AdapterInput {
  return { path, type: 'json', text: JSON.stringify(doc), json: doc };
}

describe('optimum-benchmark reports', () => {
  it('reads benchmark.json per target: latency from its values, throughput, peak memory; labelled by what ran', async () => {
    const outcome = await readFixture('optimum-benchmark/llama-bnb-int8/benchmark.json');
    expect(parsed(outcome).adapter).toBe('optimum-benchmark');
    expect(described(built(outcome)).filter((d) => d.startsWith('decode.') || d.startsWith('per_token.'))).toEqual([
      `decode.memory.max_ram${RUN} [MB, lower, samples]`,
      `decode.memory.max_global_vram${RUN} [MB, lower, samples]`,
      `decode.memory.max_process_vram${RUN} [MB, lower, samples]`,
      `decode.memory.max_reserved${RUN} [MB, lower, samples]`,
      `decode.memory.max_allocated${RUN} [MB, lower, samples]`,
      `decode.latency${RUN} [s, lower, samples]`,
      `decode.throughput${RUN} [tok/s, higher, samples]`,
      `per_token.latency${RUN} [s, lower, samples]`,
      `per_token.throughput${RUN} [tok/s, higher, samples]`,
    ]);
  });

  it('takes every measured iteration as a sample, so the cold first decode shows as an outlier', async () => {
    const decode = only(built(await readFixture('optimum-benchmark/llama-bnb-int8/benchmark.json')), 'decode.latency');
    expect(decode.samples).toEqual([3.3021, 3.1187, 3.1204, 3.1176, 3.1231, 3.1192, 3.1215, 3.1188, 3.1209, 3.1197]);
    expect(decode.outliers.map((o) => o.index)).toEqual([0]);
  });

  it('never reads the settings, the environment, or the derived total and relative sd', async () => {
    const metrics = built(await readFixture('optimum-benchmark/llama-bnb-int8/benchmark.json')).map((s) => s.metric);
    for (const absent of ['iterations', 'warmup_runs', 'cpu_count', 'gpu_vram_mb', 'seed', 'total', 'stdev_', 'values', 'config']) expect(metrics.some((m) => m.includes(absent))).toBe(false);
  });

  it('stands for the benchmark_report.json (and its .md/.txt) beside it, so a run is counted once', async () => {
    expect(parsed(await readFixture('optimum-benchmark/llama-bnb-int8/benchmark.json')).supersedes).toEqual([
      'optimum-benchmark/llama-bnb-int8/benchmark_report.json',
      'optimum-benchmark/llama-bnb-int8/benchmark_report.md',
      'optimum-benchmark/llama-bnb-int8/benchmark_report.txt',
    ]);
  });

  it('keeps the names the JSON reader gave benchmark_report.json, without labels, so its series ids stay', async () => {
    const series = built(await readFixture('optimum-benchmark/llama-bnb-int8/benchmark_report.json'));
    expect(series.map((s) => s.metric)).toContain('prefill.latency');
    expect(series.every((s) => Object.keys(s.labels).length === 0)).toBe(true);
  });

  it('reads a stated latency summary, the energy total and the efficiency when no values were kept', async () => {
    const series = built(await readFixture('optimum-benchmark/bert-energy/benchmark_report.json'));
    expect(described(series)).toEqual([
      'forward.latency [s, lower, summary]',
      'forward.throughput [samples/s, higher, samples]',
      'forward.efficiency [samples/kWh, higher, samples]',
      'forward.energy [kWh, lower, samples]',
    ]);
    expect(only(series, 'forward.latency').stats).toMatchObject({ n: 40, mean: 0.012718, sd: 0.000061, p50: 0.012699, p95: 0.012853, p99: 0.012902 });
    expect(only(series, 'forward.energy').stats.mean).toBe(5.31e-6);
  });

  it('does not label a run with the num_choices: 2 every inference config carries, unless its task is multiple-choice', () => {
    const run = (task: string) => ({
      config: {
        name: 'tei_bert',
        backend: { name: 'py-txi', task, model: 'BAAI/bge-base-en-v1.5', device: 'cpu' },
        scenario: { name: 'inference', iterations: 10, input_shapes: { batch_size: 64, num_choices: 2, sequence_length: 128 } },
      },
      report: { forward: { memory: null, latency: null, throughput: { unit: 'samples/s', value: 5.65 }, energy: null, efficiency: null } },
    });
    const labelsOf = (task: string) => parsed(optimumBenchmark.parse(input(run(task), 'benchmark.json'))).series[0]?.labels;
    expect(labelsOf('feature-extraction')).toEqual({ model: 'BAAI/bge-base-en-v1.5', backend: 'py-txi', device: 'cpu', batch_size: '64', sequence_length: '128' });
    expect(labelsOf('multiple-choice')).toEqual({ model: 'BAAI/bge-base-en-v1.5', backend: 'py-txi', device: 'cpu', batch_size: '64', num_choices: '2', sequence_length: '128' });
  });

  it('does not claim JSON whose entries hold other keys than the five sections', () => {
    for (const doc of [{ prefill: { latency: { unit: 's', mean: 1 }, model: 'x' } }, { prefill: { latency: { mean: 1 } } }, { config: {}, report: {} }]) expect(optimumBenchmark.detect(input(doc))).toBe(false);
  });

  it('skips a report in which nothing was measured', () => {
    expect(notParsed(optimumBenchmark.parse(input({ decode: { memory: { unit: 'MB' }, latency: null, throughput: null, energy: null, efficiency: null } }))).reason).toBe(
      'optimum-benchmark report without a measured value',
    );
  });
});

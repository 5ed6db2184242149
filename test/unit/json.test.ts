import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawSeries } from '../../src/model/series.js';
import { flattenRecord, parseJsonText } from '../../src/parse/json.js';
import { serialiseHardware } from '../../src/hardware/validate.js';
import type { HardwareIdentity } from '../../src/model/hardware.js';
import type { ParsedData } from '../../src/parse/types.js';
import { keys, notParsed, parsed, samplesOf, series, statsOf } from '../helpers/series.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'json');
const realSamples = path.resolve(repoRoot, '..', 'shared', 'real-samples');

function fixture(name: string): string {
  return readFileSync(path.join(fixtures, name), 'utf8');
}

/** The one series of `metric` whose labels include `labels` (real files carry many more labels). */
function seriesWith(data: ParsedData, metric: string, labels: Record<string, string>): RawSeries {
  const found = data.series.filter((s) => s.metric === metric && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length !== 1) throw new Error(`expected one ${metric} with ${JSON.stringify(labels)}, found ${found.length}`);
  return found[0] as RawSeries;
}

describe('parseJsonText: arrays of records are read like CSV rows', () => {
  const data = parsed(parseJsonText(fixture('per-prompt-runs.json')));

  it('splits every numeric field into one series per model', () => {
    expect(keys(data)).toEqual([
      'tokens_per_s{model=llama3.1:8b}',
      'tokens_per_s{model=qwen2.5:7b}',
      'ttft_ms{model=llama3.1:8b}',
      'ttft_ms{model=qwen2.5:7b}',
    ]);
  });

  it('computes n, mean and sd of each model from its own records', () => {
    expect(statsOf(series(data, 'ttft_ms', { model: 'llama3.1:8b' }))).toEqual({ n: 3, mean: 120, sd: 10 });
    expect(statsOf(series(data, 'tokens_per_s', { model: 'llama3.1:8b' }))).toEqual({ n: 3, mean: 42, sd: 2 });
  });

  it('leaves out a record whose error field is non-empty and counts it', () => {
    expect(data.rows).toBe(6);
    expect(data.excludedRows).toBe(1);
    expect(samplesOf(series(data, 'ttft_ms', { model: 'qwen2.5:7b' }))).toEqual([90, 100]);
    expect(statsOf(series(data, 'tokens_per_s', { model: 'qwen2.5:7b' }))).toEqual({ n: 2, mean: 50, sd: Math.SQRT1_2 });
  });

  it('treats an empty or null error field as no error', () => {
    expect(samplesOf(series(data, 'ttft_ms', { model: 'llama3.1:8b' }))).toEqual([120, 130, 110]);
  });

  it('names the reader json and reports no problems for a clean file', () => {
    expect(data.adapter).toBe('json');
    expect(data.document).toBe(false);
    expect(data.problemCount).toBe(0);
  });

  it('makes numeric parameters (concurrency, batch_size) labels, and ids and timestamps nothing', () => {
    const sweep = parsed(parseJsonText(fixture('parameter-sweep.json')));
    const at = (concurrency: string) => ({ batch_size: '8', concurrency, model: 'mistral:7b' });
    expect(keys(sweep)).toEqual([
      'sweeps.latency_ms{batch_size=8,concurrency=1,model=mistral:7b}',
      'sweeps.latency_ms{batch_size=8,concurrency=4,model=mistral:7b}',
      'sweeps.throughput_tok_s{batch_size=8,concurrency=1,model=mistral:7b}',
      'sweeps.throughput_tok_s{batch_size=8,concurrency=4,model=mistral:7b}',
    ]);
    expect(statsOf(series(sweep, 'sweeps.throughput_tok_s', at('1')))).toEqual({ n: 2, mean: 112, sd: 2 * Math.SQRT2 });
    expect(statsOf(series(sweep, 'sweeps.latency_ms', at('4')))).toEqual({ n: 2, mean: 100, sd: 10 * Math.SQRT2 });
  });

  it('names a bad record by its number in the array, never as a line of the file', () => {
    const data = parsed(parseJsonText('{"runs": [\n{"model": "a", "ttft_ms": 120},\n{"model": "a", "ttft_ms": "timeout"},\n{"model": "a", "ttft_ms": 130}]}'));
    expect(samplesOf(series(data, 'runs.ttft_ms', { model: 'a' }))).toEqual([120, 130]);
    expect(data.problems).toHaveLength(1);
    expect(data.problems[0]?.line).toBeUndefined();
    expect(data.problems[0]?.reason).toMatch(/^"runs", record 2: column "ttft_ms" /);
  });

  it('gives series read from records no line, since JSON records are not lines', () => {
    expect(data.series.map((s) => s.line)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reports items of a record array that are not records', () => {
    const data = parsed(parseJsonText('[{"ttft_ms": 1}, {"ttft_ms": 3}, 7]'));
    expect(samplesOf(series(data, 'ttft_ms'))).toEqual([1, 3]);
    expect(data.problems).toEqual([{ reason: 'top-level array: 1 items are not records and were ignored' }]);
  });
});

describe('parseJsonText: nested objects', () => {
  const data = parsed(parseJsonText(fixture('nested-backends.json')));
  const labels = { batch_size: '32', model: 'resnet50' };

  it('flattens nested objects into dotted metric paths labelled by their parents', () => {
    expect(keys(data)).toEqual([
      'backends.compiled.benchmark.time_ms{batch_size=32,model=resnet50}',
      'backends.compiled.compile_time_s{batch_size=32,model=resnet50}',
      'backends.eager.benchmark.time_ms{batch_size=32,model=resnet50}',
    ]);
  });

  it('reads mean_/std_/min_/max_ siblings and their n as the summary of one metric', () => {
    const eager = series(data, 'backends.eager.benchmark.time_ms', labels);
    expect(eager.summary).toEqual({ mean: 12.5, sd: 0.5, min: 11.9, max: 13.4, n: 50 });
    expect(eager.samples).toBeUndefined();
    expect(series(data, 'backends.compiled.benchmark.time_ms', labels).summary).toEqual({ mean: 8.25, sd: 0.25, min: 7.9, max: 8.8, n: 50 });
  });

  it('keeps a plain number beside a nested summary as a one-sample metric', () => {
    expect(statsOf(series(data, 'backends.compiled.compile_time_s', labels))).toEqual({ n: 1, mean: 41.5, sd: null });
  });

  it('never reports timestamp or id keys as metrics, even when they are numbers', () => {
    const data = parsed(parseJsonText('{"timestamp": 1727881924, "id": 42, "run_id": 7, "created_at": 1727881925, "ttft_ms": 120}'));
    expect(keys(data)).toEqual(['ttft_ms']);
  });

  it('labels the sibling and subtree metrics of a string label key, and a deeper label overrides it', () => {
    const data = parsed(
      parseJsonText(JSON.stringify({ model: 'llama3.1:8b', ttft_ms: 120, phases: { load_ms: 800 }, draft: { model: 'qwen2.5:0.5b', ttft_ms: 30 } })),
    );
    expect(keys(data)).toEqual(['draft.ttft_ms{model=qwen2.5:0.5b}', 'phases.load_ms{model=llama3.1:8b}', 'ttft_ms{model=llama3.1:8b}']);
  });

  it("reads a measurement under a label's name (a memory or energy breakdown by gpu and cpu) as a metric instead of losing it as a label", () => {
    const data = parsed(parseJsonText('{"model": "llama3", "peak_memory_mb": {"gpu": 12500, "cpu": 3200}, "energy_kwh": {"gpu": 0.0051, "cpu": 0.0012, "total": 0.0066}}'));
    expect(keys(data)).toEqual(['energy_kwh.cpu{model=llama3}', 'energy_kwh.gpu{model=llama3}', 'energy_kwh.total{model=llama3}', 'peak_memory_mb.cpu{model=llama3}', 'peak_memory_mb.gpu{model=llama3}']);
  });

  it('keeps whole numbers and fractional settings under label names as labels (a GPU index, a sampling temperature)', () => {
    const data = parsed(parseJsonText('{"gpu": 0, "temperature": 0.7, "top_p": 0.95, "tokens_per_second": 41.5}'));
    expect(keys(data)).toEqual(['tokens_per_second{gpu=0,temperature=0.7,top_p=0.95}']);
  });

  it('does not let a label key reach metrics outside its object', () => {
    const data = parsed(parseJsonText('{"a": {"model": "x", "ttft_ms": 1}, "b": {"ttft_ms": 2}}'));
    expect(keys(data)).toEqual(['a.ttft_ms{model=x}', 'b.ttft_ms']);
  });
});

describe('parseJsonText: summaries', () => {
  it('reads an object {mean, stddev, n} as the summary of one metric, not three', () => {
    const data = parsed(parseJsonText(fixture('summary-objects.json')));
    expect(keys(data)).toEqual(['eval_tokens_per_s{model=llama3.1:8b}', 'load{model=llama3.1:8b}', 'ttft_ms{model=llama3.1:8b}']);
    expect(series(data, 'ttft_ms', { model: 'llama3.1:8b' }).summary).toEqual({ mean: 120.5, sd: 8.25, n: 20 });
  });

  it('takes the unit a summary object states beside its statistics', () => {
    const data = parsed(parseJsonText(fixture('summary-objects.json')));
    const rate = series(data, 'eval_tokens_per_s', { model: 'llama3.1:8b' });
    expect(rate.summary).toEqual({ mean: 42.75, sd: 1.5, n: 20 });
    expect(rate.unitHint).toBe('tok/s');
  });

  it('takes the unit an object states for its numbers, and names a lone value by its object', () => {
    const text = JSON.stringify({ memory: { unit: 'MB', max_ram: 1182.5, max_vram: 2335.25 }, decode: { throughput: { unit: 'tokens/s', value: 38.82 } } });
    const data = parsed(parseJsonText(text));
    expect(data.series.map((s) => [s.metric, s.unitHint, s.samples?.samples])).toEqual([
      ['memory.max_ram', 'MB', [1182.5]],
      ['memory.max_vram', 'MB', [2335.25]],
      ['decode.throughput', 'tokens/s', [38.82]],
    ]);
  });

  it('reads a summary object with the values it sums up as one series of those values, not two series', () => {
    const text = JSON.stringify({ eager: { gen_tok_s: { mean: 157.58, min: 157.51, max: 157.62, reps: [157.51, 157.6, 157.62] } } });
    const data = parsed(parseJsonText(text));
    expect(data.series.map((s) => [s.metric, s.samples?.samples, s.summary])).toEqual([['eager.gen_tok_s', [157.51, 157.6, 157.62], undefined]]);
  });

  it('keeps a summary and an array apart when the array is not what the summary sums up', () => {
    const text = JSON.stringify({ ttft_ms: { mean: 40, p99: 90, values: [10, 12] } });
    expect(keys(parsed(parseJsonText(text)))).toEqual(['ttft_ms', 'ttft_ms.values']);
  });

  it('reads a median with percentiles and a count as one summary', () => {
    const data = parsed(parseJsonText(fixture('summary-objects.json')));
    expect(series(data, 'load', { model: 'llama3.1:8b' }).summary).toEqual({ median: 850, percentiles: { 95: 910, 99: 990 }, n: 20 });
  });

  it('reads vLLM-style mean_/median_/std_/p99_ siblings as one summary per metric', () => {
    const data = parsed(parseJsonText(fixture('serving-summary.json')));
    const labels = { backend: 'vllm', model_id: 'meta-llama/Llama-3.1-8B-Instruct', num_prompts: '200', request_rate: '4' };
    expect(series(data, 'ttft_ms', labels).summary).toEqual({ mean: 45.5, median: 41, sd: 12.25, percentiles: { 99: 98 } });
    expect(series(data, 'tpot_ms', labels).summary).toEqual({ mean: 11.5, sd: 1.75 });
  });

  it('keeps a lone mean_x as an ordinary metric and labels everything by backend, model and request parameters', () => {
    const data = parsed(parseJsonText(fixture('serving-summary.json')));
    const l = '{backend=vllm,model_id=meta-llama/Llama-3.1-8B-Instruct,num_prompts=200,request_rate=4}';
    expect(keys(data)).toEqual([`completed${l}`, `duration${l}`, `mean_e2el_ms${l}`, `output_throughput${l}`, `tpot_ms${l}`, `ttft_ms${l}`]);
    expect(samplesOf(data.series.find((s) => s.metric === 'mean_e2el_ms') as RawSeries)).toEqual([5200]);
  });

  it('keeps a lone mean_x as an ordinary metric in the smallest document', () => {
    const data = parsed(parseJsonText('{"mean_ttft_ms": 120, "tokens_per_s": 45}'));
    expect(keys(data)).toEqual(['mean_ttft_ms', 'tokens_per_s']);
  });

  it('reads bare mean/stddev/n keys beside other fields as the summary of the object', () => {
    const data = parsed(parseJsonText('{"ttft": {"mean": 120, "stddev": 6, "n": 12, "total_ms": 1440}}'));
    expect(keys(data)).toEqual(['ttft', 'ttft.total_ms']);
    expect(series(data, 'ttft').summary).toEqual({ mean: 120, sd: 6, n: 12 });
  });

  it('gives an n written beside nested summaries to each of them instead of reporting n as a metric', () => {
    const doc = {
      model: 'gemma3:4b',
      backends: {
        eager: { latency: { mean_ttft_ms: 400, std_ttft_ms: 40 }, throughput: { mean_tokens_per_s: 60, std_tokens_per_s: 3 }, n: 120 },
        compiled: { latency: { mean_ttft_ms: 350, std_ttft_ms: 30 }, n: 80 },
      },
    };
    const data = parsed(parseJsonText(JSON.stringify(doc)));
    const labels = { model: 'gemma3:4b' };
    expect(keys(data)).toEqual([
      'backends.compiled.latency.ttft_ms{model=gemma3:4b}',
      'backends.eager.latency.ttft_ms{model=gemma3:4b}',
      'backends.eager.throughput.tokens_per_s{model=gemma3:4b}',
    ]);
    expect(series(data, 'backends.eager.latency.ttft_ms', labels).summary).toEqual({ mean: 400, sd: 40, n: 120 });
    expect(series(data, 'backends.eager.throughput.tokens_per_s', labels).summary).toEqual({ mean: 60, sd: 3, n: 120 });
    expect(series(data, 'backends.compiled.latency.ttft_ms', labels).summary).toEqual({ mean: 350, sd: 30, n: 80 });
  });

  it('lets a summary that states its own n keep it over the n of its parent', () => {
    const data = parsed(parseJsonText('{"n": 120, "latency": {"mean_ttft_ms": 350, "std_ttft_ms": 30, "n": 80}}'));
    expect(series(data, 'latency.ttft_ms').summary).toEqual({ mean: 350, sd: 30, n: 80 });
  });

  it('keeps a count that no summary uses as an ordinary metric', () => {
    const data = parsed(parseJsonText('{"count": 3, "ttft_ms": 120}'));
    expect(keys(data)).toEqual(['count', 'ttft_ms']);
  });

  it('names the summary of a whole document "value"', () => {
    expect(parsed(parseJsonText('{"mean": 3.5, "stddev": 0.5, "n": 4}')).series).toEqual([
      { metric: 'value', labels: {}, summary: { mean: 3.5, sd: 0.5, n: 4 } },
    ]);
  });

  it('reads statistics written as numeric strings', () => {
    const data = parsed(parseJsonText('{"mean_tokens": 550.0, "min_tokens": "550", "max_tokens_out": 3, "stddev_tokens": 0}'));
    expect(series(data, 'tokens').summary).toEqual({ mean: 550, min: 550, sd: 0 });
  });

  it('reads pytest-benchmark-style stats: q1/q3 are quartiles and rounds is the n of that summary', () => {
    const doc = {
      benchmarks: [
        { name: 'test_parse', stats: { min: 0.0018, max: 0.0025, mean: 0.002, stddev: 0.0001, rounds: 500, median: 0.00195, q1: 0.0019, q3: 0.0021, ops: 500 } },
        { name: 'test_render', stats: { min: 0.004, max: 0.006, mean: 0.005, stddev: 0.0004, rounds: 200, median: 0.0049, q1: 0.0047, q3: 0.0052, ops: 200 } },
      ],
    };
    const data = parsed(parseJsonText(JSON.stringify(doc)));
    expect(keys(data)).toEqual([
      'benchmarks.stats.ops{name=test_parse}',
      'benchmarks.stats.ops{name=test_render}',
      'benchmarks.stats{name=test_parse}',
      'benchmarks.stats{name=test_render}',
    ]);
    expect(series(data, 'benchmarks.stats', { name: 'test_parse' }).summary).toEqual({
      min: 0.0018,
      max: 0.0025,
      mean: 0.002,
      sd: 0.0001,
      n: 500,
      median: 0.00195,
      percentiles: { 25: 0.0019, 75: 0.0021 },
    });
  });

  it('puts raw samples and a stated summary of the same metric into one series', () => {
    const data = parsed(parseJsonText('{"x_ms": [1, 2, 3], "mean_x_ms": 2, "std_x_ms": 1}'));
    expect(data.series).toHaveLength(1);
    const x = series(data, 'x_ms');
    expect(samplesOf(x)).toEqual([1, 2, 3]);
    expect(x.summary).toEqual({ mean: 2, sd: 1 });
  });
});

describe('parseJsonText: arrays of numbers', () => {
  it('turns arrays of numbers into samples labelled by their sibling label keys', () => {
    const data = parsed(parseJsonText(fixture('sample-arrays.json')));
    const labels = { model: 'llama3.1:8b', quant: 'Q4_K_M' };
    expect(keys(data)).toEqual(['eval_tokens_per_s{model=llama3.1:8b,quant=Q4_K_M}', 'ttft_ms{model=llama3.1:8b,quant=Q4_K_M}']);
    expect(samplesOf(series(data, 'ttft_ms', labels))).toEqual([120, 130, 110, 140]);
    expect(statsOf(series(data, 'ttft_ms', labels))).toEqual({ n: 4, mean: 125, sd: Math.sqrt(500 / 3) });
    expect(statsOf(series(data, 'eval_tokens_per_s', labels))).toEqual({ n: 4, mean: 41, sd: Math.sqrt(20 / 3) });
  });

  it('names a top-level array of numbers "value"', () => {
    const data = parsed(parseJsonText('[3, 5, 7]'));
    expect(keys(data)).toEqual(['value']);
    expect(statsOf(series(data, 'value'))).toEqual({ n: 3, mean: 5, sd: 2 });
  });

  it('joins nested arrays of numbers under one key into one series', () => {
    const data = parsed(parseJsonText('{"ttft_ms": [[120, 130], [110]]}'));
    expect(data.series).toHaveLength(1);
    expect(samplesOf(series(data, 'ttft_ms'))).toEqual([120, 130, 110]);
  });
});

describe('parseJsonText: records that each describe a different benchmark', () => {
  const data = parsed(parseJsonText(fixture('command-results.json')));
  const one = { command: './bin/tokenize --threads 1 corpus.txt' };
  const eight = { command: './bin/tokenize --threads 8 corpus.txt' };

  it('keeps the runs of different commands apart instead of pooling them', () => {
    // Each record's statistics sum up its `times`: one series of those times per command.
    expect(keys(data)).toEqual(['results{command=./bin/tokenize --threads 1 corpus.txt}', 'results{command=./bin/tokenize --threads 8 corpus.txt}']);
    expect(samplesOf(series(data, 'results', one))).toEqual([2.4, 2.5, 2.6]);
    expect(samplesOf(series(data, 'results', eight))).toEqual([0.45, 0.5, 0.55]);
  });

  it("reads each record's bare mean/stddev/median/min/max as one summary when no values beside it sum up to them", () => {
    const text = JSON.stringify({ results: [{ command: 'a', mean: 2.5, stddev: 0.1, median: 2.5, min: 2.4, max: 2.6 }, { command: 'b', mean: 0.5, stddev: 0.05, median: 0.5, min: 0.45, max: 0.55 }] });
    const own = parsed(parseJsonText(text));
    expect(series(own, 'results', { command: 'a' }).summary).toEqual({ mean: 2.5, sd: 0.1, median: 2.5, min: 2.4, max: 2.6 });
    expect(series(own, 'results', { command: 'b' }).summary).toEqual({ mean: 0.5, sd: 0.05, median: 0.5, min: 0.45, max: 0.55 });
  });

  it('counts every record as a row', () => {
    expect(data.rows).toBe(2);
    expect(data.excludedRows).toBe(0);
  });

  it('still leaves out a named record that carries an error', () => {
    const doc = {
      results: [
        { command: 'sleep 0.1', times: [0.1, 0.11], error: '' },
        { command: 'false', times: [0.001], error: 'exit code 1' },
      ],
    };
    const data = parsed(parseJsonText(JSON.stringify(doc)));
    expect(keys(data)).toEqual(['results.times{command=sleep 0.1}']);
    expect(data.rows).toBe(2);
    expect(data.excludedRows).toBe(1);
  });

  it('keeps more differently named benchmarks apart than a label column may hold values', () => {
    const benchmarks = Array.from({ length: 60 }, (_, i) => ({ name: `BM_Decode/${i + 1}`, real_time: 100 + i, time_unit: 'ns' }));
    const data = parsed(parseJsonText(JSON.stringify({ benchmarks })));
    expect(data.series).toHaveLength(60);
    expect(samplesOf(series(data, 'benchmarks.real_time', { name: 'BM_Decode/60' }))).toEqual([159]);
  });

  it('pools records that share a name, as repeated runs of one benchmark', () => {
    const data = parsed(parseJsonText('[{"name": "decode", "ms": 10}, {"name": "decode", "ms": 12}, {"name": "prefill", "ms": 30}]'));
    expect(keys(data)).toEqual(['ms{name=decode}', 'ms{name=prefill}']);
    expect(samplesOf(series(data, 'ms', { name: 'decode' }))).toEqual([10, 12]);
  });
});

describe('parseJsonText: files that are not benchmark results', () => {
  it('skips a JSON schema ($schema key) even though it holds numbers', () => {
    expect(notParsed(parseJsonText(fixture('schema.json')))).toEqual({
      status: 'skipped',
      reason: 'a JSON schema or configuration file ($schema key), not benchmark results',
    });
  });

  it('skips a document without numbers and says why', () => {
    expect(notParsed(parseJsonText(fixture('no-numbers.json')))).toEqual({ status: 'skipped', reason: 'no numeric values: not benchmark results' });
  });

  it('skips an empty array and an empty object', () => {
    expect(notParsed(parseJsonText('[]')).reason).toBe('no numeric values: not benchmark results');
    expect(notParsed(parseJsonText('{}')).reason).toBe('no numeric values: not benchmark results');
  });

  it("skips Chimera Insight's own report", () => {
    expect(notParsed(parseJsonText(fixture('chimera-report.json')))).toEqual({ status: 'skipped', reason: 'a Chimera Insight report, not benchmark results' });
  });

  it("skips a shard folder's hardware.json, written by the action itself", () => {
    const hardware = { id: 'h100', idSource: 'input', os: 'linux', arch: 'x64', cpu: { model: 'EPYC', cores: 64 }, gpus: [{ vendor: 'nvidia', model: 'H100', count: 8 }] };
    expect(notParsed(parseJsonText(serialiseHardware(hardware as HardwareIdentity)))).toEqual({ status: 'skipped', reason: "a Chimera Insight shard's hardware description, not benchmark results" });
  });

  it('reads a file that starts with a byte order mark', () => {
    const text = fixture('bom.json');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const data = parsed(parseJsonText(text));
    expect(samplesOf(series(data, 'eval_tokens_per_s', { model: 'phi3:mini' }))).toEqual([61.5, 62.5]);
  });
});

describe('parseJsonText: malformed JSON fails with line and column', () => {
  const NAN_ADVICE = 'is not valid JSON (write null, or a string, for a missing or infinite value)';
  const fails = (name: string) => notParsed(parseJsonText(fixture(`malformed/${name}`)));

  it('rejects a NaN token', () => {
    expect(fails('nan.json')).toEqual({ status: 'failed', reason: `invalid JSON at line 3, column 14: NaN ${NAN_ADVICE}`, line: 3 });
  });

  it('rejects an Infinity token', () => {
    expect(fails('infinity.json')).toEqual({ status: 'failed', reason: `invalid JSON at line 4, column 14: Infinity ${NAN_ADVICE}`, line: 4 });
  });

  it('rejects a -Infinity token', () => {
    expect(fails('negative-infinity.json')).toEqual({ status: 'failed', reason: `invalid JSON at line 3, column 15: -Infinity ${NAN_ADVICE}`, line: 3 });
  });

  it('rejects trailing garbage after the value', () => {
    expect(fails('trailing-garbage.json')).toEqual({
      status: 'failed',
      reason: 'invalid JSON at line 5, column 1: unexpected content after the end of the JSON value (trailing garbage, or several documents in one file)',
      line: 5,
    });
  });

  it('rejects a truncated document', () => {
    expect(fails('truncated.json')).toEqual({
      status: 'failed',
      reason: "invalid JSON at line 5, column 20: the document ends before the '{' opened at line 5, column 5 is closed (truncated file?)",
      line: 5,
    });
  });

  it('rejects an unterminated string', () => {
    expect(fails('unterminated-string.json')).toEqual({
      status: 'failed',
      reason: 'invalid JSON at line 2, column 12: unterminated string: the string that starts here is not closed before the end of the line',
      line: 2,
    });
  });

  it('rejects a missing comma at the property that follows it', () => {
    expect(fails('missing-comma.json')).toEqual({
      status: 'failed',
      reason: "invalid JSON at line 4, column 3: missing ',' before this property (or a missing '}')",
      line: 4,
    });
  });
});

describe('flattenRecord', () => {
  it('joins nested keys with dots, keeps arrays of numbers and drops arrays of anything else', () => {
    expect(flattenRecord({ model: 'a', timings: { load_ms: 5, eval: { ms: 9 } }, samples: [1, 2], tags: ['x'], runs: [{ ms: 1 }], empty: [] })).toEqual({
      model: 'a',
      'timings.load_ms': 5,
      'timings.eval.ms': 9,
      samples: [1, 2],
    });
  });
});

describe.skipIf(!existsSync(realSamples))(`parseJsonText on real tool outputs in ${realSamples} (skipped when that folder is absent)`, () => {
  const read = (tool: string, file: string) => readFileSync(path.join(realSamples, tool, file), 'utf8');
  const jsonFiles = existsSync(realSamples)
    ? readdirSync(realSamples, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) => readdirSync(path.join(realSamples, d.name)).filter((f) => f.endsWith('.json')).map((f) => path.join(d.name, f)))
    : [];
  const criterionBenchmark = path.join('criterion', 'criterion_gettingstarted__fib_20_-_fast__new__benchmark.json');

  it('finds the JSON outputs listed in SOURCES.md', () => {
    expect(jsonFiles.length).toBeGreaterThanOrEqual(8);
  });

  it.each(jsonFiles.filter((f) => f !== criterionBenchmark))('parses %s into series without failing', (file) => {
    const outcome = parseJsonText(readFileSync(path.join(realSamples, file), 'utf8'));
    expect(outcome.status, outcome.status === 'parsed' ? '' : outcome.reason).toBe('parsed');
    const data = parsed(outcome);
    expect(data.series.length).toBeGreaterThan(0);
    for (const s of data.series) expect(s.metric).not.toBe('');
  });

  it('skips the Criterion benchmark.json, which holds only ids and nulls', () => {
    expect(notParsed(parseJsonText(readFileSync(path.join(realSamples, criterionBenchmark), 'utf8')))).toEqual({
      status: 'skipped',
      reason: 'no numeric values: not benchmark results',
    });
  });

  it('llama-bench: samples_ns and samples_ts arrays become the samples of each test', () => {
    const data = parsed(parseJsonText(read('llama-bench', 'llm-performance__llama-bench.json')));
    expect(data.rows).toBe(2);
    expect(samplesOf(seriesWith(data, 'samples_ns', { n_prompt: '8192', n_gen: '0' }))).toEqual([2705811935, 2706655097, 2709186902, 2711432110, 2710084785]);
    expect(samplesOf(seriesWith(data, 'samples_ts', { n_prompt: '0', n_gen: '1280' }))).toEqual([85.5525, 85.5417, 85.5074, 85.4603, 85.4322]);
    // Text that is the same in every record (build hash, CPU, GPU) is context, not a label that splits series.
    expect(seriesWith(data, 'samples_ts', { n_gen: '1280' }).labels).toEqual({ n_batch: '2048', n_ubatch: '512', n_threads: '56', n_gpu_layers: '99', n_prompt: '0', n_gen: '1280', n_depth: '0' });
  });

  it('llama-bench: avg_ns/stddev_ns are one summary, not two metrics', () => {
    const data = parsed(parseJsonText(read('llama-bench', 'llm-performance__llama-bench.json')));
    expect(seriesWith(data, 'ns', { n_prompt: '8192' }).summary).toEqual({ mean: 2708634165, sd: 2352747 });
    expect(data.series.some((s) => s.metric === 'avg_ns' || s.metric === 'stddev_ns')).toBe(false);
  });

  it("hyperfine: each command's times are its samples, the statistics beside them their summary", () => {
    const data = parsed(parseJsonText(read('hyperfine', '1brc__hyperfine.json')));
    const first = { command: 'cargo run --release --bin 1brc measurements_1000000000.txt' };
    const second = { command: 'cargo run --release --bin lucretiel_1brc measurements_1000000000.txt' };
    expect(samplesOf(series(data, 'results', first))).toEqual([13.148435542520001, 11.81813333352, 9.877873458520002]);
    expect(samplesOf(series(data, 'results', second))).toEqual([12.04923320852, 12.36225804252, 10.25172425152]);
    expect(keys(data).filter((k) => k.startsWith('results.times'))).toEqual([]);
  });

  it('vLLM bench serve: ttft/tpot/itl are summaries labelled by backend and model; null values are no series', () => {
    const data = parsed(parseJsonText(read('vllm-bench-serving', 'learning_project__openai-chat-infqps-Qwen2.5-VL-72B-Instruct-20250929-090107.json')));
    const ttft = seriesWith(data, 'ttft_ms', { backend: 'openai-chat', model_name: 'Qwen2.5-VL-72B-Instruct' });
    expect(ttft.summary).toEqual({ mean: 24527.275762011413, median: 24964.75925692357, sd: 15619.270181272432, percentiles: { 99: 53764.23214832787 } });
    expect(seriesWith(data, 'itl_ms', {}).summary?.percentiles).toEqual({ 99: 1642.4130143458024 });
    expect(data.series.map((s) => s.metric)).not.toContain('request_goodput:');
    expect(data.series.map((s) => s.metric)).not.toContain('max_concurrency');
    expect(samplesOf(seriesWith(data, 'output_throughput', {}))).toEqual([63.12990676795241]);
  });

  it('llmperf: results_*_quantiles_pNN join the mean/min/max/stddev of the same metric', () => {
    const data = parsed(parseJsonText(read('llmperf', 'llmperf-leaderboard__summary__groq_70b.json')));
    const labels = { name: 'llama2-70b-4096_550_150_summary', model: 'llama2-70b-4096', framework: 'groq' };
    expect(series(data, 'results_ttft_s', labels).summary).toEqual({
      percentiles: { 25: 0.1860195565968752, 75: 0.24066938273608685, 90: 0.298818383552134, 95: 0.30373927168548104, 99: 0.3500269545800982 },
      median: 0.2218883791938424,
      mean: 0.22786034579078357,
      min: 0.17202026024460793,
      max: 0.3630785904824734,
      sd: 0.04545771907205833,
    });
    expect(data.series.some((s) => s.metric.endsWith('_quantiles'))).toBe(false);
    expect(series(data, 'results_number_input_tokens', labels).summary).toMatchObject({ mean: 550, min: 550, max: 550, sd: 0 });
    expect(series(data, 'input_tokens', labels).summary).toEqual({ mean: 550, sd: 0 });
  });

  it('pytest-benchmark: each benchmark stats object is one summary with rounds as n and q1/q3 as quartiles', () => {
    const data = parsed(parseJsonText(read('pytest-benchmark', 'lagom__Linux-CPython-3.9-64bit__0001_baseline.json')));
    expect(seriesWith(data, 'benchmarks.stats', { name: 'test_magic' }).summary).toEqual({
      min: 0.0002744979999960151,
      max: 0.008855842999992092,
      mean: 0.0003470619418960169,
      sd: 0.0002620899798006074,
      n: 1962,
      median: 0.0003137980000076368,
      percentiles: { 25: 0.00029999800000268806, 75: 0.0003474979999964489 },
    });
    expect(seriesWith(data, 'benchmarks.stats', { name: 'test_optimised' }).summary?.n).toBe(48170);
    expect(samplesOf(seriesWith(data, 'benchmarks.stats.ops', { name: 'test_plain' }))).toEqual([3048.9337859188954]);
  });

  it('Google Benchmark: real_time and cpu_time per benchmark name', () => {
    const data = parsed(parseJsonText(read('google-benchmark', 'lob-engine__bench_results.json')));
    expect(samplesOf(seriesWith(data, 'benchmarks.real_time', { name: 'BM_AddLimitOrder/iterations:1000000' }))).toEqual([3.3246258414999829e4]);
    expect(samplesOf(seriesWith(data, 'benchmarks.cpu_time', { name: 'BM_MarketOrder/iterations:100000' }))).toEqual([2.6564978460000006e4]);
    expect(data.series.some((s) => s.metric === 'context.date' || s.metric === 'context.host_name')).toBe(false);
  });

  it('Criterion estimates.json: each point estimate is a metric path', () => {
    const data = parsed(parseJsonText(read('criterion', 'criterion_gettingstarted__fib_20_-_fast__new__estimates.json')));
    expect(samplesOf(series(data, 'mean.point_estimate'))).toEqual([4.8576958822770795]);
    expect(samplesOf(series(data, 'std_dev.point_estimate'))).toEqual([0.12795598518845974]);
  });
});

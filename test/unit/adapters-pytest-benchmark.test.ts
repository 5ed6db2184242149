import { describe, expect, it } from 'vitest';
import { pytestBenchmark } from '../../src/parse/adapters/pytest-benchmark.js';
import { parsed } from '../helpers/series.js';
import { described, one, readTool } from '../helpers/tools.js';

describe('pytest-benchmark JSON', () => {
  it('reads one time series in seconds per benchmark, labelled by name, group and params, with numeric extra_info', async () => {
    const data = parsed(await readTool('pytest-benchmark/saved-data.json'));
    expect(data.adapter).toBe('pytest-benchmark');
    expect(described(data)).toEqual([
      'time{benchmark=test_tokenize[short],group=tokenize,text=short} s lower',
      'tokens{benchmark=test_tokenize[short],group=tokenize,text=short}  none',
      'time{benchmark=test_tokenize[long],group=tokenize,text=long} s lower',
    ]);
  });

  it('keeps the per-round samples saved with --benchmark-save-data', async () => {
    const data = parsed(await readTool('pytest-benchmark/saved-data.json'));
    const time = one(data, 'time', { benchmark: 'test_tokenize[long]' });
    expect(time.source).toBe('samples');
    expect(time.samples).toEqual([0.02, 0.021, 0.022, 0.023]);
    expect(time.stats.n).toBe(4);
    expect(time.stats.mean).toBeCloseTo(0.0215, 12);
  });

  it('falls back to the stats summary (rounds, mean, stddev, quartiles) when no data was saved', async () => {
    const data = parsed(await readTool('pytest-benchmark/summary-only.json'));
    expect(data.series).toHaveLength(1);
    expect(data.series[0]?.labels).toEqual({ benchmark: 'test_parse' });
    expect(data.series[0]?.summary).toEqual({
      n: 20000,
      mean: 2.5e-5,
      sd: 4.0e-6,
      min: 2.1e-5,
      max: 9.8e-5,
      median: 2.4e-5,
      percentiles: { 25: 2.3e-5, 75: 2.5e-5 },
    });
    expect(one(data, 'time').source).toBe('summary');
  });

  it('skips benchmarks without a mean and says which', async () => {
    const data = parsed(await readTool('pytest-benchmark/malformed.json'));
    expect(described(data)).toEqual(['time{benchmark=test_ok} s lower']);
    expect(data.rows).toBe(3);
    expect(data.excludedRows).toBe(2);
    expect(data.problems.map((p) => p.reason)).toEqual([
      'benchmark #2 (test_no_mean): no stats with a mean, skipped',
      'benchmark #3 (test_no_stats): no stats with a mean, skipped',
    ]);
  });
});

describe('pytest-benchmark names', () => {
  it('tells a second test of one name in another module apart by its full name; the first keeps its name, and so its id', async () => {
    const data = parsed(await readTool('pytest-benchmark/same-name-two-modules.json'));
    expect(described(data)).toEqual([
      'time{benchmark=test_roundtrip} s lower',
      'time{benchmark=tests/test_yaml.py::test_roundtrip} s lower',
      'time{benchmark=test_load} s lower',
    ]);
  });

  it('gives each of two tests of one name the line of its own entry, not the first one\'s', async () => {
    const data = parsed(await readTool('pytest-benchmark/same-name-two-modules.json'));
    expect(data.series.map((s) => [s.labels.benchmark, s.line])).toEqual([
      ['test_roundtrip', 6],
      ['tests/test_yaml.py::test_roundtrip', 10],
      ['test_load', 14],
    ]);
  });

  it('finds the lines of 3,000 benchmarks with saved rounds in time linear in the file', () => {
    const benchmarks = Array.from({ length: 3_000 }, (_, i) => ({
      group: null, name: `test_case[${i}]`, fullname: `tests/test_a.py::test_case[${i}]`, params: { i },
      stats: { min: 1, max: 2, mean: 1.5, stddev: 0.1, rounds: 100, median: 1.5, data: Array.from({ length: 100 }, (_, k) => 1 + k / 100) },
    }));
    const json = { machine_info: { node: 'ci' }, commit_info: {}, benchmarks, datetime: '2025-01-01T00:00:00', version: '4.0.0' };
    const text = JSON.stringify(json, null, 2);
    const start = performance.now();
    const data = parsed(pytestBenchmark.parse({ path: 'bench.json', type: 'json', text, json }));
    expect(performance.now() - start).toBeLessThan(4_000);
    const lines = text.split('\n').flatMap((l, i) => (l.trim().startsWith('"name": "test_case[') ? [i + 1] : []));
    expect(data.series.map((s) => s.line)).toEqual(lines);
  });

  it('labels a parameter JSON could not hold by its repr without the memory address, so its id is the same every run', async () => {
    const data = parsed(await readTool('pytest-benchmark/unserializable-params.json'));
    expect(described(data)).toEqual([
      'time{benchmark=test_sort[bubble_sort],impl=<function bubble_sort>,n=256} s lower',
      'time{benchmark=test_sort[merge_sort],impl=<function merge_sort>,n=256} s lower',
    ]);
  });
});

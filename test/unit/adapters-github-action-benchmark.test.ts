import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkDataHistory, directionFromUnit } from '../../src/parse/adapters/github-action-benchmark.js';
import { notParsed, parsed } from '../helpers/series.js';
import { TOOL_FIXTURES, described, one, readTool } from '../helpers/tools.js';

describe('github-action-benchmark custom JSON', () => {
  it('reads one single-value series per entry, named as the entry, in the unit it states', async () => {
    const data = parsed(await readTool('github-action-benchmark/custom.json'));
    expect(data.adapter).toBe('github-action-benchmark');
    expect(described(data)).toEqual([
      'Parse throughput{} ops/sec higher',
      'Cold start{} ms lower',
      'Encode 1KiB{} ns/iter lower',
      'Generation{} tok/s higher',
      'Model accuracy{} % higher',
    ]);
    expect(one(data, 'Encode 1KiB').samples).toEqual([1234]);
  });

  it('infers "bigger is better" from rate units and "smaller is better" from durations, and nothing from other units', () => {
    expect(['ops/sec', 'tok/s', 'MB/s', 'iter/sec', 'req/s'].map(directionFromUnit)).toEqual(['higher', 'higher', 'higher', 'higher', 'higher']);
    expect(['ns/iter', 'ms', 's', 'us/op'].map(directionFromUnit)).toEqual(['lower', 'lower', 'lower', 'lower']);
    // JMH's throughput modes: operations per microsecond or nanosecond.
    expect(['ops/us', 'ops/µs', 'ops/ns', 'ops/ms'].map(directionFromUnit)).toEqual(['higher', 'higher', 'higher', 'higher']);
    expect(['Percent', 'MB', ''].map(directionFromUnit)).toEqual([undefined, undefined, undefined]);
  });

  it('leaves an ordinary list of records without units to the generic parser', async () => {
    const data = parsed(await readTool('github-action-benchmark/not-custom.json'));
    expect(data.adapter).toBe('json');
  });
});

describe('github-action-benchmark data.js', () => {
  it('reads the latest commit of each suite, with directions from the tool or the unit', async () => {
    const data = parsed(await readTool('github-action-benchmark/data.js'));
    expect(data.adapter).toBe('github-action-benchmark');
    expect(described(data)).toEqual([
      'BenchmarkEncode{suite=Go Benchmark} ns/op lower',
      'BenchmarkEncode - MB/s{suite=Go Benchmark} MB/s higher',
      'tests/test_codec.py::test_roundtrip{suite=Python Benchmark} iter/sec higher',
      'peak memory{suite=Python Benchmark} MB lower',
    ]);
    expect(one(data, 'BenchmarkEncode').samples).toEqual([1200]);
    expect(one(data, 'peak memory').samples).toEqual([312]);
  });

  it('keeps a benchmark measured in two units as two series, told apart by their unit (JMH ops/us and us/op)', async () => {
    const data = parsed(await readTool('github-action-benchmark/jmh-data.js'));
    expect(described(data)).toEqual([
      'org.example.CacheBench.get{suite=JMH,unit=ops/us} ops/us higher',
      'org.example.CacheBench.put{suite=JMH,unit=ops/us} ops/us higher',
      'org.example.CacheBench.get{suite=JMH,unit=us/op} us/op lower',
      'org.example.CacheBench.put{suite=JMH,unit=us/op} us/op lower',
      'BenchmarkGet{suite=Go} ns/op lower',
    ]);
  });

  it('pools a benchmark repeated in one entry (go test -count=3) into one series of its values', async () => {
    const data = parsed(await readTool('github-action-benchmark/jmh-data.js'));
    expect(one(data, 'BenchmarkGet').samples).toEqual([81, 79, 83]);
  });

  it('keeps each GOMAXPROCS of a go benchmark run with -cpu 1,2 as its own series, labelled gomaxprocs', async () => {
    const data = parsed(await readTool('github-action-benchmark/go-cpu-data.js'));
    const put = data.series.filter((s) => s.metric === 'BenchmarkPut - ns/op');
    expect(put.map((s) => [s.labels.gomaxprocs, s.samples?.samples])).toEqual([
      ['1', [1500]],
      ['2', [900]],
    ]);
  });

  it('splits a Go result stored as a whole line into one series per measure, once each beside the split entries', async () => {
    const data = parsed(await readTool('github-action-benchmark/go-cpu-data.js'));
    expect(described(data)).toEqual([
      'BenchmarkPut - ns/op{suite=Go (split),gomaxprocs=1} ns/op lower',
      'BenchmarkPut - B/op{suite=Go (split),gomaxprocs=1} B/op lower',
      'BenchmarkPut - allocs/op{suite=Go (split),gomaxprocs=1} allocs/op lower',
      'BenchmarkPut - ns/op{suite=Go (split),gomaxprocs=2} ns/op lower',
      'BenchmarkPut - B/op{suite=Go (split),gomaxprocs=2} B/op lower',
      'BenchmarkPut - allocs/op{suite=Go (split),gomaxprocs=2} allocs/op lower',
      'BenchmarkScan - ns/op{suite=Go (whole lines)} ns/op lower',
      'BenchmarkScan - MB/s{suite=Go (whole lines)} MB/s higher',
      'BenchmarkScan - B/op{suite=Go (whole lines)} B/op lower',
      'BenchmarkScan - allocs/op{suite=Go (whole lines)} allocs/op lower',
    ]);
    expect(data.series.filter((s) => s.metric.startsWith('BenchmarkScan')).map((s) => s.samples?.samples[0])).toEqual([42000, 97.5, 4096, 12]);
  });

  it('reads the mean, median and stddev benches of a repeated Google Benchmark run as one summary, its cv not at all', async () => {
    const data = parsed(await readTool('github-action-benchmark/googlecpp-repetitions-data.js'));
    expect(described(data)).toEqual([
      'BM_Copy/64{suite=C++ Benchmark} ns/iter lower',
      'BM_stat_mean{suite=C++ Benchmark} ns/iter lower',
      'BM_stat_max{suite=C++ Benchmark} ns/iter lower',
      'BM_Parse/4096/repeats:5{suite=C++ Benchmark} ns/iter lower',
    ]);
    const parse = one(data, 'BM_Parse/4096/repeats:5');
    expect([parse.stats.n, parse.stats.mean, parse.stats.p50, parse.stats.sd, parse.source]).toEqual([5, 2100.5, 2098, 12.25, 'summary']);
  });

  it('keeps the stored repetitions of a Google Benchmark run as its samples and drops its aggregate benches', async () => {
    const data = parsed(await readTool('github-action-benchmark/googlecpp-repetitions-data.js'));
    expect(one(data, 'BM_Copy/64').samples).toEqual([40, 42, 41]);
    expect(data.series.some((s) => /_(mean|median|stddev|cv)$/.test(s.metric) && s.metric !== 'BM_stat_mean')).toBe(false);
  });

  it('returns every stored run as history: suite, commit, date and series, oldest first', async () => {
    const text = await fs.readFile(path.join(TOOL_FIXTURES, 'github-action-benchmark/data.js'), 'utf8');
    const runs = benchmarkDataHistory(text);
    expect(runs.map((r) => [r.suite, r.commit.id.slice(0, 4), r.date, r.tool, r.series.map((s) => `${s.metric}=${s.samples?.samples[0]}`).join(' ')])).toEqual([
      ['Go Benchmark', '1111', 1735552800000, 'go', 'BenchmarkEncode=1500 BenchmarkEncode - MB/s=680.2'],
      ['Go Benchmark', '2222', 1735639200000, 'go', 'BenchmarkEncode=1200 BenchmarkEncode - MB/s=850.4'],
      ['Python Benchmark', '2222', 1735639300000, 'pytest', 'tests/test_codec.py::test_roundtrip=2450.3'],
      ['Python Benchmark', '2222', 1735639400000, 'customSmallerIsBetter', 'peak memory=312'],
    ]);
    expect(runs[0]?.commit).toEqual({
      id: '1111111111111111111111111111111111111111',
      message: 'Add codec',
      timestamp: '2024-12-30T10:00:00Z',
      url: 'https://github.com/example-org/example-repo/commit/1111111111111111111111111111111111111111',
    });
  });

  it('never evaluates the file: code after the prefix is a JSON error, not something run', () => {
    expect(() => benchmarkDataHistory('window.BENCHMARK_DATA = (() => { globalThis.pwned = true; return {}; })()')).toThrow(/not plain JSON/);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('refuses text without the window.BENCHMARK_DATA prefix', () => {
    expect(() => benchmarkDataHistory('{"entries": {}}')).toThrow('not a github-action-benchmark data.js (no "window.BENCHMARK_DATA =")');
  });

  it('skips other JavaScript files with the reason, without reading them as data', async () => {
    const outcome = notParsed(await readTool('github-action-benchmark/chart-data.js'));
    expect(outcome.reason).toBe('not github-action-benchmark data (no "window.BENCHMARK_DATA =" at the start); other JavaScript is never read or run');
  });
});

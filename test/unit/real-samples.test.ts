import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkDataHistory } from '../../src/parse/adapters/github-action-benchmark.js';
import { parseFile } from '../../src/parse/read-file.js';
import type { ParseOutcome } from '../../src/parse/types.js';
import { notParsed, parsed } from '../helpers/series.js';
import { REAL_SAMPLES, described, fileAt, one } from '../helpers/tools.js';

const present = existsSync(path.join(REAL_SAMPLES, 'SOURCES.md'));
if (!present) console.warn(`real-samples tests skipped: ${REAL_SAMPLES} is absent (it holds tool outputs from public repositories, see its SOURCES.md)`);

/** Reads a real sample as if it sat at its path in the repository it came from (SOURCES.md). */
async function real(sample: string, repoPath: string): Promise<ParseOutcome> {
  return parseFile(await fileAt(path.join(REAL_SAMPLES, sample), repoPath), 50_000_000);
}

describe.skipIf(!present)('real outputs of general benchmark tools (../shared/real-samples)', () => {
  it('pytest-benchmark (meadsteve/lagom): three time series in seconds from the saved stats', async () => {
    const data = parsed(await real('pytest-benchmark/lagom__Linux-CPython-3.9-64bit__0001_baseline.json', '.benchmarks/Linux-CPython-3.9-64bit/0001_baseline.json'));
    expect(data.adapter).toBe('pytest-benchmark');
    expect(described(data)).toEqual(['time{benchmark=test_magic} s lower', 'time{benchmark=test_plain} s lower', 'time{benchmark=test_optimised} s lower']);
    const plain = one(data, 'time', { benchmark: 'test_plain' });
    expect(plain.source).toBe('summary');
    expect(plain.stats.n).toBe(10232);
    expect(plain.stats.mean).toBeCloseTo(0.000327983508, 12);
    expect(plain.stats.p50).toBeCloseTo(0.0003051975, 12);
  });

  it('Google Benchmark (AnishPrakash/lob-engine): real and cpu time in ns for each of two benchmarks', async () => {
    const data = parsed(await real('google-benchmark/lob-engine__bench_results.json', 'bench_results.json'));
    expect(data.adapter).toBe('google-benchmark');
    expect(described(data)).toEqual([
      'real_time{benchmark=BM_AddLimitOrder/iterations:1000000} ns lower',
      'cpu_time{benchmark=BM_AddLimitOrder/iterations:1000000} ns lower',
      'real_time{benchmark=BM_MarketOrder/iterations:100000} ns lower',
      'cpu_time{benchmark=BM_MarketOrder/iterations:100000} ns lower',
    ]);
    expect(one(data, 'real_time', { benchmark: 'BM_AddLimitOrder/iterations:1000000' }).samples).toEqual([33246.258414999829]);
  });

  it('hyperfine (zeroows/1brc): time of three runs per command in seconds, user and system time', async () => {
    const data = parsed(await real('hyperfine/1brc__hyperfine.json', 'hyperfine.json'));
    expect(data.adapter).toBe('hyperfine');
    const first = 'cargo run --release --bin 1brc measurements_1000000000.txt';
    const second = 'cargo run --release --bin lucretiel_1brc measurements_1000000000.txt';
    expect(described(data)).toEqual([
      `time{command=${first}} s lower`,
      `user_time{command=${first}} s lower`,
      `system_time{command=${first}} s lower`,
      `time{command=${second}} s lower`,
      `user_time{command=${second}} s lower`,
      `system_time{command=${second}} s lower`,
    ]);
    expect(one(data, 'time', { command: first }).samples).toEqual([13.148435542520001, 11.81813333352, 9.877873458520002]);
    expect(data.problems).toEqual([]);
  });

  it('go test -bench (Akalanka47000/go-pkg-benchmarks): ns/op, B/op and allocs/op for 17 benchmarks, lines in any order', async () => {
    const data = parsed(await real('go-bench/go-pkg-benchmarks__bench.txt', 'bench.txt'));
    expect(data.adapter).toBe('go-bench');
    const all = described(data);
    expect(all).toHaveLength(51);
    expect(new Set(all.map((d) => d.replace(/\{.*\}/, '{}')))).toEqual(new Set(['ns/op{} ns/op lower', 'B/op{} B/op lower', 'allocs/op{} allocs/op lower']));
    expect(one(data, 'ns/op', { benchmark: 'BenchmarkErrorLogSlog' }).samples).toEqual([1612]);
    expect(one(data, 'B/op', { benchmark: 'BenchmarkErrorLogZerologWithStack' }).samples).toEqual([3058]);
    expect(one(data, 'ns/op', { benchmark: 'BenchmarkErrorLogSlog' }).labels).toEqual({ benchmark: 'BenchmarkErrorLogSlog', gomaxprocs: '8' });
  });

  it('criterion (dougch/criterion_gettingstarted): estimates.json as a summary in ns; benchmark.json skipped with the reason', async () => {
    const data = parsed(await real('criterion/criterion_gettingstarted__fib_20_-_fast__new__estimates.json', 'docs/fib 20 - fast/new/estimates.json'));
    expect(data.adapter).toBe('criterion');
    expect(described(data)).toEqual(['time{benchmark=fib 20 - fast} ns lower']);
    expect(data.series[0]?.summary).toEqual({ mean: 4.8576958822770795, median: 4.846644743947527, sd: 0.12795598518845974 });
    const description = notParsed(await real('criterion/criterion_gettingstarted__fib_20_-_fast__new__benchmark.json', 'docs/fib 20 - fast/new/benchmark.json'));
    expect(description.reason).toBe('criterion: benchmark description (names only); its times are in estimates.json and sample.json');
  });

  it('github-action-benchmark data.js (gha-bench-test): the latest commit of each of 3 suites, string values and stated directions', async () => {
    const data = parsed(await real('github-action-benchmark/gha-bench-test__gh-pages__dev_bench_data.js', 'dev/bench/data.js'));
    expect(data.adapter).toBe('github-action-benchmark');
    // Two workflows stored into suite "Benchmark" for commit cc4bf3d: both of that commit's entries count.
    expect(described(data)).toEqual([
      'bigger_is_better{suite=Benchmark} ms higher',
      'smaller_is_better{suite=Benchmark} ms lower',
      'bigger_is_better{suite=customBiggerIsBetter} ms higher',
      'smaller_is_better{suite=customSmallerIsBetter} ms lower',
    ]);
    expect(one(data, 'bigger_is_better', { suite: 'Benchmark' }).samples).toEqual([95]);
    expect(one(data, 'smaller_is_better', { suite: 'Benchmark' }).samples).toEqual([105]);
  });

  it('github-action-benchmark data.js history: all 39 stored runs, string values read as numbers, missing units left empty', async () => {
    const text = await fs.readFile(path.join(REAL_SAMPLES, 'github-action-benchmark/gha-bench-test__gh-pages__dev_bench_data.js'), 'utf8');
    const runs = benchmarkDataHistory(text);
    expect(runs).toHaveLength(39);
    expect(runs.filter((r) => r.suite === 'Benchmark')).toHaveLength(25);
    expect(runs[1]?.commit.id).toBe('d9f75526549c01e48bc779e2436db046f29b12bb');
    expect(runs[1]?.series[0]?.samples?.samples).toEqual([37]);
    const withNoUnit = runs.find((r) => r.series.some((s) => s.metric === 'empty-unit'));
    expect(withNoUnit?.series.find((s) => s.metric === 'empty-unit')?.unitHint).toBeUndefined();
  });
});

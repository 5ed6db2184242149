import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyFromDataJs } from '../../src/baseline/sources/data-js.js';
import { alignNewestRuns, baselineFromHistory, pathTimestamps, timestampToIso } from '../../src/baseline/sources/history.js';
import type { SourceOutcome } from '../../src/baseline/sources/types.js';
import { analyzeTree, configFor, throughputCsv } from '../helpers/baseline.js';
import { repoRoot } from '../helpers/run-action.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-history-');

async function historyOf(files: Record<string, string>): Promise<SourceOutcome> {
  writeTree(tmp.dir, files);
  const report = await analyzeTree(configFor(tmp.dir));
  return baselineFromHistory(report.series);
}

function found(outcome: SourceOutcome) {
  if (!('found' in outcome)) throw new Error(`expected a baseline, got: ${outcome.reason}`);
  return outcome.found;
}

const threeRuns = {
  'runs/20251002-151204/throughput.csv': throughputCsv({ llama3: [60, 61, 59], qwen: [30, 31, 29] }),
  'runs/20251009-093015/throughput.csv': throughputCsv({ llama3: [64, 65, 63], qwen: [32, 33, 31] }),
  'runs/20251016-101122/throughput.csv': throughputCsv({ llama3: [54, 55, 53], qwen: [32, 32, 32] }),
  'notes/summary.csv': throughputCsv({ other: [1, 2, 3] }),
};

describe('pathTimestamps', () => {
  it('finds the timestamps series ids normalise away, in path order', () => {
    expect(pathTimestamps('runs/20251009-093015/throughput.csv')).toEqual(['20251009-093015']);
    expect(pathTimestamps('bench_2025-10-02T17:08:37Z.json')).toEqual(['2025-10-02T17:08:37Z']);
    expect(pathTimestamps('nightly/2025-10-02/run_1759400000.json')).toEqual(['2025-10-02', '1759400000']);
    expect(pathTimestamps('bench/results.csv')).toEqual([]);
  });

  it('reads the time a timestamp names, as UTC', () => {
    expect(timestampToIso('20251009-093015')).toBe('2025-10-09T09:30:15.000Z');
    expect(timestampToIso('2025-10-02')).toBe('2025-10-02T00:00:00.000Z');
    expect(timestampToIso('1759400000')).toBe('2025-10-02T10:13:20.000Z');
  });
});

describe('the history baseline', () => {
  it('compares the newest run with the run just before it, under the ids the report gave the newest run', async () => {
    const baseline = found(await historyOf(threeRuns));
    // The third run of a family is `#3` in the report: comparisons, annotations and facts must point at it.
    expect(baseline.head?.map((s) => [s.id, s.file, s.samples])).toEqual([
      ['runs/<ts>/throughput.csv::tokens_s{model=llama3}#3', 'runs/20251016-101122/throughput.csv', [54, 55, 53]],
      ['runs/<ts>/throughput.csv::tokens_s{model=qwen}#3', 'runs/20251016-101122/throughput.csv', [32, 32, 32]],
    ]);
    expect(baseline.series.map((s) => [s.id, s.file, s.samples])).toEqual([
      ['runs/<ts>/throughput.csv::tokens_s{model=llama3}#3', 'runs/20251009-093015/throughput.csv', [64, 65, 63]],
      ['runs/<ts>/throughput.csv::tokens_s{model=qwen}#3', 'runs/20251009-093015/throughput.csv', [32, 33, 31]],
    ]);
  });

  it('names the runs compared, how old the baseline run is and what was left out', async () => {
    const baseline = found(await historyOf(threeRuns));
    expect(baseline.info).toEqual({
      source: 'history',
      description: 'run 20251009-093015 of runs/<ts>/throughput.csv, the one before the newest (20251016-101122)',
      note: 'only the newest runs are compared; 3 other series are not',
      createdAt: '2025-10-09T09:30:15.000Z',
    });
  });

  it('compares the newest run with the one before when it adds a model the earlier one did not run', async () => {
    const baseline = found(
      await historyOf({
        'runs/20251009-093015/throughput.csv': throughputCsv({ llama3: [100, 101, 99] }),
        'runs/20251016-101122/throughput.csv': throughputCsv({ llama3: [50, 51, 49], qwen: [30, 31, 29] }),
      }),
    );
    expect(baseline.head?.map((s) => [s.file, s.labels.model])).toEqual([
      ['runs/20251016-101122/throughput.csv', 'llama3'],
      ['runs/20251016-101122/throughput.csv', 'qwen'],
    ]);
    expect(baseline.series.map((s) => [s.file, s.labels.model])).toEqual([['runs/20251009-093015/throughput.csv', 'llama3']]);
  });

  it("compares pytest-benchmark's newest saved run (.benchmarks/<machine>/0002_*.json) with the one before it", async () => {
    const saved = (name: string, mean: number) => JSON.stringify({ benchmarks: [{ name: 'test_plain', fullname: 'tests/test_speed.py::test_plain', stats: { min: mean * 0.9, max: mean * 1.1, mean, stddev: mean * 0.05, rounds: 20, median: mean, iqr: 0, q1: mean, q3: mean, iqr_outliers: 0, stddev_outliers: 0, outliers: '0;0', ld15iqr: mean, hd15iqr: mean, ops: 1 / mean, total: mean * 20, iterations: 1 } }], machine_info: {}, commit_info: {}, datetime: '2025-10-01T10:00:00', version: '4.0.0' });
    const baseline = found(
      await historyOf({
        '.benchmarks/Linux-CPython-3.11-64bit/0001_baseline.json': saved('baseline', 0.000218),
        '.benchmarks/Linux-CPython-3.11-64bit/0002_feedface.json': saved('feedface', 0.000283),
      }),
    );
    expect(baseline.head?.map((s) => [s.file, s.id.split('::')[0]])).toContainEqual(['.benchmarks/Linux-CPython-3.11-64bit/0002_feedface.json', '.benchmarks/Linux-CPython-3.11-64bit/<ts>.json']);
    expect(new Set(baseline.series.map((s) => s.file))).toEqual(new Set(['.benchmarks/Linux-CPython-3.11-64bit/0001_baseline.json']));
  });

  it('orders runs by their timestamps, not by where the files sort', async () => {
    const baseline = found(
      await historyOf({
        'bench_1759400000.json': JSON.stringify([{ tokens_s: 10 }, { tokens_s: 11 }]),
        'bench_1760000000.json': JSON.stringify([{ tokens_s: 20 }, { tokens_s: 21 }]),
        'bench_999999999.json': JSON.stringify([{ tokens_s: 5 }, { tokens_s: 6 }]),
      }),
    );
    expect(baseline.head?.map((s) => s.file)).toEqual(['bench_1760000000.json']);
    expect(baseline.series.map((s) => s.file)).toEqual(['bench_1759400000.json']);
  });

  it('treats each benchmark with its own runs separately', async () => {
    const baseline = found(
      await historyOf({
        'bench_20251002-170837.json': JSON.stringify([{ model: 'a', tokens_s: 10 }]),
        'bench_20251003-080000.json': JSON.stringify([{ model: 'a', tokens_s: 12 }]),
        'latency_20251001-000000.csv': 'model,latency_ms\na,5\n',
        'latency_20251005-000000.csv': 'model,latency_ms\na,6\n',
      }),
    );
    expect(baseline.head?.map((s) => s.file)).toEqual(['bench_20251003-080000.json', 'latency_20251005-000000.csv']);
    expect(baseline.series.map((s) => s.file)).toEqual(['bench_20251002-170837.json', 'latency_20251001-000000.csv']);
    expect(baseline.info.description).toBe('the run before the newest of each of 2 timestamped benchmarks');
    expect(baseline.info.note).toBeUndefined();
    expect(baseline.info.createdAt).toBe('2025-10-01T00:00:00.000Z');
  });

  it("does not take a vLLM run of another configuration (--metadata env=TP4PP1, then TP8PP1, under vLLM's default file name) for the run before", async () => {
    const result = (date: string, env: string, throughput: number) =>
      JSON.stringify({
        date, backend: 'openai-chat', model_id: '/models/Qwen2.5-72B-Instruct', request_rate: 'inf', env,
        completed: 32, request_throughput: throughput / 150, output_throughput: throughput, mean_ttft_ms: 18210.5, median_ttft_ms: 17800, std_ttft_ms: 9000.25,
      });
    expect(
      await historyOf({
        'results/openai-chat-infqps-Qwen2.5-72B-Instruct-20250929-090107.json': result('20250929-090107', 'TP4PP1', 63.13),
        'results/openai-chat-infqps-Qwen2.5-72B-Instruct-20251001-101500.json': result('20251001-101500', 'TP8PP1', 90.02),
      }),
    ).toEqual({ reason: 'no benchmark in the tree has two or more timestamped runs (or a data.js with two commits)' });
  });

  it('finds nothing when no benchmark was run twice', async () => {
    expect(await historyOf({ 'runs/20251002-151204/throughput.csv': throughputCsv({ a: [1, 2, 3] }), 'b.csv': throughputCsv({ b: [1] }) })).toEqual({
      reason: 'no benchmark in the tree has two or more timestamped runs (or a data.js with two commits)',
    });
  });
});

describe('baseline: history from a github-action-benchmark data.js', () => {
  async function dataJsHistory() {
    const text = readFileSync(path.join(repoRoot, 'test/fixtures/tools/github-action-benchmark/data.js'), 'utf8');
    writeTree(tmp.dir, { 'bench/data.js': text });
    const config = configFor(tmp.dir);
    const report = await analyzeTree(config);
    return found(baselineFromHistory(report.series, await historyFromDataJs(config, report.series)));
  }

  it('compares the newest commit of each suite with the commit stored before it', async () => {
    const history = await dataJsHistory();
    expect(history.info.description).toBe('commit 1111111 in bench/data.js, the one before the newest');
    expect(history.info.createdAt).toBe('2024-12-30T10:00:00.000Z');
    expect(history.series.map((s) => [s.metric, s.labels, s.stats.mean])).toEqual([
      ['BenchmarkEncode', { suite: 'Go Benchmark' }, 1500],
      ['BenchmarkEncode - MB/s', { suite: 'Go Benchmark' }, 680.2],
    ]);
  });

  it('gives the baseline the same ids as the head series the adapter reported', async () => {
    const history = await dataJsHistory();
    const headIds = new Set(history.head?.map((s) => s.id));
    expect(history.series.every((s) => headIds.has(s.id))).toBe(true);
    expect(history.head?.map((s) => s.stats.mean)).toEqual([1200, 850.4, 2450.3, 312]);
  });
});

describe('alignNewestRuns (baselines from another commit)', () => {
  const runsUpTo = (n: number, last: number[]) => {
    const stamps = ['20251002-151204', '20251009-093015', '20251016-101122', '20251023-080000'];
    const files: Record<string, string> = {};
    stamps.slice(0, n).forEach((ts, i) => {
      files[`runs/${ts}/throughput.csv`] = throughputCsv({ llama3: i === n - 1 ? last : [100, 101, 99] });
    });
    return files;
  };

  it("compares a run the pull request added with the base's newest run, under the head's ids", async () => {
    writeTree(tmp.dir, runsUpTo(3, [100, 101, 99]));
    const base = (await analyzeTree(configFor(tmp.dir))).series;
    writeTree(tmp.dir, runsUpTo(4, [85, 86, 84]));
    const head = (await analyzeTree(configFor(tmp.dir))).series;
    const aligned = alignNewestRuns(base, head);
    expect(aligned.head.map((s) => [s.id, s.file])).toEqual([['runs/<ts>/throughput.csv::tokens_s{model=llama3}#4', 'runs/20251023-080000/throughput.csv']]);
    expect(aligned.base.map((s) => [s.id, s.file])).toEqual([['runs/<ts>/throughput.csv::tokens_s{model=llama3}#4', 'runs/20251016-101122/throughput.csv']]);
    expect(aligned.omitted).toBe(3);
  });

  it('compares each setting of a sweep saved one timestamped file per setting (10 and 30 QPS), not only the newest file', async () => {
    const sweep = (at10: number[]) => ({
      'bench_20251002-151204.json': JSON.stringify({ request_rate: 10, output_throughput: at10 }),
      'bench_20251002-151530.json': JSON.stringify({ request_rate: 30, output_throughput: [300, 301, 299] }),
    });
    writeTree(tmp.dir, sweep([100, 101, 99]));
    const base = (await analyzeTree(configFor(tmp.dir))).series;
    writeTree(tmp.dir, sweep([80, 81, 79]));
    const head = (await analyzeTree(configFor(tmp.dir))).series;
    const aligned = alignNewestRuns(base, head);
    expect(aligned.head.map((s) => [s.labels.request_rate, s.file])).toEqual([
      ['10', 'bench_20251002-151204.json'],
      ['30', 'bench_20251002-151530.json'],
    ]);
    expect(aligned.base.map((s) => s.samples)).toEqual([
      [100, 101, 99],
      [300, 301, 299],
    ]);
    expect(aligned.omitted).toBe(0);
  });

  it('leaves series outside timestamped runs as they are', async () => {
    writeTree(tmp.dir, { 'summary.csv': throughputCsv({ llama3: [1, 2, 3] }) });
    const series = (await analyzeTree(configFor(tmp.dir))).series;
    const aligned = alignNewestRuns(series, series);
    expect(aligned.head.map((s) => s.id)).toEqual(['summary.csv::tokens_s{model=llama3}']);
    expect(aligned.base.map((s) => s.id)).toEqual(['summary.csv::tokens_s{model=llama3}']);
    expect(aligned.omitted).toBe(0);
  });
});

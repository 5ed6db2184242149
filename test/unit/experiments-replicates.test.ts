import { describe, expect, it } from 'vitest';
import { poolReplicates, poolRuns, replicatePattern } from '../../src/experiments/replicates.js';
import { measured, stated } from '../helpers/built-series.js';

/** `exp/<config>/run_<k>/summary.json` for each run, one tokens/s series holding `values[k-1]`. */
function runs(config: string, values: number[][], metric = 'tokens_s') {
  return values.map((samples, i) => measured(`exp/${config}/run_${i + 1}/summary.json`, metric, samples));
}

describe('poolReplicates: runs of one benchmark become one series', () => {
  it("lists a pooled series' fields in the first run's order, replicates last, with or without a line, whatever the order", () => {
    const built = ['id', 'file', 'metric', 'labels', 'unit', 'direction', 'directionSource', 'source', 'stats', 'outliers', 'samples'];
    const pooled = (parts: ReturnType<typeof runs>) => Object.keys(poolReplicates(parts).series[0] ?? {});
    expect(pooled(runs('a', [[10], [12]]))).toEqual([...built, 'replicates']);
    expect(pooled(runs('a', [[10], [12]]).map((s, i) => ({ ...s, line: 3 + i })))).toEqual([...built, 'line', 'replicates']);
    const reordered = runs('a', [[10], [12]]).map(({ samples, stats, ...rest }) => ({ samples, ...rest, stats }));
    expect(pooled(reordered)).toEqual(['samples', ...built.filter((k) => k !== 'samples' && k !== 'stats'), 'stats', 'replicates']);
    expect(poolReplicates(runs('a', [[10], [12]]).map((s, i) => ({ ...s, line: 3 + i }))).series[0]?.line).toBe(3);
  });

  it('pools run_1 … run_5 into one series with every sample, in run order', () => {
    const { series } = poolReplicates(runs('a', [[10], [12], [11], [13], [9]]));
    expect(series).toHaveLength(1);
    expect(series[0]?.samples).toEqual([10, 12, 11, 13, 9]);
    // mean 55/5 = 11; squared deviations 1+1+0+4+4 = 10, /4 → sd √2.5
    expect(series[0]?.stats.n).toBe(5);
    expect(series[0]?.stats.mean).toBe(11);
    expect(series[0]?.stats.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(series[0]?.stats.min).toBe(9);
    expect(series[0]?.stats.max).toBe(13);
  });

  it('gives the pooled series the id every run shares, and the first run as its file', () => {
    const { series } = poolReplicates(runs('a', [[10], [12]]));
    expect(series[0]?.id).toBe('exp/a/run_<n>/summary.json::tokens_s');
    expect(series[0]?.file).toBe('exp/a/run_1/summary.json');
  });

  it('keeps which files the runs came from, their pattern and each run mean', () => {
    const { series } = poolReplicates(runs('a', [[10, 12], [20, 22], [30, 32]]));
    expect(series[0]?.replicates).toEqual({
      pattern: 'exp/a/run_{1..3}/summary.json',
      files: ['exp/a/run_1/summary.json', 'exp/a/run_2/summary.json', 'exp/a/run_3/summary.json'],
      runMeans: [11, 21, 31],
    });
  });

  it('orders runs by their index, not by the order the files came in', () => {
    const [r1, r2, r10] = [measured('e/run_1/s.json', 'tps', [1]), measured('e/run_2/s.json', 'tps', [2]), measured('e/run_10/s.json', 'tps', [10])];
    const { series } = poolReplicates([r10, r2, r1]);
    expect(series[0]?.samples).toEqual([1, 2, 10]);
    expect(series[0]?.replicates?.files).toEqual(['e/run_1/s.json', 'e/run_2/s.json', 'e/run_10/s.json']);
  });

  it('reports each group of runs with how many runs and pooled series it holds', () => {
    const a = [...runs('a', [[1], [2], [3]]), ...runs('a', [[5], [6], [7]], 'ttft_ms')];
    const { groups } = poolReplicates([...a, ...runs('b', [[1], [2]])]);
    expect(groups).toEqual([
      { pattern: 'exp/a/run_{1..3}/summary.json', runs: 3, series: 2 },
      { pattern: 'exp/b/run_{1..2}/summary.json', runs: 2, series: 1 },
    ]);
  });

  it('pools each label combination separately', () => {
    const input = [1, 2].flatMap((run) => ['llama3', 'qwen3'].map((model, i) => measured(`e/run_${run}/s.csv`, 'tps', [10 * (i + 1) + run], { labels: { model } })));
    const { series } = poolReplicates(input);
    expect(series.map((s) => [s.id, s.samples])).toEqual([
      ['e/run_<n>/s.csv::tps{model=llama3}', [11, 12]],
      ['e/run_<n>/s.csv::tps{model=qwen3}', [21, 22]],
    ]);
  });

  it('finds outliers again in the pooled samples', () => {
    // median 10, MAD 0 → mean absolute deviation 90/6 = 15 × 1.253314 = 18.8; |100 − 10| / 18.8 = 4.8 > 3.5
    const { series } = poolReplicates(runs('a', [[10, 10], [10, 10], [10, 100]]));
    expect(series[0]?.outliers).toEqual([{ index: 5, value: 100 }]);
  });
});

describe('poolReplicates: what stays apart', () => {
  it('leaves a single run folder as it is, with nothing pooled', () => {
    const only = runs('a', [[10, 11, 12]]);
    const { series, groups } = poolReplicates(only);
    expect(series).toEqual(only);
    expect(series[0]?.replicates).toBeUndefined();
    expect(groups).toEqual([]);
  });

  it('pools the metrics every run has and leaves a metric only one run has as it is', () => {
    const input = [
      measured('e/run_1/s.json', 'tps', [10]),
      measured('e/run_1/s.json', 'vram_mb', [900], { unit: 'MB', direction: 'lower' }),
      measured('e/run_2/s.json', 'tps', [12]),
    ];
    const { series } = poolReplicates(input);
    expect(series.map((s) => [s.metric, s.samples, s.replicates?.files.length])).toEqual([
      ['tps', [10, 12], 2],
      ['vram_mb', [900], undefined],
    ]);
  });

  it('pools a metric over only the runs that have it', () => {
    const input = [measured('e/run_1/s.json', 'ttft_ms', [5]), measured('e/run_2/s.json', 'tps', [12]), measured('e/run_3/s.json', 'ttft_ms', [7])];
    const { series } = poolReplicates(input);
    const ttft = series.find((s) => s.metric === 'ttft_ms');
    expect(ttft?.samples).toEqual([5, 7]);
    expect(ttft?.replicates?.files).toEqual(['e/run_1/s.json', 'e/run_3/s.json']);
    expect(series.find((s) => s.metric === 'tps')?.replicates).toBeUndefined();
  });

  it('never pools two different files of one run folder, even with the same metric', () => {
    const input = [
      measured('e/run_1/summary.json', 'tps', [10]),
      measured('e/run_1/metrics.json', 'tps', [10]),
      measured('e/run_2/summary.json', 'tps', [12]),
      measured('e/run_2/metrics.json', 'tps', [12]),
    ];
    const { series } = poolReplicates(input);
    expect(series.map((s) => [s.id, s.samples])).toEqual([
      ['e/run_<n>/summary.json::tps', [10, 12]],
      ['e/run_<n>/metrics.json::tps', [10, 12]],
    ]);
  });

  it('leaves a series unpooled when its unit differs between runs', () => {
    const input = [measured('e/run_1/s.json', 'latency', [12], { unit: 'ms' }), measured('e/run_2/s.json', 'latency', [0.013], { unit: 's' })];
    const { series, groups } = poolReplicates(input);
    expect(series.map((s) => [s.unit, s.samples])).toEqual([
      ['ms', [12]],
      ['s', [0.013]],
    ]);
    expect(groups).toEqual([]);
  });

  it('leaves a series unpooled when its better direction differs between runs', () => {
    const input = [measured('e/run_1/s.json', 'score', [1], { direction: 'higher' }), measured('e/run_2/s.json', 'score', [2], { direction: 'lower' })];
    expect(poolReplicates(input).series.map((s) => s.samples)).toEqual([[1], [2]]);
  });

  it('keeps runs of different timestamped sessions apart', () => {
    const input = [
      measured('runs/20251002-151204/run_1/s.json', 'tps', [10]),
      measured('runs/20251002-151204/run_2/s.json', 'tps', [11]),
      measured('runs/20251009-093015/run_1/s.json', 'tps', [20]),
      measured('runs/20251009-093015/run_2/s.json', 'tps', [21]),
    ];
    expect(poolReplicates(input).series.map((s) => [s.file, s.samples])).toEqual([
      ['runs/20251002-151204/run_1/s.json', [10, 11]],
      ['runs/20251009-093015/run_1/s.json', [20, 21]],
    ]);
  });

  it('does not pool files that only repeat one index (run_1 and run_01)', () => {
    const input = [measured('e/run_1/s.json', 'tps', [10]), measured('e/run_01/s.json', 'tps', [11])];
    expect(poolReplicates(input).series).toHaveLength(2);
  });

  it('does not pool a model named deepseek-r1 with one named deepseek-r2', () => {
    const input = [measured('bench/deepseek-r1/s.json', 'tps', [10]), measured('bench/deepseek-r2/s.json', 'tps', [30])];
    const { series, groups } = poolReplicates(input);
    expect(series.map((s) => s.samples)).toEqual([[10], [30]]);
    expect(groups).toEqual([]);
  });
});

describe('poolRuns: stated summaries', () => {
  it('pools summaries with n and sd exactly, as if one file held every sample', () => {
    // run 1 states {9, 10, 11}: n=3 mean 10 sd 1; run 2 states {12, 14}: n=2 mean 13 sd √2.
    // All five: mean 56/5 = 11.2; squared deviations 4.84+1.44+0.04+0.64+7.84 = 14.8, /4 → sd √3.7.
    const pooled = poolRuns(
      [stated('e/run_1/s.json', 'tps', { n: 3, mean: 10, sd: 1, min: 9, max: 11 }), stated('e/run_2/s.json', 'tps', { n: 2, mean: 13, sd: Math.SQRT2, min: 12, max: 14 })],
      'e/run_{1..2}/s.json',
    );
    expect(pooled.source).toBe('summary');
    expect(pooled.stats.n).toBe(5);
    expect(pooled.stats.mean).toBeCloseTo(11.2, 12);
    expect(pooled.stats.sd).toBeCloseTo(Math.sqrt(3.7), 12);
    expect(pooled.stats.min).toBe(9);
    expect(pooled.stats.max).toBe(14);
    expect([pooled.stats.p50, pooled.stats.p95, pooled.stats.p99]).toEqual([null, null, null]);
  });

  it('pools a sampled run with a summarised one by their moments', () => {
    const pooled = poolRuns([measured('e/run_1/s.json', 'tps', [9, 10, 11]), stated('e/run_2/s.json', 'tps', { n: 2, mean: 13, sd: Math.SQRT2 })], 'p');
    expect([pooled.stats.n, pooled.stats.mean.toFixed(6), pooled.stats.sd?.toFixed(6)]).toEqual([5, '11.200000', Math.sqrt(3.7).toFixed(6)]);
    expect(pooled.samples).toEqual([]);
  });

  it('counts each run mean as one sample when the summaries give no n or sd', () => {
    const pooled = poolRuns(
      [stated('e/run_1/s.json', 'tps', { n: null, mean: 100, sd: null }), stated('e/run_2/s.json', 'tps', { n: null, mean: 110, sd: null }), stated('e/run_3/s.json', 'tps', { n: 12, mean: 120, sd: null })],
      'e/run_{1..3}/s.json',
    );
    // 100, 110, 120: mean 110, sd 10
    expect(pooled.source).toBe('samples');
    expect(pooled.samples).toEqual([100, 110, 120]);
    expect([pooled.stats.n, pooled.stats.mean, pooled.stats.sd]).toEqual([3, 110, 10]);
  });

  it('pools single-value summaries (n=1, no sd) by their moments', () => {
    const pooled = poolRuns([stated('e/run_1/s.json', 'tps', { n: 1, mean: 4, sd: null }), stated('e/run_2/s.json', 'tps', { n: 1, mean: 6, sd: null })], 'p');
    // 4 and 6: mean 5, sd √2
    expect(pooled.source).toBe('summary');
    expect([pooled.stats.n, pooled.stats.mean]).toEqual([2, 5]);
    expect(pooled.stats.sd).toBeCloseTo(Math.SQRT2, 12);
  });
});

describe('replicatePattern', () => {
  const member = (file: string, ...indices: number[]) => ({ file, indices });

  it('writes contiguous runs as a range', () => {
    expect(replicatePattern('exp/run_<n>/s.json', [member('a', 3), member('b', 1), member('c', 2)])).toBe('exp/run_{1..3}/s.json');
  });

  it('lists the runs when some are missing', () => {
    expect(replicatePattern('exp/run_<n>/s.json', [member('a', 1), member('b', 3), member('c', 4)])).toBe('exp/run_{1,3,4}/s.json');
  });

  it('writes * for every index when a path holds several', () => {
    expect(replicatePattern('exp/run_<n>/rep_<n>.json', [member('a', 1, 1), member('b', 1, 2)])).toBe('exp/run_*/rep_*.json');
  });

  it('names zero-padded runs as they are written', () => {
    const input = Array.from({ length: 10 }, (_, i) => measured(`exp/run_${String(i + 1).padStart(2, '0')}/s.json`, 'tps', [i]));
    expect(poolReplicates(input).groups).toEqual([{ pattern: 'exp/run_{01..10}/s.json', runs: 10, series: 1 }]);
  });
});

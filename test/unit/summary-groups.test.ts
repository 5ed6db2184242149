import { describe, expect, it } from 'vitest';
import { findSummaryGroups, isStatsObject, mayBeStatKey, percentilesByRank, statKeysOf, summaryFromStats, type StatKey } from '../../src/parse/summary-groups.js';

describe('findSummaryGroups: where the statistic is written', () => {
  it('reads a statistic written before the metric (mean_ttft_ms)', () => {
    expect(findSummaryGroups(['mean_ttft_ms', 'std_ttft_ms', 'max_ttft_ms'])).toEqual({
      groups: [{ metric: 'ttft_ms', columns: { mean: 'mean_ttft_ms', sd: 'std_ttft_ms', max: 'max_ttft_ms' } }],
    });
  });

  it('reads a statistic written after the metric (ttft_ms_mean)', () => {
    expect(findSummaryGroups(['ttft_ms_mean', 'ttft_ms_stddev', 'ttft_ms_min'])).toEqual({
      groups: [{ metric: 'ttft_ms', columns: { mean: 'ttft_ms_mean', sd: 'ttft_ms_stddev', min: 'ttft_ms_min' } }],
    });
  });

  it('reads a statistic after a dot (latency.p95) and keeps the dotted path as the metric', () => {
    expect(findSummaryGroups(['decode.latency.mean', 'decode.latency.p95'])).toEqual({
      groups: [{ metric: 'decode.latency', columns: { mean: 'decode.latency.mean', p95: 'decode.latency.p95' } }],
    });
  });

  it('reads the two-word statistic std_dev', () => {
    expect(findSummaryGroups(['latency_mean', 'latency_std_dev'])).toEqual({
      groups: [{ metric: 'latency', columns: { mean: 'latency_mean', sd: 'latency_std_dev' } }],
    });
  });

  it('reads avg, stdev, minimum and maximum as mean, sd, min and max', () => {
    expect(findSummaryGroups(['avg_itl_ms', 'stdev_itl_ms', 'minimum_itl_ms', 'maximum_itl_ms'])).toEqual({
      groups: [{ metric: 'itl_ms', columns: { mean: 'avg_itl_ms', sd: 'stdev_itl_ms', min: 'minimum_itl_ms', max: 'maximum_itl_ms' } }],
    });
  });

  it('reads camelCase names and names the metric in snake_case', () => {
    expect(findSummaryGroups(['meanTtftMs', 'stdTtftMs'])).toEqual({
      groups: [{ metric: 'ttft_ms', columns: { mean: 'meanTtftMs', sd: 'stdTtftMs' } }],
    });
  });

  it('finds one group per metric among many columns and leaves the others alone', () => {
    const { groups } = findSummaryGroups(['mean_ttft_ms', 'median_ttft_ms', 'std_ttft_ms', 'p99_ttft_ms', 'mean_tpot_ms', 'std_tpot_ms', 'duration', 'output_throughput']);
    expect(groups).toEqual([
      { metric: 'ttft_ms', columns: { mean: 'mean_ttft_ms', median: 'median_ttft_ms', sd: 'std_ttft_ms', p99: 'p99_ttft_ms' } },
      { metric: 'tpot_ms', columns: { mean: 'mean_tpot_ms', sd: 'std_tpot_ms' } },
    ]);
  });
});

describe('findSummaryGroups: percentiles', () => {
  it('reads p99_ttft_ms as the 99th percentile', () => {
    expect(findSummaryGroups(['mean_ttft_ms', 'p99_ttft_ms']).groups[0]?.columns).toEqual({ mean: 'mean_ttft_ms', p99: 'p99_ttft_ms' });
  });

  it('reads p50 as the median, which is a centre on its own', () => {
    expect(findSummaryGroups(['p50_ttft_ms', 'p90_ttft_ms'])).toEqual({
      groups: [{ metric: 'ttft_ms', columns: { median: 'p50_ttft_ms', p90: 'p90_ttft_ms' } }],
    });
  });

  it('reads a fractional percentile written with a dot (p99.9_ttft_ms, latency_p99.9)', () => {
    expect(findSummaryGroups(['p50_ttft_ms', 'p99.9_ttft_ms'])).toEqual({
      groups: [{ metric: 'ttft_ms', columns: { median: 'p50_ttft_ms', 'p99.9': 'p99.9_ttft_ms' } }],
    });
    expect(findSummaryGroups(['latency_mean', 'latency_p99.9']).groups[0]?.columns).toEqual({ mean: 'latency_mean', 'p99.9': 'latency_p99.9' });
    expect(findSummaryGroups(['decode.latency.mean', 'decode.latency.p99.9']).groups).toEqual([
      { metric: 'decode.latency', columns: { mean: 'decode.latency.mean', 'p99.9': 'decode.latency.p99.9' } },
    ]);
  });

  it('reads percentile_99 as the 99th percentile', () => {
    expect(findSummaryGroups(['latency.mean', 'latency.percentile_99']).groups[0]?.columns).toEqual({ mean: 'latency.mean', p99: 'latency.percentile_99' });
  });

  it('reads q1, q2 and q3 as quartiles, not as the 1st and 3rd percentiles', () => {
    expect(findSummaryGroups(['stats.mean', 'stats.q1', 'stats.q3'])).toEqual({
      groups: [{ metric: 'stats', columns: { mean: 'stats.mean', p25: 'stats.q1', p75: 'stats.q3' } }],
    });
    expect(findSummaryGroups(['x_q2', 'x_q3']).groups[0]?.columns).toEqual({ median: 'x_q2', p75: 'x_q3' });
  });

  it('reads q95 as the 95th percentile', () => {
    expect(findSummaryGroups(['x_mean', 'x_q95']).groups[0]?.columns).toEqual({ mean: 'x_mean', p95: 'x_q95' });
  });

  it('joins llmperf-style results_x_quantiles_pNN to the mean of results_x', () => {
    expect(findSummaryGroups(['results_ttft_s_quantiles_p50', 'results_ttft_s_quantiles_p95', 'results_ttft_s_mean', 'results_ttft_s_stddev'])).toEqual({
      groups: [
        {
          metric: 'results_ttft_s',
          columns: { median: 'results_ttft_s_quantiles_p50', p95: 'results_ttft_s_quantiles_p95', mean: 'results_ttft_s_mean', sd: 'results_ttft_s_stddev' },
        },
      ],
    });
  });

  it('joins latency.percentiles.p95 to latency.mean', () => {
    expect(findSummaryGroups(['latency.mean', 'latency.percentiles.p95']).groups).toEqual([
      { metric: 'latency', columns: { mean: 'latency.mean', p95: 'latency.percentiles.p95' } },
    ]);
  });
});

describe('findSummaryGroups: what makes a group', () => {
  it('leaves a lone mean_x as an ordinary metric', () => {
    expect(findSummaryGroups(['mean_ttft_ms', 'tokens_per_s'])).toEqual({ groups: [] });
  });

  it('needs a centre: min and max alone, or sd and p99 alone, are no summary', () => {
    expect(findSummaryGroups(['min_ttft_ms', 'max_ttft_ms']).groups).toEqual([]);
    expect(findSummaryGroups(['std_ttft_ms', 'p99_ttft_ms']).groups).toEqual([]);
  });

  it('needs one statistic besides the centre, and a count is not one', () => {
    expect(findSummaryGroups(['ttft_ms_mean', 'ttft_ms_count']).groups).toEqual([]);
  });

  it('keeps statistics of different metrics apart', () => {
    expect(findSummaryGroups(['mean_ttft_ms', 'std_tpot_ms']).groups).toEqual([]);
  });

  it('does not group bare statistic words, which name no metric', () => {
    expect(findSummaryGroups(['mean', 'std', 'max'])).toEqual({ groups: [] });
  });

  it('keeps the first column when a statistic is written twice', () => {
    expect(findSummaryGroups(['mean_x', 'avg_x', 'std_x']).groups[0]?.columns).toEqual({ mean: 'mean_x', sd: 'std_x' });
  });
});

describe('findSummaryGroups: n', () => {
  it('names a shared n column beside the groups', () => {
    expect(findSummaryGroups(['mean_ttft_ms', 'std_ttft_ms', 'n'])).toEqual({
      groups: [{ metric: 'ttft_ms', columns: { mean: 'mean_ttft_ms', sd: 'std_ttft_ms' } }],
      sharedN: 'n',
    });
  });

  it('accepts count, rounds and num_samples as the shared n', () => {
    expect(findSummaryGroups(['mean_x', 'std_x', 'count']).sharedN).toBe('count');
    expect(findSummaryGroups(['mean_x', 'std_x', 'rounds']).sharedN).toBe('rounds');
    expect(findSummaryGroups(['mean_x', 'std_x', 'num_samples']).sharedN).toBe('num_samples');
  });

  it('does not take a count inside a nested object as shared by everything', () => {
    expect(findSummaryGroups(['mean_x', 'std_x', 'other.count']).sharedN).toBeUndefined();
  });

  it("gives a group its own count written under its name (stats.rounds, ttft_ms_count)", () => {
    expect(findSummaryGroups(['stats.mean', 'stats.stddev', 'stats.rounds']).groups).toEqual([
      { metric: 'stats', columns: { mean: 'stats.mean', sd: 'stats.stddev', n: 'stats.rounds' } },
    ]);
    expect(findSummaryGroups(['ttft_ms_mean', 'ttft_ms_std', 'ttft_ms_count']).groups[0]?.columns.n).toBe('ttft_ms_count');
  });

  it('does not read an array named samples beside a summary as its n', () => {
    expect(findSummaryGroups(['x.mean', 'x.sd', 'x.samples']).groups[0]?.columns).toEqual({ mean: 'x.mean', sd: 'x.sd' });
  });
});

describe('mayBeStatKey', () => {
  it('is true of a statistic of a metric and of a bare statistic', () => {
    for (const key of ['mean_ttft_ms', 'ttft_ms_p99', 'latency.p95', 'std', 'median', 'n', 'count']) expect(mayBeStatKey(key)).toBe(true);
  });

  it('is false of keys among which findSummaryGroups finds nothing', () => {
    const keys = ['model', 'ttft_ms', 'tokens_s', 'eval_count', 'error'];
    expect(keys.some(mayBeStatKey)).toBe(false);
    expect(findSummaryGroups(keys).groups).toEqual([]);
  });
});

describe('isStatsObject', () => {
  it('accepts an object of statistics with a centre and one more entry', () => {
    expect(isStatsObject(['mean', 'stddev', 'n'])).toBe(true);
    expect(isStatsObject(['median', 'p95'])).toBe(true);
    expect(isStatsObject(['p50', 'count'])).toBe(true);
    expect(isStatsObject(['Mean', 'StdDev'])).toBe(true);
  });

  it('refuses an object with a key that is no statistic', () => {
    expect(isStatsObject(['mean', 'stddev', 'unit'])).toBe(false);
  });

  it('refuses an object without a centre', () => {
    expect(isStatsObject(['min', 'max'])).toBe(false);
    expect(isStatsObject(['stddev', 'n'])).toBe(false);
  });

  it('refuses a lone mean and an empty object', () => {
    expect(isStatsObject(['mean'])).toBe(false);
    expect(isStatsObject([])).toBe(false);
  });
});

describe('statKeysOf', () => {
  it('maps every statistic key to its statistic and leaves other keys out', () => {
    expect(statKeysOf(['mean', 'stddev', 'n', 'unit'])).toEqual(
      new Map<StatKey, string>([
        ['mean', 'mean'],
        ['sd', 'stddev'],
        ['n', 'n'],
      ]),
    );
  });

  it('reads p50 as the median, q1/q3 as quartiles and count as n', () => {
    expect(statKeysOf(['p50', 'q1', 'q3', 'p99', 'count'])).toEqual(
      new Map<StatKey, string>([
        ['median', 'p50'],
        ['p25', 'q1'],
        ['p75', 'q3'],
        ['p99', 'p99'],
        ['n', 'count'],
      ]),
    );
  });

  it('keeps the first key when two name the same statistic', () => {
    expect(statKeysOf(['avg', 'mean'])).toEqual(new Map<StatKey, string>([['mean', 'avg']]));
  });
});

describe('summaryFromStats', () => {
  it('puts mean, sd, min, max, median and n in place and percentiles under their number', () => {
    const values: Partial<Record<StatKey, number>> = { mean: 12, sd: 1.5, min: 9, max: 15, median: 11.5, n: 40, p95: 14, p99: 14.8 };
    expect(summaryFromStats((s) => values[s], ['mean', 'sd', 'min', 'max', 'median', 'n', 'p95', 'p99'])).toEqual({
      mean: 12,
      sd: 1.5,
      min: 9,
      max: 15,
      median: 11.5,
      n: 40,
      percentiles: { 95: 14, 99: 14.8 },
    });
  });

  it('keeps a fractional percentile under its number', () => {
    expect(summaryFromStats((s) => (s === 'mean' ? 40 : 95.5), ['mean', 'p99.9'])).toEqual({ mean: 40, percentiles: { 99.9: 95.5 } });
  });

  it('leaves out statistics without a value instead of inventing them', () => {
    expect(summaryFromStats((s) => (s === 'mean' ? 3 : undefined), ['mean', 'sd', 'p90'])).toEqual({ mean: 3 });
  });
});

describe('summaryFromStats: percentiles by rank', () => {
  it('keeps each rank in a plain object, listed in rank order like any object with index keys', () => {
    const values: Record<string, number> = { p99: 3, mean: 1, p50: 2, 'p99.9': 4 };
    const summary = summaryFromStats((stat) => values[stat], ['p99', 'mean', 'p50', 'p99.9'] as StatKey[]);
    expect(summary).toEqual({ mean: 1, percentiles: { 50: 2, 99: 3, 99.9: 4 } });
    expect(Object.keys(summary.percentiles ?? {})).toEqual(['50', '99', '99.9']);
    expect(Object.getPrototypeOf(summary.percentiles)).toBe(Object.prototype);
    expect(JSON.stringify(summary.percentiles)).toBe('{"50":2,"99":3,"99.9":4}');
  });

  it('starts empty', () => {
    const empty = percentilesByRank();
    expect(empty).toEqual({});
    expect(Object.keys(empty)).toEqual([]);
  });
});

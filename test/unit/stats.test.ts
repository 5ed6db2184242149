import { describe, expect, it } from 'vitest';
import { SampleAccumulator } from '../../src/metrics/accumulator.js';
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { coefficientOfVariation, exactStats, exactStatsAndOrder, findOutliers, poolMoments, sortedCopy, sortedForReading, statsFromSamples, statsFromSummary } from '../../src/metrics/stats.js';
import type { SeriesStats } from '../../src/model/series.js';

function accumulate(values: readonly number[], cap?: number): SampleAccumulator {
  const acc = new SampleAccumulator(cap);
  for (const v of values) acc.add(v);
  return acc;
}

/** Every numeric field equal to 9 decimals (float rounding aside), nulls and flags exactly. */
function expectStats(actual: SeriesStats, expected: SeriesStats): void {
  for (const key of Object.keys(expected) as (keyof SeriesStats)[]) {
    const want = expected[key];
    const got = actual[key];
    if (typeof want === 'number' && typeof got === 'number') expect(got, key).toBeCloseTo(want, 9);
    else expect(got, key).toBe(want);
  }
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
}

describe('statsFromSamples', () => {
  it('computes n, mean, sample sd (n-1), CV in percent and numpy-style percentiles for [1,2,3,4]', () => {
    // mean 2.5; squared deviations 2.25+0.25+0.25+2.25 = 5; sd = sqrt(5/3).
    // Percentile p at h = (n-1)·p: p50 → h 1.5 → 2.5; p95 → h 2.85 → 3.85; p99 → h 2.97 → 3.97.
    expectStats(statsFromSamples(accumulate([4, 1, 3, 2])), {
      n: 4,
      mean: 2.5,
      sd: Math.sqrt(5 / 3),
      cv: (Math.sqrt(5 / 3) / 2.5) * 100,
      min: 1,
      p50: 2.5,
      p95: 3.85,
      p99: 3.97,
      max: 4,
      approximate: false,
    });
  });

  it('gives sd 1.2909944487 and CV 51.6397779494 % for [1,2,3,4]', () => {
    const stats = statsFromSamples(accumulate([1, 2, 3, 4]));
    expect(stats.sd).toBeCloseTo(1.2909944487358056, 12);
    expect(stats.cv).toBeCloseTo(51.63977794943222, 10);
  });

  it('interpolates between closest ranks for [2,4,4,4,5,5,7,9]', () => {
    // mean 5; Σ(x-5)² = 32 → sd = sqrt(32/7). Sorted ranks 0..7:
    // p50 h 3.5 → 4 + 0.5·(5-4) = 4.5; p95 h 6.65 → 7 + 0.65·2 = 8.3; p99 h 6.93 → 7 + 0.93·2 = 8.86.
    expectStats(statsFromSamples(accumulate([9, 2, 4, 5, 4, 7, 4, 5])), {
      n: 8,
      mean: 5,
      sd: Math.sqrt(32 / 7),
      cv: (Math.sqrt(32 / 7) / 5) * 100,
      min: 2,
      p50: 4.5,
      p95: 8.3,
      p99: 8.86,
      max: 9,
      approximate: false,
    });
  });

  it('matches hand-computed statistics for TTFT samples with a cold first run', () => {
    const ttft = [5081.18, 488.01, 568.22, 487.56, 525.05, 503.53];
    const mean = 7653.55 / 6;
    const ss = ttft.reduce((s, x) => s + (x - mean) ** 2, 0);
    // Sorted: 487.56 488.01 503.53 525.05 568.22 5081.18; p50 h 2.5, p95 h 4.75, p99 h 4.95.
    expectStats(statsFromSamples(accumulate(ttft)), {
      n: 6,
      mean,
      sd: Math.sqrt(ss / 5),
      cv: (Math.sqrt(ss / 5) / mean) * 100,
      min: 487.56,
      p50: (503.53 + 525.05) / 2,
      p95: 568.22 + 0.75 * (5081.18 - 568.22),
      p99: 568.22 + 0.95 * (5081.18 - 568.22),
      max: 5081.18,
      approximate: false,
    });
  });

  it('gives a single value no sd and no CV', () => {
    expect(statsFromSamples(accumulate([42]))).toEqual({
      n: 1,
      mean: 42,
      sd: null,
      cv: null,
      min: 42,
      p50: 42,
      p95: 42,
      p99: 42,
      max: 42,
      approximate: false,
    });
  });

  it('gives identical values sd 0 and CV 0', () => {
    const stats = statsFromSamples(accumulate([7, 7, 7]));
    expect(stats.sd).toBe(0);
    expect(stats.cv).toBe(0);
  });

  it('leaves CV null when the mean is zero', () => {
    const stats = statsFromSamples(accumulate([-1, 1]));
    expect(stats.mean).toBe(0);
    expect(stats.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(stats.cv).toBeNull();
  });

  it('computes CV against the absolute mean for negative values', () => {
    const stats = statsFromSamples(accumulate([-2, -4]));
    expect(stats.mean).toBe(-3);
    expect(stats.cv).toBeCloseTo((Math.SQRT2 / 3) * 100, 12);
  });

  it('flags percentiles as approximate past the sample cap, keeping n, mean, sd, min and max exact', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    const stats = statsFromSamples(accumulate(values, 50));
    // 1..1000: mean 500.5, sample variance n(n+1)/12 = 83416.6…
    expect(stats.approximate).toBe(true);
    expect(stats.n).toBe(1000);
    expect(stats.mean).toBeCloseTo(500.5, 9);
    expect(stats.sd).toBeCloseTo(Math.sqrt((1000 * 1001) / 12), 9);
    expect(stats.cv).toBeCloseTo((Math.sqrt((1000 * 1001) / 12) / 500.5) * 100, 9);
    expect(stats.min).toBe(1);
    expect(stats.max).toBe(1000);
    expect(stats.p50).toBeGreaterThanOrEqual(1);
    expect(stats.p50).toBeLessThanOrEqual(1000);
  });

  it('is exact at exactly the cap', () => {
    expect(statsFromSamples(accumulate([1, 2, 3, 4], 4)).approximate).toBe(false);
  });
});

describe('exactStats', () => {
  it('gives for values already held exactly what statsFromSamples gives for an accumulator of them', () => {
    const values = [12.5, -3, 7.25, 7.25, 1e-9, 400, -0.5, 88];
    expect(exactStats(values, -3, 400)).toEqual(statsFromSamples(accumulate(values)));
  });

  it('orders zeros and negative zeros as they arrived, as the comparator sort does', () => {
    // The middle (5th) value in arrival order is -0; a typed-array sort would put every -0 first and make it 0.
    const values = [0, -0, 0, -0, -0, 5, 6, 7, 8];
    const stats = exactStats(values, 0, 8);
    expect(Object.is(stats.p50, -0)).toBe(true);
    expect(stats).toEqual(statsFromSamples(accumulate(values)));
  });

  it('gives the spread of values whose squares leave the range of a double, instead of 0 or Infinity', () => {
    // The sd of 1, 2, 3 is 1; the same values scaled keep it, scaled.
    expect(exactStats([1e-170, 2e-170, 3e-170], 1e-170, 3e-170).sd).toBeCloseTo(1e-170, 180);
    expect((exactStats([1e-170, 2e-170, 3e-170], 1e-170, 3e-170).sd as number) / 1e-170).toBeCloseTo(1, 12);
    expect((exactStats([1e200, 2e200, 3e200], 1e200, 3e200).sd as number) / 1e200).toBeCloseTo(1, 12);
    expect(exactStats([1, 2, 3], 1, 3).sd).toBe(1);
  });

  it('does not modify its input', () => {
    const values = [3, 1, 2];
    exactStats(values, 1, 3);
    expect(values).toEqual([3, 1, 2]);
  });

  it('gives a single value the statistics simple-statistics gives it, -0, NaN and infinities too', () => {
    for (const value of [7.25, -3, 0, -0, 1e-320, 1.7e308, Number.NaN, Infinity, -Infinity]) {
      const m = mean([value]);
      // toEqual compares numbers with Object.is: -0 and 0 are told apart.
      expect(exactStats([value], value, value)).toEqual({
        n: 1,
        mean: m,
        sd: null,
        cv: coefficientOfVariation(m, null),
        min: value,
        p50: quantileSorted([value], 0.5),
        p95: quantileSorted([value], 0.95),
        p99: quantileSorted([value], 0.99),
        max: value,
        approximate: false,
      });
    }
    expect(Object.is(exactStats([-0], -0, -0).mean, 0)).toBe(true);
    expect(Object.is(exactStats([-0], -0, -0).p50, -0)).toBe(true);
  });
});

describe('exactStats sd', () => {
  it('is sampleStandardDeviation of the ordered values to the last bit, for 2 to 40 values of any magnitude', () => {
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 2; n <= 40; n++) {
      for (const magnitude of [1e-9, 1, 1234.5, 1e12]) {
        const values = Array.from({ length: n }, () => (next() - 0.3) * magnitude);
        const sd = exactStats(values, Math.min(...values), Math.max(...values)).sd;
        // The statistics read the values in ascending order.
        expect(Object.is(sd, sampleStandardDeviation(values.slice().sort((x, y) => x - y)))).toBe(true);
      }
    }
  });
});

describe('exactStatsAndOrder', () => {
  it('orders a few values as the stable sort by a - b does: -0 and 0 keep their arrival order', () => {
    const { sorted } = exactStatsAndOrder([3, 0, -0, 1], 3, 1);
    expect(Array.from(sorted)).toEqual([0, -0, 1, 3]);
    expect(Object.is(sorted[0], 0) && Object.is(sorted[1], -0)).toBe(true);
    expect(Object.is(exactStatsAndOrder([-0, 0], -0, 0).sorted[0], -0)).toBe(true);
  });

  it('gives a few values the same statistics whatever order they arrive in', () => {
    expect(exactStatsAndOrder([5, 1, 4, 2, 3], 1, 5).stats).toEqual(exactStatsAndOrder([1, 2, 3, 4, 5], 1, 5).stats);
  });

  it('orders 2 to 40 values, ties, zeros and negative zeros among them, exactly as the stable sort by a - b does', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool = [0, -0, 1.5, -2, 3, 3, 1e-9, 250];
    for (let n = 2; n <= 40; n++) {
      for (let round = 0; round < 20; round++) {
        const values = Array.from({ length: n }, () => (next() < 0.5 ? (pool[Math.floor(next() * pool.length)] as number) : Math.round(next() * 1000) / 10 - 20));
        const expected = values.slice().sort((a, b) => a - b);
        const sorted = Array.from(exactStatsAndOrder(values, 0, 0).sorted);
        expect(sorted.every((v, i) => Object.is(v, expected[i]))).toBe(true);
      }
    }
  });

  it('orders values with NaN or an infinity exactly as sort((a, b) => a - b) does', () => {
    for (const values of [[2, Number.NaN, 1], [Infinity, 1, -Infinity, 2], [Infinity, Infinity, 0]]) {
      expect(Array.from(exactStatsAndOrder(values, 0, 0).sorted)).toEqual(values.slice().sort((a, b) => a - b));
    }
  });
});

describe('sortedForReading', () => {
  it('gives the order sortedCopy gives, for 1 to 40 values with ties, zeros, NaN and infinities', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool = [0, -0, 1.5, -2, 3, 3, 1e-9, 250, Number.NaN, Infinity, -Infinity];
    for (let n = 1; n <= 40; n++) {
      for (let round = 0; round < 20; round++) {
        const values = Array.from({ length: n }, () => (next() < 0.3 ? (pool[Math.floor(next() * pool.length)] as number) : Math.round(next() * 1000) / 10 - 20));
        const expected = Array.from(sortedCopy(values));
        const sorted = sortedForReading(values);
        expect(sorted.length).toBe(n);
        expect(Array.from(sorted).every((v, i) => Object.is(v, expected[i]))).toBe(true);
      }
    }
  });

  it('reuses its work area for the next values of the same count, so a caller reads it at once', () => {
    const first = sortedForReading([3, 1, 2]);
    expect(Array.from(first)).toEqual([1, 2, 3]);
    const second = sortedForReading([9, 7, 8]);
    expect(Array.from(second)).toEqual([7, 8, 9]);
    expect(Array.from(sortedForReading([5, 4]))).toEqual([4, 5]);
    expect(Array.from(second)).toEqual([7, 8, 9]);
  });
});

describe('statsFromSummary', () => {
  it('keeps mean, sd and n and invents nothing else', () => {
    expect(statsFromSummary({ mean: 512.4, sd: 20.1, n: 10 })).toEqual({
      n: 10,
      mean: 512.4,
      sd: 20.1,
      cv: (20.1 / 512.4) * 100,
      min: null,
      p50: null,
      p95: null,
      p99: null,
      max: null,
      approximate: false,
    });
  });

  it('leaves n, sd and CV null when only a mean is stated', () => {
    expect(statsFromSummary({ mean: 41.2 })).toEqual({
      n: null,
      mean: 41.2,
      sd: null,
      cv: null,
      min: null,
      p50: null,
      p95: null,
      p99: null,
      max: null,
      approximate: false,
    });
  });

  it('takes min, max and the stated percentiles', () => {
    expect(statsFromSummary({ mean: 10, min: 8, max: 15, percentiles: { 50: 9.5, 95: 14, 99: 14.9 } })).toEqual({
      n: null,
      mean: 10,
      sd: null,
      cv: null,
      min: 8,
      p50: 9.5,
      p95: 14,
      p99: 14.9,
      max: 15,
      approximate: false,
    });
  });

  it('prefers an explicit median over percentiles[50] for p50', () => {
    expect(statsFromSummary({ mean: 10, median: 9, percentiles: { 50: 9.5 } })?.p50).toBe(9);
  });

  it('keeps percentiles other than 50, 95 and 99 by rank, in rank order', () => {
    const stats = statsFromSummary({ mean: 10, percentiles: { 99.9: 20, 90: 12, 25: 8, 95: 13 } });
    expect([stats?.p50, stats?.p95, stats?.p99]).toEqual([null, 13, null]);
    expect(Object.entries(stats?.percentiles ?? {})).toEqual([
      ['25', 8],
      ['90', 12],
      ['99.9', 20],
    ]);
  });

  it('uses the median as the centre when no mean is stated, and says the centre is a median', () => {
    const stats = statsFromSummary({ median: 3.2, n: 5 });
    expect(stats?.mean).toBe(3.2);
    expect(stats?.p50).toBe(3.2);
    expect(stats?.sd).toBeNull();
    expect(stats?.center).toBe('median');
  });

  it('uses percentiles[50] as the centre when neither mean nor median is stated, marked as a median', () => {
    const stats = statsFromSummary({ percentiles: { 50: 7, 95: 9 } });
    expect([stats?.mean, stats?.center]).toEqual([7, 'median']);
  });

  it('marks no centre when a mean is stated beside the median, or for a single value', () => {
    expect(statsFromSummary({ mean: 10, median: 9 })?.center).toBeUndefined();
    expect(statsFromSummary({ median: 9, n: 1 })?.center).toBeUndefined();
  });

  it('keeps a mean of zero and leaves its CV null', () => {
    const stats = statsFromSummary({ mean: 0, sd: 1 });
    expect(stats?.mean).toBe(0);
    expect(stats?.cv).toBeNull();
  });

  it('returns undefined without any centre', () => {
    expect(statsFromSummary({})).toBeUndefined();
    expect(statsFromSummary({ sd: 2, n: 4, min: 1, max: 3 })).toBeUndefined();
  });
});

describe('findOutliers', () => {
  it('flags only the cold first TTFT run', () => {
    // median 514.29; |x - median| = 4566.89 26.28 53.93 26.73 10.76 10.76 → MAD 26.505.
    // Modified z of 5081.18 = 0.6745 · 4566.89 / 26.505 ≈ 116; the next largest (568.22) ≈ 1.37.
    expect(findOutliers([5081.18, 488.01, 568.22, 487.56, 525.05, 503.53])).toEqual([{ index: 0, value: 5081.18 }]);
  });

  it('calls nothing an outlier below four samples', () => {
    expect(findOutliers([])).toEqual([]);
    expect(findOutliers([1, 1000])).toEqual([]);
    expect(findOutliers([1, 1, 1000])).toEqual([]);
  });

  it('does not flag [100,100,100,101] (mean-absolute-deviation fallback, z ≈ 3.19)', () => {
    // MAD = 0 → scale 1.253314 · mean|x - 100| = 1.253314 · 0.25; z(101) = 1 / 0.3133 ≈ 3.19 ≤ 3.5.
    expect(findOutliers([100, 100, 100, 101])).toEqual([]);
  });

  it('flags [100,100,100,100,101] through the fallback (z ≈ 3.99)', () => {
    // MAD = 0 → scale 1.253314 · 0.2 = 0.2507; z(101) = 1 / 0.2507 ≈ 3.99 > 3.5.
    expect(findOutliers([100, 100, 100, 100, 101])).toEqual([{ index: 4, value: 101 }]);
  });

  it('flags nothing when all samples are equal', () => {
    expect(findOutliers([5, 5, 5, 5, 5])).toEqual([]);
  });

  it('flags low outliers as well as high ones, in sample order', () => {
    // median 11, MAD 1: z(100) = 0.6745·89, z(200) = 0.6745·189, z(1) = 0.6745·10 = 6.7.
    expect(findOutliers([10, 11, 100, 10, 12, 11, 1, 10, 200])).toEqual([
      { index: 2, value: 100 },
      { index: 6, value: 1 },
      { index: 8, value: 200 },
    ]);
  });

  it('flags nothing in evenly spread samples', () => {
    expect(findOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([]);
  });

  it('uses a strict threshold of 3.5', () => {
    // median 0, MAD 1 (deviations 0,0,1,1,1,1,x): z(x) = 0.6745·x; x = 5.19 → 3.50066, x = 5.18 → 3.49391.
    expect(findOutliers([0, 0, 1, -1, 1, -1, 5.19])).toEqual([{ index: 6, value: 5.19 }]);
    expect(findOutliers([0, 0, 1, -1, 1, -1, 5.18])).toEqual([]);
  });

  it('flags the same samples when the caller passes the median it has (a series\' p50)', () => {
    const samples = [410, 120, 118, 125, 121, 119, 122];
    const p50 = statsFromSamples(accumulate(samples)).p50 as number;
    expect(p50).toBe(121);
    expect(findOutliers(samples, p50)).toEqual([{ index: 0, value: 410 }]);
    expect(findOutliers(samples, p50)).toEqual(findOutliers(samples));
  });

  it('flags the same samples from the sorted values exactStatsAndOrder read (the MAD walked out from the median)', () => {
    // Nine values: MAD 2, so 24.38 is 3.5 scaled deviations from the median 14 and 24.37 is not.
    const flagged = [10, 11, 12, 13, 14, 15, 16, 17, 24.38];
    const kept = [10, 11, 12, 13, 14, 15, 16, 17, 24.37];
    const outliersBySorted = (samples: number[]) => {
      const { stats, sorted } = exactStatsAndOrder(samples, Math.min(...samples), Math.max(...samples));
      return findOutliers(samples, stats.p50 as number, sorted);
    };
    expect(outliersBySorted(flagged)).toEqual([{ index: 8, value: 24.38 }]);
    expect(outliersBySorted(kept)).toEqual([]);
    // Even counts (the MAD interpolated), ties at the median, spreads on one side: the same as the plain call.
    let seed = 7;
    const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let round = 0; round < 200; round++) {
      const n = 8 + (round % 13);
      const samples = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 40 : Math.round(next() * 100) / 4 + 1 + (round % 3 === 0 ? next() * 1000 : 0)));
      expect(outliersBySorted(samples)).toEqual(findOutliers(samples));
    }
  });

  it('does not modify its input', () => {
    const samples = [3, 1, 2, 100, 2];
    findOutliers(samples);
    expect(samples).toEqual([3, 1, 2, 100, 2]);
  });
});

describe('poolMoments', () => {
  it('pools groups of tiny or huge values without their squares underflowing or overflowing', () => {
    // The groups above, scaled by 1e-170 and 1e200: the same mean and sd, scaled.
    for (const scale of [1e-170, 1e200]) {
      const pooled = poolMoments([
        { n: 3, mean: 10 * scale, sd: 1 * scale },
        { n: 2, mean: 13 * scale, sd: Math.SQRT2 * scale },
      ]);
      expect(pooled.mean / scale).toBeCloseTo(11.2, 12);
      expect((pooled.sd as number) / scale).toBeCloseTo(Math.sqrt(14.8 / 4), 12);
    }
  });

  it('gives the mean and sample sd of the union of the groups', () => {
    // {9, 10, 11} (mean 10, sd 1) and {12, 14} (mean 13, sd √2): all five have mean 11.2,
    // squared deviations 4.84 + 1.44 + 0.04 + 0.64 + 7.84 = 14.8, sd √(14.8/4).
    const pooled = poolMoments([
      { n: 3, mean: 10, sd: 1 },
      { n: 2, mean: 13, sd: Math.SQRT2 },
    ]);
    expect(pooled.n).toBe(5);
    expect(pooled.mean).toBeCloseTo(11.2, 12);
    expect(pooled.sd).toBeCloseTo(Math.sqrt(3.7), 12);
  });

  it('pools single values, which have no sd of their own, by their spread alone', () => {
    // 4, 6, 8: mean 6, sd 2
    const pooled = poolMoments([
      { n: 1, mean: 4, sd: null },
      { n: 1, mean: 6, sd: null },
      { n: 1, mean: 8, sd: null },
    ]);
    expect(pooled).toEqual({ n: 3, mean: 6, sd: 2 });
  });

  it('has no sd for one value and skips empty groups', () => {
    expect(poolMoments([{ n: 0, mean: 99, sd: null }, { n: 1, mean: 5, sd: null }])).toEqual({ n: 1, mean: 5, sd: null });
  });

  it('does not depend on the order of the groups', () => {
    const a = { n: 4, mean: 100, sd: 3 };
    const b = { n: 7, mean: 90, sd: 5 };
    const ab = poolMoments([a, b]);
    const ba = poolMoments([b, a]);
    expect(ab.mean).toBeCloseTo(ba.mean, 12);
    expect(ab.sd).toBeCloseTo(ba.sd as number, 12);
  });
});

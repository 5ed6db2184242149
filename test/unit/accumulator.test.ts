import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_CAP, SampleAccumulator } from '../../src/metrics/accumulator.js';
import { statsFromSamples } from '../../src/metrics/stats.js';

/** Deterministic pseudo-random values (LCG), so the tests never depend on Math.random. */
function lcgValues(count: number, seed = 12345): number[] {
  const out: number[] = [];
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push((x / 2 ** 32) * 1000 - 250);
  }
  return out;
}

function accumulate(values: readonly number[], cap?: number, seed?: number): SampleAccumulator {
  const acc = new SampleAccumulator(cap, seed);
  for (const v of values) acc.add(v);
  return acc;
}

function directMean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function directVariance(values: readonly number[]): number {
  const m = directMean(values);
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
}

describe('SampleAccumulator: streamed moments', () => {
  it('starts empty', () => {
    const acc = new SampleAccumulator();
    expect(acc.count).toBe(0);
    expect(acc.mean).toBe(0);
    expect(acc.variance).toBeUndefined();
    expect(acc.min).toBe(Number.POSITIVE_INFINITY);
    expect(acc.max).toBe(Number.NEGATIVE_INFINITY);
    expect(acc.samples).toEqual([]);
    expect(acc.complete).toBe(true);
  });

  it('has a mean but no variance after one value', () => {
    const acc = accumulate([3.5]);
    expect(acc.mean).toBe(3.5);
    expect(acc.variance).toBeUndefined();
  });

  it('computes the mean and sample variance (n-1) of [2,4,4,4,5,5,7,9] exactly', () => {
    const acc = accumulate([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(acc.mean).toBe(5);
    expect(acc.variance).toBeCloseTo(32 / 7, 14);
  });

  it('matches the two-pass mean and variance on 5,000 values', () => {
    const values = lcgValues(5000);
    const acc = accumulate(values);
    expect(acc.count).toBe(5000);
    expect(acc.mean).toBeCloseTo(directMean(values), 10);
    expect(acc.variance).toBeCloseTo(directVariance(values), 8);
  });

  it('stays exact on a large offset where a naive sum of squares cancels', () => {
    // 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, sample variance (36 + 9 + 9 + 36) / 3 = 30.
    const acc = accumulate([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(acc.mean).toBe(1e9 + 10);
    expect(acc.variance).toBeCloseTo(30, 9);
  });

  it('tracks exact min and max, including negatives', () => {
    const acc = accumulate([3, -7.5, 12, 0, 11.99]);
    expect(acc.min).toBe(-7.5);
    expect(acc.max).toBe(12);
  });

  it('keeps min, max, mean and variance exact past the cap', () => {
    const values = lcgValues(3000, 99);
    const acc = accumulate(values, 100);
    expect(acc.min).toBe(Math.min(...values));
    expect(acc.max).toBe(Math.max(...values));
    expect(acc.mean).toBeCloseTo(directMean(values), 10);
    expect(acc.variance).toBeCloseTo(directVariance(values), 8);
  });
});

describe('SampleAccumulator: kept samples', () => {
  it('keeps 10,000 samples by default', () => {
    expect(DEFAULT_SAMPLE_CAP).toBe(10_000);
    const acc = accumulate(Array.from({ length: 10_000 }, (_, i) => i));
    expect(acc.complete).toBe(true);
    acc.add(10_000);
    expect(acc.complete).toBe(false);
    expect(acc.samples).toHaveLength(10_000);
  });

  it('keeps every value in arrival order up to the cap', () => {
    const acc = accumulate([5, 3, 9, 1, 7], 5);
    expect(acc.samples).toEqual([5, 3, 9, 1, 7]);
    expect(acc.complete).toBe(true);
  });

  it('becomes a fixed-size reservoir past the cap', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => i);
    const acc = accumulate(values, 100);
    expect(acc.count).toBe(10_000);
    expect(acc.samples).toHaveLength(100);
    expect(acc.complete).toBe(false);
    // Every kept value is an input value, none twice.
    expect(new Set(acc.samples).size).toBe(100);
    for (const v of acc.samples) expect(values).toContain(v);
  });

  it('is incomplete after the first value past the cap, whether or not it was kept', () => {
    const acc = accumulate([1, 2, 3], 3);
    acc.add(4);
    expect(acc.count).toBe(4);
    expect(acc.samples).toHaveLength(3);
    expect(acc.complete).toBe(false);
  });

  it('picks the same reservoir on two runs over the same input', () => {
    const values = lcgValues(20_000, 7);
    const first = [...accumulate(values, 250).samples];
    const second = [...accumulate(values, 250).samples];
    expect(second).toEqual(first);
  });

  it('picks a different reservoir with a different seed', () => {
    const values = Array.from({ length: 5000 }, (_, i) => i);
    expect([...accumulate(values, 50, 1).samples]).not.toEqual([...accumulate(values, 50, 2).samples]);
  });

  it('treats seed 0 like a valid seed rather than a stuck generator', () => {
    const acc = accumulate(Array.from({ length: 1000 }, (_, i) => i), 10, 0);
    expect(acc.samples).toHaveLength(10);
    expect(acc.samples.some((v) => v >= 10)).toBe(true);
  });

  it('samples the whole stream, not only its beginning', () => {
    // 100,000 values 0…99,999 into 1,000 slots: a uniform sample has mean ≈ 50,000 (sd of the mean ≈ 913).
    const acc = accumulate(Array.from({ length: 100_000 }, (_, i) => i), 1000);
    const kept = [...acc.samples];
    const keptMean = directMean(kept);
    expect(keptMean).toBeGreaterThan(46_000);
    expect(keptMean).toBeLessThan(54_000);
    expect(kept.filter((v) => v >= 90_000).length).toBeGreaterThan(50);
    expect(kept.filter((v) => v < 1000).length).toBeLessThan(30);
  });
});

describe('SampleAccumulator → statsFromSamples', () => {
  it('is exact and in order while complete', () => {
    const stats = statsFromSamples(accumulate([1, 2, 3, 4], 4));
    expect(stats.approximate).toBe(false);
    expect(stats.p95).toBeCloseTo(3.85, 12);
  });

  it('flags percentiles approximate past the cap while n is the full count', () => {
    const acc = accumulate(Array.from({ length: 1000 }, (_, i) => i), 100);
    const stats = statsFromSamples(acc);
    expect(stats.approximate).toBe(true);
    expect(stats.n).toBe(1000);
    expect(stats.min).toBe(0);
    expect(stats.max).toBe(999);
  });
});

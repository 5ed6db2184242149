import { describe, expect, it } from 'vitest';
import { compareAll, compareSeries, type CompareSettings } from '../../src/baseline/compare.js';
import { sampled, summarised } from '../helpers/comparison.js';

const SETTINGS: CompareSettings = {
  statistic: 'mean',
  threshold: 0.05,
  thresholds: [],
  minSamples: 3,
  confidence: 0.95,
  power: 0.8,
  gate: { mode: 'throughput' },
};

// The worked example of baseline-statistics.test.ts: mean 100 → 92, t = −8, df = 8.
const BASE = [100, 102, 98, 101, 99];
const DROP_8 = [90, 94, 92, 91, 93];

describe('matching base and head', () => {
  it('pairs series by id and lists head-only series as new and base-only ones as missing', () => {
    const base = [sampled(BASE, { id: 'a', metric: 'tokens_s' }), sampled(BASE, { id: 'gone', metric: 'tokens_s' })];
    const head = [sampled(BASE, { id: 'fresh', metric: 'tokens_s' }), sampled(BASE, { id: 'a', metric: 'tokens_s' })];
    const result = compareAll(base, head, SETTINGS);
    expect(result.map((c) => [c.id, c.verdict])).toEqual([
      ['fresh', 'new'],
      ['a', 'unchanged'],
      ['gone', 'missing'],
    ]);
  });

  it('never counts new or missing series as regressions, and keeps the side that exists', () => {
    const [fresh, gone] = compareAll([sampled(BASE, { id: 'gone' })], [sampled(DROP_8, { id: 'fresh' })], SETTINGS);
    expect(fresh).toMatchObject({ verdict: 'new', base: null, head: { value: 92, n: 5 }, change: null, note: 'not in the baseline' });
    expect(gone).toMatchObject({ verdict: 'missing', base: { value: 100, n: 5 }, head: null, change: null, note: 'in the baseline, not in this run' });
  });
});

describe('units that differ between the two sides', () => {
  const latency = { metric: 'time', unit: 'ms', direction: 'lower' as const };

  it('converts a baseline in ms to a run in s before comparing, so the same times are unchanged, not −99.9%', () => {
    const c = compareSeries(sampled([520, 530, 525], latency), sampled([0.52, 0.53, 0.525], { ...latency, unit: 's' }), SETTINGS);
    expect(c).toMatchObject({ verdict: 'unchanged', base: { value: 0.525, n: 3 }, head: { value: 0.525, n: 3 }, unit: 's' });
    expect(c.change).toBeCloseTo(0, 12);
    expect(c.note).toContain('baseline in ms, converted to s');
  });

  it('judges a real slowdown across the units: 527.5 ms → 0.633 s is a 20% regression', () => {
    const c = compareSeries(summarised({ mean: 527.5, sd: null, n: null }, latency), summarised({ mean: 0.633, sd: null, n: null }, { ...latency, unit: 's' }), SETTINGS);
    expect(c.verdict).toBe('regressed');
    expect(c.change).toBeCloseTo(0.2, 12);
  });

  it('converts rates and sizes too: 1.5 GiB/s is 1536 MiB/s, 56.1 ns is 0.0561 µs', () => {
    const gib = compareSeries(summarised({ mean: 1.5, sd: null, n: null }, { unit: 'GiB/s' }), summarised({ mean: 1536, sd: null, n: null }, { unit: 'MiB/s' }), SETTINGS);
    expect(gib.change).toBeCloseTo(0, 12);
    const ns = compareSeries(summarised({ mean: 56.1, sd: null, n: null }, { ...latency, unit: 'ns' }), summarised({ mean: 0.0561, sd: null, n: null }, { ...latency, unit: 'µs' }), SETTINGS);
    expect(ns.change).toBeCloseTo(0, 12);
  });

  it('compares spellings of one unit as the same unit: msec and ms, ops/s and op/s, bytes and B, Mbps and Gbps', () => {
    const same = (a: string, b: string, va: number, vb: number) => compareSeries(summarised({ mean: va, sd: null, n: null }, { unit: a }), summarised({ mean: vb, sd: null, n: null }, { unit: b }), SETTINGS).change;
    expect(same('msec', 'ms', 12, 12)).toBeCloseTo(0, 12);
    expect(same('ops/s', 'op/s', 500, 500)).toBeCloseTo(0, 12);
    expect(same('bytes', 'B', 2048, 2048)).toBeCloseTo(0, 12);
    expect(same('Mbps', 'Gbps', 940, 0.94)).toBeCloseTo(0, 12);
  });

  it('does not compare units of different kinds (ms against tok/s, tok/s against req/s)', () => {
    const c = compareSeries(summarised({ mean: 100, sd: null, n: null }, { unit: 'tok/s' }), summarised({ mean: 50, sd: null, n: null }, { unit: 'req/s' }), SETTINGS);
    expect(c).toMatchObject({ verdict: 'insufficient-data', change: null, note: 'the baseline is in tok/s, this run in req/s: not compared' });
  });
});

describe('verdicts from Welch and the threshold', () => {
  it('regresses a significant 8% throughput drop past the 5% threshold, with the hand-computed interval and p', () => {
    const c = compareSeries(sampled(BASE), sampled(DROP_8), SETTINGS);
    expect(c.verdict).toBe('regressed');
    expect(c.method).toBe('welch');
    expect(c.change).toBeCloseTo(-0.08, 12);
    expect(c.pValue).toBeCloseTo(1 - (24742 * Math.SQRT2) / 34992, 12);
    expect(c.interval?.[0]).toBeCloseTo(-0.1019165, 6);
    expect(c.interval?.[1]).toBeCloseTo(-0.0575942, 6);
    expect(c.gated).toBe(true);
    expect(c.threshold).toBe(0.05);
    expect(c.base).toEqual({ value: 100, n: 5, sd: Math.sqrt(2.5) });
  });

  it('keeps a significant change within the threshold unchanged when its whole interval is within it', () => {
    // Variance 0.1 a side, se = √(2·0.1/5) = 0.2: −3% ± 2.306·0.2 stays above −5%.
    const tight = [100, 100.4, 99.6, 100.2, 99.8];
    const c = compareSeries(sampled(tight), sampled(tight.map((v) => v - 3)), SETTINGS);
    expect(c.change).toBeCloseTo(-0.03, 12);
    expect(c.pValue).toBeLessThan(0.05);
    expect(c.interval?.[0]).toBeGreaterThan(-0.05);
    expect(c.verdict).toBe('unchanged');
    expect(c.note).toBeUndefined();
  });

  it('calls a change past the threshold that noise explains inconclusive, with the MDE and the runs that would decide it', () => {
    // Variance (0² + 30² + 30² + 15² + 15²)/4 = 562.5 on both sides, se = √(2·562.5/5) = 15,
    // t = −10/15, df = 8; by the even-df formula (cos²θ = 18/19) p = 0.5237.
    const noisy = compareSeries(sampled([100, 130, 70, 115, 85]), sampled([90, 120, 60, 105, 75]), SETTINGS);
    expect(noisy.change).toBeCloseTo(-0.1, 12);
    expect(noisy.verdict).toBe('inconclusive');
    expect(noisy.pValue).toBeCloseTo(0.5237, 4);
    // (t₀.₉₇₅,₈ + t₀.₈,₈)·15/100 = (2.3060 + 0.8889)·0.15.
    expect(noisy.detectable?.mde).toBeCloseTo(0.47924, 4);
    // N per side with the same spread: (t₀.₉₇₅ + t₀.₈ at df 2(N − 1))·√(1125/N)/100 < 5% first holds at N = 355
    // (2.8055·1.7802 = 4.994%; at 354, 2.8055·1.7827 = 5.001%).
    expect(noisy.note).toBe('interval spans the 5% threshold: MDE 47.9% (95% confidence, 80% power); about 355 runs per side would decide it');
  });

  it('improves on a significant rise of a higher-is-better metric', () => {
    const c = compareSeries(sampled(DROP_8), sampled(BASE), SETTINGS);
    expect(c.change).toBeCloseTo(8 / 92, 12);
    expect(c.verdict).toBe('improved');
  });

  it('regresses a lower-is-better latency that rises, and improves one that falls', () => {
    const latency = { metric: 'ttft_ms', id: 'results.csv::ttft_ms', unit: 'ms', direction: 'lower' as const };
    const rising = compareSeries(sampled(DROP_8, latency), sampled(BASE, latency), SETTINGS);
    expect(rising.change).toBeCloseTo(8 / 92, 12);
    expect(rising.verdict).toBe('regressed');
    expect(rising.gated).toBe(false);
    expect(compareSeries(sampled(BASE, latency), sampled(DROP_8, latency), SETTINGS).verdict).toBe('improved');
  });

  it('reports the change of a metric without a better direction and never judges it', () => {
    const neutral = { metric: 'batch_size', id: 'results.csv::batch_size', unit: '', direction: 'none' as const };
    const c = compareSeries(sampled(BASE, neutral), sampled(DROP_8, neutral), SETTINGS);
    expect(c.change).toBeCloseTo(-0.08, 12);
    expect(c.verdict).toBe('unchanged');
    expect(c.gated).toBe(false);
    expect(c.note).toBe('no better direction: change reported only');
  });

  it('uses the stated mean, sd and n of summaries in Welch', () => {
    const c = compareSeries(summarised({ mean: 100, sd: Math.sqrt(2.5), n: 5 }), summarised({ mean: 92, sd: Math.sqrt(2.5), n: 5 }), SETTINGS);
    expect(c.method).toBe('welch-summary');
    expect(c.pValue).toBeCloseTo(1 - (24742 * Math.SQRT2) / 34992, 12);
    expect(c.verdict).toBe('regressed');
  });
});

describe('fallbacks to the threshold alone', () => {
  it('compares a single value against the threshold and says so', () => {
    const c = compareSeries(sampled([100]), sampled([94]), SETTINGS);
    expect(c).toMatchObject({ verdict: 'regressed', method: 'threshold-only', interval: null, pValue: null, note: 'single value: threshold only' });
    expect(c.change).toBeCloseTo(-0.06, 12);
    expect(compareSeries(sampled(BASE), sampled([96]), SETTINGS)).toMatchObject({ verdict: 'unchanged', note: 'single value: threshold only' });
  });

  it('uses the threshold alone below min-samples on either side', () => {
    const c = compareSeries(sampled([100, 101]), sampled(DROP_8), SETTINGS);
    expect(c).toMatchObject({ verdict: 'regressed', method: 'threshold-only', note: 'fewer than 3 samples (min-samples): threshold only' });
  });

  it('uses the threshold alone for a stated median, even with its n and sd: Welch tests means', () => {
    const median = (value: number) => summarised({ mean: value, sd: 5, n: 50 }, { stats: { n: 50, mean: value, sd: 5, cv: null, min: null, p50: value, p95: null, p99: null, max: null, approximate: false, center: 'median' } });
    const c = compareSeries(median(100), median(90), SETTINGS);
    expect(c).toMatchObject({ verdict: 'regressed', method: 'threshold-only', pValue: null, note: 'a median stated without a mean: threshold only' });
  });

  it('does not compare a baseline mean with a current median: the change would be of neither', () => {
    const median = summarised({ mean: 130, sd: 5, n: 50 }, { stats: { n: 50, mean: 130, sd: 5, cv: null, min: null, p50: 130, p95: null, p99: null, max: null, approximate: false, center: 'median' } });
    const c = compareSeries(summarised({ mean: 100, sd: 5, n: 50 }), median, SETTINGS);
    expect(c).toMatchObject({ verdict: 'insufficient-data', change: null, note: 'the current run states a median where the other states a mean: not compared' });
  });

  it('compares a current median with a baseline saved before medians were marked (its median stored as the mean and p50)', () => {
    const median = summarised({ mean: 90, sd: 5, n: 50 }, { stats: { n: 50, mean: 90, sd: 5, cv: null, min: null, p50: 90, p95: null, p99: null, max: null, approximate: false, center: 'median' } });
    const old = summarised({ mean: 100, sd: 5, n: 50 }, { stats: { n: 50, mean: 100, sd: 5, cv: null, min: null, p50: 100, p95: null, p99: null, max: null, approximate: false } });
    const c = compareSeries(old, median, SETTINGS);
    expect(c).toMatchObject({ verdict: 'regressed', method: 'threshold-only', note: 'a median stated without a mean: threshold only' });
    expect(c.change).toBeCloseTo(-0.1, 12);
  });

  it('uses the threshold alone for a summary without sd or n', () => {
    const c = compareSeries(summarised({ mean: 100, sd: null, n: null }), summarised({ mean: 90, sd: null, n: null }), SETTINGS);
    expect(c).toMatchObject({ verdict: 'regressed', method: 'threshold-only', note: 'summary without n and sd: threshold only' });
  });

  it('says only the sample count is missing when both summaries state their sd (hyperfine Markdown, llama-bench)', () => {
    const c = compareSeries(summarised({ mean: 100, sd: 2, n: null }), summarised({ mean: 90, sd: 2, n: null }), SETTINGS);
    expect(c.note).toBe('summary without a sample count (n): threshold only');
  });

  it('does not call a change of exactly the threshold past it, whatever the division rounded (2249.25 → 2136.7875 is −5.0%)', () => {
    const c = compareSeries(summarised({ mean: 2249.25, sd: null, n: null }), summarised({ mean: 2249.25 * 0.95, sd: null, n: null }), SETTINGS);
    expect(c.change).not.toBe(-0.05);
    expect(c.verdict).toBe('unchanged');
  });

  it('has no relative change from a baseline of 0, and calls a rise from 0 within the noise unchanged', () => {
    const c = compareSeries(sampled([0, 0, 0]), sampled([1, 2, 3]), SETTINGS);
    expect(c).toMatchObject({ verdict: 'unchanged', change: null, method: 'welch', note: 'rose from 0 within the noise (p=0.074): no relative change' });
  });

  it('regresses a failure count that rises from 0 (vLLM failed requests 0 → 30): past any threshold, with no relative change', () => {
    const failed = { metric: 'failed', unit: 'requests', direction: 'lower' as const };
    const c = compareSeries(summarised({ mean: 0, sd: null, n: null }, failed), summarised({ mean: 30, sd: null, n: null }, failed), SETTINGS);
    expect(c).toMatchObject({ verdict: 'regressed', change: null, method: 'threshold-only', note: 'rose from 0: no relative change, past any threshold' });
  });

  it('calls 0 in both runs unchanged', () => {
    const failed = { metric: 'failed', unit: 'requests', direction: 'lower' as const };
    const c = compareSeries(summarised({ mean: 0, sd: null, n: null }, failed), summarised({ mean: 0, sd: null, n: null }, failed), SETTINGS);
    expect(c).toMatchObject({ verdict: 'unchanged', change: 0, note: '0 in both runs' });
  });
});

describe('per-metric thresholds', () => {
  const settings: CompareSettings = { ...SETTINGS, thresholds: [{ pattern: 'tokens_s', value: 0.1 }, { pattern: '*ttft*', value: 0.2 }, { pattern: 'tok*', value: 0.01 }] };

  it('takes the first matching rule, so an 8% drop is not a regression at a 10% override', () => {
    // The interval −10.2% … −5.8% reaches past −10%: the data cannot rule out a drop past the override.
    const c = compareSeries(sampled(BASE), sampled(DROP_8), settings);
    expect(c.threshold).toBe(0.1);
    expect(c.verdict).toBe('inconclusive');
  });

  it('matches globs case-insensitively against the normalised name, like the directions input', () => {
    const ttft = { metric: 'TTFT (ms)', id: 'results.csv::TTFT (ms)', unit: 'ms', direction: 'lower' as const };
    expect(compareSeries(sampled(BASE, ttft), sampled(DROP_8, ttft), settings).threshold).toBe(0.2);
  });

  it('matches file::metric for a rule about one file', () => {
    const perFile: CompareSettings = { ...SETTINGS, thresholds: [{ pattern: 'other.csv::*', value: 0.5 }, { pattern: 'results.csv::tokens_s', value: 0.02 }] };
    expect(compareSeries(sampled(BASE), sampled(DROP_8), perFile).threshold).toBe(0.02);
  });

  it('falls back to the global threshold when no rule matches', () => {
    const other = { metric: 'req_per_s', id: 'results.csv::req_per_s', unit: 'req/s' };
    expect(compareSeries(sampled(BASE, other), sampled(DROP_8, other), settings).threshold).toBe(0.05);
  });
});

describe('median statistic', () => {
  const settings: CompareSettings = { ...SETTINGS, statistic: 'median' };

  it('compares medians with a seeded bootstrap: same data, same verdict and interval', () => {
    const base = [100, 101, 99, 102, 98, 300];
    const head = [90, 91, 89, 92, 88, 90];
    const first = compareSeries(sampled(base), sampled(head), settings);
    expect(first.method).toBe('bootstrap');
    expect(first.base?.value).toBe(100.5);
    expect(first.change).toBeCloseTo(90 / 100.5 - 1, 12);
    expect(first.verdict).toBe('regressed');
    expect(compareSeries(sampled(base), sampled(head), settings)).toEqual(first);
  });

  it('compares medians with the median of a baseline saved under statistic: mean, by the threshold alone as its samples are gone', () => {
    // Nine runs at 100 and one at 200: mean 110, median 100. The head is the same data.
    const runs = [100, 100, 100, 100, 100, 100, 100, 100, 100, 200];
    const saved = { ...sampled(runs), samples: [] };
    const c = compareSeries(saved, sampled(runs), settings);
    expect(c).toMatchObject({ method: 'threshold-only', base: { value: 100, n: 10 }, head: { value: 100, n: 10 }, change: 0, verdict: 'unchanged' });
    expect(c.note).toBe('baseline saved without its samples (under statistic: mean): medians compared by threshold only');
  });

  it('uses the threshold alone for a median of a stated summary', () => {
    const c = compareSeries(summarised({ mean: 100, sd: 1, n: 5 }), summarised({ mean: 90, sd: 1, n: 5 }), settings);
    expect(c).toMatchObject({ method: 'threshold-only', note: 'median of a stated summary: threshold only' });
  });
});

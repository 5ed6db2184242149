import { describe, expect, it } from 'vitest';
import { compareSeries, type CompareSettings } from '../../src/baseline/compare.js';
import { minimumDetectableEffect, normalQuantile, runsToDecide, runsToExclude } from '../../src/baseline/power.js';
import { studentTQuantile } from '../../src/baseline/statistics.js';
import { DEFAULT_GATE, sampled, summarised } from '../helpers/comparison.js';

const SETTINGS: CompareSettings = DEFAULT_GATE;

// The example: three runs a side, CV 15% on both, the mean fell 8%.
const BASE_3 = [85, 100, 115];
const HEAD_3 = [78.2, 92, 105.8];

describe('inconclusive: the interval holds changes within the threshold and past it', () => {
  it('labels 3 runs a side at CV 15% with the mean down 8% inconclusive, never unchanged, with the interval, MDE and runs that would decide it', () => {
    const c = compareSeries(sampled(BASE_3), sampled(HEAD_3), SETTINGS);
    expect(c.verdict).toBe('inconclusive');
    expect(c.change).toBeCloseTo(-0.08, 12);
    expect(c.pValue).toBeCloseTo(0.5342, 4);
    expect(c.interval?.[0]).toBeCloseTo(-0.3514, 4);
    expect(c.interval?.[1]).toBeCloseTo(0.305, 4);
    // se = √(15²/3 + 13.8²/3) = 11.768, Welch df = 3.973: (t₀.₉₇₅ + t₀.₈)·se/100.
    const se = Math.sqrt((15 ** 2 + 13.8 ** 2) / 3);
    const df = (se ** 4) / ((15 ** 2 / 3) ** 2 / 2 + (13.8 ** 2 / 3) ** 2 / 2);
    expect(c.detectable?.mde).toBeCloseTo(((studentTQuantile(0.975, df) + studentTQuantile(0.8, df)) * se) / 100, 10);
    expect(c.detectable?.mde).toBeCloseTo(0.4384, 4);
    // Per sample 225 + 190.44: at N = 132, (t₀.₉₇₅ + t₀.₈ at df 1.9863·131)·√(415.44/132)/100 = 4.988% < 5%; at 131 it is 5.007%.
    expect(c.detectable?.runsPerSide).toBe(132);
    expect(c.note).toBe('interval spans the 5% threshold: MDE 43.8% (95% confidence, 80% power); about 132 runs per side would decide it');
  });

  it('calls a change inside the threshold inconclusive when its interval still reaches past it, with the runs that would clear it', () => {
    // −4%, interval −6.2% … −1.7%: the test has the power for 5% (MDE 3.2%), the estimate sits close to it.
    const c = compareSeries(sampled([100, 102, 98, 101, 99]), sampled([96, 98, 94, 97, 95]), SETTINGS);
    expect(c.verdict).toBe('inconclusive');
    expect(c.interval?.[0]).toBeCloseTo(-0.0624, 4);
    expect(c.detectable?.mde).toBeCloseTo(0.032, 3);
    expect(c.note).toBe('interval spans the 5% threshold: MDE 3.2% (95% confidence, 80% power); about 21 runs per side would decide it if the change stays where it is');
  });

  it('judges a lower-is-better latency by the upper end of its interval', () => {
    const ttft = { metric: 'ttft_ms', id: 'results.csv::ttft_ms', unit: 'ms', direction: 'lower' as const };
    const c = compareSeries(sampled([100, 130, 70, 115, 85], ttft), sampled([104, 134, 74, 119, 89], ttft), SETTINGS);
    expect(c.change).toBeCloseTo(0.04, 12);
    expect(c.interval![1]).toBeGreaterThan(0.05);
    expect(c.verdict).toBe('inconclusive');
  });

  it('keeps unchanged when the whole interval stays within the threshold in the bad direction', () => {
    const c = compareSeries(sampled([100, 100.4, 99.6, 100.2, 99.8]), sampled([101, 101.4, 100.6, 101.2, 100.8]), SETTINGS);
    expect(c.verdict).toBe('unchanged');
    expect(c.detectable?.runsPerSide).toBeUndefined();
  });

  it('keeps a significant drop past the threshold regressed even when its interval reaches back within it', () => {
    // −7%, interval −9.2% … −4.7%: the drop is real (p < 0.05) and its estimate is past 5%.
    const c = compareSeries(sampled([100, 102, 98, 101, 99]), sampled([93, 95, 91, 94, 92]), SETTINGS);
    expect(c.interval![1]).toBeGreaterThan(-0.05);
    expect(c.verdict).toBe('regressed');
  });

  it('never calls single values or threshold-only comparisons inconclusive, and keeps their note', () => {
    expect(compareSeries(sampled([100]), sampled([97]), SETTINGS)).toMatchObject({ verdict: 'unchanged', note: 'single value: threshold only' });
    expect(compareSeries(sampled([100, 101]), sampled([97, 98]), SETTINGS)).toMatchObject({ verdict: 'unchanged', note: 'fewer than 3 samples (min-samples): threshold only' });
    expect(compareSeries(summarised({ mean: 100, sd: null, n: null }), summarised({ mean: 97, sd: null, n: null }), SETTINGS).verdict).toBe('unchanged');
  });

  it('calls a comparison with an unbounded interval inconclusive', () => {
    // Base mean 10 with sd 20 over 3 samples: not significantly different from 0, so Fieller's interval is unbounded.
    const c = compareSeries(summarised({ mean: 10, sd: 20, n: 3 }), summarised({ mean: 9.7, sd: 1, n: 3 }), SETTINGS);
    expect(c.interval).toBeNull();
    expect(c.verdict).toBe('inconclusive');
    expect(c.note).toMatch(/^baseline too noisy for a bounded interval; unbounded interval holds the 5% threshold: MDE /);
  });

  it('calls a median comparison inconclusive from its bootstrap interval', () => {
    const c = compareSeries(sampled([85, 100, 115, 90, 110]), sampled([78, 92, 106, 83, 101]), { ...SETTINGS, statistic: 'median' });
    expect(c.method).toBe('bootstrap');
    expect(c.verdict).toBe('inconclusive');
    expect(c.detectable?.mde).toBeGreaterThan(0.05);
  });

  it('states a larger MDE at a higher power', () => {
    const at80 = compareSeries(sampled(BASE_3), sampled(HEAD_3), SETTINGS).detectable!.mde;
    const at95 = compareSeries(sampled(BASE_3), sampled(HEAD_3), { ...SETTINGS, power: 0.95 }).detectable!;
    expect(at95.power).toBe(0.95);
    expect(at95.mde).toBeGreaterThan(at80);
  });
});

describe('power arithmetic', () => {
  it('gives the standard normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('is (z₀.₉₇₅ + z₀.₈)·se for a large sample: 2.8016 standard errors', () => {
    expect(minimumDetectableEffect(1, Infinity, 100, 0.95, 0.8)).toBeCloseTo(0.028016, 6);
  });

  it('finds the runs per side near the classic n = 2(z₀.₉₇₅ + z₀.₈)²σ²/δ² rule: CV 10% at a 5% threshold → 64', () => {
    // 2·(2.8016)²·0.01/0.0025 = 62.8, and the t quantiles at df ≈ 124 push it to 64.
    expect(runsToDecide({ perRun: 100 }, { perRun: 100 }, 100, 0.05, 0.95, 0.8)).toBe(64);
  });

  it('says null past the cap', () => {
    expect(runsToDecide({ perRun: 1e6 }, { perRun: 1e6 }, 100, 0.05, 0.95, 0.8, 100)).toBeNull();
    expect(runsToExclude({ perRun: 100 }, { perRun: 100 }, 100, 0, 0.95)).toBeNull();
  });
});

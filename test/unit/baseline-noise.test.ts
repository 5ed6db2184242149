import { describe, expect, it } from 'vitest';
import { compareSeries } from '../../src/baseline/compare.js';
import { MIN_HISTORY_RUNS, seriesHistory, type RunValue } from '../../src/baseline/noise.js';
import { studentTCdf, studentTQuantile } from '../../src/baseline/statistics.js';
import { DEFAULT_GATE, sampled } from '../helpers/comparison.js';

const runs = (means: number[], sd = 1, n = 5): RunValue[] => means.map((mean) => ({ mean, sd, n }));

/** Ten default-branch runs whose means scatter by 3.3% (deviations 0, ±3, ±4, ±5): variance 100/9. */
const NOISY_HISTORY = runs([100, 104, 96, 103, 97, 100, 105, 95, 100, 100]);
/** The newest run of that history as the cached baseline snapshot: mean 100, within-run sd 0.71. */
const BASE = sampled([99, 100, 101, 100, 100]);
const head = (mean: number) => sampled([mean - 1, mean, mean + 1, mean, mean]);

describe('between-run noise from the default-branch history', () => {
  it('is the variance of the per-run means, with the baseline pooled from all ten runs', () => {
    const h = seriesHistory(NOISY_HISTORY);
    expect(h).toMatchObject({ runs: 10, df: 9, pooled: { mean: 100, runs: 10 } });
    expect(h.between).toBeCloseTo(100 / 9, 12);
    expect(h.pooled?.within).toBeCloseTo(0.2, 12);
  });

  it(`needs at least ${MIN_HISTORY_RUNS} runs`, () => {
    expect(seriesHistory(runs([100, 104, 96, 103]))).toEqual({ runs: 4, between: null, df: 0 });
  });

  it('pools only the newest stretch after a step, and takes the spread within each stretch', () => {
    const h = seriesHistory(runs([100, 101, 99, 100, 100, 101, 99, 92, 93, 91, 92, 92]));
    expect(h.analysis?.kind).toBe('steps');
    expect(h.pooled).toMatchObject({ mean: 92, runs: 5 });
    // (4·1 + 2·1 over the first stretch, 1 + 1 + 1 over the second) / (12 − 2).
    expect(h.between).toBeCloseTo(0.6, 12);
    expect(h.df).toBe(10);
  });

  it('leaves a single outlying run out of the pooled baseline and of the spread, and says so', () => {
    const h = seriesHistory(runs([100, 101, 99, 100, 130, 101, 99, 100, 100, 101]));
    expect(h.outliers).toBe(1);
    expect(h.pooled).toMatchObject({ runs: 9 });
    expect(h.pooled?.mean).toBeCloseTo(901 / 9, 12);
    expect(h.df).toBe(8);
    expect(h.note).toBe('1 outlying run left out');
  });

  it('compares with the newest run alone when it differs from the runs before it (a shift too recent for a change point)', () => {
    const h = seriesHistory(runs([100, 101, 99, 100, 100, 101, 99, 100, 101, 95]));
    expect(h.pooled).toBeUndefined();
    expect(h.note).toBe('the newest run differs from the ones before, so the baseline is the newest run alone');
  });

  it('does not pool a drifting history', () => {
    const h = seriesHistory(runs(Array.from({ length: 12 }, (_, i) => 100 - i + (i % 2 === 0 ? 0.3 : -0.3))));
    expect(h.analysis?.kind).toBe('drift');
    expect(h.pooled).toBeUndefined();
    expect(h.note).toBe('the history drifts, so the baseline is the newest run alone');
  });

  it('learns the spread but leaves the baseline alone when the newest history run is not the baseline', () => {
    const h = seriesHistory(NOISY_HISTORY, { pool: false });
    expect(h.pooled).toBeUndefined();
    expect(h.between).toBeCloseTo(100 / 9, 12);
  });
});

describe('the history-aware comparison', () => {
  it('calls a 6% drop inconclusive when runs scatter by 3.3%, where the within-run test alone calls it a regression', () => {
    const today = compareSeries(BASE, head(94), DEFAULT_GATE);
    expect(today.verdict).toBe('regressed');
    const c = compareSeries(BASE, head(94), DEFAULT_GATE, undefined, seriesHistory(NOISY_HISTORY));
    // Head: the between-run variance 100/9 (> 0.5/5 within); base: 100/9 over 10 pooled runs.
    // se² = (100/9)(1 + 1/10), t = −6/√(110/9), df = 9 (one estimate, 9 df).
    expect(c.pValue).toBeCloseTo(2 * studentTCdf(-6 / Math.sqrt(110 / 9), 9), 12);
    expect(c.pValue).toBeCloseTo(0.1203, 4);
    expect(c.verdict).toBe('inconclusive');
    expect(c.change).toBeCloseTo(-0.06, 12);
    expect(c.interval?.[0]).toBeCloseTo(-0.13816, 5);
    expect(c.interval?.[1]).toBeCloseTo(0.01923, 5);
    // MDE: (t₀.₉₇₅,₉ + t₀.₈,₉)·√(110/9)/100.
    expect(c.detectable?.mde).toBeCloseTo(((studentTQuantile(0.975, 9) + studentTQuantile(0.8, 9)) * Math.sqrt(110 / 9)) / 100, 10);
    expect(c.noise).toEqual({ source: 'between-run', historyRuns: 10, betweenRunSd: 1 / 30, baselineRuns: 10 });
    expect(c.base).toEqual({ value: 100, n: null, sd: null });
    expect(c.note).toBe(
      'interval spans the 5% threshold: MDE 11.0% (95% confidence, 80% power); about 9 runs per side would decide it; noise: between-run (history of 10 runs); baseline: mean of 10 default-branch runs',
    );
  });

  it('still regresses a 10% drop under the same noise', () => {
    const c = compareSeries(BASE, head(90), DEFAULT_GATE, undefined, seriesHistory(NOISY_HISTORY));
    expect(c.verdict).toBe('regressed');
    expect(c.pValue).toBeCloseTo(2 * studentTCdf(-10 / Math.sqrt(110 / 9), 9), 12);
    expect(c.note).toBe('noise: between-run (history of 10 runs); baseline: mean of 10 default-branch runs');
  });

  it('keeps the within-run noise of a run noisier than the history, and says so', () => {
    const quiet = seriesHistory(runs([100, 100.2, 99.8, 100.1, 99.9, 100, 100.1, 99.9, 100, 100], 0.1, 5));
    const noisyHead = sampled([80, 120, 90, 110, 100]);
    const c = compareSeries(BASE, noisyHead, DEFAULT_GATE, undefined, quiet);
    expect(c.noise?.source).toBe('within-run');
    expect(c.verdict).toBe('inconclusive');
    expect(c.note).toBe(
      'interval spans the 5% threshold: MDE 26.3% (95% confidence, 80% power); about 81 runs per side would decide it; noise: within-run (history of 10 runs); baseline: mean of 10 default-branch runs',
    );
  });

  it('tests as without history, and says why, when the history is too short', () => {
    const c = compareSeries(BASE, head(94), DEFAULT_GATE, undefined, seriesHistory(runs([100, 104, 96])));
    expect(c.verdict).toBe('regressed');
    expect(c.noise).toEqual({ source: 'within-run', historyRuns: 3, note: 'between-run noise needs at least 5' });
    expect(c.note).toBe('noise: within-run (history of 3 runs); between-run noise needs at least 5');
  });

  it('uses the between-run variance on both sides against an unpooled baseline', () => {
    const c = compareSeries(BASE, head(94), DEFAULT_GATE, undefined, seriesHistory(NOISY_HISTORY, { pool: false }));
    expect(c.pValue).toBeCloseTo(2 * studentTCdf(-6 / Math.sqrt(200 / 9), 9), 12);
    expect(c.base).toEqual({ value: 100, n: 5, sd: Math.sqrt(0.5) });
  });
});

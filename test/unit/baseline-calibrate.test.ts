import { describe, expect, it } from 'vitest';
import type { SeriesRuns } from '../../src/baseline/branch-history.js';
import { calibrate, suggestThreshold } from '../../src/baseline/calibrate.js';
import type { Report } from '../../src/model/report.js';
import { calibrationSections } from '../../src/report/calibration.js';
import { DEFAULT_GATE, sampled } from '../helpers/comparison.js';
import { emptyReport } from '../helpers/report.js';

const STEADY = sampled([100, 102, 98, 101, 99]);
const history = (means: number[]): SeriesRuns => ({ values: means.map((mean, i) => ({ mean, sd: 1, n: 5, commit: `c${i}`, createdAt: '2026-01-01T00:00:00.000Z' })) });
/** Ten runs scattering by 3.3% (variance 100/9), as in baseline-noise.test.ts. */
const NOISY = history([100, 104, 96, 103, 97, 100, 105, 95, 100, 100]);

describe('suggested thresholds', () => {
  it('are 2.326 noise floors (1% one-sided) rounded up to the next 0.5%, at least 0.5%', () => {
    expect(suggestThreshold(0.01)).toBe(0.025);
    expect(suggestThreshold(0.021)).toBe(0.05);
    expect(suggestThreshold(0.0215)).toBe(0.055);
    expect(suggestThreshold(0.001)).toBe(0.005);
  });
});

describe('A/A calibration', () => {
  it('without history: the noise floor of two runs like this one, and the split-half comparison', () => {
    const [row] = calibrate([STEADY], undefined, DEFAULT_GATE).rows;
    // sd √2.5 over 5 samples: a difference of two such means has sd √(2·2.5/5) = 1, 1% of 100.
    expect(row?.withinCv).toBeCloseTo(Math.sqrt(2.5) / 100, 12);
    expect(row?.noiseFloor).toBeCloseTo(0.01, 12);
    expect(row?.suggestedThreshold).toBe(0.025);
    expect(row?.basis).toBe('within-run');
    // Odd samples 100, 98, 99 against even ones 102, 101.
    expect(row?.splitHalf?.change).toBeCloseTo(101.5 / 99 - 1, 12);
    expect(row?.vsHistory).toBeNull();
  });

  it('with history: the between-run spread sets the floor, and this run is compared with the history as the gate would', () => {
    const report = calibrate([STEADY], new Map([[STEADY.id, NOISY]]), DEFAULT_GATE, 10);
    const row = report.rows[0];
    expect(report.historyRuns).toBe(10);
    expect(row?.betweenSd).toBeCloseTo(1 / 30, 12);
    expect(row?.basis).toBe('between-run');
    // Head: 100/9; pooled baseline of 10 runs: 100/9 ÷ 10.
    expect(row?.noiseFloor).toBeCloseTo(Math.sqrt((100 / 9) * 1.1) / 100, 12);
    expect(row?.suggestedThreshold).toBe(0.085);
    expect(row?.vsHistory).toMatchObject({ change: 0, verdict: 'inconclusive' });
  });

  it('lists gated metrics first and leaves out metrics without a better direction', () => {
    const latency = sampled([10, 11, 9, 10, 10], { id: 'r::ttft_ms', metric: 'ttft_ms', unit: 'ms', direction: 'lower' });
    const neutral = sampled([1, 2, 3, 4], { id: 'r::batch', metric: 'batch', direction: 'none' });
    const report = calibrate([latency, neutral, STEADY], undefined, DEFAULT_GATE);
    expect(report.rows.map((r) => [r.metric, r.gated])).toEqual([
      ['tokens_s', true],
      ['ttft_ms', false],
    ]);
    expect(report.total).toBe(2);
  });
});

describe('the calibration section', () => {
  const report = (): Report => emptyReport({ calibration: calibrate([STEADY], new Map([[STEADY.id, NOISY]]), DEFAULT_GATE, 10) });

  it('shows each metric’s noise floor and suggested threshold, and the threshold the gated metrics need', () => {
    const text = calibrationSections(report())[0]?.text ?? '';
    expect(text).toContain('## Calibration (A/A)');
    expect(text).toContain('For the gated metrics, a `threshold` of at least 8.5% keeps noise alone below about 1.0% false alarms (set by `tokens_s`); lower ones can go in `thresholds`.');
    expect(text).toContain('| `tokens_s` (gated) | – | 5 | 1.6% | +2.5% (+0.0% … +5.1%) | 3.3% (10 runs) | +0.0% (−7.9% … +8.0%) | 3.5% (between-run) | 8.5% |');
  });

  it('is absent unless calibrate is on', () => {
    expect(calibrationSections({ ...report(), calibration: undefined } as Report)).toEqual([]);
  });
});

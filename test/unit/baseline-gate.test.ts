import { describe, expect, it } from 'vitest';
import { compareAll, type CompareSettings } from '../../src/baseline/compare.js';
import { buildComparisonReport, gateFailureMessage, gatedRegressions, noBaselineReport, shouldFail, verdictCounts } from '../../src/baseline/gate.js';
import { formatChange } from '../../src/util/numbers.js';
import { compileGateRules } from '../../src/baseline/thresholds.js';
import type { BaselineInfo } from '../../src/model/comparison.js';
import type { GateConfig } from '../../src/baseline/types.js';
import { DEFAULT_GATE, sampled } from '../helpers/comparison.js';

const GATE = DEFAULT_GATE;
const BASELINE: BaselineInfo = { source: 'git', description: 'git merge base 1a2b3c4', createdAt: '2026-11-20T08:30:00.000Z' };

const BASE = [100, 102, 98, 101, 99];
const scaled = (factor: number) => BASE.map((v) => v * factor);

function report(pairs: { base: number[]; head: number[]; extra: Parameters<typeof sampled>[1] }[], gate: GateConfig = GATE) {
  const comparisons = compareAll(
    pairs.map((p) => sampled(p.base, p.extra)),
    pairs.map((p) => sampled(p.head, p.extra)),
    gate as CompareSettings,
  );
  return buildComparisonReport({ comparisons, baseline: BASELINE, attempts: [{ source: 'cache', outcome: 'no entry for main' }, { source: 'git', outcome: 'used' }], gate });
}

const tokens = (model: string) => ({ id: `results.csv::tokens_s{model=${model}}`, metric: 'tokens_s', labels: { model } });
const ttft = { id: 'results.csv::ttft_ms', metric: 'ttft_ms', unit: 'ms', direction: 'lower' as const };

describe('which metrics gate', () => {
  const subject = (metric: string, unit: string, direction: 'higher' | 'lower' | 'none') => ({ file: 'results.csv', metric, unit, direction });

  it('gates throughput by default: higher is better and a rate', () => {
    const rules = compileGateRules(GATE);
    expect(rules.isGated(subject('tokens_s', 'tok/s', 'higher'))).toBe(true);
    expect(rules.isGated(subject('output_throughput', '', 'higher'))).toBe(true);
    expect(rules.isGated(subject('accuracy', '', 'higher'))).toBe(false);
    expect(rules.isGated(subject('ttft_ms', 'ms', 'lower'))).toBe(false);
  });

  it('gates every judged metric with all, but never one without a better direction', () => {
    const rules = compileGateRules({ ...GATE, gate: { mode: 'all' } });
    expect(rules.isGated(subject('ttft_ms', 'ms', 'lower'))).toBe(true);
    expect(rules.isGated(subject('batch_size', '', 'none'))).toBe(false);
  });

  it('gates the metrics a glob list names, by name, normalised name or file::metric', () => {
    const rules = compileGateRules({ ...GATE, gate: { mode: 'globs', patterns: ['*ttft*', 'results.csv::accuracy'] } });
    expect(rules.isGated(subject('TTFT (ms)', 'ms', 'lower'))).toBe(true);
    expect(rules.isGated(subject('accuracy', '', 'higher'))).toBe(true);
    expect(rules.isGated(subject('tokens_s', 'tok/s', 'higher'))).toBe(false);
  });
});

describe('overall verdict', () => {
  it('is a regression when a gated metric regressed', () => {
    const r = report([{ base: BASE, head: scaled(0.85), extra: tokens('llama3') }]);
    expect(r.verdict).toBe('regression');
    expect(shouldFail(r, GATE)).toBe(true);
    expect(shouldFail(r, { failOnRegression: false })).toBe(false);
  });

  it('passes when only a metric that does not gate regressed, and still counts it', () => {
    const r = report([
      { base: BASE, head: scaled(1.3), extra: ttft },
      { base: BASE, head: scaled(1.1), extra: tokens('llama3') },
    ]);
    expect(r.verdict).toBe('pass');
    expect(gatedRegressions(r)).toEqual([]);
    expect(verdictCounts(r)).toEqual({ regressions: 1, gatedRegressions: 0, improvements: 1 });
    expect(gateFailureMessage(r)).toBeUndefined();
  });

  it('is no-baseline without one, with the reasons and settings kept', () => {
    const r = noBaselineReport([{ source: 'cache', outcome: 'no entry for main' }], GATE);
    expect(r).toEqual({
      verdict: 'no-baseline',
      attempts: [{ source: 'cache', outcome: 'no entry for main' }],
      series: [],
      settings: { statistic: 'mean', threshold: '5%', thresholds: '(none)', 'min-samples': '3', confidence: '0.95', power: '0.8', gate: 'throughput', 'fail-on-regression': 'true', 'history-size': '20', calibrate: 'false' },
    });
    expect(shouldFail(r, GATE)).toBe(false);
  });
});

describe('failure message', () => {
  it('lists each regressed gated metric worst first, with labels, change, threshold and p', () => {
    const r = report([
      { base: BASE, head: scaled(0.92), extra: tokens('gemma3') },
      { base: BASE, head: scaled(0.85), extra: tokens('llama3') },
      { base: BASE, head: scaled(1.3), extra: ttft },
    ]);
    expect(gateFailureMessage(r)).toBe('2 gated metrics regressed: tokens_s (model=llama3) −15.0% (threshold 5%, p<0.001); tokens_s (model=gemma3) −8.0% (threshold 5%, p<0.001)');
  });

  it('says when a verdict rests on a single value', () => {
    const r = report([{ base: [100], head: [90], extra: tokens('llama3') }]);
    expect(gateFailureMessage(r)).toBe('1 gated metric regressed: tokens_s (model=llama3) −10.0% (threshold 5%, single value: threshold only)');
  });

  it('writes changes signed with one decimal and a true minus sign', () => {
    expect(formatChange(-0.152)).toBe('−15.2%');
    expect(formatChange(0.03)).toBe('+3.0%');
    expect(formatChange(0)).toBe('+0.0%');
  });
});

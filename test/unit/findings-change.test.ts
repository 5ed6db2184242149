import { describe, expect, it } from 'vitest';
import { MAX_CHANGE_FINDINGS, changeFindings } from '../../src/findings/change.js';
import type { SeriesComparison } from '../../src/model/comparison.js';
import { comparisonOf, regression } from '../fakes/report.js';

/** A throughput comparison of `model` that moved by `change` (a fraction). */
function moved(model: string, change: number, extra: Partial<SeriesComparison> = {}): SeriesComparison {
  const verdict = change < 0 ? 'regressed' : 'improved';
  return regression('results.csv', model, undefined, { change, verdict, base: { value: 80, n: 5, sd: 1 }, head: { value: 80 * (1 + change), n: 5, sd: 1 }, interval: null, pValue: null, method: 'threshold-only', ...extra });
}

describe('changeFindings', () => {
  it('states a gated regression with both sides, its interval and p, and that it fails the check', () => {
    const [f] = changeFindings(comparisonOf([regression('results.csv', 'llama3')]));
    expect(f?.text).toBe('tokens_s (model=llama3) fell 15.0% from 80 tok/s to 68 tok/s (interval −17.0% … −13.0%, p=0.001): a regression past the 5% threshold that fails the check.');
    expect(f?.kind).toBe('change');
    expect(f?.series).toEqual(['results.csv::tokens_s{model=llama3}']);
    expect(f?.scope).toEqual({ path: 'results.csv', labels: { model: 'llama3' } });
    expect(f?.change).toMatchObject({ verdict: 'regressed', change: -0.15, interval: [-0.17, -0.13], pValue: 0.001, gated: true, threshold: 0.05 });
  });

  it('says a regression of a metric that does not gate does not fail the check', () => {
    const [f] = changeFindings(comparisonOf([regression('results.csv', 'llama3', undefined, { gated: false })]));
    expect(f?.text).toMatch(/: a regression past the 5% threshold \(this metric does not gate\)\.$/);
  });

  it('states an improvement and a comparison judged by the threshold alone', () => {
    const [f] = changeFindings(comparisonOf([moved('qwen3', 0.25)]));
    expect(f?.text).toBe('tokens_s (model=qwen3) rose 25.0% from 80 tok/s to 100 tok/s (threshold only): an improvement past the 5% threshold.');
  });

  it('orders gated regressions first, then other regressions, then improvements, each worst or largest first', () => {
    const findings = changeFindings(
      comparisonOf([moved('up-small', 0.1), moved('down-ungated', -0.5, { gated: false }), moved('down-small', -0.1), moved('up-large', 0.4), moved('down-large', -0.3)]),
    );
    expect(findings.map((f) => f.scope.labels.model)).toEqual(['down-large', 'down-small', 'down-ungated', 'up-large', 'up-small']);
  });

  it('leaves out unchanged, new and missing series', () => {
    const findings = changeFindings(
      comparisonOf([
        regression('r.csv', 'same', undefined, { verdict: 'unchanged', change: 0.01 }),
        regression('r.csv', 'added', undefined, { verdict: 'new', change: null, base: null }),
        regression('r.csv', 'gone', undefined, { verdict: 'missing', change: null, head: null }),
      ]),
    );
    expect(findings).toEqual([]);
  });

  it('has nothing to say without a baseline', () => {
    expect(changeFindings(undefined)).toEqual([]);
    expect(changeFindings({ verdict: 'no-baseline', attempts: [], series: [regression('r.csv', 'a')], settings: {} })).toEqual([]);
  });

  it(`keeps at most ${MAX_CHANGE_FINDINGS} changes`, () => {
    const many = Array.from({ length: MAX_CHANGE_FINDINGS + 3 }, (_, i) => moved(`m${i}`, -0.1 - i / 100));
    expect(changeFindings(comparisonOf(many))).toHaveLength(MAX_CHANGE_FINDINGS);
  });

  it('names a series without labels by its metric alone', () => {
    const [f] = changeFindings(comparisonOf([regression('results.csv', 'x', undefined, { labels: {}, metric: 'ttft_ms', unit: 'ms', direction: 'lower', change: 0.2, base: { value: 10, n: 5, sd: 1 }, head: { value: 12, n: 5, sd: 1 }, interval: [0.1, 0.3] })]));
    expect(f?.text).toBe('ttft_ms rose 20.0% from 10 ms to 12 ms (interval +10.0% … +30.0%, p=0.001): a regression past the 5% threshold that fails the check.');
  });
});

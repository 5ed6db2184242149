import { describe, expect, it } from 'vitest';
import { inconclusiveAnnotations, MAX_INCONCLUSIVE_ANNOTATIONS, MAX_REGRESSION_ANNOTATIONS, regressionAnnotations } from '../../src/github/annotations.js';
import { comparisonOf, regression } from '../fakes/report.js';

describe('regression annotations', () => {
  it('puts one error on the file and line of each regressed gated metric', () => {
    const annotations = regressionAnnotations(comparisonOf([regression('bench/throughput.csv', 'gemma3:4b', 12)]));
    expect(annotations).toEqual([
      {
        message: 'tokens_s (model=gemma3:4b) fell 15.0% (80 → 68 tok/s) against the baseline, past the 5.0% threshold.',
        properties: { title: 'Chimera Insight: tokens_s regressed', file: 'bench/throughput.csv', startLine: 12 },
      },
    ]);
  });

  it('says a lower-is-better metric rose, and leaves out the line when the file has none', () => {
    const ttft = regression('bench/serving.json', 'gemma3:4b', undefined, { metric: 'ttft_ms', unit: 'ms', direction: 'lower', change: 0.2, base: { value: 400, n: 5, sd: 9 }, head: { value: 480, n: 5, sd: 9 } });
    expect(regressionAnnotations(comparisonOf([ttft]))).toEqual([
      {
        message: 'ttft_ms (model=gemma3:4b) rose 20.0% (400 → 480 ms) against the baseline, past the 5.0% threshold.',
        properties: { title: 'Chimera Insight: ttft_ms regressed', file: 'bench/serving.json' },
      },
    ]);
  });

  it('annotates nothing for improvements, unchanged metrics and regressions that do not gate', () => {
    const series = [
      regression('a.csv', 'm1', 2, { verdict: 'improved', change: 0.2 }),
      regression('a.csv', 'm2', 3, { verdict: 'unchanged', change: 0.01 }),
      regression('a.csv', 'm3', 4, { gated: false }),
    ];
    expect(regressionAnnotations(comparisonOf(series))).toEqual([]);
    expect(regressionAnnotations(undefined)).toEqual([]);
  });

  it('stays within GitHub’s 10 errors per step, leaving one for the failure message, and sums up the rest', () => {
    const series = Array.from({ length: 14 }, (_, i) => regression('bench/throughput.csv', `model-${i}`, i + 2));
    const annotations = regressionAnnotations(comparisonOf(series));
    expect(MAX_REGRESSION_ANNOTATIONS).toBe(9);
    expect(annotations).toHaveLength(9);
    expect(annotations.slice(0, 8).map((a) => a.properties.startLine)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(annotations[8]).toEqual({
      message: '6 more regressed metrics in bench/throughput.csv: see the job summary for the full regression table.',
      properties: { title: 'Chimera Insight: 6 more regressions' },
    });
  });

  it('shows all nine when exactly nine regressed', () => {
    const series = Array.from({ length: 9 }, (_, i) => regression('bench/throughput.csv', `model-${i}`, i + 2));
    expect(regressionAnnotations(comparisonOf(series)).map((a) => a.properties.title)).toEqual(Array(9).fill('Chimera Insight: tokens_s regressed'));
  });

  it('redacts secrets that a label carries into the message', () => {
    const leaked = regression('a.csv', `ghp_${'x'.repeat(36)}`, 2);
    expect(regressionAnnotations(comparisonOf([leaked]))[0]?.message).toContain('(model=[redacted:46eb12])');
  });

  it('gives no file or line when the path itself holds a secret, rather than write it or a path that names no file', () => {
    const leaked = regression(`bench/ghp_${'x'.repeat(36)}.csv`, 'gemma3', 2);
    const [annotation] = regressionAnnotations(comparisonOf([leaked]));
    expect(annotation?.properties).toEqual({ title: 'Chimera Insight: tokens_s regressed' });
  });
});

describe('inconclusive annotations', () => {
  const unsure = (file: string, model: string, line?: number) =>
    regression(file, model, line, { verdict: 'inconclusive', change: -0.08, interval: [-0.351, 0.305], pValue: 0.53, note: 'interval spans the 5% threshold: MDE 43.8% (95% confidence, 80% power); about 132 runs per side would decide it' });

  it('puts a notice, not an error, on each inconclusive gated metric, saying the check does not fail on it', () => {
    expect(inconclusiveAnnotations(comparisonOf([unsure('bench/throughput.csv', 'gemma3:4b', 12)]))).toEqual([
      {
        message:
          'tokens_s (model=gemma3:4b) fell 8.0% (interval -35.1% to +30.5%) against the baseline: inconclusive, the data cannot tell whether it is within the 5.0% threshold. The check does not fail on it. Interval spans the 5% threshold: MDE 43.8% (95% confidence, 80% power); about 132 runs per side would decide it.',
        properties: { title: 'Chimera Insight: tokens_s inconclusive', file: 'bench/throughput.csv', startLine: 12 },
        level: 'notice',
      },
    ]);
  });

  it('caps the notices and counts the rest in the last one', () => {
    const annotations = inconclusiveAnnotations(comparisonOf(Array.from({ length: 8 }, (_, i) => unsure('a.csv', `m${i}`, i + 1))));
    expect(annotations).toHaveLength(MAX_INCONCLUSIVE_ANNOTATIONS);
    expect(annotations.at(-1)?.message).toBe('4 more gated metrics are inconclusive: see the job summary.');
  });
});

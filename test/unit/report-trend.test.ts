import { describe, expect, it } from 'vitest';
import type { ChangeEvent, ComparisonReport, HistorySummary, SeriesTrend } from '../../src/model/comparison.js';
import type { Report } from '../../src/model/report.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { changeSentence, sparkline, TREND_CHARS_LIMIT, trendSections } from '../../src/report/trend.js';
import { emptyReport } from '../helpers/report.js';

function trend(metric: string, values: number[], current: number | null, extra: Partial<SeriesTrend> = {}): SeriesTrend {
  return {
    id: `bench.csv::${metric}`,
    metric,
    labels: {},
    unit: 'tok/s',
    direction: 'higher',
    threshold: 0.05,
    points: values.map((value, i) => ({ value, commit: `${i}`.repeat(40).slice(0, 40), createdAt: '2026-01-01T00:00:00.000Z' })),
    current,
    ...extra,
  };
}

function reportWith(history: HistorySummary): Report {
  const comparison: ComparisonReport = { verdict: 'pass', baseline: { source: 'cache', description: 'cache key k' }, attempts: [], series: [], settings: {}, history };
  return emptyReport({ comparison });
}

const summary = (trends: SeriesTrend[], changePoints = false): HistorySummary => ({ runs: 12, betweenRun: 5, withinRun: 2, trends, changePoints });
const TWELVE = [100, 101, 99, 100, 102, 98, 100, 101, 99, 100, 100, 101];

describe('sparklines', () => {
  it('draws noise inside the threshold nearly flat and a drop past it as a drop', () => {
    // Band 92…102 (wider than the ±5% band around 100): the 2% scatter uses the top three levels, the 8% drop the bottom one.
    expect(sparkline([...TWELVE, 92], 0.05)).toBe('▇█▆▇█▅▇█▆▇▇█▁');
    // Without the drop the band is the ±5% around 100 (95…105): the same scatter stays mid-height.
    expect(sparkline([...TWELVE, 100], 0.05)).toBe('▅▅▄▅▆▃▅▅▄▅▅▅▅');
  });

  it('draws a constant series at mid height', () => {
    expect(sparkline([5, 5, 5], 0)).toBe('▄▄▄');
  });
});

describe('the trend section', () => {
  it('charts one gated metric as a Mermaid line of the last runs and this run, under the noise the gate used', () => {
    const [section] = trendSections(reportWith(summary([trend('tokens_s', TWELVE, 92)])));
    expect(section?.text).toBe(
      [
        '### Trend on the default branch',
        '',
        'Noise learned from the last 12 default-branch runs: the between-run spread was larger and used for 5 metrics, the within-run one for 2.',
        '',
        '```mermaid',
        'xychart-beta',
        '  title "tokens_s"',
        '  x-axis ["-12", "-11", "-10", "-9", "-8", "-7", "-6", "-5", "-4", "-3", "-2", "-1", "now"]',
        '  y-axis "tok/s" 90.98 --> 103',
        '  line [100, 101, 99, 100, 102, 98, 100, 101, 99, 100, 100, 101, 92]',
        '```',
      ].join('\n'),
    );
  });

  it('gives three or more metrics a sparkline row each, with range, latest and this run', () => {
    const trends = ['a_tok_s', 'b_tok_s', 'c_tok_s'].map((m) => trend(m, TWELVE, 100));
    const text = trendSections(reportWith(summary(trends)))[0]?.text ?? '';
    expect(text).toContain('| Metric | Last runs → this run | Range | Latest | This run |');
    expect(text).toContain('| a\\_tok\\_s | ▅▅▄▅▆▃▅▅▄▅▅▅ → ▅ | 98–102 tok/s | 101 | 100 |');
  });

  it('states each change point on a push: the step, its commit, how many pushes ago, and that it stayed', () => {
    const step: ChangeEvent = { kind: 'step', index: 9, commit: 'abc1234def5678', runsAgo: 3, change: -0.08, p: 0.001, latest: true };
    const t = trend('tokens_s', TWELVE, 92, { labels: { model: 'llama3' }, changes: [step] });
    expect(changeSentence(t, step)).toBe('tokens\\_s (model=llama3) fell 8.0% at commit `abc1234`, 3 pushes ago, and stayed there.');
    const drift: ChangeEvent = { kind: 'drift', index: 0, runsAgo: 12, change: -0.091, p: 0.001, latest: true };
    expect(changeSentence(t, drift)).toBe('tokens\\_s (model=llama3) drifted down 9.1% over the last 13 runs (a steady slope, no single step).');
    expect(trendSections(reportWith(summary([t], true)))[0]?.text).toContain('Change points on the default branch:\n- tokens\\_s (model=llama3) fell 8.0% at commit `abc1234`, 3 pushes ago, and stayed there.');
  });

  it('says there was no change point on a push where nothing moved', () => {
    const text = trendSections(reportWith(summary([trend('tokens_s', TWELVE, 100, { changes: [] })], true)))[0]?.text;
    expect(text).toContain('No change point on the default branch: no gated metric moved to a new level and stayed there.');
  });

  it(`stays within ${TREND_CHARS_LIMIT} characters for the worst case: 50 gated metrics with long names and labels, 100 runs each, change points on all`, () => {
    const long = 'x'.repeat(120);
    const steps = (i: number): ChangeEvent[] => [
      { kind: 'step', index: 40, commit: 'a'.repeat(40), runsAgo: 60, change: -0.3, p: 0.001, latest: false },
      { kind: 'step', index: 90, commit: 'b'.repeat(40), runsAgo: 10 + i, change: 0.25, p: 0.001, latest: true },
    ];
    const trends = Array.from({ length: 50 }, (_, i) =>
      trend(`${long}_${i}|*\`<b>`, Array.from({ length: 100 }, (_, k) => 1234567.891 + k * 1000.123), 99999.123, { labels: { model: long, gpu: long }, unit: 'tokens per second <x>', changes: steps(i) }),
    );
    const text = trendSections(reportWith(summary(trends, true)))[0]?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(TREND_CHARS_LIMIT);
    expect(text).toContain('| Metric |');
    expect(text.match(/\n\| [^-M]/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps one or two charts within the limit too, or falls back to rows', () => {
    const trends = [0, 1].map((i) => trend(`m${i}_tok_s`, Array.from({ length: 100 }, (_, k) => 1234567.891 + k), 1234000.5));
    const text = trendSections(reportWith(summary(trends)))[0]?.text ?? '';
    expect(text.length).toBeLessThanOrEqual(TREND_CHARS_LIMIT);
    expect(text.match(/```mermaid/g)).toHaveLength(2);
  });

  it('is absent without a default-branch history, and sits after the comparison in the report', () => {
    const r = reportWith(summary([trend('tokens_s', TWELVE, 92)]));
    expect(trendSections({ ...r, comparison: { ...(r.comparison as ComparisonReport), history: undefined } } as Report)).toEqual([]);
    const md = renderMarkdown(r);
    expect(md.indexOf('### Trend on the default branch')).toBeGreaterThan(md.indexOf('## Comparison with baseline'));
  });
});

import { describe, expect, it } from 'vitest';
import { compareAll, type ComparableSeries } from '../../src/baseline/compare.js';
import { buildComparisonReport, noBaselineReport } from '../../src/baseline/gate.js';
import type { ComparisonReport } from '../../src/model/comparison.js';
import type { GateConfig } from '../../src/baseline/types.js';
import { chartLabel } from '../../src/report/charts.js';
import { comparisonChart, comparisonRow, comparisonSections, formatAge, verdictLine } from '../../src/report/comparison.js';
import { renderJson } from '../../src/report/json.js';
import { DROP_RANK, renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/model/report.js';
import { DEFAULT_GATE, sampled } from '../helpers/comparison.js';
import { emptyReport } from '../helpers/report.js';

const GATE = DEFAULT_GATE;
const NOW = '2026-11-22T08:30:00.000Z';
const BASE = [100, 102, 98, 101, 99];
const scaled = (factor: number) => BASE.map((v) => v * factor);
const tokens = (model: string) => ({ id: `results.csv::tokens_s{model=${model}}`, metric: 'tokens_s', labels: { model } });
const ttft = { id: 'results.csv::ttft_ms', metric: 'ttft_ms', unit: 'ms', direction: 'lower' as const };

function comparison(base: ComparableSeries[], head: ComparableSeries[], gate: GateConfig = GATE): ComparisonReport {
  return buildComparisonReport({
    comparisons: compareAll(base, head, gate),
    baseline: { source: 'git', description: 'git merge base 1a2b3c4', createdAt: '2026-11-20T08:30:00.000Z', commit: { sha: '1a2b3c4d5e6f7a8b9c0d' } },
    attempts: [
      { source: 'cache', outcome: 'no entry for main' },
      { source: 'git', outcome: 'used' },
    ],
    gate,
  });
}

function report(comparisonReport: ComparisonReport | undefined): Report {
  const r = emptyReport({ generatedAt: NOW, narrative: { status: 'skipped', reason: 'no LLM stage in this build' }, timings: { discoverMs: 1, parseMs: 1, analyzeMs: 1, renderMs: 0 } });
  if (comparisonReport) r.comparison = comparisonReport;
  return r;
}

/** llama3 −15% (gated regression), gemma3 +2% (unchanged), TTFT −20% (improved), one new and one missing series. */
const MIXED = comparison(
  [sampled(BASE, tokens('llama3')), sampled(BASE, tokens('gemma3')), sampled(BASE, ttft), sampled(BASE, { id: 'results.csv::old', metric: 'old_tok_s' })],
  [sampled(scaled(0.85), tokens('llama3')), sampled(scaled(1.02), tokens('gemma3')), sampled(scaled(0.8), ttft), sampled([5], { id: 'results.csv::fresh', metric: 'fresh_tok_s' })],
);

describe('verdict line', () => {
  it('names the regressed count, the baseline and its age', () => {
    expect(verdictLine(MIXED, NOW)).toBe('❌ **Regression:** 1 gated metric regressed against git merge base 1a2b3c4 (2 days old).');
  });

  it('says how many metrics were compared when nothing gated regressed', () => {
    const pass = comparison([sampled(BASE, tokens('llama3')), sampled(BASE, ttft)], [sampled(scaled(0.99), tokens('llama3')), sampled(scaled(1.3), ttft)]);
    expect(verdictLine(pass, NOW)).toBe('✅ **No regression** against git merge base 1a2b3c4 (2 days old): 2 metrics compared, 1 gated metric within threshold; 1 metric that does not gate regressed.');
  });

  it('says nothing was compared, never "No regression", when no series of the run matches the baseline', () => {
    const disjoint = comparison([sampled(BASE, tokens('llama3')), sampled(BASE, ttft)], [sampled(BASE, tokens('qwen'))]);
    expect(verdictLine(disjoint, NOW)).toBe(
      "⚠️ **Nothing compared:** none of this run's 1 series matches one of the 2 series of git merge base 1a2b3c4 (2 days old) (ids hold the path, metric and labels: a renamed or moved file matches nothing), so the gate checked nothing.",
    );
  });

  it('says no gated metric was compared when every gated series is new or missing', () => {
    const ungated = comparison([sampled(BASE, ttft), sampled(BASE, tokens('llama3'))], [sampled(scaled(1.01), ttft), sampled(BASE, tokens('qwen'))]);
    expect(verdictLine(ungated, NOW)).toBe('⚠️ **No gated metric compared** against git merge base 1a2b3c4 (2 days old): 1 metric compared, but every gated one is new or missing (2), so the gate checked nothing.');
  });

  it('warns, never "No regression", when the default gate selects none of the metrics (a run of times only): nothing can fail', () => {
    const times = comparison([sampled(BASE, ttft)], [sampled(scaled(1.3), ttft)]);
    expect(verdictLine(times, NOW)).toBe(
      '⚠️ **No gated metric** against git merge base 1a2b3c4 (2 days old): 1 metric compared, but it is not a throughput (the default gate: a higher-is-better rate such as tok/s), so nothing can fail; 1 metric regressed without gating (gate: all, or metric globs, gates them).',
    );
  });

  it('gives the reasons when there is no baseline', () => {
    const none = noBaselineReport([{ source: 'cache', outcome: 'no entry for main' }, { source: 'git', outcome: 'shallow clone: set fetch-depth: 0' }], GATE);
    expect(verdictLine(none, NOW)).toBe('ℹ️ **No baseline:** nothing to compare against, so nothing can fail (cache: no entry for main; git: shallow clone: set fetch-depth: 0).');
  });

  it('says the step fails when the baseline the input names is unusable', () => {
    const broken = { ...noBaselineReport([{ source: 'file', outcome: 'not found' }], GATE), error: 'Baseline file base.json: not found' };
    expect(verdictLine(broken, NOW)).toBe('❌ **Baseline unusable:** Baseline file base.json: not found');
  });

  it("adds the baseline's caveat after the verdict", () => {
    const history = { ...MIXED, baseline: { source: 'history' as const, description: 'run 20251009-093015 of runs/<ts>/throughput.csv', note: 'only the newest runs are compared; 46 other series are not' } };
    expect(verdictLine(history, NOW)).toBe('❌ **Regression:** 1 gated metric regressed against run 20251009-093015 of runs/&lt;ts&gt;/throughput.csv. Only the newest runs are compared; 46 other series are not.');
  });

  it('titles the digest with the verdict and sits right under the title', () => {
    const md = renderMarkdown(report(MIXED));
    expect(md.split('\n\n').slice(0, 2)).toEqual([
      '<!-- chimera-insight:report -->\n## ❌ Chimera Insight: 1 gated metric regressed',
      '❌ **Regression:** 1 gated metric regressed against git merge base 1a2b3c4 (2 days old).',
    ]);
  });

  it('is absent when no comparison ran', () => {
    expect(renderMarkdown(report(undefined))).not.toContain('Regression');
  });

  it('counts age in minutes, hours and days', () => {
    expect(formatAge('2026-11-22T08:29:30.000Z', NOW)).toBe('less than a minute');
    expect(formatAge('2026-11-22T08:00:00.000Z', NOW)).toBe('30 minutes');
    expect(formatAge('2026-11-21T07:30:00.000Z', NOW)).toBe('25 hours');
    expect(formatAge('2026-11-12T08:30:00.000Z', NOW)).toBe('10 days');
  });
});

describe('changes in the digest', () => {
  it('shows regressions then improvements in five narrow columns, with the counts and the chart', () => {
    const md = renderMarkdown(report(MIXED), { depth: 'digest' });
    expect(md).toContain(
      [
        '### Changes',
        '',
        '| Metric | Baseline | Current | Change (interval) | Verdict |',
        '| --- | --- | --- | --- | --- |',
        '| `tokens_s`<br>llama3 | 100 tok/s | 85 tok/s | −15.0%<br><sub>−16.9% … −13.0%</sub> | ❌ regressed<br><sub>threshold 5%</sub> |',
        '| `ttft_ms` | 100 ms | 80 ms | −20.0%<br><sub>−21.8% … −18.1%</sub> | ✅ improved<br><sub>threshold 5%</sub> |',
        '',
        '<sub>3 compared: 1 regressed, 1 improved, 1 unchanged; 1 new, 1 missing. Every comparison, with p-values and notes, is in the job summary.</sub>',
      ].join('\n'),
    );
    expect(md).toContain('```mermaid\nxychart-beta\n  title "Gated metrics: current as % of baseline"');
  });

  it('says so when nothing moved past its threshold', () => {
    const c = comparison([sampled(BASE, tokens('a'))], [sampled(BASE, tokens('a'))]);
    expect(renderMarkdown(report(c), { depth: 'digest' })).toContain('### Changes\n\nNothing moved past its threshold (1 compared: 1 unchanged).');
  });

  it('cuts a long name to fit the column and gives it in full under the table', () => {
    const long = { id: 'x', metric: 'backends.compiled.throughput.output_tokens_per_second', labels: { model: 'meta-llama/Llama-3.1-70B-Instruct-FP8' }, file: 'results/serving/2025/very/deep/summary.json' };
    const md = renderMarkdown(report(comparison([sampled(BASE, long)], [sampled(scaled(0.8), long)])), { depth: 'digest' });
    expect(md).toContain('| `backends.compiled.t…s_per_second` <sup>1</sup><br>meta-llama/L…uct-FP8 | 100 tok/s | 80 tok/s |');
    expect(md).toContain('<details><summary>Full names</summary>\n\n1. `backends.compiled.throughput.output_tokens_per_second` (model=meta-llama/Llama-3.1-70B-Instruct-FP8) in `results/serving/2025/very/deep/summary.json`\n\n</details>');
  });
});

describe('comparison details (job summary and report.md)', () => {
  it('shows each series with its file, both sides with n, the change with its interval, p, and the verdict with its notes', () => {
    const regressions = comparisonSections(report(MIXED))[1]?.text ?? '';
    expect(regressions).toBe(
      [
        '<details open><summary>Regressions (1)</summary>',
        '',
        '| Series | Baseline | Current | Change (interval) | p | Verdict |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `tokens_s` model=llama3<br><sub>results.csv</sub> | 100 tok/s (n=5) | 85 tok/s (n=5) | −15.0%<br><sub>−16.9% … −13.0%</sub> | <0.001 | ❌ **regressed**<br><sub>threshold 5%</sub> |',
        '',
        '</details>',
      ].join('\n'),
    );
    const md = renderMarkdown(report(MIXED));
    expect(md).toContain('Baseline: git merge base 1a2b3c4 (2 days old) · commit `1a2b3c4d5e6f`.');
    expect(md).toContain('Compared by mean · threshold 5% · confidence 0.95 · min-samples 3 · gate: throughput.');
  });

  it('sorts regressions by how far past their threshold they went, and marks those that do not gate', () => {
    const c = comparison(
      [sampled(BASE, tokens('a')), sampled(BASE, tokens('b')), sampled(BASE, ttft)],
      [sampled(scaled(0.9), tokens('a')), sampled(scaled(0.7), tokens('b')), sampled(scaled(1.2), ttft)],
    );
    const regressions = comparisonSections(report(c))[1]?.text ?? '';
    const rows = regressions.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => [r.split(' | ')[0], r.split(' | ')[3], r.split(' | ')[5]])).toEqual([
      ['| `tokens_s` model=b<br><sub>results.csv</sub>', '−30.0%<br><sub>−31.6% … −28.3%</sub>', '❌ **regressed**<br><sub>threshold 5%</sub> |'],
      ['| `ttft_ms`<br><sub>results.csv</sub>', '+20.0%<br><sub>+17.2% … +22.8%</sub>', '⚠️ regressed (not gated)<br><sub>threshold 5%</sub> |'],
      ['| `tokens_s` model=a<br><sub>results.csv</sub>', '−10.0%<br><sub>−12.1% … −7.9%</sub>', '❌ **regressed**<br><sub>threshold 5%</sub> |'],
    ]);
  });

  it('collapses every table, regressions open, and lets all of them drop before the digest', () => {
    const sections = comparisonSections(report(MIXED));
    expect(sections.map((s) => [s.kind, s.dropRank])).toEqual([
      ['comparison settings', DROP_RANK.unchangedMetrics],
      ['regressions table', DROP_RANK.unchangedMetrics],
      ['improvements table', DROP_RANK.unchangedMetrics],
      ['unchanged metrics table', DROP_RANK.unchangedMetrics],
      ['new series, not in the baseline list', DROP_RANK.collapsedDetail],
      ['missing series, in the baseline only list', DROP_RANK.collapsedDetail],
      ['baseline sources', DROP_RANK.collapsedDetail],
    ]);
    expect(sections[4]?.text).toBe('<details><summary>New series, not in the baseline (1)</summary>\n\n- `fresh_tok_s` in `results.csv`\n\n</details>');
    expect(sections[5]?.text).toBe('<details><summary>Missing series, in the baseline only (1)</summary>\n\n- `old_tok_s` in `results.csv`\n\n</details>');
  });

  it('shows a single-value comparison without interval or p, with the note', () => {
    const [row] = comparison([sampled([100], tokens('a'))], [sampled([90], tokens('a'))]).series;
    expect(comparisonRow(row as never)).toEqual(['`tokens_s` model=a<br><sub>results.csv</sub>', '100 tok/s', '90 tok/s', '−10.0%', '–', '❌ **regressed**<br><sub>threshold 5%; single value: threshold only</sub>']);
  });

  it('lists the baseline sources tried when there is no baseline', () => {
    const sections = comparisonSections(report(noBaselineReport([{ source: 'cache', outcome: 'no entry for main' }], GATE)));
    expect(sections).toEqual([{ text: '<details><summary>Baseline sources tried</summary>\n\n- cache: no entry for main\n\n</details>', dropRank: DROP_RANK.collapsedDetail, kind: 'baseline sources' }]);
  });
});

describe('chart', () => {
  it('plots gated metrics as % of baseline, worst first, with the baseline and threshold lines', () => {
    expect(comparisonChart(MIXED)).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "Gated metrics: current as % of baseline"',
        '  x-axis ["tokens_s llama3", "tokens_s gemma3"]',
        '  y-axis "% of baseline" 82 --> 105',
        '  bar [85, 102]',
        '  line [100, 100]',
        '  line [95, 95]',
        '```',
        '',
        "Bars: current run as % of the baseline; lines: the baseline (100) and each metric's threshold.",
      ].join('\n'),
    );
  });

  it('shows at most 12 bars and says which', () => {
    const base = Array.from({ length: 15 }, (_, i) => sampled(BASE, tokens(`m${i}`)));
    const head = Array.from({ length: 15 }, (_, i) => sampled(scaled(1 - i / 100), tokens(`m${i}`)));
    const chart = comparisonChart(comparison(base, head)) ?? '';
    expect(chart).toContain('  title "Gated metrics, 12 worst of 15: current as % of baseline"');
    expect(chart).toContain('  bar [86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97]');
  });

  it('labels a bar whose labels were cut without a stray mark where the cell shows …', () => {
    const long = { id: 'l', metric: 'tokens_s', labels: { model: 'llama3.2:3b', backend: 'ollama', gpu: 'RTX 4090', num_requests: '200', concurrency: '1', dataset: 'sharegpt' } };
    const chart = comparisonChart(comparison([sampled(BASE, long)], [sampled(scaled(0.9), long)])) ?? '';
    expect(chart.split('\n')[3]).toBe('  x-axis ["tokens_s llama3.2:3b ollama"]');
  });

  it('is left out when no gated metric was compared', () => {
    expect(comparisonChart(comparison([sampled(BASE, ttft)], [sampled(BASE, ttft)]))).toBeUndefined();
  });

  it('cannot be broken out of by a hostile metric name', () => {
    const hostile = { id: 'x', metric: 'tok"] \n```\n<img src=x>@admin', labels: { model: 'a"b' } };
    const chart = comparisonChart(comparison([sampled(BASE, hostile)], [sampled(BASE, hostile)])) ?? '';
    expect(chart.split('\n')[3]).toBe('  x-axis ["tok_ _img src=x_admin a_b"]');
    expect(chart.match(/```/g)).toHaveLength(2);
    expect(chartLabel('a"b\nc`d')).toBe('a_b_c_d');
    expect(chartLabel('')).toBe('_');
  });
});

describe('escaping', () => {
  it('escapes hostile metric names, labels, notes and baseline descriptions in the Markdown', () => {
    const hostile = { id: 'x', metric: 'tok`<script>`', labels: { 'team|x': '@octocat #12 <b>' }, file: 'r.csv' };
    const c = comparison([sampled(BASE, hostile)], [sampled(scaled(0.8), hostile)]);
    c.baseline = { source: 'history', description: 'runs/<b>evil</b>|x' };
    const md = renderMarkdown(report(c));
    expect(md).toContain('| tok\\`&lt;script&gt;\\` team\\|x=@\u200boctocat #\u200b12 &lt;b&gt;<br><sub>r.csv</sub> |');
    expect(md).toContain('against runs/&lt;b&gt;evil&lt;/b&gt;\\|x.');
    expect(md).not.toContain('<script>');
  });
});

describe('report.json', () => {
  it('carries the comparison with every series', () => {
    const json = JSON.parse(renderJson(report(MIXED))) as { comparison: ComparisonReport };
    expect(json.comparison.verdict).toBe('regression');
    expect(json.comparison.series.map((s) => s.verdict)).toEqual(['regressed', 'unchanged', 'improved', 'new', 'missing']);
  });
});

describe('inconclusive comparisons', () => {
  // Three runs a side at CV 15%, mean down 8%: the example.
  const unsure = comparison([sampled([85, 100, 115], tokens('llama3')), sampled(BASE, tokens('gemma3'))], [sampled([78.2, 92, 105.8], tokens('llama3')), sampled(scaled(1.01), tokens('gemma3'))]);

  it('are counted in the verdict line and never counted as within the threshold', () => {
    expect(verdictLine(unsure, NOW)).toBe('✅ **No regression** against git merge base 1a2b3c4 (2 days old): 2 metrics compared, 1 gated metric within threshold; 1 metric inconclusive (the data cannot tell).');
    const failing = comparison([sampled(BASE, tokens('a')), sampled([85, 100, 115], tokens('b'))], [sampled(scaled(0.85), tokens('a')), sampled([78.2, 92, 105.8], tokens('b'))]);
    expect(verdictLine(failing, NOW)).toBe('❌ **Regression:** 1 gated metric regressed against git merge base 1a2b3c4 (2 days old); 1 metric inconclusive (the data cannot tell).');
  });

  it('get their own collapsed table, with the interval, the MDE and the runs that would decide it in the notes', () => {
    const section = comparisonSections(report(unsure)).find((s) => s.kind === 'inconclusive table');
    expect(section?.dropRank).toBe(DROP_RANK.unchangedMetrics);
    expect(section?.text).toContain('<details><summary>Inconclusive: the data cannot tell (1)</summary>');
    expect(section?.text).toContain(
      '| `tokens_s` model=llama3<br><sub>results.csv</sub> | 100 tok/s (n=3) | 92 tok/s (n=3) | −8.0%<br><sub>−35.1% … +30.5%</sub> | 0.53 | ❔ inconclusive<br><sub>threshold 5%; interval spans the 5% threshold: MDE 43.8% (95% confidence, 80% power); about 132 runs per side would decide it</sub> |',
    );
  });
});

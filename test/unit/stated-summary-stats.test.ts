import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildConfig } from '../../src/config.js';
import { computeFindings } from '../../src/findings/findings.js';
import type { Report } from '../../src/model/report.js';
import { readReportSeries, renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { makeTempDir, removeDir, writeTree } from '../helpers/tmp.js';

/**
 * A summary that states percentiles and no mean (`p50_latency_ms`,
 * `ttft_ms_p95`) has its median as its center: the report shows it as the
 * median it is, never under "Mean" as if it were one.
 */
let root: string;
beforeEach(() => {
  root = makeTempDir();
});
afterEach(() => removeDir(root));

async function analyzed(files: Record<string, string>): Promise<Report> {
  writeTree(root, files);
  const config = buildConfig(() => '', { workspace: root, defaultOutputDir: undefined });
  const report = await analyze(config, { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
  report.findings = computeFindings({ series: report.series, files: report.inventory.files, confidence: 0.95 });
  return report;
}

const PERCENTILES_ONLY = { 'latency.csv': 'model,p50_latency_ms,p95_latency_ms\na,100,150\nb,110,170\n' };

describe('a summary stating a median and no mean', () => {
  it('shows the median in the statistics table marked "(median)"', async () => {
    const md = renderMarkdown(await analyzed(PERCENTILES_ONLY), { depth: 'full' });
    expect(md).toContain('| `latency_ms` ↓<br><sub>summary stated in file</sub> | model=a | ? | 100 ms (median) | – | 100 · 150 · – | – … – |');
  });

  it('ranks the levels by their medians and marks them "(median)" in the finding\'s numbers', async () => {
    const report = await analyzed(PERCENTILES_ONLY);
    expect(report.findings.map((f) => f.text)).toEqual(["latency_ms by model: a is lowest at 100 ms (median); the highest, b (110 ms), is 1.10× that; not tested against noise (a level is a median its file stated, and the tests weigh means)."]);
    const md = renderMarkdown(report, { depth: 'full' });
    expect(md).toContain('| a | 100 ms (median) | ? | best |');
    expect(md).toContain('| b | 110 ms (median) | ? | 1.10× |');
  });

  it('writes its mean as null in report.json and its levels with "median", and reads the median back as the center', async () => {
    const report = await analyzed(PERCENTILES_ONLY);
    const out = JSON.parse(renderJson(report, { keepSamples: false }));
    expect(out.series[0].rows.map((r: unknown[]) => r[1])).toEqual([
      [null, null, null, null, 100, 150, null, null],
      [null, null, null, null, 110, 170, null, null],
    ]);
    expect(out.findings[0].levels).toEqual([
      ['a', null, 100, null, 'median'],
      ['b', null, 110, null, 'median'],
    ]);
    expect(readReportSeries(out).map((s) => [s.stats.mean, s.stats.p50, s.stats.center])).toEqual([
      [100, 100, 'median'],
      [110, 110, 'median'],
    ]);
  });

  it('keeps "Mean" unmarked when the file states a mean beside its percentiles', async () => {
    const report = await analyzed({ 'latency.csv': 'model,mean_latency_ms,p50_latency_ms\na,104,100\nb,113,110\n' });
    expect(report.series.map((s) => [s.stats.mean, s.stats.p50, s.stats.center])).toEqual([
      [104, 100, undefined],
      [113, 110, undefined],
    ]);
    expect(renderMarkdown(report, { depth: 'full' })).toContain('| a | 104 ms | ? | best |');
  });
});

describe('percentiles a summary states besides p50, p95 and p99', () => {
  const P90 = { 'ttft.csv': 'model,mean_ttft_ms,p50_ttft_ms,p90_ttft_ms,p99_ttft_ms,p99.9_ttft_ms\na,104,100,140,180,230\n' };

  it('shows them under the p50 · p95 · p99 cell of the statistics table', async () => {
    const md = renderMarkdown(await analyzed(P90), { depth: 'full' });
    expect(md).toContain('| `ttft_ms` ↓<br><sub>summary stated in file</sub> | model=a | ? | 104 ms | – | 100 · – · 180<br><sub>p90 140 · p99.9 230</sub> | – … – |');
  });

  it('writes them in report.json by rank and reads them back', async () => {
    const out = JSON.parse(renderJson(await analyzed(P90), { keepSamples: false }));
    expect(out.series[0].rows[0][2]).toMatchObject({ percentiles: { '90': 140, '99.9': 230 } });
    expect(readReportSeries(out)[0]?.stats.percentiles).toEqual({ '90': 140, '99.9': 230 });
  });
});

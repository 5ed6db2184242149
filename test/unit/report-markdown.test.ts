import { describe, expect, it } from 'vitest';
import type { Series } from '../../src/model/series.js';
import { summariseInventory } from '../../src/discover/inventory.js';
import { readReportSeries, renderJson } from '../../src/report/json.js';
import { assembledBytes, assembleSections, orderSeries, renderMarkdown, withRenderTime } from '../../src/report/markdown.js';
import { REPORT_SCHEMA_VERSION, type FileEntry, type Report } from '../../src/model/report.js';

function series(partial: Partial<Series> & Pick<Series, 'metric'>): Series {
  return {
    id: `results.csv::${partial.metric}`,
    file: 'results.csv',
    labels: {},
    unit: '',
    direction: 'none',
    directionSource: 'inferred',
    source: 'samples',
    stats: { n: 3, mean: 10, sd: 1, cv: 10, min: 9, p50: 10, p95: 10.9, p99: 10.98, max: 11, approximate: false },
    outliers: [],
    samples: [9, 10, 11],
    ...partial,
  };
}

function file(path: string, extra: Partial<FileEntry> = {}): FileEntry {
  return { path, type: 'csv', size: 100, status: 'parsed', document: false, adapter: 'csv', series: 1, rows: 3, excludedRows: 0, problems: [], problemCount: 0, ...extra };
}

function report(seriesList: Series[], files: FileEntry[] = [file('results.csv')]): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'chimera-insight',
    toolVersion: '0.1.0',
    generatedAt: '2026-11-22T08:30:00.000Z',
    root: 'bench',
    inventory: summariseInventory(files, { checkout: false, shallow: false }),
    series: seriesList,
    experiments: { replicateGroups: [], factors: [], seriesBeforePooling: 0 },
    findings: [],
    narrative: { status: 'skipped', reason: 'no LLM stage in this build' },
    timings: { discoverMs: 12, parseMs: 30, analyzeMs: 4, renderMs: 0 },
    config: { path: 'bench' },
  };
}

const tokens = series({ metric: 'tokens_s', unit: 'tok/s', direction: 'higher', labels: { model: 'gemma3:1b' } });
const ttft = series({ metric: 'ttft_ms', unit: 'ms', direction: 'lower' });
const count = series({ metric: 'eval_count' });

describe('Markdown report', () => {
  it('orders throughput first, then higher-is-better, lower-is-better and the rest', () => {
    const accuracy = series({ metric: 'accuracy', direction: 'higher' });
    expect(orderSeries([count, ttft, accuracy, tokens]).map((s) => s.metric)).toEqual(['tokens_s', 'accuracy', 'ttft_ms', 'eval_count']);
  });

  it('shows the data counts, the skipped narrative and the throughput table with mean ± sd', () => {
    const md = renderMarkdown(report([tokens, ttft]));
    expect(md).toContain('<sub>**Data:** 2 series from 1 file in `bench` (0 documents, 0 skipped, 0 failed) · Chimera Insight 0.1.0 · 2026-11-22 08:30 UTC</sub>');
    expect(md).toContain('> **Narrative skipped:** no LLM stage in this build');
    expect(md).toContain('| `tokens_s`<br><sub>results.csv</sub> | model=gemma3:1b | 3 | 10 ± 1 tok/s | 10.0% |');
  });

  it('writes the render time into the timings line only, whatever a metric is called', () => {
    const md = withRenderTime(renderMarkdown(report([series({ metric: '{{render-ms}}' })])), 7);
    expect(md).toContain(' · render 7 ms · ');
    expect(md).not.toMatch(/\| `?7 ms`? \|/);
    // Past 60 series the file tables are collapsed, their paths in HTML.
    const many = Array.from({ length: 61 }, (_, i) => series({ metric: `m${i}`, file: '{{render-ms}}.csv' }));
    const collapsed = withRenderTime(renderMarkdown(report(many, [file('{{render-ms}}.csv', { series: 61 })])), 7);
    expect(collapsed).toContain(' · render 7 ms · ');
  });

  it('writes one statistics row per series with every aggregate', () => {
    const md = renderMarkdown(report([ttft]));
    expect(md).toContain('| Metric | Conditions | n | Mean ± sd | CV | p50 · p95 · p99 | Min … max |');
    expect(md).toContain('| `ttft_ms` ↓ | – | 3 | 10 ± 1 ms | 10.0% | 10 · 10.90 · 10.98 | 9 … 11 |');
  });

  it('shows a single value as the mean only and says so', () => {
    const single = series({ metric: 'tokens_s', unit: 'tok/s', direction: 'higher', samples: [71.5], stats: { n: 1, mean: 71.5, sd: null, cv: null, min: 71.5, p50: 71.5, p95: 71.5, p99: 71.5, max: 71.5, approximate: false } });
    expect(renderMarkdown(report([single]))).toContain('| `tokens_s` ↑<br><sub>single value</sub> | – | 1 | 71.50 tok/s | – | – | – |');
  });

  it('notes outliers with their position and keeps them in the statistics', () => {
    const cold = series({ metric: 'ttft_ms', unit: 'ms', direction: 'lower', outliers: [{ index: 0, value: 5081.18 }] });
    expect(renderMarkdown(report([cold]))).toContain('1 outlier: #\u200b1 = 5081.18 (first run: warm-up?); kept in the statistics');
  });

  it('escapes text from repository files so it cannot inject HTML, mentions or table cells', () => {
    const hostile = series({ metric: 'x<img src=y>', labels: { model: '@octocat|#12 <script>' } });
    const md = renderMarkdown(report([hostile]));
    expect(md).toContain('model=@\u200boctocat\\|#\u200b12 &lt;script&gt;');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
  });

  it('lists failed files and row problems with file and line', () => {
    const files = [
      file('results.csv', { problems: [{ line: 7, reason: '2 fields where the header has 3; row skipped' }], problemCount: 1 }),
      file('broken.json', { type: 'json', status: 'failed', reason: 'invalid JSON at line 3, column 9: NaN is not valid JSON', series: 0, adapter: undefined }),
    ];
    const md = renderMarkdown(report([tokens], files));
    expect(md).toContain('- `results.csv` line 7: 2 fields where the header has 3; row skipped');
    expect(md).toContain('- `broken.json`: **failed**: invalid JSON at line 3, column 9: NaN is not valid JSON');
  });

  it('collapses per-file tables once there are more than 60 series', () => {
    const many = Array.from({ length: 61 }, (_, i) => series({ metric: `m${i}` }));
    const md = renderMarkdown(report(many));
    expect(md).toContain('<details><summary><code>results.csv</code> (csv · 61 series · 3 rows)</summary>');
  });

  it('drops per-file tables from the end to fit a size limit and says where the full report is', () => {
    const files = Array.from({ length: 40 }, (_, i) => file(`r${String(i).padStart(2, '0')}.csv`));
    const all = files.flatMap((f) => Array.from({ length: 5 }, (_, j) => series({ metric: `metric_${j}`, file: f.path, id: `${f.path}::metric_${j}` })));
    const full = renderMarkdown(report(all, files));
    const trimmed = renderMarkdown(report(all, files), { maxBytes: 20_000, fullReportHint: 'in report.md' });
    expect(Buffer.byteLength(full)).toBeGreaterThan(20_000);
    expect(Buffer.byteLength(trimmed)).toBeLessThanOrEqual(20_000);
    expect(trimmed).toMatch(/…\d+ more files' tables omitted to stay under GitHub's size limit; the full report is in report\.md\./);
    expect(trimmed).toContain('### Data inventory');
  });

  it('trims to a byte limit with multi-byte text the same as to a character limit with ASCII of the same size', () => {
    // Each section is 1,000 bytes: 500 × "é" (2 bytes each) or 1,000 × "e".
    const sections = (letter: string, count: number) =>
      [{ text: '# Head' }, ...Array.from({ length: 10 }, (_, i) => ({ text: `${i}${letter.repeat(count)}`, dropRank: 30, kind: "files' tables" }))];
    const bytes = assembleSections(sections('é', 500), { maxBytes: 5_000 });
    const chars = assembleSections(sections('e', 1_000), { maxChars: 5_000 });
    expect(Buffer.byteLength(bytes)).toBeLessThanOrEqual(5_000);
    expect(chars.length).toBeLessThanOrEqual(5_000);
    // The same sections go: the last ones first, in batches, and one note says how many.
    const kept = (text: string) => text.split('\n\n').map((part) => part.slice(0, 1));
    expect(kept(bytes)).toEqual(kept(chars));
    expect(bytes).toContain("…6 more files' tables omitted to stay under GitHub's size limit.");
  });

  it('measures the document it would join without joining it', () => {
    const sections = [{ text: 'é' }, { text: 'abc' }, { text: '' }];
    expect(assembledBytes(sections)).toBe(Buffer.byteLength(assembleSections(sections)));
  });

  it('fills in the render time measured around rendering', () => {
    const md = withRenderTime(renderMarkdown(report([tokens])), 3.4);
    expect(md).toContain('Discover 12 ms · parse 30 ms · analyze 4 ms · render 3 ms · total before rendering 46 ms');
  });

  it('starts with the marker that keeps our own report out of later analyses', () => {
    expect(renderMarkdown(report([])).startsWith('<!-- chimera-insight:report -->\n## 📊 Chimera Insight: benchmark report (no comparison asked)')).toBe(true);
  });

  it('puts the digest first and the details under one heading, for the job summary and report.md', () => {
    const md = renderMarkdown(report([tokens]));
    const digest = renderMarkdown(report([tokens]), { depth: 'digest' });
    expect(md.indexOf('### Key findings')).toBeLessThan(md.indexOf('## Details'));
    expect(digest).not.toContain('## Details');
    expect(digest).not.toContain('### Aggregate metrics by file');
  });
});

describe('JSON report', () => {
  it('keeps the samples of a series of up to 30 and leaves out those of a larger one, counting them', () => {
    const small = series({ metric: 'ttft_ms', samples: Array.from({ length: 30 }, (_, i) => i) });
    const big = series({ metric: 'tokens_s', samples: Array.from({ length: 31 }, (_, i) => i) });
    const json = JSON.parse(renderJson(report([small, big]))) as { schemaVersion: number; series: unknown };
    expect(json.schemaVersion).toBe(4);
    expect(readReportSeries(json).map((s) => [s.samples.length, (s as { samplesOmitted?: number }).samplesOmitted])).toEqual([[30, undefined], [0, 31]]);
  });

  it('keeps every sample when all are asked for', () => {
    const big = series({ metric: 'tokens_s', samples: Array.from({ length: 1500 }, (_, i) => i) });
    const read = readReportSeries(JSON.parse(renderJson(report([big]), { keepSamples: true })) as object);
    expect(read[0]?.samples).toHaveLength(1500);
    expect((read[0] as { samplesOmitted?: number }).samplesOmitted).toBeUndefined();
  });
});

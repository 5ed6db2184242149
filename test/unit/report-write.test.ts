import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import type { Series } from '../../src/model/series.js';
import { readReportSeries, renderJson } from '../../src/report/json.js';
import { renderMarkdown, reportSections, withRenderTime } from '../../src/report/markdown.js';
import { writeJson, writeReportJson, writeReportMarkdown, writeToFile } from '../../src/report/write.js';
import { useTempDir } from '../helpers/tmp.js';

async function collect(write: (sink: (chunk: string) => unknown) => Promise<void>): Promise<{ text: string; chunks: number }> {
  const chunks: string[] = [];
  await write((chunk) => chunks.push(chunk));
  return { text: chunks.join(''), chunks: chunks.length };
}

function series(id: number, samples: number[]): Series {
  return {
    id: `runs.csv::tokens_s{model=m${id}}`,
    file: 'runs.csv',
    metric: 'tokens_s',
    labels: { model: `m${id}` },
    unit: 'tok/s',
    direction: 'higher',
    directionSource: 'inferred',
    source: 'samples',
    stats: { n: samples.length, mean: 100, sd: 1, cv: 1, min: 99, p50: 100, p95: 101, p99: 101, max: 101, approximate: false },
    outliers: [],
    samples,
  };
}

function report(all: Series[]): Report {
  return {
    schemaVersion: 1,
    tool: 'chimera-insight',
    toolVersion: '0.1.0',
    generatedAt: '2025-01-02T03:04:05.000Z',
    root: '.',
    inventory: {
      totals: { found: 1, parsed: 1, documents: 0, skipped: 0, failed: 0, series: all.length, rows: 3, excludedRows: 0 },
      byType: [{ type: 'csv', found: 1, parsed: 1, documents: 0, skipped: 0, failed: 0 }],
      adapters: [{ adapter: 'csv', files: 1 }],
      files: [{ path: 'runs.csv', type: 'csv', size: 10, status: 'parsed', document: false, adapter: 'csv', series: all.length, rows: 3, excludedRows: 0, problems: [], problemCount: 0 }],
      git: { checkout: false, shallow: false },
    },
    series: all,
    experiments: { replicateGroups: [], factors: [], seriesBeforePooling: 0 },
    findings: [],
    narrative: { status: 'skipped', reason: 'llm: false' },
    timings: { discoverMs: 1, parseMs: 2, analyzeMs: 3, renderMs: 0 },
    config: { path: '.' },
  };
}

describe('writeJson: JSON.stringify(value, null, 2), streamed', () => {
  it.each([
    ['scalars', [1, -0, 1e21, 'a"b\n', true, null, Number.NaN, Number.POSITIVE_INFINITY]],
    ['empty containers', { a: [], b: {}, c: [[]], d: [{}] }],
    ['left-out values', { a: undefined, b: () => 1, c: [undefined, () => 1], d: 1 }],
    ['toJSON', { when: new Date(Date.UTC(2025, 0, 2)), nested: { toJSON: () => ({ x: 1 }) } }],
    ['key order', { b: 1, a: 2, 10: 3, 2: 4 }],
    ['unicode', { 'ключ': 'значение', emoji: '🙂', lone: '\ud800' }],
  ])('writes %s exactly as JSON.stringify does', async (_name, value) => {
    expect((await collect((sink) => writeJson(value, sink))).text).toBe(JSON.stringify(value, null, 2));
  });

  it('writes deep nesting with a stack of its own, not the call stack', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 3_000; i++) deep = [deep];
    expect((await collect((sink) => writeJson(deep, sink))).text).toBe(JSON.stringify(deep, null, 2));
  });

  it.each([
    ['scalars', [1, -0, 1e21, 'a"b\n', true, null, Number.NaN]],
    ['left-out values', { a: undefined, b: () => 1, c: [undefined, () => 1], d: 1 }],
    ['nested objects and arrays', { a: { b: { c: [1, { d: [2, { e: 3 }] }], f: {} } }, g: [[{ h: [] }]] }],
    ['toJSON', { when: new Date(Date.UTC(2025, 0, 2)), nested: { deeper: { toJSON: () => ({ x: 1 }) } } }],
  ])('writes %s compactly exactly as JSON.stringify(value, replacer) does, at any native depth', async (_name, value) => {
    const replacer = function (this: unknown, key: string, v: unknown) {
      return typeof v === 'string' ? v.toUpperCase() : key === 'd' ? 4 : v;
    };
    for (const nativeDepth of [0, 1, 2, 3, undefined]) {
      const { text } = await collect((sink) => writeJson(value, sink, replacer, { compact: true, nativeDepth }));
      expect(text).toBe(JSON.stringify(value, replacer));
    }
  });

  it('writes characters past ASCII as \\u escapes that read back as the same text', async () => {
    const value = { 'ключ': 'значение', emoji: '🙂', accent: 'é', plain: 'abc' };
    const { text } = await collect((sink) => writeJson(value, sink, undefined, { compact: true, ascii: true }));
    expect(text).toBe('{"\\u043a\\u043b\\u044e\\u0447":"\\u0437\\u043d\\u0430\\u0447\\u0435\\u043d\\u0438\\u0435","emoji":"\\ud83d\\ude42","accent":"\\u00e9","plain":"abc"}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('hands the output over in chunks and waits for each chunk a sink is still writing', async () => {
    const order: string[] = [];
    let pending = 0;
    await writeJson(Array.from({ length: 50_000 }, (_, i) => ({ i })), async (chunk) => {
      expect(pending).toBe(0);
      pending += 1;
      order.push(chunk);
      await new Promise((resolve) => setTimeout(resolve, 1));
      pending -= 1;
    });
    expect(order.length).toBeGreaterThan(10);
    expect(Math.max(...order.map((c) => c.length))).toBeLessThan(70 * 1024);
  });
});

describe('report writers', () => {
  const tmp = useTempDir();
  const big = report([series(1, Array.from({ length: 1_500 }, (_, i) => i)), series(2, [1, 2, 3])]);

  it('writes report.json exactly as renderJson renders it, one line of compact JSON', async () => {
    const { text } = await collect((sink) => writeReportJson(big, sink));
    expect(text).toBe(renderJson(big));
    expect(text.split('\n')).toEqual([expect.stringMatching(/^\{"schemaVersion":1,"tool":"chimera-insight",/), '']);
  });

  it('streams report.json in chunks, never the whole report as one', async () => {
    const many = report(Array.from({ length: 10_000 }, (_, i) => series(i, [1, 2, 3])));
    const { text, chunks } = await collect((sink) => writeReportJson(many, sink));
    expect(text).toBe(renderJson(many));
    expect(chunks).toBeGreaterThan(5);
  });

  it('keeps every sample with keepSamples', async () => {
    const { text } = await collect((sink) => writeReportJson(big, sink, { keepSamples: true }));
    expect(text).toBe(renderJson(big, { keepSamples: true }));
    expect(readReportSeries(JSON.parse(text) as object).map((s) => [s.samples.length, (s as { samplesOmitted?: number }).samplesOmitted])).toEqual([[1_500, undefined], [3, undefined]]);
  });

  it('writes report.md exactly as renderMarkdown renders it, section by section', async () => {
    const sections = reportSections(big);
    const { text } = await collect((sink) => writeReportMarkdown(sections, 12.3, sink));
    expect(text).toBe(withRenderTime(renderMarkdown(big), 12.3));
  });

  it('streams into a file and closes it', async () => {
    const file = path.join(tmp.dir, 'report.json');
    await writeToFile(file, (sink) => writeReportJson(big, sink));
    expect(readFileSync(file, 'utf8')).toBe(renderJson(big));
  });

  it('reports a file that cannot be written', async () => {
    await expect(writeToFile(path.join(tmp.dir, 'missing', 'report.json'), (sink) => writeReportJson(big, sink))).rejects.toThrow(/ENOENT/);
  });
});

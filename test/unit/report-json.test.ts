// report.json schema 4 (docs/report-json.md): what a script reads, without the fields it can take as given.
import { describe, expect, it } from 'vitest';
import { summariseInventory } from '../../src/discover/inventory.js';
import type { Finding } from '../../src/model/finding.js';
import { REPORT_SCHEMA_VERSION, type FileEntry, type Report } from '../../src/model/report.js';
import type { Series } from '../../src/model/series.js';
import { expandPattern, readReportSeries, renderJson } from '../../src/report/json.js';
import { shardReportOf } from '../../src/shards/read.js';
import { emptyReport } from '../helpers/report.js';

function series(partial: Partial<Series> & Pick<Series, 'id' | 'metric'>): Series {
  return {
    file: 'bench/results.csv',
    labels: {},
    unit: 'tok/s',
    direction: 'higher',
    directionSource: 'inferred',
    source: 'samples',
    stats: { n: 3, mean: 10, sd: 1, cv: 10, min: 9, p50: 10, p95: 10.9, p99: 10.98, max: 11, approximate: false },
    outliers: [],
    samples: [9, 10, 11],
    ...partial,
  };
}

function file(path: string, extra: Partial<FileEntry> = {}): FileEntry {
  return { path, type: 'csv', size: 120, status: 'parsed', document: false, adapter: 'csv', series: 1, rows: 3, excludedRows: 0, problems: [], problemCount: 0, ...extra };
}

function report(partial: Partial<Report>, files: FileEntry[] = [file('bench/results.csv')]): Report {
  return emptyReport({
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: '2026-11-22T08:30:00.000Z',
    inventory: summariseInventory(files, { checkout: true, shallow: false }),
    narrative: { status: 'skipped', reason: 'no model' },
    timings: { discoverMs: 1, parseMs: 2, analyzeMs: 3, renderMs: 0 },
    ...partial,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (r: Report, keepSamples = false): any => JSON.parse(renderJson(r, { keepSamples }));

describe('report.json series', () => {
  it('writes a series of a few samples as a row of its metric, n, mean and sd, and samples; the file and line once for its group', () => {
    const s = series({ id: 'bench/results.csv::tokens_s', metric: 'tokens_s', line: 2 });
    const out = json(report({ series: [s] }));
    expect([out.metrics, out.series]).toEqual([[{ metric: 'tokens_s', unit: 'tok/s', direction: 'higher' }], [{ file: 'bench/results.csv', line: 2, rows: [[0, [3, 10, 1], [9, 10, 11]]] }]]);
  });

  it('writes a single value as its metric and value, its labels once for the series of its file', () => {
    const single = (metric: string, mean: number, unit = 'ms') =>
      series({
        id: `docs/notes.md::${metric}{model=qwen2.5:0.5b}`,
        file: 'docs/notes.md',
        metric,
        labels: { model: 'qwen2.5:0.5b' },
        unit,
        direction: 'lower',
        stats: { n: 1, mean, sd: null, cv: null, min: mean, p50: mean, p95: mean, p99: mean, max: mean, approximate: false },
        samples: [mean],
      });
    const out = json(report({ series: [single('TTFT (ms)', 86), single('TPOT (ms)', 12.5), single('TTFT (ms)', 90)] }));
    expect([out.metrics, out.series]).toEqual([
      [
        { metric: 'TTFT (ms)', unit: 'ms', direction: 'lower' },
        { metric: 'TPOT (ms)', unit: 'ms', direction: 'lower' },
      ],
      [{ file: 'docs/notes.md', labels: { model: 'qwen2.5:0.5b' }, rows: [[0, 86], [1, 12.5], [0, 90]] }],
    ]);
  });

  it('writes the mean of a summary that stated only percentiles as null, and reads its median back as the centre', () => {
    const s = series({
      id: 'bench/summary.json::ttft_ms',
      file: 'bench/summary.json',
      metric: 'ttft_ms',
      unit: 'ms',
      direction: 'lower',
      source: 'summary',
      stats: { n: null, mean: 120.5, sd: null, cv: null, min: null, p50: 120.5, p95: 180.2, p99: 210, max: null, approximate: false, center: 'median' },
      samples: [],
    });
    const out = json(report({ series: [s] }));
    expect(out.series[0].rows).toEqual([[0, [null, null, null, null, 120.5, 180.2, 210, null]]]);
    expect(readReportSeries(out)[0]?.stats).toEqual(s.stats);
  });

  it('writes a stated summary without the statistics it does not state, its source and direction override in its metric', () => {
    const s = series({
      id: 'bench/summary.json::latency.ms',
      file: 'bench/summary.json',
      metric: 'latency.ms',
      unit: 'ms',
      direction: 'lower',
      directionSource: 'override',
      source: 'summary',
      stats: { n: null, mean: 495.1, sd: 39.6, cv: 8, min: null, p50: null, p95: null, p99: null, max: null, approximate: false },
      samples: [],
    });
    const out = json(report({ series: [s] }));
    expect([out.metrics, out.series[0].rows]).toEqual([[{ metric: 'latency.ms', unit: 'ms', direction: 'lower', directionSource: 'override', source: 'summary' }], [[0, [null, 495.1, 39.6], { cv: 8 }]]]);
  });

  it('writes the order statistics the samples do not give, and counts the samples of a series of more than 30 instead of writing them', () => {
    const samples = Array.from({ length: 31 }, (_, i) => i);
    const stats = { n: 31, mean: 15, sd: 9.093, cv: 60.62, min: 0, p50: 15, p95: 28.5, p99: 29.7, max: 30, approximate: false };
    const s = series({ id: 'bench/results.csv::tokens_s', metric: 'tokens_s', samples, stats, outliers: [{ index: 30, value: 30 }] });
    expect(json(report({ series: [s] })).series[0].rows).toEqual([[0, [31, 15, 9.093, 0, 15, 28.5, 29.7, 30], { outliers: [[30, 30]], samplesOmitted: 31 }]]);
    expect(json(report({ series: [s] }), true).series[0].rows).toEqual([[0, [31, 15, 9.093], samples, { outliers: [[30, 30]] }]]);
  });

  it('names a pooled series’ runs by their pattern, and leaves out run means that are its samples', () => {
    const files = [1, 2, 3].map((k) => `exp/fused/run_${k}/summary.json`);
    const pooled = series({
      id: 'exp/fused/run_<n>/summary.json::tokens_s',
      file: files[0] as string,
      metric: 'tokens_s',
      replicates: { pattern: 'exp/fused/run_{1..3}/summary.json', files, runMeans: [9, 10, 11] },
      factors: { runtime: 'fused' },
      experiment: 'exp/*/run_<n>/summary.json',
    });
    expect(json(report({ series: [pooled] })).series).toEqual([
      {
        file: 'exp/fused/run_1/summary.json',
        key: 'exp/fused/run_<n>/summary.json',
        factors: { runtime: 'fused' },
        experiment: 'exp/*/run_<n>/summary.json',
        replicates: { pattern: 'exp/fused/run_{1..3}/summary.json' },
        rows: [[0, [3, 10, 1], [9, 10, 11]]],
      },
    ]);
  });

  it('names runs by their place in the pattern’s list, and lists files and run means that the pattern and samples do not give', () => {
    const files = ['exp/a/run_1/s.json', 'exp/a/run_3/s.json'];
    const pooled = series({
      id: 'exp/a/run_<n>/s.json::tokens_s',
      file: files[0] as string,
      metric: 'tokens_s',
      samples: [9, 10, 11, 12],
      stats: { n: 4, mean: 10.5, sd: 1.29, cv: 12.3, min: 9, p50: 10.5, p95: 11.85, p99: 11.97, max: 12, approximate: false },
      replicates: { pattern: 'exp/a/run_{1,3}/s.json', files: ['exp/a/run_3/s.json', 'exp/a/run_1/s.json'], runMeans: [9.5, 11.5] },
    });
    const out = json(report({ series: [pooled] })).series[0];
    expect([out.replicates, out.rows[0][3]]).toEqual([{ pattern: 'exp/a/run_{1,3}/s.json', runs: [1, 0] }, { cv: 12.3, runMeans: [9.5, 11.5] }]);
    const elsewhere = { ...pooled, replicates: { ...(pooled.replicates as NonNullable<Series['replicates']>), files: ['exp/a/run_1/s.json', 'exp/b/run_3/s.json'] } };
    expect(json(report({ series: [elsewhere] })).series[0].replicates).toEqual({ pattern: 'exp/a/run_{1,3}/s.json', files: ['exp/a/run_1/s.json', 'exp/b/run_3/s.json'] });
    expect(readReportSeries(json(report({ series: [pooled] })))[0]?.replicates).toEqual(pooled.replicates);
  });

  it('writes an id its file, metric and labels do not spell, and labels not shared by its group', () => {
    const a = series({ id: 'bench/results.csv::tokens_s{model=a}#2', metric: 'tokens_s', labels: { model: 'a', gpu: 'A100' } });
    const b = series({ id: 'bench/results.csv::tokens_s{gpu=A100,model=b}', metric: 'tokens_s', labels: { model: 'b', gpu: 'A100' } });
    expect(json(report({ series: [a, b] })).series[0]).toEqual({
      file: 'bench/results.csv',
      labels: { gpu: 'A100' },
      rows: [
        [0, [3, 10, 1], [9, 10, 11], { labels: { model: 'a' }, id: 'bench/results.csv::tokens_s{model=a}#2' }],
        [0, [3, 10, 1], [9, 10, 11], { labels: { model: 'b' } }],
      ],
    });
  });

  it('writes a run of series of one file with the same labels as a group that continues the one before, saying only the labels that change', () => {
    const of = (model: string, metric: string) => series({ id: `bench/results.csv::${metric}{gpu=A100,model=${model}}`, metric, labels: { gpu: 'A100', model } });
    const all = [of('a', 'tokens_s'), of('a', 'ttft_ms'), of('b', 'tokens_s'), of('b', 'ttft_ms')];
    const out = json(report({ series: all }));
    expect(out.series).toEqual([
      {
        file: 'bench/results.csv',
        labels: { gpu: 'A100', model: 'a' },
        rows: [
          [0, [3, 10, 1], [9, 10, 11]],
          [1, [3, 10, 1], [9, 10, 11]],
        ],
      },
      {
        labels: { model: 'b' },
        rows: [
          [0, [3, 10, 1], [9, 10, 11]],
          [1, [3, 10, 1], [9, 10, 11]],
        ],
      },
    ]);
    expect(readReportSeries(out).map((s) => [s.id, s.file, s.labels])).toEqual(all.map((s) => [s.id, s.file, s.labels]));
  });

  it('keeps a label named like an object’s own property (constructor, toString) on every series that has it', () => {
    const of = (compiler: string) => series({ id: `bench/results.csv::latency_ms{constructor=${compiler}}`, metric: 'latency_ms', labels: { constructor: compiler } });
    const all = [of('gcc'), of('clang')];
    const read = readReportSeries(json(report({ series: all })));
    expect(read.map((s) => [s.id, s.labels])).toEqual([
      ['bench/results.csv::latency_ms{constructor=gcc}', { constructor: 'gcc' }],
      ['bench/results.csv::latency_ms{constructor=clang}', { constructor: 'clang' }],
    ]);
  });

  it('reads back as exactly the series it wrote, with the samples it kept', () => {
    const files = ['exp/a/run_1/s.json', 'exp/a/run_3/s.json'];
    const all = [
      series({ id: 'bench/results.csv::tokens_s', metric: 'tokens_s', line: 2, outliers: [{ index: 2, value: 11 }] }),
      series({ id: 'bench/results.csv::ttft_ms{model=x}#2', metric: 'ttft_ms', labels: { model: 'x' }, unit: 'ms', direction: 'lower', line: 5 }),
      series({ id: 'bench/s.json::lat', file: 'bench/s.json', metric: 'lat', unit: '', source: 'summary', directionSource: 'override', samples: [], stats: { n: null, mean: 4.2, sd: null, cv: null, min: null, p50: 4.1, p95: 7, p99: null, max: null, approximate: false } }),
      series({ id: 'bench/s.json::one', file: 'bench/s.json', metric: 'one', samples: [86], stats: { n: 1, mean: 86, sd: null, cv: null, min: 86, p50: 86, p95: 86, p99: 86, max: 86, approximate: false } }),
      series({
        id: 'exp/a/run_<n>/s.json::tokens_s',
        file: files[0] as string,
        metric: 'tokens_s',
        samples: [9, 10, 11, 12],
        stats: { n: 4, mean: 10.5, sd: 1.29, cv: 12.3, min: 9, p50: 10.5, p95: 11.85, p99: 11.97, max: 12, approximate: false },
        replicates: { pattern: 'exp/a/run_{1,3}/s.json', files, runMeans: [9.5, 11.5] },
        factors: { run: 'a' },
        experiment: 'exp/*/run_<n>/s.json',
      }),
    ];
    const read = readReportSeries(json(report({ series: all })));
    expect(read).toStrictEqual(all.map((s) => ({ ...s, line: s.line, replicates: s.replicates, factors: s.factors, experiment: s.experiment })).map((s) => JSON.parse(JSON.stringify(s))));
  });
});

describe('replicate patterns', () => {
  it('expands a range, a zero-padded range and a list into file names in run order', () => {
    expect(expandPattern('exp/run_{1..3}/s.json')).toEqual(['exp/run_1/s.json', 'exp/run_2/s.json', 'exp/run_3/s.json']);
    expect(expandPattern('exp/run_{08..10}/s.json')).toEqual(['exp/run_08/s.json', 'exp/run_09/s.json', 'exp/run_10/s.json']);
    expect(expandPattern('exp/run_{2,5}/s.json')).toEqual(['exp/run_2/s.json', 'exp/run_5/s.json']);
    expect(expandPattern('exp/run_*/s.json')).toBeUndefined();
  });
});

describe('report.json statistics', () => {
  it('gives back exactly the statistics it leaves entries out of', () => {
    const cases: [Partial<Series>, unknown][] = [
      [{ samples: [86], stats: { n: 1, mean: 86, sd: null, cv: null, min: 86, p50: 86, p95: 86, p99: 86, max: 86, approximate: false } }, 86],
      [{ samples: [86], stats: { n: 1, mean: 86, sd: null, cv: null, min: 86, p50: 86, p95: null, p99: null, max: 90, approximate: false } }, [1, 86, null, 86, 86, null, null, 90]],
      [{ source: 'summary', samples: [], stats: { n: null, mean: 4.2, sd: null, cv: null, min: null, p50: 4.1, p95: 7, p99: null, max: null, approximate: false } }, [null, 4.2, null, null, 4.1, 7, null, null]],
      [{ samples: Array.from({ length: 40 }, () => 5), stats: { n: 20_000, mean: 5, sd: 0.5, cv: 10, min: 3, p50: 5, p95: 5.8, p99: 6.1, max: 7, approximate: true } }, [20_000, 5, 0.5, 3, 5, 5.8, 6.1, 7, 1]],
    ];
    const all = cases.map(([over], i) => series({ id: `bench/results.csv::m${i}`, metric: `m${i}`, ...over }));
    const out = json(report({ series: all }));
    expect(out.series[0].rows.map((row: unknown[]) => row[1])).toEqual(cases.map(([, written]) => written));
    expect(readReportSeries(out).map((s) => s.stats)).toStrictEqual(all.map((s) => s.stats));
  });
});

describe('report.json findings', () => {
  const a = series({ id: 'exp/fused/run_<n>/s.json::tokens_s', metric: 'tokens_s' });
  const b = series({ id: 'exp/paged/run_<n>/s.json::tokens_s', metric: 'tokens_s' });
  const level = (value: string, mean: number, id: string) => ({ value, n: 3, mean, sd: 1, series: [id] });
  const ranking: Finding = {
    id: 'f1',
    kind: 'ranking',
    metric: 'tokens_s',
    unit: 'tok/s',
    direction: 'higher',
    text: 'tokens_s by runtime: fused 20 tok/s, paged 10 tok/s.',
    series: [a.id, b.id],
    score: 5,
    scope: { path: 'exp/*/run_<n>/s.json', labels: {} },
    factor: 'runtime',
    levels: [level('fused', 20, a.id), level('paged', 10, b.id)],
    ratio: 2,
    test: { method: 'welch', p: 0.001, significant: true },
  };

  it('names its series by their position in the series table, its levels as [value, n, mean, sd], and no id', () => {
    const out = json(report({ series: [a, b], findings: [ranking] })).findings[0];
    expect([out.id, out.series, out.scope, out.levels]).toEqual([
      undefined,
      [0, 1],
      { path: 'exp/*/run_<n>/s.json' },
      [
        ['fused', 3, 20, 1],
        ['paged', 3, 10, 1],
      ],
    ]);
  });

  it('names a series missing from this run by its id', () => {
    const change: Finding = {
      ...ranking,
      id: 'f2',
      kind: 'change',
      series: ['old/gone.csv::tokens_s', a.id],
      levels: undefined,
      change: { verdict: 'missing', change: null, interval: null, pValue: null, base: null, head: null, gated: true, threshold: 0.05, labels: {}, file: 'old/gone.csv' },
    };
    const out = json(report({ series: [a], findings: [change] })).findings[0];
    expect([out.series, out.missingSeries, out.change]).toEqual([[0], ['old/gone.csv::tokens_s'], { verdict: 'missing', change: null, interval: null, pValue: null, base: null, head: null, gated: true, threshold: 0.05 }]);
  });
});

describe('report.json inventory', () => {
  const files = [
    file('bench/results.csv', { modified: { time: '2026-11-01T10:00:00.000Z', source: 'git' } }),
    file('bench/broken.json', { type: 'json', status: 'failed', adapter: undefined, series: 0, rows: 0, problems: [{ line: 3, reason: 'bad JSON' }], problemCount: 4, modified: { time: '2026-11-02T10:00:00.000Z', source: 'filesystem' } }),
    file('docs/notes.md', { type: 'markdown', document: true, adapter: undefined, series: 0, rows: 0, modified: { time: '2026-11-01T10:00:00.000Z', source: 'git' } }),
  ];

  it('lists files with measurements or problems, leaving out zero counts, no problems, a parsed status and the type their extension says, and documents by path alone', () => {
    const inventory = json(report({}, files)).inventory;
    expect([inventory.modifiedSource, inventory.files, inventory.documents]).toEqual([
      'git',
      [
        { path: 'bench/results.csv', size: 120, adapter: 'csv', series: 1, rows: 3, modified: '2026-11-01T10:00:00.000Z' },
        { path: 'bench/broken.json', size: 120, status: 'failed', problems: [{ line: 3, reason: 'bad JSON' }], problemCount: 4, modified: '2026-11-02T10:00:00.000Z', modifiedSource: 'filesystem' },
      ],
      ['docs/notes.md'],
    ]);
    expect(inventory.totals).toEqual({ found: 3, parsed: 1, documents: 1, skipped: 0, failed: 1, series: 1, rows: 3, excludedRows: 0 });
  });

  it('is read back by a merge as the files it lists', () => {
    const read = shardReportOf(json(report({}, files)));
    expect(read.files.map((f) => [f.path, f.type, f.status, f.document, f.problemCount, f.modified])).toEqual([
      ['bench/broken.json', 'json', 'failed', false, 4, { time: '2026-11-02T10:00:00.000Z', source: 'filesystem' }],
      ['bench/results.csv', 'csv', 'parsed', false, 0, { time: '2026-11-01T10:00:00.000Z', source: 'git' }],
      ['docs/notes.md', 'markdown', 'parsed', true, 0, undefined],
    ]);
  });
});

describe('report.json comparison', () => {
  it('names a compared series by its position in the series table, and a missing one by id with its file, metric and labels', () => {
    const a = series({ id: 'bench/results.csv::tokens_s', metric: 'tokens_s' });
    const row = { id: a.id, file: a.file, metric: 'tokens_s', labels: {}, unit: 'tok/s', direction: 'higher' as const, gated: true, threshold: 0.05, base: { value: 10, n: 3, sd: 1 }, head: { value: 10, n: 3, sd: 1 }, change: 0, interval: [-0.1, 0.1] as [number, number], pValue: 1, method: 'welch' as const, verdict: 'unchanged' as const };
    const missing = { ...row, id: 'old.csv::ttft_ms', file: 'old.csv', metric: 'ttft_ms', head: null, change: null, interval: null, pValue: null, method: 'none' as const, verdict: 'missing' as const };
    const comparison = { verdict: 'pass' as const, baseline: { source: 'file' as const, description: 'snapshot.json' }, attempts: [], series: [row, missing], settings: {} } as unknown as Report['comparison'];
    const out = json(report({ series: [a], comparison })).comparison.series;
    expect(out[0].series).toBe(0);
    expect(Object.keys(out[0])).toEqual(['series', 'gated', 'threshold', 'base', 'head', 'change', 'interval', 'pValue', 'method', 'verdict']);
    expect([out[1].id, out[1].file, out[1].metric, out[1].labels]).toEqual(['old.csv::ttft_ms', 'old.csv', 'ttft_ms', {}]);
  });
});

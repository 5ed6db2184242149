import type { ComparisonReport, SeriesComparison } from '../../src/model/comparison.js';
import type { Series } from '../../src/model/series.js';
import { summariseInventory } from '../../src/discover/inventory.js';
import type { FileEntry, Report } from '../../src/model/report.js';

/** A throughput series as the analysis builds it, in `file`. */
export function throughputSeries(file: string, model: string, mean = 71.5): Series {
  return {
    id: `${file}::tokens_s{model=${model}}`,
    file,
    metric: 'tokens_s',
    labels: { model },
    unit: 'tok/s',
    direction: 'higher',
    directionSource: 'inferred',
    source: 'samples',
    stats: { n: 3, mean, sd: 1, cv: (100 * 1) / mean, min: mean - 1, p50: mean, p95: mean + 0.9, p99: mean + 0.98, max: mean + 1, approximate: false },
    outliers: [],
    samples: [mean - 1, mean, mean + 1],
  };
}

function fileEntry(path: string, series: number): FileEntry {
  return { path, type: 'csv', size: 1000, status: 'parsed', document: false, adapter: 'csv', series, rows: 3, excludedRows: 0, problems: [], problemCount: 0 };
}

/** A report over `files` CSV files of `perFile` models each: 40 × 40 is far beyond a comment's 65,536 characters. */
export function benchmarkReport(options: { files?: number; perFile?: number; comparison?: ComparisonReport } = {}): Report {
  const files = options.files ?? 1;
  const perFile = options.perFile ?? 2;
  const series: Series[] = [];
  const entries: FileEntry[] = [];
  for (let f = 0; f < files; f++) {
    const path = `bench/run-${String(f).padStart(3, '0')}/throughput.csv`;
    entries.push(fileEntry(path, perFile));
    for (let m = 0; m < perFile; m++) series.push(throughputSeries(path, `model-${m}`, 70 + m));
  }
  return {
    schemaVersion: 1,
    tool: 'chimera-insight',
    toolVersion: '0.1.0',
    generatedAt: '2026-01-05T09:00:00.000Z',
    root: 'bench',
    commit: { sha: 'b'.repeat(40), ref: 'faster-kv-cache' },
    inventory: summariseInventory(entries, { checkout: false, shallow: false }),
    series,
    experiments: { replicateGroups: [], factors: [], seriesBeforePooling: 0 },
    findings: [],
    narrative: { status: 'skipped', reason: 'no model configured' },
    timings: { discoverMs: 10, parseMs: 20, analyzeMs: 5, renderMs: 3 },
    config: { path: 'bench' },
    ...(options.comparison ? { comparison: options.comparison } : {}),
  };
}

/** A regressed, gated throughput comparison. */
export function regression(file: string, model: string, line?: number, extra: Partial<SeriesComparison> = {}): SeriesComparison {
  return {
    id: `${file}::tokens_s{model=${model}}`,
    file,
    metric: 'tokens_s',
    labels: { model },
    unit: 'tok/s',
    direction: 'higher',
    gated: true,
    base: { value: 80, n: 5, sd: 1 },
    head: { value: 68, n: 5, sd: 1 },
    change: -0.15,
    interval: [-0.17, -0.13],
    pValue: 0.001,
    method: 'welch',
    threshold: 0.05,
    verdict: 'regressed',
    ...(line !== undefined ? { line } : {}),
    ...extra,
  };
}

export function comparisonOf(series: SeriesComparison[]): ComparisonReport {
  return {
    verdict: series.some((s) => s.gated && s.verdict === 'regressed') ? 'regression' : 'pass',
    baseline: { source: 'cache', description: 'cache key chimera-insight-main-aaaa' },
    attempts: [],
    series,
    settings: {},
  };
}

import { mean, median, sampleStandardDeviation } from 'simple-statistics';
import { seriesId } from '../../src/metrics/identity.js';
import type { Series } from '../../src/model/series.js';

/**
 * A series as the analysis hands it to the experiments and findings stages,
 * its statistics computed here from `samples` (simple-statistics), not by the
 * code under test. The id is the one the analysis gives `file`, `metric` and labels.
 */
export function measured(file: string, metric: string, samples: readonly number[], extra: Partial<Series> = {}): Series {
  const n = samples.length;
  const m = mean([...samples]);
  const sd = n > 1 ? sampleStandardDeviation([...samples]) : null;
  const labels = extra.labels ?? {};
  return {
    id: seriesId(file, metric, labels),
    file,
    metric,
    labels,
    unit: 'tok/s',
    direction: 'higher',
    directionSource: 'inferred',
    source: 'samples',
    stats: { n, mean: m, sd, cv: sd === null || m === 0 ? null : (sd / Math.abs(m)) * 100, min: Math.min(...samples), p50: median([...samples]), p95: null, p99: null, max: Math.max(...samples), approximate: false },
    outliers: [],
    samples: [...samples],
    ...extra,
  };
}

/** A series a file only summarised: its stated n, mean and sd, no samples. */
export function stated(file: string, metric: string, summary: { n: number | null; mean: number; sd: number | null; min?: number; max?: number }, extra: Partial<Series> = {}): Series {
  const labels = extra.labels ?? {};
  const { n, mean: m, sd } = summary;
  return {
    id: seriesId(file, metric, labels),
    file,
    metric,
    labels,
    unit: 'tok/s',
    direction: 'higher',
    directionSource: 'inferred',
    source: 'summary',
    stats: { n, mean: m, sd, cv: sd === null || m === 0 ? null : (sd / Math.abs(m)) * 100, min: summary.min ?? null, p50: null, p95: null, p99: null, max: summary.max ?? null, approximate: false },
    outliers: [],
    samples: [],
    ...extra,
  };
}

import type { SeriesStats } from '../model/series.js';

/**
 * Reading snapshot.json schema 2 (docs/report-json.md), still in users'
 * caches: its statistics were an array `[n, mean, sd, min, p50, p95, p99,
 * max]`, then 1 when approximate, trailing entries left out (the order
 * statistics then the mean for a single value, else null; `sd` null).
 * Schema 4 of report.json and 3 of snapshot.json write the series table
 * (series-table.ts).
 */

/** The statistics from schema 2's array (without `cv`, which the caller derives); entries are taken as written. */
export function statsFromArray(a: readonly unknown[]): Omit<SeriesStats, 'cv'> {
  const single = a[0] === 1;
  const at = (i: number) => (i < a.length ? a[i] : i >= 3 && single ? a[1] : null);
  return {
    n: at(0),
    mean: a[1],
    sd: at(2),
    min: at(3),
    p50: at(4),
    p95: at(5),
    p99: at(6),
    max: at(7),
    approximate: a[8] === 1,
  } as Omit<SeriesStats, 'cv'>;
}

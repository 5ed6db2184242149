import type { SeriesStats } from '../model/series.js';

/**
 * The written forms of a series' statistics: compactStats for report.json
 * (schema 3), statsAsArray for snapshot.json (schema 2). A field is left out
 * only where its reader can put it back exactly, so thousands of series do
 * not each repeat what they all share. `expandStats` is the inverse of
 * `compactStats`, `statsFromArray` of `statsAsArray`.
 *
 * - `mean` is always written; `n` unless unknown (absent ⇒ null).
 * - A single value (`n` 1): `min`, `p50`, `p95`, `p99` and `max` that equal
 *   the mean, and an `sd`/`cv` that is null, are left out (absent ⇒ the mean,
 *   or null for `sd`/`cv`); one that differs is written, even as null.
 * - Otherwise a null field is left out (absent ⇒ null).
 * - `approximate` only when true (absent ⇒ false).
 */
export type CompactStats = Partial<Record<keyof SeriesStats, number | null | boolean>> & { mean: number };

const SPREAD = ['sd', 'cv'] as const;
const ORDER = ['min', 'p50', 'p95', 'p99', 'max'] as const;

export function compactStats(stats: SeriesStats): CompactStats {
  const out = (stats.n !== null ? { n: stats.n, mean: stats.mean } : { mean: stats.mean }) as CompactStats;
  const single = stats.n === 1;
  for (const key of SPREAD) if (stats[key] !== null) out[key] = stats[key];
  for (const key of ORDER) {
    const v = stats[key];
    if (single ? !Object.is(v, stats.mean) : v !== null) out[key] = v;
  }
  if (stats.approximate) out.approximate = true;
  return out;
}

/** The full statistics from their written form; a present field is taken as written (validation is the reader's). */
export function expandStats(c: Record<string, unknown>): SeriesStats {
  const single = c.n === 1;
  const get = (key: string, absent: unknown) => (key in c ? c[key] : absent);
  return {
    n: get('n', null),
    mean: c.mean,
    sd: get('sd', null),
    cv: get('cv', null),
    min: get('min', single ? c.mean : null),
    p50: get('p50', single ? c.mean : null),
    p95: get('p95', single ? c.mean : null),
    p99: get('p99', single ? c.mean : null),
    max: get('max', single ? c.mean : null),
    approximate: get('approximate', false),
  } as SeriesStats;
}

/** What a reader assumes for absent `samples`: one sample equal to the mean when a one-value series read it, else none. */
export function defaultSamples(s: { source: string; stats: { n: number | null; mean: number } }): number[] {
  return s.source === 'samples' && s.stats.n === 1 ? [s.stats.mean] : [];
}

/** True when `samples` is what defaultSamples would give back (so it may be left out). */
export function samplesAreDefault(s: { source: string; stats: { n: number | null; mean: number } }, samples: readonly number[]): boolean {
  const d = defaultSamples(s);
  return d.length === samples.length && d.every((v, i) => Object.is(v, samples[i]));
}

/** Positions in statsAsArray: n, mean, sd, min, p50, p95, p99, max, then 1 when approximate. */
const POSITIONS = ['n', 'mean', 'sd', 'min', 'p50', 'p95', 'p99', 'max'] as const;

/**
 * The statistics as snapshot.json (schema 2) writes them: one array in the
 * order of POSITIONS (keys are a third of the bytes of a small series),
 * trailing entries left out where they equal what statsFromArray assumes:
 * for a single value (`n` 1) the order statistics are the mean, otherwise
 * null; `sd` null; then `approximate` (1) only when true. `cv` is not in it.
 */
export function statsAsArray(stats: SeriesStats): (number | null)[] {
  const single = stats.n === 1;
  const out: (number | null)[] = POSITIONS.map((key) => stats[key]);
  if (stats.approximate) return [...out, 1];
  const isDefault = (i: number) => {
    const v = out[i] ?? null;
    if (i >= 3) return single ? Object.is(v, stats.mean) : v === null;
    return i === 2 && v === null;
  };
  let end = out.length;
  while (end > 2 && isDefault(end - 1)) end -= 1;
  return out.slice(0, end);
}

/** The statistics from statsAsArray's form (without `cv`, which the caller derives); entries are taken as written. */
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

import { quantileSorted } from 'simple-statistics';
import type { Direction, Outlier, ReplicateRuns, Series, SeriesStats, TableRuns } from '../model/series.js';
import { labelKey } from '../metrics/identity.js';
import { coefficientOfVariation } from '../metrics/stats.js';
import { isObject } from '../util/is-object.js';
import { setOwn } from '../util/own.js';

/**
 * The series table report.json (schema 4) and snapshot.json (schema 3) write
 * (docs/report-json.md): what a series says once, not once per series. A
 * repository of JSON summaries holds thousands of single values, a few per
 * file, so the bytes per series are what sizes both files: the file is
 * written once per group of its series, a metric's name, unit and direction
 * once in `metrics[]`, and each series is a row `[metric, stats, samples?,
 * extra?]`. Every left-out value is one the reader puts back exactly:
 * `encodeSeries` checks each against `decodeSeries` before leaving it out.
 */

/**
 * What a table row holds: a report series (whose samples may be left out,
 * `samplesOmitted` counting them, and whose replicate fields may be left to
 * the pattern) or a snapshot series (no outliers, no direction source).
 */
export type TableSeries = Pick<Series, 'id' | 'file' | 'metric' | 'labels' | 'unit' | 'direction' | 'source' | 'stats' | 'samples' | 'line' | 'factors' | 'experiment' | 'runs'> &
  Partial<Pick<Series, 'directionSource' | 'outliers'>> & {
    samplesOmitted?: number;
    replicates?: Partial<ReplicateRuns> & { pattern: string };
  };

export interface SeriesTable {
  metrics: Record<string, unknown>[];
  series: Record<string, unknown>[];
}

/** The id's part before `::`. */
function keyOfId(id: string): string | undefined {
  const at = id.indexOf('::');
  return at > 0 ? id.slice(0, at) : undefined;
}

function metricKey(s: TableSeries): string {
  return JSON.stringify([s.metric, s.unit, s.direction, s.directionSource ?? 'inferred', s.source]);
}

function metricEntry(s: TableSeries): Record<string, unknown> {
  const out: Record<string, unknown> = { metric: s.metric };
  if (s.unit !== '') out.unit = s.unit;
  out.direction = s.direction;
  if (s.directionSource === 'override') out.directionSource = 'override';
  if (s.source !== 'samples') out.source = s.source;
  return out;
}

/** A group's shared fields: the rows of one group share all of these. */
function groupKey(s: TableSeries): string {
  const r = s.replicates ? { ...s.replicates, runMeans: undefined } : null;
  return JSON.stringify([keyOfId(s.id) ?? null, s.file, s.factors ?? null, s.experiment ?? null, r]);
}

/** Samples a row without `samples` has: the mean for a single value read from samples, else none. */
export function defaultRowSamples(source: string, n: number | null, mean: number): number[] {
  return source === 'samples' && n === 1 ? [mean] : [];
}

/**
 * The order statistics of written samples as the analysis computes them:
 * min and max, and p50/p95/p99 by linear interpolation between closest ranks
 * (R type 7, numpy's default) over the sorted samples.
 */
export function orderOfSamples(samples: readonly number[]): Pick<SeriesStats, 'min' | 'p50' | 'p95' | 'p99' | 'max'> {
  const sorted = samples.slice().sort((a, b) => a - b);
  return {
    min: sorted[0] as number,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[sorted.length - 1] as number,
  };
}

const ORDER = ['min', 'p50', 'p95', 'p99', 'max'] as const;

/** The statistics a row's `stats` (and its samples) stand for; `cv` is the caller's. */
export function decodeStats(raw: unknown, samples: readonly number[]): Omit<SeriesStats, 'cv'> {
  const a: unknown[] = typeof raw === 'number' ? [1, raw] : Array.isArray(raw) ? raw : [];
  const n = (a.length > 0 ? a[0] : null) as number | null;
  const sd = (a.length > 2 ? a[2] : null) as number | null;
  let order: Pick<SeriesStats, 'min' | 'p50' | 'p95' | 'p99' | 'max'>;
  if (a.length > 3) order = { min: a[3] ?? null, p50: a[4] ?? null, p95: a[5] ?? null, p99: a[6] ?? null, max: a[7] ?? null } as typeof order;
  else if (samples.length > 0 && samples.every((v) => typeof v === 'number')) order = orderOfSamples(samples);
  else if (n === 1) {
    const value = a[1] as number;
    order = { min: value, p50: value, p95: value, p99: value, max: value };
  }
  else order = { min: null, p50: null, p95: null, p99: null, max: null };
  // A null mean beside a p50: the file stated a median and no mean (SeriesStats.center).
  if (a[1] === null && typeof order.p50 === 'number') return { n, mean: order.p50, sd, ...order, approximate: a[8] === 1, center: 'median' };
  return { n, mean: a[1] as number, sd, ...order, approximate: a[8] === 1 };
}

function sameStats(a: Omit<SeriesStats, 'cv'>, b: SeriesStats): boolean {
  return (['n', 'mean', 'sd', ...ORDER, 'approximate', 'center'] as const).every((k) => Object.is(a[k], b[k]));
}

/** The shortest `stats` that decodeStats reads back as `stats` beside these samples. */
function encodeStats(stats: SeriesStats, samples: readonly number[]): unknown {
  if (stats.center === 'median') {
    const all: unknown[] = [stats.n, null, stats.sd, ...ORDER.map((k) => stats[k])];
    return stats.approximate ? [...all, 1] : all;
  }
  const candidates: unknown[] = [];
  if (stats.n === 1 && stats.sd === null) candidates.push(stats.mean);
  const head = [stats.n, stats.mean];
  if (stats.sd === null) candidates.push(head);
  candidates.push([...head, stats.sd]);
  for (const c of candidates) if (sameStats(decodeStats(c, samples), stats)) return c;
  const all: unknown[] = [stats.n, stats.mean, stats.sd, ...ORDER.map((k) => stats[k])];
  return stats.approximate ? [...all, 1] : all;
}

const sameLabels = (a: Record<string, string>, b: Record<string, string>) => labelKey(a) === labelKey(b);

/**
 * The groups of the table, in order: a run of consecutive series of one file
 * (the same groupKey) with the same labels of at least two series is a group
 * (its labels written once); runs of one series each (labels that change
 * from series to series, as rows of a CSV) are gathered into one group whose
 * rows say their own labels.
 */
function partition(series: readonly TableSeries[]): TableSeries[][] {
  const out: TableSeries[][] = [];
  let mixed: TableSeries[] | undefined;
  let i = 0;
  while (i < series.length) {
    const first = series[i] as TableSeries;
    const key = groupKey(first);
    let end = i + 1;
    while (end < series.length && groupKey(series[end] as TableSeries) === key && sameLabels((series[end] as TableSeries).labels, first.labels)) end++;
    const run = series.slice(i, end);
    i = end;
    if (run.length === 1 && mixed && groupKey(mixed[0] as TableSeries) === key) mixed.push(first);
    else if (run.length === 1) {
      mixed = run;
      out.push(mixed);
    } else {
      mixed = undefined;
      out.push(run);
    }
  }
  return out;
}

/**
 * The table of `series`, in their order: consecutive series of one file (and
 * the same id file part, factors, experiment and replicate runs) form a group.
 */
export function encodeSeries(series: readonly TableSeries[]): SeriesTable {
  const metrics: Record<string, unknown>[] = [];
  const metricIndex = new Map<string, number>();
  const groups: Record<string, unknown>[] = [];
  let previousKey: string | undefined;
  let previousLabels: Record<string, string> = {};
  for (const members of partition(series)) {
    const first = members[0] as TableSeries;
    const key = groupKey(first);
    const idKey = keyOfId(first.id);
    // Labels every series of the group has, with the same value.
    const shared: Record<string, string> = {};
    for (const [k, v] of Object.entries(first.labels)) if (members.every((s) => s.labels[k] === v)) setOwn(shared, k, v);
    const group: Record<string, unknown> = {};
    if (key === previousKey) {
      // A continuation: the previous group's file, key, factors, experiment and runs; its labels as they change.
      const changed: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(shared)) if (previousLabels[k] !== v) setOwn(changed, k, v);
      for (const k of Object.keys(previousLabels)) if (!Object.hasOwn(shared, k)) setOwn(changed, k, null);
      group.labels = changed;
    } else {
      group.file = first.file;
      if (idKey !== undefined && idKey !== first.file) group.key = idKey;
      if (Object.keys(shared).length > 0) group.labels = shared;
      if (first.factors && Object.keys(first.factors).length > 0) group.factors = first.factors;
      if (first.experiment !== undefined) group.experiment = first.experiment;
      if (first.replicates) {
        const { runMeans: _runMeans, ...r } = first.replicates;
        group.replicates = r;
      }
    }
    previousKey = key;
    previousLabels = shared;
    const line = first.line;
    const sharedLine = line !== undefined && members.every((s) => s.line === line);
    if (sharedLine) group.line = line;
    group.rows = members.map((s) => {
      const mk = metricKey(s);
      let m = metricIndex.get(mk);
      if (m === undefined) {
        m = metrics.length;
        metricIndex.set(mk, m);
        metrics.push(metricEntry(s));
      }
      const written = s.samplesOmitted === undefined;
      const samplesAsRead = written ? s.samples : [];
      const row: unknown[] = [m, encodeStats(s.stats, samplesAsRead)];
      const extra: Record<string, unknown> = {};
      const own: Record<string, string> = {};
      for (const [k, v] of Object.entries(s.labels)) if (!Object.hasOwn(shared, k)) setOwn(own, k, v);
      if (Object.keys(own).length > 0) extra.labels = own;
      const derived = `${idKey ?? s.file}::${s.metric}${labelKey(s.labels)}`;
      if (s.id !== derived) {
        if (s.id.startsWith(derived)) extra.idSuffix = s.id.slice(derived.length);
        else extra.id = s.id;
      }
      if (!Object.is(s.stats.cv, coefficientOfVariation(s.stats.mean, s.stats.sd))) extra.cv = s.stats.cv;
      if (s.outliers && s.outliers.length > 0) extra.outliers = s.outliers.map((o) => [o.index, o.value]);
      if (!written) extra.samplesOmitted = s.samplesOmitted;
      if (!sharedLine && s.line !== undefined) extra.line = s.line;
      if (s.replicates?.runMeans) extra.runMeans = s.replicates.runMeans;
      if (s.runs) extra.runs = s.runs;
      if (s.stats.percentiles) extra.percentiles = s.stats.percentiles;
      const defaults = defaultRowSamples(s.source, s.stats.n, s.stats.mean);
      const samplesDefault = written && defaults.length === s.samples.length && defaults.every((v, j) => Object.is(v, s.samples[j]));
      if (written && !samplesDefault) row.push(s.samples);
      if (Object.keys(extra).length > 0) row.push(extra);
      return row;
    });
    groups.push(group);
  }
  return { metrics, series: groups };
}

/**
 * The series a table holds, in order, every absent field put back; values
 * are taken as written (a caller that needs them checked checks them). Rows
 * that are not arrays, and metrics that are not objects, give `undefined`
 * fields for the caller's validation to name.
 */
export function decodeSeries(metrics: unknown, groups: unknown): TableSeries[] {
  const table = Array.isArray(metrics) ? metrics : [];
  const out: TableSeries[] = [];
  let previous: { g: Record<string, unknown>; labels: Record<string, string> } | undefined;
  for (const raw of Array.isArray(groups) ? groups : []) {
    if (!isObject(raw) || !Array.isArray(raw.rows)) continue;
    // A group without `file` continues the previous one: its file, key, factors, experiment and runs, its labels changed as it says.
    const continues = !('file' in raw) && previous !== undefined;
    const g: Record<string, unknown> = continues ? { ...previous?.g, line: raw.line, rows: raw.rows } : raw;
    const shared: Record<string, string> = continues ? { ...previous?.labels } : {};
    if (isObject(raw.labels)) {
      for (const [k, v] of Object.entries(raw.labels)) {
        if (v === null) delete shared[k];
        else setOwn(shared, k, v as string);
      }
    }
    previous = { g, labels: shared };
    const file = g.file as string;
    const idKey = typeof g.key === 'string' ? g.key : file;
    for (const row of g.rows as unknown[]) {
      const r = Array.isArray(row) ? row : [];
      const metric = table[r[0] as number];
      const m: Record<string, unknown> = isObject(metric) ? metric : {};
      const extra: Record<string, unknown> = isObject(r[r.length - 1]) ? (r[r.length - 1] as Record<string, unknown>) : {};
      const source = (m.source ?? 'samples') as TableSeries['source'];
      const rawStats = r[1];
      const n0 = typeof rawStats === 'number' ? 1 : Array.isArray(rawStats) ? (rawStats[0] as number | null) : null;
      const mean0 = typeof rawStats === 'number' ? rawStats : Array.isArray(rawStats) ? (rawStats[1] as number) : NaN;
      const omitted = 'samplesOmitted' in extra;
      const samples = Array.isArray(r[2]) ? (r[2] as number[]) : omitted ? [] : defaultRowSamples(source, n0, mean0);
      const read = decodeStats(rawStats, samples);
      const cv = 'cv' in extra ? (extra.cv as number | null) : typeof read.mean === 'number' ? coefficientOfVariation(read.mean, read.sd) : null;
      const labels = { ...shared, ...(isObject(extra.labels) ? (extra.labels as Record<string, string>) : {}) };
      const s: TableSeries = {
        id: typeof extra.id === 'string' ? extra.id : `${idKey}::${String(m.metric)}${labelKey(labels)}${typeof extra.idSuffix === 'string' ? extra.idSuffix : ''}`,
        file,
        metric: m.metric as string,
        labels,
        unit: (m.unit ?? '') as string,
        direction: m.direction as Direction,
        directionSource: m.directionSource === 'override' ? 'override' : 'inferred',
        source,
        stats: { n: read.n, mean: read.mean, sd: read.sd, cv, min: read.min, p50: read.p50, p95: read.p95, p99: read.p99, max: read.max, approximate: read.approximate, ...(read.center ? { center: read.center } : {}) },
        outliers: Array.isArray(extra.outliers) ? (extra.outliers as unknown[]).map((o) => (Array.isArray(o) ? { index: o[0], value: o[1] } : o) as Outlier) : [],
        samples,
      };
      if (omitted) s.samplesOmitted = extra.samplesOmitted as number;
      const line = 'line' in extra ? extra.line : g.line;
      if (line !== undefined) s.line = line as number;
      if (isObject(g.replicates)) {
        const rep: TableSeries['replicates'] = { ...(g.replicates as { pattern: string }) };
        if (Array.isArray(extra.runMeans)) rep.runMeans = extra.runMeans as number[];
        s.replicates = rep;
      }
      if (isObject(extra.runs)) s.runs = extra.runs as unknown as TableRuns;
      if (isObject(extra.percentiles)) s.stats.percentiles = extra.percentiles as Record<string, number>;
      if (isObject(g.factors)) s.factors = g.factors as Record<string, string>;
      if (typeof g.experiment === 'string') s.experiment = g.experiment;
      out.push(s);
    }
  }
  return out;
}

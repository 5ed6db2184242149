import { promises as fs } from 'node:fs';
import type { Series, SeriesStats, TableRuns } from '../model/series.js';
import type { Report } from '../model/report.js';
import { writeJson, writeToFile, type Sink } from '../report/write.js';
import { redactJsonValue } from '../util/redact.js';
import { statsFromArray } from '../report/compact.js';
import { decodeSeries, defaultRowSamples, encodeSeries, type TableSeries } from '../report/series-table.js';
import { coefficientOfVariation } from '../metrics/stats.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotSeries } from '../model/snapshot.js';
import { HardwareError, validateHardware } from '../hardware/validate.js';
import { HARDWARE_ID } from '../model/hardware.js';
import { isObject } from '../util/is-object.js';

/**
 * Samples kept per series. Enough for a test on any realistic benchmark (the
 * stats keep the exact mean, sd and n of all samples), small enough that a
 * snapshot of thousands of series stays a few megabytes in the cache.
 */
export const SNAPSHOT_SAMPLE_LIMIT = 1000;

/** The report's configuration entries that change ids, units or directions. */
const MATCHING_CONFIG = ['path', 'patterns', 'format', 'directions', 'units', 'metrics'] as const;

export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`Baseline snapshot ${file}: ${message}`);
    this.name = 'SnapshotError';
  }
}

/**
 * What a snapshot keeps of each series. `baseline` (a cache entry, the
 * `snapshot` command): what the gate reads of a baseline, n, mean, sd and the
 * median, plus the samples (capped) when the compared statistic is the
 * median (the bootstrap resamples them); a single value keeps everything, as
 * it is the mean. `full` (a shard, a merged snapshot): every statistic and
 * the samples, which a merge turns back into series, findings and report.
 */
export type SnapshotDetail = 'baseline' | 'full';

export interface SnapshotOptions {
  detail?: SnapshotDetail;
  /** With `baseline`: the gate's statistic (the report's `statistic` input); median keeps p50 and the samples. */
  statistic?: string;
}

function baselineStats(stats: SeriesStats): SeriesStats {
  if (stats.n === 1) return { ...stats };
  // The median stays whatever the statistic: a run that switches to `statistic: median` must compare
  // medians with a median, never with the mean a mean-run's cache holds (one number per series).
  return { ...stats, min: null, p95: null, p99: null, max: null };
}

export function snapshotSeries(s: Series | SnapshotSeries, options: SnapshotOptions = {}): SnapshotSeries {
  const full = options.detail !== 'baseline';
  const median = options.statistic === 'median';
  const keepSamples = full || median || (s.stats.n === 1 && s.samples.length === 1);
  const out: SnapshotSeries = {
    id: s.id,
    file: s.file,
    metric: s.metric,
    labels: { ...s.labels },
    unit: s.unit,
    direction: s.direction,
    source: s.source,
    stats: full ? { ...s.stats } : baselineStats(s.stats),
    samples: keepSamples ? s.samples.slice(0, SNAPSHOT_SAMPLE_LIMIT) : [],
  };
  if (s.line !== undefined) out.line = s.line;
  if (s.factors && Object.keys(s.factors).length > 0) out.factors = { ...s.factors };
  if (s.experiment !== undefined) out.experiment = s.experiment;
  if (full) {
    const runs = runsOf(s);
    if (runs) out.runs = runs;
  }
  return out;
}

/**
 * The runs a series' values came from: its replicate files' means, or its
 * table's runs. Past SNAPSHOT_SAMPLE_LIMIT runs none: a merge then tests on
 * the samples, with as many runs as that they are nearly as many.
 */
function runsOf(s: Series | SnapshotSeries): TableRuns | undefined {
  const runs = 'replicates' in s && s.replicates ? { means: s.replicates.runMeans, keys: s.replicates.files } : s.runs;
  if (!runs || runs.means.length === 0 || runs.means.length > SNAPSHOT_SAMPLE_LIMIT) return undefined;
  return { ...runs, means: runs.means.slice(), keys: runs.keys.slice() };
}

/**
 * Every series of the report, for one commit: what later runs compare
 * against. By default what a baseline needs (SnapshotDetail `baseline`, with
 * the report's `statistic`); `{ detail: 'full' }` for shards.
 */
export function createSnapshot(report: Report, options: { detail?: SnapshotDetail } = {}): Snapshot {
  const detail = options.detail ?? 'baseline';
  const seriesOptions: SnapshotOptions = { detail, statistic: report.config.statistic ?? 'mean' };
  const config: Record<string, string> = {};
  for (const key of MATCHING_CONFIG) {
    const value = report.config[key];
    if (value !== undefined) config[key] = value;
  }
  const snapshot: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: 'chimera-insight',
    toolVersion: report.toolVersion,
    createdAt: report.generatedAt,
    config,
    series: report.series.map((s) => snapshotSeries(s, seriesOptions)),
  };
  if (report.commit) snapshot.commit = { ...report.commit };
  if (report.hardware) snapshot.hardware = report.hardware;
  return snapshot;
}

/** The file a series id names when the id is `<file>::<metric…>`; what a snapshot's absent `file` means. */
function fileOfId(id: string): string | undefined {
  const at = id.indexOf('::');
  return at > 0 ? id.slice(0, at) : undefined;
}

/**
 * The metric and labels an id's tail (after `::`) spells as seriesId writes
 * it, `metric{a=1,b=2}#2`: what a snapshot's absent `metric` and `labels`
 * mean. A writer leaves them out only when this gives them back exactly.
 */
function nameOfTail(tail: string): { metric: string; labels: Record<string, string> } {
  const bare = tail.replace(/#\d+$/, '');
  const open = bare.indexOf('{');
  if (open < 0 || !bare.endsWith('}')) return { metric: bare, labels: {} };
  const labels: Record<string, string> = {};
  for (const pair of bare.slice(open + 1, -1).split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0) return { metric: bare, labels: {} };
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { metric: bare.slice(0, open), labels };
}

function sameEntries(a: Record<string, string>, b: Record<string, string>): boolean {
  const x = Object.entries(a);
  const y = Object.entries(b);
  return x.length === y.length && x.every(([k, v], i) => y[i]?.[0] === k && y[i]?.[1] === v);
}

/** A schema-2 series with its absent fields put back; present ones are left as they are for validateSnapshot to check. */
function expandSnapshotSeries(raw: unknown, previous: unknown): unknown {
  if (!isObject(raw)) return raw;
  const s: Record<string, unknown> = { ...raw };
  const same = !('id' in s) && typeof s.tail === 'string' && isObject(previous) && typeof previous.id === 'string' && fileOfId(previous.id) !== undefined ? previous : undefined;
  if (same) s.id = `${fileOfId(same.id as string) as string}::${s.tail as string}`;
  delete s.tail;
  const id = typeof s.id === 'string' ? s.id : undefined;
  const file = id === undefined ? undefined : fileOfId(id);
  if (!('file' in s)) s.file = same ? same.file : file;
  for (const key of ['factors', 'experiment'] as const) {
    if (!(key in s)) {
      if (same && same[key] !== undefined) s[key] = same[key];
    } else if (s[key] === null) delete s[key];
  }
  if (!('metric' in s) && id !== undefined && file !== undefined) {
    const named = nameOfTail(id.slice(file.length + 2));
    s.metric = named.metric;
    if (!('labels' in s)) s.labels = named.labels;
  }
  if (!('labels' in s)) s.labels = {};
  if (!('unit' in s)) s.unit = '';
  if (!('source' in s)) s.source = 'samples';
  if (Array.isArray(s.stats)) {
    const read = statsFromArray(s.stats);
    const cv = 'cv' in s ? s.cv : typeof read.mean === 'number' && (read.sd === null || typeof read.sd === 'number') ? coefficientOfVariation(read.mean, read.sd) : null;
    const stats = { n: read.n, mean: read.mean, sd: read.sd, cv, min: read.min, p50: read.p50, p95: read.p95, p99: read.p99, max: read.max, approximate: read.approximate } as SeriesStats;
    delete s.cv;
    s.stats = stats;
    if (!('samples' in s) && (s.source === 'samples' || s.source === 'summary')) s.samples = defaultRowSamples(s.source, stats.n, stats.mean);
  }
  return s;
}

/** A snapshot series as a row of the series table (src/report/series-table.ts). */
function tableSeriesOf(s: SnapshotSeries): TableSeries {
  const out: TableSeries = { id: s.id, file: s.file, metric: s.metric, labels: s.labels, unit: s.unit, direction: s.direction, source: s.source, stats: s.stats, samples: s.samples };
  if (s.line !== undefined) out.line = s.line;
  if (s.factors) out.factors = s.factors;
  if (s.experiment !== undefined) out.experiment = s.experiment;
  if (s.runs) out.runs = s.runs;
  return out;
}

/** A series read from the table, as a snapshot series (values unchecked: validateSnapshot checks them). */
function snapshotSeriesOf(t: TableSeries): SnapshotSeries {
  const out: SnapshotSeries = { id: t.id, file: t.file, metric: t.metric, labels: t.labels, unit: t.unit, direction: t.direction, source: t.source, stats: t.stats, samples: t.samples };
  if (t.line !== undefined) out.line = t.line;
  if (t.factors !== undefined) out.factors = t.factors;
  if (t.experiment !== undefined) out.experiment = t.experiment;
  if (t.runs !== undefined) out.runs = t.runs;
  return out;
}

/** The snapshot as snapshot.json holds it (schema 3): its series as the series table (`metrics`, `series` of file groups). */
export function snapshotForJson(snapshot: Snapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot)) {
    if (key === 'schemaVersion') out.schemaVersion = SNAPSHOT_SCHEMA_VERSION;
    else if (key === 'series') {
      const table = encodeSeries(snapshot.series.map(tableSeriesOf));
      out.metrics = table.metrics;
      out.series = table.series;
    } else out[key] = value;
  }
  return out;
}

export function serialiseSnapshot(snapshot: Snapshot): string {
  // Redacted like report.json; ids already are (seriesId), so a baseline read back matches.
  return `${JSON.stringify(snapshotForJson(snapshot), redactJsonValue)}\n`;
}

/** The text serialiseSnapshot returns, streamed: a snapshot of many series is never one string. */
export async function writeSnapshotJson(snapshot: Snapshot, sink: Sink): Promise<void> {
  await writeJson(snapshotForJson(snapshot), sink, redactJsonValue, { compact: true, nativeDepth: 3, nativeArrayDepth: 4 });
  const done = sink('\n');
  if (done && typeof (done as Promise<unknown>).then === 'function') await done;
}

export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await writeToFile(file, (sink) => writeSnapshotJson(snapshot, sink));
}

/** Reads and validates a snapshot; every failure names the file and what is wrong. */
export async function readSnapshot(file: string, displayName = file): Promise<Snapshot> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new SnapshotError(displayName, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseSnapshot(text, displayName);
}

export function parseSnapshot(text: string, file: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SnapshotError(file, `is not valid JSON (${(err as Error).message})`);
  }
  return validateSnapshot(data, file);
}

/** True when the JSON text at least claims to be a snapshot (to tell it from benchmark JSON). */
export function looksLikeSnapshot(data: unknown): boolean {
  return isObject(data) && data.tool === 'chimera-insight' && 'schemaVersion' in data && Array.isArray(data.series) && 'createdAt' in data;
}

/** Snapshots this version reads: 1 (every field written), 2 (defaults left out) and 3 (the series table), all in users' caches. */
const READABLE_VERSIONS = new Set([1, 2, 3]);
const DIRECTIONS = new Set(['higher', 'lower', 'none']);
const NULLABLE_STATS = ['n', 'sd', 'cv', 'min', 'p50', 'p95', 'p99', 'max'] as const;

export function validateSnapshot(data: unknown, file: string): Snapshot {
  const fail = (message: string): never => {
    throw new SnapshotError(file, message);
  };
  if (!isObject(data)) return fail('is not a JSON object');
  if (data.tool !== 'chimera-insight') fail('is not a Chimera Insight snapshot (its "tool" is not "chimera-insight")');
  if (typeof data.schemaVersion !== 'number') fail('has no schemaVersion');
  if (!READABLE_VERSIONS.has(data.schemaVersion as number)) {
    fail(
      (data.schemaVersion as number) > SNAPSHOT_SCHEMA_VERSION
        ? `has schema version ${String(data.schemaVersion)}, written by a newer Chimera Insight; this version reads versions 1 to ${SNAPSHOT_SCHEMA_VERSION}`
        : `has schema version ${String(data.schemaVersion)}; this version reads versions 1 to ${SNAPSHOT_SCHEMA_VERSION}`,
    );
  }
  if (typeof data.createdAt !== 'string' || Number.isNaN(Date.parse(data.createdAt))) fail('createdAt must be an ISO time');
  if (typeof data.toolVersion !== 'string') fail('toolVersion must be a string');
  if (!isObject(data.config) || Object.values(data.config).some((v) => typeof v !== 'string')) fail('config must be an object of strings');
  if (data.commit !== undefined) {
    const c = data.commit;
    if (!isObject(c) || typeof c.sha !== 'string' || (c.ref !== undefined && typeof c.ref !== 'string')) fail('commit must be { sha, ref? } strings');
  }
  if (data.hardware !== undefined) data.hardware = hardwareOf(data.hardware, 'hardware', fail);
  if (data.merged !== undefined) {
    const m = data.merged;
    if (!isObject(m) || typeof m.label !== 'string' || !HARDWARE_ID.test(m.label) || !Array.isArray(m.hardware) || m.hardware.length > MAX_MERGED_HARDWARE) {
      return fail(`merged must be { label, hardware: [at most ${MAX_MERGED_HARDWARE}] }`);
    }
    m.hardware = m.hardware.map((h: unknown, i: number) => hardwareOf(h, `merged.hardware[${i}]`, fail));
  }
  if (!Array.isArray(data.series)) return fail('series must be an array');
  // Version 1 wrote every field; version 2 leaves out what the reader can put back; version 3 writes the series table.
  let series: unknown[] = [];
  // Where each series is written, for messages: `series[i]`, or in the table `series[g].rows[r]`.
  const where: string[] = [];
  if (data.schemaVersion === 3) {
    if (!Array.isArray(data.metrics)) return fail('metrics must be an array');
    (data.series as unknown[]).forEach((g, i) => {
      // A group without `file` continues the one before it.
      if (!isObject(g) || (typeof g.file !== 'string' && !(i > 0 && !('file' in g))) || !Array.isArray(g.rows)) fail(`series[${i}] must be { file, rows[] }`);
      (g as { rows: unknown[] }).rows.forEach((r, j) => {
        if (!Array.isArray(r) || !Number.isInteger(r[0]) || !isObject((data.metrics as unknown[])[r[0] as number])) fail(`series[${i}].rows[${j}] must be [metric, stats, …] naming an entry of metrics`);
        where.push(`series[${i}].rows[${j}]`);
      });
    });
    series = decodeSeries(data.metrics, data.series).map(snapshotSeriesOf);
    delete data.metrics;
  } else for (const raw of data.series as unknown[]) series.push(data.schemaVersion === 2 ? expandSnapshotSeries(raw, series[series.length - 1]) : raw);
  data.series = series;
  data.schemaVersion = SNAPSHOT_SCHEMA_VERSION;
  const ids = new Set<string>();
  series.forEach((s: unknown, i: number) => {
    const at = where[i] ?? `series[${i}]`;
    if (!isObject(s)) return fail(`${at} is not an object`);
    for (const key of ['id', 'file', 'metric', 'unit'] as const) {
      if (typeof s[key] !== 'string') fail(`${at}.${key} must be a string`);
    }
    if (ids.has(s.id as string)) fail(`${at}.id "${String(s.id)}" appears twice`);
    ids.add(s.id as string);
    if (!isObject(s.labels) || Object.values(s.labels).some((v) => typeof v !== 'string')) fail(`${at}.labels must be an object of strings`);
    if (!DIRECTIONS.has(s.direction as string)) fail(`${at}.direction must be higher, lower or none`);
    if (s.source !== 'samples' && s.source !== 'summary') fail(`${at}.source must be samples or summary`);
    if (!isObject(s.stats)) return fail(`${at}.stats must be an object`);
    if (!isFiniteNumber(s.stats.mean)) fail(`${at}.stats.mean must be a finite number`);
    for (const key of NULLABLE_STATS) {
      const v = s.stats[key];
      if (v !== null && !isFiniteNumber(v)) fail(`${at}.stats.${key} must be a number or null`);
    }
    if (typeof s.stats.approximate !== 'boolean') fail(`${at}.stats.approximate must be true or false`);
    if (!Array.isArray(s.samples) || !s.samples.every(isFiniteNumber)) fail(`${at}.samples must be an array of finite numbers`);
    if (s.line !== undefined && !(Number.isInteger(s.line) && (s.line as number) > 0)) fail(`${at}.line must be a positive whole number`);
    if (s.factors !== undefined && (!isObject(s.factors) || Object.values(s.factors).some((v) => typeof v !== 'string'))) fail(`${at}.factors must be an object of strings`);
    if (s.experiment !== undefined && typeof s.experiment !== 'string') fail(`${at}.experiment must be a string`);
    if (s.runs !== undefined) {
      const runs = s.runs;
      if (!isObject(runs) || !Array.isArray(runs.means) || runs.means.length === 0 || !runs.means.every(isFiniteNumber)) fail(`${at}.runs.means must be an array of finite numbers, one or more`);
      else if (!Array.isArray(runs.keys) || runs.keys.length !== runs.means.length || !runs.keys.every((k) => typeof k === 'string')) fail(`${at}.runs.keys must be an array of strings, one per mean`);
      else if (runs.column !== undefined && typeof runs.column !== 'string') fail(`${at}.runs.column must be a string`);
    }
  });
  return data as unknown as Snapshot;
}

/** Machines a merged snapshot may list: the merge's own cap on shards. */
const MAX_MERGED_HARDWARE = 256;

function hardwareOf(value: unknown, at: string, fail: (message: string) => never) {
  try {
    return validateHardware(value);
  } catch (err) {
    if (err instanceof HardwareError) return fail(`${at}: ${err.message}`);
    throw err;
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

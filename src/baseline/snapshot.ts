import { promises as fs } from 'node:fs';
import type { Series } from '../model/series.js';
import type { Report } from '../model/report.js';
import { writeJson, writeToFile, type Sink } from '../report/write.js';
import { redactJsonValue } from '../util/redact.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotSeries } from '../model/snapshot.js';
import { HardwareError, validateHardware } from '../hardware/validate.js';
import { HARDWARE_ID } from '../model/hardware.js';

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

export function snapshotSeries(s: Series | SnapshotSeries): SnapshotSeries {
  const out: SnapshotSeries = {
    id: s.id,
    file: s.file,
    metric: s.metric,
    labels: { ...s.labels },
    unit: s.unit,
    direction: s.direction,
    source: s.source,
    stats: { ...s.stats },
    samples: s.samples.slice(0, SNAPSHOT_SAMPLE_LIMIT),
  };
  if (s.line !== undefined) out.line = s.line;
  if (s.factors && Object.keys(s.factors).length > 0) out.factors = { ...s.factors };
  if (s.experiment !== undefined) out.experiment = s.experiment;
  return out;
}

/** Every series of the report, for one commit: what later runs compare against. */
export function createSnapshot(report: Report): Snapshot {
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
    series: report.series.map(snapshotSeries),
  };
  if (report.commit) snapshot.commit = { ...report.commit };
  if (report.hardware) snapshot.hardware = report.hardware;
  return snapshot;
}

export function serialiseSnapshot(snapshot: Snapshot): string {
  // Redacted like report.json; ids already are (seriesId), so a baseline read back matches.
  return `${JSON.stringify(snapshot, redactJsonValue)}\n`;
}

/** The text serialiseSnapshot returns, streamed: a snapshot of many series is never one string. */
export async function writeSnapshotJson(snapshot: Snapshot, sink: Sink): Promise<void> {
  await writeJson(snapshot, sink, redactJsonValue, { compact: true, nativeDepth: 2 });
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DIRECTIONS = new Set(['higher', 'lower', 'none']);
const NULLABLE_STATS = ['n', 'sd', 'cv', 'min', 'p50', 'p95', 'p99', 'max'] as const;

export function validateSnapshot(data: unknown, file: string): Snapshot {
  const fail = (message: string): never => {
    throw new SnapshotError(file, message);
  };
  if (!isObject(data)) return fail('is not a JSON object');
  if (data.tool !== 'chimera-insight') fail('is not a Chimera Insight snapshot (its "tool" is not "chimera-insight")');
  if (typeof data.schemaVersion !== 'number') fail('has no schemaVersion');
  if (data.schemaVersion !== SNAPSHOT_SCHEMA_VERSION) {
    fail(
      (data.schemaVersion as number) > SNAPSHOT_SCHEMA_VERSION
        ? `has schema version ${String(data.schemaVersion)}, written by a newer Chimera Insight; this version reads version ${SNAPSHOT_SCHEMA_VERSION}`
        : `has schema version ${String(data.schemaVersion)}; this version reads version ${SNAPSHOT_SCHEMA_VERSION}`,
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
  const ids = new Set<string>();
  data.series.forEach((s: unknown, i: number) => {
    const at = `series[${i}]`;
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

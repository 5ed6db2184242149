/**
 * The default-branch history (model/branch-history.ts): appending a run with
 * its caps, reading and validating history.json, and the per-series run
 * summaries a comparison learns noise from. Pure except read/write.
 */
import { promises as fs } from 'node:fs';
import { HISTORY_SCHEMA_VERSION, type BranchHistory, type HistoryKey, type HistoryRun, type HistoryValue } from '../model/branch-history.js';
import type { Snapshot, SnapshotSeries } from '../model/snapshot.js';
import type { RunValue } from './noise.js';
import { alignNewestRuns, runIds } from './sources/history.js';
import { isObject } from '../util/is-object.js';

/** Largest history.json kept: the oldest runs go first past it. */
export const MAX_HISTORY_BYTES = 4 * 1024 * 1024;
/** Most series a history follows; this run's series come first (gated ones before the rest), then those seen most recently. */
export const MAX_HISTORY_SERIES = 5000;

export const HISTORY_FILE = 'history.json';

export interface HistoryLimits {
  /** Runs kept (history-size). */
  runs: number;
  bytes?: number;
  series?: number;
}

/**
 * The series a run is remembered by: each timestamped benchmark's newest run
 * and every other series (as the comparison aligns them), under keys that stay
 * the same from run to run: timestamps in paths normalised, repeats numbered
 * within the run (`runs/<ts>/x.csv::tokens_s{model=a}`).
 */
export function stableKeys(series: readonly SnapshotSeries[]): { key: string; series: SnapshotSeries }[] {
  const compared = alignNewestRuns(series, series).head;
  return runIds(compared).map((s, i) => ({ key: s.id, series: compared[i] as SnapshotSeries }));
}

function valueOf(s: SnapshotSeries): HistoryValue | null {
  return Number.isFinite(s.stats.mean) ? [s.stats.mean, s.stats.sd, s.stats.n] : null;
}

export function serialiseHistory(history: BranchHistory): string {
  return `${JSON.stringify(history)}\n`;
}

export interface AppendResult {
  history: BranchHistory;
  /** What the caps left out, in words for the log. */
  notes: string[];
}

/**
 * `previous` (when its key matches) plus this run, newest last, keeping the
 * last `limits.runs` runs, at most `limits.series` series and `limits.bytes`
 * bytes (oldest runs dropped first). `first` puts series (e.g. gated ones)
 * ahead of the others when the series cap bites.
 */
export function appendRun(
  previous: BranchHistory | undefined,
  key: HistoryKey,
  snapshot: Snapshot,
  run: { runId?: string },
  limits: HistoryLimits,
  first: (s: SnapshotSeries) => boolean = () => false,
): AppendResult {
  const notes: string[] = [];
  const maxSeries = limits.series ?? MAX_HISTORY_SERIES;
  const maxBytes = limits.bytes ?? MAX_HISTORY_BYTES;
  const current = stableKeys(snapshot.series);
  const ordered = [...current.filter((c) => first(c.series)), ...current.filter((c) => !first(c.series))];
  const keepOld = Math.max(0, limits.runs - 1);
  const old: HistoryRun[] = previous && keepOld > 0 ? previous.runs.slice(-keepOld) : [];
  // Older keys, most recently seen first, after this run's own.
  const lastSeen = new Map<string, number>();
  if (previous) {
    old.forEach((r, age) => r.values.forEach((v, i) => v && lastSeen.set(previous.series[i] as string, age)));
  }
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const c of ordered) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    keys.push(c.key);
  }
  const olderKeys = [...lastSeen.entries()].filter(([k]) => !seen.has(k)).sort((a, b) => b[1] - a[1]).map(([k]) => k);
  keys.push(...olderKeys);
  if (keys.length > maxSeries) {
    notes.push(`${keys.length - maxSeries} series past the ${maxSeries}-series cap are not kept`);
    keys.length = maxSeries;
  }
  const index = new Map(keys.map((k, i) => [k, i]));
  const remap = (r: HistoryRun): HistoryRun => {
    const values: (HistoryValue | null)[] = new Array<HistoryValue | null>(keys.length).fill(null);
    r.values.forEach((v, i) => {
      const at = index.get((previous as BranchHistory).series[i] as string);
      if (v && at !== undefined) values[at] = v;
    });
    return { ...r, values };
  };
  const mine: (HistoryValue | null)[] = new Array<HistoryValue | null>(keys.length).fill(null);
  for (const c of current) {
    const at = index.get(c.key);
    if (at !== undefined && mine[at] === null) mine[at] = valueOf(c.series);
  }
  const newest: HistoryRun = { commit: snapshot.commit?.sha ?? '', createdAt: snapshot.createdAt, values: mine };
  if (run.runId) newest.runId = run.runId;
  let runs = [...old.map(remap), newest];
  let history: BranchHistory = { schemaVersion: HISTORY_SCHEMA_VERSION, tool: 'chimera-insight', kind: 'default-branch-history', key, series: keys, runs };
  let dropped = 0;
  while (runs.length > 1 && Buffer.byteLength(serialiseHistory(history)) > maxBytes) {
    runs = runs.slice(1);
    dropped += 1;
    history = prune({ ...history, runs });
  }
  if (dropped > 0) notes.push(`${dropped} oldest ${dropped === 1 ? 'run' : 'runs'} dropped to stay under ${Math.round(maxBytes / 1024)} KiB`);
  if (Buffer.byteLength(serialiseHistory(history)) > maxBytes) {
    // One run alone is too big: keep the first series that fit (this run's, gated first).
    const perSeries = Buffer.byteLength(serialiseHistory(history)) / Math.max(1, history.series.length);
    const keep = Math.max(0, Math.floor(maxBytes / perSeries) - 1);
    notes.push(`${history.series.length - keep} series dropped to stay under ${Math.round(maxBytes / 1024)} KiB`);
    history = { ...history, series: history.series.slice(0, keep), runs: history.runs.map((r) => ({ ...r, values: r.values.slice(0, keep) })) };
  }
  return { history: prune(history), notes };
}

/** Leaves out series no kept run has a value for. */
function prune(history: BranchHistory): BranchHistory {
  const used = history.series.map((_, i) => history.runs.some((r) => r.values[i] !== null && r.values[i] !== undefined));
  if (used.every(Boolean)) return history;
  return {
    ...history,
    series: history.series.filter((_, i) => used[i]),
    runs: history.runs.map((r) => ({ ...r, values: r.values.filter((_, i) => used[i]) })),
  };
}

export class HistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryError';
  }
}

const nullableNumber = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));

/** Parses and validates history.json; a file of another key (branch, path, hardware) is refused. */
export function parseHistory(text: string, expected: HistoryKey): BranchHistory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new HistoryError(`history.json is not valid JSON (${(err as Error).message})`);
  }
  const fail = (message: string): never => {
    throw new HistoryError(`history.json ${message}`);
  };
  if (!isObject(data) || data.tool !== 'chimera-insight' || data.kind !== 'default-branch-history') return fail('is not a Chimera Insight history');
  if (data.schemaVersion !== HISTORY_SCHEMA_VERSION) fail(`has schema version ${String(data.schemaVersion)}; this version reads ${HISTORY_SCHEMA_VERSION}`);
  const key = data.key;
  if (!isObject(key) || key.branch !== expected.branch || key.scope !== expected.scope || (key.hardware ?? undefined) !== expected.hardware) {
    fail('belongs to another branch, path or hardware');
  }
  if (!Array.isArray(data.series) || !data.series.every((s) => typeof s === 'string')) fail('series must be an array of strings');
  const width = (data.series as string[]).length;
  if (!Array.isArray(data.runs)) return fail('runs must be an array');
  data.runs.forEach((r: unknown, i: number) => {
    if (!isObject(r) || typeof r.commit !== 'string' || typeof r.createdAt !== 'string' || (r.runId !== undefined && typeof r.runId !== 'string')) fail(`runs[${i}] must have commit and createdAt strings`);
    const values = (r as Record<string, unknown>).values;
    if (!Array.isArray(values) || values.length !== width) fail(`runs[${i}].values must have one entry per series`);
    for (const v of values as unknown[]) {
      if (v === null) continue;
      if (!Array.isArray(v) || v.length !== 3 || typeof v[0] !== 'number' || !Number.isFinite(v[0]) || !nullableNumber(v[1]) || !nullableNumber(v[2])) {
        fail(`runs[${i}].values must hold [mean, sd, n] or null`);
      }
    }
  });
  return data as unknown as BranchHistory;
}

export async function readHistory(file: string, expected: HistoryKey): Promise<BranchHistory | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new HistoryError(`history.json cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseHistory(text, expected);
}

export async function writeHistory(file: string, history: BranchHistory): Promise<void> {
  await fs.writeFile(file, serialiseHistory(history));
}

/** One series' runs, oldest first, for the noise estimate and the trend. */
export interface SeriesRuns {
  values: (RunValue & { createdAt: string })[];
}

/**
 * The history of each compared head series, by head id: the head's series get
 * the same stable keys as the runs were saved under. Runs missing a series
 * are skipped, so a series added three runs ago has three values.
 */
export function historyBySeries(history: BranchHistory, head: readonly SnapshotSeries[]): Map<string, SeriesRuns> {
  const column = new Map(history.series.map((k, i) => [k, i]));
  const out = new Map<string, SeriesRuns>();
  const keyed = runIds(head);
  keyed.forEach((k, i) => {
    const at = column.get(k.id);
    if (at === undefined) return;
    const values: SeriesRuns['values'] = [];
    for (const r of history.runs) {
      const v = r.values[at];
      if (v) values.push({ mean: v[0], sd: v[1], n: v[2], commit: r.commit, createdAt: r.createdAt });
    }
    out.set((head[i] as SnapshotSeries).id, { values });
  });
  return out;
}

/**
 * Reading shard folders. Shards are untrusted input: a pull request's job
 * wrote them (a fork's, in the workflow_run pattern), so nothing in them is
 * run, only three JSON files are read, each a regular file (never a symlink,
 * a FIFO or a device) under a size cap checked before reading, and every
 * value is validated before it is used. A folder that cannot be used is one
 * problem naming it, never a silent gap in the merged report.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { parseSnapshot, SNAPSHOT_SAMPLE_LIMIT, SnapshotError } from '../baseline/snapshot.js';
import { HardwareError, HARDWARE_FILE, quotedName, validateHardware } from '../hardware/validate.js';
import type { HardwareIdentity } from '../model/hardware.js';
import type { ExperimentStructure } from '../model/finding.js';
import type { FileEntry, FileStatus, FileType, InputNotice, Inventory, Problem } from '../model/report.js';
import type { Snapshot } from '../model/snapshot.js';
import { fileTypeOf } from '../discover/rules.js';
import { LIMITS } from '../parse/limits.js';
import { formatBytes } from '../util/text.js';
import { isObject } from '../util/is-object.js';

export const SNAPSHOT_FILE = 'snapshot.json';
export const REPORT_FILE = 'report.json';

/** Caps on what a merge reads; docs/several-runners.md lists them. */
export const SHARD_LIMITS = {
  /** Shard folders in one merge. */
  shards: 256,
  snapshotBytes: 256 * 1024 * 1024,
  reportBytes: 64 * 1024 * 1024,
  hardwareBytes: 64 * 1024,
  /** Labels of one series. */
  labels: 64,
  /** Characters of one id, file, metric, label name or value. */
  text: 4096,
  /** Files one shard's inventory may list. */
  files: 100_000,
} as const;

/** A shard folder that could not be merged (or a part of one that was left out), by name. */
export interface ShardProblem {
  /** The folder (or pattern) as the report names it. */
  name: string;
  reason: string;
  /** error: the shard is not in the report; warning: it is, with something missing. */
  level: 'error' | 'warning';
}

export interface Shard {
  name: string;
  dir: string;
  hardware: HardwareIdentity;
  snapshot: Snapshot;
  /** From report.json; absent when it was missing or unreadable (a warning says so). */
  report?: ShardReport;
}

/** What a merge takes from a shard's report.json: its files, notices and structure. */
export interface ShardReport {
  root?: string;
  generatedAt?: string;
  files: FileEntry[];
  git: Inventory['git'];
  notices: InputNotice[];
  experiments?: ExperimentStructure;
}

class ShardFileError extends Error {}

/**
 * A file of a shard, whole, if it is a regular file within `cap` bytes.
 * O_NOFOLLOW and the size checked again on the open descriptor: a file
 * swapped for a symlink or grown after the lstat still cannot be read past
 * the cap. Undefined when the file does not exist.
 */
export async function readCapped(file: string, cap: number): Promise<string | undefined> {
  const info = await fs.lstat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new ShardFileError(`cannot be read (${err.code ?? err.message})`);
  });
  if (!info) return undefined;
  if (!info.isFile()) throw new ShardFileError(info.isSymbolicLink() ? 'is a symbolic link, which a shard may not hold' : 'is not a regular file');
  if (info.size > cap) throw new ShardFileError(`is ${formatBytes(info.size)}, over the ${formatBytes(cap)} a shard file may have`);
  let handle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    throw new ShardFileError(`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > cap) throw new ShardFileError(`is over the ${formatBytes(cap)} a shard file may have`);
    const buffer = Buffer.alloc(Math.min(stat.size, cap) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > cap) throw new ShardFileError(`is over the ${formatBytes(cap)} a shard file may have`);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ShardFileError(`${what} is not valid JSON (${(err as Error).message})`);
  }
}

/** Beyond what validateSnapshot checks: bounds on what one series may carry, and no merged snapshot posing as a shard. */
function checkShardSnapshot(snapshot: Snapshot): void {
  if (snapshot.merged) throw new ShardFileError(`${SNAPSHOT_FILE} is a merged snapshot, not one machine's`);
  if (snapshot.series.length > LIMITS.seriesPerRun) throw new ShardFileError(`${SNAPSHOT_FILE} holds ${snapshot.series.length} series, over the ${LIMITS.seriesPerRun} of one run`);
  const long = (s: string) => s.length > SHARD_LIMITS.text;
  snapshot.series.forEach((s, i) => {
    const at = `${SNAPSHOT_FILE} series[${i}]`;
    if (long(s.id) || long(s.file) || long(s.metric) || long(s.unit)) throw new ShardFileError(`${at} has a name over ${SHARD_LIMITS.text} characters`);
    const labels = Object.entries({ ...s.labels, ...s.factors });
    if (labels.length > SHARD_LIMITS.labels) throw new ShardFileError(`${at} has more than ${SHARD_LIMITS.labels} labels`);
    if (labels.some(([k, v]) => long(k) || long(v)) || (s.experiment !== undefined && long(s.experiment))) throw new ShardFileError(`${at} has a label over ${SHARD_LIMITS.text} characters`);
    if (s.samples.length > SNAPSHOT_SAMPLE_LIMIT) throw new ShardFileError(`${at} has more than ${SNAPSHOT_SAMPLE_LIMIT} samples`);
    if (s.runs && s.runs.means.length > SNAPSHOT_SAMPLE_LIMIT) throw new ShardFileError(`${at} has more than ${SNAPSHOT_SAMPLE_LIMIT} run means`);
    if ((s.runs?.column !== undefined && long(s.runs.column)) || s.runs?.keys.some(long)) throw new ShardFileError(`${at} has a run column name or key over ${SHARD_LIMITS.text} characters`);
  });
}

const FILE_TYPES = new Set<FileType>(['csv', 'json', 'jsonl', 'markdown', 'text', 'other']);
const FILE_STATUSES = new Set<FileStatus>(['parsed', 'skipped', 'failed']);
const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
const clip = (v: unknown) => (typeof v === 'string' ? v.slice(0, SHARD_LIMITS.text) : undefined);

/** One inventory entry rebuilt from what report.json says, field by field; undefined when it is not one. */
function fileEntry(value: unknown, modifiedSource?: unknown): FileEntry | undefined {
  if (!isObject(value)) return undefined;
  const filePath = clip(value.path);
  // Schema 4 leaves out a status of `parsed` and a type its extension says.
  const status = value.status ?? 'parsed';
  if (!filePath || !FILE_STATUSES.has(status as FileStatus)) return undefined;
  const problems: Problem[] = (Array.isArray(value.problems) ? value.problems.slice(0, 20) : []).flatMap((p: unknown) => {
    if (!isObject(p) || typeof p.reason !== 'string') return [];
    return [count(p.line) > 0 ? { line: count(p.line), reason: clip(p.reason) as string } : { reason: clip(p.reason) as string }];
  });
  const entry: FileEntry = {
    path: filePath,
    type: FILE_TYPES.has(value.type as FileType) ? (value.type as FileType) : value.type === undefined ? fileTypeOf(String(value.path)) : 'other',
    size: count(value.size),
    status: status as FileStatus,
    document: value.document === true,
    series: count(value.series),
    rows: count(value.rows),
    excludedRows: count(value.excludedRows),
    problems,
    problemCount: Math.max(problems.length, count(value.problemCount)),
  };
  const adapter = clip(value.adapter);
  if (adapter) entry.adapter = adapter;
  const reason = clip(value.reason);
  if (reason) entry.reason = reason;
  // Schema 3 writes the time alone, its source once for the inventory unless this file's differs; schema 2 wrote both.
  const modified = typeof value.modified === 'string' ? { time: value.modified, source: value.modifiedSource ?? modifiedSource } : value.modified;
  if (isObject(modified) && typeof modified.time === 'string' && !Number.isNaN(Date.parse(modified.time)) && (modified.source === 'git' || modified.source === 'filesystem')) {
    entry.modified = { time: new Date(modified.time).toISOString(), source: modified.source };
  }
  return entry;
}

/** A document report.json (schema 3 and 4) lists by path alone: read, no measurements, no problems. */
function documentEntry(value: unknown): FileEntry | undefined {
  const filePath = clip(value);
  if (!filePath) return undefined;
  return { path: filePath, type: fileTypeOf(filePath), size: 0, status: 'parsed', document: true, series: 0, rows: 0, excludedRows: 0, problems: [], problemCount: 0 };
}

function experimentsOf(value: unknown): ExperimentStructure | undefined {
  if (!isObject(value)) return undefined;
  const groups = (Array.isArray(value.replicateGroups) ? value.replicateGroups.slice(0, 10_000) : []).flatMap((g: unknown) =>
    isObject(g) && typeof g.pattern === 'string' ? [{ pattern: clip(g.pattern) as string, runs: count(g.runs), series: count(g.series) }] : [],
  );
  const factors = (Array.isArray(value.factors) ? value.factors.slice(0, 1000) : []).flatMap((f: unknown) => {
    if (!isObject(f) || typeof f.name !== 'string' || typeof f.where !== 'string' || !Array.isArray(f.levels)) return [];
    const levels = f.levels.slice(0, 1000).filter((l): l is string => typeof l === 'string').map((l) => l.slice(0, SHARD_LIMITS.text));
    return [{ name: clip(f.name) as string, levels, where: clip(f.where) as string, source: f.source === 'input' ? ('input' as const) : ('path' as const) }];
  });
  return { replicateGroups: groups, factors, seriesBeforePooling: count(value.seriesBeforePooling) };
}

/** The parts of report.json a merge uses, each rebuilt from validated values; anything else in it is ignored. */
export function shardReportOf(data: unknown): ShardReport {
  if (!isObject(data) || data.tool !== 'chimera-insight') throw new ShardFileError(`${REPORT_FILE} is not a Chimera Insight report`);
  const inventory = isObject(data.inventory) ? data.inventory : {};
  const rawFiles = Array.isArray(inventory.files) ? inventory.files : [];
  const rawDocuments = Array.isArray(inventory.documents) ? inventory.documents : [];
  if (rawFiles.length + rawDocuments.length > SHARD_LIMITS.files) throw new ShardFileError(`${REPORT_FILE} lists ${rawFiles.length + rawDocuments.length} files, over ${SHARD_LIMITS.files}`);
  const files = [...rawFiles.map((f) => fileEntry(f, inventory.modifiedSource)), ...rawDocuments.map(documentEntry)]
    .filter((f): f is FileEntry => f !== undefined)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const git = isObject(inventory.git) ? { checkout: inventory.git.checkout === true, shallow: inventory.git.shallow === true } : { checkout: false, shallow: false };
  const notices = (Array.isArray(data.notices) ? data.notices.slice(0, 100) : []).flatMap((n: unknown): InputNotice[] =>
    isObject(n) && typeof n.input === 'string' && typeof n.message === 'string' && (n.level === 'warning' || n.level === 'error')
      ? [{ input: n.input.slice(0, 64), message: n.message.slice(0, SHARD_LIMITS.text), level: n.level }]
      : [],
  );
  const out: ShardReport = { files, git, notices };
  const root = clip(data.root);
  if (root) out.root = root;
  if (typeof data.generatedAt === 'string' && !Number.isNaN(Date.parse(data.generatedAt))) out.generatedAt = new Date(data.generatedAt).toISOString();
  const experiments = experimentsOf(data.experiments);
  if (experiments) out.experiments = experiments;
  return out;
}

/**
 * One shard folder: hardware.json and snapshot.json must be there and valid
 * (else the shard is a problem, level error); report.json adds the files
 * read (when it is missing or unreadable the series still count, and a
 * warning says so).
 */
export async function readShard(dir: string, name: string): Promise<{ shard?: Shard; problems: ShardProblem[] }> {
  const problems: ShardProblem[] = [];
  const fail = (reason: string) => ({ problems: [...problems, { name, reason, level: 'error' as const }] });
  let hardware: HardwareIdentity;
  let snapshot: Snapshot;
  try {
    const hardwareText = await readCapped(path.join(dir, HARDWARE_FILE), SHARD_LIMITS.hardwareBytes).catch((err: unknown) => {
      throw err instanceof ShardFileError ? new ShardFileError(`${HARDWARE_FILE} ${err.message}`) : err;
    });
    if (hardwareText === undefined) return fail(`has no ${HARDWARE_FILE} (not a shard folder: write one with mode: shard or chimera-insight shard)`);
    hardware = validateHardware(parseJson(hardwareText, HARDWARE_FILE));
    const snapshotText = await readCapped(path.join(dir, SNAPSHOT_FILE), SHARD_LIMITS.snapshotBytes).catch((err: unknown) => {
      throw err instanceof ShardFileError ? new ShardFileError(`${SNAPSHOT_FILE} ${err.message}`) : err;
    });
    if (snapshotText === undefined) return fail(`has no ${SNAPSHOT_FILE}`);
    snapshot = parseSnapshot(snapshotText, SNAPSHOT_FILE);
    checkShardSnapshot(snapshot);
    if (snapshot.hardware && snapshot.hardware.id !== hardware.id) {
      return fail(`${HARDWARE_FILE} names hardware ${quotedName(hardware.id)} but ${SNAPSHOT_FILE} ${quotedName(snapshot.hardware.id)}`);
    }
  } catch (err) {
    if (err instanceof ShardFileError || err instanceof SnapshotError) return fail(err.message.replace(/^Baseline snapshot /, ''));
    if (err instanceof HardwareError) return fail(`${HARDWARE_FILE} ${err.message}`);
    throw err;
  }
  const shard: Shard = { name, dir, hardware, snapshot };
  try {
    const reportText = await readCapped(path.join(dir, REPORT_FILE), SHARD_LIMITS.reportBytes);
    if (reportText === undefined) problems.push({ name, reason: `has no ${REPORT_FILE}: its series are merged, its files are not listed`, level: 'warning' });
    else shard.report = shardReportOf(parseJson(reportText, REPORT_FILE));
  } catch (err) {
    if (!(err instanceof ShardFileError)) throw err;
    problems.push({ name, reason: `${err.message.startsWith(REPORT_FILE) ? '' : `${REPORT_FILE} `}${err.message}: its series are merged, its files are not listed`, level: 'warning' });
  }
  return { shard, problems };
}

async function isShardFolder(dir: string): Promise<boolean> {
  for (const file of [HARDWARE_FILE, SNAPSHOT_FILE]) {
    const info = await fs.lstat(path.join(dir, file)).catch(() => undefined);
    if (info) return true;
  }
  return false;
}

async function realDirectory(dir: string): Promise<boolean> {
  const info = await fs.lstat(dir).catch(() => undefined);
  return info?.isDirectory() === true;
}

/** The name a shard goes by: its path relative to `cwd` when inside it, else its folder name. */
function shardName(dir: string, cwd: string): string {
  const rel = path.relative(cwd, dir);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return (inside ? rel : path.basename(dir)).split(path.sep).join('/');
}

export interface ShardFolders {
  folders: { dir: string; name: string }[];
  problems: ShardProblem[];
}

/**
 * Shard folders from `patterns` (globs or paths, relative to `cwd`): a
 * matched folder that holds hardware.json or snapshot.json is a shard; one
 * that does not (the folder actions/download-artifact fills) stands for the
 * shard folders inside it. Symlinked folders are never followed. A pattern
 * that finds nothing and a folder holding no shard are problems, by name.
 */
export async function findShardFolders(patterns: readonly string[], cwd: string): Promise<ShardFolders> {
  const problems: ShardProblem[] = [];
  const seen = new Set<string>();
  const folders: ShardFolders['folders'] = [];
  const add = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    folders.push({ dir, name: shardName(dir, cwd) });
  };
  for (const pattern of patterns) {
    const literal = path.resolve(cwd, pattern);
    const matches = (await realDirectory(literal))
      ? [literal]
      : (await fg(pattern.split(path.sep).join('/'), { cwd, onlyDirectories: true, followSymbolicLinks: false, absolute: true, unique: true, suppressErrors: true })).map((p) => path.resolve(p)).sort();
    if (matches.length === 0) {
      problems.push({ name: pattern, reason: 'matches no folder', level: 'error' });
      continue;
    }
    for (const dir of matches) {
      if (await isShardFolder(dir)) {
        add(dir);
        continue;
      }
      const inner = (await fs.readdir(dir, { withFileTypes: true }).catch(() => []))
        .filter((e) => e.isDirectory())
        .map((e) => path.join(dir, e.name))
        .sort();
      const shards: string[] = [];
      for (const d of inner) if (await isShardFolder(d)) shards.push(d);
      if (shards.length === 0) problems.push({ name: shardName(dir, cwd), reason: `holds no shard (no ${HARDWARE_FILE} or ${SNAPSHOT_FILE} in it or in a folder inside it)`, level: 'error' });
      for (const d of shards) add(d);
    }
  }
  if (folders.length > SHARD_LIMITS.shards) {
    for (const f of folders.slice(SHARD_LIMITS.shards)) problems.push({ name: f.name, reason: `left out: a merge reads at most ${SHARD_LIMITS.shards} shards`, level: 'error' });
    folders.length = SHARD_LIMITS.shards;
  }
  return { folders, problems };
}

/** Every shard the patterns name, read and validated, with every problem by name. */
export async function readShards(patterns: readonly string[], cwd: string): Promise<{ shards: Shard[]; problems: ShardProblem[] }> {
  return readShardFolders(await findShardFolders(patterns, cwd));
}

/** The shard folders found, read and validated a few at a time, in their order. */
export async function readShardFolders(found: ShardFolders): Promise<{ shards: Shard[]; problems: ShardProblem[] }> {
  const problems = [...found.problems];
  const results = new Array<Awaited<ReturnType<typeof readShard>>>(found.folders.length);
  let next = 0;
  const worker = async () => {
    while (next < found.folders.length) {
      const i = next++;
      const f = found.folders[i] as { dir: string; name: string };
      results[i] = await readShard(f.dir, f.name);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, found.folders.length) }, worker));
  const shards: Shard[] = [];
  for (const r of results) {
    problems.push(...r.problems);
    if (r.shard) shards.push(r.shard);
  }
  return { shards, problems };
}

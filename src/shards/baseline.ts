/**
 * Baselines of a merge, one per hardware: a folder of the baseline's shard
 * folders or a (merged) snapshot (`file:`), the default branch's cached
 * snapshot of each hardware (`cache`), or the same shard folders at the
 * merge base (`git`, `git:<ref>`).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isInside } from '../util/paths.js';
import { readSnapshot, SnapshotError } from '../baseline/snapshot.js';
import { restoreFromCache, type CacheClient } from '../baseline/sources/cache.js';
import { filesAt, findMergeBase, writeBlobs } from '../baseline/sources/git.js';
import { BaselineError, type BaselineLog, type EventInfo } from '../baseline/sources/types.js';
import type { Attempt } from '../baseline/gate.js';
import type { BaselineSpec } from '../baseline/types.js';
import { HARDWARE_FILE } from '../hardware/validate.js';
import type { BranchHistory } from '../model/branch-history.js';
import type { BaselineInfo } from '../model/comparison.js';
import type { HardwareIdentity } from '../model/hardware.js';
import type { Snapshot, SnapshotSeries } from '../model/snapshot.js';
import { splitMergedSnapshot } from './split.js';
import type { HardwareGroup } from './merge.js';
import { readShard, readShards, REPORT_FILE, SHARD_LIMITS, SNAPSHOT_FILE, type Shard, type ShardProblem } from './read.js';

/** One machine's baseline: its series as that machine's shard wrote them (local ids). */
export interface BaselineGroup {
  /** Undefined: a snapshot that records no hardware (written before hardware was recorded). */
  hardware?: HardwareIdentity;
  series: SnapshotSeries[];
  /** Where it came from, e.g. `cache key …`, `shard base/h100`. */
  description: string;
  createdAt?: string;
  commit?: { sha: string; ref?: string };
  /** The default-branch history of this hardware (cache only). */
  history?: BranchHistory;
}

export interface MergeBaselineSearch {
  groups: BaselineGroup[];
  /** The source the groups came from, and the words the verdict line uses for it. */
  source?: BaselineInfo['source'];
  description?: string;
  attempts: Attempt[];
  /** Baseline shards that could not be read: their hardware has no baseline of its own. */
  problems: ShardProblem[];
}

export interface MergeBaselineContext {
  event: EventInfo;
  /** The merged hardware: which cache entries to restore, which folders to read at the merge base. */
  head: readonly HardwareGroup[];
  /** The head's shard folders (git reads the same folders at the merge base). */
  headFolders: readonly { dir: string; name: string }[];
  /** Where `file:` paths are relative to, and whether they must stay inside it (the action's workspace). */
  file: { base: string; confineToBase: boolean };
  cache?: { client: CacheClient; dir: string };
  tempDir: string;
  log: BaselineLog;
}

/** Shards of one hardware, one group; several shards of one machine type are one baseline. */
function groupsOfShards(shards: readonly Shard[], describe: (s: Shard) => string): BaselineGroup[] {
  const groups = new Map<string, BaselineGroup & { seen: Set<string> }>();
  for (const shard of shards) {
    let g = groups.get(shard.hardware.id);
    if (!g) {
      g = { hardware: shard.hardware, series: [], description: describe(shard), createdAt: shard.snapshot.createdAt, seen: new Set() };
      if (shard.snapshot.commit) g.commit = shard.snapshot.commit;
      groups.set(shard.hardware.id, g);
    } else if (shard.snapshot.createdAt < (g.createdAt ?? '')) g.createdAt = shard.snapshot.createdAt;
    for (const s of shard.snapshot.series) {
      if (g.seen.has(s.id)) continue;
      g.seen.add(s.id);
      g.series.push(s);
    }
  }
  return [...groups.values()].map(({ seen: _seen, ...g }) => g);
}

/** A merged snapshot as one baseline per machine. */
export function groupsOfMergedSnapshot(snapshot: Snapshot, description: string): BaselineGroup[] {
  return splitMergedSnapshot(snapshot).map(({ hardware, series }) => {
    const g: BaselineGroup = { hardware, series, description: `${description}, ${hardware.id}`, createdAt: snapshot.createdAt };
    if (snapshot.commit) g.commit = snapshot.commit;
    return g;
  });
}

function groupOfSnapshot(snapshot: Snapshot, description: string): BaselineGroup {
  const g: BaselineGroup = { series: snapshot.series, description, createdAt: snapshot.createdAt };
  if (snapshot.hardware) g.hardware = snapshot.hardware;
  if (snapshot.commit) g.commit = snapshot.commit;
  return g;
}

/**
 * `file:<path>`: a folder holding the baseline's shard folders (or one shard
 * folder), a merged snapshot.json, or one machine's snapshot.json. The user
 * named it, so a path that cannot be used at all is an error (BaselineError);
 * one unreadable shard among several is a problem by name.
 */
async function fromFile(given: string, ctx: MergeBaselineContext): Promise<MergeBaselineSearch> {
  const target = path.resolve(ctx.file.base, given);
  if (ctx.file.confineToBase && !isInside(ctx.file.base, target)) throw new BaselineError(`Baseline ${given}: is outside the workspace ${ctx.file.base}`);
  const stat = await fs.lstat(target).catch(() => undefined);
  if (!stat) throw new BaselineError(`Baseline ${given}: no such file or directory`);
  const shown = isInside(ctx.file.base, target) ? path.relative(ctx.file.base, target).split(path.sep).join('/') || '.' : target;
  if (stat.isFile()) {
    if (stat.size > SHARD_LIMITS.snapshotBytes) throw new BaselineError(`Baseline ${given}: over the ${SHARD_LIMITS.snapshotBytes / 1024 / 1024} MiB a snapshot may have`);
    const snapshot = await readSnapshot(target, shown);
    const groups = snapshot.merged ? groupsOfMergedSnapshot(snapshot, `merged snapshot ${shown}`) : [groupOfSnapshot(snapshot, `snapshot ${shown}`)];
    return { groups, source: 'file', description: `${snapshot.merged ? 'merged snapshot' : 'snapshot'} ${shown}`, attempts: [], problems: [] };
  }
  if (!stat.isDirectory()) throw new BaselineError(`Baseline ${given}: neither a snapshot file nor a folder of shards`);
  const { shards, problems } = await readShards([target], ctx.file.base);
  if (shards.length === 0) {
    throw new BaselineError(`Baseline ${given}: no readable shard (${problems.map((p) => `${p.name}: ${p.reason}`).join('; ') || 'no shard folder in it'})`);
  }
  return { groups: groupsOfShards(shards, (s) => `shard ${s.name}`), source: 'file', description: `shards in ${shown}`, attempts: [], problems };
}

/**
 * `cache`: for each merged hardware, the default branch's newest snapshot of
 * that hardware (its history with it); when the branch has none of that
 * hardware, the newest of any, which the comparison then shows ungated.
 */
async function fromCache(ctx: MergeBaselineContext, explicit: boolean): Promise<MergeBaselineSearch | { reason: string }> {
  if (!ctx.cache) return { reason: 'no cache outside GitHub Actions' };
  const groups = new Map<string, BaselineGroup>();
  const reasons: string[] = [];
  for (const head of ctx.head) {
    const outcome = await restoreFromCache({
      cache: ctx.cache.client,
      dir: ctx.cache.dir,
      event: ctx.event,
      scope: head.config.path ?? '.',
      log: ctx.log,
      warnUnavailable: explicit && groups.size === 0 && reasons.length === 0,
      hardware: head.id,
    });
    if (!('found' in outcome)) {
      reasons.push(`${head.id}: ${outcome.reason}`);
      continue;
    }
    const f = outcome.found;
    const key = f.hardware?.id ?? `(no hardware) ${f.info.description}`;
    if (groups.has(key)) continue;
    const g: BaselineGroup = { series: f.series, description: f.info.description };
    if (f.hardware) g.hardware = f.hardware;
    if (f.info.createdAt) g.createdAt = f.info.createdAt;
    if (f.info.commit) g.commit = f.info.commit;
    if (f.history) g.history = f.history;
    groups.set(key, g);
  }
  if (groups.size === 0) return { reason: reasons.join('; ') || 'no hardware to restore' };
  const names = [...groups.values()].map((g) => g.hardware?.id ?? 'unrecorded hardware');
  return { groups: [...groups.values()], source: 'cache', description: `cached snapshots of ${names.join(', ')}`, attempts: [], problems: [] };
}

/**
 * `git`: each head shard folder read at the merge base (hardware.json,
 * snapshot.json, report.json from git objects, under the same caps), for
 * repositories that commit shard folders.
 */
async function fromGit(ctx: MergeBaselineContext, ref: string | undefined): Promise<MergeBaselineSearch | { reason: string }> {
  const first = ctx.headFolders[0];
  if (!first) return { reason: 'no shard folder to look up' };
  const base = await findMergeBase(first.dir, ctx.event, ref);
  if ('reason' in base) return { reason: base.reason };
  const dirs: { dir: string; name: string }[] = [];
  for (const [i, folder] of ctx.headFolders.entries()) {
    let files;
    try {
      files = await filesAt(folder.dir, base.sha, [HARDWARE_FILE, SNAPSHOT_FILE, REPORT_FILE]);
    } catch {
      continue;
    }
    const cap = (name: string) => (name === HARDWARE_FILE ? SHARD_LIMITS.hardwareBytes : name === SNAPSHOT_FILE ? SHARD_LIMITS.snapshotBytes : SHARD_LIMITS.reportBytes);
    const wanted = files.filter((f) => f.size <= cap(f.name));
    if (!wanted.some((f) => f.name === SNAPSHOT_FILE)) continue;
    const target = path.join(ctx.tempDir, `shard-${i}`);
    await fs.mkdir(target, { recursive: true });
    await writeBlobs(folder.dir, wanted.map((f) => ({ oid: f.oid, target: path.join(target, f.name) })));
    dirs.push({ dir: target, name: folder.name });
  }
  const short = base.sha.slice(0, 7);
  if (dirs.length === 0) return { reason: `none of the shard folders exists at the merge base ${short}` };
  const shards: Shard[] = [];
  const problems: ShardProblem[] = [];
  for (const d of dirs) {
    const r = await readShard(d.dir, d.name);
    problems.push(...r.problems.map((p) => ({ ...p, reason: `at ${short}: ${p.reason}` })));
    if (r.shard) shards.push(r.shard);
  }
  const groups = groupsOfShards(shards, (s) => `shard ${s.name} at ${short}`);
  for (const g of groups) g.commit = base.ref ? { sha: base.sha, ref: base.ref } : { sha: base.sha };
  return { groups, source: 'git', description: `git merge base ${short}${ref !== undefined ? ` with ${ref}` : ''}`, attempts: [], problems };
}

/**
 * The baselines `spec` asks for. `auto` tries the cache, then git; `history`
 * has no meaning for a merge (each shard is one run) and says so. Every
 * source that gave nothing is an attempt with its reason.
 */
export async function findMergeBaseline(spec: BaselineSpec, ctx: MergeBaselineContext): Promise<MergeBaselineSearch> {
  const none: MergeBaselineSearch = { groups: [], attempts: [], problems: [] };
  if (spec.kind === 'none') return none;
  if (spec.kind === 'file') {
    try {
      return await fromFile(spec.path, ctx);
    } catch (err) {
      if (err instanceof SnapshotError) throw new BaselineError(err.message);
      throw err;
    }
  }
  if (spec.kind === 'history') return { ...none, attempts: [{ source: 'history', outcome: 'earlier timestamped runs are not read in a merge: give the baseline with cache, git or file:' }] };
  if (spec.kind === 'git' && spec.ref !== undefined) {
    const outcome = await fromGit(ctx, spec.ref);
    return 'groups' in outcome ? outcome : { ...none, attempts: [{ source: 'git', outcome: outcome.reason }] };
  }
  const order: ('cache' | 'git')[] = spec.kind === 'auto' ? ['cache', 'git'] : [spec.kind];
  const attempts: Attempt[] = [];
  for (const name of order) {
    let outcome: MergeBaselineSearch | { reason: string };
    try {
      outcome = name === 'cache' ? await fromCache(ctx, spec.kind === 'cache') : await fromGit(ctx, undefined);
    } catch (err) {
      outcome = { reason: `failed: ${(err as Error).message}` };
      ctx.log.warning(`Baseline ${name}: ${outcome.reason}`);
    }
    if ('groups' in outcome && outcome.groups.length > 0) return { ...outcome, attempts };
    const reason = 'reason' in outcome ? outcome.reason : 'no readable shard';
    attempts.push({ source: name, outcome: reason });
    ctx.log.info(`Baseline ${name}: ${reason}`);
  }
  return { ...none, attempts };
}

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { plural } from '../../util/text.js';
import { HISTORY_FILE, readHistory, writeHistory } from '../branch-history.js';
import { readSnapshot, writeSnapshot } from '../snapshot.js';
import type { BranchHistory } from '../../model/branch-history.js';
import type { Snapshot } from '../../model/snapshot.js';
import { isPushToDefaultBranch, type BaselineLog, type EventInfo, type SourceOutcome } from './types.js';

/** The functions of @actions/cache this source uses; tests hand in a fake. */
export interface CacheClient {
  /** May answer asynchronously: the action loads @actions/cache on first use. */
  isFeatureAvailable(): boolean | Promise<boolean>;
  saveCache(paths: string[], key: string): Promise<number>;
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
}

export const CACHE_KEY_PREFIX = 'chimera-insight-snapshot-v1';
const SNAPSHOT_FILE = 'snapshot.json';

/** Branch names become key-safe text: `feature/kv-cache` → `feature_kv_cache`. */
export function branchSlug(branch: string): string {
  return branch.replace(/[^A-Za-z0-9._]/g, '_').slice(0, 80) || '_';
}

/** A hardware id as a key part without `-`: `l4-24gb` → `l4_24gb.<hash>`, the hash telling `a-b` from `a_b`. */
export function hardwareSlug(hardware: string): string {
  return `${hardware.replace(/[^A-Za-z0-9._]/g, '_')}.${createHash('sha256').update(hardware).digest('hex').slice(0, 4)}`;
}

/**
 * Keys are `chimera-insight-snapshot-v1-<branch slug>-<hash>-<hardware>-<sha>`.
 * The slugs have no `-`, and the hash (of the exact branch name and the
 * analysed path) keeps `feature/x` apart from `feature_x` and two benchmark
 * jobs of one repository apart, so restoring by the prefix of `main` never
 * returns a snapshot of `main-old` or of another job's path. Without
 * `hardware` it is the prefix every hardware's keys share (and the whole key
 * of versions that recorded no hardware: `…-<hash>-<sha>`).
 */
export function cacheKeyPrefix(branch: string, scope: string, hardware?: string): string {
  const hash = createHash('sha256').update(`${branch}\n${scope}`).digest('hex').slice(0, 8);
  const any = `${CACHE_KEY_PREFIX}-${branchSlug(branch)}-${hash}-`;
  return hardware === undefined ? any : `${any}${hardwareSlug(hardware)}-`;
}

export function cacheKey(branch: string, scope: string, sha: string, hardware?: string): string {
  return `${cacheKeyPrefix(branch, scope, hardware)}${sha}`;
}

const UNAVAILABLE = 'the cache service is not available (outside GitHub Actions, or the runner sets no cache URL)';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface CacheRestoreOptions {
  cache: CacheClient;
  /** Fixed directory the snapshot is saved from and restored to (cache entries are tied to their paths). */
  dir: string;
  event: EventInfo;
  /** The analysed path (`path` input), part of the key. */
  scope: string;
  log: BaselineLog;
  /** Warn when the service is missing (the user chose `cache`); `auto` just notes it. */
  warnUnavailable: boolean;
  /**
   * This run's hardware id: that hardware's newest snapshot is restored, and
   * only when the branch has none, the newest of any hardware (which the
   * compare stage then shows ungated).
   */
  hardware?: string;
}

/**
 * Branch whose snapshots a run compares with: the PR's base branch (also for
 * `workflow_run`, which reports on a PR's run), or the pushed branch's previous commits.
 */
function baselineBranch(event: EventInfo): string | undefined {
  if (event.name === 'pull_request' || event.name === 'pull_request_target' || event.name === 'workflow_run') return event.baseRef;
  if (event.name === 'push') return event.branch;
  return undefined;
}

/**
 * Restores the newest snapshot of the base branch: the base commit's own when
 * it was saved, otherwise the most recent one saved under the branch prefix.
 */
export async function restoreFromCache(options: CacheRestoreOptions): Promise<SourceOutcome> {
  const { cache, dir, event, scope, log } = options;
  const branch = baselineBranch(event);
  if (!branch) return { reason: 'needs a pull_request or push event to know which branch to restore' };
  let available: boolean;
  try {
    available = await cache.isFeatureAvailable();
  } catch (err) {
    available = false;
    log.warning(`Baseline cache: ${message(err)}`);
  }
  if (!available) {
    if (options.warnUnavailable) log.warning(`Baseline cache: ${UNAVAILABLE}.`);
    return { reason: UNAVAILABLE };
  }
  const any = cacheKeyPrefix(branch, scope);
  const prefix = options.hardware === undefined ? any : cacheKeyPrefix(branch, scope, options.hardware);
  const file = path.join(dir, SNAPSHOT_FILE);
  let key: string | undefined;
  try {
    await fs.mkdir(dir, { recursive: true });
    // A snapshot or history left by an earlier step must not pass for a restored one.
    await fs.rm(file, { force: true });
    await fs.rm(path.join(dir, HISTORY_FILE), { force: true });
    key = await cache.restoreCache([dir], event.baseSha ? `${prefix}${event.baseSha}` : prefix, prefix === any ? [prefix] : [prefix, any]);
  } catch (err) {
    log.warning(`Baseline cache: restore failed, continuing without it: ${message(err)}`);
    return { reason: `restore failed: ${message(err)}` };
  }
  if (!key) return { reason: `no snapshot saved for branch ${branch} yet (one is saved on every push to it)` };
  let snapshot: Snapshot;
  try {
    snapshot = await readSnapshot(file, `restored from cache key ${key}`);
  } catch (err) {
    log.warning(message(err));
    return { reason: message(err) };
  }
  if (event.headSha && snapshot.commit?.sha === event.headSha) {
    return { reason: `the newest snapshot of ${branch} (key ${key}) is of this same commit` };
  }
  const info: SourceOutcome = {
    found: {
      info: { source: 'cache', description: `cache key ${key}`, createdAt: snapshot.createdAt },
      series: snapshot.series,
    },
  };
  if (snapshot.commit) info.found.info.commit = snapshot.commit;
  if (snapshot.hardware) info.found.hardware = snapshot.hardware;
  // Another machine's runs say nothing about this machine's noise or trend.
  if (snapshot.hardware && options.hardware !== undefined && snapshot.hardware.id !== options.hardware) return info;
  try {
    // Entries saved before the history existed have none: the history starts with the next push.
    const history = await readHistory(path.join(dir, HISTORY_FILE), { branch, scope, ...(snapshot.hardware ? { hardware: snapshot.hardware.id } : {}) });
    if (history) info.found.history = history;
  } catch (err) {
    log.warning(`Baseline cache: ${message(err)}; comparing without the default-branch history.`);
  }
  return info;
}

export interface CacheSaveOptions {
  cache: CacheClient;
  dir: string;
  event: EventInfo;
  snapshot: Snapshot;
  /** The default-branch history including this run, saved beside the snapshot as history.json. */
  history?: BranchHistory;
  log: BaselineLog;
}

/**
 * Saves the snapshot (and the history) when this run is a push to the default branch: those are
 * the commits pull requests compare with. Returns the key, or undefined with
 * the reason logged. Never throws: a missing cache only costs later baselines.
 */
export async function saveToCache(options: CacheSaveOptions): Promise<string | undefined> {
  const { cache, dir, event, snapshot, log } = options;
  if (!isPushToDefaultBranch(event)) {
    log.info('Baseline cache: snapshot not saved (only pushes to the default branch save one).');
    return undefined;
  }
  const sha = snapshot.commit?.sha ?? event.headSha;
  if (!sha) {
    log.warning('Baseline cache: snapshot not saved: the commit SHA is unknown.');
    return undefined;
  }
  try {
    if (!(await cache.isFeatureAvailable())) {
      log.warning(`Baseline cache: snapshot not saved: ${UNAVAILABLE}.`);
      return undefined;
    }
    const key = cacheKey(event.branch, snapshot.config.path ?? '.', sha, snapshot.hardware?.id);
    await fs.mkdir(dir, { recursive: true });
    await writeSnapshot(path.join(dir, SNAPSHOT_FILE), snapshot);
    if (options.history) await writeHistory(path.join(dir, HISTORY_FILE), options.history);
    else await fs.rm(path.join(dir, HISTORY_FILE), { force: true });
    const id = await cache.saveCache([dir], key);
    // @actions/cache returns -1 (and logs why) for failures it treats as non-fatal, e.g. a key saved by a re-run.
    if (id === -1) {
      log.warning(`Baseline cache: snapshot not saved under ${key} (see the cache messages above).`);
      return undefined;
    }
    log.info(`Baseline cache: snapshot${options.history ? ` and history (${plural(options.history.runs.length, 'run')})` : ''} saved under ${key}.`);
    return key;
  } catch (err) {
    log.warning(`Baseline cache: snapshot not saved: ${message(err)}`);
    return undefined;
  }
}

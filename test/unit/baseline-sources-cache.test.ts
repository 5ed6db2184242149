import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { branchSlug, cacheKey, cacheKeyPrefix, restoreFromCache, saveToCache } from '../../src/baseline/sources/cache.js';
import type { EventInfo } from '../../src/baseline/sources/types.js';
import { appendRun } from '../../src/baseline/branch-history.js';
import { createSnapshot, parseSnapshot } from '../../src/baseline/snapshot.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { analyzeTree, configFor, throughputCsv } from '../helpers/baseline.js';
import { FakeCache } from '../helpers/fake-cache.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-cache-');

function collectingLog() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(`info: ${m}`), warning: (m: string) => lines.push(`warning: ${m}`) } };
}

async function snapshotAt(sha: string, values: number[], createdAt: string): Promise<Snapshot> {
  writeTree(tmp.dir, { 'ws/bench/runs.csv': throughputCsv({ llama3: values }) });
  const report = await analyzeTree(configFor(path.join(tmp.dir, 'ws'), { path: 'bench' }));
  report.commit = { sha, ref: 'main' };
  report.generatedAt = createdAt;
  return createSnapshot(report);
}

const push = (sha: string, branch = 'main'): EventInfo => ({ name: 'push', headSha: sha, branch, defaultBranch: 'main' });
const pullRequest: EventInfo = { name: 'pull_request', headSha: 'c'.repeat(40), baseSha: 'b'.repeat(40), baseRef: 'main' };

describe('cache keys', () => {
  it('carry a key-safe branch name, a hash of branch and path, and the commit SHA', () => {
    expect(branchSlug('feature/kv-cache')).toBe('feature_kv_cache');
    expect(cacheKey('main', 'bench', 'a'.repeat(40))).toMatch(/^chimera-insight-snapshot-v1-main-[0-9a-f]{8}-a{40}$/);
  });

  it('keep branches apart that one prefix would otherwise mix up', () => {
    expect(cacheKeyPrefix('feature/x', '.')).not.toBe(cacheKeyPrefix('feature_x', '.'));
    expect(cacheKey('main-old', '.', 'a'.repeat(40)).startsWith(cacheKeyPrefix('main', '.'))).toBe(false);
  });

  it('keep two benchmark paths of one repository apart', () => {
    expect(cacheKeyPrefix('main', 'bench/gpu')).not.toBe(cacheKeyPrefix('main', 'bench/cpu'));
  });
});

describe('saveToCache', () => {
  it('saves the snapshot of a push to the default branch under its commit key', async () => {
    const cache = new FakeCache();
    const { log } = collectingLog();
    const snapshot = await snapshotAt('a'.repeat(40), [100, 101, 99], '2025-10-01T00:00:00.000Z');
    const key = await saveToCache({ cache, dir: path.join(tmp.dir, 'cache'), event: push('a'.repeat(40)), snapshot, log });
    expect(key).toBe(cacheKey('main', 'bench', 'a'.repeat(40)));
    expect(cache.calls).toEqual([`save ${key}`]);
    expect(parseSnapshot(cache.entries[0]?.files['snapshot.json'] ?? '', 'snapshot.json')).toEqual(snapshot);
  });

  it('saves nothing for a pull request or a push to another branch', async () => {
    const cache = new FakeCache();
    const { log, lines } = collectingLog();
    const snapshot = await snapshotAt('a'.repeat(40), [100], '2025-10-01T00:00:00.000Z');
    expect(await saveToCache({ cache, dir: path.join(tmp.dir, 'cache'), event: pullRequest, snapshot, log })).toBeUndefined();
    expect(await saveToCache({ cache, dir: path.join(tmp.dir, 'cache'), event: push('a'.repeat(40), 'feature'), snapshot, log })).toBeUndefined();
    expect(cache.calls).toEqual([]);
    expect(lines).toContain('info: Baseline cache: snapshot not saved (only pushes to the default branch save one).');
  });

  it('warns instead of failing when the cache service is missing or the save throws', async () => {
    const cache = new FakeCache();
    const { log, lines } = collectingLog();
    const snapshot = await snapshotAt('a'.repeat(40), [100], '2025-10-01T00:00:00.000Z');
    cache.available = false;
    expect(await saveToCache({ cache, dir: path.join(tmp.dir, 'cache'), event: push('a'.repeat(40)), snapshot, log })).toBeUndefined();
    cache.available = true;
    cache.saveCache = async () => {
      throw new Error('Cache service responded with 503');
    };
    expect(await saveToCache({ cache, dir: path.join(tmp.dir, 'cache'), event: push('a'.repeat(40)), snapshot, log })).toBeUndefined();
    expect(lines).toEqual([
      'warning: Baseline cache: snapshot not saved: the cache service is not available (outside GitHub Actions, or the runner sets no cache URL).',
      'warning: Baseline cache: snapshot not saved: Cache service responded with 503',
    ]);
  });
});

describe('restoreFromCache', () => {
  it('restores the newest snapshot of the base branch by prefix when the base commit has none', async () => {
    const cache = new FakeCache();
    const { log } = collectingLog();
    const dir = path.join(tmp.dir, 'cache');
    for (const [sha, date] of [['1', '2025-10-01'], ['2', '2025-10-02']] as const) {
      await saveToCache({ cache, dir, event: push(sha.repeat(40)), snapshot: await snapshotAt(sha.repeat(40), [100, 101, 99], `${date}T00:00:00.000Z`), log });
    }
    const outcome = await restoreFromCache({ cache, dir, event: pullRequest, scope: 'bench', log, warnUnavailable: false });
    const prefix = cacheKeyPrefix('main', 'bench');
    expect(cache.calls.at(-1)).toBe(`restore ${prefix}${'b'.repeat(40)} [${prefix}]`);
    expect(outcome).toEqual({
      found: {
        info: { source: 'cache', description: `cache key ${prefix}${'2'.repeat(40)}`, createdAt: '2025-10-02T00:00:00.000Z', commit: { sha: '2'.repeat(40), ref: 'main' } },
        series: expect.any(Array),
      },
    });
    expect('found' in outcome && outcome.found.series.map((s) => s.id)).toEqual(['bench/runs.csv::tokens_s{model=llama3}']);
  });

  it('prefers the snapshot of the exact base commit over newer ones', async () => {
    const cache = new FakeCache();
    const { log } = collectingLog();
    const dir = path.join(tmp.dir, 'cache');
    await saveToCache({ cache, dir, event: push('b'.repeat(40)), snapshot: await snapshotAt('b'.repeat(40), [100], '2025-10-01T00:00:00.000Z'), log });
    await saveToCache({ cache, dir, event: push('d'.repeat(40)), snapshot: await snapshotAt('d'.repeat(40), [100], '2025-10-05T00:00:00.000Z'), log });
    const outcome = await restoreFromCache({ cache, dir, event: pullRequest, scope: 'bench', log, warnUnavailable: false });
    expect('found' in outcome && outcome.found.info.commit?.sha).toBe('b'.repeat(40));
  });

  it('restores the default branch snapshot for a fork PR reported through workflow_run', async () => {
    const cache = new FakeCache();
    const { log } = collectingLog();
    const dir = path.join(tmp.dir, 'cache');
    await saveToCache({ cache, dir, event: push('2'.repeat(40)), snapshot: await snapshotAt('2'.repeat(40), [100], '2025-10-02T00:00:00.000Z'), log });
    const workflowRun: EventInfo = { name: 'workflow_run', headSha: 'd'.repeat(40), baseRef: 'main', defaultBranch: 'main' };
    const outcome = await restoreFromCache({ cache, dir, event: workflowRun, scope: 'bench', log, warnUnavailable: false });
    expect('found' in outcome && outcome.found.info.commit?.sha).toBe('2'.repeat(40));
  });

  it('says so when the base branch has no snapshot yet', async () => {
    const { log } = collectingLog();
    const outcome = await restoreFromCache({ cache: new FakeCache(), dir: path.join(tmp.dir, 'cache'), event: pullRequest, scope: 'bench', log, warnUnavailable: false });
    expect(outcome).toEqual({ reason: 'no snapshot saved for branch main yet (one is saved on every push to it)' });
  });

  it('never passes off a stale file in the restore directory as a restored snapshot', async () => {
    const { log } = collectingLog();
    const dir = path.join(tmp.dir, 'cache');
    writeTree(dir, { 'snapshot.json': '{}' });
    await restoreFromCache({ cache: new FakeCache(), dir, event: pullRequest, scope: 'bench', log, warnUnavailable: false });
    expect(existsSync(path.join(dir, 'snapshot.json'))).toBe(false);
  });

  it('turns a failing cache service into a warning and a reason', async () => {
    const cache = new FakeCache();
    cache.failRestore = new Error('getCacheEntry failed: 500');
    const { log, lines } = collectingLog();
    const outcome = await restoreFromCache({ cache, dir: path.join(tmp.dir, 'cache'), event: pullRequest, scope: 'bench', log, warnUnavailable: false });
    expect(outcome).toEqual({ reason: 'restore failed: getCacheEntry failed: 500' });
    expect(lines).toEqual(['warning: Baseline cache: restore failed, continuing without it: getCacheEntry failed: 500']);
  });

  it('notes a missing cache service, and warns only when the cache was asked for explicitly', async () => {
    const cache = new FakeCache();
    cache.available = false;
    const quiet = collectingLog();
    const reason = 'the cache service is not available (outside GitHub Actions, or the runner sets no cache URL)';
    expect(await restoreFromCache({ cache, dir: tmp.dir, event: pullRequest, scope: '.', log: quiet.log, warnUnavailable: false })).toEqual({ reason });
    expect(quiet.lines).toEqual([]);
    const loud = collectingLog();
    await restoreFromCache({ cache, dir: tmp.dir, event: pullRequest, scope: '.', log: loud.log, warnUnavailable: true });
    expect(loud.lines).toEqual([`warning: Baseline cache: ${reason}.`]);
  });

  it('reports a corrupt cached snapshot as a warning naming the cache key', async () => {
    const cache = new FakeCache();
    const key = cacheKey('main', '.', 'e'.repeat(40));
    cache.entries.push({ key, files: { 'snapshot.json': '{"tool":"chimera-insight","schemaVersion":1' } });
    const { log, lines } = collectingLog();
    const outcome = await restoreFromCache({ cache, dir: path.join(tmp.dir, 'cache'), event: pullRequest, scope: '.', log, warnUnavailable: false });
    expect('reason' in outcome && outcome.reason).toMatch(new RegExp(`^Baseline snapshot restored from cache key ${key}: is not valid JSON`));
    expect(lines).toHaveLength(1);
  });

  it('on a push, compares with the branch\'s previous snapshot but never with the same commit', async () => {
    const cache = new FakeCache();
    const { log } = collectingLog();
    const dir = path.join(tmp.dir, 'cache');
    await saveToCache({ cache, dir, event: push('a'.repeat(40)), snapshot: await snapshotAt('a'.repeat(40), [100], '2025-10-01T00:00:00.000Z'), log });
    const rerun = await restoreFromCache({ cache, dir, event: push('a'.repeat(40)), scope: 'bench', log, warnUnavailable: false });
    expect('reason' in rerun && rerun.reason).toBe(`the newest snapshot of main (key ${cacheKey('main', 'bench', 'a'.repeat(40))}) is of this same commit`);
    const next = await restoreFromCache({ cache, dir, event: { ...push('f'.repeat(40)), baseSha: 'a'.repeat(40) }, scope: 'bench', log, warnUnavailable: false });
    expect('found' in next && next.found.info.commit?.sha).toBe('a'.repeat(40));
  });

  it('needs an event that names a branch', async () => {
    const { log } = collectingLog();
    expect(await restoreFromCache({ cache: new FakeCache(), dir: tmp.dir, event: { name: 'workflow_dispatch' }, scope: '.', log, warnUnavailable: false })).toEqual({
      reason: 'needs a pull_request or push event to know which branch to restore',
    });
  });
});

describe('the default-branch history in the cache entry', () => {
  const historyOf = (snapshot: Snapshot, scope = 'bench') => appendRun(undefined, { branch: 'main', scope }, snapshot, { runId: '42' }, { runs: 20 }).history;

  it('is saved as history.json beside the snapshot, in the same entry, and restored with it', async () => {
    const cache = new FakeCache();
    const { log, lines } = collectingLog();
    const dir = path.join(tmp.dir, 'cache');
    const snapshot = await snapshotAt('a'.repeat(40), [100, 101, 99], '2025-10-01T00:00:00.000Z');
    const history = historyOf(snapshot);
    await saveToCache({ cache, dir, event: push('a'.repeat(40)), snapshot, history, log });
    expect(Object.keys(cache.entries[0]?.files ?? {}).sort()).toEqual(['history.json', 'snapshot.json']);
    expect(lines).toEqual([`info: Baseline cache: snapshot and history (1 run) saved under ${cacheKey('main', 'bench', 'a'.repeat(40))}.`]);
    const outcome = await restoreFromCache({ cache, dir, event: pullRequest, scope: 'bench', log, warnUnavailable: false });
    expect('found' in outcome && outcome.found.history).toEqual(history);
  });

  it('is left out, with a warning, when it belongs to another path; the snapshot is still the baseline', async () => {
    const cache = new FakeCache();
    const { log, lines } = collectingLog();
    const dir = path.join(tmp.dir, 'cache');
    const snapshot = await snapshotAt('a'.repeat(40), [100], '2025-10-01T00:00:00.000Z');
    await saveToCache({ cache, dir, event: push('a'.repeat(40)), snapshot, history: historyOf(snapshot, 'elsewhere'), log });
    const outcome = await restoreFromCache({ cache, dir, event: pullRequest, scope: 'bench', log, warnUnavailable: false });
    expect('found' in outcome && outcome.found.history).toBeUndefined();
    expect(lines.at(-1)).toBe('warning: Baseline cache: history.json belongs to another branch, path or hardware; comparing without the default-branch history.');
  });

  it('never passes off a stale history.json in the restore directory as a restored one', async () => {
    const { log } = collectingLog();
    const dir = path.join(tmp.dir, 'cache');
    writeTree(dir, { 'history.json': '{}' });
    await restoreFromCache({ cache: new FakeCache(), dir, event: pullRequest, scope: 'bench', log, warnUnavailable: false });
    expect(existsSync(path.join(dir, 'history.json'))).toBe(false);
  });
});

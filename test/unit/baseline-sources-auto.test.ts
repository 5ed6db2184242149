import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshot, serialiseSnapshot } from '../../src/baseline/snapshot.js';
import { cacheKey, type CacheClient } from '../../src/baseline/sources/cache.js';
import type { EventInfo } from '../../src/baseline/sources/types.js';
import { compareStage } from '../../src/baseline/stage.js';
import type { Report } from '../../src/model/report.js';
import { analyzeTree, configFor, throughputCsv } from '../helpers/baseline.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-auto-');

const BASE = [100, 101, 99, 100.5, 99.5, 100, 100];
const scaled = (factor: number) => BASE.map((v) => Number((v * factor).toFixed(2)));
const event: EventInfo = { name: 'pull_request', baseSha: 'b'.repeat(40), headSha: 'c'.repeat(40), baseRef: 'main' };

/** A cache service that holds the given snapshot files under their keys (or nothing). */
function cacheHolding(entries: Record<string, string> = {}, available = true): CacheClient {
  return {
    isFeatureAvailable: () => available,
    saveCache: async () => 1,
    restoreCache: async (paths, primaryKey, restoreKeys = []) => {
      const key = Object.keys(entries).find((k) => k === primaryKey || restoreKeys.some((r) => k.startsWith(r)));
      if (key === undefined) return undefined;
      writeFileSync(path.join(paths[0] as string, 'snapshot.json'), entries[key] as string);
      return key;
    },
  };
}

async function compare(files: Record<string, string>, inputs: Record<string, string>, cache: CacheClient = cacheHolding({}, false)): Promise<{ report: Report; log: string[] }> {
  const workspace = path.join(tmp.dir, 'ws');
  mkdirSync(workspace, { recursive: true });
  writeTree(workspace, files);
  const config = configFor(workspace, inputs);
  const report = await analyzeTree(config);
  const log: string[] = [];
  const stage = compareStage({
    config,
    event,
    analyzeTree,
    cache: { client: cache, dir: path.join(tmp.dir, 'cache') },
    file: { base: workspace, confineToWorkspace: true },
    log: { info: (m) => log.push(`info: ${m}`), warning: (m) => log.push(`warning: ${m}`) },
    tempRoot: path.join(tmp.dir, 'temp'),
  });
  await stage.compare(report);
  return { report, log };
}

const runs = {
  'runs/20251009-093015/throughput.csv': throughputCsv({ llama3: BASE }),
  'runs/20251016-101122/throughput.csv': throughputCsv({ llama3: scaled(0.85) }),
};

describe('baseline: auto', () => {
  it('falls through cache and git to the earlier run in the tree, listing why each gave nothing', async () => {
    const { report } = await compare(runs, {});
    expect(report.comparison?.baseline?.source).toBe('history');
    expect(report.comparison?.attempts).toEqual([
      { source: 'cache', outcome: 'the cache service is not available (outside GitHub Actions, or the runner sets no cache URL)' },
      { source: 'git', outcome: '. is not inside a git checkout' },
    ]);
    expect(report.comparison?.verdict).toBe('regression');
    expect(report.comparison?.series.map((c) => [c.id, c.verdict, c.change?.toFixed(3)])).toEqual([['runs/<ts>/throughput.csv::tokens_s{model=llama3}#2', 'regressed', '-0.150']]);
  });

  it('uses the cached snapshot of the base branch first', async () => {
    const baseTree = path.join(tmp.dir, 'base');
    writeTree(baseTree, { 'bench/runs.csv': throughputCsv({ llama3: BASE }) });
    const baseReport = await analyzeTree(configFor(baseTree, { path: 'bench' }));
    baseReport.commit = { sha: 'b'.repeat(40), ref: 'main' };
    baseReport.generatedAt = '2025-10-01T00:00:00.000Z';
    const key = cacheKey('main', 'bench', 'b'.repeat(40));
    const { report } = await compare({ 'bench/runs.csv': throughputCsv({ llama3: scaled(0.99) }) }, { path: 'bench' }, cacheHolding({ [key]: serialiseSnapshot(createSnapshot(baseReport)) }));
    expect(report.comparison?.baseline).toEqual({ source: 'cache', description: `cache key ${key}`, createdAt: '2025-10-01T00:00:00.000Z', commit: { sha: 'b'.repeat(40), ref: 'main' } });
    expect(report.comparison?.attempts).toEqual([]);
    expect(report.comparison?.verdict).toBe('pass');
  });

  it('gives the verdict no-baseline, and the reasons, when no source has one', async () => {
    const { report, log } = await compare({ 'bench/runs.csv': throughputCsv({ llama3: BASE }) }, {});
    expect(report.comparison?.verdict).toBe('no-baseline');
    expect(report.comparison?.attempts.map((a) => a.source)).toEqual(['cache', 'git', 'history']);
    expect(report.comparison?.attempts[2]?.outcome).toBe('no benchmark in the tree has two or more timestamped runs (or a data.js with two commits)');
    expect(log.at(-1)).toBe('info: No baseline found: nothing compared, the gate passes.');
  });
});

describe('baseline: none and file', () => {
  it('none leaves the report without a comparison', async () => {
    const { report } = await compare(runs, { baseline: 'none' });
    expect(report.comparison).toBeUndefined();
  });

  it('an unusable file: baseline keeps the report and carries the error that fails the step', async () => {
    const { report } = await compare(runs, { baseline: 'file:missing/snapshot.json' });
    expect(report.comparison?.verdict).toBe('no-baseline');
    expect(report.comparison?.error).toBe('Baseline missing/snapshot.json: no such file or directory');
    expect(report.comparison?.attempts).toEqual([{ source: 'file', outcome: 'Baseline missing/snapshot.json: no such file or directory' }]);
  });
});

/**
 * The merge as `chimera-insight merge head/* --baseline base --output-dir out --no-llm`
 * runs it, in process: find and read the shard folders (head and baseline),
 * merge, compare each hardware with its own baseline, findings, render, and
 * write report.md, report.json and the merged snapshot.json.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeSnapshot } from '../src/baseline/snapshot.js';
import { buildConfig } from '../src/config.js';
import { runPipeline } from '../src/pipeline.js';
import { mergeCompareStage } from '../src/shards/compare.js';
import { mergeShards } from '../src/shards/merge.js';
import { findShardFolders, readShardFolders } from '../src/shards/read.js';
import { mergedSnapshot } from '../src/shards/write.js';

export async function mergeShardsBench(dir: string): Promise<{ files: number; bytes: number; check: Record<string, number> }> {
  const out = path.join(dir, 'out');
  const inputs: Record<string, string> = { mode: 'merge', shards: 'head/*', baseline: 'file:base', llm: 'false', 'output-dir': 'out' };
  const config = buildConfig((name) => inputs[name] ?? '', { workspace: dir, defaultOutputDir: undefined });
  const t0 = performance.now();
  const folders = await findShardFolders(config.shards, dir);
  const { shards, problems } = await readShardFolders(folders);
  const narrative = { status: 'skipped' as const, reason: 'bench' };
  const { report, merged } = mergeShards(shards, problems, config, { now: () => new Date(), elapsed: () => performance.now(), narrative, readMs: performance.now() - t0 });
  const stage = mergeCompareStage({ config, event: { name: '' }, merged, headFolders: folders.folders, file: { base: dir, confineToBase: false }, log: { info: () => {}, warning: () => {} }, tempRoot: path.join(dir, 'tmp') });
  const result = await runPipeline(config, { now: () => new Date(), elapsed: () => performance.now(), narrative, source: async () => report, compare: stage.compare, compareLate: stage.compareLate });
  await writeSnapshot(path.join(out, 'snapshot.json'), mergedSnapshot(result.report, merged));
  const comparisons = result.report.comparison?.series ?? [];
  const sizes = await Promise.all(['report.md', 'report.json', 'snapshot.json'].map(async (f) => (await fs.stat(path.join(out, f))).size));
  await fs.rm(out, { recursive: true, force: true });
  // Bytes read: every file of the head's and the baseline's shard folders.
  let bytes = 0;
  let files = 0;
  for (const side of ['head', 'base']) {
    for (const shard of await fs.readdir(path.join(dir, side))) {
      for (const f of await fs.readdir(path.join(dir, side, shard))) {
        bytes += (await fs.stat(path.join(dir, side, shard, f))).size;
        files += 1;
      }
    }
  }
  return {
    files,
    bytes,
    check: {
      shards: result.report.shards?.length ?? 0,
      problems: (result.report.notices ?? []).filter((n) => n.level === 'error').length,
      hardware: merged.groups.length,
      series: result.report.series.length,
      compared: comparisons.filter((c) => c.verdict !== 'new' && c.verdict !== 'missing').length,
      gatedRegressions: comparisons.filter((c) => c.gated && c.verdict === 'regressed').length,
      regressionsNotOnGpu3: comparisons.filter((c) => c.verdict === 'regressed' && c.labels.hardware !== 'gpu-3').length,
      findings: result.report.findings.length,
      hardwareRankings: result.report.findings.filter((f) => f.kind === 'ranking' && f.factor === 'hardware').length,
      reportMdBytes: sizes[0] as number,
      reportJsonBytes: sizes[1] as number,
      snapshotBytes: sizes[2] as number,
    },
  };
}

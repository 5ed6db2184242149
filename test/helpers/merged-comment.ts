import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildConfig } from '../../src/config.js';
import { commentMarkdown } from '../../src/github/summary.js';
import { commentMarker } from '../../src/model/marker.js';
import { runPipeline } from '../../src/pipeline.js';
import { mergeCompareStage } from '../../src/shards/compare.js';
import { mergeShards } from '../../src/shards/merge.js';
import { findShardFolders, readShardFolders } from '../../src/shards/read.js';
import { throughputCsv } from './baseline.js';
import { machine, scaled, writeShard } from './shards.js';

/** Six GPU types with the long names real ones have; the baseline lacks two of them. */
const MACHINES = [
  ['gh200-grace-hopper-96gb', 'NVIDIA GH200 480GB', 5, true],
  ['h100-sxm5-80gb', 'NVIDIA H100 80GB HBM3', 4, true],
  ['a100-sxm4-80gb', 'NVIDIA A100-SXM4-80GB', 3, true],
  ['mi300x-oam-192gb', 'AMD Instinct MI300X OAM', 3.5, true],
  ['rtx-6000-ada-generation-48gb', 'NVIDIA RTX 6000 Ada Generation', 2, false],
  ['l4-24gb-pcie-low-profile', 'NVIDIA L4', 1, false],
] as const;

/**
 * The comment a merge job posts for six machines, two of them compared with
 * another machine's baseline and one of those slower, plus a gated regression.
 */
export async function mergedCommentFor(root: string): Promise<string> {
  const suite = (speed: number, drop: number) => ({
    'bench/runs.csv': throughputCsv({ 'llama3.1:8b-instruct-q4_K_M': scaled(speed * drop), 'qwen2.5:14b-instruct': scaled(speed * 0.6) }),
  });
  for (const [id, gpu, speed, hasBaseline] of MACHINES) {
    if (hasBaseline) await writeShard(path.join(root, 'base', id), machine(id, gpu), suite(speed, 1));
    await writeShard(path.join(root, 'head', id), machine(id, gpu), suite(speed, id.startsWith('a100') || id.startsWith('l4') ? 0.85 : 1));
  }
  const inputs: Record<string, string> = { mode: 'merge', shards: 'head/*', baseline: 'file:base', llm: 'false' };
  const config = buildConfig((name) => inputs[name] ?? '', { workspace: root, defaultOutputDir: undefined });
  const folders = await findShardFolders(config.shards, root);
  const { shards, problems } = await readShardFolders(folders);
  const narrative = { status: 'skipped' as const, reason: 'no model in this test; every number is computed from the files.' };
  const deps = { now: () => new Date('2026-11-27T12:00:00Z'), elapsed: () => performance.now(), narrative };
  const { report, merged } = mergeShards(shards, problems, config, { ...deps, readMs: 0 });
  const stage = mergeCompareStage({ config, event: { name: '' }, merged, headFolders: folders.folders, file: { base: root, confineToBase: true }, log: { info: () => {}, warning: () => {} }, tempRoot: path.join(root, 'tmp') });
  const result = await runPipeline(config, { ...deps, source: async () => report, compare: stage.compare, compareLate: stage.compareLate });
  const marker = commentMarker({ header: 'gpu-matrix', sha: 'feedfacecafebeef0000000000000000deadbeef', run: 9001, attempt: 1 });
  return commentMarkdown(result.report, result.markdown, marker, { runUrl: 'https://github.com/acme/inference/actions/runs/9001', reportPath: '/runner/_temp/chimera-insight/report.md' });
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFindings } from '../../src/findings/findings.js';
import type { Config } from '../../src/config.js';
import type { Report } from '../../src/model/report.js';
import type { SeriesComparison } from '../../src/model/comparison.js';
import { NARRATIVE_NOT_AVAILABLE } from '../../src/narrative.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { parseSnapshot, serialiseSnapshot } from '../../src/baseline/snapshot.js';
import { cacheKey, saveToCache } from '../../src/baseline/sources/cache.js';
import { mergeCompareStage } from '../../src/shards/compare.js';
import { mergeShards, type MergedShards } from '../../src/shards/merge.js';
import { findShardFolders, readShardFolders } from '../../src/shards/read.js';
import { hardwareSnapshot, mergedSnapshot } from '../../src/shards/write.js';
import { configFor, throughputCsv } from '../helpers/baseline.js';
import { FakeCache } from '../helpers/fake-cache.js';
import { machine, scaled, suite, writeShard } from '../helpers/shards.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-merge-');
const NOW = new Date('2025-10-20T12:00:00Z');

function quietLog() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(`info: ${m}`), warning: (m: string) => lines.push(`warning: ${m}`) } };
}

/** Shards of the same suite on each machine: speed × 100 tok/s. */
async function shards(root: string, speeds: Record<string, number>, createdAt = '2025-10-19T12:00:00.000Z'): Promise<void> {
  for (const [hw, speed] of Object.entries(speeds)) await writeShard(path.join(root, hw), machine(hw), suite(speed), { createdAt });
}

function mergeConfig(inputs: Record<string, string> = {}): Config {
  return configFor(tmp.dir, { mode: 'merge', shards: 'head/*', llm: 'false', ...inputs });
}

/** The merge as the action and CLI run it, minus publishing: read, merge, compare, findings. */
async function merge(inputs: Record<string, string> = {}, options: { cache?: FakeCache; event?: Parameters<typeof mergeCompareStage>[0]['event'] } = {}): Promise<{ report: Report; merged: MergedShards; log: string[] }> {
  const config = mergeConfig(inputs);
  const folders = await findShardFolders(config.shards, tmp.dir);
  const { shards: read, problems } = await readShardFolders(folders);
  const { report, merged } = mergeShards(read, problems, config, { now: () => NOW, elapsed: () => 0, narrative: NARRATIVE_NOT_AVAILABLE, readMs: 0 });
  const { lines, log } = quietLog();
  const stage = mergeCompareStage({
    config,
    event: options.event ?? { name: '' },
    merged,
    headFolders: folders.folders,
    file: { base: tmp.dir, confineToBase: true },
    ...(options.cache ? { cache: { client: options.cache, dir: path.join(tmp.dir, 'cache') } } : {}),
    log,
    tempRoot: path.join(tmp.dir, 'tmp'),
  });
  await stage.compare(report);
  report.findings = computeFindings({ series: report.series, files: report.inventory.files, ...(report.comparison ? { comparison: report.comparison } : {}), confidence: 0.95 });
  return { report, merged, log: lines };
}

const row = (c: SeriesComparison) => [c.id, c.verdict, c.gated, c.change === null ? null : Number(c.change.toFixed(3)), c.baselineHardware ?? null];

describe('merging shards', () => {
  it('keeps the same benchmark on each machine a series of its own, the hardware first among its labels', async () => {
    await shards(path.join(tmp.dir, 'head'), { h100: 3, a100: 2, l4: 1 });
    const { report } = await merge({ baseline: 'none' });
    expect(report.series.map((s) => [s.id, s.labels, s.stats.mean])).toEqual([
      ['bench/runs.csv::tokens_s{hardware=a100,model=llama3}', { hardware: 'a100', model: 'llama3' }, 200],
      ['bench/runs.csv::tokens_s{hardware=h100,model=llama3}', { hardware: 'h100', model: 'llama3' }, 300],
      ['bench/runs.csv::tokens_s{hardware=l4,model=llama3}', { hardware: 'l4', model: 'llama3' }, 100],
    ]);
    expect(report.shards?.map((s) => [s.name, s.hardware.id, s.series, s.files])).toEqual([
      ['head/a100', 'a100', 1, 1],
      ['head/h100', 'h100', 1, 1],
      ['head/l4', 'l4', 1, 1],
    ]);
    expect(report.root).toBe('bench');
    expect(report.inventory.totals.parsed).toBe(3);
  });

  it('ranks the hardware where one benchmark ran on several machines', async () => {
    await shards(path.join(tmp.dir, 'head'), { h100: 3, a100: 2, l4: 1 });
    const { report } = await merge({ baseline: 'none' });
    const ranking = report.findings.find((f) => f.kind === 'ranking');
    expect(ranking?.factor).toBe('hardware');
    expect(ranking?.levels?.map((l) => [l.value, l.mean])).toEqual([
      ['h100', 300],
      ['a100', 200],
      ['l4', 100],
    ]);
    expect(ranking?.text).toBe("tokens_s by hardware: h100 leads at 300 ± 1.94 tok/s (n=7), 3.00× the lowest, l4 (100 tok/s); the differences are beyond the noise (p<0.001); h100's lead over a100 is beyond the noise (p<0.001).");
  });

  it('tests on the runs a shard tested on: a table’s run column and replicate files keep their run means through the snapshot', async () => {
    // Three runs a commit, four requests each: run means 130/150/170 against 120/140/160 ms (p≈0.57 on the runs).
    // The replicate files hold both models in each run: a is 10 ms slower in every run, so run by run it is beyond the noise.
    const rows = ['run_id,commit,ttft_ms'];
    const means: [string, string, number][] = [['r1', 'old', 130], ['r2', 'old', 150], ['r3', 'old', 170], ['r4', 'new', 120], ['r5', 'new', 140], ['r6', 'new', 160]];
    for (const [run, commit, m] of means) for (const d of [-2, -1, 1, 2]) rows.push(`${run},${commit},${m + d}`);
    // The same means as replicate files, one file a run, each holding both models' requests.
    const files: Record<string, string> = { 'bench/requests.csv': `${rows.join('\n')}\n` };
    [[130, 120], [150, 140], [170, 160]].forEach(([a, b], i) => {
      files[`bench/run_${i + 1}/ttft.csv`] = `model,latency_ms\n${[-2, -1, 1, 2].map((d) => `a,${(a as number) + d}\nb,${(b as number) + d}`).join('\n')}\n`;
    });
    const shard = await writeShard(path.join(tmp.dir, 'head', 'l4'), machine('l4'), files);
    const alone = computeFindings({ series: shard.series, files: shard.inventory.files, confidence: 0.95 }).filter((f) => f.kind === 'ranking');
    const { report } = await merge({ baseline: 'none' });
    const merged = report.findings.filter((f) => f.kind === 'ranking');
    expect(merged.map((f) => f.test?.p)).toEqual(alone.map((f) => f.test?.p));
    expect(merged.map((f) => f.text)).toEqual([
      'latency_ms by model: b is lowest at 140 ± 17.14 ms (n=12); the highest, a (150 ms), is 1.07× that; the difference is beyond the noise (p=0.0064, run by run).',
      'ttft_ms by commit: new is lowest at 140 ± 17.14 ms (n=12); the highest, old (150 ms), is 1.07× that; the difference is within the noise (p=0.57, between runs).',
    ]);
  });

  it('keeps the runs of two runners of one machine type apart, whatever they are called', async () => {
    // A suite split over two identical runners: each ran its model in runs it calls r1 … r3.
    const csv = (model: string, base: number) => `run_id,model,ttft_ms\n${['r1', 'r2', 'r3'].flatMap((run, i) => [-1, 1].map((d) => `${run},${model},${base + 10 * i + d}`)).join('\n')}\n`;
    await writeShard(path.join(tmp.dir, 'head', 'h100-part1'), machine('h100'), { 'bench/a.csv': csv('a', 100) });
    await writeShard(path.join(tmp.dir, 'head', 'h100-part2'), machine('h100'), { 'bench/b.csv': csv('b', 110) });
    const { report } = await merge({ baseline: 'none' });
    expect(report.series.map((s) => s.runs?.keys)).toEqual([
      ['head/h100-part1\u0000r1', 'head/h100-part1\u0000r2', 'head/h100-part1\u0000r3'],
      ['head/h100-part2\u0000r1', 'head/h100-part2\u0000r2', 'head/h100-part2\u0000r3'],
    ]);
  });

  it('makes two shards of one machine type (a suite split over identical runners) one hardware, a series both hold taken once', async () => {
    await writeShard(path.join(tmp.dir, 'head', 'h100-part1'), machine('h100'), { 'bench/runs.csv': throughputCsv({ llama3: scaled(3), qwen: scaled(2) }) });
    await writeShard(path.join(tmp.dir, 'head', 'h100-part2'), machine('h100'), { 'bench/runs.csv': throughputCsv({ qwen: scaled(2.1), gemma: scaled(4) }) });
    const { report, merged } = await merge({ baseline: 'none' });
    expect(merged.groups.map((g) => [g.id, g.shards, g.series.length])).toEqual([['h100', ['head/h100-part1', 'head/h100-part2'], 3]]);
    expect(report.series.map((s) => [s.labels.model, s.stats.mean])).toEqual([
      ['llama3', 300],
      ['qwen', 200],
      ['gemma', 400],
    ]);
    expect(report.notices).toEqual([{ input: 'shards', level: 'warning', message: '"head/h100-part2" 1 series also in shard head/h100-part1 of the same hardware (h100); the first shard\'s are kept' }]);
  });

  it('uses runner_hardware when the files already have a hardware label', async () => {
    const csv = 'hardware,run,tokens_s\ncpu,1,10\ncpu,2,11\nnpu,1,20\nnpu,2,21\n';
    await writeShard(path.join(tmp.dir, 'head', 'a'), machine('a'), { 'bench/x.csv': csv });
    await writeShard(path.join(tmp.dir, 'head', 'b'), machine('b'), { 'bench/x.csv': csv });
    const { report } = await merge({ baseline: 'none' });
    expect(report.series.map((s) => s.id)).toEqual([
      'bench/x.csv::tokens_s{hardware=cpu,runner_hardware=a}',
      'bench/x.csv::tokens_s{hardware=npu,runner_hardware=a}',
      'bench/x.csv::tokens_s{hardware=cpu,runner_hardware=b}',
      'bench/x.csv::tokens_s{hardware=npu,runner_hardware=b}',
    ]);
  });

  it('lists a shard that cannot be read as an error notice, and merges the rest', async () => {
    await shards(path.join(tmp.dir, 'head'), { h100: 3, l4: 1 });
    mkdirSync(path.join(tmp.dir, 'head', 'a100'));
    const { report } = await merge({ baseline: 'none' });
    expect(report.series).toHaveLength(2);
    expect(report.notices).toEqual([{ input: 'shards', level: 'error', message: '"head/a100" holds no shard (no hardware.json or snapshot.json in it or in a folder inside it)' }]);
  });
});

describe('comparing a merge with per-hardware baselines', () => {
  it('compares each machine with its own baseline: only l4’s 15% drop regresses, and it gates', async () => {
    await shards(path.join(tmp.dir, 'base'), { h100: 3, a100: 2, l4: 1 });
    await shards(path.join(tmp.dir, 'head'), { h100: 3, a100: 2, l4: 0.85 });
    const { report } = await merge({ baseline: 'file:base' });
    expect(report.comparison?.verdict).toBe('regression');
    expect(report.comparison?.series.map(row)).toEqual([
      ['bench/runs.csv::tokens_s{hardware=a100,model=llama3}', 'unchanged', true, 0, null],
      ['bench/runs.csv::tokens_s{hardware=h100,model=llama3}', 'unchanged', true, 0, null],
      ['bench/runs.csv::tokens_s{hardware=l4,model=llama3}', 'regressed', true, -0.15, null],
    ]);
    expect(report.comparison?.baseline).toEqual({ source: 'file', description: 'shards in base', createdAt: '2025-10-19T12:00:00.000Z' });
    expect(report.shards?.map((s) => [s.hardware.id, s.baseline])).toEqual([
      ['a100', { hardware: 'a100', description: 'shard base/a100', createdAt: '2025-10-19T12:00:00.000Z', sameHardware: true }],
      ['h100', { hardware: 'h100', description: 'shard base/h100', createdAt: '2025-10-19T12:00:00.000Z', sameHardware: true }],
      ['l4', { hardware: 'l4', description: 'shard base/l4', createdAt: '2025-10-19T12:00:00.000Z', sameHardware: true }],
    ]);
  });

  it('compares a machine without a baseline of its own with another machine’s: shown, never gated, and said', async () => {
    await shards(path.join(tmp.dir, 'base'), { h100: 3, a100: 2 });
    await shards(path.join(tmp.dir, 'head'), { h100: 3, a100: 2, l4: 0.85 });
    const { report, log } = await merge({ baseline: 'file:base' });
    expect(report.comparison?.verdict).toBe('pass');
    expect(report.comparison?.series.map(row)).toEqual([
      ['bench/runs.csv::tokens_s{hardware=a100,model=llama3}', 'unchanged', true, 0, null],
      ['bench/runs.csv::tokens_s{hardware=h100,model=llama3}', 'unchanged', true, 0, null],
      ['bench/runs.csv::tokens_s{hardware=l4,model=llama3}', 'regressed', false, -0.575, 'a100'],
    ]);
    expect(report.comparison?.series[2]?.note).toBe('different hardware: the baseline ran on a100, so this does not gate');
    expect(report.comparison?.baseline?.note).toBe('different hardware: l4 has no baseline of its own and is compared with the a100 baseline, not gated');
    expect(log).toContain('warning: Baseline: different hardware: l4 has no baseline of its own and is compared with the a100 baseline, not gated.');
    const md = renderMarkdown(report, { depth: 'digest' });
    expect(md).toContain('Different hardware: l4 has no baseline of its own and is compared with the a100 baseline, not gated.');
    expect(md).toContain('| `tokens_s`<br>l4 · llama3 | 200 tok/s | 85 tok/s | −57.5%<br><sub>−57.8% … −57.2%</sub> | ⚠️ regressed, not gated<br><sub>threshold 5%</sub><br><sub>⚠️ baseline on a100</sub> |');
    expect(md).toContain('<sub>**Hardware** (3 machines, 3 shards): `a100` 1× NVIDIA A100 · `h100` 1× NVIDIA H100 · `l4` 1× NVIDIA L4 ⚠️ no own baseline</sub>');
  });

  it('names a machine the baseline has and no shard brought: its series are missing', async () => {
    await shards(path.join(tmp.dir, 'base'), { h100: 3, a100: 2 });
    await shards(path.join(tmp.dir, 'head'), { h100: 3 });
    const { report } = await merge({ baseline: 'file:base' });
    expect(report.comparison?.series.map(row)).toEqual([
      ['bench/runs.csv::tokens_s{hardware=h100,model=llama3}', 'unchanged', true, 0, null],
      ['bench/runs.csv::tokens_s{hardware=a100,model=llama3}', 'missing', true, null, null],
    ]);
    expect(report.comparison?.baseline?.note).toBe('no shard of a100 was merged, though the baseline has one: its 1 series are missing');
  });

  it('splits a merged snapshot.json used as the baseline back into each machine’s series', async () => {
    await shards(path.join(tmp.dir, 'head'), { h100: 3, l4: 1 });
    const first = await merge({ baseline: 'none' });
    writeTree(tmp.dir, { 'previous/snapshot.json': serialiseSnapshot(mergedSnapshot(first.report, first.merged)) });
    await shards(path.join(tmp.dir, 'head'), { h100: 3, l4: 0.85 });
    const { report } = await merge({ baseline: 'file:previous/snapshot.json' });
    expect(report.comparison?.baseline?.description).toBe('merged snapshot previous/snapshot.json');
    expect(report.comparison?.series.map(row)).toEqual([
      ['bench/runs.csv::tokens_s{hardware=h100,model=llama3}', 'unchanged', true, 0, null],
      ['bench/runs.csv::tokens_s{hardware=l4,model=llama3}', 'regressed', true, -0.15, null],
    ]);
  });

  it('restores each machine’s own snapshot from the cache, and saves one per machine on a push', async () => {
    const cache = new FakeCache();
    const { log } = quietLog();
    await shards(path.join(tmp.dir, 'head'), { h100: 3, l4: 1 });
    const main = await merge({ baseline: 'none' });
    const push = { name: 'push', headSha: 'a'.repeat(40), branch: 'main', defaultBranch: 'main' };
    main.report.commit = { sha: 'a'.repeat(40), ref: 'main' };
    for (const g of main.merged.groups) await saveToCache({ cache, dir: path.join(tmp.dir, 'cache'), event: push, snapshot: hardwareSnapshot(main.report, g), log });
    expect(cache.entries.map((e) => e.key)).toEqual([cacheKey('main', 'bench', 'a'.repeat(40), 'h100'), cacheKey('main', 'bench', 'a'.repeat(40), 'l4')]);
    const saved = parseSnapshot(cache.entries[1]?.files['snapshot.json'] ?? '{}', 'snapshot.json');
    // What a shard on that machine would have written: its own ids, no hardware label.
    expect([saved.hardware?.id, saved.series.map((s) => s.id)]).toEqual(['l4', ['bench/runs.csv::tokens_s{model=llama3}']]);

    await shards(path.join(tmp.dir, 'head'), { h100: 3, l4: 0.85 });
    const pr = { name: 'pull_request', headSha: 'c'.repeat(40), baseSha: 'a'.repeat(40), baseRef: 'main', defaultBranch: 'main' };
    const { report } = await merge({ baseline: 'cache' }, { cache, event: pr });
    expect(report.comparison?.series.map(row)).toEqual([
      ['bench/runs.csv::tokens_s{hardware=h100,model=llama3}', 'unchanged', true, 0, null],
      ['bench/runs.csv::tokens_s{hardware=l4,model=llama3}', 'regressed', true, -0.15, null],
    ]);
    expect(report.comparison?.baseline?.description).toBe('cached snapshots of h100, l4');
  });
});

describe('untrusted names in the merged report', () => {
  it('reach the Markdown escaped and the log on one line', async () => {
    await shards(path.join(tmp.dir, 'head'), { h100: 3 });
    const hostile = 'x`<img src=y>\n::error::@admin';
    mkdirSync(path.join(tmp.dir, 'head', hostile));
    const { report } = await merge({ baseline: 'none' });
    const md = renderMarkdown(report, { depth: 'digest' });
    expect(md).toContain('- **Error** · `shards`: "head/x\\`&lt;img src=y&gt;\\\\n::error::@\u200badmin" holds no shard');
    expect(md).not.toContain('<img');
    // Quoted as JSON: the line break is the two characters \n, so no log line can start with "::".
    expect(report.notices?.[0]?.message).toBe('"head/x`<img src=y>\\n::error::@admin" holds no shard (no hardware.json or snapshot.json in it or in a folder inside it)');
  });
});

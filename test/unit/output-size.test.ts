// Issue 15: report.json and snapshot.json are sized to what they say. On the generated 1,000-file
// repository (bench/realistic.ts, 907 series from 0.72 MB) they were 2.4× the bytes of input read
// (report schema 2, snapshot 1), 1.35× with report schema 3 and snapshot 2; the series table (report 4,
// snapshot 3) and a baseline snapshot that keeps what the gate reads bring them under the 1×,
// on that tree and on a tree of a thousand JSON summaries of a dozen single values each, where the bytes
// per series decide (docs/report-json.md, "Size"). What is written reads back as what was meant.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import os from 'node:os';
import { cliCompareStage } from '../../src/baseline/cli.js';
import { createSnapshot, parseSnapshot, writeSnapshotJson } from '../../src/baseline/snapshot.js';
import { buildConfig } from '../../src/config.js';
import type { Report } from '../../src/model/report.js';
import { runPipeline } from '../../src/pipeline.js';
import { readReportSeries } from '../../src/report/json.js';
import { writeReportJson } from '../../src/report/write.js';
import { shardReportOf } from '../../src/shards/read.js';
import { writeRealisticTree } from '../helpers/realistic-tree.js';
import { makeTempDir, removeDir, writeTree } from '../helpers/tmp.js';

const deps = { now: () => new Date('2026-01-01T00:00:00Z'), elapsed: () => performance.now(), narrative: { status: 'skipped', reason: 'no model' } as const };
const quiet = { info: () => undefined, warning: () => undefined };

async function analyse(dir: string): Promise<Report> {
  // The default baseline: outside Actions and git it is the tree's own timestamped history, as the CLI finds it.
  const inputs: Record<string, string> = { path: '.', llm: 'false' };
  const config = buildConfig((name) => inputs[name] ?? '', { workspace: dir, defaultOutputDir: undefined });
  const stage = cliCompareStage(config, dir, quiet, deps, os.tmpdir());
  return (await runPipeline(config, { ...deps, compare: stage.compare, compareLate: stage.compareLate })).report;
}

let report: Report;
let remove: () => void;

beforeAll(async () => {
  const tree = await writeRealisticTree({ files: 1000 });
  remove = tree.remove;
  report = await analyse(tree.dir);
}, 120_000);

afterAll(() => remove?.());

async function text(write: (sink: (chunk: string) => void) => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  await write((chunk) => {
    chunks.push(chunk);
  });
  return chunks.join('');
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
/** Bytes of every file found, documents included: what the run read. */
const inputOf = (r: Report) => r.inventory.files.reduce((sum, f) => sum + f.size, 0);

describe('outputs of a generated 1,000-file benchmarking repository', () => {
  it('has the planted structures to write: hundreds of series, findings and a comparison', () => {
    expect(report.inventory.totals.found).toBe(981);
    expect(report.series.length).toBeGreaterThan(800);
    expect(report.findings.length).toBeGreaterThan(100);
    expect(report.comparison?.series.length).toBeGreaterThan(100);
  });

  it('writes report.json and snapshot.json that together stay within 0.9× the input read, the snapshot within 0.15×', async () => {
    const input = inputOf(report);
    const reportJson = await text((sink) => writeReportJson(report, sink));
    const snapshotJson = await text((sink) => writeSnapshotJson(createSnapshot(report), sink));
    expect(bytes(reportJson) + bytes(snapshotJson)).toBeLessThanOrEqual(0.9 * input);
    expect(bytes(snapshotJson)).toBeLessThanOrEqual(0.15 * input);
  });

  it('keeps every sample of every series with keep-samples', async () => {
    const json = JSON.parse(await text((sink) => writeReportJson(report, sink, { keepSamples: true }))) as object;
    const read = readReportSeries(json);
    expect(read.filter((s) => (s as { samplesOmitted?: number }).samplesOmitted !== undefined)).toEqual([]);
    expect(read.map((s) => s.samples.length)).toEqual(report.series.map((s) => s.samples.length));
  });

  it('reads its report.json back as the series it holds, each with its id, statistics and labels', async () => {
    const read = readReportSeries(JSON.parse(await text((sink) => writeReportJson(report, sink))) as object);
    expect(read.map((s) => [s.id, s.file, s.metric, s.labels, s.unit, s.direction, s.stats, s.outliers, s.line])).toStrictEqual(
      report.series.map((s) => [s.id, s.file, s.metric, s.labels, s.unit, s.direction, s.stats, s.outliers, s.line]),
    );
  });

  it('reads its compact snapshot back as exactly the snapshot it wrote', async () => {
    const snapshot = createSnapshot(report);
    const read = parseSnapshot(await text((sink) => writeSnapshotJson(snapshot, sink)), 'snapshot.json');
    expect(read).toStrictEqual(snapshot);
  });

  it('reads a full snapshot (a shard’s, every statistic and sample) back exactly', async () => {
    const snapshot = createSnapshot(report, { detail: 'full' });
    const read = parseSnapshot(await text((sink) => writeSnapshotJson(snapshot, sink)), 'snapshot.json');
    expect(read).toStrictEqual(snapshot);
  });

  it('hands a merge the files its report.json lists, as the report holds them', async () => {
    const read = shardReportOf(JSON.parse(await text((sink) => writeReportJson(report, sink))));
    // A plain document is listed by path alone: its adapter and time are not written.
    const plain = (f: Report['inventory']['files'][number]) => f.document && f.status === 'parsed' && f.series === 0 && f.problemCount === 0 && f.reason === undefined;
    const fields = (f: Report['inventory']['files'][number]) => [f.path, f.type, f.status, f.document, f.series, f.rows, f.excludedRows, f.problemCount, plain(f) ? undefined : f.adapter, f.reason, plain(f) ? undefined : f.modified];
    const listed = [...report.inventory.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    expect(read.files.map(fields)).toEqual(listed.map(fields));
    expect(read.experiments).toEqual(report.experiments);
  });
});

describe('outputs of a series-dense tree: a thousand JSON summaries of a dozen single values', () => {
  const dir = makeTempDir('chimera-dense-');
  afterAll(() => removeDir(dir));

  it('writes report.json and snapshot.json that together stay within 0.9× the input read', async () => {
    const files: Record<string, string> = {};
    const models = ['llama-3.1-8b', 'qwen2.5-7b', 'mistral-7b', 'phi-3.5-mini', 'gemma-2-9b'];
    const tasks = ['mmlu', 'gsm8k', 'humaneval', 'arc', 'hellaswag', 'truthfulqa', 'winogrande', 'mbpp'];
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango', 'uniform', 'victor', 'whiskey', 'xray', 'yankee'];
    // Values from a fixed arithmetic sequence: the sizes do not depend on a random draw.
    const v = (i: number, k: number, scale: number) => Math.round(((i * 37 + k * 101) % 997) * scale * 10) / 10_000;
    for (let i = 0; i < 1000; i++) {
      const model = models[i % 5] as string;
      const task = tasks[Math.floor(i / 5) % 8] as string;
      const name = `${words[Math.floor(i / 40) % 25]}-${words[i % 25]}-${task}`;
      files[`evaluations/${model}/${task}/${name}/summary.json`] = JSON.stringify(
        {
          run: { name: `${model}/${task}/${name}`, started_at: '2025-10-01T12:00:00Z', git_sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', host: 'gpu-node-17.cluster.internal' },
          model: { name: model, revision: 'main', dtype: 'bfloat16', path: `/models/hf/${model}/snapshots/0123456789abcdef` },
          results: {
            accuracy: v(i, 1, 0.001),
            accuracy_stderr: v(i, 2, 0.00005),
            exact_match: v(i, 3, 0.001),
            f1: v(i, 4, 0.001),
            latency: { ttft_ms: v(i, 5, 0.3), tpot_ms: v(i, 6, 0.04), e2e_ms: v(i, 7, 5), p99_e2e_ms: v(i, 8, 9) },
            throughput: { tokens_per_s: v(i, 9, 3), requests_per_s: v(i, 10, 0.03) },
            memory: { peak_gb: v(i, 11, 0.08) },
            tokens: { prompt_mean: v(i, 12, 0.9), output_mean: v(i, 13, 0.4) },
          },
        },
        null,
        2,
      );
    }
    writeTree(dir, files);
    const dense = await analyse(dir);
    expect(dense.series.length).toBe(13_000);
    const input = inputOf(dense);
    const reportJson = await text((sink) => writeReportJson(dense, sink));
    const snapshotJson = await text((sink) => writeSnapshotJson(createSnapshot(dense), sink));
    expect(bytes(reportJson) + bytes(snapshotJson)).toBeLessThanOrEqual(0.9 * input);
  }, 120_000);
});

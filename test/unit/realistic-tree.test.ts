import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REALISTIC_MIN_FILES, generateRealisticTree } from '../../bench/realistic.js';
import { writeRealisticTree, type RealisticManifest } from '../helpers/realistic-tree.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';
import { directionOf, groupBy, numberAt, rank, readCsv, readFolderExperiment, summarise, sweepTruth, type Direction } from '../helpers/truth.js';

/**
 * The generated realistic tree (bench/realistic.ts) is only useful if its
 * manifest is the truth: every number is recomputed here from the files on
 * disk with test/helpers/truth.ts, which shares no code with the generator.
 */

/** Deep equality where numbers may differ by float summation order only (relative 1e-9). */
function expectSameNumbers(actual: unknown, expected: unknown, where = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${where} is not an array`).toBe(true);
    expect((actual as unknown[]).length, `${where} length`).toBe(expected.length);
    expected.forEach((item, i) => expectSameNumbers((actual as unknown[])[i], item, `${where}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${where} is not an object`).toBe(true);
    expect(Object.keys(actual as object).sort(), `${where} keys`).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectSameNumbers((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    return;
  }
  expect(actual, where).toEqual(expected);
}

function filesOnDisk(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const full = path.join(e.parentPath, e.name);
      return { path: path.relative(dir, full).split(path.sep).join('/'), bytes: readFileSync(full).length };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

const levelsFor = (metric: string, direction: Direction, groups: Map<string, number[]>) =>
  rank(metric, 'factor', direction, [...groups].map(([value, values]) => ({ value, ...summarise(values) }))).levels;

let tree: { dir: string; manifest: RealisticManifest; remove: () => void };
let m: RealisticManifest;

beforeAll(async () => {
  tree = await writeRealisticTree({ files: 300 });
  m = tree.manifest;
});

afterAll(() => tree?.remove());

describe('the realistic tree on disk', () => {
  it('holds exactly the files its manifest lists, with their sizes', () => {
    const listed = m.list.map((f) => ({ path: f.path, bytes: f.bytes })).sort((a, b) => a.path.localeCompare(b.path));
    expect(filesOnDisk(tree.dir)).toEqual(listed);
    expect(m.files).toBe(300);
    expect(m.bytes).toBe(listed.reduce((sum, f) => sum + f.bytes, 0));
  });

  it('counts every file once by kind and by extension', () => {
    const kinds = groupBy(m.list, (f) => f.kind);
    for (const [kind, count] of Object.entries(m.byKind)) expect(kinds.get(kind as never)?.length ?? 0, kind).toBe(count);
    const extensions = groupBy(m.list, (f) => path.posix.extname(f.path));
    expect(Object.fromEntries([...extensions].map(([ext, files]) => [ext, files.length]))).toEqual(m.byExtension);
    expect(Object.values(m.byKind).reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('writes the same bytes for the same seed', async () => {
    const again = makeTempDir('chimera-realistic-again-');
    try {
      const second = await generateRealisticTree(again, { files: 300 });
      expect({ ...second, dir: tree.dir }).toEqual(m);
      for (const f of m.list.slice(0, 60)) expect(readFileSync(path.join(again, f.path)).equals(readFileSync(path.join(tree.dir, f.path))), f.path).toBe(true);
    } finally {
      removeDir(again);
    }
  });

  it(`refuses fewer files than the planted structures need (${REALISTIC_MIN_FILES})`, async () => {
    await expect(generateRealisticTree(path.join(tree.dir, 'too-small'), { files: 100 })).rejects.toThrow(`a realistic tree needs at least ${REALISTIC_MIN_FILES} files (got 100)`);
  });
});

describe('the runtime experiment truth', () => {
  const runsOnDisk = () => readFolderExperiment(path.join(tree.dir, m.experiment.dir), 'summary.json', tree.dir);

  it('is 5 variants × 6 configs × run_1..run_5, one summary.json each', () => {
    const runs = runsOnDisk();
    expect(runs).toHaveLength(150);
    expect([...new Set(runs.map((r) => r.variant))].sort()).toEqual([...m.experiment.variants].sort());
    expect([...new Set(runs.map((r) => r.config))]).toEqual(m.experiment.configs);
    expect([...new Set(runs.map((r) => r.run))]).toEqual(['run_1', 'run_2', 'run_3', 'run_4', 'run_5']);
  });

  it('matches every per-variant and per-(variant, config) mean, sd and n recomputed from the files', () => {
    const runs = runsOnDisk();
    for (const [metric, truth] of Object.entries(m.experiment.metrics)) {
      const direction = directionOf(metric) as Direction;
      expect(truth.direction).toBe(direction);
      const byVariant = groupBy(runs, (r) => r.variant);
      expectSameNumbers(truth.byVariant, levelsFor(metric, direction, new Map([...byVariant].map(([v, rs]) => [v, rs.map((r) => r.values[metric] as number)]))), metric);
      const cells = truth.byCell.map((c) => ({ variant: c.variant, config: c.config, ...summarise(runs.filter((r) => r.variant === c.variant && r.config === c.config).map((r) => r.values[metric] as number)) }));
      expectSameNumbers(truth.byCell, cells, metric);
      expect(truth.byCell.every((c) => c.n === 5)).toBe(true);
    }
  });

  it('has one variant more than twice as fast as each of the four others, pooled over its 30 runs and within every config', () => {
    const tps = m.experiment.metrics.tokens_per_second;
    const [top, ...rest] = tps?.byVariant ?? [];
    expect(m.experiment.fastest.variant).toBe('runtime-fused');
    expect(top?.value).toBe('runtime-fused');
    expect(top?.n).toBe(30);
    for (const other of rest) expect(m.experiment.fastest.ratioTo[other.value]).toBeCloseTo((top?.mean as number) / other.mean, 12);
    expect(m.experiment.fastest.minRatio).toBeGreaterThan(2);
    for (const c of m.experiment.configs) {
      expect(m.experiment.fastest.perConfig[c]?.variant).toBe('runtime-fused');
      expect(m.experiment.fastest.perConfig[c]?.minRatio).toBeGreaterThan(2);
    }
  });

  it('puts metrics.json only in the listed configs, with the same numbers as summary.json under other keys', () => {
    const metrics = readFolderExperiment(path.join(tree.dir, m.experiment.dir), 'metrics.json', tree.dir);
    expect(metrics).toHaveLength(m.experiment.metricsFile.files);
    expect(metrics).toHaveLength(50);
    expect([...new Set(metrics.map((r) => r.config))]).toEqual(m.experiment.metricsFile.configs);
    const summaries = new Map(runsOnDisk().map((r) => [`${r.variant}/${r.config}/${r.run}`, r.values]));
    for (const run of metrics) {
      const summary = summaries.get(`${run.variant}/${run.config}/${run.run}`);
      for (const [summaryKey, metricsKey] of Object.entries(m.experiment.metricsFile.keys)) expect(run.values[metricsKey], run.file).toBe(summary?.[summaryKey]);
      expect(Object.keys(run.values).some((k) => k in (summary ?? {})), run.file).toBe(false);
    }
  });
});

describe('the parameter sweep truth', () => {
  it('matches the best and worst configuration and every factor main effect recomputed from the CSV', () => {
    const { rows } = readCsv(path.join(tree.dir, m.sweep.file));
    expect(rows).toHaveLength(36);
    expectSameNumbers(m.sweep, sweepTruth(m.sweep.file, rows, m.sweep.factors, Object.keys(m.sweep.metrics)));
  });

  it('varies num_gpu × num_ctx × temperature once each, where num_ctx matters and temperature moves tokens/s by under 1%', () => {
    const { rows } = readCsv(path.join(tree.dir, m.sweep.file));
    expect(new Set(rows.map((r) => `${r.num_gpu}/${r.num_ctx}/${r.temperature}`)).size).toBe(36);
    const tps = m.sweep.metrics.tokens_s;
    expect(tps?.factors.num_ctx?.levels.map((l) => [l.value, l.n])).toEqual([['1024', 9], ['2048', 9], ['4096', 9], ['8192', 9]]);
    expect(tps?.factors.num_ctx?.rangePct).toBeGreaterThan(20);
    expect(tps?.factors.temperature?.rangePct).toBeLessThan(1);
    expect(tps?.best.config.num_ctx).toBe('1024');
    expect(tps?.worst.config.num_ctx).toBe('8192');
  });
});

describe('the sibling, workload, replicate and history truths', () => {
  it('has each sibling group as same-column files whose means match their rows', () => {
    expect(m.siblings.map((g) => g.members.map((x) => x.file))).toEqual([
      ['reports/gemma3/gemma3_270m_baseline.csv', 'reports/gemma3/gemma3_1b_baseline.csv', 'reports/gemma3/gemma3_baseline.csv'],
      ['reports/llama3.2/llama3.2_1b_baseline.csv', 'reports/llama3.2/llama3.2_3b_baseline.csv', 'reports/llama3.2/llama3.2_baseline.csv'],
    ]);
    for (const group of m.siblings) {
      for (const member of group.members) {
        const { header, rows } = readCsv(path.join(tree.dir, member.file));
        expect(header).toEqual(group.columns);
        const recomputed = Object.fromEntries(Object.keys(member.metrics).map((k) => [k, summarise(rows.map((row) => numberAt(row, k, member.file)))]));
        expectSameNumbers(member.metrics, recomputed, member.file);
      }
    }
  });

  it('has each workload table repeat the same free-text prompts for every tag, with per-tag means that match the rows', () => {
    expect(m.workloads.map((t) => t.promptColumn)).toEqual(['prompt', 'prompt_text', 'input', 'question']);
    for (const table of m.workloads) {
      const { rows } = readCsv(path.join(tree.dir, table.file));
      expect(rows).toHaveLength(table.prompts * table.tags.length);
      const byTag = groupBy(rows, (r) => r[table.tagColumn] as string);
      expect([...byTag.keys()].sort()).toEqual([...table.tags].sort());
      const prompts = new Set(rows.map((r) => r[table.promptColumn]));
      expect(prompts.size).toBe(table.prompts);
      for (const group of byTag.values()) expect(new Set(group.map((r) => r[table.promptColumn])).size).toBe(table.prompts);
      for (const prompt of prompts) expect((prompt as string).length).toBeGreaterThan(40);
      for (const [metric, levels] of Object.entries(table.metrics)) {
        expectSameNumbers(levels, table.tags.map((tag) => ({ value: tag, ...summarise((byTag.get(tag) ?? []).map((r) => numberAt(r, metric, table.file))) })), `${table.file} ${metric}`);
      }
    }
  });

  it('has every replicate group pool exactly the values of its files', () => {
    expect(m.replicateGroups).toHaveLength(30 + 10 + 1);
    for (const group of m.replicateGroups) {
      const pooled: Record<string, number[]> = {};
      for (const file of group.files) {
        const full = path.join(tree.dir, file);
        const records = file.endsWith('.json') ? [JSON.parse(readFileSync(full, 'utf8')) as Record<string, unknown>] : readCsv(full).rows;
        for (const record of records) for (const key of Object.keys(group.metrics)) (pooled[key] ??= []).push(Number(record[key]));
      }
      expectSameNumbers(group.metrics, Object.fromEntries(Object.entries(pooled).map(([k, v]) => [k, summarise(v)])), group.id);
      const pattern = new RegExp(`^${group.id.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);
      for (const file of group.files) expect(file, group.id).toMatch(pattern);
    }
  });

  it('has the timestamped runs with per-backend, per-batch tokens/s that match their rows', () => {
    expect(m.timestampedRuns.folders).toEqual(['20250901-101500', '20250908-142210', '20250915-093045', '20250922-170530']);
    for (const run of m.timestampedRuns.perRun) {
      const { rows } = readCsv(path.join(tree.dir, m.timestampedRuns.dir, run.folder, m.timestampedRuns.file));
      expect(rows).toHaveLength(run.rows);
      const groups = groupBy(rows, (r) => `${r.backend}|${r.batch_size}`);
      expectSameNumbers(run.tokens_s, [...groups].map(([key, g]) => {
        const [backend, batch] = key.split('|');
        return { backend, batch_size: batch, ...summarise(g.map((r) => numberAt(r, 'tokens_s', run.folder))) };
      }), run.folder);
    }
  });
});

describe('the noise', () => {
  it('has every listed broken file really unreadable for its stated reason', () => {
    expect(m.broken.map((b) => b.path)).toEqual(m.list.filter((f) => f.kind === 'broken').map((f) => f.path));
    const read = (p: string) => readFileSync(path.join(tree.dir, p));
    for (const { path: p } of m.broken) {
      if (p.endsWith('.json')) expect(() => JSON.parse(read(p).toString('utf8')), p).toThrow();
    }
    expect(() => readCsv(path.join(tree.dir, 'reports/mistral/mistral_7b_chat_20251011.csv'))).toThrow('line 4: text after a closing quote');
    expect(read('reports/partial/last_run.csv').length).toBe(0);
    expect(read('reports/logs/gpu_trace.txt').includes(0)).toBe(true);
    expect(read('reports/compilation/mlp_bench_20251002-165750.json').toString('utf8')).toContain('"compiled_ms": NaN');
  });

  it('nests the deep tables nine and ten folders down', () => {
    expect(m.deep.map((d) => d.depth)).toEqual([9, 9, 10]);
    for (const d of m.deep) expect(d.path.split('/')).toHaveLength(d.depth + 1);
  });
});

describe('the default 1,000-file tree', () => {
  let big: { dir: string; manifest: RealisticManifest; remove: () => void };
  beforeAll(async () => {
    big = await writeRealisticTree();
  });
  afterAll(() => big?.remove());

  it('is mostly Markdown notes around the planted structures, as in a real benchmarking repository', () => {
    expect(big.manifest.files).toBe(1000);
    expect(big.manifest.byKind).toEqual({
      'experiment-summary': 150,
      'experiment-metrics': 50,
      'sweep-csv': 1,
      'workload-csv': 4,
      'sibling-csv': 6,
      'replicate-csv': 3,
      'timestamped-run': 4,
      'deep-table': 3,
      broken: 5,
      'per-prompt-csv': 70,
      'json-summary': 46,
      'config-json': 20,
      'config-yaml': 19,
      'markdown-prose': 599,
      'markdown-table': 20,
    });
    expect(filesOnDisk(big.dir)).toHaveLength(1000);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_SAMPLE_LIMIT, createSnapshot, parseSnapshot, readSnapshot, serialiseSnapshot, writeSnapshot } from '../../src/baseline/snapshot.js';
import { DEFAULT_PATTERNS } from '../../src/config.js';
import type { Report } from '../../src/model/report.js';
import { analyzeTree, configFor, throughputCsv } from '../helpers/baseline.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-snapshot-');

async function reportOf(files: Record<string, string>, inputs: Record<string, string> = {}): Promise<Report> {
  writeTree(tmp.dir, files);
  const report = await analyzeTree(configFor(tmp.dir, inputs));
  report.commit = { sha: '1111111111111111111111111111111111111111', ref: 'main' };
  return report;
}

describe('createSnapshot', () => {
  it('keeps every series with its id, n, mean, sd and median, the commit and the report time: what the gate reads of a baseline', async () => {
    const report = await reportOf({ 'bench/runs.csv': throughputCsv({ llama3: [100, 102, 98], qwen: [50, 51, 49] }) }, { path: 'bench' });
    const snapshot = createSnapshot(report);
    expect(snapshot.schemaVersion).toBe(3);
    expect(snapshot.tool).toBe('chimera-insight');
    expect(snapshot.createdAt).toBe('2025-10-20T12:00:00.000Z');
    expect(snapshot.commit).toEqual({ sha: '1111111111111111111111111111111111111111', ref: 'main' });
    expect(snapshot.series.map((s) => s.id)).toEqual(['bench/runs.csv::tokens_s{model=llama3}', 'bench/runs.csv::tokens_s{model=qwen}']);
    const llama = snapshot.series[0];
    expect(llama?.samples).toEqual([]);
    expect(llama?.stats).toEqual({ n: 3, mean: 100, sd: 2, cv: 2, min: null, p50: 100, p95: null, p99: null, max: null, approximate: false });
    expect(llama?.direction).toBe('higher');
    expect(llama?.unit).toBe('tok/s');
  });

  it('keeps the median and the samples when the gate compares medians, which the bootstrap resamples', async () => {
    const report = await reportOf({ 'bench/runs.csv': throughputCsv({ llama3: [100, 102, 98] }) }, { path: 'bench', statistic: 'median' });
    const llama = createSnapshot(report).series[0];
    expect(llama?.samples).toEqual([100, 102, 98]);
    expect(llama?.stats).toEqual({ n: 3, mean: 100, sd: 2, cv: 2, min: null, p50: 100, p95: null, p99: null, max: null, approximate: false });
  });

  it('keeps a single value whole: its one sample is its mean', async () => {
    const report = await reportOf({ 'bench/runs.csv': throughputCsv({ llama3: [100] }) }, { path: 'bench' });
    const llama = createSnapshot(report).series[0];
    expect([llama?.samples, llama?.stats]).toEqual([[100], { n: 1, mean: 100, sd: null, cv: null, min: 100, p50: 100, p95: 100, p99: 100, max: 100, approximate: false }]);
  });

  it('keeps every statistic and the samples in a full snapshot (a shard’s, which a merge turns back into series)', async () => {
    const report = await reportOf({ 'bench/runs.csv': throughputCsv({ llama3: [100, 102, 98] }) }, { path: 'bench' });
    const llama = createSnapshot(report, { detail: 'full' }).series[0];
    expect([llama?.samples, llama?.stats]).toEqual([[100, 102, 98], { n: 3, mean: 100, sd: 2, cv: 2, min: 98, p50: 100, p95: 101.8, p99: 101.96, max: 102, approximate: false }]);
  });

  it('records the inputs that decide ids, units and directions, and nothing else', async () => {
    const report = await reportOf({ 'bench/runs.csv': throughputCsv({ a: [1, 2] }) }, { path: 'bench', directions: 'tokens_s: higher', threshold: '3%' });
    expect(createSnapshot(report).config).toEqual({
      path: 'bench',
      patterns: DEFAULT_PATTERNS.join(', '),
      format: 'auto',
      directions: 'tokens_s: higher',
      units: '(inferred)',
      metrics: '(all)',
    });
  });

  it(`caps samples at ${SNAPSHOT_SAMPLE_LIMIT} while the stats still describe all of them`, async () => {
    const values = Array.from({ length: 1500 }, (_, i) => 100 + (i % 10));
    const report = await reportOf({ 'long.csv': throughputCsv({ a: values }) });
    const s = createSnapshot(report, { detail: 'full' }).series[0];
    expect(s?.samples).toHaveLength(1000);
    expect(s?.samples.slice(0, 3)).toEqual([100, 101, 102]);
    expect(s?.stats.n).toBe(1500);
    expect(s?.stats.mean).toBe(104.5);
  });
});

describe('readSnapshot', () => {
  it('reads back exactly what was written', async () => {
    const report = await reportOf({ 'runs.csv': throughputCsv({ a: [10, 11, 12] }) });
    const snapshot = createSnapshot(report);
    const file = path.join(tmp.dir, 'snapshot.json');
    await writeSnapshot(file, snapshot);
    expect(await readSnapshot(file)).toEqual(snapshot);
  });

  it('names the file when it does not exist', async () => {
    await expect(readSnapshot(path.join(tmp.dir, 'nope.json'), 'baseline/nope.json')).rejects.toThrow('Baseline snapshot baseline/nope.json: cannot be read (ENOENT)');
  });

  it('names the file when it is not JSON', () => {
    expect(() => parseSnapshot('{"tool": ', 'old.json')).toThrow(/^Baseline snapshot old\.json: is not valid JSON \(/);
  });

  it('refuses benchmark JSON that is not a snapshot', () => {
    expect(() => parseSnapshot('[{"tokens_s": 12}]', 'results.json')).toThrow('Baseline snapshot results.json: is not a JSON object');
    expect(() => parseSnapshot('{"tokens_s": 12}', 'results.json')).toThrow('Baseline snapshot results.json: is not a Chimera Insight snapshot (its "tool" is not "chimera-insight")');
  });

  it('refuses a snapshot of a newer schema version and says why', () => {
    const text = JSON.stringify({ schemaVersion: 4, tool: 'chimera-insight', toolVersion: '9.0.0', createdAt: '2025-10-01T00:00:00Z', config: {}, series: [] });
    expect(() => parseSnapshot(text, 'snap.json')).toThrow('Baseline snapshot snap.json: has schema version 4, written by a newer Chimera Insight; this version reads versions 1 to 3');
  });

  it('points at the first malformed series field', async () => {
    const report = await reportOf({ 'runs.csv': throughputCsv({ a: [10, 11, 12], b: [1, 2, 3] }) });
    const file = path.join(tmp.dir, 'snapshot.json');
    await writeSnapshot(file, createSnapshot(report));
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.series[0].rows[1][1] = [3, 'fast', 1];
    writeFileSync(file, JSON.stringify(data));
    await expect(readSnapshot(file, 'snapshot.json')).rejects.toThrow('Baseline snapshot snapshot.json: series[0].rows[1].stats.mean must be a finite number');
  });

  it('refuses two series with the same id, which could not be matched', async () => {
    const report = await reportOf({ 'runs.csv': throughputCsv({ a: [10, 11, 12] }) });
    const snapshot = createSnapshot(report);
    snapshot.series.push({ ...(snapshot.series[0] as (typeof snapshot.series)[number]) });
    expect(() => parseSnapshot(serialiseSnapshot(snapshot), 's.json')).toThrow('Baseline snapshot s.json: series[0].rows[1].id "runs.csv::tokens_s{model=a}" appears twice');
  });
});

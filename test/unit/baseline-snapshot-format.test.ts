// snapshot.json schema 3: the series table (docs/report-json.md), and the snapshots already in users'
// caches (schema 1, every field written; schema 2, defaults left out) are still read.
import { describe, expect, it } from 'vitest';
import { parseSnapshot, serialiseSnapshot, snapshotForJson } from '../../src/baseline/snapshot.js';
import type { Snapshot, SnapshotSeries } from '../../src/model/snapshot.js';
import type { SeriesStats } from '../../src/model/series.js';

const stats = (over: Partial<SeriesStats>): SeriesStats => ({ n: 3, mean: 100, sd: 2, cv: 2, min: 98, p50: 100, p95: 101.8, p99: 101.96, max: 102, approximate: false, ...over });
const one = (value: number): SeriesStats => ({ n: 1, mean: value, sd: null, cv: null, min: value, p50: value, p95: value, p99: value, max: value, approximate: false });

function snapshot(series: SnapshotSeries[]): Snapshot {
  return { schemaVersion: 3, tool: 'chimera-insight', toolVersion: '0.1.0', createdAt: '2026-11-01T10:00:00.000Z', commit: { sha: 'a'.repeat(40), ref: 'main' }, config: { path: 'bench' }, series };
}

const llama: SnapshotSeries = {
  id: 'bench/runs.csv::tokens_s{model=llama3}',
  file: 'bench/runs.csv',
  metric: 'tokens_s',
  labels: { model: 'llama3' },
  unit: 'tok/s',
  direction: 'higher',
  source: 'samples',
  stats: stats({}),
  samples: [98, 100, 102],
  line: 2,
};
const qwenTtft: SnapshotSeries = { ...llama, id: 'bench/runs.csv::ttft_ms{model=qwen}', metric: 'ttft_ms', labels: { model: 'qwen' }, unit: 'ms', direction: 'lower', stats: one(80), samples: [80] };

describe('snapshot.json schema 3', () => {
  it('writes the series of a file as one group: its file and shared line once, each series as its metric, statistics and samples', () => {
    const written = snapshotForJson(snapshot([llama, qwenTtft]));
    expect([written.schemaVersion, written.metrics, written.series]).toEqual([
      3,
      [
        { metric: 'tokens_s', unit: 'tok/s', direction: 'higher' },
        { metric: 'ttft_ms', unit: 'ms', direction: 'lower' },
      ],
      [
        {
          file: 'bench/runs.csv',
          line: 2,
          rows: [
            [0, [3, 100, 2], [98, 100, 102], { labels: { model: 'llama3' } }],
            [1, 80, { labels: { model: 'qwen' } }],
          ],
        },
      ],
    ]);
  });

  it('reads back exactly the series it wrote, whatever they leave out', () => {
    const timestamped: SnapshotSeries = { ...llama, id: 'runs/<ts>/t.csv::latency_ms{batch=8,backend=eager}', file: 'runs/20250901-101500/t.csv', metric: 'latency_ms', labels: { batch: '8', backend: 'eager' } };
    const sibling: SnapshotSeries = { ...timestamped, id: 'runs/<ts>/t.csv::latency_ms{backend=eager,batch=8}#2', labels: { backend: 'eager', batch: '8' }, factors: { run: 'b' }, experiment: 'runs/*/t.csv' };
    const third: SnapshotSeries = { ...timestamped, id: 'runs/<ts>/t.csv::x{y}', metric: 'x{y}', labels: {}, stats: stats({ cv: 7 }) };
    const summary: SnapshotSeries = { ...llama, id: 'bench/s.json::ms', file: 'bench/s.json', metric: 'ms', labels: {}, unit: '', source: 'summary', stats: { ...stats({ n: null, p95: null }), min: null }, samples: [] };
    const oneOfSummary: SnapshotSeries = { ...summary, id: 'bench/s.json::p99', metric: 'p99', stats: { ...one(5), p95: null }, samples: [] };
    const baseline: SnapshotSeries = { ...llama, id: 'bench/b.csv::tokens_s', file: 'bench/b.csv', labels: {}, stats: { ...stats({}), min: null, p50: null, p95: null, p99: null, max: null }, samples: [] };
    const llm: SnapshotSeries = { ...llama, id: 'llm::tokens_per_second', file: 'llm', metric: 'tokens_per_second', labels: {}, stats: { ...stats({}), approximate: true } };
    const all = snapshot([llama, qwenTtft, timestamped, sibling, third, summary, oneOfSummary, baseline, llm]);
    expect(parseSnapshot(serialiseSnapshot(all), 'snapshot.json')).toStrictEqual({ ...all, schemaVersion: 3 });
  });

  it('is smaller than the same snapshot with every field written', () => {
    const all = snapshot([llama, qwenTtft]);
    expect(serialiseSnapshot(all).length).toBe(475);
    expect(JSON.stringify(all).length + 1).toBe(838);
  });
});

describe('snapshots in users’ caches', () => {
  it('reads a schema-1 snapshot, every field written, as this version writes it today', () => {
    const text =
      '{"schemaVersion":1,"tool":"chimera-insight","toolVersion":"0.1.0","createdAt":"2026-11-01T10:00:00.000Z","config":{"path":"bench"},' +
      '"series":[{"id":"bench/runs.csv::tokens_s{model=llama3}","file":"bench/runs.csv","metric":"tokens_s","labels":{"model":"llama3"},"unit":"tok/s","direction":"higher","source":"samples",' +
      '"stats":{"n":3,"mean":100,"sd":2,"cv":2,"min":98,"p50":100,"p95":101.8,"p99":101.96,"max":102,"approximate":false},"samples":[98,100,102],"line":2},' +
      '{"id":"bench/runs.csv::ttft_ms{model=qwen}","file":"bench/runs.csv","metric":"ttft_ms","labels":{"model":"qwen"},"unit":"ms","direction":"lower","source":"samples",' +
      '"stats":{"n":1,"mean":80,"sd":null,"cv":null,"min":80,"p50":80,"p95":80,"p99":80,"max":80,"approximate":false},"samples":[80],"line":2,"factors":{"model":"qwen"},"experiment":"bench/*.csv"}],' +
      '"commit":{"sha":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","ref":"main"}}\n';
    const read = parseSnapshot(text, 'snapshot.json');
    expect(read.series).toStrictEqual([llama, { ...qwenTtft, factors: { model: 'qwen' }, experiment: 'bench/*.csv' }]);
    expect(read.commit).toEqual({ sha: 'a'.repeat(40), ref: 'main' });
  });

  it('reads a schema-2 snapshot, each series with what its reader cannot put back, as this version writes it today', () => {
    const text =
      '{"schemaVersion":2,"tool":"chimera-insight","toolVersion":"0.1.0","createdAt":"2026-11-01T10:00:00.000Z","config":{"path":"bench"},' +
      '"series":[{"id":"bench/runs.csv::tokens_s{model=llama3}","unit":"tok/s","direction":"higher","stats":[3,100,2,98,100,101.8,101.96,102],"samples":[98,100,102],"line":2},' +
      '{"tail":"ttft_ms{model=qwen}","unit":"ms","direction":"lower","stats":[1,80],"line":2,"factors":{"model":"qwen"},"experiment":"bench/*.csv"}],' +
      '"commit":{"sha":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","ref":"main"}}\n';
    const read = parseSnapshot(text, 'snapshot.json');
    expect(read.series).toStrictEqual([llama, { ...qwenTtft, factors: { model: 'qwen' }, experiment: 'bench/*.csv' }]);
    expect([read.schemaVersion, read.commit]).toEqual([3, { sha: 'a'.repeat(40), ref: 'main' }]);
  });

  it('names a malformed field of a table row by where it is written', () => {
    const text = serialiseSnapshot(snapshot([llama, qwenTtft])).replace('[1,80,', '[1,"fast",');
    expect(() => parseSnapshot(text, 'snapshot.json')).toThrow('Baseline snapshot snapshot.json: series[0].rows[1].stats.mean must be a finite number');
  });

  it('keeps a series’ run means and the column that named the runs', () => {
    const withRuns = snapshot([{ ...llama, runs: { column: 'run_id', means: [99, 101], keys: ['1', '2'] } }, { ...qwenTtft, runs: { means: [79, 80, 81], keys: ['run_1/r.csv', 'run_2/r.csv', 'run_3/r.csv'] } }]);
    expect(parseSnapshot(serialiseSnapshot(withRuns), 'snapshot.json')).toStrictEqual({ ...withRuns, schemaVersion: 3 });
  });

  it('names run means that are not numbers by where they are written', () => {
    const withRuns = snapshot([llama, { ...qwenTtft, runs: { means: [79, 81], keys: ['a', 'b'] } }]);
    const text = serialiseSnapshot(withRuns).replace('"means":[79,81]', '"means":[79,"x"]');
    expect(() => parseSnapshot(text, 'snapshot.json')).toThrow('Baseline snapshot snapshot.json: series[0].rows[1].runs.means must be an array of finite numbers, one or more');
  });

  it('names a row that names no metric', () => {
    const text = serialiseSnapshot(snapshot([llama, qwenTtft])).replace('[1,80,', '[7,80,');
    expect(() => parseSnapshot(text, 'snapshot.json')).toThrow('Baseline snapshot snapshot.json: series[0].rows[1] must be [metric, stats, …] naming an entry of metrics');
  });
});

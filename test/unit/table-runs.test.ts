import { describe, expect, it } from 'vitest';
import { poolRuns } from '../../src/experiments/replicates.js';
import { buildSeries, compileMetricRules } from '../../src/metrics/build.js';
import { computeFindings } from '../../src/findings/findings.js';
import { mainEffects, welchP } from '../../src/findings/statistics.js';
import { ProblemLog } from '../../src/parse/problems.js';
import { TableBuilder } from '../../src/parse/table.js';
import { readReportSeries, renderJson } from '../../src/report/json.js';
import { studentTCdf } from '../../src/baseline/statistics.js';
import { analyzeTree, configFor } from '../helpers/baseline.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

/** A table fed row by row as split cells; its sampled series' runs by metric and labels. */
function runsOf(header: string[], rows: string[][]) {
  const table = new TableBuilder({ problems: new ProblemLog() });
  table.setColumns(header);
  rows.forEach((r, i) => table.addCells(r, i + 2));
  return table.finish().series.map((s) => ({ metric: s.metric, labels: s.labels, runs: s.runs }));
}

/** The same rows through addLine past the profiled first 1,000 (the CSV fast path). */
function runsOfLines(header: string[], rows: string[][]) {
  const table = new TableBuilder({ problems: new ProblemLog() });
  table.setColumns(header);
  let asLines = 0;
  rows.forEach((r, i) => {
    const line = r.join(',');
    if (table.takesLines) {
      asLines += 1;
      table.addLine(line, 0, line.length, ',', i + 2);
    } else table.addCells(r, i + 2);
  });
  return { series: table.finish().series.map((s) => ({ metric: s.metric, labels: s.labels, runs: s.runs })), asLines };
}

describe('runs named by a column of one table', () => {
  it('keep each run mean of a series whose runs gave several rows, in the order of the runs', () => {
    const rows = [
      ['r2', 'a', '10'],
      ['r2', 'a', '14'],
      ['r1', 'a', '20'],
      ['r1', 'a', '22'],
      ['r2', 'b', '30'],
      ['r1', 'b', '40'],
      ['r1', 'b', '44'],
    ];
    expect(runsOf(['run_id', 'model', 'ttft_ms'], rows)).toEqual([
      { metric: 'ttft_ms', labels: { model: 'a' }, runs: { column: 'run_id', means: [12, 21], keys: ['r2', 'r1'] } },
      { metric: 'ttft_ms', labels: { model: 'b' }, runs: { column: 'run_id', means: [30, 42], keys: ['r2', 'r1'] } },
    ]);
  });

  it('are left out when every run gave one row: the rows are the runs', () => {
    const rows = [
      ['1', 'a', '10'],
      ['2', 'a', '14'],
      ['3', 'a', '20'],
    ];
    expect(runsOf(['run', 'model', 'ttft_ms'], rows)).toEqual([{ metric: 'ttft_ms', labels: { model: 'a' }, runs: undefined }]);
  });

  it('are left out when a run is named again only by rows of other label groups (other series)', () => {
    const rows = [
      ['a', '1', '10'],
      ['a', '2', '14'],
      ['b', '1', '20'],
      ['b', '2', '22'],
    ];
    expect(runsOf(['model', 'run', 'ttft_ms'], rows).map((s) => s.runs)).toEqual([undefined, undefined]);
  });

  it('are kept when one label group names a run twice, in a short table and in a long one, with one label or two', () => {
    for (const length of [6, 200]) {
      // Each model's runs 0…k once, then the last model names its first run again on the last row.
      const rows = Array.from({ length }, (_, i) => [i < length / 2 ? 'a' : 'b', 'x', String(i % (length / 2)), String(10 + i)]);
      rows.push(['b', 'x', '0', '99']);
      const [a, b] = runsOf(['model', 'quant', 'run', 'ttft_ms'], rows);
      expect(a?.runs).toBeUndefined();
      expect(b?.runs?.means.slice(0, 2)).toEqual([(10 + length / 2 + 99) / 2, 11 + length / 2]);
      const [one] = runsOf(['model', 'run', 'ttft_ms'], rows.map(([model, , run, value]) => [model as string, run as string, value as string]).slice(length / 2));
      expect(one?.runs?.keys[0]).toBe('0');
    }
  });

  it('are kept when a label group names a run again after rows of another group', () => {
    const rows = [
      ['a', '1', '10'],
      ['a', '2', '20'],
      ['b', '1', '30'],
      ['a', '1', '12'],
    ];
    expect(runsOf(['model', 'run', 'ttft_ms'], rows).map((s) => s.runs)).toEqual([{ column: 'run', means: [11, 20], keys: ['1', '2'] }, undefined]);
  });

  it('are one run when all rows are of one run: its spread between runs is unknown', () => {
    expect(runsOf(['trial', 'ttft_ms'], [['1', '10'], ['1', '12'], ['1', '11']])[0]?.runs).toEqual({ column: 'trial', means: [11], keys: ['1'] });
  });

  it('leave out a row that names no run, which still counts in the statistics', () => {
    const rows = [
      ['1', '10'],
      ['1', '12'],
      ['', '30'],
      ['2', '11'],
      ['2', '13'],
    ];
    expect(runsOf(['run', 'ttft_ms'], rows)[0]?.runs).toEqual({ column: 'run', means: [11, 12], keys: ['1', '2'] });
  });

  it('are left out past 1,000 runs for one label set', () => {
    const rows = Array.from({ length: 2004 }, (_, i) => [String(Math.floor(i / 2)), String(100 + (i % 3))]);
    expect(runsOf(['run', 'ttft_ms'], rows)[0]?.runs).toBeUndefined();
  });

  it('of summary rows are each run’s stated mean, weighted by its n', () => {
    const rows = [
      ['1', 'a', '100', '5', '10'],
      ['2', 'a', '110', '5', '10'],
      ['2', 'a', '130', '5', '30'],
      ['1', 'b', '200', '5', '10'],
      ['2', 'b', '220', '5', '10'],
    ];
    expect(runsOf(['run', 'model', 'mean_ttft_ms', 'std_ttft_ms', 'n'], rows)).toEqual([
      { metric: 'ttft_ms', labels: { model: 'a' }, runs: { column: 'run', means: [100, 125], keys: ['1', '2'] } },
      { metric: 'ttft_ms', labels: { model: 'b' }, runs: { column: 'run', means: [200, 220], keys: ['1', '2'] } },
    ]);
  });

  it('of summary rows are left out when a row does not pool (no n): the series keeps only its first run', () => {
    const rows = [
      ['1', '100', '5'],
      ['2', '110', '5'],
    ];
    expect(runsOf(['run', 'mean_ttft_ms', 'std_ttft_ms'], rows)[0]?.runs).toBeUndefined();
  });

  it('come from a run column before an iteration column, which may number requests inside runs', () => {
    const rows = [
      ['1', '1', '10'],
      ['2', '1', '12'],
      ['1', '2', '20'],
      ['2', '2', '24'],
    ];
    expect(runsOf(['iteration', 'repetition', 'ttft_ms'], rows)[0]?.runs).toEqual({ column: 'repetition', means: [11, 22], keys: ['1', '2'] });
  });

  it('come from the run column whose values change, not from one holding a single value (run = 1 beside trial = 1, 2)', () => {
    const rows = [
      ['1', '1', '10'],
      ['1', '1', '12'],
      ['1', '2', '20'],
      ['1', '2', '24'],
    ];
    expect(runsOf(['run', 'trial', 'ttft_ms'], rows)[0]?.runs).toEqual({ column: 'trial', means: [11, 22], keys: ['1', '2'] });
  });

  it('come from the first run column of a table too long to read whole, whose first rows may all be of one run', () => {
    // 1,200 requests a run, trial counting 1…5 inside each run: the first rows read show one run and five trials.
    const rows = [1, 2].flatMap((run) => Array.from({ length: 1200 }, (_, k) => [String(run), String((k % 5) + 1), String(run * 100 + (k % 2))]));
    expect(runsOf(['run', 'trial', 'latency_ms'], rows)[0]?.runs).toEqual({ column: 'run', means: [100.5, 200.5], keys: ['1', '2'] });
  });

  it('are the same for rows read in place from CSV lines as for split cells', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`r${i % 3}`, i % 2 === 0 ? 'a' : 'b', String(100 + (i % 3) * 10 + (i % 2))]);
    const { series, asLines } = runsOfLines(['run_id', 'model', 'ttft_ms'], rows);
    expect(asLines).toBe(500);
    expect(series).toEqual(runsOf(['run_id', 'model', 'ttft_ms'], rows));
    // Runs in the order each model first met them: a in r0, r2, r1; b in r1, r0, r2.
    expect(series[0]?.runs).toEqual({ column: 'run_id', means: [100, 120, 110], keys: ['r0', 'r2', 'r1'] });
    expect(series[1]?.runs).toEqual({ column: 'run_id', means: [111, 101, 121], keys: ['r1', 'r0', 'r2'] });
  });
});

describe('a series with runs named in its table', () => {
  const rules = compileMetricRules({ directions: [], units: [], metrics: { include: [], exclude: [] } });

  it('carries them from the parser', () => {
    const table = new TableBuilder({ problems: new ProblemLog() });
    table.setColumns(['run', 'ttft_ms']);
    for (const [run, v] of [['1', '10'], ['1', '12'], ['2', '20'], ['2', '22']] as const) table.addCells([run, v], 2);
    const raw = table.finish().series[0];
    expect(raw && buildSeries(raw, 'runs.csv', rules)?.runs).toEqual({ column: 'run', means: [11, 21], keys: ['1', '2'] });
  });

  it('loses them when files of replicate runs are pooled: each file is then one run', () => {
    const table = new TableBuilder({ problems: new ProblemLog() });
    table.setColumns(['run', 'ttft_ms']);
    for (const [run, v] of [['1', '10'], ['1', '12'], ['2', '20'], ['2', '22']] as const) table.addCells([run, v], 2);
    const raw = table.finish().series[0];
    const a = raw && buildSeries(raw, 'run_1/r.csv', rules);
    const b = raw && buildSeries(raw, 'run_2/r.csv', rules);
    const pooled = poolRuns([a, b].filter((s) => s !== undefined), 'run_{1..2}/r.csv');
    expect(pooled.runs).toBeUndefined();
    expect(pooled.replicates?.runMeans).toEqual([16, 16]);
  });
});

/** Rows of six runs, three per commit, 40 requests each: run means 130/150/170 and 120/140/160 ms. */
function perRequestCsv(): string {
  const rows = ['run_id,commit,prompt,ttft_ms'];
  const means: Record<string, number> = { r1: 130, r2: 150, r3: 170, r4: 120, r5: 140, r6: 160 };
  for (const [run, m] of Object.entries(means)) {
    const commit = run <= 'r3' ? 'e4f5a6b' : 'a1b2c3d';
    // Requests spread symmetrically around the run's mean, so each run's mean is exact.
    for (let p = 0; p < 40; p++) rows.push(`${run},${commit},p${p},${m + (p % 2 === 0 ? 1 : -1) * (1 + (p % 5))}`);
  }
  return `${rows.join('\n')}\n`;
}

describe('findings on rows that name their run', () => {
  const tmp = useTempDir();

  it('say in a sweep that each effect was compared run by run when every run file measured every configuration', async () => {
    // Three run folders, each one row per configuration; runs drift by up to 8 tok/s, which blocking takes out of the noise.
    const drift = [0, 5, -3];
    const wobble = [[0.3, -0.2, 0.1, 0.4], [-0.1, 0.2, -0.3, 0.1], [0.2, 0.1, -0.2, -0.4]];
    const files: Record<string, string> = {};
    drift.forEach((d, r) => {
      const rows = ['num_gpu,num_ctx,tokens_s'];
      [['40', '1024'], ['40', '4096'], ['80', '1024'], ['80', '4096']].forEach(([g, c], k) => rows.push(`${g},${c},${(100 + (g === '80' ? 20 : 0) - (c === '4096' ? 10 : 0) + d + (wobble[r]?.[k] ?? 0)).toFixed(2)}`));
      files[`sweeps/run_${r + 1}/sweep.csv`] = `${rows.join('\n')}\n`;
    });
    writeTree(tmp.dir, files);
    const report = await analyzeTree(configFor(tmp.dir));
    const sweep = computeFindings({ series: report.series, files: report.inventory.files, confidence: 0.95 }).find((f) => f.kind === 'sweep');
    expect(sweep?.text).toBe(
      'tokens_s sweep over num_gpu × num_ctx (4 configurations, 3 runs each): best num_gpu=80, num_ctx=1024 at 120.53 tok/s, worst num_gpu=40, num_ctx=4096 at 90.70 tok/s (1.33×); ' +
        'num_gpu 40 → 80: 95.62 tok/s → 115.51 tok/s (geometric means, +20.8%, p<0.001, run by run); num_ctx 1024 → 4096: 110.23 tok/s → 100.20 tok/s (geometric means, −9.1%, p<0.001, run by run).',
    );
  });

  it('test a condition on the runs, not on every request as if independent', async () => {
    writeTree(tmp.dir, { 'runs.csv': perRequestCsv() });
    const report = await analyzeTree(configFor(tmp.dir));
    const ranking = computeFindings({ series: report.series, files: report.inventory.files, confidence: 0.95 }).find((f) => f.kind === 'ranking');
    // Welch on three run means a side: difference 10 ms, each side's sd 20 ms, so t = 10 / sqrt(400/3 · 2), df = 4.
    const t = 10 / Math.sqrt((400 / 3) * 2);
    const p = 2 * studentTCdf(-t, 4);
    expect(p).toBeCloseTo(0.5734, 4);
    expect(ranking?.text).toBe(
      `ttft_ms by commit: a1b2c3d is lowest at 140 ± 16.73 ms (n=120); the highest, e4f5a6b (150 ms), is 1.07× that; the difference is within the noise (p=${p.toFixed(2)}, between runs).`,
    );
  });

  it('keep them in report.json, where a reader gets them back', async () => {
    writeTree(tmp.dir, { 'runs.csv': perRequestCsv() });
    const report = await analyzeTree(configFor(tmp.dir));
    const back = readReportSeries(JSON.parse(renderJson(report)));
    expect(back.map((s) => s.runs)).toEqual([
      { column: 'run_id', means: [130, 150, 170], keys: ['r1', 'r2', 'r3'] },
      { column: 'run_id', means: [120, 140, 160], keys: ['r4', 'r5', 'r6'] },
    ]);
  });
});

describe('runs a finding cannot count on', () => {
  const tmp = useTempDir();

  async function rankingIn(files: Record<string, string>) {
    writeTree(tmp.dir, files);
    const report = await analyzeTree(configFor(tmp.dir));
    return { report, ranking: computeFindings({ series: report.series, files: report.inventory.files, confidence: 0.95 }).find((f) => f.kind === 'ranking') };
  }

  it('are dropped when a JSON document gives one series from two record arrays: the second array’s runs are not the first’s', async () => {
    const records = (commit: string, base: number) => [1, 2, 3].flatMap((trial) => [-1, 1].map((d) => ({ trial, commit, ttft_ms: base + 2 * trial + d })));
    const { report } = await rankingIn({ 'bench.json': JSON.stringify([records('old', 100), records('old', 200)]) });
    expect(report.series.map((s) => [s.metric, s.stats.n, s.runs])).toEqual([['ttft_ms', 12, undefined]]);
  });

  it('leave a comparison untested when a level ran in a single run: its spread between runs is unknown', async () => {
    const rows = ['run_id,commit,ttft_ms'];
    // old: three runs of four requests; new: one run of four (a single run names no spread between runs).
    for (const [run, commit, m] of [['r1', 'old', 130], ['r2', 'old', 150], ['r3', 'old', 170], ['r4', 'new', 95]] as const) for (const d of [-2, -1, 1, 2]) rows.push(`${run},${commit},${m + d}`);
    const { report, ranking } = await rankingIn({ 'runs.csv': `${rows.join('\n')}\n` });
    expect(report.series.map((s) => s.runs?.means)).toEqual([[130, 150, 170], [95]]);
    expect(ranking?.text).toBe('ttft_ms by commit: new is lowest at 95 ± 1.83 ms (n=4); the highest, old (150 ms), is 1.58× that; not tested against noise (a level ran in a single run, so its spread between runs is unknown).');
  });

  it('that measured every level are blocks: each run’s own offset is not noise', async () => {
    const rows = ['run_id,backend,ttft_ms'];
    // Runs drift (100, 150, 200 ms), sglang is 10% slower within each run.
    for (const [run, m] of [['r1', 100], ['r2', 150], ['r3', 200]] as const) for (const d of [-1, 1]) rows.push(`${run},vllm,${m + d}`, `${run},sglang,${(m + d) * 1.1 + (run === 'r2' ? 1 : 0)}`);
    const { ranking } = await rankingIn({ 'runs.csv': `${rows.join('\n')}\n` });
    // On the log scale the runs' ratios are 1.1, 1.1 + 1/150 and 1.1: a paired t-test on their logs with 2 df.
    const d = [Math.log(1.1), Math.log(1.1 + 1 / 150), Math.log(1.1)];
    const mean = (d[0]! + d[1]! + d[2]!) / 3;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    const p = 2 * studentTCdf(-mean / (sd / Math.sqrt(3)), 2);
    expect(ranking?.test?.p).toBeCloseTo(p, 10);
    expect(p).toBeLessThan(0.001);
    expect(ranking?.text).toBe('ttft_ms by backend: vllm is lowest at 150 ± 44.73 ms (n=6); the highest, sglang (165.33 ms), is 1.10× that; the difference is beyond the noise (p<0.001, run by run).');
  });

  it('are not taken from an iteration column that starts again: it numbers requests inside runs', () => {
    const rows = [1, 2].flatMap(() => [1, 2, 3].map((i) => [String(i), String(100 + i)]));
    expect(runsOf(['iteration', 'ttft_ms'], rows)[0]?.runs).toBeUndefined();
  });

  it('with equal means say there is no spread between them', async () => {
    const rows = ['run_id,commit,ttft_ms'];
    for (const [run, commit, m] of [['r1', 'old', 150], ['r2', 'old', 150], ['r3', 'new', 149], ['r4', 'new', 149]] as const) for (const d of [-3, 3]) rows.push(`${run},${commit},${m + d}`);
    const { ranking } = await rankingIn({ 'runs.csv': `${rows.join('\n')}\n` });
    expect(ranking?.text).toBe('ttft_ms by commit: new is lowest at 149 ± 3.46 ms (n=4); the highest, old (150 ms), is 1.01× that; not tested against noise (no spread between the runs).');
  });

  it('are written to report.json up to 30 a series, as samples are, and all of them when samples are kept', async () => {
    const rows = ['run,ttft_ms'];
    for (let r = 1; r <= 31; r++) rows.push(`${r},${100 + r}`, `${r},${102 + r}`);
    const { report } = await rankingIn({ 'runs.csv': `${rows.join('\n')}\n` });
    expect(report.series[0]?.runs?.means.length).toBe(31);
    expect(readReportSeries(JSON.parse(renderJson(report)))[0]?.runs).toBeUndefined();
    expect(readReportSeries(JSON.parse(renderJson(report, { keepSamples: true })))[0]?.runs?.means.length).toBe(31);
  });
});

describe('runs in a design of several conditions', () => {
  const tmp = useTempDir();

  async function findingsIn(rows: string[]) {
    writeTree(tmp.dir, { 'runs.csv': `${rows.join('\n')}\n` });
    const report = await analyzeTree(configFor(tmp.dir));
    return computeFindings({ series: report.series, files: report.inventory.files, confidence: 0.95 }).filter((f) => f.kind === 'ranking');
  }

  /** Two requests a configuration in each run: `mean(run, model, bs)` ± 1 ms. */
  function rowsOf(runs: string[], configs: [string, string][], mean: (run: number, model: string, bs: string) => number): string[] {
    const rows = ['run_id,model,batch_size,ttft_ms'];
    runs.forEach((run, r) => {
      for (const [model, bs] of configs) for (const d of [-1, 1]) rows.push(`${run},${model},${bs},${mean(r, model, bs) + d}`);
    });
    return rows;
  }

  it('are blocks when each run measured every configuration: both conditions compared run by run', async () => {
    const configs: [string, string][] = [['a', '1'], ['a', '8'], ['b', '1'], ['b', '8']];
    // Runs drift by 50 ms; b is 10% slower, batch 8 20% slower, with a little noise per run and configuration.
    const wobble = [0, 2, -1, 1, -2, 0, 1, -1, 2, 0, -1, 1];
    const mean = (r: number, model: string, bs: string) => (100 + 50 * r) * (model === 'b' ? 1.1 : 1) * (bs === '8' ? 1.2 : 1) + (wobble[r * 4 + configs.findIndex(([m, b]) => m === model && b === bs)] ?? 0);
    const rankings = await findingsIn(rowsOf(['r1', 'r2', 'r3'], configs, mean));
    // What the test fits: every run's mean of every configuration, the run a block.
    const observations = [0, 1, 2].flatMap((r) => configs.map(([model, bs]) => ({ n: 1, mean: mean(r, model, bs), sd: null, levels: [model === 'a' ? 0 : 1, bs === '1' ? 0 : 1, r] })));
    const [model, batch] = mainEffects(observations, [2, 2, 3], 2);
    const pOf = (factor: string) => rankings.find((f) => f.factor === factor)?.test?.p as number;
    expect(pOf('model') / (model?.test?.p as number)).toBeCloseTo(1, 9);
    expect(pOf('batch_size') / (batch?.test?.p as number)).toBeCloseTo(1, 9);
    expect(model?.test?.p).toBeLessThan(0.001);
    expect(rankings.every((f) => f.text.includes('matters beyond the noise (p<0.001, run by run)'))).toBe(true);
  });

  it('that each measured some configurations only are no blocks: each configuration counts its runs’ means', async () => {
    // r1 and r2 ran model a at both batch sizes, r3 and r4 model b.
    const rows = ['run_id,model,batch_size,ttft_ms'];
    for (const [run, model, base] of [['r1', 'a', 100], ['r2', 'a', 110], ['r3', 'b', 150], ['r4', 'b', 160]] as const) {
      for (const [bs, f] of [['1', 1], ['8', 1.2]] as const) for (const d of [-1, 1]) rows.push(`${run},${model},${bs},${base * f + d + (run === 'r2' && bs === '8' ? 3 : 0)}`);
    }
    const rankings = await findingsIn(rows);
    const model = rankings.find((f) => f.factor === 'model');
    const batch = rankings.find((f) => f.factor === 'batch_size');
    expect(model?.text).toContain(', between runs)');
    expect(batch?.text).toContain(', between runs)');
    expect(model?.test?.p).toBeLessThan(0.05);
  });

  it('leave the design untested when a configuration ran in a single run', async () => {
    const rows = ['run_id,model,batch_size,ttft_ms'];
    // Model b at batch 8 ran once: its rows are one run's requests.
    for (const [run, model, bs, m] of [['r1', 'a', '1', 100], ['r2', 'a', '1', 110], ['r1', 'a', '8', 120], ['r2', 'a', '8', 130], ['r1', 'b', '1', 140], ['r2', 'b', '1', 150], ['r3', 'b', '8', 170]] as const) {
      for (const d of [-1, 1]) rows.push(`${run},${model},${bs},${m + d}`);
    }
    const rankings = await findingsIn(rows);
    expect(rankings.map((f) => f.test?.reason)).toEqual(['a configuration ran in a single run, so its spread between runs is unknown', 'a configuration ran in a single run, so its spread between runs is unknown']);
  });
});

describe('runs of JSON records', () => {
  it('count a record’s list of values as several values of its run', () => {
    const table = new TableBuilder({ problems: new ProblemLog() });
    table.addRow({ run: 1, ttft_ms: [10, 12] }, 2);
    table.addRow({ run: 2, ttft_ms: [20, 22] }, 3);
    expect(table.finish().series[0]?.runs).toEqual({ column: 'run', means: [11, 21], keys: ['1', '2'] });
  });
});

describe('runs, second review', () => {
  const tmp = useTempDir();

  async function rankingsIn(files: Record<string, string>) {
    writeTree(tmp.dir, files);
    const report = await analyzeTree(configFor(tmp.dir));
    return computeFindings({ series: report.series, files: report.inventory.files, confidence: 0.95 }).filter((f) => f.kind === 'ranking');
  }

  it('are no blocks when a run measured only some levels: the levels count their runs’ means', async () => {
    // r1–r3 measured a (~100) and b (~105); r4 measured b alone (~40).
    const rows = ['run_id,model,ttft_ms'];
    for (const [run, a, b] of [['r1', 100, 105], ['r2', 101, 106], ['r3', 99, 104]] as const) for (const d of [-1, 1]) rows.push(`${run},a,${a + d}`, `${run},b,${b + d}`);
    for (const d of [-1, 1]) rows.push(`r4,b,${40 + d}`);
    const [ranking] = await rankingsIn({ 'runs.csv': `${rows.join('\n')}\n` });
    // Welch on the run means: a 100, 101, 99 against b 105, 106, 104, 40.
    const a = { n: 3, mean: 100, sd: 1 };
    const bMeans = [105, 106, 104, 40];
    const bMean = bMeans.reduce((x, y) => x + y) / 4;
    const b = { n: 4, mean: bMean, sd: Math.sqrt(bMeans.reduce((sum, v) => sum + (v - bMean) ** 2, 0) / 3) };
    expect(ranking?.test?.p).toBeCloseTo(welchP(b, a) as number, 10);
    expect(ranking?.text).toContain(', between runs)');
  });

  it('of summary rows are tracked when each run has one row: a summary row stands for its n requests', async () => {
    const rows = ['run,model,mean_ttft_ms,std_ttft_ms,n'];
    for (const [run, model, m] of [['1', 'a', 130], ['2', 'a', 150], ['3', 'a', 170], ['4', 'b', 120], ['5', 'b', 140], ['6', 'b', 160]] as const) rows.push(`${run},${model},${m},5,100`);
    const [ranking] = await rankingsIn({ 'summary.csv': `${rows.join('\n')}\n` });
    const sd = 20;
    expect(ranking?.test?.p).toBeCloseTo(welchP({ n: 3, mean: 140, sd }, { n: 3, mean: 150, sd }) as number, 10);
    expect(ranking?.text).toContain('within the noise (p=0.57, between runs)');
  });

  it('of a level whose rows are one a run count as they are beside a level with several values a run', async () => {
    // a's file names five runs of five requests; b's file five runs of one request (its rows are its runs).
    const a = ['model,run,ttft_ms', ...[1, 2, 3, 4, 5].flatMap((r) => [-2, -1, 0, 1, 2].map((d) => `a,${r},${100 + r + d}`))];
    const b = ['model,run,ttft_ms', ...[1, 2, 3, 4, 5].map((r) => `b,${r},${150 + r}`)];
    const [ranking] = await rankingsIn({ 'runs/a.csv': `${a.join('\n')}\n`, 'runs/b.csv': `${b.join('\n')}\n` });
    // Welch: a's run means 101…105 against b's values 151…155, each sd √2.5.
    const sd = Math.sqrt(2.5);
    expect(ranking?.test?.p).toBeCloseTo(welchP({ n: 5, mean: 103, sd }, { n: 5, mean: 153, sd }) as number, 10);
    expect(ranking?.test?.significant).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { poolRuns } from '../../src/experiments/replicates.js';
import { buildSeries, compileMetricRules } from '../../src/metrics/build.js';
import { computeFindings } from '../../src/findings/findings.js';
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
      { metric: 'ttft_ms', labels: { model: 'a' }, runs: { column: 'run_id', means: [12, 21] } },
      { metric: 'ttft_ms', labels: { model: 'b' }, runs: { column: 'run_id', means: [30, 42] } },
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

  it('are left out when all rows are of one run', () => {
    expect(runsOf(['trial', 'ttft_ms'], [['1', '10'], ['1', '12'], ['1', '11']])[0]?.runs).toBeUndefined();
  });

  it('are left out when a row names no run: its values belong to no run', () => {
    const rows = [
      ['1', '10'],
      ['1', '12'],
      ['', '30'],
      ['2', '11'],
      ['2', '13'],
    ];
    expect(runsOf(['run', 'ttft_ms'], rows)[0]?.runs).toBeUndefined();
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
      { metric: 'ttft_ms', labels: { model: 'a' }, runs: { column: 'run', means: [100, 125] } },
      { metric: 'ttft_ms', labels: { model: 'b' }, runs: { column: 'run', means: [200, 220] } },
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
    expect(runsOf(['iteration', 'repetition', 'ttft_ms'], rows)[0]?.runs).toEqual({ column: 'repetition', means: [11, 22] });
  });

  it('are the same for rows read in place from CSV lines as for split cells', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`r${i % 3}`, i % 2 === 0 ? 'a' : 'b', String(100 + (i % 3) * 10 + (i % 2))]);
    const { series, asLines } = runsOfLines(['run_id', 'model', 'ttft_ms'], rows);
    expect(asLines).toBe(500);
    expect(series).toEqual(runsOf(['run_id', 'model', 'ttft_ms'], rows));
    // Runs in the order each model first met them: a in r0, r2, r1; b in r1, r0, r2.
    expect(series[0]?.runs).toEqual({ column: 'run_id', means: [100, 120, 110] });
    expect(series[1]?.runs).toEqual({ column: 'run_id', means: [111, 101, 121] });
  });
});

describe('a series with runs named in its table', () => {
  const rules = compileMetricRules({ directions: [], units: [], metrics: { include: [], exclude: [] } });

  it('carries them from the parser', () => {
    const table = new TableBuilder({ problems: new ProblemLog() });
    table.setColumns(['run', 'ttft_ms']);
    for (const [run, v] of [['1', '10'], ['1', '12'], ['2', '20'], ['2', '22']] as const) table.addCells([run, v], 2);
    const raw = table.finish().series[0];
    expect(raw && buildSeries(raw, 'runs.csv', rules)?.runs).toEqual({ column: 'run', means: [11, 21] });
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

  it('test a condition on the runs, not on every request as if independent', async () => {
    writeTree(tmp.dir, { 'runs.csv': perRequestCsv() });
    const report = await analyzeTree(configFor(tmp.dir));
    const ranking = computeFindings({ series: report.series, files: report.inventory.files, confidence: 0.95 }).find((f) => f.kind === 'ranking');
    // Welch on three run means a side: difference 10 ms, each side's sd 20 ms, so t = 10 / sqrt(400/3 · 2), df = 4.
    const t = 10 / Math.sqrt((400 / 3) * 2);
    const p = 2 * studentTCdf(-t, 4);
    expect(p).toBeCloseTo(0.5734, 4);
    expect(ranking?.text).toBe(
      `ttft_ms by commit: a1b2c3d is lowest at 140 ± 16.73 ms (n=120); the highest, e4f5a6b (150 ms), is 1.07× that; the difference is within the noise (p=${p.toFixed(2)}).`,
    );
  });

  it('keep them in report.json, where a reader gets them back', async () => {
    writeTree(tmp.dir, { 'runs.csv': perRequestCsv() });
    const report = await analyzeTree(configFor(tmp.dir));
    const back = readReportSeries(JSON.parse(renderJson(report)));
    expect(back.map((s) => s.runs)).toEqual([
      { column: 'run_id', means: [130, 150, 170] },
      { column: 'run_id', means: [120, 140, 160] },
    ]);
  });
});

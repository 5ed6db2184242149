import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildConfig } from '../../src/config.js';
import { makeTempDir, removeDir, writeTree } from '../helpers/tmp.js';
import { parsed } from '../helpers/series.js';
import { commandTemplates, hyperfine } from '../../src/parse/adapters/hyperfine.js';
import { built, described, one, readTool } from '../helpers/tools.js';

describe('hyperfine JSON', () => {
  it('reads time, user and system time in seconds and memory per command, with parameters as labels and the command as written ({buffer})', async () => {
    const data = parsed(await readTool('hyperfine/parameter-scan.json'));
    expect(data.adapter).toBe('hyperfine');
    expect(described(data)).toEqual([
      'time{command=sort -S {buffer} data.txt,buffer=1M} s lower',
      'user_time{command=sort -S {buffer} data.txt,buffer=1M} s lower',
      'system_time{command=sort -S {buffer} data.txt,buffer=1M} s lower',
      'memory_usage{command=sort -S {buffer} data.txt,buffer=1M} B lower',
      'time{command=sort -S {buffer} data.txt,buffer=8M} s lower',
      'user_time{command=sort -S {buffer} data.txt,buffer=8M} s lower',
      'system_time{command=sort -S {buffer} data.txt,buffer=8M} s lower',
      'memory_usage{command=sort -S {buffer} data.txt,buffer=8M} B lower',
    ]);
  });

  it('keeps the time of every run as samples', async () => {
    const data = parsed(await readTool('hyperfine/parameter-scan.json'));
    expect(one(data, 'time', { buffer: '1M' }).samples).toEqual([0.1, 0.2, 0.3]);
    expect(one(data, 'memory_usage', { buffer: '1M' }).samples).toEqual([1048576, 1048576, 2097152]);
  });

  it('reports runs that exited non-zero or were killed, and leaves their times out', async () => {
    const data = parsed(await readTool('hyperfine/parameter-scan.json'));
    expect(data.problems).toEqual([
      { line: 18, reason: 'command sort -S 8M data.txt: 2 of 3 runs failed (run 2: exit code 2, run 3: exit code unknown (signal)); their times are left out' },
    ]);
    expect(one(data, 'time', { buffer: '8M' }).samples).toEqual([0.3]);
    expect(data.excludedRows).toBe(2);
  });

  it('reads the mean ± stddev summary from files written before times and median were exported', async () => {
    const data = parsed(await readTool('hyperfine/old-summary.json'));
    expect(described(data)).toEqual(['time{command=./fib 30} s lower', 'user_time{command=./fib 30} s lower', 'system_time{command=./fib 30} s lower']);
    expect(data.series[0]?.summary).toEqual({ mean: 1.25, sd: 0.05, min: 1.2, max: 1.3 });
  });
});

describe('hyperfine CSV and Markdown exports', () => {
  it('reads --export-csv: a time summary in seconds per command, user and system time, and parameters as labels beside the command as written', async () => {
    const data = parsed(await readTool('hyperfine/export.csv'));
    expect(data.adapter).toBe('hyperfine');
    expect(described(data)).toEqual([
      'time{command=make -j {threads},threads=2} s lower',
      'user_time{command=make -j {threads},threads=2} s lower',
      'system_time{command=make -j {threads},threads=2} s lower',
      'time{command=make -j {threads},threads=4} s lower',
      'user_time{command=make -j {threads},threads=4} s lower',
      'system_time{command=make -j {threads},threads=4} s lower',
    ]);
    expect(data.series[3]?.summary).toEqual({ mean: 7.25, sd: 0.5, median: 7.1, min: 6.75, max: 8 });
    expect(data.series[3]?.line).toBe(3);
  });

  it('keeps a command holding commas and quotes whole, one series per command', async () => {
    const data = parsed(await readTool('hyperfine/export-quoted.csv'));
    expect(built(data).filter((s) => s.metric === 'time').map((s) => [s.labels.command, s.stats.mean])).toEqual([
      ['grep -r "foo, bar" src', 0.0425],
      ['find . -name x', 0.125],
    ]);
  });

  it('reads --export-markdown: the mean ± sd, min and max in the unit of the header, the Relative column left out', async () => {
    const data = parsed(await readTool('hyperfine/export.md'));
    expect(data.adapter).toBe('hyperfine');
    expect(described(data)).toEqual(["time{command=fd -e rs} ms lower", "time{command=find . -name '*.rs'} ms lower"]);
    expect(data.series.map((s) => s.summary)).toEqual([
      { mean: 21.4, sd: 1.2, min: 19.8, max: 24 },
      { mean: 183.6, sd: 4.1, min: 178.2, max: 190.3 },
    ]);
  });

  it('leaves a table with columns of its own (p95, Max RSS) to the Markdown reader, which reads them all', async () => {
    expect(parsed(await readTool('hyperfine/own-table.md')).adapter).toBe('markdown');
  });
});

describe('hyperfine parameter scans', () => {
  const run = (command: string, parameters: Record<string, string>) => ({ command, parameters });

  it('names every level of a scan by the one command written with {name}, so the levels are one benchmark swept', () => {
    expect(commandTemplates([run('make -j 1', { threads: '1' }), run('make -j 16', { threads: '16' })])).toEqual(['make -j {threads}', 'make -j {threads}']);
    expect(commandTemplates([run('gcc -O0 x.c', { opt: '0', cc: 'gcc' }), run('clang -O0 x.c', { opt: '0', cc: 'clang' }), run('gcc -O3 x.c', { opt: '3', cc: 'gcc' }), run('clang -O3 x.c', { opt: '3', cc: 'clang' })])).toEqual([
      '{cc} -O{opt} x.c',
      '{cc} -O{opt} x.c',
      '{cc} -O{opt} x.c',
      '{cc} -O{opt} x.c',
    ]);
  });

  it('keeps two commands scanned over one parameter apart', () => {
    expect(commandTemplates([run('./a 10', { n: '10' }), run('./b 10', { n: '10' }), run('./a 20', { n: '20' }), run('./b 20', { n: '20' })])).toEqual(['./a {n}', './b {n}', './a {n}', './b {n}']);
  });

  it('leaves the commands as they ran when a value cannot be put back unambiguously', () => {
    // `-l 2` is in every command: put back in the first only, it would make that level another command.
    expect(commandTemplates([run('make -j 2 -l 2', { threads: '2' }), run('make -j 8 -l 2', { threads: '8' })])).toBeUndefined();
    // A value that is only part of a number (`0.1`, `10`) is not the parameter's.
    expect(commandTemplates([run('sleep 0.1', { t: '1' }), run('sleep 0.2', { t: '2' })])).toBeUndefined();
    expect(commandTemplates([run('./bench 10', { n: '1' }), run('./bench 20', { n: '2' })])).toBeUndefined();
    // A single run, or one without parameters, has nothing to name.
    expect(commandTemplates([run('make -j 2', { threads: '2' })])).toBeUndefined();
    expect(commandTemplates([run('./a', {}), run('./b', {})])).toBeUndefined();
  });

  // A long scan costs time in proportion to its rows: a regular expression compiled per value, and each row's
  // template and line looked for from the top again, made 20,000 rows take 8 s (CSV) and 20 s (JSON).
  const SCAN = 40_000;
  const LINEAR_MS = 4_000;

  it(`reads a CSV export of a ${SCAN}-level scan in linear time, every level under the one command`, () => {
    const rows = Array.from({ length: SCAN }, (_, i) => `sleep ${i},0.1,0.01,0.1,0.01,0.01,0.09,0.11,${i}`);
    const text = ['command,mean,stddev,median,user,system,min,max,parameter_n', ...rows].join('\n');
    const start = performance.now();
    const { series } = parsed(hyperfine.parse({ path: 'scan.csv', type: 'csv', text }));
    expect(performance.now() - start).toBeLessThan(LINEAR_MS);
    expect(series).toHaveLength(3 * SCAN);
    expect(new Set(series.map((s) => s.labels.command))).toEqual(new Set(['sleep {n}']));
  });

  it(`reads a JSON export of a ${SCAN}-level scan in linear time, each command at its own line`, () => {
    const results = Array.from({ length: SCAN }, (_, i) => ({ command: `sleep ${i}`, mean: 0.1, stddev: 0.01, median: 0.1, user: 0.01, system: 0.01, min: 0.09, max: 0.11, times: [0.1], parameters: { n: String(i) } }));
    const json = { results };
    const text = JSON.stringify(json, null, 2);
    const start = performance.now();
    const series = parsed(hyperfine.parse({ path: 'scan.json', type: 'json', text, json })).series.filter((s) => s.metric === 'time');
    expect(performance.now() - start).toBeLessThan(LINEAR_MS);
    expect(series).toHaveLength(SCAN);
    expect(new Set(series.map((s) => s.labels.command))).toEqual(new Set(['sleep {n}']));
    // 3 lines open the file and the first result; each result then takes 16 (8 keys, `times` and `parameters` over 3 lines each, its braces).
    expect([series[0]?.line, series[1]?.line, series[SCAN - 1]?.line]).toEqual([4, 20, 4 + 16 * (SCAN - 1)]);
  });
});

describe('hyperfine exports of one run side by side', () => {
  const json = JSON.stringify({
    results: [
      { command: 'fd -e txt', mean: 0.0512, stddev: 0.0021, median: 0.0508, user: 0.031, system: 0.018, min: 0.0489, max: 0.0545, times: [0.0489, 0.0508, 0.0506, 0.0545] },
      { command: "find . -name '*.txt'", mean: 0.1623, stddev: 0.0042, median: 0.1611, user: 0.071, system: 0.089, min: 0.158, max: 0.169, times: [0.158, 0.1611, 0.1611, 0.169] },
    ],
  });
  const markdown = [
    '| Command | Mean [ms] | Min [ms] | Max [ms] | Relative |',
    '|:---|---:|---:|---:|---:|',
    '| `fd -e txt` | 51.2 ± 2.1 | 48.9 | 54.5 | 1.00 |',
    "| `find . -name '*.txt'` | 162.3 ± 4.2 | 158.0 | 169.0 | 3.17 ± 0.15 |",
    '',
  ].join('\n');
  const csv = ['command,mean,stddev,median,user,system,min,max', 'fd -e txt,0.0512,0.0021,0.0508,0.031,0.018,0.0489,0.0545', ''].join('\n');
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  const analyzeTree = async (files: Record<string, string>) => {
    writeTree(dir, files);
    const config = buildConfig(() => '', { workspace: dir, defaultOutputDir: undefined });
    return analyze(config, { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
  };

  it('counts each command once: --export-json bench.json replaces --export-markdown bench.md and --export-csv bench.csv', async () => {
    const report = await analyzeTree({ 'bench.json': json, 'bench.md': markdown, 'bench.csv': csv });
    const status = Object.fromEntries(report.inventory.files.map((f) => [f.path, f.status === 'parsed' ? `parsed, ${f.series} series` : `${f.status}: ${f.reason}`]));
    expect(status).toEqual({
      'bench.csv': "skipped: superseded by bench.json, which holds the same run's results",
      'bench.json': 'parsed, 6 series',
      'bench.md': "skipped: superseded by bench.json, which holds the same run's results",
    });
    expect(report.series.filter((s) => s.metric === 'time').map((s) => s.labels.command)).toEqual(['fd -e txt', "find . -name '*.txt'"]);
  });

  it('lets the CSV export replace the Markdown one when there is no JSON', async () => {
    const report = await analyzeTree({ 'bench.csv': csv, 'bench.md': markdown });
    expect(report.inventory.files.map((f) => [f.path, f.status])).toEqual([
      ['bench.csv', 'parsed'],
      ['bench.md', 'skipped'],
    ]);
  });

  it('keeps a page of the same name that is not a hyperfine export (another reader read it)', async () => {
    const notes = ['# Notes', '', '| model | tokens/s |', '| --- | --- |', '| a | 41.5 |', '| b | 38.2 |', ''].join('\n');
    const report = await analyzeTree({ 'bench.json': json, 'bench.md': notes });
    expect(report.inventory.files.map((f) => [f.path, f.status, f.series])).toEqual([
      ['bench.json', 'parsed', 6],
      ['bench.md', 'parsed', 2],
    ]);
  });

  it('keeps exports of other names: each file is its own run', async () => {
    const report = await analyzeTree({ 'bench.json': json, 'bench-old.md': markdown });
    expect(report.inventory.files.map((f) => [f.path, f.status])).toEqual([
      ['bench-old.md', 'parsed'],
      ['bench.json', 'parsed'],
    ]);
  });
});

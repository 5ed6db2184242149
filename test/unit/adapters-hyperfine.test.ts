import { describe, expect, it } from 'vitest';
import { parsed } from '../helpers/series.js';
import { commandTemplates } from '../../src/parse/adapters/hyperfine.js';
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
});

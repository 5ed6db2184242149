import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bencher } from '../../src/parse/adapters/bencher.js';
import { githubActionBenchmark } from '../../src/parse/adapters/github-action-benchmark.js';
import { googleBenchmark } from '../../src/parse/adapters/google-benchmark.js';
import { hyperfine } from '../../src/parse/adapters/hyperfine.js';
import { jmh } from '../../src/parse/adapters/jmh.js';
import { pyperf } from '../../src/parse/adapters/pyperf.js';
import { pytestBenchmark } from '../../src/parse/adapters/pytest-benchmark.js';
import type { AdapterInput } from '../../src/parse/adapters/types.js';
import { notParsed, parsed } from '../helpers/series.js';
import { TOOL_FIXTURES, described, one, readTool } from '../helpers/tools.js';

function jsonInput(value: unknown, file = 'bench.json'): AdapterInput {
  const text = JSON.stringify(value);
  return { path: file, type: 'json', text, json: JSON.parse(text) as unknown };
}

function fixtureInput(fixture: string): AdapterInput {
  const text = readFileSync(path.join(TOOL_FIXTURES, fixture), 'utf8');
  return { path: fixture, type: 'json', text, json: JSON.parse(text) as unknown };
}

describe('pyperf / pyperformance JSON', () => {
  it('reads one time series in seconds per benchmark, lower is better, labelled by its name', async () => {
    const data = parsed(await readTool('pyperf/pyperformance.json'));
    expect(data.adapter).toBe('pyperf');
    expect(described(data)).toEqual(['time{benchmark=json_dumps} s lower', 'time{benchmark=nbody} s lower']);
  });

  it('takes every run\'s values as the samples, leaving out warmups and calibration runs', async () => {
    const data = parsed(await readTool('pyperf/pyperformance.json'));
    expect(one(data, 'time', { benchmark: 'json_dumps' }).samples).toEqual([0.01012, 0.01018, 0.01009, 0.01021, 0.01015, 0.01011]);
    expect(one(data, 'time', { benchmark: 'nbody' }).samples).toEqual([0.1388, 0.1391, 0.1385, 0.1395, 0.1382, 0.139]);
    // Three runs per benchmark, one of them the calibration run: two runs of data each.
    expect([data.rows, data.excludedRows]).toEqual([4, 0]);
  });

  it('reads none of the metadata numbers (cpu_count, loops, mem_max_rss, duration) as results', async () => {
    const data = parsed(await readTool('pyperf/pyperformance.json'));
    expect(data.series.map((s) => s.metric)).toEqual(['time', 'time']);
  });

  it('reads a one-benchmark file whose name and unit are in the file\'s metadata (pyperf timeit -o)', async () => {
    const data = parsed(await readTool('pyperf/timeit.json'));
    expect(described(data)).toEqual(['time{benchmark=timeit} s lower']);
    expect(one(data, 'time').samples).toEqual([4.21e-6, 4.25e-6, 4.19e-6, 4.23e-6, 4.2e-6, 4.24e-6]);
  });

  it('reads unit byte (--track-memory) as memory in B, lower is better', async () => {
    const data = parsed(await readTool('pyperf/track-memory.json'));
    expect(described(data)).toEqual(['memory{benchmark=load_config} B lower']);
    expect(one(data, 'memory').samples).toEqual([18612224, 18636800, 18604032]);
  });

  it('reads unit integer as a count with no direction', () => {
    const data = parsed(pyperf.parse(jsonInput({ version: '1.0', metadata: { name: 'allocations', unit: 'integer' }, benchmarks: [{ runs: [{ values: [12, 13] }] }] })));
    expect([data.series[0]?.metric, data.series[0]?.unitHint, data.series[0]?.directionHint]).toEqual(['value', 'count', 'none']);
  });

  it('lets a benchmark\'s own unit override the file\'s', () => {
    const data = parsed(
      pyperf.parse(jsonInput({ version: '1.0', metadata: { unit: 'second' }, benchmarks: [{ metadata: { name: 'peak', unit: 'byte' }, runs: [{ values: [1024] }] }, { metadata: { name: 'fast' }, runs: [{ values: [0.5] }] }] })),
    );
    expect(data.series.map((s) => `${s.metric} ${s.unitHint ?? ''}`)).toEqual(['memory B', 'time s']);
  });

  it('reads runs written as samples (files older than pyperf 0.9.6)', () => {
    const data = parsed(pyperf.parse(jsonInput({ version: 5, benchmarks: [{ metadata: { name: 'old' }, runs: [{ samples: [0.25, 0.26] }] }] })));
    expect(data.series[0]?.samples?.samples).toEqual([0.25, 0.26]);
  });
});

describe('pyperf malformed benchmarks', () => {
  it('reports a benchmark without runs, without a name, with a bad run or with only calibration runs, and reads the rest', async () => {
    const data = parsed(await readTool('pyperf/malformed.json'));
    expect(described(data)).toEqual(['time{benchmark=ok_bench} s lower', 'time{benchmark=bad_values} s lower']);
    expect(data.problems).toEqual([
      { reason: 'benchmark #2: no "runs" list; skipped' },
      { reason: 'benchmark #3: no "name" in its metadata; skipped' },
      { line: 43, reason: 'benchmark bad_values: run #1 has values that are not numbers above zero; left out' },
      { line: 62, reason: 'benchmark only_calibration: 1 calibration run(s) and no run with values; skipped' },
    ]);
  });

  it('leaves out a run whose values are not all numbers above zero, and keeps the benchmark\'s other runs', async () => {
    const data = parsed(await readTool('pyperf/malformed.json'));
    expect(one(data, 'time', { benchmark: 'bad_values' }).samples).toEqual([0.21, 0.22]);
    expect([data.rows, data.excludedRows]).toEqual([5, 2]);
  });

  it('skips, with the reason, a file with no run of values', () => {
    const outcome = notParsed(pyperf.parse(jsonInput({ version: '1.0', metadata: { name: 'x' }, benchmarks: [{ runs: [{ warmups: [[1, 0.5]] }] }] })));
    expect(outcome.reason).toBe('pyperf: no benchmark with values (benchmark x: 1 calibration run(s) and no run with values; skipped)');
  });
});

describe('pyperf detection', () => {
  const others = [
    'pytest-benchmark/saved-data.json',
    'pytest-benchmark/summary-only.json',
    'google-benchmark/repetitions.json',
    'google-benchmark/no-benchmarks.json',
    'hyperfine/parameter-scan.json',
    'github-action-benchmark/custom.json',
    'bencher/bmf.json',
    'jmh/jmh-result.json',
  ];

  it.each(others)('does not claim %s', (fixture) => {
    expect(pyperf.detect(fixtureInput(fixture))).toBe(false);
  });

  it('is not claimed by the other JSON adapters', () => {
    for (const fixture of ['pyperf/pyperformance.json', 'pyperf/timeit.json', 'pyperf/track-memory.json']) {
      const input = fixtureInput(fixture);
      expect([pytestBenchmark, googleBenchmark, hyperfine, githubActionBenchmark, bencher, jmh].map((a) => a.detect(input))).toEqual([false, false, false, false, false, false]);
      expect(pyperf.detect(input)).toBe(true);
    }
  });

  it('does not claim a benchmarks list whose runs hold keys pyperf never writes', () => {
    expect(pyperf.detect(jsonInput({ version: '2', benchmarks: [{ name: 'a', runs: [{ time: 1.5 }] }] }))).toBe(false);
    expect(pyperf.detect(jsonInput({ benchmarks: [{ runs: [{ values: [1] }] }] }))).toBe(false);
  });
});

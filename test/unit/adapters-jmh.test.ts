import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bencher } from '../../src/parse/adapters/bencher.js';
import { githubActionBenchmark } from '../../src/parse/adapters/github-action-benchmark.js';
import { googleBenchmark } from '../../src/parse/adapters/google-benchmark.js';
import { hyperfine } from '../../src/parse/adapters/hyperfine.js';
import { jmh, sdFromScoreError } from '../../src/parse/adapters/jmh.js';
import { pytestBenchmark } from '../../src/parse/adapters/pytest-benchmark.js';
import type { AdapterInput } from '../../src/parse/adapters/types.js';
import { notParsed, parsed } from '../helpers/series.js';
import { TOOL_FIXTURES, described, one, readTool } from '../helpers/tools.js';

const SMALL = { benchmark: 'parse', class: 'ParserBench', mode: 'avgt', size: '100', format: 'compact' };
const LARGE = { ...SMALL, size: '10000' };

/** A JMH record with the fields a test cares about; the rest as JMH 1.37 writes them. */
function record(benchmark: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    jmhVersion: '1.37',
    benchmark,
    mode: 'avgt',
    threads: 1,
    forks: 1,
    measurementIterations: 3,
    primaryMetric: { score: 2, scoreError: 'NaN', scoreUnit: 'ns/op', rawData: [[1.9, 2, 2.1]] },
    secondaryMetrics: {},
    ...fields,
  };
}

function jsonInput(value: unknown, path = 'jmh-result.json'): AdapterInput {
  const text = JSON.stringify(value, null, 4);
  return { path, type: 'json', text, json: JSON.parse(text) as unknown };
}

describe('JMH counters that its score totals', () => {
  it('reads gc.count and gc.time as the total JMH prints (33), not the mean of the iterations (4.125)', () => {
    const gc = { score: 33, scoreError: 'NaN', scoreUnit: 'counts', rawData: [[4, 4, 4, 4, 4, 4, 4, 5]] };
    const series = parsed(jmh.parse(jsonInput([record('countSquares', { secondaryMetrics: { 'gc.count': gc } })]))).series;
    expect(series.find((s) => s.metric === 'gc.count')?.samples?.samples).toEqual([33]);
  });
});

describe('JMH -rf json result file', () => {
  it('reads one primary series per benchmark, mode and @Param variant, named after the mode, with each param as a label', async () => {
    const data = parsed(await readTool('jmh/jmh-result.json'));
    expect(data.adapter).toBe('jmh');
    expect(described(data).filter((d) => !d.startsWith('gc.'))).toEqual([
      'average_time{benchmark=parse,class=ParserBench,mode=avgt,size=100,format=compact} µs/op lower',
      'average_time{benchmark=parse,class=ParserBench,mode=avgt,size=10000,format=compact} µs/op lower',
      'throughput{benchmark=get,class=CacheBench,mode=thrpt} ops/ms higher',
    ]);
  });

  it('reads an avgt score as a time per operation, lower is better, so a faster build is never a regression', async () => {
    const data = parsed(await readTool('jmh/jmh-result.json'));
    const small = one(data, 'average_time', SMALL);
    expect([small.unit, small.direction]).toEqual(['µs/op', 'lower']);
  });

  it('reads a thrpt score in its own unit (ops/ms, never ops/s), higher is better', async () => {
    const data = parsed(await readTool('jmh/jmh-result.json'));
    const get = one(data, 'throughput', { benchmark: 'get' });
    expect([get.unit, get.direction]).toEqual(['ops/ms', 'higher']);
  });

  it('takes every fork\'s iteration scores (rawData) as the samples, fork after fork', async () => {
    const data = parsed(await readTool('jmh/jmh-result.json'));
    const small = one(data, 'average_time', SMALL);
    expect(small.source).toBe('samples');
    expect(small.samples).toEqual([1.52, 1.49, 1.51, 1.55, 1.5, 1.53]);
    expect(one(data, 'average_time', LARGE).samples).toEqual([160.2, 158.9, 161.0, 159.5, 160.1, 159.8]);
  });

  it('keeps @Param variants apart and reads neither params nor settings (jmhVersion, forks, threads, warmup) as metrics', async () => {
    const data = parsed(await readTool('jmh/jmh-result.json'));
    const metrics = new Set(data.series.map((s) => s.metric));
    expect([...metrics]).toEqual(['average_time', 'gc.alloc.rate', 'gc.alloc.rate.norm', 'gc.count', 'gc.time', 'throughput']);
    expect(one(data, 'average_time', SMALL).stats.mean).toBeCloseTo(1.516667, 6);
    expect(one(data, 'average_time', LARGE).stats.mean).toBeCloseTo(159.916667, 6);
  });

  it('reads the gc profiler\'s secondary metrics as their own series: B/op lower; rates and totals that grow with throughput have no direction', async () => {
    const data = parsed(await readTool('jmh/jmh-result.json'));
    expect(described(data).filter((d) => d.includes('size=100,'))).toEqual([
      'average_time{benchmark=parse,class=ParserBench,mode=avgt,size=100,format=compact} µs/op lower',
      'gc.alloc.rate{benchmark=parse,class=ParserBench,mode=avgt,size=100,format=compact} MB/s none',
      'gc.alloc.rate.norm{benchmark=parse,class=ParserBench,mode=avgt,size=100,format=compact} B/op lower',
      'gc.count{benchmark=parse,class=ParserBench,mode=avgt,size=100,format=compact} counts none',
      'gc.time{benchmark=parse,class=ParserBench,mode=avgt,size=100,format=compact} ms none',
    ]);
    expect(one(data, 'gc.alloc.rate.norm', LARGE).samples).toEqual([98312, 98312, 98312, 98312, 98312, 98312]);
  });

  it('points each series at the line of its own record, variants of one method included', async () => {
    const data = parsed(await readTool('jmh/jmh-result.json'));
    expect([one(data, 'average_time', SMALL).line, one(data, 'average_time', LARGE).line, one(data, 'throughput').line]).toEqual([4, 195, 386]);
  });
});

describe('JMH SampleTime and older JMH versions', () => {
  it('names profiler metrics without the · older JMH versions put before them, so ids survive a JMH upgrade', async () => {
    const data = parsed(await readTool('jmh/sample-mode.json'));
    expect(one(data, 'gc.alloc.rate.norm', { benchmark: 'read' }).unit).toBe('B/op');
    expect(data.series.some((s) => s.metric.includes('·'))).toBe(false);
  });

  it('reads each iteration\'s histogram mean as a sample of sample_time, in ms/op, lower is better', async () => {
    const data = parsed(await readTool('jmh/sample-mode.json'));
    const read = one(data, 'sample_time', { benchmark: 'read', class: 'ReadBench', mode: 'sample', bufferSize: '4096' });
    expect([read.unit, read.direction]).toEqual(['ms/op', 'lower']);
    expect(read.samples).toHaveLength(2);
    expect(read.samples[0]).toBeCloseTo(1.038, 12);
    expect(read.samples[1]).toBeCloseTo(1.138, 12);
  });

  it('reads the tail of each iteration (nearest-rank p50, p90, p99, p99.9 of its histogram) as series of their own', async () => {
    const data = parsed(await readTool('jmh/sample-mode.json'));
    const tails = ['sample_time_p50', 'sample_time_p90', 'sample_time_p99', 'sample_time_p99.9'].map((m) => one(data, m, { benchmark: 'read' }).samples);
    expect(tails).toEqual([
      [1.0, 1.1],
      [1.0, 1.1],
      [1.2, 4.0],
      [5.0, 4.0],
    ]);
  });
});

describe('JMH without raw data (-Djmh.json.rawData=false)', () => {
  it('reads the score as a summary: n = forks × iterations, the sd behind the 99.9% scoreError, and the percentiles', async () => {
    const data = parsed(await readTool('jmh/no-raw-data.json'));
    const sha = data.series.find((s) => s.metric === 'average_time');
    // scoreError 6.211099 = t(0.9995, 9) × sd / √10; the sd of the ten iteration scores is 4.1082573.
    expect(sha?.summary?.n).toBe(10);
    expect(sha?.summary?.mean).toBe(412.5);
    expect(sha?.summary?.sd).toBeCloseTo(4.1082573, 6);
    expect([sha?.summary?.min, sha?.summary?.median, sha?.summary?.max]).toEqual([405.1, 412.7, 419.8]);
  });

  it('leaves the sd out when JMH could not state an error (n ≤ 2 writes "NaN")', async () => {
    const data = parsed(await readTool('jmh/no-raw-data.json'));
    const cold = one(data, 'single_shot_time', { benchmark: 'coldStart' });
    expect([cold.unit, cold.direction, cold.source]).toEqual(['s/op', 'lower', 'summary']);
    expect([cold.stats.n, cold.stats.mean, cold.stats.sd]).toEqual([2, 1.92, null]);
  });

  it('converts scoreError to an sd with Student\'s t at 99.9% for n − 1 degrees of freedom', () => {
    expect(sdFromScoreError(1, 10)).toBeCloseTo(Math.sqrt(10) / 4.780912585931217, 9);
    expect(sdFromScoreError(1, 2)).toBeUndefined();
    expect(sdFromScoreError(undefined, 10)).toBeUndefined();
  });
});

describe('JMH labels', () => {
  it('labels the class by its simple name, and by its full name when two classes of the file share a simple name', () => {
    const data = parsed(jmh.parse(jsonInput([record('org.example.v1.Codec.encode'), record('org.example.v2.Codec.encode'), record('org.example.Other.encode')])));
    expect(data.series.map((s) => s.labels)).toEqual([
      { benchmark: 'encode', class: 'org.example.v1.Codec', mode: 'avgt' },
      { benchmark: 'encode', class: 'org.example.v2.Codec', mode: 'avgt' },
      { benchmark: 'encode', class: 'Other', mode: 'avgt' },
    ]);
  });

  it('renames a param called like a label (benchmark, class, mode) to param_<name>', () => {
    const data = parsed(jmh.parse(jsonInput([record('org.example.A.run', { params: { mode: 'fast', n: '8' } })])));
    expect(data.series[0]?.labels).toEqual({ benchmark: 'run', class: 'A', mode: 'avgt', param_mode: 'fast', n: '8' });
  });

  it('keeps the first of two records with the same benchmark, mode and params, and says so', () => {
    const data = parsed(jmh.parse(jsonInput([record('org.example.A.run'), record('org.example.A.run')])));
    expect(data.series).toHaveLength(1);
    expect(data.problems.map((p) => p.reason)).toEqual(['record #2 (org.example.A.run): a second result for the same mode and params; the first is kept']);
  });
});

describe('JMH malformed records', () => {
  it('skips a record without primaryMetric, without a name or without any score, each with its reason and line', async () => {
    const data = parsed(await readTool('jmh/malformed.json'));
    expect(described(data)).toEqual(['average_time{benchmark=split,class=SplitBench,mode=avgt} ns/op lower']);
    expect([data.rows, data.excludedRows]).toEqual([4, 3]);
    expect(data.problems).toEqual([
      { line: 53, reason: 'record #2 (org.example.text.SplitBench.join): no "primaryMetric" object; skipped' },
      { reason: 'record #3: no "benchmark" name; skipped' },
      { line: 122, reason: 'record #4 (org.example.text.SplitBench.trim): primaryMetric has no numeric score and no raw data (score: "NaN"); skipped' },
    ]);
  });

  it('leaves out iteration scores that are not numbers, and says how many', () => {
    const data = parsed(jmh.parse(jsonInput([record('org.example.A.run', { primaryMetric: { score: 2, scoreUnit: 'ns/op', rawData: [[2, 'NaN', 2.2], 'x'] } })])));
    expect(data.series[0]?.samples?.samples).toEqual([2, 2.2]);
    expect(data.problems.map((p) => p.reason)).toEqual(['benchmark org.example.A.run: 2 raw iteration score(s) are not numbers; left out']);
  });

  it('reads a mode it does not know as `score`, its direction from the unit', () => {
    const data = parsed(jmh.parse(jsonInput([record('org.example.A.run', { mode: 'constructor', primaryMetric: { score: 5, scoreUnit: 'ops/s', rawData: [[5]] } })])));
    expect([data.series[0]?.metric, data.series[0]?.unitHint, data.series[0]?.directionHint]).toEqual(['score', 'ops/s', 'higher']);
  });

  it('skips, with the reason, a file whose every record is unreadable', () => {
    const outcome = notParsed(jmh.parse(jsonInput([{ jmhVersion: '1.37', benchmark: 'org.example.A.run' }])));
    expect(outcome.reason).toBe('jmh: no JMH record with a score (record #1 (org.example.A.run): no "primaryMetric" object; skipped)');
  });
});

describe('JMH detection', () => {
  const others = [
    'pytest-benchmark/saved-data.json',
    'google-benchmark/repetitions.json',
    'hyperfine/parameter-scan.json',
    'github-action-benchmark/custom.json',
    'bencher/bmf.json',
    'pyperf/pyperformance.json',
  ];

  it.each(others)('does not claim %s', async (fixture) => {
    const data = parsed(await readTool(fixture));
    expect(data.adapter).not.toBe('jmh');
  });

  it('is not claimed by the other JSON adapters', () => {
    for (const fixture of ['jmh/jmh-result.json', 'jmh/sample-mode.json', 'jmh/no-raw-data.json']) {
      const text = readFileSync(path.join(TOOL_FIXTURES, fixture), 'utf8');
      const input: AdapterInput = { path: fixture, type: 'json', text, json: JSON.parse(text) as unknown };
      expect([pytestBenchmark, googleBenchmark, hyperfine, githubActionBenchmark, bencher].map((a) => a.detect(input))).toEqual([false, false, false, false, false]);
      expect(jmh.detect(input)).toBe(true);
    }
  });

  it('does not claim an array of records without a primary metric', () => {
    expect(jmh.detect(jsonInput([{ benchmark: 'x', mode: 'avgt', score: 1 }]))).toBe(false);
    expect(jmh.detect(jsonInput([]))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { benchmarkDotNet } from '../../src/parse/adapters/benchmarkdotnet.js';
import type { AdapterInput } from '../../src/parse/adapters/types.js';
import { parsed } from '../helpers/series.js';
import { built, described, one, readTool } from '../helpers/tools.js';

const RESULTS = 'benchmarkdotnet/BenchmarkDotNet.Artifacts/results';
const CSV = `${RESULTS}/Acme.Text.ParserBench-report.csv`;
const GITHUB_MD = `${RESULTS}/Acme.Collections.ListBench-report-github.md`;
const FULL_JSON = `${RESULTS}/Acme.Text.ParserBench-report-full.json`;
const DE_CSV = 'benchmarkdotnet/de-culture/BenchmarkDotNet.Artifacts/results/Acme.Hashing.HashBench-report.csv';

const json = (path: string, value: unknown): AdapterInput => ({ path, type: 'json', text: JSON.stringify(value, null, 2), json: value });
const stats = (mean: number) => ({ N: 15, Mean: mean, StandardDeviation: 2.5, Median: mean - 1, Min: mean - 4, Max: mean + 6, Percentiles: { P0: mean - 4, P50: mean - 1, P90: mean + 4, P95: mean + 5, P100: mean + 6 } });

describe('BenchmarkDotNet <Type>-report.csv', () => {
  it('reads one time summary per case, labelled by method, the class from the file name and each param, and leaves the job settings out', async () => {
    const data = parsed(await readTool(CSV));
    expect(data.adapter).toBe('benchmarkdotnet');
    expect(described(data)).toEqual([
      'time{method=Parse,type=ParserBench,Format=Json,N=100} ns lower',
      'gen0{method=Parse,type=ParserBench,Format=Json,N=100} /1k op lower',
      'allocated{method=Parse,type=ParserBench,Format=Json,N=100} B lower',
      'time{method=Parse,type=ParserBench,Format=Json,N=10000} ns lower',
      'gen0{method=Parse,type=ParserBench,Format=Json,N=10000} /1k op lower',
      'allocated{method=Parse,type=ParserBench,Format=Json,N=10000} B lower',
      'time{method=Parse,type=ParserBench,Format=Xml,N=100} ns lower',
      'gen0{method=Parse,type=ParserBench,Format=Xml,N=100} /1k op lower',
      'allocated{method=Parse,type=ParserBench,Format=Xml,N=100} B lower',
      'time{method=ParseSpan,type=ParserBench,Format=Json,N=100} ns lower',
      'gen0{method=ParseSpan,type=ParserBench,Format=Json,N=100} /1k op lower',
      'allocated{method=ParseSpan,type=ParserBench,Format=Json,N=100} B lower',
    ]);
  });

  it('never excludes a row for its Error column: only the failed case is left out', async () => {
    const data = parsed(await readTool(CSV));
    expect([data.rows, data.excludedRows]).toEqual([5, 1]);
  });

  it('reads the mean, StdDev as the sd and the median from cells that carry their unit and thousands separators; n is not stated', async () => {
    const st = one(parsed(await readTool(CSV)), 'time', { method: 'Parse', Format: 'Json', N: '10000' }).stats;
    expect([st.n, st.mean, st.sd, st.p50]).toEqual([null, 84211.3035, 391.0477, 84157.0012]);
  });

  it('reads Allocated in bytes (1 KB = 1024 B) and a written zero as zero', async () => {
    const data = parsed(await readTool(CSV));
    expect(one(data, 'allocated', { method: 'Parse', Format: 'Xml', N: '100' }).stats.mean).toBe(2560);
    expect(one(data, 'allocated', { method: 'ParseSpan' }).stats.mean).toBe(0);
  });

  it('reports a case whose Mean is NA by its line, with no zero in its place', async () => {
    const data = parsed(await readTool(CSV));
    expect(data.problems).toEqual([{ line: 5, reason: 'benchmark Parse: Mean is "NA" (the benchmark failed or did not run); row left out' }]);
    expect(data.series.some((s) => s.labels.Format === 'Xml' && s.labels.N === '10000')).toBe(false);
  });

  it('reads a ;-separated CSV with decimal commas and the units in the header (Mean [μs], Allocated [KB])', async () => {
    const data = parsed(await readTool(DE_CSV));
    const big = one(data, 'time', { method: 'Sha256', Length: '1048576' });
    expect([big.unit, big.stats.mean, big.stats.sd]).toEqual(['µs', 3401.225, 11.6372]);
    expect(one(data, 'allocated', { method: 'Md5' }).stats.mean).toBe(133.12);
    expect(data.series.some((s) => 'job' in s.labels)).toBe(false);
  });

  it('stands for the Markdown reports of the same run beside it', async () => {
    const data = parsed(await readTool(CSV));
    expect(data.supersedes).toContain(`${RESULTS}/Acme.Text.ParserBench-report-github.md`);
    expect(data.supersedes).not.toContain(FULL_JSON);
  });
});

describe('BenchmarkDotNet <Type>-report-github.md', () => {
  it('labels each case by its job when the table holds several, with the Runtime column implied by the job', async () => {
    const data = parsed(await readTool(GITHUB_MD));
    expect(described(data).filter((d) => d.startsWith('time'))).toEqual([
      'time{method=AddRange,type=ListBench,job=.NET 8.0,Size=10} µs lower',
      'time{method=Add,type=ListBench,job=.NET 8.0,Size=10} µs lower',
      'time{method=Add (pooled),type=ListBench,job=.NET 8.0,Size=10} µs lower',
      'time{method=AddRange,type=ListBench,job=.NET 9.0,Size=10} µs lower',
      'time{method=Add,type=ListBench,job=.NET 9.0,Size=10} µs lower',
      'time{method=AddRange,type=ListBench,job=.NET 8.0,Size=1000} µs lower',
      'time{method=AddRange,type=ListBench,job=.NET 9.0,Size=1000} µs lower',
    ]);
  });

  it('reads neither Error nor the derived Ratio, RatioSD and Alloc Ratio as series', async () => {
    const data = parsed(await readTool(GITHUB_MD));
    expect([...new Set(data.series.map((s) => s.metric))]).toEqual(['time', 'gen0', 'allocated']);
    expect(one(data, 'time', { method: 'Add', job: '.NET 9.0' }).stats.sd).toBe(0.0024);
  });

  it('reads the dash BDN writes for a zero metric as zero', async () => {
    const data = parsed(await readTool(GITHUB_MD));
    expect(one(data, 'allocated', { method: 'Add (pooled)' }).stats.mean).toBe(0);
    expect(one(data, 'gen0', { method: 'Add (pooled)' }).stats.mean).toBe(0);
    expect(one(data, 'allocated', { method: 'AddRange', job: '.NET 9.0', Size: '1000' }).stats.mean).toBe(16486.4);
  });

  it('reports the failed case by its line', async () => {
    const data = parsed(await readTool(GITHUB_MD));
    expect(data.problems).toEqual([{ line: 19, reason: 'benchmark Add (pooled): Mean is "NA" (the benchmark failed or did not run); row left out' }]);
    expect([data.rows, data.excludedRows]).toEqual([8, 1]);
  });
});

describe('BenchmarkDotNet JSON exports', () => {
  it('takes the Result iterations of a full export as the samples, in ns per operation', async () => {
    const data = parsed(await readTool(FULL_JSON));
    const time = one(data, 'time', { method: 'Parse', N: '100' });
    expect([time.unit, time.direction, time.source, time.samples]).toEqual(['ns', 'lower', 'samples', [840.5, 842.25, 845, 841.75]]);
  });

  it('reads allocated bytes and the GC collections per 1,000 operations, only for generations that collected', async () => {
    const data = parsed(await readTool(FULL_JSON));
    expect(described(data)).toEqual([
      'time{method=Parse,type=ParserBench,Format=Json,N=100} ns lower',
      'gen0{method=Parse,type=ParserBench,Format=Json,N=100} /1k op lower',
      'allocated{method=Parse,type=ParserBench,Format=Json,N=100} B lower',
      'time{method=ParseSpan,type=ParserBench,Format=Json,N=100} ns lower',
      'gen0{method=ParseSpan,type=ParserBench,Format=Json,N=100} /1k op lower',
      'allocated{method=ParseSpan,type=ParserBench,Format=Json,N=100} B lower',
    ]);
    expect(one(data, 'gen0', { method: 'Parse' }).stats.mean).toBe((41 * 1000) / 262144);
    expect(one(data, 'allocated', { method: 'Parse' }).stats.mean).toBe(1320);
  });

  it('reports a case without statistics by its line', async () => {
    const data = parsed(await readTool(FULL_JSON));
    expect(data.problems).toEqual([{ line: 150, reason: 'benchmark ParserBench.Parse: DefaultJob [Format=Xml, N=10000]: no statistics (the benchmark failed or did not run); skipped' }]);
  });

  it('stands for the brief JSON, the CSV and the Markdown of the same run', async () => {
    const data = parsed(await readTool(FULL_JSON));
    expect(data.supersedes).toEqual(expect.arrayContaining([`${RESULTS}/Acme.Text.ParserBench-report-brief.json`, `${RESULTS}/Acme.Text.ParserBench-report.csv`, `${RESULTS}/Acme.Text.ParserBench-report-github.md`]));
  });

  it('reads a brief export as the stated summary in ns with its N, and labels the job taken from DisplayInfo when there are several', () => {
    const doc = {
      Title: 'Acme.Bench-20240101-000000',
      HostEnvironmentInfo: { BenchmarkDotNetVersion: '0.14.0' },
      Benchmarks: [
        { DisplayInfo: 'Bench.Run: ShortRun(IterationCount=3, LaunchCount=1, WarmupCount=3) [N=10]', Type: 'Bench', Method: 'Run', MethodTitle: 'Run', Parameters: 'N=10', Statistics: stats(100) },
        { DisplayInfo: 'Bench.Run: DefaultJob [N=10]', Type: 'Bench', Method: 'Run', MethodTitle: 'Run', Parameters: 'N=10', Statistics: stats(90) },
      ],
    };
    const data = parsed(benchmarkDotNet.parse(json('results/Acme.Bench-report-brief.json', doc)));
    expect(data.series.map((s) => [s.metric, s.labels, s.unitHint, s.summary])).toEqual([
      ['time', { method: 'Run', type: 'Bench', job: 'ShortRun', N: '10' }, 'ns', { n: 15, mean: 100, sd: 2.5, median: 99, min: 96, max: 106, percentiles: { 90: 104, 95: 105 } }],
      ['time', { method: 'Run', type: 'Bench', job: 'DefaultJob', N: '10' }, 'ns', { n: 15, mean: 90, sd: 2.5, median: 89, min: 86, max: 96, percentiles: { 90: 94, 95: 95 } }],
    ]);
  });
});

describe('BenchmarkDotNet series ids across exports', () => {
  it('gives a case the same id in the CSV and the JSON export, so a baseline kept in one format compares with a run in the other', async () => {
    const ids = async (file: string) => built(parsed(await readTool(file)), file).map((s) => s.id);
    const [csvIds, jsonIds] = [await ids(CSV), await ids(FULL_JSON)];
    expect(jsonIds.filter((id) => csvIds.includes(id))).toEqual([
      `${RESULTS}/Acme.Text.ParserBench-report.csv::time{Format=Json,N=100,method=Parse,type=ParserBench}`,
      `${RESULTS}/Acme.Text.ParserBench-report.csv::gen0{Format=Json,N=100,method=Parse,type=ParserBench}`,
      `${RESULTS}/Acme.Text.ParserBench-report.csv::allocated{Format=Json,N=100,method=Parse,type=ParserBench}`,
      `${RESULTS}/Acme.Text.ParserBench-report.csv::time{Format=Json,N=100,method=ParseSpan,type=ParserBench}`,
      `${RESULTS}/Acme.Text.ParserBench-report.csv::gen0{Format=Json,N=100,method=ParseSpan,type=ParserBench}`,
      `${RESULTS}/Acme.Text.ParserBench-report.csv::allocated{Format=Json,N=100,method=ParseSpan,type=ParserBench}`,
    ]);
  });
});

describe('BenchmarkDotNet detection', () => {
  const csv = (text: string): AdapterInput => ({ path: 'results.csv', type: 'csv', text });
  const md = (text: string): AdapterInput => ({ path: 'results.md', type: 'markdown', text });

  it('claims the CSV, Markdown and JSON reports', async () => {
    for (const file of [CSV, DE_CSV, GITHUB_MD, FULL_JSON]) expect(parsed(await readTool(file)).adapter).toBe('benchmarkdotnet');
  });

  it('leaves ordinary CSV and Markdown tables, and a page with other tables too, to the generic readers', () => {
    expect(benchmarkDotNet.detect(csv('name,mean,error\nparse,12.5,\n'))).toBe(false);
    expect(benchmarkDotNet.detect(csv('Method,Mean,StdDev\nParse,12.5,0.3\n'))).toBe(false);
    expect(benchmarkDotNet.detect(md('| Method | Mean | Notes |\n|---|---|---|\n| parse | 12 ms | ok |\n'))).toBe(false);
    const mixed = '| Method | Mean | Error |\n|---|---:|---:|\n| Parse | 1.0 ns | 0.1 ns |\n\n| Model | tok/s |\n|---|---|\n| llama | 40 |\n';
    expect(benchmarkDotNet.detect(md(mixed))).toBe(false);
  });

  it('leaves JSON without BDN report keys alone', () => {
    expect(benchmarkDotNet.detect(json('b.json', { benchmarks: [{ name: 'a', stats: { mean: 1 } }] }))).toBe(false);
    expect(benchmarkDotNet.detect(json('b.json', { Benchmarks: [{ Method: 'Run', Statistics: stats(1) }] }))).toBe(false);
  });
});

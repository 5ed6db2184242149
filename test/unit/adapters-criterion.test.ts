import { describe, expect, it } from 'vitest';
import { dropSuperseded } from '../../src/analyze.js';
import { benchmarkNameFromPath, cargoBench, criterion } from '../../src/parse/adapters/criterion.js';
import type { ParseOutcome } from '../../src/parse/types.js';
import { notParsed, parsed } from '../helpers/series.js';
import { described, one, readTool } from '../helpers/tools.js';

const RUN = 'criterion/target/criterion/parse/json';

describe('criterion target/criterion output', () => {
  it('reads sample.json as the per-iteration time (time ÷ iterations) in ns of every sample', async () => {
    const data = parsed(await readTool(`${RUN}/new/sample.json`));
    expect(data.adapter).toBe('criterion');
    expect(described(data)).toEqual(['time{benchmark=parse/json} ns lower']);
    expect(one(data, 'time').samples).toEqual([1500, 1450, 1550, 1500]);
  });

  it('reads estimates.json as a summary of the mean, median and std_dev point estimates', async () => {
    const data = parsed(await readTool(`${RUN}/new/estimates.json`));
    expect(described(data)).toEqual(['time{benchmark=parse/json} ns lower']);
    expect(data.series[0]?.summary).toEqual({ mean: 1500, median: 1490, sd: 50 });
  });

  it('lets sample.json supersede the estimates.json beside it, so one run is not counted twice', async () => {
    const sample = parsed(await readTool(`${RUN}/new/sample.json`));
    expect(sample.supersedes).toEqual([`${RUN}/new/estimates.json`]);
    const files = [{ path: `${RUN}/new/estimates.json` }, { path: `${RUN}/new/sample.json` }];
    const outcomes: ParseOutcome[] = [await readTool(`${RUN}/new/estimates.json`), sample];
    dropSuperseded(files, outcomes);
    expect(outcomes[0]).toEqual({ status: 'skipped', reason: `superseded by ${RUN}/new/sample.json, which holds the same run's results` });
    expect(outcomes[1]).toBe(sample);
  });

  it("skips the previous run, criterion's own change estimates, the description and the tukey fences, each with its reason", async () => {
    expect(notParsed(await readTool(`${RUN}/base/estimates.json`)).reason).toBe('criterion: the previous run (base/); the current one is in new/');
    expect(notParsed(await readTool(`${RUN}/change/estimates.json`)).reason).toBe("criterion: change estimates (relative to criterion's previous run), not times");
    expect(notParsed(await readTool(`${RUN}/new/benchmark.json`)).reason).toBe('criterion: benchmark description (names only); its times are in estimates.json and sample.json');
    expect(notParsed(await readTool(`${RUN}/new/tukey.json`)).reason).toBe('criterion: tukey fences (outlier thresholds), not measurements');
  });

  it('skips a run saved with --save-baseline main in its main/ folder, instead of reading it as a benchmark named …/main', async () => {
    for (const file of ['estimates.json', 'sample.json']) {
      expect(notParsed(await readTool(`${RUN}/main/${file}`)).reason).toBe('criterion: the run saved as baseline main (--save-baseline main); the current one is in new/');
    }
    // Outside a target/criterion tree a folder name says nothing: an estimates.json copied elsewhere is read.
    const copied = criterion.parse({ path: 'results/fib/main/estimates.json', type: 'json', text: '', json: { mean: { point_estimate: 10 }, median: { point_estimate: 9 }, std_dev: { point_estimate: 1 } } });
    expect(parsed(copied).series.map((s) => s.metric)).toEqual(['time']);
  });

  it('reads the capitalised estimates and [iterations, time] sample pairs of criterion 0.2', async () => {
    const estimates = parsed(await readTool('criterion/old-0.2/target/criterion/fib/new/estimates.json'));
    expect(estimates.series[0]?.summary).toEqual({ mean: 24.5, median: 24.3, sd: 0.8 });
    const sample = parsed(await readTool('criterion/old-0.2/target/criterion/fib/new/sample.json'));
    expect(described(sample)).toEqual(['time{benchmark=fib} ns lower']);
    expect(one(sample, 'time').samples).toEqual([25, 24.5, 24]);
  });

  it('names the benchmark from its folder below target/criterion, else from the folder holding new/', () => {
    expect(benchmarkNameFromPath('target/criterion/group/fn/42/new/estimates.json')).toBe('group/fn/42');
    expect(benchmarkNameFromPath('docs/fib 20 - fast/new/estimates.json')).toBe('fib 20 - fast');
    expect(benchmarkNameFromPath('estimates.json')).toBe('estimates');
  });
});

describe('libtest bencher lines (cargo bench, criterion --output-format bencher)', () => {
  it('reads each benchmark as a time in ns, and its MB/s as throughput', async () => {
    const data = parsed(await readTool('cargo-bench/libtest.txt'));
    expect(data.adapter).toBe('cargo-bench');
    expect(described(data)).toEqual([
      'time{benchmark=tests::parse_small} ns lower',
      'time{benchmark=tests::parse_large} ns lower',
      'throughput{benchmark=tests::parse_large} MB/s higher',
    ]);
    expect(one(data, 'time', { benchmark: 'tests::parse_small' }).samples).toEqual([1234]);
    expect(one(data, 'time', { benchmark: 'tests::parse_large' }).samples).toEqual([213450.2]);
    expect(one(data, 'time', { benchmark: 'tests::parse_large' }).line).toBe(3);
  });

  it('tells a test of one name in two bench targets apart by the target, instead of pooling them', async () => {
    const data = parsed(await readTool('cargo-bench/two-targets.txt'));
    expect(described(data)).toEqual(['time{benchmark=breaks,target=check} ns lower', 'time{benchmark=compile_en_US,target=check} ns lower', 'time{benchmark=breaks,target=suggest} ns lower']);
    expect(one(data, 'time', { benchmark: 'breaks', target: 'suggest' }).samples).toEqual([1590]);
  });
});

describe("criterion's report (cargo bench's default output)", () => {
  const LONG = 'tokenize/a-rather-long-document-name-that-criterion-prints-on-its-own-line';

  it('reads each benchmark as its time estimate in ns whatever unit it printed, and its throughput in MiB/s, named on its line or the line before', async () => {
    const data = parsed(await readTool('cargo-bench/criterion-report.txt'));
    expect(data.adapter).toBe('cargo-bench');
    expect(described(data)).toEqual([
      'time{benchmark=tokenize/short} ns lower',
      'throughput{benchmark=tokenize/short} MiB/s higher',
      `time{benchmark=${LONG}} ns lower`,
      `throughput{benchmark=${LONG}} MiB/s higher`,
    ]);
    // 1.2101 ms
    expect(one(data, 'time', { benchmark: LONG }).samples?.[0]).toBeCloseTo(1_210_100, 6);
    expect(one(data, 'time', { benchmark: LONG }).line).toBe(15);
  });

  it('takes a benchmark reported again (runs appended to one log) as another sample, and the interval bounds as nothing', async () => {
    const data = parsed(await readTool('cargo-bench/criterion-report.txt'));
    const time = one(data, 'time', { benchmark: 'tokenize/short' }).samples ?? [];
    expect([time.length, time[0], time[1]].map((v) => Math.round((v ?? 0) * 1000) / 1000)).toEqual([2, 2395.2, 2410.2]);
    expect(one(data, 'throughput', { benchmark: 'tokenize/short' }).samples).toEqual([41.75, 41.49]);
  });

  it('keeps one series when a benchmark crosses a unit boundary between runs (999.51 ns, then 1.0132 µs), and its GiB/s beside MiB/s', () => {
    const log = ['fib 20                  time:   [999.10 ns 999.51 ns 999.90 ns]', '                        thrpt:  [1020.0 MiB/s 1022.0 MiB/s 1024.0 MiB/s]', 'fib 20                  time:   [1.0101 µs 1.0132 µs 1.0160 µs]', '                        thrpt:  [1.0000 GiB/s 1.0010 GiB/s 1.0020 GiB/s]'].join('\n');
    const data = parsed(cargoBench.parse({ path: 'bench.log', type: 'text', text: log }));
    expect(data.series.map((s) => [s.metric, s.unitHint, s.samples?.samples.map((v) => Math.round(v * 100) / 100)])).toEqual([
      ['time', 'ns', [999.51, 1013.2]],
      ['throughput', 'MiB/s', [1022, 1025.02]],
    ]);
  });

  it('reads neither the relative change after `change:` nor the libtest lines beside the reports as criterion results', () => {
    const log = [
      'test tests::legacy ... bench:         123 ns/iter (+/- 4)',
      'parse/json              time:   [10.500 µs 10.600 µs 10.700 µs]',
      '                        thrpt:  [91.000 MiB/s 92.000 MiB/s 93.000 MiB/s]',
      '                 change:',
      '                        time:   [+3.0000% +4.0000% +5.0000%] (p = 0.00 < 0.05)',
      '                        thrpt:  [-4.7600% -3.8500% -2.9100%]',
      '                        Performance has regressed.',
    ].join('\n');
    const data = parsed(cargoBench.parse({ path: 'bench.log', type: 'text', text: log }));
    expect(data.series.map((s) => [s.metric, s.labels.benchmark, s.samples?.samples])).toEqual([
      ['time', 'parse/json', [10600]],
      ['throughput', 'parse/json', [92]],
      ['time', 'tests::legacy', [123]],
    ]);
  });
});

describe('criterion raw.csv', () => {
  it('is recognised and skipped with the reason, in new/ and base/, instead of read as a generic table beside sample.json', async () => {
    expect(notParsed(await readTool('criterion/target/criterion/parse/json/new/raw.csv'))).toEqual({
      status: 'skipped',
      reason: 'criterion: raw.csv holds the samples of sample.json in the same folder, which is read instead',
    });
    expect(notParsed(await readTool('criterion/target/criterion/parse/json/base/raw.csv'))).toEqual({
      status: 'skipped',
      reason: 'criterion: the previous run (base/); the current one is in new/',
    });
  });
});

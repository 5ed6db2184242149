import { describe, expect, it } from 'vitest';
import { notParsed, parsed } from '../helpers/series.js';
import { googleBenchmark } from '../../src/parse/adapters/google-benchmark.js';
import { described, one, readTool } from '../helpers/tools.js';

describe('Google Benchmark JSON', () => {
  it('reads real_time, cpu_time and user counters per run, with counters per second as throughput', async () => {
    const data = parsed(await readTool('google-benchmark/repetitions.json'));
    expect(data.adapter).toBe('google-benchmark');
    expect(described(data)).toEqual([
      'real_time{benchmark=BM_Encode/1024} µs lower',
      'cpu_time{benchmark=BM_Encode/1024} µs lower',
      'bytes_per_second{benchmark=BM_Encode/1024} B/s higher',
      'items_per_second{benchmark=BM_Encode/1024} items/s higher',
      'frames{benchmark=BM_Encode/1024}  none',
      'real_time{benchmark=BM_Decode/threads:2} ns lower',
      'cpu_time{benchmark=BM_Decode/threads:2} ns lower',
    ]);
  });

  it('uses the repetitions as samples and ignores the mean/median/stddev/cv rows, so nothing counts twice', async () => {
    const data = parsed(await readTool('google-benchmark/repetitions.json'));
    const real = one(data, 'real_time', { benchmark: 'BM_Encode/1024' });
    expect(real.samples).toEqual([10, 12, 14]);
    expect(real.stats.n).toBe(3);
    expect(real.stats.mean).toBe(12);
    expect(one(data, 'items_per_second').samples).toEqual([100000, 90000, 80000]);
  });

  it('reports a benchmark that errored and leaves it out', async () => {
    const data = parsed(await readTool('google-benchmark/repetitions.json'));
    expect(data.problems).toEqual([{ line: 24, reason: 'benchmark BM_Broken reported an error: input file missing' }]);
    expect(data.excludedRows).toBe(1);
  });

  it('reports a benchmark skipped with a message (SkipWithMessage) instead of reading its 0 ns as a time, and counts it as no failure', async () => {
    const data = parsed(await readTool('google-benchmark/skipped.json'));
    expect(described(data)).toEqual(['real_time{benchmark=BM_SumScalar/1024} ns lower', 'cpu_time{benchmark=BM_SumScalar/1024} ns lower']);
    expect(data.problems).toEqual([{ line: 17, reason: 'benchmark BM_SumAvx512/1024 was skipped: AVX-512 not supported on this CPU' }]);
    expect(data.excludedRows).toBe(0);
  });

  it('reads a file whose writer printed NaN and Infinity (a 0/0 cv, a rate over 0 ns), and says which value it left out', async () => {
    const data = parsed(await readTool('google-benchmark/non-finite.json'));
    expect(data.adapter).toBe('google-benchmark');
    expect(described(data)).toEqual([
      'real_time{benchmark=BM_Push/repeats:2} ns lower',
      'cpu_time{benchmark=BM_Push/repeats:2} ns lower',
      'Drops{benchmark=BM_Push/repeats:2}  none',
      'items_per_second{benchmark=BM_Push/repeats:2} items/s higher',
    ]);
    expect(one(data, 'real_time').samples).toEqual([0.25, 0.275]);
    expect(one(data, 'items_per_second').samples).toEqual([3.2e9]);
    expect(data.problems).toEqual([{ line: 17, reason: 'benchmark BM_Push/repeats:2: items_per_second is Infinity in the file, no number; left out' }]);
  });

  it("gives a repetition's problem the line of its own row, found in time linear in the file (1,000 benchmarks × 10 repetitions)", () => {
    const row = (b: number, r: number) => ({
      name: `BM_x/${b}`, family_index: 0, per_family_instance_index: b, run_name: `BM_x/${b}`, run_type: 'iteration', repetitions: 10, repetition_index: r,
      threads: 1, iterations: 1000, real_time: 10 + r, cpu_time: 10 + r, time_unit: 'ns',
      ...((b === 0 || b === 999) && r === 1 ? { error_occurred: true, error_message: 'timeout' } : {}),
    });
    const json = { context: { executable: './bench', num_cpus: 8 }, benchmarks: Array.from({ length: 10_000 }, (_, i) => row(Math.floor(i / 10), i % 10)) };
    const text = JSON.stringify(json, null, 2);
    const start = performance.now();
    const data = parsed(googleBenchmark.parse({ path: 'bench.json', type: 'json', text, json }));
    expect(performance.now() - start).toBeLessThan(4_000);
    // The line of the second `"name": "BM_x/<b>"` (its second repetition), not the first.
    const nameLines = (b: number) => text.split('\n').flatMap((l, i) => (l.trim() === `"name": "BM_x/${b}",` ? [i + 1] : []));
    expect(data.problems).toEqual([
      { line: nameLines(0)[1], reason: 'benchmark BM_x/0 reported an error: timeout' },
      { line: nameLines(999)[1], reason: 'benchmark BM_x/999 reported an error: timeout' },
    ]);
    expect(nameLines(0).slice(0, 2)).toEqual([8, 22]);
  });

  it('reads mean, median and stddev aggregates as a summary when only aggregates were reported', async () => {
    const data = parsed(await readTool('google-benchmark/aggregates-only.json'));
    expect(described(data)).toEqual(['real_time{benchmark=BM_Sort/4096} ms lower', 'cpu_time{benchmark=BM_Sort/4096} ms lower']);
    expect(data.series[0]?.summary).toEqual({ n: 10, mean: 250, median: 248, sd: 5 });
  });

  it('tells aggregates from repetitions by the name suffix in files older than run_type', async () => {
    const data = parsed(await readTool('google-benchmark/old-format.json'));
    expect(described(data)).toEqual(['real_time{benchmark=BM_StringCopy/8} ns lower', 'cpu_time{benchmark=BM_StringCopy/8} ns lower']);
    expect(one(data, 'real_time').samples).toEqual([21, 23]);
  });

  it('says why a file holding only errored benchmarks has no series', async () => {
    const outcome = notParsed(await readTool('google-benchmark/all-errors.json'));
    expect(outcome).toEqual({ status: 'skipped', reason: 'google-benchmark: no benchmark results (benchmark BM_Only reported an error: out of memory)' });
  });
});

describe('Google Benchmark CSV', () => {
  it('reads --benchmark_format=csv with each row in its own time unit, counters as series, and errors reported', async () => {
    const data = parsed(await readTool('google-benchmark/mixed-units.csv'));
    expect(data.adapter).toBe('google-benchmark');
    expect(described(data)).toEqual([
      'real_time{benchmark=BM_Decode/1024} µs lower',
      'cpu_time{benchmark=BM_Decode/1024} µs lower',
      'bytes_per_second{benchmark=BM_Decode/1024} B/s higher',
      'Frames{benchmark=BM_Decode/1024}  none',
      'real_time{benchmark=BM_Encode/big} ms lower',
      'cpu_time{benchmark=BM_Encode/big} ms lower',
    ]);
    expect(one(data, 'real_time', { benchmark: 'BM_Decode/1024' }).samples).toEqual([12.5, 12.75]);
    expect(data.problems).toEqual([{ line: 5, reason: 'benchmark BM_Broken reported an error: out of memory' }]);
  });

  it('reports a CSV row skipped with a message (empty times, error_occurred false) with its line and reason', () => {
    const text = [
      'name,iterations,real_time,cpu_time,time_unit,bytes_per_second,items_per_second,label,error_occurred,error_message',
      '"BM_SumAvx512/1024",,,,,,,,false,"AVX-512 not supported on this CPU"',
      '"BM_SumScalar/1024",983040,712.451,711.014,ns,,,,,',
    ].join('\n');
    const data = parsed(googleBenchmark.parse({ path: 'results.csv', type: 'csv', text }));
    expect(data.series.map((s) => [s.metric, s.labels.benchmark, s.samples?.samples])).toEqual([
      ['real_time', 'BM_SumScalar/1024', [712.451]],
      ['cpu_time', 'BM_SumScalar/1024', [711.014]],
    ]);
    expect(data.problems).toEqual([{ line: 2, reason: 'benchmark BM_SumAvx512/1024 was skipped: AVX-512 not supported on this CPU' }]);
  });

  it('reads an aggregates-only CSV after the context lines the console wrote before the header', async () => {
    const data = parsed(await readTool('google-benchmark/aggregates.csv'));
    expect(described(data)).toEqual(['real_time{benchmark=BM_Sort/64} ns lower', 'cpu_time{benchmark=BM_Sort/64} ns lower']);
    // The CSV has no repetitions column: how many runs the aggregates summarise is not stated.
    expect(data.series[0]?.summary).toEqual({ mean: 250.5, median: 250, sd: 2.5 });
    expect(data.series[0]?.line).toBe(5);
  });
});

describe('Google Benchmark console output', () => {
  it('reads each row in the unit it prints, its counters with their prefixes applied, and the repetitions as samples', async () => {
    const data = parsed(await readTool('google-benchmark/console.txt'));
    expect(data.adapter).toBe('google-benchmark');
    expect(described(data)).toEqual([
      'real_time{benchmark=BM_Encode/64} ns lower',
      'cpu_time{benchmark=BM_Encode/64} ns lower',
      'bytes_per_second{benchmark=BM_Encode/64} B/s higher',
      'real_time{benchmark=BM_Encode/4096} µs lower',
      'cpu_time{benchmark=BM_Encode/4096} µs lower',
      'bytes_per_second{benchmark=BM_Encode/4096} B/s higher',
      'items_per_second{benchmark=BM_Encode/4096} items/s higher',
      'real_time{benchmark=BM_Decode/repeats:3} ms lower',
      'cpu_time{benchmark=BM_Decode/repeats:3} ms lower',
      'frames{benchmark=BM_Decode/repeats:3}  none',
    ]);
    // 1.45 Gi/s is 1.45 × 2^30 bytes a second; 658.2k/s is 658,200 items a second.
    expect(one(data, 'bytes_per_second', { benchmark: 'BM_Encode/64' }).samples).toEqual([1.45 * 1024 ** 3]);
    expect(one(data, 'items_per_second').samples).toEqual([658200]);
    expect(one(data, 'real_time', { benchmark: 'BM_Decode/repeats:3' }).samples).toEqual([12.1, 12.5, 12.3]);
    expect(one(data, 'real_time', { benchmark: 'BM_Encode/64' }).line).toBe(9);
  });

  it('reports a benchmark the console printed as SKIPPED, with its line and message', () => {
    const text = [
      '-----------------------------------------------------------------',
      'Benchmark                       Time             CPU   Iterations',
      '-----------------------------------------------------------------',
      "BM_SumAvx512/1024      SKIPPED: 'AVX-512 not supported on this CPU'",
      'BM_SumScalar/1024                712 ns          711 ns       983040',
    ].join('\n');
    const data = parsed(googleBenchmark.parse({ path: 'results.txt', type: 'text', text }));
    expect(data.series.map((s) => [s.metric, s.labels.benchmark, s.samples?.samples])).toEqual([
      ['real_time', 'BM_SumScalar/1024', [712]],
      ['cpu_time', 'BM_SumScalar/1024', [711]],
    ]);
    expect(data.problems).toEqual([{ line: 4, reason: 'benchmark BM_SumAvx512/1024 was skipped: AVX-512 not supported on this CPU' }]);
  });

  it('reports a benchmark that errored, with its line and message', async () => {
    const data = parsed(await readTool('google-benchmark/console.txt'));
    expect(data.problems).toEqual([{ line: 18, reason: 'benchmark BM_Corrupt reported an error: checksum mismatch' }]);
  });

  it('reads a templated benchmark whose name holds spaces, and bytes_per_second with a plain G as the powers of 1024 older versions meant', () => {
    const text = [
      '---------------------------------------------------------------------------',
      'Benchmark                                 Time             CPU   Iterations UserCounters...',
      '---------------------------------------------------------------------------',
      'BM_Push<std::deque<int>, 4>/64          120 ns          119 ns      5800000 items_per_second=537.8M/s',
      'BM_Copy/real_time                      2.10 us         2.09 us       333000 bytes_per_second=1.5G/s',
    ].join('\n');
    const data = parsed(googleBenchmark.parse({ path: 'results.txt', type: 'text', text }));
    expect(data.series.map((s) => [s.metric, s.labels.benchmark, s.samples?.samples])).toEqual([
      ['real_time', 'BM_Push<std::deque<int>, 4>/64', [120]],
      ['cpu_time', 'BM_Push<std::deque<int>, 4>/64', [119]],
      ['items_per_second', 'BM_Push<std::deque<int>, 4>/64', [537_800_000]],
      ['real_time', 'BM_Copy/real_time', [2.1]],
      ['cpu_time', 'BM_Copy/real_time', [2.09]],
      ['bytes_per_second', 'BM_Copy/real_time', [1.5 * 1024 ** 3]],
    ]);
  });

  it('reads --benchmark_counters_tabular output, whose counters are columns named in the header', () => {
    const text = [
      '------------------------------------------------------------------------------------',
      'Benchmark                   Time             CPU   Iterations   Frames     Rate',
      '------------------------------------------------------------------------------------',
      'BM_Render/threads:8      2198 ns         9953 ns        70688       16  1.5k/s',
    ].join('\n');
    const data = parsed(googleBenchmark.parse({ path: 'results.txt', type: 'text', text }));
    expect(data.series.map((s) => [s.metric, s.samples?.samples])).toEqual([
      ['real_time', [2198]],
      ['cpu_time', [9953]],
      ['Frames', [16]],
      ['Rate', [1500]],
    ]);
  });

  it('reads a user counter printed per second (kIsRate) as a rate in /s, which way is better from its name', () => {
    const text = [
      '----------------------------------------------------------------------------------------',
      'Benchmark                       Time             CPU   Iterations UserCounters...',
      '----------------------------------------------------------------------------------------',
      'BM_Decode/threads:4          1.25 us         4.98 us       140000 Frames=1.5k/s Errors=12/s Dropped=3',
    ].join('\n');
    const data = parsed(googleBenchmark.parse({ path: 'results.txt', type: 'text', text }));
    expect(described(data)).toEqual([
      'real_time{benchmark=BM_Decode/threads:4} µs lower',
      'cpu_time{benchmark=BM_Decode/threads:4} µs lower',
      'Frames{benchmark=BM_Decode/threads:4} /s higher',
      'Errors{benchmark=BM_Decode/threads:4} /s lower',
      'Dropped{benchmark=BM_Decode/threads:4}  none',
    ]);
    expect(one(data, 'Frames').samples).toEqual([1500]);
  });

  it('keeps the runs of several binaries in one log apart by their executable instead of pooling them as repetitions', async () => {
    const data = parsed(await readTool('google-benchmark/console-two-builds.txt'));
    expect(data.series.filter((s) => s.metric === 'real_time').map((s) => [s.labels.executable, s.samples?.samples])).toEqual([
      ['./bin/scan_scalar', [1130]],
      ['./bin/scan_avx2', [329]],
    ]);
  });
});

describe('Google Benchmark output without results', () => {
  it('is recognised and skipped with the reason, not read as the machine description it holds', async () => {
    const outcome = notParsed(await readTool('google-benchmark/no-benchmarks.json'));
    expect(outcome.status).toBe('skipped');
    expect(outcome.reason).toBe('google-benchmark: no benchmark results');
  });
});

describe('Google Benchmark complexity fits', () => {
  it('skips the BigO and RMS rows of a fit, and reads a benchmark named …_RMS or with an rms counter as the measurement it is', async () => {
    const data = parsed(await readTool('google-benchmark/rms-named.json'));
    expect(described(data)).toEqual([
      'real_time{benchmark=BM_Signal_RMS} ns lower',
      'cpu_time{benchmark=BM_Signal_RMS} ns lower',
      'real_time{benchmark=BM_Audio} µs lower',
      'cpu_time{benchmark=BM_Audio} µs lower',
      'rms{benchmark=BM_Audio}  none',
      'real_time{benchmark=BM_Sort/8} ns lower',
      'cpu_time{benchmark=BM_Sort/8} ns lower',
    ]);
    expect(data.problems.map((p) => p.reason)).toEqual([
      'benchmark BM_Sort_BigO: a complexity fit (BigO, RMS), not a measurement; skipped',
      'benchmark BM_Sort_RMS: a complexity fit (BigO, RMS), not a measurement; skipped',
    ]);
  });
});

describe('Google Benchmark messages written into problems', () => {
  it('shows an error message on one line and cut at 160 characters, however long the text the benchmark passed to SkipWithError', () => {
    const doc = {
      context: { date: '2026-11-30T10:00:00+00:00', library_build_type: 'release' },
      benchmarks: [
        { name: 'BM_Ok', run_name: 'BM_Ok', run_type: 'iteration', iterations: 10, real_time: 5, cpu_time: 5, time_unit: 'ns' },
        { name: 'BM_Broken', run_name: 'BM_Broken', run_type: 'iteration', error_occurred: true, error_message: `open failed:\n  at main.cc:12\n${'x'.repeat(100_000)}` },
      ],
    };
    const text = JSON.stringify(doc, null, 2);
    const data = parsed(googleBenchmark.parse({ path: 'bench.json', type: 'json', text, json: doc }));
    expect(data.problems.map((p) => p.reason)).toEqual([`benchmark BM_Broken reported an error: open failed: at main.cc:12 ${'x'.repeat(160 - 'open failed: at main.cc:12 '.length)}…`]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildFamilies, type Family } from '../../src/findings/families.js';
import { MIN_SWEEP_CONFIGURATIONS, isSweep, summariseSweep } from '../../src/findings/sweep.js';
import type { Series } from '../../src/model/series.js';
import { measured } from '../helpers/built-series.js';

/** A sweep CSV: one series per configuration (`labels`), holding `samples`. */
function sweep(configurations: { labels: Record<string, string>; samples: number[] }[], extra: Partial<Series> = {}): Family {
  const families = buildFamilies(configurations.map(({ labels, samples }) => measured('sweep.csv', extra.metric ?? 'tokens_s', samples, { ...extra, labels })));
  if (families.length !== 1) throw new Error(`expected one family, got ${families.length}`);
  return families[0] as Family;
}

/** rows × columns of single values: `values[i][j]` at row level `rows[i]`, column level `columns[j]`. */
function table(rowFactor: string, rows: string[], columnFactor: string, columns: string[], values: number[][], extra: Partial<Series> = {}): Family {
  return sweep(
    rows.flatMap((r, i) => columns.map((c, j) => ({ labels: { [rowFactor]: r, [columnFactor]: c }, samples: [(values[i] as number[])[j] as number] }))),
    extra,
  );
}

/** Two-way ANOVA without replication by the textbook sums of squares (complete balanced table). */
function twoWayByHand(values: number[][]): { fRows: number; fColumns: number } {
  const r = values.length;
  const c = (values[0] as number[]).length;
  const all = values.flat();
  const grand = all.reduce((s, v) => s + v, 0) / all.length;
  const rowMeans = values.map((row) => row.reduce((s, v) => s + v, 0) / c);
  const columnMeans = Array.from({ length: c }, (_, j) => values.reduce((s, row) => s + (row[j] as number), 0) / r);
  const ssRows = c * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssColumns = r * columnMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const msError = (all.reduce((s, v) => s + (v - grand) ** 2, 0) - ssRows - ssColumns) / ((r - 1) * (c - 1));
  return { fRows: ssRows / (r - 1) / msError, fColumns: ssColumns / (c - 1) / msError };
}

/** P(F > f) for F with (2, 4) degrees of freedom: (1 + f/2)^−2. */
const fTail_2_4 = (f: number) => (1 + f / 2) ** -2;

const CTX = ['2048', '4096', '8192'];
const TEMPERATURE = ['0.2', '0.7', '1.0'];
/** tokens/s that no setting moves: row means 100.33, 100.67, 99.33; column means 99.33, 101, 100; grand mean 901/9. */
const FLAT = [
  [100, 103, 98],
  [101, 99, 102],
  [97, 101, 100],
];

/** An output-throughput sweep of datasets over request rates: `[dataset, rate, tok/s]`, one value each. */
const RANDOM_AND_SHAREGPT: [string, string, number][] = [
  ['random', '1', 500],
  ['random', '2', 1000],
  ['random', '4', 2000],
  ['random', '8', 3500],
  ['random', '16', 4300],
  ['sharegpt', '4', 750],
  ['sharegpt', '8', 1470],
];
const datasetsByRate = (rows: [string, string, number][]) => sweep(rows.map(([dataset, rate, v]) => ({ labels: { dataset, rate }, samples: [v] })));

describe('a sweep whose best or worst value several configurations share', () => {
  it('says how many configurations tie at the worst value instead of naming one of them as the worst', () => {
    const f = summariseSweep(
      table('size', ['8', '1024', '1048576'], 'placement', ['in-place', 'out-of-place'], [[0, 0], [0.5, 0.52], [150.2, 151.0]], { metric: 'busbw', unit: 'GB/s', direction: 'higher' }),
      0.95,
    );
    expect(f?.text).toContain('best size=1048576, placement=out-of-place at 151 GB/s, worst 2 configurations tied at 0 GB/s (size=8, placement=out-of-place, …)');
  });
});

describe('a sweep effect quoted on the scale of the test that decides it', () => {
  // Backend b runs 20% faster than a at every batch size but the first, where a, at 1000 tok/s, is 11% faster.
  // The arithmetic means follow that one large configuration (a 218.33, b 211.50); the log-scale test weighs
  // each batch size's ratio alike and finds b ahead.
  const A = [1000, 10, 20, 40, 80, 160];
  const B = [900, 12, 24, 47, 96, 190];
  const backends = () =>
    sweep(['1', '2', '3', '4', '5', '6'].flatMap((batch, i) => [{ labels: { backend: 'a', batch }, samples: [A[i] as number] }, { labels: { backend: 'b', batch }, samples: [B[i] as number] }]));

  it('states the effect in geometric means, which order the levels as the test does', () => {
    // a: (1000·10·20·40·80·160)^(1/6) = 68.40, b: (900·12·24·47·96·190)^(1/6) = 77.83, +13.8%.
    expect(summariseSweep(backends(), 0.95)?.text).toBe(
      'tokens_s sweep over backend × batch (12 configurations, 1 run each): best backend=a, batch=1 at 1000 tok/s, worst backend=a, batch=2 at 10 tok/s (100.00×); batch 1 → 6: 948.68 tok/s → 174.36 tok/s (geometric means, −81.6%, p<0.001); backend a → b: 68.40 tok/s → 77.83 tok/s (geometric means, +13.8%, p=0.041).',
    );
  });

  it('marks the effect geometric and keeps no sd, which would be the arithmetic one', () => {
    const backend = summariseSweep(backends(), 0.95)?.sweep?.effects.find((e) => e.factor === 'backend');
    expect([backend?.geometric, backend?.levels.map((l) => [l.value, l.n, Number(l.mean.toFixed(2)), l.sd])]).toEqual([
      true,
      [
        ['a', 6, 68.4, null],
        ['b', 6, 77.83, null],
      ],
    ]);
  });

  it('says so when means over different settings order two levels the other way from the fit the test rests on', () => {
    // sonnet ran only at rates 1 and 2, where it is 11% faster than random; sharegpt only at 4 and 8, 25% slower.
    // No rate ran every dataset, so each dataset's geometric mean is over its own rates: sonnet's low rates put it last.
    const f = summariseSweep(
      datasetsByRate([
        ['random', '1', 100],
        ['random', '2', 205],
        ['random', '4', 398],
        ['random', '8', 810],
        ['random', '16', 1590],
        ['sharegpt', '4', 300],
        ['sharegpt', '8', 615],
        ['sonnet', '1', 111],
        ['sonnet', '2', 224],
      ]),
      0.95,
    );
    expect(f?.text).toContain(
      '; dataset sonnet → sharegpt: 157.68 tok/s → 429.53 tok/s (geometric means, +172.4%, each dataset over the settings it ran), but the additive fit the test rests on, which adjusts for the other settings, orders them the other way (p<0.001).',
    );
  });

  it('does not call the value of a single configuration a geometric mean', () => {
    // Only random ran every rate: each rate level is random's one configuration, quoted as it is.
    expect(summariseSweep(datasetsByRate(RANDOM_AND_SHAREGPT), 0.95)?.text).toContain('; rate 1 → 16: 500 tok/s → 4300 tok/s (+760.0%, p=0.046, at the settings every rate ran); ');
  });

  it('keeps arithmetic means, unmarked, when a value is not positive and the test is on the arithmetic scale', () => {
    const f = summariseSweep(table('num_gpu', ['1', '2'], 'num_ctx', ['2048', '4096'], [[-1, 2], [1, 3]], { metric: 'score_delta', unit: '' }), 0.95);
    expect(f?.sweep?.effects.map((e) => [e.factor, e.geometric, e.levels.map((l) => l.mean)])).toEqual([
      ['num_ctx', undefined, [0, 2.5]],
      ['num_gpu', undefined, [0.5, 2]],
    ]);
  });
});

describe('isSweep', () => {
  it('is a table of two or more conditions with few runs per configuration', () => {
    expect(isSweep(table('num_ctx', CTX, 'temperature', TEMPERATURE, FLAT))).toBe(true);
  });

  it(`needs at least ${MIN_SWEEP_CONFIGURATIONS} configurations`, () => {
    expect(isSweep(table('num_gpu', ['1'], 'num_ctx', ['2048', '4096', '8192'], [[1, 2, 3]]))).toBe(false);
    expect(isSweep(table('num_gpu', ['1', '2'], 'num_ctx', ['2048', '4096'], [[1, 2], [3, 4]]))).toBe(true);
  });

  it('reads the median number of runs as the middle two averaged when the configurations are even in number', () => {
    const runs = (counts: number[]) => sweep(counts.map((n, i) => ({ labels: { gpu: String(i % 2), ctx: String(i) }, samples: Array.from({ length: n }, (_, k) => 10 + k + i) })));
    // Middle runs 1 and 5: median 3. Middle runs 2 and 5: median 3.5. Five configurations: the middle one.
    expect(isSweep(runs([1, 5, 5, 1]))).toBe(true);
    expect(isSweep(runs([2, 5, 5, 1]))).toBe(false);
    expect(isSweep(runs([5, 4, 3, 1, 1]))).toBe(true);
    expect(isSweep(runs([5, 4, 4, 1, 1]))).toBe(false);
  });

  it('is not a ranking of one condition', () => {
    expect(isSweep(sweep(['a', 'b', 'c', 'd', 'e'].map((m) => ({ labels: { model: m }, samples: [1] }))))).toBe(false);
  });

  it('is not a design whose configurations were run more than three times each', () => {
    const configurations = ['1', '2'].flatMap((g) => ['a', 'b'].map((q) => ({ labels: { num_gpu: g, quant: q }, samples: [1, 2, 3, 4] })));
    expect(isSweep(sweep(configurations))).toBe(false);
  });
});

describe('summariseSweep', () => {
  it("says so when no setting's effect is beyond the noise", () => {
    const f = summariseSweep(table('num_ctx', CTX, 'temperature', TEMPERATURE, FLAT), 0.95);
    // Largest spread: temperature (101 − 99.33) / (901/9) = 1.66%.
    expect(f?.text).toBe(
      'tokens_s sweep over num_ctx × temperature (9 configurations, 1 run each): best num_ctx=2048, temperature=0.7 at 103 tok/s, worst num_ctx=8192, temperature=0.2 at 97 tok/s (1.06×); no setting\'s effect on tokens_s is beyond the noise (largest spread 1.7%).',
    );
    expect(f?.sweep?.withinNoise).toBe(true);
  });

  it('tests each factor by the two-way ANOVA of the logarithms', () => {
    const f = summariseSweep(table('num_ctx', CTX, 'temperature', TEMPERATURE, FLAT), 0.95);
    const hand = twoWayByHand(FLAT.map((row) => row.map(Math.log)));
    const p = (factor: string) => f?.sweep?.effects.find((e) => e.factor === factor)?.test.p;
    expect(p('num_ctx')).toBeCloseTo(fTail_2_4(hand.fRows), 8);
    expect(p('temperature')).toBeCloseTo(fTail_2_4(hand.fColumns), 8);
  });

  it("gives each factor's main effect: the geometric mean per level in numeric order and the spread, largest first", () => {
    // Geometric means, as the test is on the log scale: temperature 0.2 (100·101·97)^(1/3) = 99.32, 0.7 100.99, 1.0 99.99;
    // spread (highest − lowest) / the grand geometric mean 100.10: temperature 1.67%, num_ctx 1.34%.
    const f = summariseSweep(table('num_ctx', ['8192', '2048', '4096'], 'temperature', TEMPERATURE, [FLAT[2] as number[], FLAT[0] as number[], FLAT[1] as number[]]), 0.95);
    expect(f?.sweep?.effects.map((e) => [e.factor, e.levels.map((l) => [l.value, l.n, Number(l.mean.toFixed(2))]), Number((e.spread * 100).toFixed(2))])).toEqual([
      ['temperature', [['0.2', 3, 99.32], ['0.7', 3, 100.99], ['1.0', 3, 99.99]], 1.67],
      ['num_ctx', [['2048', 3, 100.31], ['4096', 3, 100.66], ['8192', 3, 99.32]], 1.34],
    ]);
  });

  it('names the best and worst configuration with their labels and values', () => {
    const f = summariseSweep(table('num_ctx', CTX, 'temperature', TEMPERATURE, FLAT), 0.95);
    expect([f?.sweep?.best.value, f?.sweep?.best.labels, f?.sweep?.best.mean]).toEqual(['num_ctx=2048, temperature=0.7', { num_ctx: '2048', temperature: '0.7' }, 103]);
    expect([f?.sweep?.worst.value, f?.sweep?.worst.mean]).toEqual(['num_ctx=8192, temperature=0.2', 97]);
    expect(f?.ratio).toBeCloseTo(103 / 97, 12);
    expect([f?.sweep?.configurations, f?.sweep?.runsPerConfiguration, f?.series.length]).toEqual([9, 1, 9]);
  });

  it('states the effect of a factor that matters from its first to its last numeric level, in geometric means, with its p', () => {
    // num_gpu 1: (50·51·49)^(1/3) = 49.99, 2: 100.00; num_ctx: √(50·100) = 70.71, √(51·99) = 71.06, √(49·101) = 70.35, spread 1.0%.
    const f = summariseSweep(table('num_gpu', ['1', '2'], 'num_ctx', CTX, [[50, 51, 49], [100, 99, 101]]), 0.95);
    expect(f?.text).toBe(
      'tokens_s sweep over num_gpu × num_ctx (6 configurations, 1 run each): best num_gpu=2, num_ctx=8192 at 101 tok/s, worst num_gpu=1, num_ctx=8192 at 49 tok/s (2.06×); num_gpu 1 → 2: 49.99 tok/s → 100.00 tok/s (geometric means, +100.0%, p<0.001); num_ctx: spread 1.0%, within the noise (p=0.9).',
    );
    expect(f?.sweep?.withinNoise).toBe(false);
  });

  it('compares the levels of an incomplete sweep at the settings every level ran, and says so', () => {
    // sharegpt ran at rates 4 and 8 only; random at 1 to 16. At rates 4 and 8 random's geometric mean is
    // √(2000·3500) = 2,645.75 against sharegpt's √(750·1470) = 1,050: +152.0%.
    const f = summariseSweep(datasetsByRate(RANDOM_AND_SHAREGPT), 0.95);
    const dataset = f?.sweep?.effects.find((e) => e.factor === 'dataset');
    expect([dataset?.matched, dataset?.levels.map((l) => [l.value, Number(l.mean.toFixed(6))])]).toEqual([
      true,
      [
        ['random', 2645.751311],
        ['sharegpt', 1050],
      ],
    ]);
    expect(f?.text).toMatch(/; dataset sharegpt → random: 1050 tok\/s → 2645\.75 tok\/s \(geometric means, \+152\.0%, p=[0-9.]+, at the settings every dataset ran\)/);
    // Only random ran every rate: the rate effect is over random's five cells.
    expect(f?.sweep?.effects.find((e) => e.factor === 'rate')?.levels.map((l) => l.mean)).toEqual([500, 1000, 2000, 3500, 4300]);
  });

  it('keeps the test of a factor whose levels overlap only pairwise, and says its means are over each level\'s own settings', () => {
    const f = summariseSweep(
      datasetsByRate([
        ...RANDOM_AND_SHAREGPT,
        ['sonnet', '2', 400],
        ['sonnet', '16', 1700],
      ]),
      0.95,
    );
    const dataset = f?.sweep?.effects.find((e) => e.factor === 'dataset');
    expect([dataset?.unmatched, dataset?.matched, dataset?.test.method]).toEqual([true, undefined, 'anova']);
    expect(f?.text).toMatch(/; dataset sonnet → random: 824\.62 tok\/s → 1719\.92 tok\/s \(geometric means, \+108\.6%, p=[0-9.]+, each dataset over the settings it ran\)/);
  });

  it('gives no percentage for an effect whose first level is 0, where "+0.0%" would read as no change', () => {
    const f = summariseSweep(table('size', ['8', '1024', '65536'], 'placement', ['out', 'in'], [[0, 0], [1.5, 1.6], [40, 41]], { metric: 'busbw', unit: 'GB/s' }), 0.95);
    expect(f?.text).toMatch(/; size 8 → 65536: 0 GB\/s → 40.50 GB\/s \(p[<=][0-9.]+\)/);
  });

  it('states a named factor from its worst level to its best', () => {
    const f = summariseSweep(table('num_gpu', ['1', '2'], 'quant', ['q4', 'q8', 'f16'], [[50, 40, 30], [101, 79, 61]]), 0.95);
    // quant: f16 √(30·61) = 42.78 → q4 √(50·101) = 71.06, +66.1%; num_gpu: (50·40·30)^(1/3) = 39.15 → 78.66, +100.9%.
    expect(f?.text).toContain('; num_gpu 1 → 2: 39.15 tok/s → 78.66 tok/s (geometric means, +100.9%, p<0.001); quant f16 → q4: 42.78 tok/s → 71.06 tok/s (geometric means, +66.1%, p<0.001).');
  });

  it('reads lower-is-better sweeps with the lowest value as the best', () => {
    const f = summariseSweep(table('num_gpu', ['1', '2'], 'num_ctx', CTX, [[50, 51, 49], [100, 99, 101]], { metric: 'ttft_ms', unit: 'ms', direction: 'lower' }), 0.95);
    expect(f?.text).toMatch(/^ttft_ms sweep over num_gpu × num_ctx \(6 configurations, 1 run each\): best num_gpu=1, num_ctx=8192 at 49 ms, worst num_gpu=2, num_ctx=8192 at 101 ms \(2\.06×\); num_gpu 1 → 2: 49\.99 ms → 100\.00 ms \(geometric means, \+100\.0%, p<0\.001\)/);
  });

  it('counts the runs per configuration', () => {
    const configurations = ['1', '2'].flatMap((g, i) => CTX.map((c) => ({ labels: { num_gpu: g, num_ctx: c }, samples: [50 * (i + 1) * 0.99, 50 * (i + 1) * 1.01] })));
    expect(summariseSweep(sweep(configurations), 0.95)?.text).toMatch(/^tokens_s sweep over num_gpu × num_ctx \(6 configurations, 2 runs each\): /);
  });

  it('leaves the effects untested when the design has no degree of freedom left for the noise', () => {
    // num_ctx has 3 levels and num_gpu 2 over 4 single values: 4 − 1 − (2 + 1) = 0 df left for the noise.
    const configurations = [
      { labels: { num_ctx: '2048', num_gpu: '1' }, samples: [10] },
      { labels: { num_ctx: '4096', num_gpu: '1' }, samples: [11] },
      { labels: { num_ctx: '8192', num_gpu: '1' }, samples: [12] },
      { labels: { num_ctx: '8192', num_gpu: '2' }, samples: [20] },
    ];
    const f = summariseSweep(sweep(configurations), 0.95);
    expect(f?.sweep?.effects.map((e) => e.test)).toEqual([
      { method: 'none', p: null, significant: null, reason: 'too few configurations to estimate the noise' },
      { method: 'none', p: null, significant: null, reason: 'too few configurations to estimate the noise' },
    ]);
    expect(f?.text).toContain('(not tested: too few configurations to estimate the noise)');
    expect(f?.sweep?.withinNoise).toBe(false);
  });

  it('names no best configuration and blames no lack of configurations when every value is the same', () => {
    const f = summariseSweep(table('num_gpu', ['1', '2'], 'num_ctx', CTX, [[10, 10, 10], [10, 10, 10]]), 0.95);
    expect(f?.text).toBe(
      'tokens_s sweep over num_gpu × num_ctx (6 configurations, 1 run each): every configuration at 10 tok/s; num_gpu spread 0.0% (not tested: no spread to judge by); num_ctx spread 0.0% (not tested: no spread to judge by).',
    );
  });

  it('summarises a sweep of negative values on the arithmetic scale without a ratio', () => {
    const f = summariseSweep(table('num_gpu', ['1', '2'], 'num_ctx', ['2048', '4096'], [[-1, 2], [1, 3]], { metric: 'score_delta', unit: '' }), 0.95);
    expect(f?.ratio).toBeUndefined();
    expect(f?.text).toMatch(/^score_delta sweep over num_gpu × num_ctx \(4 configurations, 1 run each\): best num_gpu=2, num_ctx=4096 at 3, worst num_gpu=1, num_ctx=2048 at -1; /);
  });

  it('does not summarise a metric with no better direction', () => {
    expect(summariseSweep(table('num_ctx', CTX, 'temperature', TEMPERATURE, FLAT, { direction: 'none' }), 0.95)).toBeUndefined();
  });
});

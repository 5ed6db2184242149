import { describe, expect, it } from 'vitest';
import { fSurvival, mainEffects, oneWayAnova, welchP, type DesignCell } from '../../src/findings/statistics.js';

/**
 * Closed forms used as the independent reference:
 * - F with df1 = 2: P(F > f) = (1 + 2f/df2)^(−df2/2).
 * - F with (1, 2) is t² with 2 df, and t with 2 df has P(|T| > t) = 1 − t/√(2 + t²).
 */
const fTail2 = (f: number, df2: number) => (1 + (2 * f) / df2) ** (-df2 / 2);
const tTail2 = (t: number) => 1 - t / Math.sqrt(2 + t * t);

describe('fSurvival', () => {
  it('gives p = 0.05 at the tabled 95% point F(2, 10) = 4.10', () => {
    expect(fSurvival(4.1, 2, 10)).toBeCloseTo(0.05, 3);
  });

  it('gives p = 0.01 at the tabled 99% point F(3, 20) = 4.94', () => {
    expect(fSurvival(4.94, 3, 20)).toBeCloseTo(0.01, 3);
  });

  it('gives p = 0.05 at F(1, 10) = 2.228², the square of the tabled two-sided t', () => {
    expect(fSurvival(2.228 ** 2, 1, 10)).toBeCloseTo(0.05, 3);
  });

  it.each([
    [0.5, 2, 4],
    [3, 2, 7],
    [19, 2, 6],
  ])('matches the closed form for two numerator degrees of freedom at F=%d (%d, %d)', (f, df1, df2) => {
    expect(fSurvival(f, df1, df2)).toBeCloseTo(fTail2(f, df2), 10);
  });

  it('is 1 at and below zero and for NaN, and 0 at infinity', () => {
    expect(fSurvival(0, 2, 5)).toBe(1);
    expect(fSurvival(-1, 2, 5)).toBe(1);
    expect(fSurvival(Number.NaN, 2, 5)).toBe(1);
    expect(fSurvival(Number.POSITIVE_INFINITY, 2, 5)).toBe(0);
  });
});

describe('oneWayAnova', () => {
  it('matches the textbook sums of squares for three groups', () => {
    // {2,3,4}, {4,5,6}, {7,8,9}: means 3, 5, 8, grand 16/3; SSB = 3·(49/9 + 1/9 + 64/9) = 38, SSW = 2+2+2 = 6.
    // F = (38/2)/(6/6) = 19 with (2, 6); p = (1 + 38/6)^−3.
    const test = oneWayAnova([
      { n: 3, mean: 3, sd: 1 },
      { n: 3, mean: 5, sd: 1 },
      { n: 3, mean: 8, sd: 1 },
    ]);
    expect(test?.f).toBeCloseTo(19, 10);
    expect([test?.df1, test?.df2]).toEqual([2, 6]);
    expect(test?.p).toBeCloseTo(fTail2(19, 6), 10);
    expect(test?.p).toBeCloseTo(0.00254, 5);
  });

  it('weights unequal groups by their size', () => {
    // {1,3} and {4,6,8}: means 2 and 6, grand 22/5 = 4.4; SSB = 2·5.76 + 3·2.56 = 19.2; SSW = 2 + 8 = 10.
    // F = 19.2 / (10/3) = 5.76 with (1, 3).
    const test = oneWayAnova([
      { n: 2, mean: 2, sd: Math.SQRT2 },
      { n: 3, mean: 6, sd: 2 },
    ]);
    expect(test?.f).toBeCloseTo(5.76, 10);
    expect([test?.df1, test?.df2]).toEqual([1, 3]);
  });

  it('uses a single-value group for the means but not for the spread', () => {
    // {5}, {1,3}, {7,9}: grand 25/5 = 5; SSB = 0 + 2·9 + 2·9 = 36; SSW = 2 + 2 = 4 with 5 − 3 = 2 df.
    const test = oneWayAnova([
      { n: 1, mean: 5, sd: null },
      { n: 2, mean: 2, sd: Math.SQRT2 },
      { n: 2, mean: 8, sd: Math.SQRT2 },
    ]);
    expect(test?.f).toBeCloseTo(36 / 2 / (4 / 2), 10);
    expect([test?.df1, test?.df2]).toEqual([2, 2]);
  });

  it('cannot judge one value per group', () => {
    expect(
      oneWayAnova([
        { n: 1, mean: 5, sd: null },
        { n: 1, mean: 9, sd: null },
      ]),
    ).toBeUndefined();
  });

  it('cannot judge groups without any spread inside them', () => {
    expect(
      oneWayAnova([
        { n: 3, mean: 5, sd: 0 },
        { n: 3, mean: 9, sd: 0 },
      ]),
    ).toBeUndefined();
  });

  it('needs two groups', () => {
    expect(oneWayAnova([{ n: 5, mean: 5, sd: 1 }])).toBeUndefined();
  });
});

describe('welchP', () => {
  it('matches the closed form of t with 2 degrees of freedom', () => {
    // n = 2 each, sd 1: se = √(1/2 + 1/2) = 1, t = 2; Welch df = 1 / (0.25 + 0.25) = 2; p = 1 − 2/√6.
    expect(welchP({ n: 2, mean: 0, sd: 1 }, { n: 2, mean: 2, sd: 1 })).toBeCloseTo(tTail2(2), 10);
    expect(tTail2(2)).toBeCloseTo(0.1835, 4);
  });

  it('is the same whichever group comes first', () => {
    const a = { n: 5, mean: 10, sd: 1 };
    const b = { n: 8, mean: 11.5, sd: 2 };
    expect(welchP(a, b)).toBeCloseTo(welchP(b, a) as number, 12);
  });

  it('cannot judge a single value or two groups without spread', () => {
    expect(welchP({ n: 1, mean: 1, sd: null }, { n: 5, mean: 2, sd: 1 })).toBeUndefined();
    expect(welchP({ n: 3, mean: 1, sd: 0 }, { n: 3, mean: 2, sd: 0 })).toBeUndefined();
  });

  it('still judges when one group has no spread and the other has', () => {
    // sd 0 and sd 1, n = 3 each: se = √(1/3), t = 1/√(1/3) = √3, df = (1/3)² / ((1/3)²/2) = 2.
    expect(welchP({ n: 3, mean: 1, sd: 0 }, { n: 3, mean: 2, sd: 1 })).toBeCloseTo(tTail2(Math.sqrt(3)), 10);
  });
});

/** The cells of a rows × columns table with one value each. */
function grid(values: number[][], n = 1, sd: (mean: number) => number | null = () => null): DesignCell[] {
  return values.flatMap((row, r) => row.map((mean, c) => ({ levels: [r, c], n, mean, sd: sd(mean) })));
}

/** Two-way ANOVA without replication by the textbook sums of squares, for a complete balanced table. */
function twoWayByHand(values: number[][]): { fRows: number; fColumns: number; dfError: number } {
  const r = values.length;
  const c = (values[0] as number[]).length;
  const all = values.flat();
  const grand = all.reduce((s, v) => s + v, 0) / all.length;
  const rowMeans = values.map((row) => row.reduce((s, v) => s + v, 0) / c);
  const columnMeans = Array.from({ length: c }, (_, j) => values.reduce((s, row) => s + (row[j] as number), 0) / r);
  const ssRows = c * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssColumns = r * columnMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssTotal = all.reduce((s, v) => s + (v - grand) ** 2, 0);
  const dfError = (r - 1) * (c - 1);
  const msError = (ssTotal - ssRows - ssColumns) / dfError;
  return { fRows: ssRows / (r - 1) / msError, fColumns: ssColumns / (c - 1) / msError, dfError };
}

describe('mainEffects', () => {
  it('matches a two-way ANOVA without replication on the arithmetic scale when a value is negative', () => {
    // Grand mean 3; row means 5/3, 13/3 → SS 32/3; column means 0, 2.5, 6.5 → SS 43; total 58; error 13/3 with 2 df.
    // F(rows) = (32/3) / (13/6) = 4.923 with (1, 2); F(columns) = 21.5 / (13/6) = 9.923 with (2, 2).
    const table = [
      [-1, 2, 4],
      [1, 3, 9],
    ];
    const [rows, columns] = mainEffects(grid(table), [2, 3]);
    const hand = twoWayByHand(table);
    expect(hand.fRows).toBeCloseTo(64 / 13, 10);
    expect(rows?.test?.f).toBeCloseTo(hand.fRows, 8);
    expect(columns?.test?.f).toBeCloseTo(hand.fColumns, 8);
    expect([rows?.test?.df1, rows?.test?.df2, columns?.test?.df1, columns?.test?.df2]).toEqual([1, 2, 2, 2]);
    expect(rows?.test?.p).toBeCloseTo(tTail2(Math.sqrt(64 / 13)), 8);
    expect(columns?.test?.p).toBeCloseTo(fTail2(21.5 / (13 / 6), 2), 8);
  });

  it('fits positive data on the log scale: the textbook two-way ANOVA of the logarithms', () => {
    const table = [
      [100, 103, 98],
      [101, 99, 102],
      [97, 101, 100],
    ];
    const hand = twoWayByHand(table.map((row) => row.map(Math.log)));
    const [rows, columns] = mainEffects(grid(table), [3, 3]);
    expect(rows?.test?.f).toBeCloseTo(hand.fRows, 8);
    expect(columns?.test?.f).toBeCloseTo(hand.fColumns, 8);
    expect(rows?.test?.p).toBeCloseTo(fTail2(hand.fRows, 4), 8);
  });

  it('finds no lack of fit when a knob multiplies every cell, and tests it against the spread inside the cells', () => {
    // Cells 10·a·b, a ∈ {1, 2}, b ∈ {1, 2, 4}, n = 4, CV 10%: on the log scale the fit is exact.
    // Within: 6 cells × 3 × 0.1² = 0.18 with 24 − 1 − 3 = 20 df.
    // Rows: α = ±ln2/2 on 24 samples → SS = 24·(ln2/2)² = 6·ln²2; F = 6·ln²2 / (0.18/20).
    const cells = grid([
      [10, 20, 40],
      [20, 40, 80],
    ], 4, (m) => m / 10);
    const [rows] = mainEffects(cells, [2, 3]);
    expect(rows?.test?.f).toBeCloseTo((6 * Math.LN2 ** 2) / (0.18 / 20), 6);
    expect([rows?.test?.df1, rows?.test?.df2]).toEqual([1, 20]);
    expect(rows?.test?.p).toBeLessThan(0.001);
  });

  it('handles a design with a missing cell', () => {
    // Rows r1 = (0, 2, 4), r2 = (3, 5, —), exactly additive (r2 = r1 + 3); n = 2, sd 1 in every cell.
    // Within: 5 cells × 1 = 5 with 10 − 1 − 3 = 6 df; full model: no lack of fit.
    // Without rows: columns {0,3}, {2,5}, {4} → SS 2·2·1.5² + 2·2·1.5² = 18 → F = 18 / (5/6) = 21.6.
    // Without columns: rows {0,2,4} (mean 2), {3,5} (mean 4) → SS 2·8 + 2·2 = 20 → F = (20/2) / (5/6) = 12.
    const cells: DesignCell[] = [
      { levels: [0, 0], n: 2, mean: 0, sd: 1 },
      { levels: [0, 1], n: 2, mean: 2, sd: 1 },
      { levels: [0, 2], n: 2, mean: 4, sd: 1 },
      { levels: [1, 0], n: 2, mean: 3, sd: 1 },
      { levels: [1, 1], n: 2, mean: 5, sd: 1 },
    ];
    const [rows, columns] = mainEffects(cells, [2, 3]);
    expect(rows?.test?.f).toBeCloseTo(21.6, 6);
    expect(columns?.test?.f).toBeCloseTo(12, 6);
    expect([rows?.test?.df2, columns?.test?.df2]).toEqual([6, 6]);
  });

  it('cannot test anything when every cell is equal and holds no spread', () => {
    const effects = mainEffects(grid([
      [10, 10],
      [10, 10],
    ]), [2, 2]);
    expect(effects.map((e) => e.test)).toEqual([undefined, undefined]);
  });

  it('cannot test a full table of single values that leaves no degree of freedom', () => {
    // 2 cells, 2 levels of one factor and 1 of the other: 2 − 1 − 1 = 0 residual df.
    expect(mainEffects([{ levels: [0, 0], n: 1, mean: 1, sd: null }, { levels: [1, 0], n: 1, mean: 2, sd: null }], [2, 1]).map((e) => e.test)).toEqual([undefined, undefined]);
  });
});

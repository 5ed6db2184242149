import { describe, expect, it } from 'vitest';
import { buildFamilies, type Family } from '../../src/findings/families.js';
import { MAX_RANKED_LEVELS, rankFactorsOfDesign, rankOneFactor } from '../../src/findings/ranking.js';
import type { Series } from '../../src/model/series.js';
import { measured } from '../helpers/built-series.js';

/** The one family of `series`; throws unless there is exactly one. */
function familyOf(series: Series[]): Family {
  const families = buildFamilies(series);
  if (families.length !== 1) throw new Error(`expected one family, got ${families.length}`);
  return families[0] as Family;
}

/** One series per model in r.csv, holding that model's samples. */
function models(samples: Record<string, number[]>, extra: Partial<Series> = {}): Family {
  return familyOf(Object.entries(samples).map(([model, values]) => measured('r.csv', extra.metric ?? 'tps', values, { ...extra, labels: { model } })));
}

/**
 * Two-sided p of Student's t with 2 and 4 degrees of freedom, closed forms:
 * ν = 2: 1 − t/√(2 + t²); ν = 4: 1 − t(t² + 6)/(t² + 4)^{3/2}.
 */
const tTail2 = (t: number) => 1 - t / Math.sqrt(2 + t * t);
const tTail4 = (t: number) => 1 - (t * (t * t + 6)) / (t * t + 4) ** 1.5;

describe('rankOneFactor: two levels', () => {
  it('ranks the levels best first with mean ± sd and n, the ratio and a Welch test', () => {
    // a {10, 12}: 11 ± √2; b {14, 16}: 15 ± √2. t = 4/√2 = 2√2 with 2 df → p = 1 − 2√2/√10 = 0.106.
    const f = rankOneFactor(models({ llama3: [10, 12], qwen3: [14, 16] }), 0.95);
    expect(tTail2(2 * Math.SQRT2)).toBeCloseTo(0.1056, 4);
    expect(f?.text).toBe('tps by model: qwen3 leads at 15 ± 1.41 tok/s (n=2), 1.36× the lowest, llama3 (11 tok/s); the difference is within the noise (p=0.11).');
    expect(f?.levels?.map((l) => [l.value, l.n, l.mean])).toEqual([
      ['qwen3', 2, 15],
      ['llama3', 2, 11],
    ]);
    expect(f?.ratio).toBeCloseTo(15 / 11, 12);
    expect(f?.test?.method).toBe('welch');
    expect(f?.test?.p).toBeCloseTo(tTail2(2 * Math.SQRT2), 8);
    expect(f?.test?.significant).toBe(false);
  });

  it('says the difference is beyond the noise when it is', () => {
    const f = rankOneFactor(models({ llama3: [10, 10.1, 9.9], qwen3: [20, 20.1, 19.9] }), 0.95);
    expect(f?.text).toBe('tps by model: qwen3 leads at 20 ± 0.100 tok/s (n=3), 2.00× the lowest, llama3 (10 tok/s); the difference is beyond the noise (p<0.001).');
    expect(f?.test?.significant).toBe(true);
  });

  it('ranks lowest first when lower is better', () => {
    const f = rankOneFactor(models({ a: [10], b: [12], c: [11] }, { metric: 'ttft_ms', unit: 'ms', direction: 'lower' }), 0.95);
    expect(f?.text).toBe('ttft_ms by model: a is lowest at 10 ms; the highest, b (12 ms), is 1.20× that; not tested against noise (one value per level).');
    expect(f?.levels?.map((l) => l.value)).toEqual(['a', 'c', 'b']);
  });

  it('does not test a level of a single value against a level of several', () => {
    const f = rankOneFactor(models({ a: [10, 11, 12], b: [20] }), 0.95);
    expect(f?.test).toEqual({ method: 'none', p: null, significant: null, reason: 'a level has a single value' });
    expect(f?.text).toBe('tps by model: b leads at 20 tok/s, 1.82× the lowest, a (11 tok/s); not tested against noise (a level has a single value).');
  });

  it('names a bare number level with its factor (batch_size=8, not 8)', () => {
    const f = rankOneFactor(familyOf(['1', '8'].map((b, i) => measured('r.csv', 'tps', [10 * (i + 1)], { labels: { batch_size: b } }))), 0.95);
    expect(f?.text).toBe('tps by batch_size: batch_size=8 leads at 20 tok/s, 2.00× the lowest, batch_size=1 (10 tok/s); not tested against noise (one value per level).');
  });

  it('leaves the difference untested when the runs’ means order the levels the other way than all samples do', () => {
    // a: nine requests at 10 in run 1, one at 100 in run 2 → mean 19, run means 10 and 100 (55).
    // b: one request at 20 in run 1, nine at 30 in run 2 → mean 29, run means 20 and 30 (25).
    const a = measured('r.csv', 'tps', [...Array(9).fill(10), 100], { labels: { model: 'a' }, runs: { column: 'run', means: [10, 100], keys: ['1', '2'] } });
    const b = measured('r.csv', 'tps', [20, ...Array(9).fill(30)], { labels: { model: 'b' }, runs: { column: 'run', means: [20, 30], keys: ['3', '4'] } });
    const f = rankOneFactor(familyOf([a, b]), 0.95);
    expect(f?.text).toBe("tps by model: b leads at 29 ± 3.16 tok/s (n=10), 1.53× the lowest, a (19 tok/s); not tested against noise (the runs' means order b and a the other way).");
    expect(f?.test).toEqual({ method: 'none', p: null, significant: null, reason: "the runs' means order b and a the other way" });
  });
});

describe('rankOneFactor: three or more levels', () => {
  it('tests all levels by one-way ANOVA and the lead over the runner-up by Welch', () => {
    // {2,3,4}, {4,5,6}, {7,8,9}: F = 19 with (2, 6), p = (1 + 38/6)^−3 = 0.0025.
    // Lead 8 vs 5, sd 1, n 3: t = 3/√(2/3) = 3.674 with 4 df → p = 0.021.
    const f = rankOneFactor(models({ a: [2, 3, 4], b: [4, 5, 6], c: [7, 8, 9] }), 0.95);
    expect(f?.test?.p).toBeCloseTo((1 + 38 / 6) ** -3, 8);
    expect(f?.lead?.p).toBeCloseTo(tTail4(3 / Math.sqrt(2 / 3)), 8);
    expect(f?.text).toBe(
      "tps by model: c leads at 8 ± 1 tok/s (n=3), 2.67× the lowest, a (3 tok/s); the differences are beyond the noise (p=0.0025); c's lead over b is beyond the noise (p=0.021).",
    );
  });

  it('gives no ratio for negative values (arithmetic only) and names the lowest instead', () => {
    // Means 1, −2, −5, sd 1, n 3: SSB = 3·(9 + 0 + 9) = 54, SSW = 6 → F = 27 with (2, 6), p = (1 + 54/6)^−3 = 0.001.
    const f = rankOneFactor(models({ a: [-5, -4, -6], b: [-2, -1, -3], c: [1, 2, 0] }, { metric: 'delta', unit: '' }), 0.95);
    expect(f?.ratio).toBeUndefined();
    expect(f?.test?.p).toBeCloseTo(0.001, 10);
    expect(f?.text).toBe("delta by model: c leads at 1 ± 1 (n=3); the lowest is a (-5); the differences are beyond the noise (p=0.001); c's lead over b is beyond the noise (p=0.021).");
  });

  it('names no leader when every level has the same value', () => {
    const f = rankOneFactor(models({ a: [10, 10, 10], b: [10, 10, 10], c: [10, 10, 10] }), 0.95);
    expect(f?.text).toBe('tps by model: all 3 levels are equal at 10 tok/s; not tested against noise (no spread inside the levels).');
    expect(f?.ratio).toBe(1);
    expect(f?.lead).toBeUndefined();
  });

  it('names no leader when the level means are equal despite their spread', () => {
    const f = rankOneFactor(models({ a: [9, 10, 11], b: [8, 10, 12], c: [10, 10, 10] }), 0.95);
    expect(f?.text).toBe('tps by model: all 3 levels are equal at 10 tok/s; the differences are within the noise (p=1).');
  });

  it(`ranks up to ${MAX_RANKED_LEVELS} levels and leaves more to the tables`, () => {
    const levels = (k: number) => Object.fromEntries(Array.from({ length: k }, (_, i) => [`m${i}`, [i + 1]]));
    expect(rankOneFactor(models(levels(MAX_RANKED_LEVELS)), 0.95)?.levels).toHaveLength(24);
    expect(rankOneFactor(models(levels(MAX_RANKED_LEVELS + 1)), 0.95)).toBeUndefined();
  });

  it('does not rank a metric with no better direction', () => {
    expect(rankOneFactor(models({ a: [1], b: [2] }, { direction: 'none' }), 0.95)).toBeUndefined();
  });

  it('keeps the series ids it rests on, best level first', () => {
    const f = rankOneFactor(models({ a: [1], b: [2] }), 0.95);
    expect(f?.series).toEqual(['r.csv::tps{model=b}', 'r.csv::tps{model=a}']);
    expect(f?.scope).toEqual({ path: 'r.csv', labels: {} });
  });
});

/** model × batch_size, three samples per configuration at 1% spread around `means[batch][model]`. */
function design(means: Record<string, Record<string, number>>): Family {
  const series = Object.entries(means).flatMap(([batch, byModel]) =>
    Object.entries(byModel).map(([model, m]) => measured('r.csv', 'tps', [m * 0.99, m, m * 1.01], { labels: { model, batch_size: batch } })),
  );
  return familyOf(series);
}

describe('rankFactorsOfDesign', () => {
  it('ranks each factor over the settings of the others, leading with how often the best wins there', () => {
    const findings = rankFactorsOfDesign(design({ '1': { a: 100, b: 50 }, '8': { a: 400, b: 200 } }), 0.95);
    const model = findings.find((f) => f.factor === 'model');
    // Pooled over batch sizes: a (100, 400) → 250, b (50, 200) → 125.
    expect(model?.text).toBe(
      'tps by model over batch_size: a is best in 2 of 2 batch_size settings, 2.00× the lowest there; over all settings a averages 250 tok/s (n=6) and b 125 tok/s (n=6); model matters beyond the noise (p<0.001).',
    );
    expect(model?.levels?.map((l) => [l.value, l.n, l.mean])).toEqual([
      ['a', 6, 250],
      ['b', 6, 125],
    ]);
    expect(model?.slices).toEqual([
      { setting: 'batch_size=1', values: [{ level: 'a', mean: 100, n: 3 }, { level: 'b', mean: 50, n: 3 }] },
      { setting: 'batch_size=8', values: [{ level: 'a', mean: 400, n: 3 }, { level: 'b', mean: 200, n: 3 }] },
    ]);
  });

  it('orders the settings as a reader counts them, batch_size=2 before batch_size=16, whatever order the files came in', () => {
    const series = ['1', '16', '2'].flatMap((batch) =>
      [['a', 100], ['b', 50]].map(([model, m]) => measured('r.csv', 'tps', [(m as number) * 0.99, m as number, (m as number) * 1.01], { labels: { model: model as string, batch_size: batch } })),
    );
    const model = rankFactorsOfDesign(familyOf(series), 0.95).find((f) => f.factor === 'model');
    expect(model?.slices?.map((sl) => sl.setting)).toEqual(['batch_size=1', 'batch_size=2', 'batch_size=16']);
  });

  it('gives the range of the margins when they differ between settings', () => {
    const [model] = rankFactorsOfDesign(design({ '1': { a: 100, b: 50 }, '8': { a: 400, b: 100 } }), 0.95);
    expect(model?.text).toContain('a is best in 2 of 2 batch_size settings, 2.00–4.00× the lowest there;');
  });

  it('counts the settings where the best overall is not best', () => {
    const [model] = rankFactorsOfDesign(design({ '1': { a: 100, b: 120 }, '8': { a: 400, b: 200 } }), 0.95);
    expect(model?.text).toContain('a is best in 1 of 2 batch_size settings, 2.00× the lowest there;');
  });

  it('says so when the additive fit the test rests on orders the best and the worst the other way from their averages', () => {
    // b is about 20% faster than a at five batch sizes; a is 11% faster at the sixth, where both run near 1,000 tok/s.
    // The averages follow that one batch size (a 218.33, b 211.50); the log-scale fit weighs each batch size's ratio alike.
    const a = [1000, 10, 20, 40, 80, 160];
    const b = [900, 12, 24, 47, 96, 190];
    const around = (m: number) => [m * 0.99, m * 1.01, m * 0.995, m * 1.005];
    const series = ['1', '2', '3', '4', '5', '6'].flatMap((batch, i) => [
      measured('r.csv', 'tps', around(a[i] as number), { labels: { backend: 'a', batch } }),
      measured('r.csv', 'tps', around(b[i] as number), { labels: { backend: 'b', batch } }),
    ]);
    const [backend] = rankFactorsOfDesign(familyOf(series), 0.95);
    expect(backend?.text).toBe(
      'tps by backend over batch: a is best in 1 of 6 batch settings, 1.11× the lowest there; over all settings a averages 218.33 tok/s (n=24) and b 211.50 tok/s (n=24); backend matters beyond the noise (p<0.001), but the additive fit the test rests on, which adjusts for the other settings, orders a and b the other way.',
    );
  });

  it('ranks the other factor too, its numeric levels named with the factor', () => {
    const findings = rankFactorsOfDesign(design({ '1': { a: 100, b: 50 }, '8': { a: 400, b: 200 } }), 0.95);
    expect(findings.map((f) => f.factor)).toEqual(['model', 'batch_size']);
    expect(findings[1]?.text).toMatch(/^tps by batch_size over model: batch_size=8 is best in 2 of 2 model settings, 4\.00× the lowest there; /);
  });

  it('says a factor makes no difference when its effect is within the noise', () => {
    // b is 0.1% above a in both settings, inside the 1% spread of each cell.
    const findings = rankFactorsOfDesign(design({ '1': { a: 100, b: 100.1 }, '8': { a: 400, b: 400.4 } }), 0.95);
    expect(findings[0]?.text).toMatch(/; model makes no difference beyond the noise \(p=0\.\d+\)\.$/);
    expect(findings[0]?.test?.significant).toBe(false);
  });

  it('judges each level within the settings that have it when a configuration is missing', () => {
    // b was not run at batch 8: batch 1 has a 100, c 75, b 50 (2.00×); batch 8 has a 400, c 300 (1.33×).
    const cells: [string, string, number][] = [['1', 'a', 100], ['1', 'b', 50], ['1', 'c', 75], ['8', 'a', 400], ['8', 'c', 300]];
    const series = cells.map(([batch, model, m]) => measured('r.csv', 'tps', [m * 0.99, m, m * 1.01, m], { labels: { model, batch_size: batch } }));
    const [model] = rankFactorsOfDesign(familyOf(series), 0.95);
    expect(model?.text).toMatch(/^tps by model over batch_size: a is best in 2 of 2 batch_size settings, 1\.33–2\.00× the lowest there; /);
    expect(model?.slices?.map((sl) => [sl.setting, sl.values.map((v) => v.level)])).toEqual([
      ['batch_size=1', ['a', 'c', 'b']],
      ['batch_size=8', ['a', 'c']],
    ]);
  });

  it('ranks lower-is-better factors with the lowest first', () => {
    const series = ['1', '8'].flatMap((batch, i) =>
      [['a', 10], ['b', 20]].map(([model, m]) => measured('r.csv', 'ttft_ms', [(m as number) * (i + 1) * 0.99, (m as number) * (i + 1), (m as number) * (i + 1) * 1.01], { unit: 'ms', direction: 'lower', labels: { model: model as string, batch_size: batch } })),
    );
    const [model] = rankFactorsOfDesign(familyOf(series), 0.95);
    expect(model?.text).toMatch(/^ttft_ms by model over batch_size: a is lowest in 2 of 2 batch_size settings; the highest there is 2\.00× that; /);
  });
});

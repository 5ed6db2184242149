import { describe, expect, it } from 'vitest';
import { buildFamilies, type Family } from '../../src/findings/families.js';
import { computeFindings } from '../../src/findings/findings.js';
import { rankFactorsOfDesign, rankOneFactor } from '../../src/findings/ranking.js';
import { mainEffects } from '../../src/findings/statistics.js';
import { summariseSweep } from '../../src/findings/sweep.js';
import type { Series } from '../../src/model/series.js';
import { measured } from '../helpers/built-series.js';

function familyOf(series: Series[]): Family {
  const families = buildFamilies(series);
  if (families.length !== 1) throw new Error(`expected one family, got ${families.length}`);
  return families[0] as Family;
}

/**
 * Numbered sibling files, each one model's run (`serving_summary_1.json` …),
 * as path factor detection hands them on: the number is the factor
 * `serving_summary`, the model a label the file states.
 */
function numberedFiles(runs: { file: number; model: string; values: Record<string, number[]> }[]): Series[] {
  return runs.flatMap(({ file, model, values }) =>
    Object.entries(values).map(([backend, samples]) =>
      measured(`run/serving_summary_${file}.json`, 'tps', samples, {
        labels: backend === '' ? { model } : { model, backend },
        factors: { serving_summary: String(file) },
        experiment: 'run/serving_summary_*.json',
      }),
    ),
  );
}

describe('mainEffects: a factor the others determine', () => {
  it('is marked confounded and not tested, while the finer factor is', () => {
    // batch 1 and 8 ran only model a, batch 16 and 32 only model b: batch accounts for every model difference.
    const cells = [
      { levels: [0, 0], n: 3, mean: 100, sd: 1 },
      { levels: [0, 1], n: 3, mean: 120, sd: 1 },
      { levels: [1, 2], n: 3, mean: 50, sd: 1 },
      { levels: [1, 3], n: 3, mean: 60, sd: 1 },
    ];
    const [model, batch] = mainEffects(cells, [2, 4]);
    expect(model).toEqual({ factor: 0, test: undefined, confounded: true });
    expect(batch?.confounded).toBe(false);
    expect(batch?.test?.df1).toBe(3);
  });

  it('marks neither factor of a crossed design', () => {
    const cells = [0, 1].flatMap((a) => [0, 1].map((b) => ({ levels: [a, b], n: 3, mean: 10 + 5 * a + b, sd: 1 })));
    expect(mainEffects(cells, [2, 2]).map((e) => e.confounded)).toEqual([false, false]);
  });
});

describe('buildFamilies: conditions that are not compared', () => {
  it('takes a numbered file factor nesting in a stated condition as repeats of it', () => {
    const family = familyOf(
      numberedFiles([
        { file: 1, model: 'a', values: { eager: [100], compiled: [110] } },
        { file: 2, model: 'a', values: { eager: [102], compiled: [112] } },
        { file: 3, model: 'b', values: { eager: [50], compiled: [55] } },
      ]),
    );
    expect(family.dims).toEqual(['model', 'backend']);
    expect(family.repeats).toEqual(['serving_summary']);
    expect(family.cells).toHaveLength(6);
  });

  it('leaves out a path factor that is another name for a stated condition, without calling it repeats', () => {
    const series = ['1b', '4b'].map((size, i) =>
      measured(`models/gemma3_${size}.csv`, 'tps', [100 / (i + 1)], { labels: { model: `gemma3:${size}` }, factors: { gemma3: size }, experiment: 'models/*.csv' }),
    );
    const family = familyOf(series);
    expect(family.dims).toEqual(['model']);
    expect(family.repeats).toBeUndefined();
  });

  it('keeps the first of two stated conditions that name the same split', () => {
    const series = [
      ['a', 'x'],
      ['b', 'y'],
    ].map(([model, tag], i) => measured('r.csv', 'tps', [10 * (i + 1)], { labels: { model: model as string, tag: tag as string } }));
    expect(familyOf(series).dims).toEqual(['model']);
  });

  it('keeps a path factor crossed with the other conditions (a sweep over batch folders)', () => {
    const series = ['1', '8'].flatMap((batch) =>
      ['a', 'b'].map((model) => measured(`batch_${batch}/r.csv`, 'tps', [Number(batch) * (model === 'a' ? 2 : 1)], { labels: { model }, factors: { batch }, experiment: 'batch_*/r.csv' })),
    );
    const family = familyOf(series);
    expect(family.dims).toEqual(['model', 'batch']);
    expect(family.repeats).toBeUndefined();
  });
});

describe('rankings of a condition with repeats', () => {
  it('ranks the model over the backends, pooling each model\'s files, and tests against the spread between files', () => {
    const family = familyOf(
      numberedFiles([
        { file: 1, model: 'a', values: { eager: [99, 100, 101], compiled: [109, 110, 111] } },
        { file: 2, model: 'a', values: { eager: [101, 102, 103], compiled: [111, 112, 113] } },
        { file: 3, model: 'b', values: { eager: [49, 50, 51], compiled: [54, 55, 56] } },
        { file: 4, model: 'b', values: { eager: [51, 52, 53], compiled: [56, 57, 58] } },
      ]),
    );
    const [model, backend] = rankFactorsOfDesign(family, 0.95);
    // Per backend the model means are a 101 / b 51 (eager) and a 111 / b 56 (compiled); over both, a 106 and b 53.5.
    expect(model?.text).toBe(
      'tps by model over backend (serving_summary as repeats): a is best in 2 of 2 backend settings, 1.98× the lowest there; over all settings a averages 106 tok/s (n=12) and b 53.50 tok/s (n=12); model matters beyond the noise (p<0.001).',
    );
    expect(model?.slices).toEqual([
      { setting: 'backend=compiled', values: [{ level: 'a', mean: 111, n: 6 }, { level: 'b', mean: 56, n: 6 }] },
      { setting: 'backend=eager', values: [{ level: 'a', mean: 101, n: 6 }, { level: 'b', mean: 51, n: 6 }] },
    ]);
    expect(model?.test?.method).toBe('anova');
    expect(model?.test?.significant).toBe(true);
    expect(backend?.text).toBe(
      'tps by backend over model (serving_summary as repeats): compiled is best in 2 of 2 model settings, 1.10× the lowest there; over all settings compiled averages 83.50 tok/s (n=12) and eager 76 tok/s (n=12); backend matters beyond the noise (p<0.001).',
    );
  });

  it('says a single factor with repeats is tested by Welch on the files\' means', () => {
    const family = familyOf(
      numberedFiles([
        { file: 1, model: 'a', values: { '': [99, 100, 101] } },
        { file: 2, model: 'a', values: { '': [103, 104, 105] } },
        { file: 3, model: 'b', values: { '': [49, 50, 51] } },
        { file: 4, model: 'b', values: { '': [53, 54, 55] } },
      ]),
    );
    expect(family.dims).toEqual(['model']);
    const f = rankOneFactor(family, 0.95);
    // File means a {100, 104}, b {50, 54}: sd 2√2 each, t = 50 / √(8/2 + 8/2) with 2 df → p = 1 − t/√(2 + t²).
    const t = 50 / Math.sqrt(8);
    expect(f?.test?.p).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 10);
    // All six samples of a: 99 … 105 around 102, sd √(28/5).
    expect(f?.text).toBe('tps by model (serving_summary as repeats): a leads at 102 ± 2.37 tok/s (n=6), 1.96× the lowest, b (52 tok/s); the difference is beyond the noise (p=0.0032).');
  });

  it('does not test a level that has a single file', () => {
    const f = rankOneFactor(
      familyOf(
        numberedFiles([
          { file: 1, model: 'a', values: { '': [99, 100, 101] } },
          { file: 2, model: 'a', values: { '': [103, 104, 105] } },
          { file: 3, model: 'b', values: { '': [49, 50, 51] } },
        ]),
      ),
      0.95,
    );
    expect(f?.test).toEqual({ method: 'none', p: null, significant: null, reason: 'a level has a single repeat' });
  });
});

describe('a condition other conditions account for', () => {
  /** batch_size 1 and 8 ran model a only, 16 and 32 model b only. */
  function nested(): Family {
    const cells: [string, string, number][] = [
      ['a', '1', 100],
      ['a', '8', 120],
      ['b', '16', 50],
      ['b', '32', 60],
    ];
    return familyOf(cells.map(([model, batch, m]) => measured('r.csv', 'tps', [m * 0.99, m, m * 1.01], { labels: { model, batch_size: batch } })));
  }

  it('is named as such in a ranking, with its averages and no test', () => {
    const model = rankFactorsOfDesign(nested(), 0.95).find((f) => f.factor === 'model');
    expect(model?.text).toBe(
      'tps by model over batch_size: over all settings a averages 110 tok/s (n=6) and b 55 tok/s (n=6); model cannot be told apart from batch_size (each batch_size ran one model), so it is not tested.',
    );
    expect(model?.test).toEqual({ method: 'none', p: null, significant: null, reason: 'confounded: each batch_size ran one model' });
  });

  it('is left untested in a sweep, with the reason', () => {
    const series = (
      [
        ['a', '1', 100],
        ['a', '8', 120],
        ['b', '16', 50],
        ['b', '32', 60],
      ] as [string, string, number][]
    ).map(([model, batch, m]) => measured('r.csv', 'tps', [m], { labels: { model, batch_size: batch } }));
    const sweep = summariseSweep(familyOf(series), 0.95);
    const model = sweep?.sweep?.effects.find((e) => e.factor === 'model');
    expect(model?.test).toEqual({ method: 'none', p: null, significant: null, reason: 'confounded: each batch_size ran one model' });
    // Level means a 110, b 55 over a grand mean of 82.5: a spread of 55 / 82.5 = 66.7%.
    expect(sweep?.text).toContain('model spread 66.7% (not tested: confounded: each batch_size ran one model).');
  });
});

describe('computeFindings on numbered files of different models', () => {
  it('never ranks a file number, and never says the model makes no difference', () => {
    const runs = [1, 2, 3, 4, 5, 6].map((file) => {
      const model = file <= 3 ? 'gemma3:1b' : 'qwen2.5:14b';
      const base = model === 'gemma3:1b' ? 150 : 950;
      return { file, model, values: { eager: [base + file, base + file + 2], compiled: [base * 0.9 + file, base * 0.9 + file + 2] } };
    });
    const series = numberedFiles(runs).map((s) => ({ ...s, metric: 'ttft_ms', unit: 'ms', direction: 'lower' as const }));
    const texts = computeFindings({ series, files: [], confidence: 0.95 }).map((f) => f.text);
    expect(texts.some((t) => t.startsWith('ttft_ms by model over backend (serving_summary as repeats): gemma3:1b is lowest in 2 of 2 backend settings'))).toBe(true);
    expect(texts.filter((t) => /by serving_summary|makes no difference|0 of 0/.test(t))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildFamilies, type Family } from '../../src/findings/families.js';
import { computeFindings } from '../../src/findings/findings.js';
import { rankFactorsOfDesign, rankOneFactor } from '../../src/findings/ranking.js';
import { mainEffects, welchP } from '../../src/findings/statistics.js';
import { summariseSweep } from '../../src/findings/sweep.js';
import type { Series } from '../../src/model/series.js';
import { measured } from '../helpers/built-series.js';

/** Model, batch size and mean: batch sizes 1 and 8 ran model a only, 16 and 32 model b only. */
const NESTED_RUNS: [string, string, number][] = [
  ['a', '1', 100],
  ['a', '8', 120],
  ['b', '16', 50],
  ['b', '32', 60],
];

/** Files 1–2 ran model a, 3–4 model b; each holds eager and compiled, three samples each. */
const TWO_MODELS_TWO_FILES = [
  { file: 1, model: 'a', values: { eager: [99, 100, 101], compiled: [109, 110, 111] } },
  { file: 2, model: 'a', values: { eager: [101, 102, 103], compiled: [111, 112, 113] } },
  { file: 3, model: 'b', values: { eager: [49, 50, 51], compiled: [54, 55, 56] } },
  { file: 4, model: 'b', values: { eager: [51, 52, 53], compiled: [56, 57, 58] } },
];

/** One series per (model, bs, mean) in r.csv, three samples 1 apart. */
function byModelAndBs(cells: [string, string, number][]): Family {
  return familyOf(cells.map(([model, bs, m]) => measured('r.csv', 'tps', [m - 1, m, m + 1], { labels: { model, bs } })));
}

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

/** A design cell of three samples with sd 1. */
const at = (levels: number[], mean: number) => ({ levels, n: 3, mean, sd: 1 });

describe('mainEffects: a factor the others determine', () => {
  it('is marked confounded and not tested, while the finer factor is', () => {
    // batch 1 and 8 ran only model a, batch 16 and 32 only model b: batch accounts for every model difference.
    const cells = [at([0, 0], 100), at([0, 1], 120), at([1, 2], 50), at([1, 3], 60)];
    const [model, batch] = mainEffects(cells, [2, 4]);
    expect(model).toEqual({ factor: 0, test: undefined, confounding: 'complete' });
    // Batch 1 against 8 and 16 against 32 can be told apart, batch 1 against 16 cannot: 2 of its 3 df.
    expect(batch).toEqual({ factor: 1, test: undefined, confounding: 'partial' });
  });

  it('marks a factor one of whose levels ran only where no other level did as partly confounded', () => {
    // Models a and b at batch 1 and 8; model c only at batch 16.
    const cells = [at([0, 0], 100), at([0, 1], 110), at([1, 0], 100.5), at([1, 1], 110.5), at([2, 2], 300)];
    expect(mainEffects(cells, [3, 3]).map((e) => [e.confounding, e.test])).toEqual([
      ['partial', undefined],
      ['partial', undefined],
    ]);
  });

  it('marks no factor of a crossed design, nor of a Latin square', () => {
    const crossed = [0, 1].flatMap((a) => [0, 1].map((b) => ({ levels: [a, b], n: 3, mean: 10 + 5 * a + b, sd: 1 })));
    expect(mainEffects(crossed, [2, 2]).map((e) => e.confounding)).toEqual(['none', 'none']);
    // Every row, column and letter once per row and column: no two cells differ in one factor alone, yet each is estimable.
    const latin = [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
    ];
    const square = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => ({ levels: [r, c, latin[r]?.[c] as number], n: 3, mean: 10 + r + 2 * c + 3 * (latin[r]?.[c] as number), sd: 0.5 })));
    const effects = mainEffects(square, [3, 3, 3]);
    expect(effects.map((e) => e.confounding)).toEqual(['none', 'none', 'none']);
    expect(effects.map((e) => e.test?.df1)).toEqual([2, 2, 2]);
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

  it('leaves out a path factor that names a stated condition\'s values again, without a word', () => {
    const series = ['1b', '4b'].map((size, i) =>
      measured(`models/gemma3_${size}.csv`, 'tps', [100 / (i + 1)], { labels: { model: `gemma3:${size}` }, factors: { gemma3: size }, experiment: 'models/*.csv' }),
    );
    const family = familyOf(series);
    expect(family.dims).toEqual(['model']);
    expect(family.repeats).toBeUndefined();
    expect(family.aliases).toBeUndefined();
  });

  it('compares two stated conditions that split the cells alike once, and names the second with the first', () => {
    const series = [
      ['A100', '535', [100, 101, 99]],
      ['H100', '550', [150, 151, 149]],
    ].map(([gpu, driver, values]) => measured('r.csv', 'tps', values as number[], { labels: { gpu: gpu as string, driver: driver as string } }));
    const family = familyOf(series);
    expect(family.dims).toEqual(['gpu']);
    expect(family.aliases).toEqual({ gpu: ['driver'] });
    expect(rankOneFactor(family, 0.95)?.text).toBe(
      'tps by gpu (driver changes with it): H100 leads at 150 ± 1 tok/s (n=3), 1.50× the lowest, A100 (100 tok/s); the difference is beyond the noise (p<0.001).',
    );
  });

  it('names a setting folder that changed with a stated condition, rather than dropping it', () => {
    const series = [
      ['a', '8', [100, 101, 99]],
      ['b', '16', [150, 151, 149]],
    ].map(([model, batch, values]) => measured(`batch_${batch}/r.json`, 'tps', values as number[], { labels: { model: model as string }, factors: { batch: batch as string }, experiment: 'batch_*/r.json' }));
    const family = familyOf(series);
    expect(rankOneFactor(family, 0.95)?.text).toBe(
      'tps by model (batch changes with it): b leads at 150 ± 1 tok/s (n=3), 1.50× the lowest, a (100 tok/s); the difference is beyond the noise (p<0.001).',
    );
  });

  it('does not take setting folders nesting in a stated condition for repeats: the condition is confounded with them', () => {
    const series = NESTED_RUNS.map(([model, batch, m]) => measured(`batch_${batch}/r.json`, 'tps', [m - 1, m, m + 1], { labels: { model }, factors: { batch }, experiment: 'batch_*/r.json' }));
    const family = familyOf(series);
    expect(family.dims).toEqual(['model', 'batch']);
    expect(family.repeats).toBeUndefined();
    const [model, batch] = rankFactorsOfDesign(family, 0.95);
    expect(model?.text).toBe(
      'tps by model over batch: over the batch settings each ran, which differ, a averages 110 tok/s (n=6) and b 55 tok/s (n=6); model cannot be told apart from batch (each batch ran one model), so it is not tested.',
    );
    expect(batch?.test).toEqual({ method: 'none', p: null, significant: null, reason: 'partly confounded: the other conditions (model) account for part of it' });
  });

  it('drops numbered files that each hold one configuration, keeping the samples inside them', () => {
    const series = numberedFiles([
      { file: 1, model: 'a', values: { eager: [99, 100, 101] } },
      { file: 2, model: 'a', values: { compiled: [109, 110, 111] } },
      { file: 3, model: 'b', values: { eager: [49, 50, 51] } },
      { file: 4, model: 'b', values: { compiled: [54, 55, 56] } },
    ]);
    const family = familyOf(series);
    expect(family.dims).toEqual(['model', 'backend']);
    expect(family.repeats).toBeUndefined();
    expect(computeFindings({ series, files: [], confidence: 0.95 }).map((f) => f.text)).toEqual([
      'tps sweep over model × backend (4 configurations, 3 runs each): best model=a, backend=compiled at 110 tok/s, worst model=b, backend=eager at 50 tok/s (2.20×); model b → a: 52.44 tok/s → 104.88 tok/s (geometric means, +100.0%, p<0.001); backend eager → compiled: 70.71 tok/s → 77.78 tok/s (geometric means, +10.0%, p<0.001).',
    ]);
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

describe('buildFamilies: what is not a file number or another name', () => {
  it('keeps setting folders named like outputs (output_len_128/) as a condition, and says what they confound', () => {
    // Folders 128 and 256 ran model a, 512 and 1024 model b; each holds eager and compiled; throughput follows output_len only.
    const plan: [string, string][] = [
      ['128', 'a'],
      ['256', 'a'],
      ['512', 'b'],
      ['1024', 'b'],
    ];
    const series = plan.flatMap(([len, model]) =>
      ['eager', 'compiled'].map((backend) => {
        const m = (128_000 / Number(len)) * (backend === 'compiled' ? 1.1 : 1);
        return measured(`output_len_${len}/r.json`, 'tps', [m * 0.99, m, m * 1.01], { labels: { model, backend }, factors: { output_len: len }, experiment: 'output_len_*/r.json' });
      }),
    );
    expect(familyOf(series).repeats).toBeUndefined();
    expect(computeFindings({ series, files: [], confidence: 0.95 }).map((f) => f.text)).toEqual([
      'tps sweep over model × backend × output_len (8 configurations, 3 runs each): best model=a, backend=compiled, output_len=128 at 1100 tok/s, worst model=b, backend=eager, output_len=1024 at 125 tok/s (8.80×); backend eager → compiled: 353.55 tok/s → 388.91 tok/s (geometric means, +10.0%, p<0.001); output_len spread 247.5% (not tested: partly confounded: the other conditions (model × backend) account for part of it); model spread 150.0% (not tested: confounded: each output_len ran one model).',
    ]);
  });

  it('never takes numbers for another way of writing numbers (tp=1 is not batch=16)', () => {
    const series = [
      ['1', '16', 100],
      ['2', '32', 180],
    ].map(([tp, batch, m]) => measured('r.csv', 'tps', [(m as number) - 1, m as number, (m as number) + 1], { labels: { tp: tp as string, batch: batch as string } }));
    expect(rankOneFactor(familyOf(series), 0.95)?.text).toBe(
      'tps by tp (batch changes with it): tp=2 leads at 180 ± 1 tok/s (n=3), 1.80× the lowest, tp=1 (100 tok/s); the difference is beyond the noise (p<0.001).',
    );
  });

  it('keeps a commit that changes with the numbered files as a condition: the change may be the commit', () => {
    const series = [
      ['1', '3f9a1c2', 1],
      ['2', '8be47d0', 1.3],
    ].flatMap(([n, commit, k]) =>
      [
        ['eager', 100],
        ['compiled', 110],
      ].map(([backend, m]) =>
        measured(`run/results_${n}.json`, 'tokens_per_s', [0.99, 1, 1.01].map((x) => x * (m as number) * (k as number)), { labels: { commit: commit as string, backend: backend as string }, factors: { results: n as string }, experiment: 'run/results_*.json' }),
      ),
    );
    expect(familyOf(series).dims).toEqual(['commit', 'backend']);
    expect(computeFindings({ series, files: [], confidence: 0.95 }).map((f) => f.text)).toEqual([
      'tokens_per_s sweep over commit × backend (4 configurations, 3 runs each): best commit=8be47d0, backend=compiled at 143 tok/s, worst commit=3f9a1c2, backend=eager at 100 tok/s (1.43×); commit 3f9a1c2 → 8be47d0: 104.88 tok/s → 136.35 tok/s (geometric means, +30.0%, p<0.001); backend eager → compiled: 114.02 tok/s → 125.42 tok/s (geometric means, +10.0%, p<0.001).',
    ]);
  });

});

describe('rankings of a condition with repeats', () => {
  it('ranks the model over the backends, pooling each model\'s files, and tests against the spread between files', () => {
    const family = familyOf(
      numberedFiles(TWO_MODELS_TWO_FILES),
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

  it('tests the model on the files\' means and the backend within each file (a split-plot design)', () => {
    // Files 1–2 ran model a, 3–4 model b; each file holds backends b1…b4, 5 tok/s apart, on top of its own offset.
    const offset: Record<number, number> = { 1: 0, 2: 30, 3: 20, 4: 50 };
    const runs = [1, 2, 3, 4].map((file) => {
      const model = file <= 2 ? 'a' : 'b';
      const base = (model === 'a' ? 100 : 120) + (offset[file] as number);
      return { file, model, values: Object.fromEntries([0, 1, 2, 3].map((j) => [`b${j + 1}`, [base + 5 * j - 1, base + 5 * j, base + 5 * j + 1]])) };
    });
    const family = familyOf(numberedFiles(runs));
    const [model, backend] = rankFactorsOfDesign(family, 0.95);
    // The model test sees one value per file, the log of its mean (positive data is fitted on the log scale): a pooled t-test with 2 df.
    const fileLog = [1, 2, 3, 4].map((file) => Math.log(family.cells.filter((c) => c.series.factors?.serving_summary === String(file)).reduce((s, c) => s + c.series.stats.mean, 0) / 4));
    const [a1, a2, b1, b2] = fileLog as [number, number, number, number];
    const pooledVar = ((a1 - a2) ** 2 / 2 + (b1 - b2) ** 2 / 2) / 2;
    const t = Math.abs((b1 + b2) / 2 - (a1 + a2) / 2) / Math.sqrt(pooledVar);
    expect(model?.test?.p).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 10);
    expect(model?.text).toBe(
      'tps by model over backend (serving_summary as repeats): b is best in 4 of 4 backend settings, 1.31–1.35× the lowest there; over all settings b averages 162.50 tok/s (n=24) and a 122.50 tok/s (n=24); model makes no difference beyond the noise (p=0.2).',
    );
    // Within each file b4 is 15 tok/s above b1: the files' offsets are blocks, not noise.
    expect(backend?.text).toBe(
      'tps by backend over model (serving_summary as repeats): b4 is best in 2 of 2 model settings, 1.10–1.13× the lowest there; over all settings b4 averages 150 tok/s (n=12) and b1 135 tok/s (n=12); backend matters beyond the noise (p<0.001).',
    );
  });

  it('does not test the model on the files\' means when the files hold different backends', () => {
    // a's files hold eager (100) and compiled (200), b's eager only (about 101): their means would compare compiled with eager.
    const family = familyOf(
      numberedFiles([
        { file: 1, model: 'a', values: { eager: [99.5, 100, 100.5], compiled: [199.5, 200, 200.5] } },
        { file: 2, model: 'a', values: { eager: [100.5, 101, 101.5], compiled: [200.5, 201, 201.5] } },
        { file: 3, model: 'b', values: { eager: [100, 100.5, 101] } },
        { file: 4, model: 'b', values: { eager: [101, 101.5, 102] } },
      ]),
    );
    const model = rankFactorsOfDesign(family, 0.95).find((f) => f.factor === 'model');
    expect(model?.text).toBe(
      'tps by model over backend (serving_summary as repeats): a is best in 0 of 1 backend settings; over the backend settings each ran, which differ, a averages 150.50 tok/s (n=12) and b 101 tok/s (n=6); not tested against noise (the files hold different backend settings).',
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
    return familyOf(NESTED_RUNS.map(([model, batch, m]) => measured('r.csv', 'tps', [m * 0.99, m, m * 1.01], { labels: { model, batch_size: batch } })));
  }

  it('is named as such in a ranking, with its averages and no test', () => {
    const model = rankFactorsOfDesign(nested(), 0.95).find((f) => f.factor === 'model');
    expect(model?.text).toBe(
      'tps by model over batch_size: over the batch_size settings each ran, which differ, a averages 110 tok/s (n=6) and b 55 tok/s (n=6); model cannot be told apart from batch_size (each batch_size ran one model), so it is not tested.',
    );
    expect(model?.test).toEqual({ method: 'none', p: null, significant: null, reason: 'confounded: each batch_size ran one model' });
  });

  it('is left untested in a sweep, with the reason', () => {
    const series = NESTED_RUNS.map(([model, batch, m]) => measured('r.csv', 'tps', [m], { labels: { model, batch_size: batch } }));
    const sweep = summariseSweep(familyOf(series), 0.95);
    const model = sweep?.sweep?.effects.find((e) => e.factor === 'model');
    expect(model?.test).toEqual({ method: 'none', p: null, significant: null, reason: 'confounded: each batch_size ran one model' });
    // Geometric level means a √(100·120) = 109.54, b √(50·60) = 54.77 over the geometric grand mean 77.46: a spread of 54.77 / 77.46 = 70.7%.
    expect(sweep?.text).toContain('model spread 70.7% (not tested: confounded: each batch_size ran one model).');
  });
});

describe('a condition partly confounded with another', () => {
  it('is not tested, and a best level that never met another is given no wins or losses', () => {
    const family = byModelAndBs([['a', '1', 100], ['a', '8', 110], ['b', '1', 100.5], ['b', '8', 110.5], ['c', '16', 300]]);
    const [model] = rankFactorsOfDesign(family, 0.95);
    expect(model?.text).toBe(
      'tps by model over bs: over the bs settings each ran, which differ, c averages 300 tok/s (n=3) and a 105 tok/s (n=6); not tested against noise (partly confounded: c never ran in a bs setting beside another model).',
    );
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
    expect(computeFindings({ series, files: [], confidence: 0.95 }).map((f) => f.text)).toEqual([
      'ttft_ms by model over backend (serving_summary as repeats): gemma3:1b is lowest in 2 of 2 backend settings; the highest there is 6.24–6.25× that; over all settings gemma3:1b averages 145.50 ms (n=12) and qwen2.5:14b 908.50 ms (n=12); model matters beyond the noise (p<0.001).',
      'ttft_ms by backend over model (serving_summary as repeats): compiled is lowest in 2 of 2 model settings; the highest there is 1.11× that; over all settings compiled averages 499.50 ms (n=12) and eager 554.50 ms (n=12); backend matters beyond the noise (p<0.001).',
    ]);
  });
});

describe('files counted on from a stem that names its configuration', () => {
  it('never ranks serving_llama8B_tp1_1.json against _2.json: two repeats of one configuration, no finding', () => {
    const series = [1, 2].map((n) =>
      measured(`tem_res/serving_llama8B_tp1_${n}.json`, 'ttft_ms', [n === 1 ? 111.24 : 105.95], { unit: 'ms', direction: 'lower', factors: { serving_llama8B_tp1: String(n) }, experiment: 'tem_res/*.json' }),
    );
    expect(buildFamilies(series)).toEqual([]);
    expect(computeFindings({ series, files: [], confidence: 0.95 })).toEqual([]);
  });

  it('still ranks a setting written as a word before its value (serving_llama8B_tp_1, _tp_2: tensor parallel 1 and 2)', () => {
    const series = [1, 2].map((n) => measured(`res/serving_llama8B_tp_${n}.json`, 'tps', [n * 10], { factors: { serving_llama8B_tp: String(n) }, experiment: 'res/*.json' }));
    expect(buildFamilies(series).map((f) => f.dims)).toEqual([['serving_llama8B_tp']]);
  });

  it('still ranks a setting counted from 1 when its name is one word (gpu_1, gpu_2 stay GPUs)', () => {
    const series = [1, 2].map((n) => measured(`res/gpu_${n}.json`, 'tps', [n * 10], { factors: { gpu: String(n) }, experiment: 'res/*.json' }));
    expect(buildFamilies(series).map((f) => f.dims)).toEqual([['gpu']]);
  });
});

describe('a stated condition beside numbered files', () => {
  it('stays a condition when each file ran its own model (no repeats to take it for)', () => {
    const family = familyOf(
      numberedFiles([TWO_MODELS_TWO_FILES[0], { ...TWO_MODELS_TWO_FILES[2], file: 2 }, { file: 3, model: 'c', values: { eager: [74, 75, 76], compiled: [81, 82, 83] } }] as typeof TWO_MODELS_TWO_FILES),
    );
    expect(family.dims).toEqual(['model', 'backend']);
    expect(family.repeats).toBeUndefined();
  });
});

describe('labels that name runs, and conditions inside repeats', () => {
  /** Numbered files `run/results_N.json`, each holding the given cells (labels and samples). */
  function resultFiles(files: { labels: Record<string, string>; samples: number[] }[][]): Series[] {
    return files.flatMap((cells, i) =>
      cells.map(({ labels, samples }) => measured(`run/results_${i + 1}.json`, 'tps', samples, { labels, factors: { results: String(i + 1) }, experiment: 'run/results_*.json' })),
    );
  }
  const around = (m: number) => [m * 0.99, m, m * 1.01];

  it('keeps a hash algorithm that differs per file as a condition', () => {
    const series = resultFiles(
      ['xxh3', 'crc32', 'murmur3'].map((hash, i) => [
        { labels: { hash, size: '1024' }, samples: around(1000 / (i + 1)) },
        { labels: { hash, size: '4096' }, samples: around(900 / (i + 1)) },
      ]),
    );
    expect(familyOf(series).dims).toEqual(['hash', 'size']);
  });

  it('compares the backends within numbered files, each file a block', () => {
    // Four files with offsets 0, 40, 80, 120; compiled is 10% above eager in each.
    const series = resultFiles(
      [0, 40, 80, 120].map((offset) => [
        { labels: { backend: 'eager' }, samples: around(100 + offset) },
        { labels: { backend: 'compiled' }, samples: around((100 + offset) * 1.1) },
      ]),
    );
    const family = familyOf(series);
    expect(family.dims).toEqual(['backend']);
    expect(family.repeats).toEqual(['results']);
    expect(rankOneFactor(family, 0.95)?.text).toBe(
      'tps by backend (results as repeats): compiled leads at 176 ± 51.40 tok/s (n=12), 1.10× the lowest, eager (160 tok/s); the difference is beyond the noise (p<0.001).',
    );
  });


  it('tells the backends apart within 250 crossover files as within 10 (the files are taken out of the rank exactly)', () => {
    // Odd files hold (eager, bs 1) and (compiled, bs 8), even files (eager, bs 8) and (compiled, bs 1).
    const crossover = (files: number) =>
      resultFiles(
        Array.from({ length: files }, (_, i) => {
          const [first, second] = i % 2 === 0 ? ['1', '8'] : ['8', '1'];
          const at = (bs: string, backend: string) => around((bs === '8' ? 300 : 100) * (backend === 'compiled' ? 1.2 : 1) + (i % 5));
          return [
            { labels: { backend: 'eager', bs: first as string }, samples: at(first as string, 'eager') },
            { labels: { backend: 'compiled', bs: second as string }, samples: at(second as string, 'compiled') },
          ];
        }),
      );
    for (const files of [10, 250]) {
      const backend = rankFactorsOfDesign(familyOf(crossover(files)), 0.95).find((f) => f.factor === 'backend');
      expect(backend?.test?.significant).toBe(true);
    }
  });

  it('counts the best level\'s wins only where it met another level', () => {
    // a ran at bs 1, 2 and 4 (alone at 4); b and c at 1, 2 and 3.
    const family = byModelAndBs([['a', '1', 300], ['a', '2', 310], ['a', '4', 320], ['b', '1', 100], ['b', '2', 110], ['b', '3', 120], ['c', '1', 200], ['c', '2', 210], ['c', '3', 220]]);
    const model = rankFactorsOfDesign(family, 0.95).find((f) => f.factor === 'model');
    expect(model?.text).toMatch(/^tps by model over bs: a is best in 2 of the 2 bs settings where it met another model, /);
  });
});

describe('repeats inside one file, chains of files, and levels alone in their files', () => {
  /** Twenty samples alternating 1 below and above `m`. */
  const twenty = (m: number) => Array.from({ length: 20 }, (_, i) => m + (i % 2 ? 1 : -1));

  it('keeps a commit column of one results file as a condition, so the change between commits is seen', () => {
    const rows: [string, string, number][] = [['3f9a1c2', '1', 100], ['3f9a1c2', '8', 600], ['3f9a1c2', '32', 1500], ['8be47d0', '1', 125], ['8be47d0', '8', 750], ['8be47d0', '32', 1875]];
    const series = rows.map(([commit, bs, m]) => measured('bench/results.csv', 'tokens_per_s', [0.99, 1, 1.01].map((x) => x * m), { labels: { commit, batch_size: bs } }));
    expect(computeFindings({ series, files: [], confidence: 0.95 }).map((f) => f.text)).toEqual([
      'tokens_per_s sweep over commit × batch_size (6 configurations, 3 runs each): best commit=8be47d0, batch_size=32 at 1875 tok/s, worst commit=3f9a1c2, batch_size=1 at 100 tok/s (18.75×); batch_size 1 → 32: 111.80 tok/s → 1677.05 tok/s (geometric means, +1400.0%, p<0.001); commit 3f9a1c2 → 8be47d0: 448.14 tok/s → 560.18 tok/s (geometric means, +25.0%, p<0.001).',
    ]);
  });


  it('leaves a condition untested when the additive fit does not settle (files linked only in a long chain)', () => {
    // File n holds threads n and n + 1: each level is tied to the next through one file only.
    const series = [];
    for (let n = 1; n < 16; n++) {
      for (const s of [n - 1, n]) {
        const m = 100 * (1 + n * 0.3) * (s === n ? 1.01 : 1);
        series.push(measured(`run/results_${n}.json`, 'tps', [m * 0.995, m, m * 1.005], { labels: { threads: String(s + 1) }, factors: { results: String(n) }, experiment: 'run/results_*.json' }));
      }
    }
    expect(rankOneFactor(familyOf(series), 0.95)?.test).toEqual({ method: 'none', p: null, significant: null, reason: 'the additive fit did not settle' });
  });

  it('names a level that never shared a file with another as what cannot be compared', () => {
    // Files 1 and 2 hold sizes 1 and 2; files 3 and 4 hold size 4 only.
    const files: [number, string[]][] = [[1, ['1', '2']], [2, ['1', '2']], [3, ['4']], [4, ['4']]];
    const series = files.flatMap(([file, sizes]) =>
      sizes.map((size) => measured(`run/results_${file}.json`, 'tps', [99, 100, 101].map((v) => v * Number(size) + file), { labels: { size }, factors: { results: String(file) }, experiment: 'run/results_*.json' })),
    );
    expect(rankOneFactor(familyOf(series), 0.95)?.test?.reason).toBe('partly confounded: size=4 never ran in a file beside another size');
  });
});

describe('ties and names of configurations', () => {
  it('names no winner when every level is equal in every setting', () => {
    const series = ['1', '2'].flatMap((tp) =>
      ['8', '16', '32'].map((b) => measured(`sweep/tp_${tp}/batch_${b}/r.json`, 'tpot_ms', [19, 20, 21], { labels: {}, factors: { tp, batch: b }, experiment: 'sweep/*/*/r.json', unit: 'ms', direction: 'lower' })),
    );
    const [tp] = rankFactorsOfDesign(familyOf(series), 0.95);
    expect(tp?.text).toMatch(/^tpot_ms by tp over batch: all 2 levels average 20 ms over all settings; /);
  });

  it('leaves out a folder name per configuration that spells out its model and concurrency, and compares those', () => {
    const series = ['llama-3-8b', 'qwen2-7b'].flatMap((model, i) =>
      ['1', '8', '32'].map((concurrency) => {
        const folder = `${model}-openai-chat-concurrency${concurrency}`;
        const m = (i === 0 ? 100 : 90) * Number(concurrency) ** 0.5;
        return measured(`artifacts/${folder}/profile_export.json`, 'tps', [0.99, 1, 1.01].map((x) => x * m), { labels: { model, concurrency }, factors: { artifacts: folder }, experiment: 'artifacts/*/profile_export.json' });
      }),
    );
    const family = familyOf(series);
    expect(family.dims).toEqual(['model', 'concurrency']);
  });
});

describe('series pooled from replicate runs', () => {
  /** Each model ran 3 times, 200 requests a run, the run means given, in the run files `first(model)` on. */
  function pooled(runs: Record<string, number[]>, first: (model: string) => number) {
    return Object.entries(runs).map(([model, means]) => {
      const files = [0, 1, 2].map((k) => `results/run_${first(model) + k}/summary.json`);
      return measured(files[0] as string, 'ttft_ms', means.flatMap((m) => Array.from({ length: 200 }, (_, i) => m + (i % 2 ? 2 : -2))), {
        labels: { model },
        unit: 'ms',
        direction: 'lower',
        replicates: { pattern: 'results/run_{1..6}/summary.json', files, runMeans: means },
      });
    });
  }

  it('are tested on their runs\' means, not on every request as if independent', () => {
    // Each model's runs are files of its own (run_1 … run_3, run_4 … run_6); the run means overlap.
    const f = rankOneFactor(familyOf(pooled({ 'llama-8b': [130, 150, 170], 'qwen-7b': [120, 140, 160] }, (m) => (m === 'llama-8b' ? 1 : 4))), 0.95);
    const sd = Math.sqrt((20 ** 2 + 0 + 20 ** 2) / 2);
    expect(f?.test?.p).toBeCloseTo(welchP({ n: 3, mean: 140, sd }, { n: 3, mean: 150, sd }) as number, 10);
    expect(f?.test?.significant).toBe(false);
    expect(f?.text).toContain('the difference is within the noise (p=0.57, between runs)');
  });

  it('are compared run by run when each run\'s file held both models: the runs\' own drift is no noise', () => {
    // results/run_1/summary.json holds both models: qwen is 10 ms faster in every run.
    const f = rankOneFactor(familyOf(pooled({ 'llama-8b': [130, 150, 170], 'qwen-7b': [120, 140, 160] }, () => 1)), 0.95);
    // A paired t-test on the log ratios of the runs (the fit is on the log scale), 2 df.
    const d = [Math.log(130 / 120), Math.log(150 / 140), Math.log(170 / 160)];
    const mean = (d[0]! + d[1]! + d[2]!) / 3;
    const sd = Math.sqrt(d.reduce((sum, x) => sum + (x - mean) ** 2, 0) / 2);
    const t = mean / (sd / Math.sqrt(3));
    // Student's t with 2 df: two-sided p = 1 − t/√(2 + t²).
    expect(f?.test?.p).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 10);
    expect(f?.text).toContain('the difference is beyond the noise (p=0.0064, run by run)');
  });
});

describe('numbered files named like benchmarks', () => {
  it('takes bench-1.csv … bench-3.csv for repeats, not for three benchmarks', () => {
    const series = [1, 2, 3].flatMap((n) =>
      [
        ['a', 100],
        ['b', 50],
      ].map(([model, m]) => measured(`runs/bench-${n}.csv`, 'tps', [0.99, 1, 1.01].map((x) => x * ((m as number) + n)), { labels: { model: model as string }, factors: { bench: String(n) }, experiment: 'runs/bench-*.csv' })),
    );
    expect(computeFindings({ series, files: [], confidence: 0.95 }).map((f) => f.text)).toEqual([
      'tps by model (bench as repeats): a leads at 102 ± 1.24 tok/s (n=9), 1.96× the lowest, b (52 tok/s); the difference is beyond the noise (p<0.001).',
    ]);
  });
});

describe('runs as rows of one file', () => {
  it('does not test a model each of whose runs (run_id) ran one model, rather than test its requests', () => {
    const twenty = (m: number) => Array.from({ length: 20 }, (_, i) => m + (i % 2 ? 1 : -1));
    const runs: [string, string, number][] = [['1', 'a', 100], ['2', 'b', 112], ['3', 'a', 90], ['4', 'b', 98], ['5', 'a', 108], ['6', 'b', 104]];
    const series = runs.map(([run_id, model, m]) => measured('results.csv', 'tps', twenty(m), { labels: { run_id, model } }));
    expect(computeFindings({ series, files: [], confidence: 0.95 }).map((f) => f.text)).toEqual([
      'tps by run_id over model: run_id=2 is best in 1 of the 1 model settings where it met another run_id, 1.14× the lowest there; over the model settings each ran, which differ, run_id=2 averages 112 tok/s (n=20) and run_id=3 90 tok/s (n=20); not tested against noise (partly confounded: the other conditions (model) account for part of it).',
      'tps by model over run_id: over the run_id settings each ran, which differ, b averages 104.67 tok/s (n=60) and a 99.33 tok/s (n=60); model cannot be told apart from run_id (each run_id ran one model), so it is not tested.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildFamilies, currentSeries, type Family } from '../../src/findings/families.js';
import type { Series } from '../../src/model/series.js';
import { measured } from '../helpers/built-series.js';

/** What a reader needs of a family: its metric, where it comes from, what varies, and each cell's conditions. */
function outline(families: Family[]) {
  return families.map((f) => ({ metric: f.metric, scope: f.scope, dims: f.dims, cells: f.cells.map((c) => Object.fromEntries(f.dims.map((d) => [d, c.dims[d]]))) }));
}

const byModel = (models: string[], extra: Partial<Series> = {}) => models.map((model, i) => measured('r.csv', 'tps', [10 + i, 11 + i], { ...extra, labels: { model, ...extra.labels } }));

describe('currentSeries', () => {
  const runs = ['runs/20251002-151204/t.csv', 'runs/20251009-093015/t.csv'].map((file, i) => measured(file, 'tps', [i + 1]));

  it('keeps only the newest run of a timestamped benchmark', () => {
    expect(currentSeries(runs).map((s) => s.file)).toEqual(['runs/20251009-093015/t.csv']);
  });

  it('orders runs by their timestamps, not by where they come in the list', () => {
    expect(currentSeries([...runs].reverse()).map((s) => s.file)).toEqual(['runs/20251009-093015/t.csv']);
  });

  it("leaves out the model's own tokens/s", () => {
    expect(currentSeries([measured('llm', 'tokens_per_second', [40], { id: 'llm::tokens_per_second' })])).toEqual([]);
  });

  it('keeps series without a timestamp', () => {
    const plain = measured('bench/results.csv', 'tps', [1]);
    expect(currentSeries([plain, ...runs])).toEqual([plain, runs[1]]);
  });
});

describe('buildFamilies: the models of an MLPerf results table are its benchmarks', () => {
  /** Rows of a results table: `[Model, Scenario, Samples/s]`, or without a scenario when it is undefined. */
  const rows = (list: [string, string | undefined, number][], extra: Record<string, string> = {}, file = 'results.md') =>
    list.map(([Model, Scenario, v]) => measured(file, 'Samples/s', [v], { unit: '/s', labels: { Model, ...(Scenario ? { Scenario } : {}), ...extra } }));

  it('never ranks one benchmark against another: each model is a family of its own, named in the scope', () => {
    const series = rows([
      ['resnet50', 'Offline', 41250.3],
      ['bert-99', 'Offline', 7120.4],
      ['llama2-70b-99', 'Offline', 34.1],
    ]);
    expect(buildFamilies(series)).toEqual([]);
  });

  it('ranks the systems that ran one benchmark, each benchmark its own family', () => {
    const series = [...rows([['resnet50', 'Offline', 41250.3], ['bert-99', 'Offline', 7120.4]], { System: 'node-a' }), ...rows([['resnet50', 'Offline', 45780.1], ['bert-99', 'Offline', 7904.8]], { System: 'node-b' })];
    expect(outline(buildFamilies(series))).toEqual([
      { metric: 'Samples/s', scope: { path: 'results.md', labels: { Model: 'resnet50', Scenario: 'Offline' } }, dims: ['System'], cells: [{ System: 'node-a' }, { System: 'node-b' }] },
      { metric: 'Samples/s', scope: { path: 'results.md', labels: { Model: 'bert-99', Scenario: 'Offline' } }, dims: ['System'], cells: [{ System: 'node-a' }, { System: 'node-b' }] },
    ]);
  });

  it('knows an MLPerf table by an accuracy target on a model (bert-99), without a scenario', () => {
    expect(buildFamilies(rows([['resnet50', undefined, 41250.3], ['bert-99', undefined, 7120.4]]))).toEqual([]);
  });

  it('knows an MLPerf table by mlperf in its path', () => {
    expect(buildFamilies(rows([['resnet50', undefined, 41250.3], ['bert', undefined, 7120.4]], {}, 'mlperf/offline.md'))).toEqual([]);
  });

  it('keeps the model a condition when a value is no MLPerf benchmark: LLMs on one serving benchmark, scenario Server', () => {
    const series = rows([['llama3-8b', 'Server', 2411.5], ['qwen2.5-7b', 'Server', 2630.2]]);
    expect(outline(buildFamilies(series)).map((f) => [f.scope.labels, f.dims])).toEqual([[{ Scenario: 'Server' }, ['Model']]]);
  });

  it('keeps the model a condition when nothing says the table is MLPerf\'s, whatever the models are called', () => {
    const series = rows([['llama2-70b', undefined, 812.4], ['mixtral-8x7b', undefined, 1620.9]]);
    expect(outline(buildFamilies(series)).map((f) => [f.scope.labels, f.dims])).toEqual([[{}, ['Model']]]);
  });
});

describe('buildFamilies', () => {
  it('makes one family of a metric whose series differ in one label', () => {
    expect(outline(buildFamilies(byModel(['llama3', 'qwen3'])))).toEqual([{ metric: 'tps', scope: { path: 'r.csv', labels: {} }, dims: ['model'], cells: [{ model: 'llama3' }, { model: 'qwen3' }] }]);
  });

  it('keeps conditions every cell shares in the scope, not in the dimensions', () => {
    const [family] = buildFamilies(byModel(['llama3', 'qwen3'], { labels: { gpu: 'h100' } }));
    expect(family?.scope).toEqual({ path: 'r.csv', labels: { gpu: 'h100' } });
    expect(family?.dims).toEqual(['model']);
  });

  it('keeps the scope of each metric its own when the series of a row share their labels', () => {
    // As parsers make them: one labels object per row, shared by the row's series.
    const rows = [{ name: 'decode', model: 'a', gpu: 'h100' }, { name: 'decode', model: 'b', gpu: 'h100' }, { name: 'decode', model: 'c', gpu: 'a100' }];
    const series = [
      measured('r.csv', 'tps', [1], { labels: rows[0] }),
      measured('r.csv', 'lat', [5], { labels: rows[0], unit: 'ms', direction: 'lower' }),
      measured('r.csv', 'tps', [2], { labels: rows[1] }),
      measured('r.csv', 'lat', [6], { labels: rows[2], unit: 'ms', direction: 'lower' }),
    ];
    expect(outline(buildFamilies(series)).map((f) => [f.metric, f.scope.labels, f.dims])).toEqual([
      ['tps', { name: 'decode', gpu: 'h100' }, ['model']],
      ['lat', { name: 'decode' }, ['model']],
    ]);
  });

  it('makes no family of a single series', () => {
    expect(buildFamilies(byModel(['llama3']))).toEqual([]);
  });

  it('makes no family of series that differ in nothing but their file', () => {
    expect(buildFamilies([measured('a.csv', 'tps', [1]), measured('b.csv', 'tps', [2])])).toEqual([]);
  });

  it('keeps series of different units apart', () => {
    const series = [measured('r.csv', 'tps', [1], { labels: { model: 'a' } }), measured('r.csv', 'tps', [1], { labels: { model: 'b' }, unit: 'tok/min' })];
    expect(buildFamilies(series)).toEqual([]);
  });

  it('keeps the first of two series with the same conditions', () => {
    const [family] = buildFamilies(byModel(['a', 'b', 'a']));
    expect(family?.cells.map((c) => c.series.stats.mean)).toEqual([10.5, 11.5]);
  });

  it('uses path factors as conditions and the experiment as the scope', () => {
    const series = ['a', 'b'].map((r) => measured(`e/runtime-${r}/s.json`, 'tps', [1], { factors: { runtime: r }, experiment: 'e/*/s.json' }));
    expect(outline(buildFamilies(series))).toEqual([{ metric: 'tps', scope: { path: 'e/*/s.json', labels: {} }, dims: ['runtime'], cells: [{ runtime: 'a' }, { runtime: 'b' }] }]);
  });

  it('reads backends.eager.tps and backends.compiled.tps as tps by backend', () => {
    const series = ['eager', 'compiled'].map((b) => measured('r/summary.json', `backends.${b}.tps`, [1]));
    expect(outline(buildFamilies(series))).toEqual([{ metric: 'tps', scope: { path: 'r/summary.json', labels: {} }, dims: ['backend'], cells: [{ backend: 'eager' }, { backend: 'compiled' }] }]);
  });

  it('names the metric by what follows the level in a deeper path', () => {
    const series = ['eager', 'compiled'].map((b) => measured('r/summary.json', `backends.${b}.benchmark.mean_time_ms`, [1]));
    expect(buildFamilies(series).map((f) => [f.metric, f.dims])).toEqual([['benchmark.mean_time_ms', ['backend']]]);
  });

  it('does not rank top-level keys that no parent names (eager.tps, compiled.tps): they may be different benchmarks', () => {
    const series = ['eager', 'compiled'].map((b) => measured('r.json', `${b}.tps`, [1]));
    expect(buildFamilies(series)).toEqual([]);
  });

  it('never ranks statistics of one metric against each other (latency.mean, latency.p95)', () => {
    const series = ['mean', 'p95', 'median'].map((stat) => measured('r.json', `latency.${stat}`, [1]));
    expect(buildFamilies(series)).toEqual([]);
    expect(buildFamilies(['mean', 'p95'].map((stat) => measured('r.json', `ttft.${stat}.value`, [1])))).toEqual([]);
  });

  it('keeps a label of the file over a condition of the same name in the metric path', () => {
    const series = ['eager', 'compiled'].map((b) => measured('r.json', `backends.${b}.tps`, [1], { labels: { backend: 'cuda' } }));
    expect(buildFamilies(series)).toEqual([]);
  });

  it('splits families by an identity label such as name, never ranking BM_Sort against BM_Hash', () => {
    const series = [
      ['BM_Sort', 'a'],
      ['BM_Sort', 'b'],
      ['BM_Hash', 'a'],
      ['BM_Hash', 'b'],
    ].map(([name, impl]) => measured('r.json', 'time', [1], { labels: { name: name as string, impl: impl as string } }));
    expect(outline(buildFamilies(series))).toEqual([
      { metric: 'time', scope: { path: 'r.json', labels: { name: 'BM_Sort' } }, dims: ['impl'], cells: [{ impl: 'a' }, { impl: 'b' }] },
      { metric: 'time', scope: { path: 'r.json', labels: { name: 'BM_Hash' } }, dims: ['impl'], cells: [{ impl: 'a' }, { impl: 'b' }] },
    ]);
  });

  it('makes one family of series that state the same conditions in a different order', () => {
    const series = [
      measured('r.csv', 'tps', [1], { labels: { gpu: 'a', ctx: '1' } }),
      measured('r.csv', 'tps', [2], { labels: { ctx: '2', gpu: 'a' } }),
      measured('r.csv', 'tps', [3], { labels: { ctx: '3', gpu: 'b' } }),
    ];
    expect(outline(buildFamilies(series))).toEqual([{ metric: 'tps', scope: { path: 'r.csv', labels: {} }, dims: ['gpu', 'ctx'], cells: [{ gpu: 'a', ctx: '1' }, { gpu: 'a', ctx: '2' }, { gpu: 'b', ctx: '3' }] }]);
  });

  it('keeps one family per benchmark name when a file holds many, whichever order their series come in', () => {
    // 40 names (more than a metric's families are scanned for before they are looked up by key), impl a and b of each.
    const names = Array.from({ length: 40 }, (_, i) => `BM_${i}`);
    const series = ['a', 'b'].flatMap((impl) => names.map((name) => measured('r.json', 'time', [1], { labels: { name, impl } })));
    expect(outline(buildFamilies(series))).toEqual(names.map((name) => ({ metric: 'time', scope: { path: 'r.json', labels: { name } }, dims: ['impl'], cells: [{ impl: 'a' }, { impl: 'b' }] })));
  });

  it.each(['name', 'benchmark', 'test_name', 'scenario', 'Benchmark Name'])('makes no family when only the identity label %s differs', (label) => {
    const series = ['BM_Sort', 'BM_Hash'].map((v) => measured('r.json', 'time', [1], { labels: { [label]: v } }));
    expect(buildFamilies(series)).toEqual([]);
  });

  it('compares only the newest timestamped run', () => {
    const series = ['runs/20251002-151204/t.csv', 'runs/20251009-093015/t.csv'].flatMap((file, i) => ['a', 'b'].map((model) => measured(file, 'tps', [i], { labels: { model } })));
    const families = buildFamilies(series);
    expect(families.map((f) => [f.scope.path, f.cells.map((c) => c.series.file)])).toEqual([['runs/<ts>/t.csv', ['runs/20251009-093015/t.csv', 'runs/20251009-093015/t.csv']]]);
  });

  it('gives a two-condition table two dimensions in the order they first appear', () => {
    const series = ['1', '8'].flatMap((batch) => ['a', 'b'].map((model) => measured('r.csv', 'tps', [1], { labels: { model, batch_size: batch } })));
    expect(buildFamilies(series).map((f) => f.dims)).toEqual([['model', 'batch_size']]);
  });
});

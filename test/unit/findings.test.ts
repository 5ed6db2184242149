import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignPathFactors } from '../../src/experiments/path-factors.js';
import { computeFindings } from '../../src/findings/findings.js';
import type { Series } from '../../src/model/series.js';
import { measured } from '../helpers/built-series.js';
import { comparisonOf, regression } from '../fakes/report.js';
import { analyzeTree, configFor } from '../helpers/baseline.js';
import { repoRoot } from '../helpers/run-action.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

/** Four samples within ±0.1 of each mean (steady: no stability note), one series per label value. */
function byModel(means: Record<string, number>, extra: Partial<Series> = {}): Series[] {
  return Object.entries(means).map(([model, m]) => measured(extra.file ?? 'r.csv', extra.metric ?? 'tps', [m - 0.1, m, m + 0.1, m], { ...extra, labels: { model } }));
}

const run = (series: Series[], extra: Partial<Parameters<typeof computeFindings>[0]> = {}) => computeFindings({ series, files: [], confidence: 0.95, ...extra });

describe('computeFindings', () => {
  it('keeps exactly the findings a pass over every family keeps when it stops at the score bound', () => {
    // 600 files, each a ranking of two models with its own ratio, noise and metric: more than the 200 findings kept.
    const series = Array.from({ length: 600 }, (_, i) => {
      const metric = ['tps', 'ttft_ms', 'peak_memory_mb', 'accuracy'][i % 4] as string;
      const spread = 1 + (i % 17) / 10;
      // Values differ from file to file: identical numbers in two files would be one copied run.
      return byModel({ a: 10 * spread + (i % 5) + i / 1000, b: 10 + i / 997 }, { file: `bench/model-${i}.csv`, metric, ...(metric === 'ttft_ms' ? { unit: 'ms', direction: 'lower' as const } : {}) }).map((s) => ({ ...s, id: `bench/model-${i}.csv::${metric}{model=${s.labels.model}}` }));
    }).flat();
    const bounded = run(series);
    const exhaustive = run(series, { exhaustive: true });
    expect(bounded).toHaveLength(200);
    expect(bounded.map((f) => [f.id, f.text, f.score])).toEqual(exhaustive.map((f) => [f.id, f.text, f.score]));
  });

  it('ranks the levels of a one-condition family and numbers the findings f1, f2, … in rank order', () => {
    const findings = run(byModel({ llama3: 20, qwen3: 10 }));
    expect(findings.map((f) => [f.id, f.kind, f.factor])).toEqual([['f1', 'ranking', 'model']]);
    expect(findings[0]?.text).toBe('tps by model: llama3 leads at 20 ± 0.0816 tok/s (n=4), 2.00× the lowest, qwen3 (10 tok/s); the difference is beyond the noise (p<0.001).');
  });

  it('puts a change against the baseline above every ranking', () => {
    const findings = run(byModel({ llama3: 20, qwen3: 10 }), { comparison: comparisonOf([regression('r.csv', 'llama3')]) });
    expect(findings.map((f) => [f.id, f.kind])).toEqual([
      ['f1', 'change'],
      ['f2', 'ranking'],
    ]);
  });

  it('leads with throughput over latency for rankings of the same strength', () => {
    const findings = run([...byModel({ a: 10, b: 20 }, { metric: 'ttft_ms', unit: 'ms', direction: 'lower' }), ...byModel({ a: 20, b: 10 })]);
    expect(findings.map((f) => f.metric)).toEqual(['tps', 'ttft_ms']);
  });

  it('summarises a multi-condition table of single runs as a sweep', () => {
    const series = ['1', '2'].flatMap((gpu, i) => ['2048', '4096'].map((ctx) => measured('sweep.csv', 'tokens_s', [50 * (i + 1)], { labels: { num_gpu: gpu, num_ctx: ctx } })));
    expect(run(series).map((f) => f.kind)).toEqual(['sweep']);
  });

  it('ranks each condition of a multi-condition design run four times per configuration, a load setting such as batch size after the others', () => {
    // Both conditions double tokens/s and both are beyond the noise; a bigger batch being faster is rarely news.
    const series = ['1', '8'].flatMap((batch, i) => byModel({ a: 100 * (i + 1), b: 50 * (i + 1) }).map((s) => ({ ...s, labels: { ...s.labels, batch_size: batch }, id: `${s.id}#${batch}` })));
    expect(run(series).map((f) => [f.kind, f.factor])).toEqual([
      ['ranking', 'model'],
      ['ranking', 'batch_size'],
    ]);
  });

  it('keeps one finding when two files of the same runs hold the same numbers under different keys', () => {
    // summary.json says tps, metrics.json says throughput: the same runs, one ranking.
    const series = ['a', 'b'].flatMap((r, i) => [
      measured(`exp/runtime-${r}/summary.json`, 'tps', [10 * (i + 1) - 0.1, 10 * (i + 1), 10 * (i + 1) + 0.1]),
      measured(`exp/runtime-${r}/metrics.json`, 'throughput', [10 * (i + 1) - 0.1, 10 * (i + 1), 10 * (i + 1) + 0.1]),
    ]);
    assignPathFactors(series);
    const rankings = run(series).filter((f) => f.kind === 'ranking');
    expect(rankings).toHaveLength(1);
    expect(rankings[0]?.factor).toBe('runtime');
  });

  it('drops the family of a second file that holds only part of the same runs', () => {
    const series = [
      ...['a', 'b', 'c'].map((r, i) => measured(`exp/runtime-${r}/summary.json`, 'tps', [10 * (i + 1) - 0.1, 10 * (i + 1), 10 * (i + 1) + 0.1])),
      ...['a', 'b'].map((r, i) => measured(`exp/runtime-${r}/metrics.json`, 'tps_copy', [10 * (i + 1) - 0.1, 10 * (i + 1), 10 * (i + 1) + 0.1])),
    ];
    assignPathFactors(series);
    const rankings = run(series).filter((f) => f.kind === 'ranking');
    expect(rankings.map((f) => [f.metric, f.levels?.length])).toEqual([['tps', 3]]);
  });

  it('keeps rankings of different quantities that happen to hold the same numbers', () => {
    const series = [...byModel({ a: 11, b: 12 }), ...byModel({ a: 11, b: 12 }, { metric: 'ttft_ms', unit: 'ms', direction: 'lower' })];
    expect(run(series).map((f) => f.metric).sort()).toEqual(['tps', 'ttft_ms']);
  });

  it('adds stability notes for the current series only, below the rankings', () => {
    const old = measured('runs/20251002-151204/t.csv', 'tps', [10, 20, 30]);
    const current = measured('runs/20251009-093015/t.csv', 'tps', [10, 20, 30]);
    const findings = run([old, current]);
    expect(findings.map((f) => [f.kind, f.text])).toEqual([['stability', 'runs/<ts>/t.csv: 1 series scatters widely (tps CV 50.0% over 3 samples).']]);
  });

  it('keeps the stability notes that rank highest when more files have one than findings are kept, ties in the order of their text', () => {
    // 250 files with scattered tok/s (one more item, a higher score, in every fifth) against 200 findings kept.
    const series = Array.from({ length: 250 }, (_, i) => {
      const file = `bench/f${String(i).padStart(3, '0')}.csv`;
      const scattered = [measured(file, 'tps', [10, 20, 30])];
      if (i % 5 === 0) scattered.push(measured(file, 'tps', [10, 20, 30], { labels: { model: 'b' } }));
      return scattered;
    }).flat();
    const findings = run(series);
    expect(findings).toHaveLength(200);
    const paths = (from: number, to: number, step = 1) => Array.from({ length: (to - from) / step }, (_, k) => `bench/f${String(from + k * step).padStart(3, '0')}.csv`);
    const fewer = paths(0, 250).filter((_, i) => i % 5 !== 0);
    expect(findings.map((f) => f.scope.path)).toEqual([...paths(0, 250, 5), ...fewer.slice(0, 150)]);
    expect(findings[50]?.text).toBe('bench/f001.csv: 1 series scatters widely (tps CV 50.0% over 3 samples).');
  });

  it('rounds scores to three decimals', () => {
    const [f] = run(byModel({ llama3: 20, qwen3: 10 }));
    expect(Number((f?.score as number).toFixed(3))).toBe(f?.score);
  });

  it('finds nothing in a single series', () => {
    expect(run([measured('r.csv', 'tps', [10, 10.1, 9.9])])).toEqual([]);
  });
});

describe('findings on MLPerf results tables (test/fixtures: a Markdown page and a submission summary CSV)', () => {
  const tmp = useTempDir();
  const fixture = (rel: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', rel), 'utf8');

  it('ranks the systems within each benchmark and never one benchmark against another', async () => {
    writeTree(tmp.dir, { 'mlperf-results.md': fixture('markdown/mlperf-results.md'), 'mlperf-summary.csv': fixture('csv/mlperf-summary.csv') });
    const report = await analyzeTree(configFor(tmp.dir));
    const texts = computeFindings({ series: report.series, files: report.inventory.files, confidence: 0.95 })
      .filter((f) => f.kind === 'ranking' || f.kind === 'sweep')
      .map((f) => `${f.text} [${Object.entries(f.scope.labels).map(([k, v]) => `${k}=${v}`).join(', ')}]`);
    // Before, the Markdown page read "Samples/s by Model: resnet50 leads at 41250.30 /s, 1209.69× the lowest, llama2-70b-99 (34.10 /s)".
    expect(texts.sort()).toEqual([
      'Accuracy by SystemName (Platform and accelerator_model_name change with it): Acme S8 (8x H100) leads at 76.08, 1.00× the lowest, Acme X8 (8x H200) (76.07); not tested against noise (one value per level). [Model=resnet50, MlperfModel=resnet50, Scenario=Offline]',
      'Accuracy by SystemName (Platform and accelerator_model_name change with it): Acme X8 (8x H200) leads at 0.863, 1.00× the lowest, Acme S8 (8x H100) (0.862); not tested against noise (one value per level). [Model=3d-unet-99, MlperfModel=3d-unet-99, Scenario=Offline]',
      'Accuracy by SystemName (Platform and accelerator_model_name change with it): Acme X8 (8x H200) leads at 44.45, 1.00× the lowest, Acme S8 (8x H100) (44.41); not tested against noise (one value per level). [Model=llama2-70b-99, MlperfModel=llama2-70b-99, Scenario=Offline]',
      'Accuracy by SystemName (Platform and accelerator_model_name change with it): Acme X8 (8x H200) leads at 90.33, 1.00× the lowest, Acme S8 (8x H100) (90.31); not tested against noise (one value per level). [Model=bert-99, MlperfModel=bert-99, Scenario=Offline]',
      'Tokens/s by System (Accelerator changes with it): node-b leads at 31712.90 tok/s, 1.51× the lowest, node-c (21028.40 tok/s); not tested against noise (one value per level). [Model=llama2-70b-99, Scenario=Offline, table=The same benchmark on each accelerator]',
    ]);
  });
});

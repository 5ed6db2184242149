import { describe, expect, it } from 'vitest';
import { MAX_PATH_LEVELS, assignPathFactors, factorRuleRegExp, siblingLevels } from '../../src/experiments/path-factors.js';
import { poolReplicates } from '../../src/experiments/replicates.js';
import { structureExperiments } from '../../src/experiments/structure.js';
import type { Series } from '../../src/model/series.js';
import { measured } from '../helpers/built-series.js';

/** One tokens/s series in each of `paths`. */
const each = (paths: string[], metric = 'tps', extra: Partial<Series> = {}) => paths.map((p) => measured(p, metric, [1, 2], extra));
/** Each series' path factors, by file. */
const factorsOf = (series: readonly Series[]) => Object.fromEntries(series.map((s) => [s.file, s.factors]));

describe('assignPathFactors: sibling folders and files', () => {
  it('reads sibling folders runtime-a/ and runtime-b/ as the factor runtime with levels a and b', () => {
    const series = each(['exp/runtime-a/summary.json', 'exp/runtime-b/summary.json']);
    expect(assignPathFactors(series)).toEqual([{ name: 'runtime', levels: ['a', 'b'], where: 'exp/*/summary.json', source: 'path' }]);
    expect(factorsOf(series)).toEqual({ 'exp/runtime-a/summary.json': { runtime: 'a' }, 'exp/runtime-b/summary.json': { runtime: 'b' } });
    expect(series.map((s) => s.experiment)).toEqual(['exp/*/summary.json', 'exp/*/summary.json']);
  });

  it('reads sibling files llama_8b.json and llama_70b.json as the factor llama', () => {
    const series = each(['res/llama_8b.json', 'res/llama_70b.json']);
    expect(assignPathFactors(series)).toEqual([{ name: 'llama', levels: ['8b', '70b'], where: 'res/*.json', source: 'path' }]);
  });

  it('names the factor after the parent folder when the names share no word', () => {
    const series = each(['results/eager/summary.json', 'results/compiled/summary.json']);
    expect(assignPathFactors(series).map((f) => [f.name, f.levels])).toEqual([['results', ['eager', 'compiled']]]);
  });

  it('names the factor variant when the siblings sit at the root', () => {
    expect(assignPathFactors(each(['eager/summary.json', 'compiled/summary.json'])).map((f) => f.name)).toEqual(['variant']);
  });

  it('keeps series ids as they were: factors live beside the labels, not in them', () => {
    const series = each(['exp/runtime-a/summary.json', 'exp/runtime-b/summary.json']);
    assignPathFactors(series);
    expect(series.map((s) => [s.id, s.labels])).toEqual([
      ['exp/runtime-a/summary.json::tps', {}],
      ['exp/runtime-b/summary.json::tps', {}],
    ]);
  });

  it('finds the factor above pooled run folders', () => {
    const runs = ['runtime-a', 'runtime-b'].flatMap((d) => [1, 2, 3].map((r) => measured(`exp/${d}/run_${r}/summary.json`, 'tps', [r])));
    const { series } = poolReplicates(runs);
    expect(assignPathFactors(series)).toEqual([{ name: 'runtime', levels: ['a', 'b'], where: 'exp/*/run_<n>/summary.json', source: 'path' }]);
    expect(series.map((s) => s.factors)).toEqual([{ runtime: 'a' }, { runtime: 'b' }]);
  });

  it('finds two factors in two levels of folders and one experiment holding both', () => {
    const series = ['cfg-1', 'cfg-2'].flatMap((c) => each([`exp/${c}/runtime-a/s.json`, `exp/${c}/runtime-b/s.json`]));
    expect(assignPathFactors(series).map((f) => [f.name, f.levels, f.where])).toEqual([
      ['cfg', ['1', '2'], 'exp/*/*/s.json'],
      ['runtime', ['a', 'b'], 'exp/*/*/s.json'],
    ]);
    expect(series[3]?.factors).toEqual({ cfg: '2', runtime: 'b' });
    expect(new Set(series.map((s) => s.experiment))).toEqual(new Set(['exp/*/*/s.json']));
  });

  it('lets a label the file states win over a path factor of the same name', () => {
    const series = each(['exp/runtime-a/s.json', 'exp/runtime-b/s.json'], 'tps', { labels: { runtime: 'stated' } });
    assignPathFactors(series);
    expect(series.map((s) => s.factors)).toEqual([undefined, undefined]);
  });

  it('finds no factor in file names that repeat a label every series states, and keeps the siblings one experiment: BenchmarkDotNet reports named by their class', () => {
    const series = [
      ['app/BenchmarkDotNet.Artifacts/results/Acme.Text.ParserBench-report.csv', 'ParserBench'],
      ['app/BenchmarkDotNet.Artifacts/results/Acme.Text.LexerBench-report.csv', 'LexerBench'],
      ['lib/BenchmarkDotNet.Artifacts/results/HashBench-report.csv', 'HashBench'],
      ['lib/BenchmarkDotNet.Artifacts/results/CrcBench-report.csv', 'CrcBench'],
      ['tools/BenchmarkDotNet.Artifacts/results/Acme.Json.ReadBench-report.csv', 'ReadBench'],
      ['tools/BenchmarkDotNet.Artifacts/results/Acme.Xml.WriteBench-report.csv', 'WriteBench'],
    ].map(([file, type]) => measured(file as string, 'time', [1, 2], { labels: { method: 'Run', type: type as string } }));
    expect(assignPathFactors(series)).toEqual([]);
    expect(series.map((s) => s.factors)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(series.map((s) => s.experiment)).toEqual([
      'app/BenchmarkDotNet.Artifacts/results/*.csv',
      'app/BenchmarkDotNet.Artifacts/results/*.csv',
      'lib/BenchmarkDotNet.Artifacts/results/*.csv',
      'lib/BenchmarkDotNet.Artifacts/results/*.csv',
      'tools/BenchmarkDotNet.Artifacts/results/*.csv',
      'tools/BenchmarkDotNet.Artifacts/results/*.csv',
    ]);
  });

  it('keeps the factor when the file names differ where the labels do not: one class in two namespaces', () => {
    const series = ['Json', 'Xml'].map((ns) => measured(`results/Acme.${ns}.ParserBench-report.csv`, 'time', [1, 2], { labels: { method: 'Parse', type: 'ParserBench' } }));
    expect(assignPathFactors(series)).toEqual([{ name: 'Acme', levels: ['Json', 'Xml'], where: 'results/*.csv', source: 'path' }]);
  });

  it('reads a model folder named deepseek-r1 as a level beside llama3 and qwen3', () => {
    const series = each(['bench/deepseek-r1/summary.json', 'bench/llama3/summary.json', 'bench/qwen3/summary.json']);
    expect(assignPathFactors(series)).toEqual([{ name: 'bench', levels: ['deepseek-r1', 'llama3', 'qwen3'], where: 'bench/*/summary.json', source: 'path' }]);
  });

  it('keeps every model folder whose name ends in a size (8b, 7b) in one factor', () => {
    const series = each(['m/llama3-8b/s.json', 'm/qwen3-8b/s.json', 'm/mistral-7b/s.json', 'm/gemma3/s.json']);
    expect(assignPathFactors(series).map((f) => [f.name, f.levels])).toEqual([['m', ['llama3-8b', 'qwen3-8b', 'mistral-7b', 'gemma3']]]);
  });
});

describe('assignPathFactors: what is not a factor', () => {
  it('ignores a single folder', () => {
    const series = each(['exp/runtime-a/summary.json']);
    expect(assignPathFactors(series)).toEqual([]);
    expect(series[0]?.factors).toBeUndefined();
  });

  it('ignores siblings with the same name pattern but a different schema', () => {
    const series = [measured('exp/runtime-a/summary.json', 'tps', [1]), measured('exp/runtime-b/summary.json', 'ttft_ms', [1])];
    expect(assignPathFactors(series)).toEqual([]);
  });

  it('ignores siblings whose file names are the same but whose folders hold different metrics', () => {
    const series = [measured('a/summary.json', 'tps', [1]), measured('a/summary.json', 'ttft_ms', [1]), measured('b/summary.json', 'tps', [1])];
    expect(assignPathFactors(series)).toEqual([]);
  });

  it(`reads ${MAX_PATH_LEVELS} sibling folders as levels but ${MAX_PATH_LEVELS + 1} as different benchmarks`, () => {
    const folders = (k: number) => each(Array.from({ length: k }, (_, i) => `m/model${i}/s.json`));
    expect(assignPathFactors(folders(MAX_PATH_LEVELS)).map((f) => f.levels.length)).toEqual([24]);
    const many = folders(MAX_PATH_LEVELS + 1);
    expect(assignPathFactors(many)).toEqual([]);
    expect(many.every((s) => s.factors === undefined)).toBe(true);
  });

  it("groups a tool's console output saved as text in sibling folders: results/<cluster>/all_reduce_perf.txt is one run per cluster", () => {
    const paths = ['results/gcp-h100/all_reduce_perf.txt', 'results/oci-a100/all_reduce_perf.txt'];
    const factors = assignPathFactors(each(paths, 'busbw'), [], { toolOutputs: new Set(paths) });
    expect(factors.map((f) => [f.name, f.levels])).toEqual([['results', ['gcp-h100', 'oci-a100']]]);
  });

  it('matches a factors rule written relative to the analysed folder (results/*/ when analysing nccl/)', () => {
    const series = each(['nccl/results/gcp-h100/summary.json', 'nccl/results/oci-a100/summary.json']);
    const factors = assignPathFactors(series, [{ pattern: 'results/*/', value: 'cluster' }], { root: 'nccl' });
    expect(factors.map((f) => [f.name, f.levels])).toEqual([['cluster', ['gcp-h100', 'oci-a100']]]);
    expect(series.map((s) => s.factors)).toEqual([{ cluster: 'gcp-h100' }, { cluster: 'oci-a100' }]);
  });

  it('does not read sibling Markdown or text notes as variants', () => {
    expect(assignPathFactors(each(['notes/gpu-a.md', 'notes/gpu-b.md']))).toEqual([]);
    expect(assignPathFactors(each(['logs/gpu-a.txt', 'logs/gpu-b.txt']))).toEqual([]);
  });

  it('does not pair files of different types', () => {
    expect(assignPathFactors(each(['r/gpu-a.csv', 'r/gpu-b.json']))).toEqual([]);
  });

  it('splits siblings by their ending: the baselines form a factor, a lone quant_compare does not join it', () => {
    const series = each(['r/gemma3_1b_baseline.csv', 'r/gemma3_270m_baseline.csv', 'r/gemma3_4b_quant_compare.csv']);
    expect(assignPathFactors(series)).toEqual([{ name: 'gemma3', levels: ['1b', '270m'], where: 'r/*.csv', source: 'path' }]);
    expect(series[2]?.factors).toBeUndefined();
  });
});

describe('assignPathFactors: the factors input', () => {
  it('names the factor as the rule says and takes the whole folder name as the level', () => {
    const series = each(['results/eager/summary.json', 'results/compiled/summary.json']);
    const factors = assignPathFactors(series, [{ pattern: 'results/*/', value: 'runtime' }]);
    expect(factors).toEqual([{ name: 'runtime', levels: ['eager', 'compiled'], where: 'results/*/', source: 'input' }]);
    expect(series.map((s) => s.factors)).toEqual([{ runtime: 'eager' }, { runtime: 'compiled' }]);
  });

  it('replaces what detection found at the same place', () => {
    const series = each(['exp/runtime-a/s.json', 'exp/runtime-b/s.json']);
    expect(assignPathFactors(series, [{ pattern: 'exp/*/', value: 'engine' }]).map((f) => f.name)).toEqual(['engine']);
    expect(series[0]?.factors).toEqual({ engine: 'runtime-a' });
  });

  it('applies to a single folder that detection would ignore', () => {
    const series = each(['results/h100/summary.json']);
    expect(assignPathFactors(series, [{ pattern: 'results/*/', value: 'gpu' }]).map((f) => [f.name, f.levels])).toEqual([['gpu', ['h100']]]);
    expect(series[0]?.factors).toEqual({ gpu: 'h100' });
  });
});

describe('siblingLevels', () => {
  it('names a setting glued to its value by the setting: c2, c16 are concurrency at 2 and 16, bs8, BS32 batch_size', () => {
    expect(siblingLevels(['c2', 'c16'], 'agent')).toEqual({ name: 'concurrency', levels: ['2', '16'] });
    expect(siblingLevels(['bs8', 'BS32'], 'runs')).toEqual({ name: 'batch_size', levels: ['8', '32'] });
  });

  it('leaves glued names that are not one known setting to the shared-word rule: llama2, llama3 are models', () => {
    expect(siblingLevels(['llama2', 'llama3'], 'models')).toEqual({ name: 'models', levels: ['llama2', 'llama3'] });
    expect(siblingLevels(['c2', 'bs8'], 'runs')).toEqual({ name: 'runs', levels: ['c2', 'bs8'] });
  });

  it('splits names at separators into the shared name and the differing levels', () => {
    expect(siblingLevels(['gpu-a', 'gpu-b'], 'x')).toEqual({ name: 'gpu', levels: ['a', 'b'] });
  });

  it('reads a shared word only up to a separator: run1a and run1b share none', () => {
    expect(siblingLevels(['run1a', 'run1b'], 'exp')).toEqual({ name: 'exp', levels: ['run1a', 'run1b'] });
  });

  it('keeps the whole name of a sibling with nothing where the others differ', () => {
    expect(siblingLevels(['gemma3_1b_baseline', 'gemma3_baseline'], 'r')).toEqual({ name: 'gemma3', levels: ['1b', 'gemma3_baseline'] });
  });

  it('names the factor after the shared ending when there is no shared start and no parent', () => {
    expect(siblingLevels(['fast_mode', 'slow_mode'], undefined)).toEqual({ name: 'mode', levels: ['fast', 'slow'] });
  });

  it('does not name the factor after a shared start that is a value: 27B_IQ4_XS_d0 and 27B_Q3_K_M_d0 are variants, not levels of "27B"', () => {
    expect(siblingLevels(['27B_IQ4_XS_d0', '27B_Q3_K_M_d4096'], 'sweep')).toEqual({ name: 'sweep', levels: ['27B_IQ4_XS_d0', '27B_Q3_K_M_d4096'] });
  });

  it('does not take a folder named for the file format (json/, csv/) as the name', () => {
    expect(siblingLevels(['27B_IQ4_XS_d0', '27B_Q3_K_M_d4096'], 'json')).toEqual({ name: 'variant', levels: ['27B_IQ4_XS_d0', '27B_Q3_K_M_d4096'] });
    expect(siblingLevels(['a', 'b'], 'csv')).toEqual({ name: 'variant', levels: ['a', 'b'] });
  });

  it('does not take a placeholder folder as the name', () => {
    expect(siblingLevels(['a', 'b'], 'run_<n>')).toEqual({ name: 'variant', levels: ['a', 'b'] });
  });
});

describe('factorRuleRegExp', () => {
  it('captures the folder a trailing-slash pattern names, and matches everything below it', () => {
    expect(factorRuleRegExp('results/*/').exec('results/h100/run_1/summary.json')?.[1]).toBe('h100');
  });

  it('keeps * within one path segment', () => {
    expect(factorRuleRegExp('bench/*.json').test('bench/a/b.json')).toBe(false);
    expect(factorRuleRegExp('bench/*.json').exec('bench/llama.json')?.[1]).toBe('llama');
  });

  it('lets ** cross folders and captures the first single *', () => {
    expect(factorRuleRegExp('**/gpu-*/s.json').exec('a/b/gpu-h100/s.json')?.[1]).toBe('h100');
  });

  it('matches regular-expression characters in the pattern literally', () => {
    expect(factorRuleRegExp('a+b/*.json').test('a+b/x.json')).toBe(true);
    expect(factorRuleRegExp('a+b/*.json').test('aab/x.json')).toBe(false);
  });
});

describe('structureExperiments', () => {
  it('pools runs, then finds factors, and reports both with the series count before pooling', () => {
    const runs = ['runtime-a', 'runtime-b'].flatMap((d) => [1, 2].map((r) => measured(`exp/${d}/run_${r}/summary.json`, 'tps', [r])));
    const { series, structure } = structureExperiments(runs, []);
    expect(series.map((s) => [s.id, s.samples, s.factors])).toEqual([
      ['exp/runtime-a/run_<n>/summary.json::tps', [1, 2], { runtime: 'a' }],
      ['exp/runtime-b/run_<n>/summary.json::tps', [1, 2], { runtime: 'b' }],
    ]);
    expect(structure).toEqual({
      replicateGroups: [
        { pattern: 'exp/runtime-a/run_{1..2}/summary.json', runs: 2, series: 1 },
        { pattern: 'exp/runtime-b/run_{1..2}/summary.json', runs: 2, series: 1 },
      ],
      factors: [{ name: 'runtime', levels: ['a', 'b'], where: 'exp/*/run_<n>/summary.json', source: 'path' }],
      seriesBeforePooling: 4,
    });
  });
});

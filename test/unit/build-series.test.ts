import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { SampleAccumulator } from '../../src/metrics/accumulator.js';
import { buildCheckedSeries, buildSeries, compileMetricRules, isSelected, type MetricRules } from '../../src/metrics/build.js';
import { idHead } from '../../src/metrics/identity.js';
import { seriesProblem } from '../../src/metrics/sanity.js';
import type { Direction, RawSeries } from '../../src/model/series.js';

type RuleConfig = Pick<Config, 'directions' | 'units' | 'metrics'>;

function rules(partial: Partial<RuleConfig> = {}): MetricRules {
  return compileMetricRules({ directions: [], units: [], metrics: { include: [], exclude: [] }, ...partial });
}

function samples(values: readonly number[], cap?: number): SampleAccumulator {
  const acc = new SampleAccumulator(cap);
  for (const v of values) acc.add(v);
  return acc;
}

function raw(metric: string, values: readonly number[], extra: Partial<RawSeries> = {}): RawSeries {
  return { metric, labels: {}, samples: samples(values), ...extra };
}

const FILE = 'results/run.csv';

describe('isSelected', () => {
  it('selects everything without include or exclude globs', () => {
    const r = rules();
    expect(isSelected(r, FILE, 'tokens_s')).toBe(true);
    expect(isSelected(r, FILE, 'eval_count')).toBe(true);
  });

  it('keeps only metrics matching an include glob', () => {
    const r = rules({ metrics: { include: ['*tok*'], exclude: [] } });
    expect(isSelected(r, FILE, 'tokens_s')).toBe(true);
    expect(isSelected(r, FILE, 'output_tokens')).toBe(true);
    expect(isSelected(r, FILE, 'ttft_ms')).toBe(false);
  });

  it('keeps a metric matching any of several include globs', () => {
    const r = rules({ metrics: { include: ['*tok*', 'ttft*'], exclude: [] } });
    expect(isSelected(r, FILE, 'ttft_ms')).toBe(true);
    expect(isSelected(r, FILE, 'load_s')).toBe(false);
  });

  it('drops metrics matching an exclude glob', () => {
    const r = rules({ metrics: { include: [], exclude: ['*_count'] } });
    expect(isSelected(r, FILE, 'eval_count')).toBe(false);
    expect(isSelected(r, FILE, 'tokens_s')).toBe(true);
  });

  it('lets an exclude win over an include', () => {
    const r = rules({ metrics: { include: ['*'], exclude: ['eval_count'] } });
    expect(isSelected(r, FILE, 'eval_count')).toBe(false);
    expect(isSelected(r, FILE, 'eval_s')).toBe(true);
  });

  it('matches globs without regard to case', () => {
    const r = rules({ metrics: { include: ['TTFT*'], exclude: [] } });
    expect(isSelected(r, FILE, 'ttft_ms')).toBe(true);
    expect(isSelected(r, FILE, 'Ttft_S')).toBe(true);
  });

  it('matches the normalised metric name', () => {
    const r = rules({ metrics: { include: ['ttft_ms'], exclude: [] } });
    expect(isSelected(r, FILE, 'TTFT (ms)')).toBe(true);
    expect(isSelected(r, FILE, 'ttftMs')).toBe(true);
  });

  it('matches file::metric to select within one file', () => {
    const r = rules({ metrics: { include: [], exclude: ['results/old/*::*'] } });
    expect(isSelected(r, 'results/old/run.csv', 'tokens_s')).toBe(false);
    expect(isSelected(r, 'results/new/run.csv', 'tokens_s')).toBe(true);
  });

  it("lets '*' cross dots and slashes in metric paths", () => {
    const r = rules({ metrics: { include: ['backends.*.mean_time_ms'], exclude: [] } });
    expect(isSelected(r, FILE, 'backends.eager.benchmark.mean_time_ms')).toBe(true);
    expect(isSelected(r, FILE, 'backends.eager.benchmark.std_time_ms')).toBe(false);
  });

  it("matches '?' as exactly one character and treats regex characters literally", () => {
    const r = rules({ metrics: { include: ['p9?', 'TTFT (ms)'], exclude: [] } });
    expect(isSelected(r, FILE, 'p95')).toBe(true);
    expect(isSelected(r, FILE, 'p100')).toBe(false);
    expect(isSelected(r, FILE, 'TTFT (ms)')).toBe(true);
    expect(isSelected(r, FILE, 'TTFT ms')).toBe(false);
  });
});

describe('buildSeries: identity and statistics', () => {
  it('builds a sampled series with id, inferred unit and direction, stats and samples', () => {
    const series = buildSeries(raw('tokens_s', [40, 42, 41, 43]), 'runs/20251002-151204/x.csv', rules());
    expect(series).toMatchObject({
      id: 'runs/<ts>/x.csv::tokens_s',
      file: 'runs/20251002-151204/x.csv',
      metric: 'tokens_s',
      labels: {},
      unit: 'tok/s',
      direction: 'higher',
      directionSource: 'inferred',
      source: 'samples',
      outliers: [],
      samples: [40, 42, 41, 43],
    });
    expect(series?.stats.n).toBe(4);
    expect(series?.stats.mean).toBe(41.5);
    expect(series?.stats.approximate).toBe(false);
  });

  it('puts sorted labels into the id', () => {
    const series = buildSeries(raw('ttft_ms', [1, 2], { labels: { model: 'llama3', backend: 'cuda' } }), FILE, rules());
    expect(series?.id).toBe('results/run.csv::ttft_ms{backend=cuda,model=llama3}');
    expect(series?.labels).toEqual({ model: 'llama3', backend: 'cuda' });
  });

  it('flags outliers by position when every sample was kept', () => {
    const series = buildSeries(raw('ttft_ms', [5081.18, 488.01, 568.22, 487.56, 525.05, 503.53]), FILE, rules());
    expect(series?.outliers).toEqual([{ index: 0, value: 5081.18 }]);
  });

  it('reports no outlier positions past the sample cap', () => {
    const values = Array.from({ length: 50 }, (_, i) => (i === 0 ? 1e6 : 100 + (i % 3)));
    const series = buildSeries({ metric: 'ttft_ms', labels: {}, samples: samples(values, 10) }, FILE, rules());
    expect(series?.outliers).toEqual([]);
    expect(series?.stats.approximate).toBe(true);
    expect(series?.samples).toHaveLength(10);
  });

  it('copies the samples rather than sharing the accumulator array', () => {
    const acc = samples([1, 2, 3]);
    const series = buildSeries({ metric: 'x', labels: {}, samples: acc }, FILE, rules());
    acc.add(4);
    expect(series?.samples).toEqual([1, 2, 3]);
  });

  it('keeps the line of the first value when the parser gives one', () => {
    expect(buildSeries(raw('tokens_s', [1], { line: 7 }), FILE, rules())?.line).toBe(7);
    expect(buildSeries(raw('tokens_s', [1]), FILE, rules())).not.toHaveProperty('line');
  });

  it('builds a summary-only series with source summary and no samples', () => {
    const series = buildSeries({ metric: 'mean_time_ms', labels: {}, summary: { mean: 12.5, sd: 0.5, n: 20 } }, FILE, rules());
    expect(series).toMatchObject({
      source: 'summary',
      unit: 'ms',
      direction: 'lower',
      samples: [],
      outliers: [],
    });
    expect(series?.stats).toEqual({
      n: 20,
      mean: 12.5,
      sd: 0.5,
      cv: 4,
      min: null,
      p50: null,
      p95: null,
      p99: null,
      max: null,
      approximate: false,
    });
  });

  it('falls back to the summary when the accumulator is empty', () => {
    const series = buildSeries({ metric: 'x', labels: {}, samples: new SampleAccumulator(), summary: { mean: 3 } }, FILE, rules());
    expect(series?.source).toBe('summary');
    expect(series?.stats.mean).toBe(3);
    expect(series?.samples).toEqual([]);
  });

  it('prefers samples over a summary when both are present', () => {
    const series = buildSeries(raw('x', [1, 3], { summary: { mean: 100 } }), FILE, rules());
    expect(series?.source).toBe('samples');
    expect(series?.stats.mean).toBe(2);
  });

  it('builds nothing from a series without values', () => {
    expect(buildSeries({ metric: 'x', labels: {} }, FILE, rules())).toBeUndefined();
    expect(buildSeries({ metric: 'x', labels: {}, samples: new SampleAccumulator() }, FILE, rules())).toBeUndefined();
    expect(buildSeries({ metric: 'x', labels: {}, summary: { sd: 1 } }, FILE, rules())).toBeUndefined();
  });
});

describe('buildSeries: direction overrides', () => {
  const dir = (pattern: string, value: Direction) => ({ pattern, value });

  it('overrides the inferred direction and says so', () => {
    const series = buildSeries(raw('eval_count', [1, 2]), FILE, rules({ directions: [dir('eval_count', 'higher')] }));
    expect(series?.direction).toBe('higher');
    expect(series?.directionSource).toBe('override');
  });

  it('can turn a throughput into none', () => {
    const series = buildSeries(raw('tokens_s', [1, 2]), FILE, rules({ directions: [dir('tokens_s', 'none')] }));
    expect(series?.direction).toBe('none');
    expect(series?.directionSource).toBe('override');
  });

  it('lets the later of two matching rules win', () => {
    const r = rules({ directions: [dir('*', 'none'), dir('*ttft*', 'higher')] });
    expect(buildSeries(raw('ttft_ms', [1]), FILE, r)?.direction).toBe('higher');
    expect(buildSeries(raw('tokens_s', [1]), FILE, r)?.direction).toBe('none');
    const reversed = rules({ directions: [dir('*ttft*', 'higher'), dir('*', 'none')] });
    expect(buildSeries(raw('ttft_ms', [1]), FILE, reversed)?.direction).toBe('none');
  });

  it('matches overrides case-insensitively, on the normalised name and on file::metric', () => {
    expect(buildSeries(raw('TTFT (ms)', [1]), FILE, rules({ directions: [dir('ttft_ms', 'higher')] }))?.direction).toBe('higher');
    expect(buildSeries(raw('ttft_ms', [1]), FILE, rules({ directions: [dir('TTFT_MS', 'none')] }))?.direction).toBe('none');
    const scoped = rules({ directions: [dir('results/run.csv::ttft_ms', 'higher')] });
    expect(buildSeries(raw('ttft_ms', [1]), FILE, scoped)?.direction).toBe('higher');
    expect(buildSeries(raw('ttft_ms', [1]), 'results/other.csv', scoped)?.directionSource).toBe('inferred');
  });

  it('keeps the inferred direction when no rule matches', () => {
    const series = buildSeries(raw('ttft_ms', [1]), FILE, rules({ directions: [dir('tokens_s', 'lower')] }));
    expect(series?.direction).toBe('lower');
    expect(series?.directionSource).toBe('inferred');
  });
});

describe('buildSeries: units', () => {
  it('infers the unit from the name without hint or rule', () => {
    expect(buildSeries(raw('ttft_s', [1]), FILE, rules())?.unit).toBe('s');
  });

  it('lets a unit the file states beat inference from the name', () => {
    const series = buildSeries(raw('latency_s', [1], { unitHint: 'ms' }), FILE, rules());
    expect(series?.unit).toBe('ms');
  });

  it('folds a stated unit to its canonical spelling and infers the direction from it', () => {
    const series = buildSeries(raw('eval', [1], { unitHint: 'tokens/s' }), FILE, rules());
    expect(series?.unit).toBe('tok/s');
    expect(series?.direction).toBe('higher');
  });

  it('lets a unit rule beat both the stated and the inferred unit', () => {
    const series = buildSeries(raw('latency_s', [1], { unitHint: 'ms' }), FILE, rules({ units: [{ pattern: 'latency*', value: 'µs' }] }));
    expect(series?.unit).toBe('µs');
  });

  it('infers the direction from an overridden unit', () => {
    const series = buildSeries(raw('prompt_eval', [1]), FILE, rules({ units: [{ pattern: 'prompt_eval', value: 'ns' }] }));
    expect(series?.unit).toBe('ns');
    expect(series?.direction).toBe('lower');
    expect(series?.directionSource).toBe('inferred');
  });

  it('folds an overridden unit to its canonical spelling', () => {
    const series = buildSeries(raw('prompt_eval', [1]), FILE, rules({ units: [{ pattern: 'prompt_eval', value: 'milliseconds' }] }));
    expect(series?.unit).toBe('ms');
    expect(series?.direction).toBe('lower');
  });

  it('lets the later unit rule win', () => {
    const r = rules({ units: [{ pattern: '*', value: 's' }, { pattern: 'eval_*', value: 'ns' }] });
    expect(buildSeries(raw('eval_duration', [1]), FILE, r)?.unit).toBe('ns');
    expect(buildSeries(raw('load_duration', [1]), FILE, r)?.unit).toBe('s');
  });
});

describe('buildCheckedSeries', () => {
  const check = (r: RawSeries, ruleSet = rules()) => {
    const problems: { line?: number; reason: string }[] = [];
    const series = buildCheckedSeries(r, FILE, ruleSet, idHead(FILE), problems);
    return { series, problems };
  };

  it('gives the series buildSeries gives when its statistics are possible', () => {
    const r = raw('ttft_ms', [12, 15, 11]);
    const { series, problems } = check(r);
    expect(series).toEqual(buildSeries(r, FILE, rules()));
    expect(problems).toEqual([]);
  });

  it('leaves out a series seriesProblem rejects, with the same reason and the series line', () => {
    for (const [r, ruleSet] of [
      [raw('ttft_ms', [-5, 3], { line: 7 }), rules()],
      [raw('throughput', [-2, 4]), rules({ units: [{ pattern: 'throughput', value: 'tok/s' }] })],
      [raw('latency', [1e9, 2e9], { unitHint: 's', line: 3 }), rules()],
      [raw('speed', [-1, 2], { directionHint: 'higher', unitHint: 'req/s' }), rules()],
    ] as const) {
      const built = buildSeries(r, FILE, ruleSet) as NonNullable<ReturnType<typeof buildSeries>>;
      const why = seriesProblem(built);
      expect(why).toBeDefined();
      const { series, problems } = check(r, ruleSet);
      expect(series).toBeUndefined();
      expect(problems).toEqual([r.line === undefined ? { reason: why } : { line: r.line, reason: why }]);
    }
  });

  it('checks a metric whose name is redacted as seriesProblem does', () => {
    const r = raw('ghp_abcdefghijklmnopqrstuvwxyz0123_delta_ms', [-5, 3]);
    const built = buildSeries(r, FILE, rules()) as NonNullable<ReturnType<typeof buildSeries>>;
    const { series, problems } = check(r);
    const why = seriesProblem(built);
    expect(series === undefined ? problems[0]?.reason : undefined).toBe(why);
  });
});

import type { Finding, FindingLevel } from '../../src/model/finding.js';

/** A level of a ranking: `value` with its mean, sd and n. */
export function level(value: string, mean: number, sd: number | null = null, n: number | null = 1): FindingLevel {
  return { value, n, mean, sd, series: [`r.csv::tps{model=${value}}`] };
}

/** A finding as the findings stage hands it to the renderers; a ranking of tokens/s unless `extra` says otherwise. */
export function finding(extra: Partial<Finding> = {}): Finding {
  return {
    id: 'f1',
    kind: 'ranking',
    metric: 'tps',
    unit: 'tok/s',
    direction: 'higher',
    text: 'tps by model: a leads at 20 tok/s, 2.00× the lowest, b (10 tok/s); not tested against noise (one value per level).',
    series: ['r.csv::tps{model=a}', 'r.csv::tps{model=b}'],
    score: 5,
    scope: { path: 'r.csv', labels: {} },
    factor: 'model',
    levels: [level('a', 20), level('b', 10)],
    ratio: 2,
    test: { method: 'none', p: null, significant: null, reason: 'one value per level' },
    ...extra,
  };
}

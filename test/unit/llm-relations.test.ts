import { describe, expect, it } from 'vitest';
import { checkClaim, type RawClaim } from '../../src/llm/relations.js';
import { claimStatement, verdictStatement } from '../../src/llm/statements.js';
import type { ChangeFact, EffectFact, Fact, GateFact, RankingFact, StabilityFact, SweepFact } from '../../src/model/llm.js';

const base = { metric: 'tokens_s', unit: 'tok/s', direction: 'higher' as const, scope: 'runs/<ts>/throughput.csv', labels: {}, names: [] };

const GATE: GateFact = { id: 'F1', kind: 'gate', ...base, metric: '', unit: '', direction: 'none', scope: '', verdict: 'regression', compared: 8, regressed: 2, gatedRegressed: 1, improved: 1, inconclusive: 1, unchanged: 4 };

const EAGER: ChangeFact = {
  id: 'F2',
  kind: 'change',
  ...base,
  labels: { backend: 'eager', batch_size: '8' },
  series: 'runs/t.csv::tokens_s{backend=eager,batch_size=8}',
  verdict: 'regressed',
  change: -0.175,
  base: 397.86,
  head: 328.23,
  interval: [-0.185, -0.165],
  pValue: 0.0001,
  gated: true,
  threshold: 0.05,
  largest: true,
  compared: 8,
};

const LATENCY: ChangeFact = { ...EAGER, id: 'F3', metric: 'latency_ms', unit: 'ms', direction: 'lower', verdict: 'regressed', gated: false, change: 0.12, base: 19.9, head: 22.28, interval: [0.1, 0.14], largest: false };

const COMPILED: ChangeFact = { ...EAGER, id: 'F4', labels: { backend: 'compiled', batch_size: '1' }, verdict: 'improved', change: 0.12, base: 79.34, head: 88.86, interval: [0.1, 0.14], largest: false };

const UNSURE: ChangeFact = { ...EAGER, id: 'F5', labels: { backend: 'eager', batch_size: '1' }, verdict: 'inconclusive', gated: true, change: -0.05, base: 63.66, head: 60.47, interval: [-0.11, 0.01], largest: false };

const BACKEND: RankingFact = {
  id: 'F6',
  kind: 'ranking',
  ...base,
  factor: 'backend',
  over: ['batch_size'],
  levels: [
    { name: 'compiled', mean: 292.17, n: 10, sd: 20 },
    { name: 'eager', mean: 194.35, n: 10, sd: 18 },
  ],
  ratio: 1.503,
  significant: true,
  p: 0.0001,
};

const TTFT: RankingFact = {
  id: 'F7',
  kind: 'ranking',
  ...base,
  metric: 'ttft_ms',
  unit: 'ms',
  direction: 'lower',
  scope: 'international/models.csv',
  factor: 'model',
  over: [],
  levels: [
    { name: 'mistral-7b', mean: 381, n: 3, sd: 2.6 },
    { name: 'ГигаЧат-lite', mean: 900, n: 3, sd: 2.6 },
    { name: '通义千问-7b', mean: 2050, n: 3, sd: 3.5 },
  ],
  ratio: 5.38,
  significant: true,
  p: 0.0001,
};

const BATCH: RankingFact = { ...BACKEND, id: 'F8', factor: 'batch', over: [], levels: [{ name: 'batch=8', mean: 411.86, n: 10, sd: 50 }, { name: 'batch=1', mean: 74.66, n: 10, sd: 9 }], ratio: 5.52 };

const SWEEP: SweepFact = {
  id: 'F9',
  kind: 'sweep',
  ...base,
  scope: 'sweeps/s.csv',
  factors: ['num_gpu', 'num_ctx'],
  configurations: 6,
  best: { name: 'num_gpu=2, num_ctx=2048', mean: 55.26, n: 1, sd: null, labels: { num_gpu: '2', num_ctx: '2048' } },
  worst: { name: 'num_gpu=1, num_ctx=8192', mean: 33.31, n: 1, sd: null, labels: { num_gpu: '1', num_ctx: '8192' } },
  ratio: 1.66,
  withinNoise: false,
  beyondNoise: ['num_ctx', 'num_gpu'],
  largestSpread: 0.29,
};

const CTX: EffectFact = {
  id: 'F10',
  kind: 'effect',
  ...base,
  scope: 'sweeps/s.csv',
  factor: 'num_ctx',
  sweep: 'F9',
  levels: [
    { name: 'num_ctx=2048', mean: 48.26, n: 6, sd: 5 },
    { name: 'num_ctx=4096', mean: 43.5, n: 6, sd: 5 },
    { name: 'num_ctx=8192', mean: 39.16, n: 6, sd: 5 },
  ],
  numeric: true,
  change: -0.1886,
  significant: true,
  p: 0.0001,
};

const NOISY: StabilityFact = {
  id: 'F11',
  kind: 'stability',
  ...base,
  scope: 'ollama/per_prompt_runs.csv',
  items: [
    { name: 'load_s (model=gemma3:4b)', kind: 'scatter', cv: 252.3, note: 'CV 252.3% over 8 samples' },
    { name: 'ttft_s (model=gemma3:1b)', kind: 'warm-up', cv: null, note: 'first sample 2.10 is 7.2× the median (0.29): warm-up?' },
  ],
  excludedRows: 0,
};

const FACTS = new Map<string, Fact>([GATE, EAGER, LATENCY, COMPILED, UNSURE, BACKEND, TTFT, BATCH, SWEEP, CTX, NOISY].map((f) => [f.id, f]));

function check(claim: RawClaim) {
  return checkClaim(claim, FACTS);
}

function holds(claim: RawClaim): string {
  const result = check(claim);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(claim)} to hold: ${result.detail}`);
  return `${claimStatement(result.resolved, { comparison: undefined })}`;
}

describe('a claim about a change', () => {
  it('holds when its sign and verdict match the data, and is stated from the facts', () => {
    expect(holds({ facts: ['F2'], relation: 'fell' })).toBe('tokens_s (backend=eager, batch_size=8) fell 17.5% from 397.86 tok/s to 328.23 tok/s (interval −18.5% … −16.5%): a regression past its 5% threshold that fails the gate');
    expect(check({ facts: ['F2'], relation: 'regressed' }).ok).toBe(true);
    expect(check({ facts: ['F2'], relation: 'fails-gate' }).ok).toBe(true);
    expect(check({ facts: ['F2'], relation: 'exceeds-threshold' }).ok).toBe(true);
    expect(check({ facts: ['F5'], relation: 'inconclusive' }).ok).toBe(true);
  });

  it.each([
    ['rose', 'F2 fell'],
    ['improved', "F2's verdict is regressed"],
    ['unchanged', "F2's verdict is regressed"],
  ])('drops "%s" on a series that fell and regressed', (relation, detail) => {
    expect(check({ facts: ['F2'], relation })).toEqual({ ok: false, reason: 'relation-false', detail });
  });

  it('drops fails-gate on a regression that does not gate', () => {
    expect(check({ facts: ['F3'], relation: 'fails-gate' })).toEqual({ ok: false, reason: 'relation-false', detail: 'F3 does not gate, so it cannot fail the gate' });
  });

  it('drops exceeds-threshold on a move inside its threshold', () => {
    expect(check({ facts: ['F5'], relation: 'exceeds-threshold' })).toEqual({ ok: false, reason: 'relation-false', detail: 'F5 moved less than its threshold' });
  });

  it('says the largest change is the largest of the compared series, and only of the one that is', () => {
    expect(holds({ facts: ['F2'], relation: 'largest-change' })).toMatch(/; the largest move of the 8 compared series$/);
    expect(check({ facts: ['F4'], relation: 'largest-change' })).toMatchObject({ ok: false, reason: 'relation-false' });
  });

  it('judges the noise by whether the interval holds zero', () => {
    expect(check({ facts: ['F2'], relation: 'beyond-noise' }).ok).toBe(true);
    expect(check({ facts: ['F5'], relation: 'within-noise' }).ok).toBe(true);
    expect(check({ facts: ['F5'], relation: 'beyond-noise' })).toEqual({ ok: false, reason: 'relation-false', detail: "F5's interval holds zero" });
  });

  it('drops a change attributed to another series than the fact holds', () => {
    expect(check({ facts: ['F4'], relation: 'improved', subject: 'eager' })).toEqual({ ok: false, reason: 'unknown-entity', detail: 'F4 is about another series than the one named' });
    expect(check({ facts: ['F4'], relation: 'improved', subject: 'compiled, batch_size=1' }).ok).toBe(true);
    expect(check({ facts: ['F4'], relation: 'improved', subject: 'tokens_s (backend=compiled)' }).ok).toBe(true);
  });

  it('compares two changes by their current values, in the same unit only', () => {
    expect(holds({ facts: ['F2', 'F4'], relation: 'higher' })).toBe('tokens_s (backend=eager, batch_size=8) is higher than tokens_s (backend=compiled, batch_size=1) on this run: 328.23 tok/s against 88.86 tok/s (3.69×)');
    expect(check({ facts: ['F4', 'F2'], relation: 'higher' })).toMatchObject({ ok: false, reason: 'relation-false' });
    expect(check({ facts: ['F2', 'F3'], relation: 'lower' })).toEqual({ ok: false, reason: 'relation-not-for-fact', detail: 'F2 and F3 measure different things' });
  });

  it('states each fact when one relation is claimed of two', () => {
    expect(holds({ facts: ['F2', 'F3'], relation: 'regressed' })).toContain('; latency_ms (backend=eager, batch_size=8) rose 12.0% from 19.90 ms to 22.28 ms');
    expect(check({ facts: ['F2', 'F4'], relation: 'regressed' })).toMatchObject({ ok: false, reason: 'relation-false' });
  });
});

describe('a claim about a ranking', () => {
  it('names the best level and states it from the facts', () => {
    expect(holds({ facts: ['F6'], relation: 'best', subject: 'compiled' })).toBe('compiled leads tokens_s by backend over all batch_size settings at 292.17 tok/s (n=10), 1.50× eager (194.35 tok/s); beyond the noise (p<0.001)');
  });

  it('states a best level when the model names none', () => {
    expect(check({ facts: ['F6'], relation: 'best' })).toMatchObject({ ok: true, resolved: { subject: { name: 'compiled' } } });
  });

  it('drops the wrong level as best, and a level the fact does not hold', () => {
    expect(check({ facts: ['F6'], relation: 'best', subject: 'eager' })).toEqual({ ok: false, reason: 'relation-false', detail: 'F6: the best level is compiled, not the one named' });
    expect(check({ facts: ['F6'], relation: 'best', subject: 'vllm' })).toEqual({ ok: false, reason: 'unknown-entity', detail: 'F6 has no level of that name' });
  });

  it('reads best and worst by the metric’s direction: the lowest TTFT is best', () => {
    expect(holds({ facts: ['F7'], relation: 'worst', subject: '通义千问-7b' })).toBe('通义千问-7b is worst on ttft_ms by model, highest at 2050 ms (n=3); mistral-7b is lowest at 381 ms (5.38×); beyond the noise (p<0.001)');
    expect(check({ facts: ['F7'], relation: 'best', subject: 'ГигаЧат-lite' })).toMatchObject({ ok: false, reason: 'relation-false' });
  });

  it('compares two levels by value (higher, lower) and by direction (better, worse)', () => {
    expect(holds({ facts: ['F7'], relation: 'higher', subject: '通义千问-7b', object: 'mistral-7b' })).toBe('通义千问-7b is higher than mistral-7b on ttft_ms by model: 2050 ms against 381 ms (5.38×)');
    expect(holds({ facts: ['F7'], relation: 'better', subject: 'mistral-7b', object: '通义千问-7b' })).toBe('mistral-7b is better than 通义千问-7b on ttft_ms by model (lower is better): 381 ms against 2050 ms (5.38×)');
    expect(check({ facts: ['F7'], relation: 'better', subject: '通义千问-7b', object: 'mistral-7b' })).toMatchObject({ ok: false, reason: 'relation-false' });
    expect(check({ facts: ['F7'], relation: 'higher', subject: 'mistral-7b' })).toMatchObject({ ok: false, reason: 'unknown-entity' });
  });

  it('accepts a numeric level by its value, with or without its factor', () => {
    for (const subject of ['batch=8', '8', 'batch 8', 'Batch = 8']) expect(check({ facts: ['F8'], relation: 'best', subject }).ok).toBe(true);
    expect(check({ facts: ['F8'], relation: 'best', subject: '1' })).toMatchObject({ ok: false, reason: 'relation-false' });
  });

  it('drops a relation that does not apply to a ranking', () => {
    expect(check({ facts: ['F6'], relation: 'rose' })).toEqual({ ok: false, reason: 'relation-not-for-fact', detail: 'rose does not apply to F6 (ranking)' });
  });
});

describe('a claim about a sweep and its effects', () => {
  it('names the best configuration in any order of its settings', () => {
    expect(holds({ facts: ['F9'], relation: 'best', subject: 'num_ctx=2048, num_gpu=2' })).toBe('tokens_s sweep over num_gpu × num_ctx (6 configurations): best num_gpu=2, num_ctx=2048 at 55.26 tok/s, worst num_gpu=1, num_ctx=8192 at 33.31 tok/s (1.66×)');
    expect(check({ facts: ['F9'], relation: 'best', subject: 'num_gpu=1, num_ctx=8192' })).toEqual({ ok: false, reason: 'relation-false', detail: 'F9: the one named is the worst configuration' });
  });

  it('reads rose and fell from the first level to the last', () => {
    expect(holds({ facts: ['F10'], relation: 'fell' })).toBe('In the tokens_s sweep, num_ctx=2048 → num_ctx=8192 moves it from 48.26 tok/s to 39.16 tok/s (−18.9%, averaged over the other settings), beyond the noise (p<0.001)');
    expect(check({ facts: ['F10'], relation: 'rose' })).toEqual({ ok: false, reason: 'relation-false', detail: 'F10: from the first level to the last it fell' });
  });

  it('says the levels are geometric means when the sweep quotes them so', () => {
    const result = checkClaim({ facts: ['F10'], relation: 'fell' }, new Map<string, Fact>([...FACTS, ['F10', { ...CTX, geometric: true }]]));
    if (!result.ok) throw new Error(result.detail);
    expect(claimStatement(result.resolved, { comparison: undefined })).toBe(
      'In the tokens_s sweep, num_ctx=2048 → num_ctx=8192 moves it from 48.26 tok/s to 39.16 tok/s (−18.9%, geometric means over the other settings), beyond the noise (p<0.001)',
    );
  });

  it('drops within-noise on a sweep where a factor moves the metric', () => {
    expect(check({ facts: ['F9'], relation: 'within-noise' })).toEqual({ ok: false, reason: 'relation-false', detail: 'F9: a factor moves it beyond the noise' });
  });
});

describe('a claim about stability and the gate', () => {
  it('names a noisy series only if the fact notes it as noisy', () => {
    expect(holds({ facts: ['F11'], relation: 'noisy' })).toBe('ollama/per_prompt_runs.csv: 1 series scatters widely, load_s (model=gemma3:4b) (CV 252.3% over 8 samples)');
    expect(check({ facts: ['F11'], relation: 'noisy', subject: 'ttft_s (model=gemma3:1b)' })).toMatchObject({ ok: false, reason: 'unknown-entity' });
    expect(check({ facts: ['F11'], relation: 'warm-up', subject: 'ttft_s' }).ok).toBe(true);
  });

  it('holds passes or fails only as the gate decided', () => {
    expect(check({ facts: ['F1'], relation: 'fails' }).ok).toBe(true);
    expect(check({ facts: ['F1'], relation: 'passes' })).toEqual({ ok: false, reason: 'relation-false', detail: "the gate's verdict is regression" });
  });
});

describe('claims the checks cannot use', () => {
  it('drops unknown facts, relations outside the set and more than two facts', () => {
    expect(check({ facts: ['F99'], relation: 'best' })).toEqual({ ok: false, reason: 'unknown-fact', detail: 'best cites a fact that does not exist' });
    expect(check({ facts: [], relation: 'best' })).toEqual({ ok: false, reason: 'unknown-fact', detail: 'best cites no fact' });
    expect(check({ facts: ['F2'], relation: 'halved' })).toEqual({ ok: false, reason: 'relation-not-for-fact', detail: 'a relation outside the closed set' });
    expect(check({ facts: ['F2', 'F3', 'F4'], relation: 'rose' })).toEqual({ ok: false, reason: 'over-limit', detail: 'rose cites more than two facts' });
  });
});

describe('a metric measured in percent', () => {
  const UTIL: ChangeFact = { ...EAGER, id: 'F2', metric: 'gpu_util', unit: '%', labels: {}, change: 0.05, base: 80, head: 84, interval: [0.03, 0.07], verdict: 'improved', gated: false };

  it('moves by points, with the relative change named as such, so 5% is never read as 5 points', () => {
    const result = checkClaim({ facts: ['F2'], relation: 'rose' }, new Map([['F2', UTIL]]));
    if (!result.ok) throw new Error(result.detail);
    expect(claimStatement(result.resolved, { comparison: undefined })).toBe('gpu_util rose 4 pp (5.0% relative) from 80 % to 84 % (relative interval +3.0% … +7.0%): an improvement past its 5% threshold');
  });

  it('names the worst gated regression by its points in the verdict sentence', () => {
    const comparison = {
      verdict: 'regression' as const,
      attempts: [],
      settings: {},
      series: [
        { id: 'a', file: 'f', metric: 'accuracy', labels: {}, unit: '%', direction: 'higher' as const, gated: true, base: { value: 80, n: 5, sd: 1 }, head: { value: 72, n: 5, sd: 1 }, change: -0.1, interval: null, pValue: null, method: 'welch' as const, threshold: 0.05, verdict: 'regressed' as const },
      ],
    };
    expect(verdictStatement({ comparison }, { ...GATE, gatedRegressed: 1 })).toBe('The gate fails: 1 gated metric regressed past its threshold: accuracy −8 pp (10.0% relative).');
  });
});

describe('a repository name that reads as a sentence of the report', () => {
  it('is quoted where code writes it, so a level "no regressions" reads as the name it is', () => {
    const odd: RankingFact = { ...BACKEND, levels: [{ name: 'no regressions', mean: 292.17, n: 10, sd: 20 }, { name: 'eager', mean: 194.35, n: 10, sd: 18 }] };
    const result = checkClaim({ facts: ['F6'], relation: 'best' }, new Map([['F6', odd]]));
    if (!result.ok) throw new Error(result.detail);
    expect(claimStatement(result.resolved, { comparison: undefined })).toBe('“no regressions” leads tokens_s by backend over all batch_size settings at 292.17 tok/s (n=10), 1.50× eager (194.35 tok/s); beyond the noise (p<0.001)');
  });
});

describe('the verdict sentence', () => {
  it('says the gate fails and names the worst gated regression', () => {
    const comparison = {
      verdict: 'regression' as const,
      attempts: [],
      settings: {},
      series: [
        { id: 'a', file: 'f', metric: 'tokens_s', labels: { backend: 'eager' }, unit: 'tok/s', direction: 'higher' as const, gated: true, base: null, head: null, change: -0.175, interval: null, pValue: null, method: 'welch' as const, threshold: 0.05, verdict: 'regressed' as const },
      ],
    };
    expect(verdictStatement({ comparison }, { ...GATE, gatedRegressed: 1 })).toBe('The gate fails: 1 gated metric regressed past its threshold: tokens_s (backend=eager) −17.5%.');
  });

  it('says the gate passes, and how many metrics that do not gate regressed', () => {
    expect(verdictStatement({}, { ...GATE, verdict: 'pass', gatedRegressed: 0, regressed: 1 })).toBe('The gate passes: 8 series compared, no gated metric regressed past its threshold (1 metric that does not gate regressed).');
  });

  it('says a pass could not have failed when the default gate selects none of the compared metrics (times only)', () => {
    const comparison = {
      verdict: 'pass' as const,
      attempts: [],
      settings: { gate: 'throughput' },
      series: [
        { id: 'a', file: 'f', metric: 'time', labels: { command: 'make' }, unit: 's', direction: 'lower' as const, gated: false, base: null, head: null, change: 0.2, interval: null, pValue: null, method: 'welch' as const, threshold: 0.05, verdict: 'regressed' as const },
      ],
    };
    expect(verdictStatement({ comparison }, { ...GATE, verdict: 'pass', gatedRegressed: 0, regressed: 1 })).toBe(
      'The gate passes, but nothing could fail it: 8 series compared and none of them is a throughput, the default gate (1 metric regressed without gating).',
    );
  });

  it('says nothing can fail when nothing was compared', () => {
    expect(verdictStatement({}, { ...GATE, verdict: 'none' })).toBe('No baseline was asked for, so nothing is compared and nothing can fail.');
    expect(verdictStatement({}, { ...GATE, verdict: 'no-baseline' })).toBe('There is no baseline to compare with, so nothing is gated and nothing can fail.');
  });
});

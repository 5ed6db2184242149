import { describe, expect, it } from 'vitest';
import { metricWeight, scoreFinding } from '../../src/findings/score.js';
import { labelsPlain, levelName, levelValueText, naturalOrder, noisePhrase, pText, ratioText, signedPercent, valueText } from '../../src/findings/text.js';

describe('finding sentences: numbers', () => {
  it('writes a value with its unit, and without one when there is none', () => {
    expect(valueText(495.4833, 'tok/s')).toBe('495.48 tok/s');
    expect(valueText(0.8234, '')).toBe('0.823');
  });

  it('writes a level as mean ± sd with n, leaving out what a single value lacks', () => {
    expect(levelValueText({ mean: 495.48, sd: 4.5, n: 5 }, 'tok/s')).toBe('495.48 ± 4.50 tok/s (n=5)');
    expect(levelValueText({ mean: 71.5, sd: null, n: 1 }, 'tok/s')).toBe('71.50 tok/s');
    expect(levelValueText({ mean: 12, sd: 1, n: null }, 'ms')).toBe('12 ms');
  });

  it('writes ratios to two decimals with a times sign', () => {
    expect(ratioText(2.4149)).toBe('2.41×');
    expect(ratioText(1)).toBe('1.00×');
  });

  it('writes p-values with two significant digits and tiny ones as p<0.001', () => {
    expect(pText(0.0423)).toBe('p=0.042');
    expect(pText(0.0004)).toBe('p<0.001');
    expect(pText(1)).toBe('p=1');
  });

  it('writes a relative change signed, with a true minus sign', () => {
    expect(signedPercent(-0.194)).toBe('−19.4%');
    expect(signedPercent(0.03)).toBe('+3.0%');
    expect(signedPercent(0)).toBe('+0.0%');
  });

  it('joins labels as name=value pairs', () => {
    expect(labelsPlain({ num_gpu: '2', num_ctx: '2048' })).toBe('num_gpu=2, num_ctx=2048');
  });
});

describe('finding sentences: names and order', () => {
  it('names a bare number or size with its factor, and a word by itself', () => {
    expect(levelName('batch_size', '8')).toBe('batch_size=8');
    expect(levelName('temperature', '0.7')).toBe('temperature=0.7');
    expect(levelName('llama', '70b')).toBe('llama=70b');
    expect(levelName('runtime', 'compiled')).toBe('compiled');
  });

  it('orders numeric levels numerically and keeps others in the order found', () => {
    expect(naturalOrder([{ value: '16' }, { value: '2' }, { value: '8' }]).map((l) => l.value)).toEqual(['2', '8', '16']);
    expect(naturalOrder([{ value: 'q8' }, { value: 'f16' }, { value: 'q4' }]).map((l) => l.value)).toEqual(['q8', 'f16', 'q4']);
    expect(naturalOrder([{ value: '2' }, { value: 'auto' }]).map((l) => l.value)).toEqual(['2', 'auto']);
  });

  it('says whether a test found the difference beyond or within the noise, or why none ran', () => {
    expect(noisePhrase({ method: 'welch', p: 0.0004, significant: true }, 'the difference is')).toBe('the difference is beyond the noise (p<0.001)');
    expect(noisePhrase({ method: 'anova', p: 0.31, significant: false }, 'the differences are')).toBe('the differences are within the noise (p=0.31)');
    expect(noisePhrase({ method: 'none', p: null, significant: null, reason: 'one value per level' }, 'x')).toBe('not tested against noise (one value per level)');
  });
});

describe('finding rank', () => {
  it('weighs throughput first, then latency, then memory, then the rest', () => {
    expect(metricWeight('tokens_s', 'tok/s', 'higher')).toBe(1);
    expect(metricWeight('ttft_ms', 'ms', 'lower')).toBe(0.85);
    expect(metricWeight('peak_vram', 'MB', 'lower')).toBe(0.7);
    expect(metricWeight('accuracy', '', 'higher')).toBe(0.5);
    expect(metricWeight('prompt_tokens', '', 'none')).toBe(0.2);
  });

  it('puts a gated regression above an ungated one, and both above an improvement and any ranking', () => {
    const change = (verdict: 'regressed' | 'improved', gated: boolean) =>
      scoreFinding({ kind: 'change', metric: 'tps', unit: 'tok/s', direction: 'higher', text: '', series: [], scope: { path: 'r.csv', labels: {} }, change: { verdict, change: -0.1, interval: null, pValue: null, base: null, head: null, gated, threshold: 0.05, labels: {}, file: 'r.csv' } });
    const ranking = scoreFinding({ kind: 'ranking', metric: 'tps', unit: 'tok/s', direction: 'higher', text: '', series: [], scope: { path: 'r.csv', labels: {} }, ratio: 10, levels: [], test: { method: 'welch', p: 0, significant: true } });
    expect(change('regressed', true)).toBeGreaterThan(change('regressed', false));
    expect(change('regressed', false)).toBeGreaterThan(change('improved', false));
    expect(change('improved', false)).toBeGreaterThan(ranking);
  });
});

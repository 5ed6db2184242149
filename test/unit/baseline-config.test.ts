import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeGateConfig, parseThreshold, readGateConfig } from '../../src/baseline/config.js';
import type { GateConfig } from '../../src/baseline/types.js';
import { buildConfig, ConfigError, describeConfig } from '../../src/config.js';

function gateFrom(inputs: Record<string, string>): GateConfig {
  return readGateConfig((name) => inputs[name] ?? '');
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('gate inputs: defaults', () => {
  it('compares means against an automatic baseline at 5%, 3 samples, 95% confidence, 80% power, gating throughput, with 20 runs of history', () => {
    expect(gateFrom({})).toEqual({
      baseline: { kind: 'auto' },
      statistic: 'mean',
      threshold: 0.05,
      thresholds: [],
      minSamples: 3,
      confidence: 0.95,
      power: 0.8,
      gate: { mode: 'throughput' },
      failOnRegression: true,
      historySize: 20,
      calibrate: false,
    });
  });

  it('is part of the one Config built from the inputs, and of the configuration table', () => {
    const config = buildConfig((name) => ({ threshold: '3%', gate: 'all' })[name] ?? '', { workspace: path.resolve('/srv/w'), defaultOutputDir: undefined });
    expect(config.gate.threshold).toBe(0.03);
    expect(describeConfig(config)).toMatchObject({ baseline: 'auto', threshold: '3%', gate: 'all', confidence: '0.95', 'fail-on-regression': 'true' });
  });
});

describe('baseline', () => {
  it('accepts each source by name, in any case', () => {
    for (const kind of ['auto', 'cache', 'git', 'history', 'none'] as const) expect(gateFrom({ baseline: kind.toUpperCase() }).baseline).toEqual({ kind });
  });

  it('takes an explicit file after file:', () => {
    expect(gateFrom({ baseline: 'file: baseline/snapshot.json' }).baseline).toEqual({ kind: 'file', path: 'baseline/snapshot.json' });
  });

  it('names the input for an unknown source or a file: without a path', () => {
    expect(errorOf(() => gateFrom({ baseline: 'main' }))).toBe(`Input 'baseline': "main" must be auto, cache, git, git:<ref>, history, none or file:<path>`);
    expect(errorOf(() => gateFrom({ baseline: 'file:' }))).toBe(`Input 'baseline': "file:" needs a path, e.g. file:baseline/snapshot.json`);
  });

  it('takes a branch, tag or revision after git:, as written', () => {
    expect(gateFrom({ baseline: 'git:main' }).baseline).toEqual({ kind: 'git', ref: 'main' });
    expect(gateFrom({ baseline: 'GIT: origin/Release-2.1' }).baseline).toEqual({ kind: 'git', ref: 'origin/Release-2.1' });
    expect(gateFrom({ baseline: 'git:HEAD~3' }).baseline).toEqual({ kind: 'git', ref: 'HEAD~3' });
    expect(describeGateConfig(gateFrom({ baseline: 'git:main' })).baseline).toBe('git:main');
  });

  it('refuses a git: ref that git would read as an option or a path, or that is empty', () => {
    expect(errorOf(() => gateFrom({ baseline: 'git:' }))).toBe(`Input 'baseline': "git:" needs a branch, tag or commit, e.g. git:main`);
    expect(errorOf(() => gateFrom({ baseline: 'git:--output=/tmp/x' }))).toBe(`Input 'baseline': "git:--output=/tmp/x" is not a branch, tag or commit (no spaces, ':' or leading '-')`);
    expect(errorOf(() => gateFrom({ baseline: 'git:main:secrets.txt' }))).toBe(`Input 'baseline': "git:main:secrets.txt" is not a branch, tag or commit (no spaces, ':' or leading '-')`);
    expect(errorOf(() => gateFrom({ baseline: 'git:a b' }))).toBe(`Input 'baseline': "git:a b" is not a branch, tag or commit (no spaces, ':' or leading '-')`);
  });
});

describe('threshold: percentages, the % sign optional', () => {
  it('reads 5% and 5 alike, and fractions of a percent with the sign', () => {
    expect(parseThreshold('5%', 'threshold')).toBe(0.05);
    expect(parseThreshold(' 5 ', 'threshold')).toBe(0.05);
    expect(parseThreshold('2.5%', 'threshold')).toBe(0.025);
    expect(parseThreshold('0.5%', 'threshold')).toBe(0.005);
    expect(parseThreshold('0', 'threshold')).toBe(0);
  });

  it('refuses a bare number below 1, which could mean a fraction or a percent', () => {
    expect(errorOf(() => gateFrom({ threshold: '0.05' }))).toBe(`Input 'threshold': "0.05" is ambiguous: thresholds are percentages, write 5% or 0.05%`);
  });

  it('refuses text and negative values, naming the input', () => {
    expect(errorOf(() => gateFrom({ threshold: 'five' }))).toBe(`Input 'threshold': "five" is not a percentage (examples: 5%, 2.5%, 20)`);
    expect(errorOf(() => gateFrom({ threshold: '-5%' }))).toBe(`Input 'threshold': "-5%" is not a percentage (examples: 5%, 2.5%, 20)`);
  });
});

describe('thresholds: per-metric overrides', () => {
  it('reads pattern: percentage entries in order, on lines or separated by commas', () => {
    expect(gateFrom({ thresholds: 'tokens_s: 3%, *ttft*: 20%\nfile.csv::p99_ms: 50' }).thresholds).toEqual([
      { pattern: 'tokens_s', value: 0.03 },
      { pattern: '*ttft*', value: 0.2 },
      { pattern: 'file.csv::p99_ms', value: 0.5 },
    ]);
  });

  it('names the thresholds input for a malformed entry or value', () => {
    expect(errorOf(() => gateFrom({ thresholds: 'tokens_s' }))).toBe(`Input 'thresholds': "tokens_s" must look like "pattern: 5%"`);
    expect(errorOf(() => gateFrom({ thresholds: 'tokens_s: lots' }))).toBe(`Input 'thresholds': "lots" is not a percentage (examples: 5%, 2.5%, 20)`);
  });
});

describe('statistic, min-samples, confidence, fail-on-regression', () => {
  it('reads each valid value', () => {
    const gate = gateFrom({ statistic: 'Median', 'min-samples': '5', confidence: '99%', 'fail-on-regression': 'FALSE' });
    expect(gate).toMatchObject({ statistic: 'median', minSamples: 5, confidence: 0.99, failOnRegression: false });
    expect(gateFrom({ confidence: '0.9' }).confidence).toBe(0.9);
  });

  it('names the input for each invalid value', () => {
    expect(errorOf(() => gateFrom({ statistic: 'mode' }))).toBe(`Input 'statistic': "mode" must be mean or median`);
    expect(errorOf(() => gateFrom({ 'min-samples': '1' }))).toBe(`Input 'min-samples': "1" must be a whole number of at least 2`);
    expect(errorOf(() => gateFrom({ 'min-samples': '2.5' }))).toBe(`Input 'min-samples': "2.5" must be a whole number of at least 2`);
    expect(errorOf(() => gateFrom({ confidence: '1' }))).toBe(`Input 'confidence': "1" must be between 0.5 and 0.999 (e.g. 0.95 or 95%)`);
    expect(errorOf(() => gateFrom({ confidence: '0.3' }))).toBe(`Input 'confidence': "0.3" must be between 0.5 and 0.999 (e.g. 0.95 or 95%)`);
    expect(errorOf(() => gateFrom({ 'fail-on-regression': 'yes' }))).toBe(`Input 'fail-on-regression': "yes" must be true or false`);
  });
});

describe('power, history-size, calibrate', () => {
  it('reads each valid value, power as a fraction or a percentage', () => {
    expect(gateFrom({ power: '90%', 'history-size': '0', calibrate: 'true' })).toMatchObject({ power: 0.9, historySize: 0, calibrate: true });
    expect(gateFrom({ power: '0.95', 'history-size': '100' })).toMatchObject({ power: 0.95, historySize: 100 });
  });

  it('names the input for each invalid value', () => {
    expect(errorOf(() => gateFrom({ power: '0.3' }))).toBe(`Input 'power': "0.3" must be between 0.5 and 0.99 (e.g. 0.8 or 80%)`);
    expect(errorOf(() => gateFrom({ power: '100%' }))).toBe(`Input 'power': "100%" must be between 0.5 and 0.99 (e.g. 0.8 or 80%)`);
    expect(errorOf(() => gateFrom({ 'history-size': '101' }))).toBe(`Input 'history-size': "101" must be a whole number from 0 (no history) to 100`);
    expect(errorOf(() => gateFrom({ 'history-size': '-1' }))).toBe(`Input 'history-size': "-1" must be a whole number from 0 (no history) to 100`);
    expect(errorOf(() => gateFrom({ calibrate: 'maybe' }))).toBe(`Input 'calibrate': "maybe" must be true or false`);
  });
});

describe('gate selection', () => {
  it('reads throughput, all, none, or a list of metric globs', () => {
    expect(gateFrom({ gate: 'Throughput' }).gate).toEqual({ mode: 'throughput' });
    expect(gateFrom({ gate: 'all' }).gate).toEqual({ mode: 'all' });
    expect(gateFrom({ gate: 'None' }).gate).toEqual({ mode: 'none' });
    expect(gateFrom({ gate: 'tokens_s, *ttft*' }).gate).toEqual({ mode: 'globs', patterns: ['tokens_s', '*ttft*'] });
  });

  it('refuses a keyword mixed into a glob list', () => {
    expect(errorOf(() => gateFrom({ gate: 'throughput, *ttft*' }))).toBe(`Input 'gate': "throughput" cannot be combined with metric globs; use it alone`);
    expect(errorOf(() => gateFrom({ gate: 'none, tokens_s' }))).toBe(`Input 'gate': "none" cannot be combined with metric globs; use it alone`);
  });
});

describe('describeGateConfig', () => {
  it('shows every gate input as the user would write it', () => {
    const gate = gateFrom({ baseline: 'file:base.json', thresholds: 'tokens_s: 2.5%', gate: 'tokens_s, *ttft*' });
    expect(describeGateConfig(gate)).toEqual({
      baseline: 'file:base.json',
      statistic: 'mean',
      threshold: '5%',
      thresholds: 'tokens_s: 2.5%',
      'min-samples': '3',
      confidence: '0.95',
      power: '0.8',
      gate: 'tokens_s, *ttft*',
      'fail-on-regression': 'true',
      'history-size': '20',
      calibrate: 'false',
    });
  });
});

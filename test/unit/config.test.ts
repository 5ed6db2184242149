import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  ConfigError,
  DEFAULT_IGNORE,
  DEFAULT_MAX_FILE_SIZE,
  DEFAULT_PATTERNS,
  describeConfig,
  listInput,
  parseSize,
  type Config,
  type ConfigEnvironment,
} from '../../src/config.js';

const WORKSPACE = path.resolve('/srv/checkout');
const ENV: ConfigEnvironment = { workspace: WORKSPACE, defaultOutputDir: undefined };

/** buildConfig over a plain map of inputs; unset inputs read as ''. */
function configFrom(inputs: Record<string, string>, env: ConfigEnvironment = ENV): Config {
  return buildConfig((name) => inputs[name] ?? '', env);
}

/** The ConfigError thrown by `fn`, failing the test when none is. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('buildConfig defaults', () => {
  it('uses the workspace itself as root when path is empty', () => {
    const config = configFrom({});
    expect(config.workspace).toBe(WORKSPACE);
    expect(config.root).toBe(WORKSPACE);
  });

  it("searches CSV, TSV, JSON, JSONL, NDJSON, Markdown, text and log files, and github-action-benchmark's data.js, by default", () => {
    expect(configFrom({}).patterns).toEqual(['**/*.{csv,tsv,json,jsonl,ndjson,md,markdown,txt,log}', '**/*data.js']);
    expect(DEFAULT_PATTERNS).toEqual(['**/*.{csv,tsv,json,jsonl,ndjson,md,markdown,txt,log}', '**/*data.js']);
  });

  it('ignores node_modules, .git, dist and vendor by default', () => {
    expect(configFrom({}).ignore).toEqual(['**/node_modules/**', '**/.git/**', '**/dist/**', '**/vendor/**']);
    expect(DEFAULT_IGNORE).toEqual(['**/node_modules/**', '**/.git/**', '**/dist/**', '**/vendor/**']);
  });

  it('caps files at 50 MB (50,000,000 bytes) by default', () => {
    expect(configFrom({}).maxFileSize).toBe(50_000_000);
    expect(DEFAULT_MAX_FILE_SIZE).toBe(50_000_000);
  });

  it('has no direction or unit rules and no metric filter by default', () => {
    const config = configFrom({});
    expect(config.directions).toEqual([]);
    expect(config.units).toEqual([]);
    expect(config.metrics).toEqual({ include: [], exclude: [] });
  });

  it('writes no report files unless an output directory is given', () => {
    expect(configFrom({}).outputDir).toBeUndefined();
  });

  it('uses the environment default output directory when output-dir is empty', () => {
    const config = configFrom({}, { workspace: WORKSPACE, defaultOutputDir: '/runner/temp/chimera' });
    expect(config.outputDir).toBe('/runner/temp/chimera');
  });

  it('resolves output-dir against the workspace', () => {
    expect(configFrom({ 'output-dir': 'out/report' }).outputDir).toBe(path.join(WORKSPACE, 'out/report'));
  });

  it('resolves a relative workspace to an absolute one', () => {
    const config = configFrom({}, { workspace: 'relative/ws', defaultOutputDir: undefined });
    expect(config.workspace).toBe(path.resolve('relative/ws'));
  });
});

describe("input 'path'", () => {
  it('resolves a relative path inside the workspace', () => {
    expect(configFrom({ path: 'bench/results' }).root).toBe(path.join(WORKSPACE, 'bench/results'));
  });

  it('normalises ./ and inner .. that stay inside the workspace', () => {
    expect(configFrom({ path: './bench/../results/' }).root).toBe(path.join(WORKSPACE, 'results'));
  });

  it('accepts an absolute path inside the workspace', () => {
    expect(configFrom({ path: path.join(WORKSPACE, 'results') }).root).toBe(path.join(WORKSPACE, 'results'));
  });

  it('accepts a folder whose name merely starts with two dots', () => {
    expect(configFrom({ path: '..results' }).root).toBe(path.join(WORKSPACE, '..results'));
  });

  it("rejects '..' leaving the workspace, naming the input 'path'", () => {
    const error = configError(() => configFrom({ path: '../elsewhere' }));
    expect(error.input).toBe('path');
    expect(error.message).toBe(`Input 'path': "../elsewhere" is outside the workspace ${WORKSPACE}`);
  });

  it('rejects an absolute path outside the workspace', () => {
    const error = configError(() => configFrom({ path: '/etc' }));
    expect(error.input).toBe('path');
    expect(error.message).toMatch(/^Input 'path': /);
  });

  it('rejects the parent of the workspace', () => {
    expect(configError(() => configFrom({ path: '..' })).input).toBe('path');
  });

  it('rejects a sibling whose name starts with the workspace name', () => {
    expect(configError(() => configFrom({ path: `${WORKSPACE}-other` })).input).toBe('path');
  });
});

describe("inputs 'patterns' and 'ignore'", () => {
  it('replaces the default patterns with the given ones', () => {
    expect(configFrom({ patterns: 'results/**/*.csv' }).patterns).toEqual(['results/**/*.csv']);
  });

  it('appends user ignores after the defaults', () => {
    expect(configFrom({ ignore: 'tmp/**\nold/**' }).ignore).toEqual([...DEFAULT_IGNORE, 'tmp/**', 'old/**']);
  });

  it('keeps a brace glob with commas as one pattern', () => {
    expect(configFrom({ patterns: 'results/*.{csv,json}, logs/*.log' }).patterns).toEqual([
      'results/*.{csv,json}',
      'logs/*.log',
    ]);
  });

  it("rejects a pattern containing '..', naming 'patterns'", () => {
    const error = configError(() => configFrom({ patterns: '../secrets/*.json' }));
    expect(error.input).toBe('patterns');
    expect(error.message).toBe(`Input 'patterns': "../secrets/*.json" contains '..'; patterns may not leave 'path'`);
  });

  it("rejects '..' in the middle of a pattern", () => {
    expect(configError(() => configFrom({ patterns: 'results/../../x.csv' })).input).toBe('patterns');
  });

  it("rejects '..' written with backslashes", () => {
    expect(configError(() => configFrom({ patterns: 'results\\..\\..\\x.csv' })).input).toBe('patterns');
  });

  it('rejects an absolute pattern, naming patterns', () => {
    const error = configError(() => configFrom({ patterns: '/etc/*.json' }));
    expect(error.input).toBe('patterns');
    expect(error.message).toBe(`Input 'patterns': "/etc/*.json" is absolute; patterns are relative to 'path'`);
  });

  it('rejects a Windows drive pattern', () => {
    expect(configError(() => configFrom({ patterns: 'C:\\results\\*.csv' })).input).toBe('patterns');
  });

  it("rejects '..' in ignore, naming 'ignore'", () => {
    const error = configError(() => configFrom({ ignore: '../**' }));
    expect(error.input).toBe('ignore');
  });

  it("rejects an absolute ignore after a '!' negation, naming 'ignore'", () => {
    expect(configError(() => configFrom({ ignore: '!/etc/**' })).input).toBe('ignore');
  });

  it("allows dots that are not a '..' segment", () => {
    expect(configFrom({ patterns: '.benchmarks/**/*.json, results/v1..v2/*.csv' }).patterns).toEqual([
      '.benchmarks/**/*.json',
      'results/v1..v2/*.csv',
    ]);
  });
});

describe("input 'max-file-size'", () => {
  it('reads 50MB as 50,000,000 bytes', () => {
    expect(configFrom({ 'max-file-size': '50MB' }).maxFileSize).toBe(50_000_000);
  });

  it('reads 64MiB as 67,108,864 bytes', () => {
    expect(configFrom({ 'max-file-size': '64MiB' }).maxFileSize).toBe(67_108_864);
  });

  it('reads a bare number as bytes', () => {
    expect(configFrom({ 'max-file-size': '1000000' }).maxFileSize).toBe(1_000_000);
  });

  it('rejects a value that is not a size, naming max-file-size', () => {
    const error = configError(() => configFrom({ 'max-file-size': 'huge' }));
    expect(error.input).toBe('max-file-size');
    expect(error.message).toBe(`Input 'max-file-size': "huge" is not a size (examples: 50MB, 64MiB, 1000000)`);
  });

  it('rejects an unknown unit', () => {
    expect(configError(() => configFrom({ 'max-file-size': '5TB' })).input).toBe('max-file-size');
  });

  it('rejects a negative size', () => {
    expect(configError(() => configFrom({ 'max-file-size': '-5MB' })).input).toBe('max-file-size');
  });

  it('rejects zero', () => {
    const error = configError(() => configFrom({ 'max-file-size': '0' }));
    expect(error.input).toBe('max-file-size');
    expect(error.message).toBe(`Input 'max-file-size': must be greater than zero, got "0"`);
  });
});

describe("input 'keep-samples'", () => {
  it('is off by default and on for true', () => {
    expect(configFrom({}).keepSamples).toBe(false);
    expect(configFrom({ 'keep-samples': 'true' }).keepSamples).toBe(true);
  });

  it('names the input when the value is not a boolean', () => {
    expect(configError(() => configFrom({ 'keep-samples': 'all' })).message).toMatch(/keep-samples/);
  });
});

describe('parseSize', () => {
  it.each([
    ['1', 1],
    ['10b', 10],
    ['2k', 2_000],
    ['2KB', 2_000],
    ['2KiB', 2_048],
    ['1.5MB', 1_500_000],
    ['50 MB', 50_000_000],
    ['  64 mib  ', 67_108_864],
    ['1G', 1_000_000_000],
    ['2GiB', 2_147_483_648],
  ])('reads %j as %i bytes', (raw, bytes) => {
    expect(parseSize(raw, 'max-file-size')).toBe(bytes);
  });

  it.each(['', 'MB', '1e6', '1,000', '12 parsecs', '0.1'])('rejects %j', (raw) => {
    expect(configError(() => parseSize(raw, 'max-file-size')).input).toBe('max-file-size');
  });
});

describe("input 'directions'", () => {
  it('reads one pattern: direction rule per entry, in order', () => {
    expect(configFrom({ directions: 'tokens_s: higher, *ttft*: lower' }).directions).toEqual([
      { pattern: 'tokens_s', value: 'higher' },
      { pattern: '*ttft*', value: 'lower' },
    ]);
  });

  it('accepts none and any letter case', () => {
    expect(configFrom({ directions: 'gpu_temp: NONE\nscore: Higher' }).directions).toEqual([
      { pattern: 'gpu_temp', value: 'none' },
      { pattern: 'score', value: 'higher' },
    ]);
  });

  it('splits on the last colon so a file::metric pattern keeps its own colons', () => {
    expect(configFrom({ directions: 'results/run.csv::latency: higher' }).directions).toEqual([
      { pattern: 'results/run.csv::latency', value: 'higher' },
    ]);
  });

  it("rejects an unknown direction, naming 'directions'", () => {
    const error = configError(() => configFrom({ directions: 'tokens_s: faster' }));
    expect(error.input).toBe('directions');
    expect(error.message).toBe(`Input 'directions': direction "faster" must be higher, lower or none`);
  });

  it('rejects an entry without a colon', () => {
    const error = configError(() => configFrom({ directions: 'tokens_s higher' }));
    expect(error.input).toBe('directions');
    expect(error.message).toBe(`Input 'directions': "tokens_s higher" must look like "pattern: value"`);
  });

  it('rejects an entry with an empty pattern or value', () => {
    expect(configError(() => configFrom({ directions: ': higher' })).input).toBe('directions');
    expect(configError(() => configFrom({ directions: 'tokens_s:' })).input).toBe('directions');
  });
});

describe("input 'units'", () => {
  it('reads pattern: unit rules, keeping slashes in the unit', () => {
    expect(configFrom({ units: 'eval_rate: tok/s\n*_duration: ns' }).units).toEqual([
      { pattern: 'eval_rate', value: 'tok/s' },
      { pattern: '*_duration', value: 'ns' },
    ]);
  });

  it("rejects an entry without a unit, naming 'units'", () => {
    expect(configError(() => configFrom({ units: 'eval_rate' })).input).toBe('units');
  });
});

describe("input 'metrics'", () => {
  it("splits entries into includes and '!' excludes", () => {
    expect(configFrom({ metrics: '*tok*, *ttft*\n!*_count\n! debug_*' }).metrics).toEqual({
      include: ['*tok*', '*ttft*'],
      exclude: ['*_count', 'debug_*'],
    });
  });

  it('may hold only excludes', () => {
    expect(configFrom({ metrics: '!eval_count' }).metrics).toEqual({ include: [], exclude: ['eval_count'] });
  });
});

describe('listInput', () => {
  it('splits on newlines', () => {
    expect(listInput('a\nb\r\nc')).toEqual(['a', 'b', 'c']);
  });

  it('splits on commas', () => {
    expect(listInput('a, b,c')).toEqual(['a', 'b', 'c']);
  });

  it('mixes newlines and commas and drops blank entries', () => {
    expect(listInput('\n a ,, b \n\n c,\n')).toEqual(['a', 'b', 'c']);
  });

  it('drops # comment lines', () => {
    expect(listInput('# throughput first\ntokens_s: higher\n  # latency\n*ttft*: lower')).toEqual([
      'tokens_s: higher',
      '*ttft*: lower',
    ]);
  });

  it('drops a whole comment line even when it contains commas', () => {
    expect(listInput('# one, two, three\nreal')).toEqual(['real']);
  });

  it('keeps commas inside braces', () => {
    expect(listInput('**/*.{csv,json},x/{a,{b,c}}/*.md')).toEqual(['**/*.{csv,json}', 'x/{a,{b,c}}/*.md']);
  });

  it('returns nothing for an empty input', () => {
    expect(listInput('')).toEqual([]);
  });
});

describe('describeConfig', () => {
  it('shows plain values with workspace-relative paths', () => {
    const config = configFrom({
      path: 'results',
      directions: 'tokens_s: higher',
      metrics: '*tok*\n!eval_count',
      'max-file-size': '1MB',
    });
    expect(describeConfig(config)).toEqual({
      path: 'results',
      patterns: '**/*.{csv,tsv,json,jsonl,ndjson,md,markdown,txt,log}, **/*data.js',
      ignore: '**/node_modules/**, **/.git/**, **/dist/**, **/vendor/**',
      'max-file-size': '1000000 bytes',
      directions: 'tokens_s: higher',
      units: '(inferred)',
      metrics: '*tok*, !eval_count',
      format: 'auto',
      factors: '(inferred)',
      'keep-samples': 'false',
      baseline: 'auto',
      statistic: 'mean',
      threshold: '5%',
      thresholds: '(none)',
      'min-samples': '3',
      confidence: '0.95',
      power: '0.8',
      gate: 'throughput',
      'fail-on-regression': 'true',
      'history-size': '20',
      calibrate: 'false',
      llm: 'true',
      'ollama-url': '(reuse 127.0.0.1:11434 or start `ollama serve`)',
      model: 'gemma3:latest',
      'ollama-options': 'num_gpu=default, num_ctx=default, temp=default, top_p=default, top_k=default, repeat_penalty=default',
      runs: '1',
      language: 'English',
      persona: 'default',
      'cache-models': 'false',
      'gate-llm-throughput': 'false',
    });
  });

  it("shows the workspace root as '.' and an empty metric filter as (all)", () => {
    const shown = describeConfig(configFrom({}));
    expect(shown.path).toBe('.');
    expect(shown.metrics).toBe('(all)');
    expect(shown.directions).toBe('(inferred)');
  });
});

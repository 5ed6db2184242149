import path from 'node:path';
import { isInside } from './util/paths.js';
import { booleanInput, checkBraces, ConfigError, listInput, type InputReader, type PatternRule } from './config-input.js';
import type { Direction } from './model/series.js';
import { describeGateConfig, readGateConfig } from './baseline/config.js';
import type { GateConfig } from './baseline/types.js';
import { parseFormatInput } from './parse/adapters/config.js';
import { describeLlmConfig, readLlmConfig } from './llm/config.js';
import type { LlmConfig } from './llm/types.js';
import { describeShardConfig, readShardConfig, type RunMode } from './shards/config.js';

export { ConfigError, listInput, type InputReader, type PatternRule };

export interface MetricFilter {
  include: string[];
  exclude: string[];
}

export interface Config {
  /** Absolute directory discovery may never leave (the checkout). */
  workspace: string;
  /** Absolute directory searched for benchmark outputs, inside `workspace`. */
  root: string;
  patterns: string[];
  /** Default ignores plus the user's, as fast-glob patterns relative to `root`. */
  ignore: string[];
  maxFileSize: number;
  directions: PatternRule<Direction>[];
  units: PatternRule<string>[];
  metrics: MetricFilter;
  /** `format` input: `glob: adapter` rules forcing a tool adapter (or `generic`); empty means detect from content. */
  formats: PatternRule<string>[];
  /** `factors` input: `glob: name` rules naming the path segment (`*`) that holds a factor's level. */
  factors: PatternRule<string>[];
  /** Where report.md and report.json are written; undefined means nowhere. */
  outputDir: string | undefined;
  /** `keep-samples`: report.json keeps every series' samples, not only those of small series. */
  keepSamples: boolean;
  /** The regression gate: baseline, statistic, thresholds, confidence, which metrics gate. */
  gate: GateConfig;
  /** Ollama server, model and narrative settings (src/llm/config.ts). */
  llm: LlmConfig;
  /** `mode`: report (default), shard or merge (src/shards/config.ts). */
  mode: RunMode;
  /** `shards`: globs of shard folders, merge mode only. */
  shards: string[];
  /** `hardware`: this machine's hardware named explicitly. */
  hardware?: string;
}

// `data.js` is github-action-benchmark's history file (`dev/bench/data.js`): only its JSON payload is read, never run.
export const DEFAULT_PATTERNS = ['**/*.{csv,tsv,json,jsonl,ndjson,md,markdown,txt,log}', '**/*data.js'];
export const DEFAULT_IGNORE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/vendor/**'];
export const DEFAULT_MAX_FILE_SIZE = 50 * 1000 * 1000;

export interface ConfigEnvironment {
  /** GITHUB_WORKSPACE for the action, the working directory for the CLI. */
  workspace: string;
  /** Default output directory when the `output-dir` input is empty. */
  defaultOutputDir: string | undefined;
}

export function buildConfig(read: InputReader, env: ConfigEnvironment): Config {
  const workspace = path.resolve(env.workspace);
  const root = resolveInside(workspace, read('path') || '.', 'path');
  const patterns = listInput(read('patterns'));
  const userIgnore = listInput(read('ignore'));
  for (const p of patterns) checkPattern(p, 'patterns');
  for (const p of userIgnore) checkPattern(p, 'ignore');
  const outputInput = read('output-dir');
  const outputDir = outputInput ? path.resolve(workspace, outputInput) : env.defaultOutputDir;
  // The report's own folder is left out of the search: holding the folder searched, it would hide every file.
  if (outputInput && isInside(outputDir as string, root)) {
    throw new ConfigError('output-dir', `"${outputInput}" holds the folder analysed ('path': "${read('path') || '.'}"), whose files would all be left out as the report's own; choose a folder of its own`);
  }
  return {
    workspace,
    root,
    patterns: patterns.length > 0 ? patterns : DEFAULT_PATTERNS,
    ignore: [...DEFAULT_IGNORE, ...userIgnore],
    maxFileSize: read('max-file-size') ? parseSize(read('max-file-size'), 'max-file-size') : DEFAULT_MAX_FILE_SIZE,
    directions: parseRules(read('directions'), 'directions', parseDirection),
    units: parseRules(read('units'), 'units', (v) => v),
    metrics: parseMetricFilter(read('metrics')),
    formats: parseFormatInput(read('format')),
    factors: parseRules(read('factors'), 'factors', parseFactorName).map((rule) => {
      if (!rule.pattern.includes('*')) throw new ConfigError('factors', `"${rule.pattern}" has no * marking the folder or name part that holds the level`);
      checkPattern(rule.pattern, 'factors');
      return rule;
    }),
    outputDir,
    keepSamples: booleanInput(read('keep-samples'), 'keep-samples', false),
    gate: readGateConfig(read),
    llm: readLlmConfig(read, { workspace }),
    ...readShardConfig(read),
  };
}

function resolveInside(workspace: string, value: string, input: string): string {
  const resolved = path.resolve(workspace, value);
  if (!isInside(workspace, resolved)) {
    throw new ConfigError(input, `"${value}" is outside the workspace ${workspace}`);
  }
  return resolved;
}

function checkPattern(pattern: string, input: string): void {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (path.isAbsolute(body) || /^[A-Za-z]:[\\/]/.test(body)) {
    throw new ConfigError(input, `"${pattern}" is absolute; patterns are relative to 'path'`);
  }
  if (body.split(/[\\/]/).includes('..')) {
    throw new ConfigError(input, `"${pattern}" contains '..'; patterns may not leave 'path'`);
  }
  checkBraces(body, input);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gib: 1024 ** 3,
};

/** "50MB" → 50,000,000; "64 MiB" → 67,108,864; a bare number is bytes. */
export function parseSize(raw: string, input: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw);
  const factor = match ? SIZE_UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || factor === undefined) {
    throw new ConfigError(input, `"${raw}" is not a size (examples: 50MB, 64MiB, 1000000)`);
  }
  const bytes = Math.round(Number(match[1]) * factor);
  if (bytes <= 0) throw new ConfigError(input, `must be greater than zero, got "${raw}"`);
  return bytes;
}

function parseDirection(value: string, input: string): Direction {
  const v = value.toLowerCase();
  if (v === 'higher' || v === 'lower' || v === 'none') return v;
  throw new ConfigError(input, `direction "${value}" must be higher, lower or none`);
}

/** Parses `pattern: value` entries, e.g. `tokens_s: higher` or `*ttft*: lower`. */
function parseRules<T>(raw: string, input: string, convert: (value: string, input: string) => T): PatternRule<T>[] {
  return listInput(raw).map((entry) => {
    const at = entry.lastIndexOf(':');
    const pattern = at > 0 ? entry.slice(0, at).trim() : '';
    const value = at > 0 ? entry.slice(at + 1).trim() : '';
    if (!pattern || !value) {
      throw new ConfigError(input, `"${entry}" must look like "pattern: value"`);
    }
    return { pattern, value: convert(value, input) };
  });
}

function parseFactorName(value: string, input: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/.test(value)) throw new ConfigError(input, `factor name "${value}" must start with a letter and hold only letters, digits, '_', '.', '-' (at most 40)`);
  return value;
}

function parseMetricFilter(raw: string): MetricFilter {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const entry of listInput(raw)) {
    if (entry.startsWith('!')) exclude.push(entry.slice(1).trim());
    else include.push(entry);
  }
  return { include, exclude };
}

/** The analysed directory relative to the workspace, with forward slashes ('.' for the workspace itself). */
export function rootRelative(config: Pick<Config, 'workspace' | 'root'>): string {
  return path.relative(config.workspace, config.root).split(path.sep).join('/') || '.';
}

/** The configuration as shown in the report: plain values, workspace-relative paths. */
export function describeConfig(config: Config): Record<string, string> {
  const rules = <T>(r: PatternRule<T>[]) => r.map((x) => `${x.pattern}: ${String(x.value)}`).join(', ') || '(inferred)';
  return {
    path: rootRelative(config),
    patterns: config.patterns.join(', '),
    ignore: config.ignore.join(', '),
    'max-file-size': `${config.maxFileSize} bytes`,
    directions: rules(config.directions),
    units: rules(config.units),
    metrics:
      [...config.metrics.include, ...config.metrics.exclude.map((e) => `!${e}`)].join(', ') || '(all)',
    format: config.formats.map((x) => `${x.pattern}: ${x.value}`).join(', ') || 'auto',
    factors: rules(config.factors),
    'keep-samples': String(config.keepSamples),
    ...describeGateConfig(config.gate),
    ...describeLlmConfig(config.llm),
    ...describeShardConfig(config),
  };
}

import { booleanInput, ConfigError, listInput, type InputReader, type PatternRule } from '../config-input.js';
import type { BaselineSpec, GateConfig, GateSelection } from './types.js';

export const DEFAULT_THRESHOLD = 0.05;
export const DEFAULT_MIN_SAMPLES = 3;
export const DEFAULT_CONFIDENCE = 0.95;
export const DEFAULT_POWER = 0.8;
export const DEFAULT_HISTORY_SIZE = 20;
/** Runs a history may keep: more only slows the change-point search and grows the cache entry. */
export const MAX_HISTORY_SIZE = 100;

/**
 * The regression gate's inputs: `baseline`, `statistic`, `threshold`,
 * `thresholds`, `min-samples`, `confidence`, `power`, `gate`,
 * `fail-on-regression`, `history-size`, `calibrate`.
 */
export function readGateConfig(read: InputReader): GateConfig {
  return {
    baseline: parseBaseline(read('baseline')),
    statistic: parseStatistic(read('statistic')),
    threshold: read('threshold').trim() ? parseThreshold(read('threshold'), 'threshold') : DEFAULT_THRESHOLD,
    thresholds: parseThresholdRules(read('thresholds')),
    minSamples: parseMinSamples(read('min-samples')),
    confidence: parseConfidence(read('confidence')),
    power: parsePower(read('power')),
    gate: parseGateSelection(read('gate')),
    failOnRegression: booleanInput(read('fail-on-regression'), 'fail-on-regression', true),
    historySize: parseHistorySize(read('history-size')),
    calibrate: booleanInput(read('calibrate'), 'calibrate', false),
  };
}

function parseBaseline(raw: string): BaselineSpec {
  const value = raw.trim();
  if (value === '') return { kind: 'auto' };
  const lower = value.toLowerCase();
  if (lower === 'auto' || lower === 'cache' || lower === 'git' || lower === 'history' || lower === 'none') return { kind: lower };
  if (lower.startsWith('file:')) {
    const path = value.slice('file:'.length).trim();
    if (!path) throw new ConfigError('baseline', '"file:" needs a path, e.g. file:baseline/snapshot.json');
    return { kind: 'file', path };
  }
  if (lower.startsWith('git:')) return { kind: 'git', ref: parseGitRef(value.slice('git:'.length).trim()) };
  throw new ConfigError('baseline', `"${value}" must be auto, cache, git, git:<ref>, history, none or file:<path>`);
}

/**
 * A branch, tag, commit or revision (`main`, `origin/main`, `v1.2`, `HEAD~3`).
 * It only ever reaches git as one argument, never a shell; a leading `-` would
 * read as an option, and `:` would name a file instead of a commit.
 */
function parseGitRef(ref: string): string {
  if (!ref) throw new ConfigError('baseline', '"git:" needs a branch, tag or commit, e.g. git:main');
  if (ref.length > 200 || ref.startsWith('-') || /[\s\u0000-\u001f\u007f:\\]/.test(ref)) {
    throw new ConfigError('baseline', `"git:${ref.slice(0, 60)}" is not a branch, tag or commit (no spaces, ':' or leading '-')`);
  }
  return ref;
}

function parseStatistic(raw: string): GateConfig['statistic'] {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'mean') return 'mean';
  if (value === 'median') return 'median';
  throw new ConfigError('statistic', `"${raw.trim()}" must be mean or median`);
}

/**
 * Thresholds are percentages, the `%` sign optional: `5%` and `5` both mean 5%.
 * A bare number below 1 is refused, because `0.05` could mean 5% or 0.05%;
 * write `0.5%` for half a percent. Returns a fraction (5% → 0.05).
 */
export function parseThreshold(raw: string, input: string): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(raw);
  if (!match) throw new ConfigError(input, `"${raw.trim()}" is not a percentage (examples: 5%, 2.5%, 20)`);
  const value = Number(match[1]);
  if (!match[2] && value > 0 && value < 1) {
    throw new ConfigError(input, `"${raw.trim()}" is ambiguous: thresholds are percentages, write ${value * 100}% or ${value}%`);
  }
  if (value > 1000) throw new ConfigError(input, `"${raw.trim()}" is above 1000%`);
  return value / 100;
}

/** `tokens_s: 3%, *ttft*: 20%`: globs over metric names, first match wins. */
function parseThresholdRules(raw: string): PatternRule<number>[] {
  return listInput(raw).map((entry) => {
    const at = entry.lastIndexOf(':');
    const pattern = at > 0 ? entry.slice(0, at).trim() : '';
    const value = at > 0 ? entry.slice(at + 1).trim() : '';
    if (!pattern || !value) throw new ConfigError('thresholds', `"${entry}" must look like "pattern: 5%"`);
    return { pattern, value: parseThreshold(value, 'thresholds') };
  });
}

function parseMinSamples(raw: string): number {
  const value = raw.trim();
  if (value === '') return DEFAULT_MIN_SAMPLES;
  if (!/^\d+$/.test(value) || Number(value) < 2) {
    // One sample has no variance, so no test can run on it.
    throw new ConfigError('min-samples', `"${value}" must be a whole number of at least 2`);
  }
  return Number(value);
}

/** `0.95` or `95%`, between 0.5 and 0.999. */
function parseConfidence(raw: string): number {
  const value = raw.trim();
  if (value === '') return DEFAULT_CONFIDENCE;
  const match = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(value);
  const confidence = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!(confidence >= 0.5 && confidence <= 0.999)) {
    throw new ConfigError('confidence', `"${value}" must be between 0.5 and 0.999 (e.g. 0.95 or 95%)`);
  }
  return confidence;
}

/** `0.8` or `80%`, between 0.5 and 0.99. */
function parsePower(raw: string): number {
  const value = raw.trim();
  if (value === '') return DEFAULT_POWER;
  const match = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(value);
  const power = match ? Number(match[1]) / (match[2] ? 100 : 1) : Number.NaN;
  if (!(power >= 0.5 && power <= 0.99)) throw new ConfigError('power', `"${value}" must be between 0.5 and 0.99 (e.g. 0.8 or 80%)`);
  return power;
}

function parseHistorySize(raw: string): number {
  const value = raw.trim();
  if (value === '') return DEFAULT_HISTORY_SIZE;
  if (!/^\d+$/.test(value) || Number(value) > MAX_HISTORY_SIZE) {
    throw new ConfigError('history-size', `"${value}" must be a whole number from 0 (no history) to ${MAX_HISTORY_SIZE}`);
  }
  return Number(value);
}

function parseGateSelection(raw: string): GateSelection {
  const entries = listInput(raw);
  if (entries.length === 0) return { mode: 'throughput' };
  if (entries.length === 1) {
    const only = (entries[0] as string).toLowerCase();
    if (only === 'throughput') return { mode: 'throughput' };
    if (only === 'all') return { mode: 'all' };
    if (only === 'none') return { mode: 'none' };
  }
  const reserved = entries.find((e) => ['throughput', 'all', 'none'].includes(e.toLowerCase()));
  if (reserved) throw new ConfigError('gate', `"${reserved}" cannot be combined with metric globs; use it alone`);
  return { mode: 'globs', patterns: entries };
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(4))}%`;
}

/** The gate's settings as the report's configuration table shows them. */
export function describeGateConfig(gate: GateConfig): Record<string, string> {
  return {
    baseline: gate.baseline.kind === 'file' ? `file:${gate.baseline.path}` : gate.baseline.kind === 'git' && gate.baseline.ref ? `git:${gate.baseline.ref}` : gate.baseline.kind,
    statistic: gate.statistic,
    threshold: percent(gate.threshold),
    thresholds: gate.thresholds.map((r) => `${r.pattern}: ${percent(r.value)}`).join(', ') || '(none)',
    'min-samples': String(gate.minSamples),
    confidence: String(gate.confidence),
    power: String(gate.power),
    gate: gate.gate.mode === 'globs' ? gate.gate.patterns.join(', ') : gate.gate.mode,
    'fail-on-regression': String(gate.failOnRegression),
    'history-size': String(gate.historySize),
    calibrate: String(gate.calibrate),
  };
}

export { percent as formatThreshold };

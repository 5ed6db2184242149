import type { Config, PatternRule } from '../config.js';
import { mayHoldSecret, redactLabels, redactSecrets } from '../util/redact.js';
import { globToRegExp, matchesAny } from '../util/glob.js';
import { memo } from '../util/memo.js';
import { closestMatch } from '../util/text.js';
import { idHead, seriesIdUnder, type IdHead } from './identity.js';
import { canonicalUnit, inferDirection, inferUnit, normaliseName } from './infer.js';
import { exactStatsOfSorted, findOutliers, sortedForReading, statsFromSamples, statsFromSummary } from './stats.js';
import { metricCheck, seriesProblem, type ValueCheck } from './sanity.js';
import type { Direction, RawSeries, Series } from '../model/series.js';
import type { Problem } from '../model/report.js';

interface CompiledRule<T> {
  test: RegExp;
  value: T;
}

/** The per-metric choices from the configuration, compiled once per run. */
export interface MetricRules {
  directions: CompiledRule<Direction>[];
  units: CompiledRule<string>[];
  include: RegExp[];
  exclude: RegExp[];
}

export function compileMetricRules(config: Pick<Config, 'directions' | 'units' | 'metrics'>): MetricRules {
  const compile = <T>(rules: PatternRule<T>[]) => rules.map((r) => ({ test: globToRegExp(r.pattern), value: r.value }));
  return {
    directions: compile(config.directions),
    units: compile(config.units),
    include: config.metrics.include.map(globToRegExp),
    exclude: config.metrics.exclude.map(globToRegExp),
  };
}

/** Names a rule may match: the metric as written, normalised, and `file::metric`. */
function candidates(file: string, metric: string): string[] {
  return [metric, normaliseName(metric), `${file}::${metric}`];
}

/** Later rules win, so a specific override can follow a broad one. */
function lastMatch<T>(rules: CompiledRule<T>[], names: readonly string[]): T | undefined {
  let found: T | undefined;
  for (const rule of rules) if (names.some((n) => rule.test.test(n))) found = rule.value;
  return found;
}

/**
 * Which `metrics`, `directions` and `units` patterns matched at least one
 * metric of the run: a pattern that never matches is almost always a typo,
 * and would otherwise change nothing without a word.
 */
export class RuleUsage {
  private readonly pending: { input: 'metrics' | 'directions' | 'units'; shown: string; pattern: string; test: RegExp }[];
  /** Distinct metric names seen (up to a bound), to suggest what a mistyped pattern meant. */
  private readonly names = new Set<string>();

  constructor(config: Pick<Config, 'directions' | 'units' | 'metrics'>) {
    const rules = <T>(input: 'directions' | 'units', list: PatternRule<T>[]) =>
      list.map((r) => ({ input, shown: `${r.pattern}: ${String(r.value)}`, pattern: r.pattern, test: globToRegExp(r.pattern) }));
    this.pending = [
      ...config.metrics.include.map((p) => ({ input: 'metrics' as const, shown: p, pattern: p, test: globToRegExp(p) })),
      ...config.metrics.exclude.map((p) => ({ input: 'metrics' as const, shown: `!${p}`, pattern: p, test: globToRegExp(p) })),
      ...rules('directions', config.directions),
      ...rules('units', config.units),
    ];
  }

  /** Records the patterns `metric` of `file` matches (before selection: an excluded metric still exists). */
  see(file: string, metric: string): void {
    if (this.pending.length === 0) return;
    if (this.names.size < 5_000) this.names.add(metric);
    const names = candidates(file, metric);
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const rule = this.pending[i] as (typeof this.pending)[number];
      if (names.some((n) => rule.test.test(n))) this.pending.splice(i, 1);
    }
  }

  /** One metric name the run met while rules were still unmatched, for a message. */
  example(): string | undefined {
    return this.names.values().next().value;
  }

  /** The patterns that matched no metric, in input order, with the metric a typo most likely meant. */
  unmatched(): { input: 'metrics' | 'directions' | 'units'; pattern: string; suggestion?: string }[] {
    return this.pending.map((r) => {
      const suggestion = closestName(r.pattern, this.names);
      return suggestion === undefined ? { input: r.input, pattern: r.shown } : { input: r.input, pattern: r.shown, suggestion };
    });
  }
}

/** The name nearest to a mistyped glob (`tokens-s` → `tokens_s`), within a few edits; globs' `*` and `?` are ignored. */
export function closestName(pattern: string, names: Iterable<string>): string | undefined {
  const target = pattern.replace(/[*?]/g, '');
  if (target.length < 3) return undefined;
  return closestMatch(target, names, Math.min(3, Math.floor(target.length / 3)));
}

/** Whether any `metrics`, `directions` or `units` rule is set: the rules RuleUsage reports on when they match no metric. */
export function hasNameRules(rules: MetricRules): boolean {
  return rules.include.length > 0 || rules.exclude.length > 0 || rules.directions.length > 0 || rules.units.length > 0;
}

export function isSelected(rules: MetricRules, file: string, metric: string): boolean {
  if (rules.include.length === 0 && rules.exclude.length === 0) return true;
  const names = candidates(file, metric);
  if (rules.include.length > 0 && !matchesAny(rules.include, names)) return false;
  return !matchesAny(rules.exclude, names);
}

/** What a metric's name says on its own. */
interface NameFacts {
  /** The unit when none is stated (inferUnit). */
  unit: string;
  /** The direction that unit and the name give (inferDirection). */
  direction: Direction;
  /** Whether the name holds a hint of a secret (mayHoldSecret): then it and its series' ids are redacted. */
  mayHoldSecret: boolean;
  /** metricCheck of the name (its unit and direction as above): the check of nearly every series of the metric. */
  check: ValueCheck;
}

/** The same few metric names recur in every file: what each says is worked out once, and found with one lookup per series. */
const nameFacts = memo(50_000, (metric: string): NameFacts => {
  const unit = inferUnit(metric);
  const direction = inferDirection(metric, unit);
  return { unit, direction, mayHoldSecret: mayHoldSecret(metric), check: metricCheck(metric) };
});

/** No names to match rules against: shared, as buildSeries runs for every series. */
const NO_NAMES: readonly string[] = [];

/**
 * Turns a parser's raw series into a reported series; undefined when it holds no value.
 * `head` is the file's part of the id, passed in when a caller builds many series of one file.
 */
export function buildSeries(raw: RawSeries, file: string, rules: MetricRules, head: IdHead = idHead(file)): Series | undefined {
  return seriesOf(raw, file, rules, head, nameFacts(raw.metric));
}

/**
 * buildSeries, checked: the series when its statistics are possible, else undefined with why
 * (seriesProblem) added to `problems`. The metric's facts are looked up once for both: this runs
 * for every series of every file.
 */
export function buildCheckedSeries(raw: RawSeries, file: string, rules: MetricRules, head: IdHead, problems: Problem[]): Series | undefined {
  const name = nameFacts(raw.metric);
  const series = seriesOf(raw, file, rules, head, name);
  if (!series) return undefined;
  // The name's own check serves when the series kept the name (no secret redacted), its unit and its direction.
  const check = !name.mayHoldSecret && series.unit === name.unit && series.direction === name.direction ? name.check : undefined;
  const why = seriesProblem(series, check);
  if (why === undefined) return series;
  problems.push(series.line === undefined ? { reason: why } : { line: series.line, reason: why });
  return undefined;
}

function seriesOf(raw: RawSeries, file: string, rules: MetricRules, head: IdHead, name: NameFacts): Series | undefined {
  const acc = raw.samples && raw.samples.count > 0 ? raw.samples : undefined;
  // A complete series' values in order serve findOutliers too (its median absolute deviation), sorted once;
  // both read them below, before any other series is built (a work area: see sortedForReading).
  const sorted = acc?.complete ? sortedForReading(acc.samples) : undefined;
  const stats = acc ? (sorted ? exactStatsOfSorted(sorted, acc.min, acc.max) : statsFromSamples(acc)) : raw.summary ? statsFromSummary(raw.summary) : undefined;
  if (!stats) return undefined;
  // Without units or directions rules (the default) there is nothing to match the names against.
  const names = rules.units.length > 0 || rules.directions.length > 0 ? candidates(file, raw.metric) : NO_NAMES;
  const stated = lastMatch(rules.units, names) ?? raw.unitHint;
  // `units: ttft: milliseconds` must still read as a duration (`ms`) for the direction.
  // An empty hint is a stated "no unit" (lm-eval's `byte_perplexity` is a ratio, not bytes); none stated: inferred.
  const unit = stated !== undefined ? canonicalUnit(stated) : name.unit;
  const override = lastMatch(rules.directions, names);
  const samples = raw.samples ? raw.samples.samples.slice() : [];
  const id = seriesIdUnder(head, raw.metric, raw.labels, name.mayHoldSecret);
  // Redacted here, before any display limit can cut a token short (see src/util/redact.ts); redactSecrets changes no other.
  const metric = name.mayHoldSecret ? redactSecrets(raw.metric) : raw.metric;
  const labels = head.labels.mayHoldSecret(raw.labels) ? redactLabels(raw.labels) : raw.labels;
  const direction = override ?? raw.directionHint ?? (stated === undefined ? name.direction : inferDirection(raw.metric, unit));
  const directionSource = override ? 'override' : 'inferred';
  const source = raw.samples && raw.samples.count > 0 ? 'samples' : 'summary';
  // Positions are only meaningful when the kept samples are all of them, in order.
  const outliers = raw.samples?.complete ? findOutliers(samples, stats.p50 ?? undefined, sorted) : [];
  // `line` (most series have one) is written in the literal, last as before: added afterwards, it would take a
  // property store of its own in every such series.
  const series: Series =
    raw.line === undefined
      ? { id, file, metric, labels, unit, direction, directionSource, source, stats, outliers, samples }
      : { id, file, metric, labels, unit, direction, directionSource, source, stats, outliers, samples, line: raw.line };
  if (raw.runs) series.runs = raw.runs;
  return series;
}

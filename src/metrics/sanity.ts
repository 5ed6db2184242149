import { memo, memo2 } from '../util/memo.js';
import { formatNumber } from '../util/numbers.js';
import { inferDirection, inferUnit, normaliseName } from './infer.js';
import { unitInfo } from './units.js';
import type { Direction, ProvidedSummary, Series } from '../model/series.js';

/**
 * Values no benchmark can produce: a negative duration or throughput, a
 * duration longer than a year, a rate past 1e18 per second, anything past
 * 1e100 or not finite. Such a value is a parsing accident or a broken
 * writer; averaged in, it would make every statistic of its series wrong.
 */
const SANE = {
  /** Largest magnitude of any value. */
  magnitude: 1e100,
  /** Longest duration, in seconds (a year). */
  durationSeconds: 366 * 24 * 3600,
  /** Largest rate in its own unit per second (1e18: an exa-op machine). */
  rate: 1e18,
} as const;

/** Differences and errors may be negative whatever their unit says. */
const SIGNED = /(^|_)(delta|diff|difference|change|improvement|regression|drift|offset|skew|slack|error|err|residual|bias|gain)(_|$)/;

export type ValueCheck = (value: number) => string | undefined;

/**
 * The check for values of one metric with the unit it is reported in:
 * undefined when the value is possible, else why not ("a negative duration").
 */
export function valueCheck(metric: string, unit: string, direction: Direction = inferDirection(metric, unit)): ValueCheck {
  return checks[direction](metric, unit);
}

/**
 * The check of a metric in the unit and direction its name implies (no unit stated, no override):
 * that of nearly every column and series, found with one lookup instead of three.
 */
export const metricCheck: (metric: string) => ValueCheck = memo(20_000, (metric) => valueCheck(metric, inferUnit(metric)));

/** The same few metric names recur in every file: one check each (per direction, as overrides may differ). */
const checks: Record<Direction, (metric: string, unit: string) => ValueCheck> = {
  higher: memo2(20_000, (metric, unit) => makeCheck(metric, unit, 'higher')),
  lower: memo2(20_000, (metric, unit) => makeCheck(metric, unit, 'lower')),
  none: memo2(20_000, (metric, unit) => makeCheck(metric, unit, 'none')),
};

function makeCheck(metric: string, unit: string, direction: Direction): ValueCheck {
  const info = unitInfo(unit);
  const signed = SIGNED.test(normaliseName(metric));
  const duration = !signed && direction === 'lower' && info?.dimension === 'time' ? info.factor : undefined;
  const rate = !signed && direction === 'higher' && /\/s$/.test(unit);
  return (value) => {
    if (!Number.isFinite(value)) return 'not a finite number';
    if (duration !== undefined) {
      if (value < 0) return `${formatNumber(value)} ${unit} is a negative duration`;
      if (value * duration > SANE.durationSeconds) return `${formatNumber(value)} ${unit} is a duration of more than a year`;
    }
    if (rate) {
      if (value < 0) return `${formatNumber(value)} ${unit} is a negative throughput`;
      if (value > SANE.rate) return `${formatNumber(value)} ${unit} is beyond any real throughput`;
    }
    if (Math.abs(value) > SANE.magnitude) return `${formatNumber(value)} is beyond any measurable magnitude`;
    return undefined;
  };
}

/**
 * Why a stated summary cannot be real, or undefined: its centre and range
 * (mean, median, min, max) are held to `check` as samples would be.
 */
export function summaryCheck(summary: ProvidedSummary, check: ValueCheck): string | undefined {
  for (const value of [summary.mean, summary.median, summary.min, summary.max]) {
    const why = value === undefined ? undefined : check(value);
    if (why !== undefined) return why;
  }
  return undefined;
}

const REPLACEMENT = '\uFFFD';

/**
 * Why a built series must stay out of the report, or undefined. Parsers drop
 * impossible values one by one with their line; this catches what reaches a
 * series by other ways (a tool adapter, a stated summary): a name or label
 * that is not valid UTF-8 text, or statistics no benchmark can produce.
 */
function holdsReplacement(metric: string, labels: Record<string, string>): boolean {
  if (metric.includes(REPLACEMENT)) return true;
  for (const key in labels) if (key.includes(REPLACEMENT) || (labels[key] as string).includes(REPLACEMENT)) return true;
  return false;
}

/** `check`: valueCheck(s.metric, s.unit, s.direction), when the caller has it already (buildCheckedSeries). */
export function seriesProblem(s: Pick<Series, 'metric' | 'labels' | 'unit' | 'direction' | 'stats'>, check: ValueCheck = valueCheck(s.metric, s.unit, s.direction)): string | undefined {
  if (holdsReplacement(s.metric, s.labels)) return `a name or label of metric "${s.metric}" holds bytes that are not valid UTF-8 text; series left out`;
  const { mean, min, max, p50, p95, p99, sd } = s.stats;
  // In this order, the first problem found: one call per statistic and no list of them (this runs for every series).
  const why = checked(check, mean) ?? checked(check, min) ?? checked(check, max) ?? checked(check, p50) ?? checked(check, p95) ?? checked(check, p99);
  if (why !== undefined) return `"${s.metric}": ${why}; series left out`;
  if (sd !== null && !Number.isFinite(sd)) return `"${s.metric}": its spread is not a finite number; series left out`;
  return undefined;
}

/** Why a statistic is impossible, or undefined (also when the statistic is not known). */
function checked(check: ValueCheck, value: number | null): string | undefined {
  return value === null ? undefined : check(value);
}

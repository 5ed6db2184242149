import { normaliseName } from '../metrics/infer.js';
import { memo } from '../util/memo.js';
import type { ProvidedSummary } from '../model/series.js';
import { ownValue } from '../util/own.js';

export type StatKey = 'mean' | 'median' | 'sd' | 'min' | 'max' | 'n' | `p${number}`;

/** `{ mean: "mean_ttft_ms", sd: "std_ttft_ms", ... }` read as the summary of `ttft_ms`. */
export interface SummaryGroup {
  metric: string;
  columns: Partial<Record<StatKey, string>>;
}

const STAT_WORDS: Record<string, StatKey> = {
  mean: 'mean',
  avg: 'mean',
  average: 'mean',
  median: 'median',
  std: 'sd',
  stddev: 'sd',
  stdev: 'sd',
  sd: 'sd',
  std_dev: 'sd',
  min: 'min',
  minimum: 'min',
  max: 'max',
  maximum: 'max',
};
/** Keys that count the samples of every summary beside them. */
const SHARED_N = new Set(['n', 'count', 'num_samples', 'sample_count', 'samples', 'runs', 'num_runs', 'rounds', 'n_samples']);
/**
 * Count words that give one summary its n: `stats.rounds` beside `stats.mean`,
 * `ttft_ms_count` beside `ttft_ms_mean`. `samples` is left out: beside a
 * summary it is as often the array of raw values as their number.
 */
const OWN_N = new Set([...SHARED_N].filter((w) => w !== 'samples'));
/** `q1`/`q2`/`q3` are quartiles (pytest-benchmark), not the 1st and 3rd percentiles. */
const QUARTILES: Record<string, StatKey> = { q1: 'p25', q2: 'median', q3: 'p75' };
/** Words that only join a statistic to its metric: `ttft_s_quantiles_p95` describes `ttft_s`. */
const CONNECTOR = /(^|[._])(quantiles?|percentiles?)$/;

const statOf = memo(10_000, statOfWord);

function statOfWord(word: string): StatKey | undefined {
  const quartile = ownValue(QUARTILES, word);
  if (quartile) return quartile;
  // `p99.9` arrives as `p99_9` once the name is normalised.
  const percentile = /^(?:p|q|percentile_?)(\d{1,2}(?:[._]\d+)?)$/.exec(word);
  if (percentile) {
    const rank = Number((percentile[1] as string).replace('_', '.'));
    return rank === 50 ? 'median' : `p${rank}`;
  }
  return ownValue(STAT_WORDS, word);
}

function withoutConnector(base: string): string {
  const stripped = base.replace(CONNECTOR, '');
  return stripped === '' ? base : stripped;
}

/** Splits `mean_ttft_ms` / `ttft_ms_mean` / `latency.p95` into a statistic and the metric it describes (shared: do not change). */
const splitStat = memo(50_000, (name: string): Readonly<{ stat: StatKey; base: string }> | undefined => {
  const split = splitStatWord(name);
  return split && { stat: split.stat, base: withoutConnector(split.base) };
});

/** The last dot that separates path segments; the dot of `p99.9` is part of a number. */
function lastPathDot(name: string): number {
  for (let i = name.length - 1; i >= 0; i--) {
    if (name[i] === '.' && !(/\d/.test(name[i - 1] ?? '') && /\d/.test(name[i + 1] ?? ''))) return i;
  }
  return -1;
}

function splitStatWord(name: string): { stat: StatKey; base: string } | undefined {
  const dot = lastPathDot(name);
  if (dot > 0) {
    const stat = statOf(normaliseName(name.slice(dot + 1)));
    if (stat) return { stat, base: name.slice(0, dot) };
  }
  const parts = normaliseName(name.slice(dot + 1)).split('_');
  const prefix = dot > 0 ? `${name.slice(0, dot)}.` : '';
  for (const width of [2, 1]) {
    if (parts.length <= width) continue;
    const head = statOf(parts.slice(0, width).join('_'));
    if (head) return { stat: head, base: prefix + parts.slice(width).join('_') };
    const tail = statOf(parts.slice(-width).join('_'));
    if (tail) return { stat: tail, base: prefix + parts.slice(0, -width).join('_') };
  }
  return undefined;
}

/**
 * Finds summary groups among sibling keys. A group needs a centre (mean or
 * median) and at least one more statistic of its own; a lone `mean_x` stays an
 * ordinary metric. A shared `n`/`count` beside the groups supplies their n.
 */
export function findSummaryGroups(keys: readonly string[]): { groups: SummaryGroup[]; sharedN?: string } {
  const groups: SummaryGroup[] = [];
  // Made on the first key naming a statistic: this runs for every object of every JSON file, and most hold none.
  let byBase: Map<string, Partial<Record<StatKey, string>>> | undefined;
  for (const key of keys) {
    const split = splitStat(key);
    if (!split || split.base === '') continue;
    byBase ??= new Map();
    let columns = byBase.get(split.base);
    if (!columns) byBase.set(split.base, (columns = {}));
    if (!columns[split.stat]) columns[split.stat] = key;
  }
  if (byBase) {
    for (const [metric, columns] of byBase) {
      const stats = Object.keys(columns);
      const hasCentre = columns.mean !== undefined || columns.median !== undefined;
      if (hasCentre && stats.length >= 2) groups.push({ metric, columns });
    }
  }
  // A group's own count (`stats.rounds`, `ttft_ms_count`) is its n; it does not make a group by itself.
  for (const group of groups) {
    if (group.columns.n !== undefined) continue;
    const own = keys.find((k) => isOwnCountKey(k, group.metric));
    if (own !== undefined) group.columns.n = own;
  }
  // A shared count is a key of this level (no dot) named like a count.
  const sharedN = keys.find((k) => !k.includes('.') && SHARED_N.has(normaliseName(k)));
  return sharedN === undefined ? { groups } : { groups, sharedN };
}

/** `metric.rounds`, `metric_count`: the key counts the samples of `metric` alone. */
function isOwnCountKey(key: string, metric: string): boolean {
  const separator = key.charCodeAt(metric.length);
  return (separator === 46 || separator === 95) && key.startsWith(metric) && OWN_N.has(normaliseName(key.slice(metric.length + 1)));
}

/**
 * Whether a key can belong to a summary group: it names a statistic of a metric (`mean_ttft_ms`,
 * `latency.p95`) or is a statistic itself (`mean`, `stddev`). Among keys of which none can,
 * findSummaryGroups finds no group, and no key summarises the table's own metric.
 */
export const mayBeStatKey = memo(50_000, (key: string): boolean => splitStat(key) !== undefined || statKeysOf([key]).size === 1);

/** `n`, `count`, `runs`, …: a key that counts samples rather than measuring them. */
export function isCountName(key: string): boolean {
  return SHARED_N.has(normaliseName(key));
}

/** An object that is itself a summary: `{ "mean": 1.2, "stddev": 0.1, "n": 5 }`. */
export function isStatsObject(keys: readonly string[]): boolean {
  let centre = false;
  for (const k of keys) {
    const name = normaliseName(k);
    const stat = SHARED_N.has(name) ? 'n' : statOf(name);
    if (stat === undefined) return false;
    if (stat === 'mean' || stat === 'median') centre = true;
  }
  return centre && keys.length >= 2;
}

export function summaryFromStats(get: (stat: StatKey) => number | undefined, stats: Iterable<StatKey>): ProvidedSummary {
  const summary: ProvidedSummary = {};
  for (const stat of stats) {
    const value = get(stat);
    if (value === undefined) continue;
    if (stat === 'mean' || stat === 'median' || stat === 'sd' || stat === 'min' || stat === 'max' || stat === 'n') {
      summary[stat] = value;
    } else {
      (summary.percentiles ??= percentilesByRank())[Number(stat.slice(1))] = value;
    }
  }
  return summary;
}

/** An index far past any rank: see percentilesByRank. */
const FAR_INDEX = 1_000_000;

/**
 * An empty object for percentiles by rank, the same plain object as `{}` to every reader. Why not `{}`: in V8
 * (Node 20) `{}[95] = v` gives the object a flat store of elements up to past the index (160 slots, about
 * 1.4 KB for a p95, and as many slots walked by each Object.keys), while an object that starts with a far
 * index keeps its few ranks in a small dictionary (about 0.2 KB; measured five times faster to build and
 * three times faster to list). The far index is deleted at once: only the dictionary stays.
 */
export function percentilesByRank(): Record<number, number> {
  const byRank: Record<number, number> = { [FAR_INDEX]: 0 };
  delete byRank[FAR_INDEX];
  return byRank;
}

export function statKeysOf(keys: readonly string[]): Map<StatKey, string> {
  const out = new Map<StatKey, string>();
  for (const k of keys) {
    const name = normaliseName(k);
    const stat = SHARED_N.has(name) ? 'n' : statOf(name);
    if (stat && !out.has(stat)) out.set(stat, k);
  }
  return out;
}

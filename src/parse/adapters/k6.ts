import type { ProvidedSummary } from '../../model/series.js';
import { LIMITS, LimitError, limitMessages } from '../limits.js';
import type { ProblemLog } from '../problems.js';
import { failed, type ParseOutcome } from '../types.js';
import { SeriesSet, sampledSeries, shortLabel, summarySeries, type SeriesOptions } from './llm-shared.js';
import { looksLikeK6Points, readK6Points, streamK6Points } from './k6-points.js';
import { BUILTIN_DATA, BUILTIN_DURATIONS, counterDirections, customDirection, rateDirection, rateSummary } from './k6-metrics.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, LineCursor, isObject, lineOf, numberOf, summaryOf, type JsonObject } from './util.js';

/**
 * k6's end-of-test summary as JSON, in either layout:
 *
 *  - the `handleSummary(data)` object (`JSON.stringify(data)`), k6 ≥ 0.30:
 *
 *        { "root_group": { "groups": [ … ], "checks": [ { "name", "path", "passes", "fails" } ] },
 *          "options": { "summaryTrendStats": [ … ] }, "state": { "testRunDurationMs": … },
 *          "metrics": { "http_req_duration": { "type": "trend", "contains": "time",
 *                                               "values": { "avg", "min", "med", "max", "p(90)", "p(95)" },
 *                                               "thresholds": { "p(95)<500": { "ok": true } } },
 *                       "http_req_duration{expected_response:true}": { … },
 *                       "http_reqs": { "type": "counter", "values": { "count", "rate" } },
 *                       "http_req_failed": { "type": "rate", "values": { "rate", "passes", "fails" } },
 *                       "vus": { "type": "gauge", "values": { "value", "min", "max" } } } }
 *
 *  - `k6 run --summary-export=summary.json`, the older layout: each metric
 *    holds its statistics directly (`avg`, `med`, `p(95)`; `count`, `rate`;
 *    `passes`, `fails`, `value`; `value`, `min`, `max`), no type, and
 *    thresholds as `{ "p(95)<500": false }`, where `true` means it FAILED;
 *    `root_group.checks` and `groups` are objects keyed by name.
 *
 * Times are milliseconds in both. A Rate counts non-zero values as `passes`:
 * for `http_req_failed` the passes are the failed requests.
 */

type Kind = 'trend' | 'counter' | 'rate' | 'gauge';

interface Metric {
  /** The metric's name without its submetric tags. */
  name: string;
  /** A submetric's tags (`{expected_response:true}`), as labels. */
  tags: Record<string, string>;
  kind: Kind;
  contains: string | undefined;
  values: JsonObject;
  /** Threshold expressions that failed. */
  failedThresholds: string[];
}

const KINDS = new Set<string>(['trend', 'counter', 'rate', 'gauge']);

/** Names k6 always or nearly always writes: with one of them a `metrics` object is k6's even without `root_group`. */
const BUILTIN_NAMES = new Set(['http_reqs', 'iterations', 'iteration_duration', 'vus', 'vus_max', 'checks', 'http_req_duration', 'data_received']);


const TREND_STAT = /^p\((\d+(?:\.\d+)?)\)$/;

/** The older export's metric: its statistics at the top, so its kind is read from which ones it holds. */
function legacyKind(m: JsonObject): Kind | undefined {
  if ('avg' in m || 'med' in m || Object.keys(m).some((k) => TREND_STAT.test(k))) return 'trend';
  if ('passes' in m && 'fails' in m) return 'rate';
  if ('count' in m && 'rate' in m) return 'counter';
  if ('value' in m) return 'gauge';
  return undefined;
}

function isCurrentShape(m: unknown): m is JsonObject {
  return isObject(m) && typeof m.type === 'string' && KINDS.has(m.type) && isObject(m.values);
}

function isK6Metric(m: unknown): boolean {
  return isCurrentShape(m) || (isObject(m) && legacyKind(m) !== undefined);
}

/**
 * A `metrics` object every entry of which is shaped as k6 writes it, beside
 * the `root_group`, `state` or `options` k6 writes, or holding one of its
 * built-in metrics.
 */
function isK6Summary(json: unknown): json is JsonObject {
  if (!isObject(json) || !isObject(json.metrics)) return false;
  const entries = Object.entries(json.metrics);
  if (entries.length === 0 || !entries.every(([, m]) => isK6Metric(m))) return false;
  if (isObject(json.root_group) || isObject(json.state)) return true;
  return entries.some(([name]) => BUILTIN_NAMES.has(name.replace(/\{.*$/, '')));
}

/** `http_req_duration{expected_response:true,name:login}` → the name and the tags; a value may hold `:` (`url:https://…`). */
export function splitMetricName(key: string): { name: string; tags: Record<string, string> } {
  const open = key.indexOf('{');
  if (open < 0 || !key.endsWith('}')) return { name: key, tags: {} };
  const tags: Record<string, string> = {};
  for (const part of key.slice(open + 1, -1).split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const tag = part.slice(0, colon).trim();
    const value = part.slice(colon + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
    if (tag !== '' && !Object.hasOwn(tags, tag)) tags[tag] = value;
  }
  return { name: key.slice(0, open).trim(), tags };
}

function failedThresholds(thresholds: unknown): string[] {
  if (!isObject(thresholds)) return [];
  return Object.entries(thresholds)
    .filter(([, v]) => (isObject(v) ? v.ok === false : v === true))
    .map(([expr]) => expr);
}

function metricOf(key: string, m: unknown): Metric | undefined {
  const { name, tags } = splitMetricName(key);
  if (isCurrentShape(m)) {
    return { name, tags, kind: m.type as Kind, contains: typeof m.contains === 'string' ? m.contains : undefined, values: m.values as JsonObject, failedThresholds: failedThresholds(m.thresholds) };
  }
  if (!isObject(m)) return undefined;
  const kind = legacyKind(m);
  if (kind === undefined) return undefined;
  // The older export says nothing of what a metric holds: built-in names tell the times and the bytes.
  const contains = BUILTIN_DURATIONS.has(name) ? 'time' : BUILTIN_DATA.has(name) ? 'data' : undefined;
  // Its Rate keeps the fraction under `value`, where the handleSummary layout has `rate`.
  const values = kind === 'rate' ? { ...m, rate: m.rate ?? m.value } : m;
  return { name, tags, kind, contains, values, failedThresholds: failedThresholds(m.thresholds) };
}

/** A trend as one summary: avg, med, min, max, each `p(N)`; n only when `summaryTrendStats` asked for `count`. */
function trendSummary(values: JsonObject): ProvidedSummary {
  const percentiles: Record<number, number | undefined> = {};
  for (const [stat, value] of Object.entries(values)) {
    const rank = TREND_STAT.exec(stat)?.[1];
    if (rank !== undefined) percentiles[Number(rank)] = numberOf(value);
  }
  const median = numberOf(values.med) ?? percentiles[50];
  delete percentiles[50];
  return summaryOf({ n: numberOf(values.count), mean: numberOf(values.avg), median, min: numberOf(values.min), max: numberOf(values.max), percentiles });
}

function unitOf(m: Metric): string {
  if (m.contains === 'time') return 'ms';
  if (m.contains === 'data') return 'B';
  return '';
}

/**
 * A Rate's fraction: its passes over passes + fails when it states both. Old
 * `--summary-export` files hold a `value` that disagrees with them (`"value": 0`
 * beside 434 passes and 0 fails, in k6's own documentation): the counts are
 * what happened, so they win and the disagreement is reported.
 */
function rateOf(m: Metric, problems: ProblemLog, line: number | undefined): number | undefined {
  const stated = numberOf(m.values.rate);
  const passes = numberOf(m.values.passes);
  const fails = numberOf(m.values.fails);
  if (impossibleCounts(passes, fails)) {
    problems.add(line, `${m.name}: ${passes} passes and ${fails} fails are not counts; left out`);
    return undefined;
  }
  if (stated !== undefined && (stated < 0 || stated > 1)) {
    problems.add(line, `${m.name}: the stated rate ${stated} is not a fraction between 0 and 1; left out`);
    return undefined;
  }
  if (passes === undefined || fails === undefined || passes + fails === 0) return stated;
  const counted = passes / (passes + fails);
  if (stated !== undefined && Math.abs(stated - counted) > 1e-9) {
    problems.add(line, `${m.name}: the stated rate ${stated} disagrees with its ${passes} passes and ${fails} fails; read as ${formatRate(counted)} from the counts`);
  }
  return counted;
}

/**
 * Passes or fails that k6 could not have counted (negative, fractional, or
 * summing past a safe integer): a fraction from them would leave 0..1 (-5
 * fails beside 1,308 passes read as 1.0038).
 */
function impossibleCounts(passes: number | undefined, fails: number | undefined): boolean {
  const bad = (n: number | undefined) => n !== undefined && (n < 0 || !Number.isInteger(n));
  return bad(passes) || bad(fails) || (passes !== undefined && fails !== undefined && !Number.isSafeInteger(passes + fails));
}

function formatRate(rate: number): string {
  return String(Number(rate.toPrecision(6)));
}

function addMetric(set: SeriesSet, m: Metric, line: number | undefined, problems: ProblemLog): void {
  const at: SeriesOptions = line === undefined ? {} : { line };
  const unit = unitOf(m);
  const v = m.values;
  if (m.kind === 'trend') {
    const summary = trendSummary(v);
    if (summary.mean === undefined && summary.median === undefined) return;
    // A duration is a cost; a custom trend of something else says nothing by its kind.
    const direction = unit === 'ms' ? 'lower' : customDirection(m.name);
    set.add(summarySeries(m.name, m.tags, summary, { unit, direction, ...at }));
  } else if (m.kind === 'counter') {
    const { count: countDirection, rate: rateDir } = counterDirections(m.name);
    const count = numberOf(v.count);
    const rate = numberOf(v.rate);
    if (count !== undefined) set.add(sampledSeries(m.name, m.tags, [count], { unit, direction: countDirection, ...at }));
    if (rate !== undefined) set.add(sampledSeries(`${m.name}_rate`, m.tags, [rate], { unit: `${unit === 'ms' ? '' : unit}/s`, direction: rateDir, ...at }));
  } else if (m.kind === 'rate') {
    const rate = rateOf(m, problems, line);
    if (rate === undefined) return;
    set.add(summarySeries(m.name, m.tags, rateSummary(rate, numberOf(v.passes), numberOf(v.fails)), { unit: '', direction: rateDirection(m.name), ...at }));
  } else {
    const value = numberOf(v.value);
    if (value !== undefined) set.add(sampledSeries(m.name, m.tags, [value], { unit, direction: 'none', ...at }));
  }
}

interface Check {
  name: string;
  group: string;
  passes: number;
  fails: number;
}

/** Objects of a list, or of an object keyed by name (the older export's `checks` and `groups`). */
function members(v: unknown): JsonObject[] {
  const list = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : [];
  return list.filter(isObject);
}

/** Every check of the group tree, with the path of the group it sits in (`::login`; empty for the root). */
function checksOf(group: unknown, problems: ProblemLog, text: string, depth = 0, out: Check[] = []): Check[] {
  if (!isObject(group) || depth > LIMITS.jsonDepth) return out;
  const path = typeof group.path === 'string' ? group.path : '';
  for (const c of members(group.checks)) {
    const name = shortLabel(c.name);
    const passes = numberOf(c.passes);
    const fails = numberOf(c.fails);
    if (name === undefined || passes === undefined || fails === undefined) continue;
    if (impossibleCounts(passes, fails)) {
      const problem = problems.add(undefined, `check ${name}: ${passes} passes and ${fails} fails are not counts; left out`);
      // Searched from the top only for the few problems listed, so a million bad checks stay linear.
      if (problem) {
        const quoted = JSON.stringify(c.name);
        const line = lineOf(text, `"name": ${quoted}`) ?? lineOf(text, `"name":${quoted}`);
        if (line !== undefined) problem.line = line;
      }
    } else out.push({ name, group: path, passes, fails });
  }
  for (const g of members(group.groups)) checksOf(g, problems, text, depth + 1, out);
  return out;
}

/**
 * k6 summary JSON (`handleSummary` data or `--summary-export`): a trend is
 * one summary (ms and lower for times); a counter its total `<name>` and
 * `<name>_rate` (/s); a Rate its fraction, a summary of its 0/1 values; a
 * gauge its value, no direction. Submetric tags are labels. Each check of
 * `root_group` is a `checks` series labelled `check` (and `group`). The
 * `--out json` point stream is read by k6-points.ts.
 */
export const k6: ToolAdapter = {
  name: 'k6',
  // `--out json=results.json` is NDJSON: not JSON, so offered as JSONL whatever its name.
  types: ['json', 'jsonl'],
  detect: (input: AdapterInput) => isK6Summary(input.json) || (input.json === undefined && looksLikeK6Points(input.text)),
  parseLines: async (input: AdapterInput, lines: AsyncIterable<string | null>) =>
    looksLikeK6Points(input.text) ? await streamK6Points(lines) : failed('k6: a file past max-file-size is read only as a --out json point stream (its first line a k6 Metric or Point)'),
  parse(input: AdapterInput): ParseOutcome {
    if (input.json === undefined && looksLikeK6Points(input.text)) return readK6Points(input.text);
    if (!isK6Summary(input.json)) return failed('k6: no "metrics" object of k6 metrics');
    const root = input.json;
    const result = new AdapterResult('k6');
    const set = new SeriesSet(result.problems);
    // JSON keeps the metrics in file order: each is found after the one before, from the `metrics` key on.
    const cursor = new LineCursor(input.text);
    cursor.next('"metrics"');
    let count = 0;
    for (const [key, raw] of Object.entries(root.metrics as JsonObject)) {
      result.rows += 1;
      const m = metricOf(key, raw);
      const line = cursor.next(JSON.stringify(key));
      if (!m) continue;
      if (++count > LIMITS.seriesPerFile / 2) throw new LimitError(limitMessages.seriesPerFile(), line);
      for (const expr of m.failedThresholds) result.problems.add(line, `threshold "${expr}" on ${key} failed`);
      addMetric(set, m, line, result.problems);
    }
    const seen = new Set(set.series.map((s) => `${s.metric}\u0000${JSON.stringify(s.labels)}`));
    for (const c of checksOf(root.root_group, result.problems, input.text)) {
      const labels: Record<string, string> = c.group === '' ? { check: c.name } : { group: c.group, check: c.name };
      // A `checks{check:…}` submetric (a threshold on one check) already holds this one.
      if (seen.has(`checks\u0000${JSON.stringify(labels)}`)) continue;
      const n = c.passes + c.fails;
      if (n === 0) continue;
      if (++count > LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile());
      set.add(summarySeries('checks', labels, rateSummary(c.passes / n, c.passes, c.fails), { unit: '', direction: 'higher' }));
    }
    for (const s of set.series) result.add(s);
    return result.outcome('no metric with a value');
  },
};

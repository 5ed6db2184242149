import { SampleAccumulator } from '../../metrics/accumulator.js';
import { labelKey } from '../../metrics/identity.js';
import type { Direction, RawSeries } from '../../model/series.js';
import { LIMITS, LimitError, limitMessages } from '../limits.js';
import { failed, type ParseOutcome } from '../types.js';
import { BUILTIN_DATA, BUILTIN_DURATIONS, counterDirections, customDirection, rateDirection, rateSummary } from './k6-metrics.js';
import { sampledSeries, shortLabel, summarySeries } from './llm-shared.js';
import { AdapterResult, firstLine, isObject, type JsonObject } from './util.js';

/**
 * k6's `--out json=results.json` stream: one JSON object a line, a metric's
 * declaration before its first point, then a point per sample:
 *
 *     {"type":"Metric","data":{"name":"http_req_duration","type":"trend","contains":"time","thresholds":["p(95)<500"],"submetrics":null},"metric":"http_req_duration"}
 *     {"type":"Point","data":{"time":"2024-05-02T10:00:00.123456789Z","value":131.4,
 *       "tags":{"scenario":"default","group":"::login","name":"POST /login","method":"POST","status":"200","url":"https://…/login","proto":"HTTP/1.1","expected_response":"true"}},
 *      "metric":"http_req_duration"}
 *
 * (k6 before 0.32 wrote no `name` in the declaration, and `vu`/`iter` tags.)
 */

type Kind = 'trend' | 'counter' | 'rate' | 'gauge';

/**
 * The tags a point is grouped by: what the script ran (scenario, group,
 * request name, check) and the answer's kind (method, status). `url` is not
 * one (a URL with ids is one series per request), nor tags derived from
 * these (`expected_response`, `error_code`) or naming a run's detail
 * (`proto`, `tls_version`, `vu`, `iter`, `instance_id`).
 */
const GROUP_TAGS = ['scenario', 'group', 'name', 'method', 'status', 'check'] as const;

/**
 * k6 names a request by its URL unless the script names it: past this many
 * distinct names they are URLs with ids, and `name` stops being a label.
 */
export const MAX_REQUEST_NAMES = 50;

/** The built-in metrics' kinds, for points whose declaration is missing. */
function builtinKind(name: string): { kind: Kind; contains: string } {
  if (BUILTIN_DURATIONS.has(name)) return { kind: 'trend', contains: 'time' };
  if (BUILTIN_DATA.has(name)) return { kind: 'counter', contains: 'data' };
  if (name === 'http_reqs' || name === 'iterations') return { kind: 'counter', contains: 'default' };
  if (name === 'http_req_failed' || name === 'checks') return { kind: 'rate', contains: 'default' };
  if (name === 'vus' || name === 'vus_max') return { kind: 'gauge', contains: 'default' };
  return { kind: 'trend', contains: 'default' };
}

const KINDS = new Set<string>(['trend', 'counter', 'rate', 'gauge']);

/** One metric and tag combination: its values (trends, gauges), total (counters) or non-zero count (rates). */
interface Group {
  metric: string;
  labels: Record<string, string>;
  line: number;
  values: SampleAccumulator | undefined;
  count: number;
  sum: number;
  nonZero: number;
}

/** The first line is a k6 declaration or point as Go's encoder writes it: a substring test, no parse. */
export function looksLikeK6Points(text: string): boolean {
  if (!/^\s*\{"type":"(Metric|Point)","data":\{/.test(text.slice(0, 64))) return false;
  return firstLine(text)?.includes('"metric":"') === true;
}

/**
 * A 1xx–3xx answer: more of them per second is load served. More 404s or
 * 500s per second (or status 0, no answer) is not: their rate is lower-better.
 */
function isSuccess(status: string): boolean {
  return /^[123]\d\d$/.test(status);
}

function unitOf(contains: string): string {
  if (contains === 'time') return 'ms';
  if (contains === 'data') return 'B';
  return '';
}

/**
 * Reads a k6 point stream line by line, holding per series only a bounded
 * sample (trends, gauges) or a running total (counters, rates).
 */
export class K6PointReader {
  private readonly result = new AdapterResult('k6');
  private readonly kinds = new Map<string, { kind: Kind; contains: string }>();
  /** Series with the `name` label, and the same points without it, kept until the names are known to be few. */
  private named: Map<string, Group> | undefined = new Map();
  private readonly unnamed = new Map<string, Group>();
  private readonly names = new Set<string>();
  private first = Number.POSITIVE_INFINITY;
  private last = Number.NEGATIVE_INFINITY;

  /** One line of the file (`null`: a line past LIMITS.lineChars, dropped as it streamed). */
  line(raw: string | null, lineNo: number): void {
    if (raw === null) {
      this.result.problems.add(lineNo, limitMessages.lineChars());
      return;
    }
    if (raw.trim() === '') return;
    let entry: unknown;
    try {
      entry = JSON.parse(raw);
    } catch {
      this.result.problems.add(lineNo, 'invalid JSON; line skipped');
      return;
    }
    if (!isObject(entry) || typeof entry.metric !== 'string' || !isObject(entry.data)) {
      this.result.problems.add(lineNo, 'not a k6 Metric or Point line; skipped');
      return;
    }
    if (entry.type === 'Metric') this.declare(entry.metric, entry.data);
    else if (entry.type === 'Point') this.point(entry.metric, entry.data, lineNo);
    else this.result.problems.add(lineNo, 'not a k6 Metric or Point line; skipped');
  }

  private declare(metric: string, data: JsonObject): void {
    const kind = typeof data.type === 'string' && KINDS.has(data.type) ? (data.type as Kind) : undefined;
    if (kind && !this.kinds.has(metric)) this.kinds.set(metric, { kind, contains: typeof data.contains === 'string' ? data.contains : 'default' });
  }

  private point(metric: string, data: JsonObject, lineNo: number): void {
    // A submetric's points (`http_req_duration{expected_response:true}`) are its parent's again.
    if (metric.includes('{')) return;
    this.result.rows += 1;
    if (this.result.rows > LIMITS.rows) throw new LimitError(limitMessages.rows(), lineNo);
    const value = data.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.result.excludedRows += 1;
      this.result.problems.add(lineNo, `${metric}: value is not a number; point skipped`);
      return;
    }
    const time = typeof data.time === 'string' ? Date.parse(data.time) : Number.NaN;
    if (Number.isFinite(time)) {
      if (time < this.first) this.first = time;
      if (time > this.last) this.last = time;
    }
    if (!this.kinds.has(metric)) this.kinds.set(metric, builtinKind(metric));
    const labels: Record<string, string> = {};
    const tags = isObject(data.tags) ? data.tags : {};
    for (const tag of GROUP_TAGS) {
      // A request failed by its status: http_req_failed per status would be 0 or 1 by construction.
      if (tag === 'status' && metric === 'http_req_failed') continue;
      const text = shortLabel(tags[tag]);
      if (text !== undefined) labels[tag] = text;
    }
    const name = labels.name;
    if (this.named && name !== undefined && !this.names.has(name)) {
      this.names.add(name);
      if (this.names.size > MAX_REQUEST_NAMES) {
        this.named = undefined;
        this.result.problems.add(lineNo, `over ${MAX_REQUEST_NAMES} distinct request names (k6 names a request by its URL unless the script names it): series are not split by name; name the requests (tags: { name: … }, or http.url\`…\`) to compare them`);
      }
    }
    if (this.named) this.add(this.named, metric, labels, value, lineNo);
    const unnamed = { ...labels };
    delete unnamed.name;
    this.add(this.unnamed, metric, unnamed, value, lineNo);
  }

  private add(groups: Map<string, Group>, metric: string, labels: Record<string, string>, value: number, lineNo: number): void {
    const key = `${metric}\u0000${labelKey(labels)}`;
    let group = groups.get(key);
    if (!group) {
      // Each grouping on its own: while names still split the series both maps hold every combination, and their sum would be twice the file's.
      if (groups.size >= LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile(), lineNo);
      const kind = this.kinds.get(metric)?.kind;
      group = { metric, labels, line: lineNo, values: kind === 'trend' || kind === 'gauge' ? new SampleAccumulator() : undefined, count: 0, sum: 0, nonZero: 0 };
      groups.set(key, group);
    }
    group.count += 1;
    group.sum += value;
    if (value !== 0) group.nonZero += 1;
    group.values?.add(value);
  }

  /** The series: trends and gauges as their samples, counters as total and rate, rates as the mean of their 0/1 values. */
  finish(): ParseOutcome {
    const seconds = this.last > this.first ? (this.last - this.first) / 1000 : undefined;
    for (const group of (this.named ?? this.unnamed).values()) for (const s of this.seriesOf(group, seconds)) this.result.add(s);
    return this.result.outcome('no k6 point with a value');
  }

  private seriesOf(g: Group, seconds: number | undefined): RawSeries[] {
    const { kind, contains } = this.kinds.get(g.metric) ?? builtinKind(g.metric);
    const unit = unitOf(contains);
    const at = { line: g.line };
    if (kind === 'counter') {
      const { count, rate } = counterDirections(g.metric);
      const perSecond = rate === 'higher' && g.labels.status !== undefined && !isSuccess(g.labels.status) ? 'lower' : rate;
      const out = [sampledSeries(g.metric, g.labels, [g.sum], { unit, direction: count, ...at })];
      if (seconds !== undefined) out.push(sampledSeries(`${g.metric}_rate`, g.labels, [g.sum / seconds], { unit: `${unit === 'ms' ? '' : unit}/s`, direction: perSecond, ...at }));
      return out;
    }
    if (kind === 'rate') {
      return [summarySeries(g.metric, g.labels, rateSummary(g.nonZero / g.count, g.nonZero, g.count - g.nonZero), { unit: '', direction: rateDirection(g.metric), ...at })];
    }
    if (!g.values) return [];
    // A duration is a cost; a custom trend of something else says nothing by its kind, nor does a gauge.
    const direction: Direction = kind === 'gauge' ? 'none' : unit === 'ms' ? 'lower' : customDirection(g.metric);
    return [{ metric: g.metric, labels: { ...g.labels }, samples: g.values, unitHint: unit, directionHint: direction, ...at }];
  }
}

/** A whole point stream already in memory. */
export function readK6Points(text: string): ParseOutcome {
  if (!looksLikeK6Points(text)) return failed('k6: no k6 Metric or Point line');
  const reader = new K6PointReader();
  let lineNo = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    reader.line(text.slice(start, stop).replace(/\r$/, ''), ++lineNo);
    if (end < 0) break;
    start = end + 1;
  }
  return reader.finish();
}

/** A point stream read line by line from disk, at any size. */
export async function streamK6Points(lines: AsyncIterable<string | null>): Promise<ParseOutcome> {
  const reader = new K6PointReader();
  let lineNo = 0;
  for await (const line of lines) reader.line(line, ++lineNo);
  return reader.finish();
}

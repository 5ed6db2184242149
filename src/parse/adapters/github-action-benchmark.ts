import { canonicalUnit } from '../../metrics/infer.js';
import type { Direction, RawSeries } from '../../model/series.js';
import { scanJson } from '../json-scan.js';
import { failed } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, accumulate, isObject, lineOf, numberOf, summaryOf, type JsonObject } from './util.js';

const BENCH_KEYS = new Set(['name', 'unit', 'value', 'range', 'extra']);
const DATA_JS_PREFIX = /^\s*window\.BENCHMARK_DATA\s*=\s*/;

function isBench(v: unknown): v is JsonObject {
  return isObject(v) && typeof v.name === 'string' && numberOf(v.value) !== undefined && Object.keys(v).every((k) => BENCH_KEYS.has(k));
}

/** A custom-benchmark file: every entry is `{name, unit, value}` (+ `range`, `extra`) and nothing else. */
function isCustomList(json: unknown): json is JsonObject[] {
  return Array.isArray(json) && json.length > 0 && json.every((b) => isBench(b) && typeof b.unit === 'string');
}

const RATE_UNIT = /(\/\s*(s|sec|second|ms|us|µs|μs|ns|min|h|hour)|per\s*(second|sec|s)|ops|hz|fps|qps|rps|tps|throughput)$/i;
const TIME_UNIT = /^(ps|ns|us|µs|μs|ms|s|sec|secs|seconds?|milliseconds?|microseconds?|nanoseconds?|min|minutes?|h|hours?)(\s*\/\s*(iter|iteration|op|operation|call|run|token|tok|req|request|batch|step|sample|item))?$/i;

/**
 * The file cannot say whether bigger is better, so the unit decides when it
 * can: a rate (`ops/sec`, `tok/s`, `MB/s`) is higher-is-better, a duration
 * (`ns/iter`, `ms`) lower. Anything else is left to inference from the name.
 */
export function directionFromUnit(unit: string): Direction | undefined {
  const u = unit.trim();
  if (u === '') return undefined;
  if (RATE_UNIT.test(u)) return 'higher';
  if (TIME_UNIT.test(u)) return 'lower';
  return undefined;
}

/**
 * Direction for a bench in a data.js entry: the `custom*IsBetter` tools state
 * it; for the tools github-action-benchmark parses itself the unit decides
 * first (Go's `MB/s` is higher-is-better), then the tool's own convention
 * (benchmark.js and pytest store ops/sec; the rest store times).
 */
function directionFor(tool: string, unit: string): Direction | undefined {
  if (tool === 'customBiggerIsBetter') return 'higher';
  if (tool === 'customSmallerIsBetter') return 'lower';
  const byUnit = directionFromUnit(unit);
  if (byUnit) return byUnit;
  if (tool === 'benchmarkjs' || tool === 'pytest') return 'higher';
  return tool === '' ? undefined : 'lower';
}

function seriesOf(bench: JsonObject, labels: Record<string, string>, direction: Direction | undefined, line: number | undefined): RawSeries {
  const s: RawSeries = { metric: bench.name as string, labels, samples: accumulate([numberOf(bench.value) as number]) };
  const unit = typeof bench.unit === 'string' ? bench.unit.trim() : '';
  if (unit !== '') s.unitHint = canonicalUnit(unit);
  if (direction) s.directionHint = direction;
  if (line !== undefined) s.line = line;
  return s;
}

/**
 * github-action-benchmark's custom JSON (`tool: customBiggerIsBetter` /
 * `customSmallerIsBetter` input): `[{name, unit, value, range?, extra?}]`,
 * one single-value series per entry named as the entry. Which way is better
 * is chosen in the workflow, not written in the file: it is inferred from the
 * unit (rates higher, durations lower), then from the name; the `directions`
 * input sets it explicitly.
 */
export const githubActionBenchmark: ToolAdapter = {
  name: 'github-action-benchmark',
  types: ['json', 'other'],
  detect(input: AdapterInput): boolean {
    if (input.type === 'other') return /\.js$/i.test(input.path) && DATA_JS_PREFIX.test(input.text);
    return isCustomList(input.json);
  },
  parse(input: AdapterInput) {
    if (DATA_JS_PREFIX.test(input.text) && input.json === undefined) return parseDataJs(input);
    const list = input.json;
    if (!Array.isArray(list)) return failed('github-action-benchmark: expected a list of {name, unit, value} entries');
    const result = new AdapterResult('github-action-benchmark');
    for (const [i, bench] of list.entries()) {
      result.rows += 1;
      if (!isBench(bench)) {
        result.excludedRows += 1;
        result.problems.add(undefined, `entry #${i + 1}: needs a name and a numeric value, skipped`);
        continue;
      }
      const unit = typeof bench.unit === 'string' ? bench.unit : '';
      result.add(seriesOf(bench, {}, directionFromUnit(unit), lineOf(input.text, JSON.stringify(bench.name))));
    }
    return result.outcome('no entries with a name and a numeric value');
  },
};

/** One run in a data.js history: the commit it measured and its series. */
export interface BenchmarkRun {
  suite: string;
  commit: { id: string; message?: string; timestamp?: string; url?: string };
  /** When the run was stored (ms since the epoch), from the entry's `date`. */
  date: number;
  tool: string;
  series: RawSeries[];
}

const unitOf = (bench: JsonObject) => (typeof bench.unit === 'string' ? bench.unit.trim() : '');

/** `"129 times\n2 procs"`: the GOMAXPROCS the action read from a Go benchmark's `-2` suffix. */
const PROCS = /(?:^|\n)\s*(\d+) procs\s*$/m;
/** One `value unit` pair after the first unit of a Go line the action stored whole: `   2.45 MB/s`. */
const GO_PAIR = /^\s*(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)\s+(\S+)\s*$/i;

interface Bench {
  bench: JsonObject;
  name: string;
  unit: string;
  value: number;
  procs?: string;
}

/**
 * An entry's benches, one unit each. For Go the action stores each result
 * whole (`unit: "ns/op\t 424 B/op\t 18 allocs/op"`) and, in later versions,
 * each measure again as `<name> - B/op`: the whole line's measures are split
 * into those names, and a measure already stored on its own is kept once.
 * `-cpu 1,2` runs one benchmark per GOMAXPROCS, said in `extra` (`2 procs`;
 * nothing for 1): when an entry ran more than one, each is its own series,
 * labelled `gomaxprocs` (one GOMAXPROCS for all adds no label, as before).
 */
function entryBenches(benches: readonly JsonObject[]): Bench[] {
  const procsOf = (b: JsonObject) => (typeof b.extra === 'string' ? (PROCS.exec(b.extra)?.[1] ?? '1') : '1');
  const several = new Set(benches.map(procsOf)).size > 1;
  const out: Bench[] = [];
  const split: Bench[] = [];
  for (const bench of benches) {
    const procs = several ? procsOf(bench) : undefined;
    const [first = '', ...rest] = unitOf(bench).split('\t');
    const one: Bench = { bench, name: bench.name as string, unit: first.trim(), value: numberOf(bench.value) as number };
    if (procs !== undefined) one.procs = procs;
    const pairs = rest.map((part) => GO_PAIR.exec(part));
    if (rest.length === 0 || pairs.some((m) => m === null)) {
      out.push(rest.length === 0 ? one : { ...one, unit: unitOf(bench) });
      continue;
    }
    split.push({ ...one, name: `${one.name} - ${one.unit}` });
    for (const m of pairs as RegExpExecArray[]) split.push({ ...one, name: `${one.name} - ${m[2]}`, unit: m[2] as string, value: Number(m[1]) });
  }
  const stored = new Set(out.map((b) => JSON.stringify([b.name, b.unit, b.procs ?? null])));
  for (const b of split) if (!stored.has(JSON.stringify([b.name, b.unit, b.procs ?? null]))) out.push(b);
  return out;
}

/**
 * One entry's benches as series. A name measured in two units (JMH's
 * `ops/us` throughput and `us/op` time of one benchmark) is two series, told
 * apart by a `unit` label; a name repeated in one unit (`go test -count=5`)
 * is one series with a sample per repeat.
 */
function entrySeries(benches: readonly JsonObject[], suite: string, tool: string): RawSeries[] {
  const { rest: all, summaries } = tool === 'googlecpp' ? googleAggregates(entryBenches(benches), suite) : { rest: entryBenches(benches), summaries: [] };
  const units = new Map<string, Set<string>>();
  for (const b of all) {
    const seen = units.get(b.name) ?? new Set<string>();
    seen.add(b.unit);
    units.set(b.name, seen);
  }
  const byKey = new Map<string, RawSeries>();
  for (const b of all) {
    const key = JSON.stringify([b.name, b.unit, b.procs ?? null]);
    const same = byKey.get(key);
    if (same) {
      same.samples?.add(b.value);
      continue;
    }
    const labels: Record<string, string> = (units.get(b.name)?.size ?? 0) > 1 ? { suite, unit: b.unit } : { suite };
    if (b.procs !== undefined) labels.gomaxprocs = b.procs;
    byKey.set(key, seriesOf({ ...b.bench, name: b.name, unit: b.unit, value: b.value }, labels, directionFor(tool, b.unit), undefined));
  }
  return [...byKey.values(), ...summaries];
}

/** The aggregate rows `--benchmark_repetitions` adds to a Google Benchmark run, stored by the action as benches `<run>_mean`, …. */
const GOOGLE_AGGREGATE = /_(mean|median|stddev|cv)$/;
/** `iterations: 5`: an aggregate row's iterations are the repetitions it summarises. */
const ITERATIONS = /(?:^|\n)\s*iterations:\s*(\d+)\s*(?:\n|$)/;

/**
 * The action stores each row of a Google Benchmark file as a bench, so a run
 * repeated with `--benchmark_repetitions` comes as `<run>_mean`, `_median`,
 * `_stddev` and `_cv` beside (or, with `--benchmark_report_aggregates_only`,
 * instead of) its repetitions. Those are one run's statistics, not four
 * benchmarks: its stddev is no time to compare, and its cv a fraction stored
 * under `ns/iter`. A run with its repetitions keeps them as samples; one
 * without is a summary (mean, median, sd over the repetitions its
 * `iterations:` names). Only a stem with a mean, median and stddev is read
 * so: `BM_stat_mean` beside `BM_stat_max` stays two benchmarks.
 */
function googleAggregates(all: readonly Bench[], suite: string): { rest: Bench[]; summaries: RawSeries[] } {
  const groups = new Map<string, Map<string, Bench>>();
  for (const b of all) {
    const m = GOOGLE_AGGREGATE.exec(b.name);
    if (!m) continue;
    const key = JSON.stringify([b.name.slice(0, m.index), b.procs ?? null]);
    const group = groups.get(key) ?? new Map<string, Bench>();
    group.set(m[1] as string, b);
    groups.set(key, group);
  }
  for (const [key, group] of groups) if (!(group.has('mean') && group.has('median') && group.has('stddev'))) groups.delete(key);
  if (groups.size === 0) return { rest: [...all], summaries: [] };
  const keyOf = (name: string, b: Bench) => JSON.stringify([name, b.procs ?? null]);
  const plain = new Set(all.map((b) => keyOf(b.name, b)));
  const rest = all.filter((b) => {
    const m = GOOGLE_AGGREGATE.exec(b.name);
    return !(m && groups.has(keyOf(b.name.slice(0, m.index), b)));
  });
  const summaries: RawSeries[] = [];
  for (const [key, group] of groups) {
    if (plain.has(key)) continue;
    const mean = group.get('mean') as Bench;
    const [stem] = JSON.parse(key) as [string];
    const median = group.get('median') as Bench;
    const stddev = group.get('stddev') as Bench;
    const iterations = typeof mean.bench.extra === 'string' ? ITERATIONS.exec(mean.bench.extra)?.[1] : undefined;
    const labels: Record<string, string> = { suite };
    if (mean.procs !== undefined) labels.gomaxprocs = mean.procs;
    const s: RawSeries = {
      metric: stem,
      labels,
      summary: summaryOf({
        n: iterations === undefined ? undefined : Number(iterations),
        mean: mean.value,
        median: median.unit === mean.unit ? median.value : undefined,
        sd: stddev.unit === mean.unit ? stddev.value : undefined,
      }),
    };
    if (mean.unit !== '') s.unitHint = canonicalUnit(mean.unit);
    const direction = directionFor('googlecpp', mean.unit);
    if (direction) s.directionHint = direction;
    summaries.push(s);
  }
  return { rest, summaries };
}

interface DataJs {
  runs: BenchmarkRun[];
  problems: string[];
}

function readDataJs(text: string): DataJs | string {
  const body = text.replace(/^\uFEFF/, '').replace(DATA_JS_PREFIX, '').replace(/;?\s*$/, '');
  // The same caps as any JSON document, before it is built (src/parse/json-scan.ts).
  const refusal = scanJson(body).refusal;
  if (refusal) return `window.BENCHMARK_DATA: ${refusal.reason}`;
  let doc: unknown;
  try {
    // JSON only: the file is data written by the action, and is never evaluated.
    doc = JSON.parse(body);
  } catch (err) {
    return `window.BENCHMARK_DATA is not plain JSON (${(err as Error).message})`;
  }
  if (!isObject(doc) || !isObject(doc.entries)) return 'window.BENCHMARK_DATA has no "entries" object';
  const runs: BenchmarkRun[] = [];
  const problems: string[] = [];
  for (const [suite, entries] of Object.entries(doc.entries)) {
    if (!Array.isArray(entries)) {
      problems.push(`suite ${suite}: entries are not a list`);
      continue;
    }
    for (const [i, entry] of entries.entries()) {
      if (!isObject(entry) || !Array.isArray(entry.benches)) {
        problems.push(`suite ${suite}, entry #${i + 1}: no benches`);
        continue;
      }
      const tool = typeof entry.tool === 'string' ? entry.tool : '';
      const c = isObject(entry.commit) ? entry.commit : {};
      const commit: BenchmarkRun['commit'] = { id: typeof c.id === 'string' ? c.id : '' };
      if (typeof c.message === 'string') commit.message = c.message;
      if (typeof c.timestamp === 'string') commit.timestamp = c.timestamp;
      if (typeof c.url === 'string') commit.url = c.url;
      const benches: JsonObject[] = [];
      for (const bench of entry.benches) {
        if (!isObject(bench) || typeof bench.name !== 'string' || numberOf(bench.value) === undefined) {
          problems.push(`suite ${suite}, commit ${commit.id.slice(0, 7) || '?'}: a bench without a name or numeric value`);
          continue;
        }
        benches.push(bench);
      }
      runs.push({ suite, commit, date: numberOf(entry.date) ?? 0, tool, series: entrySeries(benches, suite, tool) });
    }
  }
  return { runs, problems };
}

/**
 * Every run stored in a github-action-benchmark `data.js` (oldest first, per
 * suite), for use as baseline history. Throws with the reason when the text
 * is not such a file.
 */
export function benchmarkDataHistory(text: string): BenchmarkRun[] {
  if (!DATA_JS_PREFIX.test(text.replace(/^\uFEFF/, ''))) throw new Error('not a github-action-benchmark data.js (no "window.BENCHMARK_DATA =")');
  const data = readDataJs(text);
  if (typeof data === 'string') throw new Error(data);
  return [...data.runs].sort((a, b) => (a.suite < b.suite ? -1 : a.suite > b.suite ? 1 : a.date - b.date));
}

/**
 * The latest run of each suite is what the file says about the code now. Two
 * workflows may store into one suite for the same commit (one entry each), so
 * every entry of the latest entry's commit counts, the later one winning a
 * bench both hold.
 */
function parseDataJs(input: AdapterInput) {
  const data = readDataJs(input.text);
  if (typeof data === 'string') return failed(`github-action-benchmark: ${data}`);
  const result = new AdapterResult('github-action-benchmark');
  for (const p of data.problems) result.problems.add(undefined, p);
  const latest = new Map<string, BenchmarkRun>();
  for (const run of data.runs) {
    result.rows += 1;
    const seen = latest.get(run.suite);
    if (!seen || run.date >= seen.date) latest.set(run.suite, run);
  }
  const current = new Map<string, RawSeries>();
  const ordered = [...data.runs].sort((a, b) => a.date - b.date);
  for (const run of ordered) {
    const last = latest.get(run.suite);
    if (!last || (run !== last && (run.commit.id === '' || run.commit.id !== last.commit.id))) continue;
    for (const s of run.series) current.set(JSON.stringify([run.suite, s.metric, s.labels.unit ?? '', s.labels.gomaxprocs ?? '']), s);
  }
  for (const s of current.values()) result.add(s);
  return result.outcome('no benches in window.BENCHMARK_DATA');
}

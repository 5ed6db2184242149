import { SampleAccumulator } from '../../metrics/accumulator.js';
import { labelKey } from '../../metrics/identity.js';
import type { RawSeries } from '../../model/series.js';
import { CsvRecordReader } from '../csv-records.js';
import { LIMITS, LimitError, limitMessages } from '../limits.js';
import { failed, skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, accumulate, csvRecords, firstLine, numberOf, summaryOf } from './util.js';
import { ownValue } from '../../util/own.js';

/**
 * Locust's `--csv <prefix>` files:
 *
 *  - `<prefix>_stats.csv`, one row per endpoint and an `Aggregated` row, rewritten while the test
 *    runs (the last write is the whole run):
 *    `Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response
 *    Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,…,99.99%,100%`;
 *    before 1.0: `Method,Name,# requests,# failures,Median response time,…,Requests/s`;
 *  - `<prefix>_stats_history.csv`, a row appended every second: `Timestamp,User Count,Type,Name,
 *    Requests/s,Failures/s,<percentiles>,Total Request Count,…,Total Average Content Size`;
 *  - `<prefix>_failures.csv` (`Method,Name,Error,Occurrences`) and `<prefix>_exceptions.csv`
 *    (`Count,Message,Traceback,Nodes`);
 *  - before 1.0, beside `<prefix>_requests.csv` (the stats above without percentiles),
 *    `<prefix>_distribution.csv`: `"Name","# requests","50%","66%",…,"99%",["99.9%","99.99%",]"100%"`,
 *    the method and name joined in one cell (`"GET /api/items"`), the all-requests row `Total`
 *    (`None Total` in the oldest versions), and an entry without requests written with its bare
 *    name and `"N/A"` percentiles.
 *
 * Response times are milliseconds. Since 1.0 a failed request is logged as a request too (its
 * time counts in the average and percentiles, and in `Request Count`), so `Request Count` is the
 * number of times each summary covers. Locust keeps response times rounded to two significant
 * digits for its median and percentiles; min, max and the average are exact.
 */

type Column = 'type' | 'name' | 'requests' | 'failures' | 'median' | 'average' | 'min' | 'max' | 'size' | 'rps' | 'fps' | 'timestamp' | 'users' | 'totalRequests';

/** Header spellings, lower-cased, of every Locust version that wrote them. */
const ALIASES: Record<string, Column> = {
  type: 'type',
  method: 'type',
  name: 'name',
  'request count': 'requests',
  '# requests': 'requests',
  'failure count': 'failures',
  '# failures': 'failures',
  'median response time': 'median',
  'average response time': 'average',
  'min response time': 'min',
  'max response time': 'max',
  'average content size': 'size',
  'requests/s': 'rps',
  'failures/s': 'fps',
  'requests failed/s': 'fps',
  timestamp: 'timestamp',
  'user count': 'users',
  'total request count': 'totalRequests',
};

/** A percentile column: `50%`, `99.9%`, `100%`. */
const PERCENTILE = /^(\d+(?:\.\d+)?)%$/;

type Kind = 'stats' | 'history' | 'distribution' | 'failures' | 'exceptions';

interface Layout {
  at: Partial<Record<Column, number>>;
  percentiles: [rank: number, at: number][];
}

function layoutOf(header: readonly string[]): Layout {
  const at: Partial<Record<Column, number>> = {};
  const percentiles: [number, number][] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const column = ownValue(ALIASES, name);
    if (column !== undefined && at[column] === undefined) at[column] = i;
    const p = PERCENTILE.exec(name);
    if (p) percentiles.push([Number(p[1]), i]);
  });
  return { at, percentiles };
}

function kindOf(header: readonly string[]): Kind | undefined {
  const names = header.map((h) => h.trim().toLowerCase());
  const joined = names.join(',');
  if (joined === 'method,name,error,occurrences' || joined === 'method,name,error,occurences') return 'failures';
  if (joined === 'count,message,traceback,nodes') return 'exceptions';
  const { at, percentiles } = layoutOf(header);
  if (isDistribution(names, percentiles.length)) return 'distribution';
  if (at.name === undefined || at.rps === undefined) return undefined;
  if (at.timestamp !== undefined && at.users !== undefined) return 'history';
  if (at.timestamp === undefined && at.requests !== undefined && at.median !== undefined && at.average !== undefined && at.type !== undefined) return 'stats';
  return undefined;
}

/**
 * The pre-1.0 `_distribution.csv` header exactly: `Name`, `# requests`, then only percentile
 * columns from `50%` to `100%`. Other tables with a name and percentage columns are not Locust's.
 */
function isDistribution(names: readonly string[], percentiles: number): boolean {
  return names.length >= 4 && names[0] === 'name' && names[1] === '# requests' && percentiles === names.length - 2 && names[2] === '50%' && names[names.length - 1] === '100%';
}

/** The header of a CSV line as Locust writes it (csv.writer: quoted only when needed, and by pre-1.0 versions always). */
function headerOf(text: string): string[] {
  const line = (firstLine(text) ?? '').replace(/^\uFEFF/, '');
  return line.split(',').map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * An entry's labels. The all-requests row is `Aggregated` with no type (before 1.0: `Total`,
 * method `None`), so one name keeps its series across Locust upgrades.
 */
function labelsOf(type: string | undefined, name: string | undefined): Record<string, string> {
  const t = (type ?? '').trim();
  const n = (name ?? '').trim();
  const typed = t !== '' && t !== 'None';
  if (!typed && (n === 'Aggregated' || n === 'Total')) return { name: 'Aggregated' };
  return typed ? { type: t, name: n } : { name: n };
}

const cell = (record: readonly string[], at: number | undefined): string | undefined => (at === undefined ? undefined : record[at]);
const valueAt = (record: readonly string[], at: number | undefined): number | undefined => numberOf(cell(record, at));

/** Ranks kept besides the median and max: `50%` is the median's bucket and `100%` the max's, which are stated exactly. */
function percentilesOf(record: readonly string[], layout: Layout): Record<number, number | undefined> {
  const out: Record<number, number | undefined> = {};
  for (const [rank, at] of layout.percentiles) if (rank !== 50 && rank !== 100) out[rank] = valueAt(record, at);
  return out;
}

function entryName(labels: Record<string, string>): string {
  return labels.type ? `${labels.type} ${labels.name}` : (labels.name ?? '');
}

/** One `_stats.csv` row: a response-time summary, the rates, failures and content size of one endpoint. */
function statsSeries(record: readonly string[], layout: Layout, line: number, result: AdapterResult): RawSeries[] {
  const { at } = layout;
  const labels = labelsOf(cell(record, at.type), cell(record, at.name));
  const requests = valueAt(record, at.requests);
  const out: RawSeries[] = [];
  const single = (metric: string, value: number | undefined, unit: string, direction: 'higher' | 'lower' | 'none') => {
    if (value !== undefined) out.push({ metric, labels: { ...labels }, unitHint: unit, directionHint: direction, samples: accumulate([value]), line });
  };
  if (requests !== undefined && requests > 0) {
    // Percentiles of `N/A` (an entry with no timed request) are left out by summaryOf.
    const summary = summaryOf({ n: requests, mean: valueAt(record, at.average), median: valueAt(record, at.median), min: valueAt(record, at.min), max: valueAt(record, at.max), percentiles: percentilesOf(record, layout) });
    if (summary.mean !== undefined || summary.median !== undefined) out.push({ metric: 'response_time', labels: { ...labels }, unitHint: 'ms', directionHint: 'lower', summary, line });
    single('average_content_size', valueAt(record, at.size), 'B', 'none');
  } else if (requests === 0) {
    // Locust writes zeros for the times of an entry without a request: not measurements.
    result.problems.add(line, `${entryName(labels)}: no requests; its response times are zeros and not read`);
  }
  single('requests_per_s', valueAt(record, at.rps), 'req/s', 'higher');
  single('failures_per_s', valueAt(record, at.fps), 'req/s', 'lower');
  single('failure_count', valueAt(record, at.failures), '', 'lower');
  return out;
}

/**
 * The rows of a `_stats.csv` or `_distribution.csv`, each with a name handed to `read` as its
 * cells in header order; a row without a name is reported and skipped.
 */
function readNamedRows(text: string, read: (cells: string[], name: string, layout: Layout, line: number, result: AdapterResult) => void): ParseOutcome {
  let records: { record: Record<string, string>; line: number }[];
  let header: string[];
  try {
    records = csvRecords(text, { relaxColumnCount: true });
    header = records[0] ? Object.keys(records[0].record) : headerOf(text);
  } catch (err) {
    return failed(`could not be read as Locust CSV: ${(err as Error).message}`);
  }
  const layout = layoutOf(header);
  const result = new AdapterResult('locust');
  for (const { record, line } of records) {
    result.rows += 1;
    const cells = header.map((h) => record[h] ?? '');
    const name = cell(cells, layout.at.name) ?? '';
    if (name.trim() === '') {
      result.problems.add(line, 'no name; row skipped');
      result.excludedRows += 1;
      continue;
    }
    read(cells, name, layout, line, result);
  }
  return result.outcome('no endpoint rows');
}

function parseStats(text: string): ParseOutcome {
  return readNamedRows(text, (cells, _name, layout, line, result) => {
    for (const s of statsSeries(cells, layout, line, result)) result.add(s);
  });
}

/**
 * A `_distribution.csv` row's labels: the cell is `"<method> <name>"` as `_requests.csv` splits it
 * (`GET /api/items` → type `GET`, name `/api/items`), the total `Total` or `None Total`.
 */
function distributionLabels(cell: string): Record<string, string> {
  const text = cell.trim();
  const space = text.indexOf(' ');
  if (space < 0) return labelsOf(undefined, text);
  return labelsOf(text.slice(0, space), text.slice(space + 1).trim());
}

/**
 * `_distribution.csv` (before 1.0): each row's percentiles of the whole run, in ms. They are read
 * as a `response_time` summary with n = `# requests`, the `50%` column as its median and `100%`
 * as its max; the file states no mean, so the series is centred on the median. Its companion
 * `_requests.csv` holds the same run's mean, min and max under the same metric and labels, in
 * a file of its own, so the two never share an id. An entry without requests (`N/A`) is
 * reported once and gets no series.
 */
function parseDistribution(text: string): ParseOutcome {
  return readNamedRows(text, (cells, name, layout, line, result) => {
    const labels = distributionLabels(name);
    const requests = valueAt(cells, layout.at.requests);
    if (requests === 0) {
      result.problems.add(line, `${entryName(labels)}: no requests; its percentiles are N/A and not read`);
      return;
    }
    const at = (rank: number) => valueAt(cells, layout.percentiles.find(([r]) => r === rank)?.[1]);
    const summary = summaryOf({ n: requests, median: at(50), max: at(100), percentiles: percentilesOf(cells, layout) });
    if (summary.median === undefined) {
      result.problems.add(line, `${entryName(labels)}: no 50% value; row skipped`);
      result.excludedRows += 1;
      return;
    }
    result.add({ metric: 'response_time', labels, unitHint: 'ms', directionHint: 'lower', summary, line });
  });
}

/** Samples over time of one entry of the history. */
interface HistoryEntry {
  labels: Record<string, string>;
  line: number;
  rps: SampleAccumulator;
  fps: SampleAccumulator;
}

/**
 * `_stats_history.csv`: the `Requests/s` and `Failures/s` of each row are the rates of the last
 * seconds (a 10-second window), so each row is one sample over time of the entry (`Aggregated`;
 * every endpoint too with `--csv-full-history`). The `Total …` columns are running totals since
 * the start, and the percentiles are too unless the history is full: neither is a reading of its
 * second, and their last values are the `_stats.csv` of the same run, so they are not read.
 * Rows before the first request (rates of zero while users spawn) are passed over. The user count
 * is not a label: a ramp-up changes it every second and would split the run into one series per
 * step. Streamed record by record: an all-day history is a row a second.
 */
function parseHistory(text: string): ParseOutcome {
  const result = new AdapterResult('locust');
  const entries = new Map<string, HistoryEntry>();
  let layout: Layout | undefined;
  let idle = 0;
  const take = (record: string[], line: number) => {
    if (!layout) {
      layout = layoutOf(record);
      return;
    }
    const { at } = layout;
    result.rows += 1;
    if (result.rows > LIMITS.rows) throw new LimitError(limitMessages.rows(), line);
    const total = valueAt(record, at.totalRequests);
    // Not excluded: before the first request there was nothing to measure.
    if (total === 0) {
      idle += 1;
      return;
    }
    const rps = valueAt(record, at.rps);
    const fps = valueAt(record, at.fps);
    if (rps === undefined && fps === undefined) {
      result.problems.add(line, 'no Requests/s or Failures/s value; row skipped');
      result.excludedRows += 1;
      return;
    }
    const labels = labelsOf(cell(record, at.type), cell(record, at.name));
    const key = labelKey(labels);
    let entry = entries.get(key);
    if (!entry) {
      if ((entries.size + 1) * 2 > LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile('endpoints'), line);
      entry = { labels, line, rps: new SampleAccumulator(), fps: new SampleAccumulator() };
      entries.set(key, entry);
    }
    if (rps !== undefined) entry.rps.add(rps);
    if (fps !== undefined) entry.fps.add(fps);
  };
  const reader = new CsvRecordReader(',', {
    record: take,
    fatal: (line, reason) => result.problems.add(line, reason === 'unclosed-quote' ? 'a quoted field is never closed; the rest of the file could not be read' : 'a record is too long; the rest of the file could not be read'),
  });
  reader.push(text);
  reader.end();
  for (const e of entries.values()) {
    if (e.rps.count > 0) result.add({ metric: 'requests_per_s', labels: { ...e.labels }, unitHint: 'req/s', directionHint: 'higher', samples: e.rps, line: e.line });
    if (e.fps.count > 0) result.add({ metric: 'failures_per_s', labels: { ...e.labels }, unitHint: 'req/s', directionHint: 'lower', samples: e.fps, line: e.line });
  }
  return result.outcome(idle > 0 ? 'no row after the first request' : 'no rows with Requests/s');
}

/**
 * `_failures.csv` and `_exceptions.csv` hold the errors behind the counts, as text: each failure
 * is already in its endpoint's `Failure Count` and `Failures/s` in `_stats.csv`, and exceptions
 * raised in the locustfile are not measurements. They are listed as skipped, with the totals.
 */
function parseErrors(text: string, kind: 'failures' | 'exceptions'): ParseOutcome {
  let records: { record: Record<string, string>; line: number }[];
  try {
    records = csvRecords(text, { relaxColumnCount: true });
  } catch (err) {
    return failed(`could not be read as Locust CSV: ${(err as Error).message}`);
  }
  const count = (r: Record<string, string>) => numberOf(r.Occurrences ?? r.Occurences ?? r.occurrences ?? r.Count ?? r.count) ?? 0;
  const total = records.reduce((sum, { record }) => sum + count(record), 0);
  const kinds = `${records.length} kind${records.length === 1 ? '' : 's'}, ${total} occurrence${total === 1 ? '' : 's'}`;
  return kind === 'failures'
    ? skipped(`locust failures (${kinds}): each is counted in its endpoint's Failure Count and Failures/s in _stats.csv; the error texts are not series`)
    : skipped(`locust exceptions (${kinds}): errors raised in the locustfile, not measurements`);
}

/**
 * Locust's `--csv` files: `_stats.csv` (per endpoint and `Aggregated`: a `response_time`
 * summary in ms, `requests_per_s`, `failures_per_s`, `failure_count`, `average_content_size`),
 * `_stats_history.csv` (the rates over time), the pre-1.0 `_distribution.csv` (the percentiles as
 * a `response_time` summary), `_failures.csv` and `_exceptions.csv` (skipped with their totals).
 * Detected by the header alone, whatever the prefix.
 */
export const locust: ToolAdapter = {
  name: 'locust',
  types: ['csv'],
  detect(input: AdapterInput): boolean {
    // Every CSV of a tree is offered here: one whose first line names none of Locust's columns is refused unsplit.
    const line = firstLine(input.text);
    if (line === undefined || !/Name|Occurrences|Traceback/.test(line)) return false;
    return kindOf(headerOf(input.text)) !== undefined;
  },
  parse(input: AdapterInput): ParseOutcome {
    const kind = kindOf(headerOf(input.text));
    if (kind === 'stats') return parseStats(input.text);
    if (kind === 'history') return parseHistory(input.text);
    if (kind === 'distribution') return parseDistribution(input.text);
    if (kind === 'failures' || kind === 'exceptions') return parseErrors(input.text, kind);
    return skipped('not a Locust --csv file: the header must be that of _stats.csv, _stats_history.csv, _distribution.csv, _failures.csv or _exceptions.csv');
  },
};

import { parse as parseCsvSync } from 'csv-parse/sync';
import type { Direction, ProvidedSummary, RawSeries } from '../../model/series.js';
import { ProblemLog } from '../problems.js';
import { failed, skipped, type ParseOutcome } from '../types.js';
import type { ToolAdapter } from './types.js';
import { hasCentre, sampledSeries, shortLabel, summarySeries, toMs } from './llm-shared.js';
import { firstLine, isObject, numberOf, parsedOutcome, summaryOf, type JsonObject } from './util.js';

/**
 * NVIDIA GenAI-Perf (`profile_export_genai_perf.json|csv`) and its successor
 * AIPerf (`profile_export_aiperf.json|csv`): one `{unit, avg, pNN, min, max,
 * std}` object per metric. Their unit strings are not reliable outside time
 * (`per sec`, `tokens/sec/user`, throughputs once labelled `ms`), so only time
 * metrics use the file's unit, converted to milliseconds; every other unit
 * follows from what the metric counts.
 */

const CORE_METRICS = ['time_to_first_token', 'inter_token_latency', 'request_latency', 'output_token_throughput', 'request_throughput'];
/** Sections that are not metrics of the run itself. */
const NOT_METRICS = new Set(['input_config', 'telemetry_stats', 'telemetry_data', 'error_summary', 'was_cancelled', 'start_time', 'end_time']);

interface MetricKind {
  unit: string;
  /** Undefined for metrics this adapter does not know: inference from the name decides. */
  direction?: Direction;
  /** Times are rescaled to ms from the file's unit. */
  time: boolean;
  /** A distribution over requests (its n is the request count), not one run-wide value. */
  perRequest: boolean;
}

const TIME_NAME = /(latency|^time_to_|duration$)/;

/** What a metric measures, from its name alone. */
export function metricKind(name: string): MetricKind {
  if (name === 'benchmark_duration') return { unit: 'ms', direction: 'none', time: true, perRequest: false };
  if (TIME_NAME.test(name)) return { unit: 'ms', direction: 'lower', time: true, perRequest: true };
  if (/throughput_per_(user|request)$/.test(name)) return { unit: 'tok/s', direction: 'higher', time: false, perRequest: true };
  if (/token_throughput/.test(name)) return { unit: 'tok/s', direction: 'higher', time: false, perRequest: false };
  if (/^request_(throughput|goodput)$|^goodput$/.test(name)) return { unit: 'req/s', direction: 'higher', time: false, perRequest: false };
  if (/^image_throughput$/.test(name)) return { unit: 'images/s', direction: 'higher', time: false, perRequest: false };
  if (/throughput/.test(name)) return { unit: '/s', direction: 'higher', time: false, perRequest: false };
  if (/(sequence_length|_isl|_osl|^isl|^osl|token_count|_tokens?)$/.test(name)) return { unit: 'tokens', direction: 'none', time: false, perRequest: !/^total_/.test(name) };
  if (/^error_request_count$/.test(name)) return { unit: 'requests', direction: 'lower', time: false, perRequest: false };
  if (/request_count$/.test(name)) return { unit: 'requests', direction: 'none', time: false, perRequest: false };
  return { unit: '', time: false, perRequest: false };
}

const STAT_FIELD = /^(avg|mean|std|min|max|p\d{1,2}(?:\.\d+)?)$/;

/** `{avg, std, p50, …}` → a summary with every value passed through `scale`; only stat fields are read. */
function statsSummary(stats: Record<string, unknown>, scale: (v: number) => number, n: number | undefined): ProvidedSummary {
  // AIPerf states each distribution's own count: 96 requests, but 52,023 gaps between streamed chunks.
  const own = numberOf(stats.count);
  const count = own !== undefined && Number.isInteger(own) && own > 0 ? own : n;
  const summary: ProvidedSummary = count !== undefined ? { n: count } : {};
  for (const [field, raw] of Object.entries(stats)) {
    const value = numberOf(raw);
    if (value === undefined || !STAT_FIELD.test(field)) continue;
    const scaled = scale(value);
    if (field === 'avg' || field === 'mean') summary.mean = scaled;
    else if (field === 'std') summary.sd = scaled;
    else if (field === 'min') summary.min = scaled;
    else if (field === 'max') summary.max = scaled;
    else if (field === 'p50') summary.median = scaled;
    else (summary.percentiles ??= {})[Number(field.slice(1))] = scaled;
  }
  return summaryOf(summary);
}

/** One run-wide value (`{unit, avg}` only) is a single sample; a distribution is a summary. */
function seriesFor(metric: string, labels: Record<string, string>, stats: Record<string, unknown>, fileUnit: string | undefined, requestCount: number | undefined, problems: ProblemLog, line?: number): RawSeries | undefined {
  const kind = metricKind(metric);
  let scale = (v: number) => v;
  if (kind.time && fileUnit) {
    if (toMs(1, fileUnit) === undefined) problems.add(line, `"${metric}" is a time but its unit "${fileUnit}" is not; read as ms`);
    else scale = (v) => toMs(v, fileUnit) as number;
  }
  const summary = statsSummary(stats, scale, kind.perRequest ? requestCount : undefined);
  if (!hasCentre(summary)) return undefined;
  const options = { unit: kind.unit || fileUnit || '', ...(kind.direction ? { direction: kind.direction } : {}), ...(line !== undefined ? { line } : {}) };
  const onlyMean = Object.keys(stats).every((k) => k === 'unit' || k === 'avg' || k === 'mean' || numberOf(stats[k]) === undefined);
  if (onlyMean && summary.mean !== undefined) return sampledSeries(metric, labels, [summary.mean], options);
  return summarySeries(metric, labels, summary, options);
}

function isStatObject(v: unknown): v is JsonObject {
  return isObject(v) && numberOf(v.avg ?? v.mean) !== undefined;
}

function isProfileExport(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  return CORE_METRICS.filter((k) => isStatObject(value[k])).length >= 2;
}

/** The first value under `key` at any depth (input_config's layout changes between versions). */
function findKey(node: unknown, key: string, depth = 4): unknown {
  if (depth < 0) return undefined;
  // AIPerf 0.11 lists its load phases: `phases: [{ "concurrency": 16, … }]`.
  if (Array.isArray(node)) {
    for (const item of node.slice(0, 20)) {
      const found = findKey(item, key, depth - 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isObject(node)) return undefined;
  if (key in node) return node[key];
  for (const child of Object.values(node)) {
    const found = findKey(child, key, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function configLabels(config: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isObject(config)) return labels;
  // `model_names: [...]`, `model: "…"`, or AIPerf 0.11's `models: { items: [{ name: "…" }] }`.
  const listed = findKey(config, 'models');
  const items = isObject(listed) && Array.isArray(listed.items) ? listed.items.map((m) => (isObject(m) ? m.name : m)) : Array.isArray(listed) ? listed : undefined;
  const models = findKey(config, 'model_names') ?? findKey(config, 'model') ?? items;
  const model = Array.isArray(models) ? models.map((m) => shortLabel(m)).filter((m) => m !== undefined).join(',') : shortLabel(models);
  if (model) labels.model = model;
  const endpoint = findKey(config, 'endpoint_type') ?? (isObject(findKey(config, 'endpoint')) ? (findKey(config, 'endpoint') as JsonObject).type : undefined);
  const endpointText = shortLabel(endpoint);
  if (endpointText) labels.endpoint_type = endpointText;
  // AIPerf 0.11 lists a warm-up phase before the profiling one: the profiling phase's load is the run's.
  const phases = findKey(config, 'phases');
  const profiling = Array.isArray(phases) ? phases.find((p) => isObject(p) && (p.name === 'profiling' || p.type === 'profiling')) : undefined;
  for (const key of ['concurrency', 'request_rate', 'streaming']) {
    const text = shortLabel((profiling !== undefined ? findKey(profiling, key) : undefined) ?? findKey(config, key));
    if (text !== undefined) labels[key] = text;
  }
  return labels;
}

/** AIPerf `telemetry_data.endpoints.*.gpus.*.metrics` and GenAI-Perf `telemetry_stats.<metric>.gpuN`: context, never scored. */
function telemetrySeries(doc: JsonObject, labels: Record<string, string>): RawSeries[] {
  const out: RawSeries[] = [];
  const add = (metric: string, gpu: string, stats: JsonObject, extra: Record<string, string>) => {
    const summary = statsSummary(stats, (v) => v, undefined);
    if (summary.mean === undefined) return;
    const unit = typeof stats.unit === 'string' ? stats.unit : '';
    out.push(summarySeries(metric, { ...labels, ...extra, gpu }, summary, { unit, direction: 'none' }));
  };
  const endpoints = isObject(doc.telemetry_data) && isObject(doc.telemetry_data.endpoints) ? doc.telemetry_data.endpoints : {};
  const endpointNames = Object.keys(endpoints);
  for (const [endpoint, body] of Object.entries(endpoints)) {
    if (!isObject(body) || !isObject(body.gpus)) continue;
    for (const [gpuKey, gpu] of Object.entries(body.gpus)) {
      if (!isObject(gpu) || !isObject(gpu.metrics)) continue;
      const index = shortLabel(gpu.gpu_index) ?? gpuKey;
      const extra: Record<string, string> = endpointNames.length > 1 ? { endpoint } : {};
      for (const [metric, stats] of Object.entries(gpu.metrics)) if (isStatObject(stats)) add(metric, index, stats, extra);
    }
  }
  const legacy = isObject(doc.telemetry_stats) ? doc.telemetry_stats : {};
  for (const [metric, perGpu] of Object.entries(legacy)) {
    if (!isObject(perGpu)) continue;
    for (const [gpuKey, stats] of Object.entries(perGpu)) {
      if (isStatObject(stats)) add(metric, gpuKey.replace(/^gpu/, ''), { ...stats, unit: perGpu.unit }, {});
    }
  }
  return out;
}

function parseJsonExport(doc: JsonObject, adapter: string): ParseOutcome {
  const problems = new ProblemLog();
  const labels = configLabels(doc.input_config);
  const requestCount = isObject(doc.request_count) ? numberOf(doc.request_count.avg) : undefined;
  const series: RawSeries[] = [];
  for (const [metric, value] of Object.entries(doc)) {
    if (NOT_METRICS.has(metric) || !isStatObject(value)) continue;
    const unit = typeof value.unit === 'string' ? value.unit : undefined;
    const s = seriesFor(metric, labels, value, unit, requestCount, problems);
    if (s) series.push(s);
  }
  series.push(...telemetrySeries(doc, labels));
  const errors = Array.isArray(doc.error_summary) ? doc.error_summary.reduce<number>((sum, e) => sum + (isObject(e) ? (numberOf(e.count) ?? 0) : 0), 0) : 0;
  // Rows are requests when the export counts them, else the metric objects read.
  const rows = requestCount !== undefined ? requestCount + errors : series.length;
  return parsedOutcome(adapter, series, problems, { rows, excludedRows: errors });
}

/** `Time To First Token (ms)` → `time_to_first_token` and `ms`. */
function csvMetricName(cell: string): { metric: string; unit?: string } {
  const bracket = /\s*\(([^()]*)\)\s*$/.exec(cell);
  const base = bracket ? cell.slice(0, bracket.index) : cell;
  const metric = base.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return bracket ? { metric, unit: (bracket[1] as string).trim() } : { metric };
}

const CSV_CORE = /^(time to first token|inter token latency|request latency|request throughput|output token throughput)\b/i;

function looksLikeCsvExport(text: string): boolean {
  // Every CSV of a tree is offered here: the first line must start with `Metric` before anything is split.
  const first = firstLine(text);
  if (first === undefined || !/^"?Metric"?\s*,/i.test(first)) return false;
  const lines = text.slice(0, 16_384).split(/\r?\n/);
  return /^"?Metric"?\s*,/i.test(lines.find((l) => l.trim() !== '') ?? '') && lines.filter((l) => CSV_CORE.test(l.replace(/^"/, ''))).length >= 2;
}

function parseCsvExport(text: string, adapter: string): ParseOutcome {
  let records: string[][];
  try {
    records = parseCsvSync(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as string[][];
  } catch (err) {
    return failed(`could not be read as a ${adapter} CSV export: ${(err as Error).message}`);
  }
  const problems = new ProblemLog();
  const series: RawSeries[] = [];
  let header: string[] | undefined;
  let requestCount: number | undefined;
  const rows: { cells: string[]; header: string[]; line: number }[] = [];
  records.forEach((cells, i) => {
    if (cells.some((c) => c.trim().toLowerCase() === 'metric')) header = cells.map((c) => c.trim().toLowerCase());
    else if (header) rows.push({ cells, header, line: i + 1 });
  });
  // The request count (second section) is the n of the per-request distributions (first section).
  for (const { cells, header: h } of rows) {
    const name = csvMetricName(cells[h.indexOf('metric')] ?? '');
    if (name.metric === 'request_count') requestCount = numberOf(cells[h.indexOf('value')] ?? cells[h.indexOf('avg')]);
  }
  for (const { cells, header: h, line } of rows) {
    const { metric, unit } = csvMetricName(cells[h.indexOf('metric')] ?? '');
    if (metric === '') continue;
    const stats: Record<string, unknown> = {};
    h.forEach((column, i) => {
      const value = numberOf(cells[i]);
      if (value !== undefined && (STAT_FIELD.test(column) || column === 'value')) stats[column === 'value' ? 'avg' : column] = value;
    });
    const gpuIndex = h.indexOf('gpu_index');
    if (gpuIndex >= 0) {
      // Telemetry rows: one per GPU and metric, units as stated.
      const summary = statsSummary(stats, (v) => v, undefined);
      if (summary.mean !== undefined) series.push(summarySeries(metric, { gpu: cells[gpuIndex] ?? '' }, summary, { unit: unit ?? '', direction: 'none', line }));
      continue;
    }
    const s = seriesFor(metric, {}, stats, unit, requestCount, problems, line);
    if (s) series.push(s);
    else problems.add(line, `"${cells[h.indexOf('metric')]}" has no numeric value; row skipped`);
  }
  if (series.length === 0) return skipped(`no metric rows in this ${adapter} CSV export`);
  return parsedOutcome(adapter, series, problems, { rows: rows.length });
}

export const genaiPerfAdapter: ToolAdapter = {
  name: 'genai-perf',
  types: ['json', 'csv'],
  detect: (input) => (input.type === 'csv' ? looksLikeCsvExport(input.text) : isProfileExport(input.json)),
  parse: (input) => {
    // AIPerf writes the same format under a new name; one adapter (and one `format` value) reads both.
    const adapter = 'genai-perf';
    if (input.type === 'csv') return looksLikeCsvExport(input.text) ? parseCsvExport(input.text, adapter) : skipped('not a GenAI-Perf/AIPerf CSV export: no "Metric" header with TTFT/latency/throughput rows');
    if (!isProfileExport(input.json)) return skipped('not a GenAI-Perf/AIPerf profile export: no {unit, avg, …} objects for TTFT, latency or throughput');
    const outcome = parseJsonExport(input.json, adapter);
    // Both tools write the same run as JSON and as CSV side by side; the JSON (with its counts and labels) stands for both.
    if (outcome.status === 'parsed' && /(^|\/)profile_export[^/]*\.json$/.test(input.path)) outcome.supersedes = [input.path.replace(/\.json$/, '.csv')];
    return outcome;
  },
};

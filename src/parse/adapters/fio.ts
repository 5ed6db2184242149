import { labelKey } from '../../metrics/identity.js';
import type { ProvidedSummary } from '../../model/series.js';
import { duplicateProblems, readJsonDocument } from '../json.js';
import type { DuplicateKey } from '../json-scan.js';
import { LIMITS, LimitError, limitMessages } from '../limits.js';
import { poolSummaries } from '../table.js';
import { failed, type ParseOutcome } from '../types.js';
import { SeriesSet, sampledSeries, shortLabel, summarySeries } from './llm-shared.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, LineCursor, isObject, numberOf, summaryOf, type JsonObject } from './util.js';

/**
 * fio's `--output-format=json` (and `json+`, which adds latency `bins`):
 *
 *     { "fio version": "fio-3.36", "timestamp": …, "global options": { "ioengine": "libaio", "direct": "1" },
 *       "jobs": [ { "jobname": "randread-4k", "error": 0, "job options": { "rw": "randread", "bs": "4k", "iodepth": "32" },
 *                   "read":  { "io_bytes": …, "bw_bytes": …, "bw": …, "iops": …, "runtime": …,
 *                              "slat_ns": {…}, "clat_ns": { "min", "max", "mean", "stddev", "N", "percentile": { "99.000000": … } },
 *                              "lat_ns": {…}, "bw_mean": …, "iops_mean": …, "iops_stddev": …, "iops_samples": … },
 *                   "write": { all zeros for a read-only job }, "trim": {…}, "sync": { "total_ios", "lat_ns" },
 *                   "usr_cpu": …, "sys_cpu": …, "ctx": …, "majf": …, "minf": …, "iodepth_level": {…}, "latency_us": {…} } ],
 *       "disk_util": [ … ] }
 *
 * Per job and data direction: `bandwidth` (B/s), `iops`, and the `slat`,
 * `clat` and `lat` latency summaries in µs; per job `usr_cpu`/`sys_cpu`.
 * fio before 3.0 wrote latencies in µs under `slat`/`clat`/`lat` and only
 * `bw` in KiB/s; both layouts give the same series.
 */

/**
 * The data directions fio reports bandwidth for; `sync` (fsync and friends)
 * has only latencies. `unified_rw_reporting=1` writes all of them as one
 * `mixed` direction instead.
 */
const DATA_DIRECTIONS = ['read', 'write', 'trim', 'mixed'] as const;

/**
 * Options that define the workload, so two runs compare only when they ran
 * the same one; each under fio's aliases. The engine, `direct`, sizes and
 * runtimes are how the workload is run: changing them is a change measured,
 * not a new workload, and run-to-run counts (`ctx`, `majf`) are never labels.
 */
const LABEL_OPTIONS: readonly (readonly [label: string, names: readonly string[]])[] = [
  ['rw', ['rw', 'readwrite']],
  ['bs', ['bs', 'blocksize']],
  ['iodepth', ['iodepth']],
  ['numjobs', ['numjobs']],
  ['rwmixread', ['rwmixread']],
  ['rwmixwrite', ['rwmixwrite']],
];

/** Latency objects: fio 3 in ns (`clat_ns`), fio 2 in µs (`clat`). */
const LATENCIES = [
  ['slat', 'slat_ns', 'slat'],
  ['clat', 'clat_ns', 'clat'],
  ['lat', 'lat_ns', 'lat'],
] as const;

function isFioOutput(json: unknown): json is JsonObject {
  return isObject(json) && typeof json['fio version'] === 'string' && (Array.isArray(json.jobs) || Array.isArray(json.client_stats));
}

/** fio 2 fills its percentile list up to 20 entries with `"0.00": 0`; a real rank is written `%f` (`"0.000000"`). */
const PERCENTILE_PADDING = '0.00';

function isPercentilePadding(dup: DuplicateKey): boolean {
  return dup.key === PERCENTILE_PADDING && dup.path[dup.path.length - 2] === 'percentile';
}

/**
 * How far into a file fio's JSON may start: past its messages (a note per
 * job: `numjobs=64` writes 64 of them), not deep into other text.
 */
const HEAD_CHARS = 16_384;

/** Index just past the `}` closing the object that opens at `start`, or -1 when the text ends first. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i += 1; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i += 1;
    } else if (c === 0x7b || c === 0x5b) depth += 1;
    else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Index of the first line at or after `from` that starts with `{`, or -1. */
function objectLine(text: string, from: number): number {
  if (text[from] === '{' && (from === 0 || text[from - 1] === '\n')) return from;
  const at = text.indexOf('\n{', from);
  return at < 0 ? -1 : at + 1;
}

const linesIn = (text: string, start: number, end: number) => {
  let n = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
};

/** fio's JSON found in a file, with the number of lines before it and what the reading found on the way. */
interface FioDocument {
  root: JsonObject;
  /** The JSON's own text, and how many lines of the file come before it. */
  text: string;
  offset: number;
  problems: { line: number | undefined; reason: string }[];
}

/**
 * fio's `--output-format=json` saved from stdout (`fio … > fio.json`) may
 * start with its messages (`note: both iodepth >= 1 and synchronous I/O
 * engine are selected…`, `fio: terminating on signal 2`) and, with
 * `--status-interval`, hold one JSON dump per interval, each cumulative from
 * the start, the last one the run's result. The JSON objects are those
 * starting a line with `{`; the last that is fio's is read.
 */
function embeddedDocument(text: string): FioDocument | undefined {
  if (!looksEmbedded(text)) return undefined;
  const first = objectLine(text, 0);
  const dumps: { start: number; end: number }[] = [];
  let end = first;
  for (let start = first; start >= 0; start = objectLine(text, end)) {
    end = objectEnd(text, start);
    if (end < 0) break;
    dumps.push({ start, end });
  }
  // The last object that is fio's JSON: a line of other text opening with `{` after it is only text after it.
  let chosen: { k: number; json: string; doc: { value: unknown; duplicates: DuplicateKey[] } } | undefined;
  for (let k = dumps.length - 1; k >= 0 && !chosen; k--) {
    const { start, end: stop } = dumps[k] as { start: number; end: number };
    const json = text.slice(start, stop);
    const doc = readJsonDocument(json);
    if (doc && 'refusal' in doc) throw new LimitError(doc.refusal.reason, doc.refusal.line + linesIn(text, 0, start));
    if (doc && isFioOutput(doc.value)) chosen = { k, json, doc };
  }
  if (!chosen) return undefined;
  const last = dumps[chosen.k] as { start: number; end: number };
  const { json, doc } = chosen;
  const root = doc.value as JsonObject;
  const offset = linesIn(text, 0, last.start);
  const problems: FioDocument['problems'] = [];
  const before = linesIn(text, 0, first);
  if (before > 0) {
    const signal = /^fio: terminating on signal (\d+)/m.exec(text.slice(0, first));
    problems.push({
      line: 1,
      reason: signal
        ? `fio was stopped by signal ${signal[1]} (line ${linesIn(text, 0, signal.index) + 1}): its results cover the run until then`
        : `${before === 1 ? 'line 1, before' : `lines 1–${before}, before`} fio's JSON, ${before === 1 ? 'is' : 'are'} not read; the JSON from line ${offset + 1} is`,
    });
  }
  if (chosen.k > 0) {
    problems.push({ line: before + 1, reason: `${chosen.k} earlier JSON status ${chosen.k === 1 ? 'dump' : 'dumps'} (--status-interval, cumulative) not read; the last, from line ${offset + 1}, is the run's result` });
  }
  const trailing = text.slice(last.end).search(/\S/);
  if (trailing >= 0) {
    const from = linesIn(text, 0, last.end + trailing) + 1;
    problems.push({ line: from, reason: `text after fio's JSON, from line ${from}, is not read` });
  }
  for (const p of duplicateProblems(doc.duplicates.filter((d) => !isPercentilePadding(d)))) problems.push({ line: p.line === undefined ? undefined : p.line + offset, reason: p.reason });
  return { root, text: json, offset, problems };
}

/** The document an input holds: parsed already, or fio's JSON after its messages. */
function fioDocument(input: AdapterInput): FioDocument | undefined {
  if (isFioOutput(input.json)) return { root: input.json, text: input.text, offset: 0, problems: [] };
  return input.json === undefined ? embeddedDocument(input.text) : undefined;
}

/** A cheap look for fio's JSON after its messages: the key near the start, an object opening a line before it. */
function looksEmbedded(text: string): boolean {
  const head = text.slice(0, HEAD_CHARS);
  if (!head.includes('"fio version"')) return false;
  const key = head.search(/"fio version"\s*:/);
  if (key < 0) return false;
  const open = objectLine(head, 0);
  return open >= 0 && open < key;
}

function optionsOf(v: unknown): JsonObject {
  return isObject(v) ? v : {};
}

/** The jobname fio gives its sum over every client's jobs in `client_stats`. */
const ALL_CLIENTS = 'All clients';

/**
 * A `client_stats` entry's labels: `host` (the server it ran on), then the
 * job's. fio's `All clients` entry sums every job of every client: it is its
 * own configuration, `host=All clients` and nothing else, so it is never
 * pooled with a client's job; its `hostname` (the last client's) is not used.
 */
function clientLabels(entry: JsonObject, global: JsonObject): Record<string, string> | undefined {
  if (entry.jobname === ALL_CLIENTS) return { host: ALL_CLIENTS };
  const host = shortLabel(entry.hostname);
  return host === undefined ? undefined : { host, ...jobLabels(entry, global) };
}

/** `job` (the jobname), then each workload option the job or the global section states; the job's own wins. */
function jobLabels(job: JsonObject, global: JsonObject): Record<string, string> {
  const labels: Record<string, string> = { job: shortLabel(job.jobname) ?? '' };
  const own = optionsOf(job['job options']);
  for (const [label, names] of LABEL_OPTIONS) {
    const stated = names.map((n) => own[n]).find((v) => v !== undefined) ?? names.map((n) => global[n]).find((v) => v !== undefined);
    const text = shortLabel(stated);
    if (text !== undefined) labels[label] = text;
  }
  return labels;
}

/**
 * A latency object as a summary in µs; undefined when it holds no I/O (N is
 * 0, as for a sync engine's slat; fio 2 writes no N, and zeros for no I/O).
 */
function latencySummary(v: unknown, perMicro: number): ProvidedSummary | undefined {
  if (!isObject(v)) return undefined;
  const n = numberOf(v.N);
  if (n !== undefined && n <= 0) return undefined;
  if (n === undefined && !((numberOf(v.mean) ?? 0) > 0 || (numberOf(v.max) ?? 0) > 0)) return undefined;
  const us = (x: unknown) => {
    const value = numberOf(x);
    return value === undefined ? undefined : value / perMicro;
  };
  const percentiles: Record<number, number | undefined> = {};
  let median: number | undefined;
  for (const [rank, value] of Object.entries(optionsOf(v.percentile))) {
    // A lone padding entry is no duplicate (a list of 19 ranks), and no 0th percentile either.
    if (rank === PERCENTILE_PADDING) continue;
    const r = numberOf(rank);
    if (r === undefined) continue;
    if (r === 50) median = us(value);
    else percentiles[r] = us(value);
  }
  return summaryOf({ n, mean: us(v.mean), sd: us(v.stddev), min: us(v.min), max: us(v.max), median, percentiles });
}

/** The direction's latencies, in whichever layout the fio version wrote. */
function latenciesOf(dir: JsonObject): [metric: string, summary: ProvidedSummary][] {
  const out: [string, ProvidedSummary][] = [];
  for (const [metric, nsKey, usKey] of LATENCIES) {
    const summary = dir[nsKey] !== undefined ? latencySummary(dir[nsKey], 1000) : latencySummary(dir[usKey], 1);
    if (summary) out.push([metric, summary]);
  }
  return out;
}

/** Bytes moved: `io_bytes`, or fio 2's `io_kbytes` (KiB). */
function ioBytes(dir: JsonObject): number | undefined {
  const bytes = numberOf(dir.io_bytes);
  if (bytes !== undefined) return bytes;
  const kib = numberOf(dir.io_kbytes);
  return kib === undefined ? undefined : kib * 1024;
}

/** Bandwidth in B/s: `bw_bytes`, or `bw` (KiB/s) from versions before it. */
function bandwidthOf(dir: JsonObject): number | undefined {
  const bytes = numberOf(dir.bw_bytes);
  if (bytes !== undefined) return bytes;
  const kib = numberOf(dir.bw);
  return kib === undefined ? undefined : kib * 1024;
}

/**
 * Totals of one workload over its entries. Without `group_reporting`,
 * `numjobs=4` writes four entries of one jobname that ran side by side:
 * their bandwidths and IOPS add up to the job's (what `group_reporting`
 * states), so a series means the same whether or not it was set.
 */
interface Throughput {
  labels: Record<string, string>;
  bandwidth: number;
  iops: number | undefined;
  line: number | undefined;
}

function addThroughput(totals: Map<string, Throughput>, labels: Record<string, string>, dir: JsonObject, line: number | undefined): void {
  const bandwidth = bandwidthOf(dir);
  if (bandwidth === undefined) return;
  const iops = numberOf(dir.iops);
  const key = labelKey(labels);
  const existing = totals.get(key);
  if (!existing) {
    totals.set(key, { labels, bandwidth, iops, line });
    return;
  }
  existing.bandwidth += bandwidth;
  existing.iops = existing.iops === undefined || iops === undefined ? undefined : existing.iops + iops;
}

/**
 * Adds a latency summary, pooling clones of one job (n, mean, sd, min, max;
 * percentiles do not pool and are dropped) instead of keeping the first.
 */
function addLatency(latencies: Map<string, { metric: string; labels: Record<string, string>; summary: ProvidedSummary; line: number | undefined }>, metric: string, labels: Record<string, string>, summary: ProvidedSummary, line: number | undefined): void {
  const key = `${metric}\u0000${labelKey(labels)}`;
  const existing = latencies.get(key);
  if (!existing) {
    latencies.set(key, { metric, labels, summary, line });
    return;
  }
  existing.summary = poolSummaries(existing.summary, summary) ?? existing.summary;
}

/**
 * fio JSON: per job and data direction (label `op`: read, write, trim;
 * sync for fsync latencies) `bandwidth` (B/s) and `iops` (ops/s), higher;
 * `slat`, `clat`, `lat` (µs), lower; per job `usr_cpu` and `sys_cpu` (%),
 * no direction. A direction that moved no bytes is left out, and so is a
 * job that ended with an error.
 */
export const fio: ToolAdapter = {
  name: 'fio',
  // A `.json` file that starts with fio's messages is not JSON: it is offered as JSONL, and `> fio.log` as text.
  types: ['json', 'jsonl', 'text'],
  detect: (input: AdapterInput) => isFioOutput(input.json) || (input.json === undefined && looksEmbedded(input.text)),
  expectedDuplicate: isPercentilePadding,
  parse(input: AdapterInput): ParseOutcome {
    const doc = fioDocument(input);
    if (!doc) return failed('fio: no JSON object with "fio version" and a "jobs" or "client_stats" list');
    const { root, offset } = doc;
    const global = optionsOf(root['global options']);
    const result = new AdapterResult('fio');
    for (const p of doc.problems) result.problems.add(p.line, p.reason);
    const cursor = new LineCursor(doc.text);
    const at = (needle: string) => {
      const line = cursor.next(needle);
      return line === undefined ? undefined : line + offset;
    };
    const totals = new Map<string, Throughput>();
    const latencies = new Map<string, { metric: string; labels: Record<string, string>; summary: ProvidedSummary; line: number | undefined }>();
    const cpu = new SeriesSet(result.problems);
    // `jobs` (a local run) and `client_stats` (`--client`: each server's jobs, then fio's sum over them all) in file order.
    const lists = (['jobs', 'client_stats'] as const)
      .filter((key) => Array.isArray(root[key]))
      .sort((a, b) => doc.text.indexOf(`"${a}"`) - doc.text.indexOf(`"${b}"`));
    for (const list of lists) {
      at(`"${list}"`);
      for (const [i, job] of (root[list] as unknown[]).entries()) {
        const line = at('"jobname"');
        result.rows += 1;
        if (!isObject(job) || shortLabel(job.jobname) === undefined) {
          result.excludedRows += 1;
          result.problems.add(line, `${list === 'jobs' ? 'job' : 'client_stats entry'} #${i + 1}: no jobname; skipped`);
          continue;
        }
        const error = numberOf(job.error);
        if (error !== undefined && error !== 0) {
          result.excludedRows += 1;
          result.problems.add(line, `job ${String(job.jobname)} ended with error ${error}; its results are left out`);
          continue;
        }
        const labels = list === 'jobs' ? jobLabels(job, global) : clientLabels(job, global);
        if (!labels) {
          result.excludedRows += 1;
          result.problems.add(line, `client_stats entry #${i + 1}: no hostname; skipped`);
          continue;
        }
        for (const op of DATA_DIRECTIONS) {
          const dir = job[op];
          // A read-only job still writes an all-zero `write` object: no I/O, no result.
          if (!isObject(dir) || !((ioBytes(dir) ?? 0) > 0)) continue;
          const opLabels = { ...labels, op };
          addThroughput(totals, opLabels, dir, line);
          for (const [metric, summary] of latenciesOf(dir)) addLatency(latencies, metric, opLabels, summary, line);
        }
        const sync = job.sync;
        if (isObject(sync) && (numberOf(sync.total_ios) ?? 0) > 0) {
          for (const [metric, summary] of latenciesOf(sync)) addLatency(latencies, metric, { ...labels, op: 'sync' }, summary, line);
        }
        // fio's sum over the clients adds their CPU times, not a share of one machine's CPUs: no CPU series for it.
        if (labels.host !== ALL_CLIENTS) {
          for (const metric of ['usr_cpu', 'sys_cpu'] as const) {
            const value = numberOf(job[metric]);
            if (value !== undefined) cpu.add(sampledSeries(metric, labels, [value], { unit: '%', direction: 'none', ...(line === undefined ? {} : { line }) }));
          }
        }
        if (totals.size * 2 + latencies.size > LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile(), line);
      }
    }
    for (const t of totals.values()) {
      const where = t.line === undefined ? {} : { line: t.line };
      result.add(sampledSeries('bandwidth', t.labels, [t.bandwidth], { unit: 'B/s', direction: 'higher', ...where }));
      if (t.iops !== undefined) result.add(sampledSeries('iops', t.labels, [t.iops], { unit: 'ops/s', direction: 'higher', ...where }));
    }
    for (const l of latencies.values()) result.add(summarySeries(l.metric, l.labels, l.summary, { unit: 'µs', direction: 'lower', ...(l.line === undefined ? {} : { line: l.line }) }));
    for (const s of cpu.series) result.add(s);
    return result.outcome('no job moved any data');
  },
};

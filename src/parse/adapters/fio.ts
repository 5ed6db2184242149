import { labelKey } from '../../metrics/identity.js';
import type { ProvidedSummary } from '../../model/series.js';
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

/** The data directions fio reports bandwidth for; `sync` (fsync and friends) has only latencies. */
const DATA_DIRECTIONS = ['read', 'write', 'trim'] as const;

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
  return isObject(json) && typeof json['fio version'] === 'string' && Array.isArray(json.jobs);
}

function optionsOf(v: unknown): JsonObject {
  return isObject(v) ? v : {};
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
  types: ['json'],
  detect: (input: AdapterInput) => isFioOutput(input.json),
  parse(input: AdapterInput): ParseOutcome {
    if (!isFioOutput(input.json)) return failed('fio: no "fio version" and "jobs" list');
    const root = input.json;
    const jobs = root.jobs as unknown[];
    const global = optionsOf(root['global options']);
    const result = new AdapterResult('fio');
    const cursor = new LineCursor(input.text);
    const totals = new Map<string, Throughput>();
    const latencies = new Map<string, { metric: string; labels: Record<string, string>; summary: ProvidedSummary; line: number | undefined }>();
    const cpu = new SeriesSet(result.problems);
    for (const [i, job] of jobs.entries()) {
      const line = cursor.next('"jobname"');
      result.rows += 1;
      if (!isObject(job) || shortLabel(job.jobname) === undefined) {
        result.excludedRows += 1;
        result.problems.add(line, `job #${i + 1}: no jobname; skipped`);
        continue;
      }
      const error = numberOf(job.error);
      if (error !== undefined && error !== 0) {
        result.excludedRows += 1;
        result.problems.add(line, `job ${String(job.jobname)} ended with error ${error}; its results are left out`);
        continue;
      }
      const labels = jobLabels(job, global);
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
      for (const metric of ['usr_cpu', 'sys_cpu'] as const) {
        const value = numberOf(job[metric]);
        if (value !== undefined) cpu.add(sampledSeries(metric, labels, [value], { unit: '%', direction: 'none', ...(line === undefined ? {} : { line }) }));
      }
      if (totals.size * 2 + latencies.size > LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile(), line);
    }
    for (const t of totals.values()) {
      const at = t.line === undefined ? {} : { line: t.line };
      result.add(sampledSeries('bandwidth', t.labels, [t.bandwidth], { unit: 'B/s', direction: 'higher', ...at }));
      if (t.iops !== undefined) result.add(sampledSeries('iops', t.labels, [t.iops], { unit: 'ops/s', direction: 'higher', ...at }));
    }
    for (const l of latencies.values()) result.add(summarySeries(l.metric, l.labels, l.summary, { unit: 'µs', direction: 'lower', ...(l.line === undefined ? {} : { line: l.line }) }));
    for (const s of cpu.series) result.add(s);
    return result.outcome('no job moved any data');
  },
};

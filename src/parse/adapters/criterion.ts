import type { RawSeries } from '../../model/series.js';
import { skipped } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { SeriesSet } from './llm-shared.js';
import { AdapterResult, accumulate, firstLine, isObject, numberOf, summaryOf, type JsonObject } from './util.js';

/** Current releases write snake_case keys; criterion 0.2 wrote `Mean`, `StdDev`, …. */
function estimate(json: JsonObject, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const e = json[key];
    if (isObject(e)) {
      const v = numberOf(e.point_estimate);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

function isEstimates(json: unknown): json is JsonObject {
  if (!isObject(json)) return false;
  const mean = json.mean ?? json.Mean;
  return isObject(mean) && 'point_estimate' in mean;
}

/** criterion's `change/estimates.json` holds relative changes, not times: only mean and median. */
function isChange(json: JsonObject, path: string): boolean {
  return /(^|\/)change\/estimates\.json$/i.test(path) || (!('std_dev' in json) && !('StdDev' in json) && !('slope' in json) && !('Slope' in json));
}

function isSample(json: unknown): boolean {
  if (isObject(json)) return Array.isArray(json.iters) && Array.isArray(json.times);
  // criterion 0.2: a list of [iterations, nanoseconds] pairs.
  return Array.isArray(json) && json.length > 0 && json.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number'));
}

function isDescription(json: unknown): boolean {
  return isObject(json) && 'full_id' in json && 'directory_name' in json;
}

const FOLDERS = /^(new|base|change)$/i;

/** The benchmark's id from its folder: `target/criterion/<group>/<function>/<value>/new/estimates.json`. */
export function benchmarkNameFromPath(path: string): string {
  const segments = path.split('/');
  const file = segments.pop() ?? '';
  if (segments.length > 0 && FOLDERS.test(segments[segments.length - 1] as string)) segments.pop();
  const root = segments.map((s) => s.toLowerCase()).lastIndexOf('criterion');
  const parts = root >= 0 ? segments.slice(root + 1) : segments.slice(-1);
  return parts.length > 0 ? parts.join('/') : file.replace(/\.json$/i, '');
}

/**
 * Below `target/criterion/<benchmark>/`, every result file sits in a folder
 * naming the run it holds: `new/` (the latest), `base/`, `change/`, or a
 * baseline saved with `--save-baseline main` (`main/`). Only inside such a
 * tree is another folder known to be a saved baseline, not a benchmark.
 */
function isNamedBaseline(path: string): boolean {
  const segments = path.split('/');
  const file = (segments.pop() ?? '').toLowerCase();
  if (!/^(estimates|sample|benchmark|tukey)\.json$/.test(file)) return false;
  const root = segments.map((s) => s.toLowerCase()).lastIndexOf('criterion');
  // `criterion/<benchmark…>/<baseline>/`: at least one benchmark folder between the root and the baseline's.
  return root >= 0 && segments.length - root >= 3;
}

function folderOf(path: string): string | undefined {
  const segments = path.split('/');
  segments.pop();
  return segments[segments.length - 1]?.toLowerCase();
}

/** criterion's `raw.csv`: `group,function,value,throughput_num,throughput_type,sample_measured_value,unit,iteration_count`. */
const RAW_CSV_HEADER = /^group,function,value,throughput_num,throughput_type,sample_measured_value,unit,iteration_count\s*$/;

/**
 * Criterion.rs output under `target/criterion/<benchmark>/new/`: `sample.json`
 * gives the per-iteration time of every sample (time ÷ iterations, ns) as a
 * `time` series labelled `benchmark`; `estimates.json` gives the summary
 * (mean, median, std_dev point estimates, ns) and is superseded by the
 * `sample.json` beside it when both are read. `base/` (the previous run),
 * `change/` (criterion's own comparison), `benchmark.json` and `tukey.json`
 * are recognised and skipped with the reason.
 */
export const criterion: ToolAdapter = {
  name: 'criterion',
  types: ['json', 'csv'],
  detect(input: AdapterInput): boolean {
    if (input.type === 'csv') return RAW_CSV_HEADER.test((firstLine(input.text) ?? '').replace(/^\uFEFF/, ''));
    if (isEstimates(input.json) || isDescription(input.json)) return true;
    // Every JSON file of a tree is offered here: its name is cut out without splitting the path.
    const file = input.path.slice(input.path.lastIndexOf('/') + 1).toLowerCase();
    if (file.endsWith('sample.json') && isSample(input.json)) return true;
    return file === 'tukey.json' && /(^|\/)criterion\//i.test(input.path) && Array.isArray(input.json);
  },
  parse(input: AdapterInput) {
    const json = input.json;
    const folder = folderOf(input.path);
    if (folder === 'base') return skipped("criterion: the previous run (base/); the current one is in new/");
    if (folder !== undefined && folder !== 'new' && folder !== 'change' && isNamedBaseline(input.path)) {
      return skipped(`criterion: the run saved as baseline ${folder} (--save-baseline ${folder}); the current one is in new/`);
    }
    // Each row holds a sample's total time and its iteration count, the same as sample.json, which is read instead.
    if (input.type === 'csv') return skipped('criterion: raw.csv holds the samples of sample.json in the same folder, which is read instead');
    if (isDescription(json)) return skipped('criterion: benchmark description (names only); its times are in estimates.json and sample.json');
    const benchmark = benchmarkNameFromPath(input.path);
    const result = new AdapterResult('criterion');
    if (isEstimates(json)) {
      if (isChange(json, input.path)) return skipped("criterion: change estimates (relative to criterion's previous run), not times");
      result.rows = 1;
      const summary = summaryOf({ mean: estimate(json, 'mean', 'Mean'), median: estimate(json, 'median', 'Median'), sd: estimate(json, 'std_dev', 'StdDev') });
      result.add({ metric: 'time', labels: { benchmark }, unitHint: 'ns', summary });
      return result.outcome('no point estimates');
    }
    if (!isSample(json)) return skipped('criterion: tukey fences (outlier thresholds), not measurements');
    const pairs: [unknown, unknown][] = Array.isArray(json)
      ? (json as [unknown, unknown][])
      : ((json as JsonObject).iters as unknown[]).map((it, i) => [it, ((json as JsonObject).times as unknown[])[i]]);
    const perIteration: number[] = [];
    for (const [i, [iters, time]] of pairs.entries()) {
      result.rows += 1;
      const n = numberOf(iters);
      const t = numberOf(time);
      if (n === undefined || t === undefined || n <= 0) {
        result.excludedRows += 1;
        result.problems.add(undefined, `sample #${i + 1}: needs a positive iteration count and a time`);
        continue;
      }
      perIteration.push(t / n);
    }
    if (perIteration.length > 0) {
      const series: RawSeries = { metric: 'time', labels: { benchmark }, unitHint: 'ns', samples: accumulate(perIteration) };
      result.add(series);
      const dir = input.path.slice(0, input.path.lastIndexOf('/') + 1);
      result.supersedes.push(`${dir}estimates.json`);
    }
    return result.outcome('no usable samples');
  },
};

/**
 * libtest's bencher lines, also written by `cargo bench` with criterion's
 * `--output-format bencher`: `test name ... bench:   1,234 ns/iter (+/- 56)`,
 * optionally followed by `= 12 MB/s`. The value is libtest's median and the
 * `+/-` a range (max − min), not a standard deviation, so each benchmark is a
 * single-value `time` series in ns (and `throughput` in MB/s when printed).
 */
const BENCHER_LINE = /^test\s+(.+?)\s+\.\.\.\s+bench:\s+([\d,]+(?:\.\d+)?)\s+ns\/iter\s+\(\+\/-\s+([\d,]+(?:\.\d+)?)\)(?:\s*=\s*([\d,]+(?:\.\d+)?)\s+MB\/s)?\s*$/;

const RUNNING_LINE = /^Running\s+(?:unittests\s+)?(\S+)/;

/**
 * criterion's own report, `cargo bench`'s default output:
 *
 *     fib 20                  time:   [26.029 µs 26.251 µs 26.505 µs]
 *                             thrpt:  [37.730 Melem/s 38.094 Melem/s 38.419 Melem/s]
 *
 * (a long name stands on the line before). The brackets hold the lower
 * bound, the estimate and the upper bound of criterion's confidence interval
 * of the time per iteration: the estimate is the value, the bounds are not
 * a spread of the samples. criterion picks the unit per value (`999.51 ns`,
 * then `1.0132 µs`), so times are read in ns, as its JSON writes them, and
 * rates in MiB/s or elem/s: a run that crosses a unit boundary stays comparable.
 */
const CRITERION_MARK = /(?:^|\s)(time|thrpt):\s+\[([^\]]*)\]\s*$/;
const TIME_NS: Record<string, number> = { ps: 1e-3, ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9 };
const RATE_BASE: Record<string, [number, string]> = {
  'B/s': [1 / 1024 ** 2, 'MiB/s'], 'KiB/s': [1 / 1024, 'MiB/s'], 'MiB/s': [1, 'MiB/s'], 'GiB/s': [1024, 'MiB/s'], 'TiB/s': [1024 ** 2, 'MiB/s'],
  'KB/s': [1e3 / 1024 ** 2, 'MiB/s'], 'MB/s': [1e6 / 1024 ** 2, 'MiB/s'], 'GB/s': [1e9 / 1024 ** 2, 'MiB/s'], 'TB/s': [1e12 / 1024 ** 2, 'MiB/s'],
  'elem/s': [1, 'elem/s'], 'Kelem/s': [1e3, 'elem/s'], 'Melem/s': [1e6, 'elem/s'], 'Gelem/s': [1e9, 'elem/s'],
};

/** A `time:` or `thrpt:` line: its name (when on the line), kind and estimate in the base unit; change lines (`%`) are not results. */
function criterionLine(line: string): { name: string; kind: 'time' | 'thrpt'; value: number; unit: string } | undefined {
  // A fixed-shape tail and a split: linear in the line's length, whatever it holds.
  const mark = CRITERION_MARK.exec(line);
  if (!mark) return undefined;
  const tokens = (mark[2] as string).trim().split(/\s+/);
  if (tokens.length !== 6) return undefined;
  const value = Number(tokens[2]);
  const unit = tokens[3] as string;
  if (!Number.isFinite(value)) return undefined;
  const kind = mark[1] as 'time' | 'thrpt';
  const name = line.slice(0, mark.index).trim();
  if (kind === 'time') {
    const scale = TIME_NS[unit];
    return scale === undefined ? undefined : { name, kind, value: value * scale, unit: 'ns' };
  }
  const rate = RATE_BASE[unit];
  return rate === undefined ? undefined : { name, kind, value: value * rate[0], unit: rate[1] };
}
/** Lines criterion prints between results that are not a benchmark's name. */
const CRITERION_CHATTER = /^(change:|Found \d+ outliers|\d+ \(\d|Performance has|No change in|Change within|Benchmarking |Gnuplot not found|WARNING|Warning|running \d+ tests?|test result:|Running |Finished |Compiling |Warming up|Collecting |Analyzing|thrpt:|time:)/;

/** `benches/check.rs` or `target/release/deps/check-1a2b3c4d5e6f7a8b` → `check`. */
function targetOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.rs$/, '').replace(/-[0-9a-f]{16}$/, '');
}

export const cargoBench: ToolAdapter = {
  name: 'cargo-bench',
  types: ['text'],
  detect(input: AdapterInput): boolean {
    for (const line of input.text.split(/\r?\n/, 2000)) if (BENCHER_LINE.test(line.trim()) || criterionLine(line.trim())) return true;
    return false;
  },
  parse(input: AdapterInput) {
    const result = new AdapterResult('cargo-bench');
    const seen = new Map<string, RawSeries[]>();
    const lines = input.text.split(/\r?\n/);
    // One `cargo bench` log can hold libtest's bencher lines and criterion's reports (one bench target each).
    criterionReport(lines, result);
    // `Running benches/check.rs (target/release/deps/check-1a2b…)`: with several bench targets, a test name may repeat in
    // each; the target then tells them apart (a log of one target keeps the ids it always had).
    const targets = lines.map((raw) => RUNNING_LINE.exec(raw.trim())?.[1]).map((path) => (path === undefined ? undefined : targetOf(path)));
    const several = new Set(targets.filter((t) => t !== undefined)).size > 1;
    let target: string | undefined;
    for (const [i, raw] of lines.entries()) {
      target = targets[i] ?? target;
      const match = BENCHER_LINE.exec(raw.trim());
      if (!match) continue;
      result.rows += 1;
      const [, name, value, , throughput] = match;
      const labels: Record<string, string> = several && target !== undefined ? { benchmark: name as string, target } : { benchmark: name as string };
      const key = JSON.stringify([name, labels.target ?? '']);
      const previous = seen.get(key);
      const ns = numberOf(value) as number;
      // A benchmark printed again (several runs appended to one log) adds a sample.
      if (previous) {
        previous[0]?.samples?.add(ns);
        if (throughput !== undefined) previous[1]?.samples?.add(numberOf(throughput) as number);
        continue;
      }
      const entries: RawSeries[] = [{ metric: 'time', labels, unitHint: 'ns', samples: accumulate([ns]), line: i + 1 }];
      if (throughput !== undefined) entries.push({ metric: 'throughput', labels, unitHint: 'MB/s', directionHint: 'higher', samples: accumulate([numberOf(throughput) as number]), line: i + 1 });
      seen.set(key, entries);
      for (const s of entries) result.add(s);
    }
    return result.outcome('no bencher or criterion result lines');
  },
};

/**
 * criterion's report lines as `time` (ns, lower) and `throughput` (MiB/s or
 * elem/s, higher) series, label `benchmark`: one value per report of a
 * benchmark, the estimate (a log of several `cargo bench` runs gives a
 * sample per run).
 */
function criterionReport(lines: readonly string[], result: AdapterResult): void {
  const set = new SeriesSet(result.problems);
  let name: string | undefined;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    // The relative changes after `change:` (`thrpt: [-4.76% -3.85% -2.91%]`) have no unit criterionLine reads.
    const found = criterionLine(line);
    if (!found) {
      if (line !== '' && !CRITERION_CHATTER.test(line) && !BENCHER_LINE.test(line)) name = line;
      continue;
    }
    if (found.name) name = found.name;
    if (!name) {
      result.problems.add(i + 1, `criterion ${found.kind} line without a benchmark name before it, skipped`);
      continue;
    }
    const time = found.kind === 'time';
    if (time) result.rows += 1;
    set.add({ metric: time ? 'time' : 'throughput', labels: { benchmark: name }, unitHint: found.unit, directionHint: time ? 'lower' : 'higher', samples: accumulate([found.value]), line: i + 1 });
  }
  for (const s of set.series) result.add(s);
}

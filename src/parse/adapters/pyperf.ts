import type { Direction, RawSeries } from '../../model/series.js';
import { LIMITS, LimitError, limitMessages } from '../limits.js';
import { failed, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, LineCursor, accumulate, isObject, type JsonObject } from './util.js';

/**
 * pyperf's JSON file (`python -m pyperf timeit … -o bench.json`, a
 * `pyperf.Runner` script's `-o`, and pyperformance's results, which are
 * pyperf suites):
 *
 *     { "version": "1.0",
 *       "metadata": { "unit": "second", "cpu_count": 8, … },        // common to every benchmark
 *       "benchmarks": [
 *         { "metadata": { "name": "json_dumps", "loops": 64, … },  // common to its runs
 *           "runs": [ { "metadata": { "calibrate_loops": 64 }, "warmups": [[1, 0.011], …] },
 *                     { "metadata": { … }, "warmups": [[64, 0.0104]], "values": [0.0101, 0.0102, 0.0100] } ] } ] }
 *
 * Metadata cascades: a run's own, then its benchmark's, then the file's; a
 * file of one benchmark keeps all of it, its `name` and `unit` too, at the
 * top. Values are per loop iteration, in the benchmark's `unit` (`second`
 * unless stated). Warmups are not measurements, and a run without values is
 * a calibration run. Metadata numbers (`cpu_count`, `loops`, `mem_max_rss`)
 * describe the run and are never read as results.
 */

/** pyperf's units: the metric each is read as, its unit in the report, and which way is better. */
const UNITS: Record<string, { metric: string; unit: string; direction: Direction }> = {
  second: { metric: 'time', unit: 's', direction: 'lower' },
  // `--track-memory` / `--tracemalloc`: the peak memory of each run.
  byte: { metric: 'memory', unit: 'B', direction: 'lower' },
  integer: { metric: 'value', unit: 'count', direction: 'none' },
};

/** pyperf's default unit when no metadata names one (`DEFAULT_UNIT`). */
const DEFAULT_UNIT = 'second';

/** The keys pyperf writes in a run; before version 0.9.6 the values were called `samples`. */
const RUN_KEYS = new Set(['metadata', 'warmups', 'values', 'samples']);

function benchmarksOf(json: unknown): unknown[] | undefined {
  return isObject(json) && Array.isArray(json.benchmarks) ? json.benchmarks : undefined;
}

/**
 * A suite: a non-empty `benchmarks` list whose first entry has `runs` made
 * of pyperf's run keys, beside a `version` or `metadata` at the top. pytest-
 * benchmark and Google Benchmark also write `benchmarks`, but never `runs`.
 */
function isPyperfSuite(json: unknown): boolean {
  const benchmarks = benchmarksOf(json);
  const first = benchmarks?.[0];
  if (!isObject(first) || !Array.isArray(first.runs)) return false;
  const top = json as JsonObject;
  if (!(typeof top.version === 'string' || typeof top.version === 'number' || isObject(top.metadata))) return false;
  return first.runs.every((run) => isObject(run) && Object.keys(run).every((k) => RUN_KEYS.has(k)));
}

/** A benchmark's metadata over the file's (older files call it `common_metadata`); a run's own over both. */
function metadataOf(suite: JsonObject, benchmark: JsonObject): JsonObject {
  const own = isObject(benchmark.metadata) ? benchmark.metadata : isObject(benchmark.common_metadata) ? benchmark.common_metadata : {};
  return { ...(isObject(suite.metadata) ? suite.metadata : {}), ...own };
}

function runMetadata(run: unknown): JsonObject {
  return isObject(run) && isObject(run.metadata) ? run.metadata : {};
}

/** The benchmark's name: pyperf requires one, in the benchmark's metadata or, failing that, its first run's. */
function nameOf(metadata: JsonObject, runs: readonly unknown[]): string | undefined {
  const name = metadata.name ?? runMetadata(runs[0]).name;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

interface RunValues {
  values: number[];
  calibration: number;
  malformed: string[];
}

/**
 * Every run's values, in file order. pyperf writes only numbers above zero;
 * a run holding anything else is left out whole and named, since its other
 * values were measured under the same fault.
 */
function valuesOf(runs: readonly unknown[]): RunValues {
  const out: RunValues = { values: [], calibration: 0, malformed: [] };
  for (const [i, run] of runs.entries()) {
    if (!isObject(run)) {
      out.malformed.push(`run #${i + 1} is not an object`);
      continue;
    }
    const values = run.values ?? run.samples;
    if (values === undefined || (Array.isArray(values) && values.length === 0)) {
      out.calibration += 1;
      continue;
    }
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      out.malformed.push(`run #${i + 1} has values that are not numbers above zero`);
      continue;
    }
    out.values.push(...(values as number[]));
  }
  return out;
}

/**
 * pyperf / pyperformance JSON: one series per benchmark, labelled
 * `benchmark`: `time` in s (unit `second`), `memory` in B (`byte`), lower
 * is better; `value` (`integer`) with no direction. The samples are every
 * run's values; warmups and calibration runs are left out.
 */
export const pyperf: ToolAdapter = {
  name: 'pyperf',
  types: ['json'],
  detect: (input: AdapterInput) => isPyperfSuite(input.json),
  parse(input: AdapterInput): ParseOutcome {
    const benchmarks = benchmarksOf(input.json);
    if (!benchmarks) return failed('pyperf: no "benchmarks" list');
    const suite = input.json as JsonObject;
    const result = new AdapterResult('pyperf');
    const cursor = new LineCursor(input.text);
    const byKey = new Map<string, RawSeries>();
    for (const [i, benchmark] of benchmarks.entries()) {
      if (!isObject(benchmark) || !Array.isArray(benchmark.runs)) {
        result.problems.add(undefined, `benchmark #${i + 1}: no "runs" list; skipped`);
        continue;
      }
      const metadata = metadataOf(suite, benchmark);
      const name = nameOf(metadata, benchmark.runs);
      const line = name === undefined ? undefined : cursor.next(JSON.stringify(name));
      const { values, calibration, malformed } = valuesOf(benchmark.runs);
      // Calibration runs hold no values: they are pyperf's bookkeeping, not rows of data.
      const measured = benchmark.runs.length - calibration;
      result.rows += measured;
      const shown = name === undefined ? `benchmark #${i + 1}` : `benchmark ${name}`;
      if (malformed.length > 0) result.problems.add(line, `${shown}: ${malformed.slice(0, 3).join(', ')}${malformed.length > 3 ? ', …' : ''}; left out`);
      if (name === undefined) {
        result.excludedRows += measured;
        result.problems.add(undefined, `${shown}: no "name" in its metadata; skipped`);
        continue;
      }
      result.excludedRows += malformed.length;
      if (values.length === 0) {
        if (malformed.length === 0) result.problems.add(line, `${shown}: ${calibration} calibration run(s) and no run with values; skipped`);
        continue;
      }
      const unitName = metadata.unit ?? runMetadata(benchmark.runs[0]).unit ?? DEFAULT_UNIT;
      const known = typeof unitName === 'string' && Object.hasOwn(UNITS, unitName) ? UNITS[unitName] : undefined;
      const metric = known?.metric ?? 'value';
      // pyperf never writes two benchmarks of one name; a hand-merged file that does is read as pyperf's add_runs merges them.
      const key = JSON.stringify([metric, name]);
      const existing = byKey.get(key);
      if (existing?.samples) {
        for (const v of values) existing.samples.add(v);
        continue;
      }
      if (byKey.size >= LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile(), line);
      const s: RawSeries = { metric, labels: { benchmark: name }, samples: accumulate(values), directionHint: known?.direction ?? 'none' };
      const unit = known?.unit ?? (typeof unitName === 'string' ? unitName : '');
      if (unit !== '') s.unitHint = unit;
      if (line !== undefined) s.line = line;
      byKey.set(key, s);
      result.add(s);
    }
    return result.outcome('no benchmark with values');
  },
};

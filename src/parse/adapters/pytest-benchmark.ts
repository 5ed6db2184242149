import type { RawSeries } from '../../model/series.js';
import { failed } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, accumulate, isObject, labelText, LineCursor, lineOf, numberOf, summaryOf, type JsonObject } from './util.js';
import { setOwn } from '../../util/own.js';

function benchmarksOf(json: unknown): unknown[] | undefined {
  return isObject(json) && Array.isArray(json.benchmarks) ? json.benchmarks : undefined;
}

/** pytest-benchmark rows carry a `stats` object with `mean` and `rounds`; Google Benchmark rows have neither. */
function isPytestRow(row: unknown): boolean {
  return isObject(row) && typeof row.name === 'string' && isObject(row.stats) && 'mean' in row.stats && ('rounds' in row.stats || 'fullname' in row);
}

/** Labels a user filters by: the benchmark (its name, with parameters in brackets), its group and each parameter. */
function labelsOf(row: JsonObject, byFullName: boolean): Record<string, string> {
  const name = row.name as string;
  const labels: Record<string, string> = { benchmark: byFullName && typeof row.fullname === 'string' && row.fullname !== '' ? row.fullname : name };
  if (typeof row.group === 'string' && row.group !== '') labels.group = row.group;
  if (isObject(row.params)) {
    for (const [key, value] of Object.entries(row.params)) {
      const name = key in labels ? `param_${key}` : key;
      setOwn(labels, name, paramText(value));
    }
  }
  return labels;
}

/**
 * A parameter as a label. One JSON cannot hold (a function, an object) is
 * saved as `UNSERIALIZABLE[<function sort_a at 0x7f3b2c1d0e50>]`: its repr,
 * whose address changes every run, so the label, and the series' id with it,
 * would never match the baseline's. The repr is kept without the address.
 */
function paramText(value: unknown): string {
  const text = labelText(value);
  const unserializable = /^UNSERIALIZABLE\[([\s\S]*)\]$/.exec(text);
  return unserializable ? (unserializable[1] as string).replace(/ at 0x[0-9a-f]+/gi, '') : text;
}

/**
 * pytest-benchmark's `--benchmark-json` / `--benchmark-save` file: one `time`
 * series (seconds) per benchmark, from the per-round `stats.data` when saved
 * (`--benchmark-save-data`), else from the summary (mean, stddev, min, max,
 * median, q1/q3, rounds). Numeric `extra_info` values become series of their own.
 */
export const pytestBenchmark: ToolAdapter = {
  name: 'pytest-benchmark',
  types: ['json'],
  detect(input: AdapterInput): boolean {
    const rows = benchmarksOf(input.json);
    return rows !== undefined && rows.length > 0 && isPytestRow(rows[0]);
  },
  parse(input: AdapterInput) {
    const rows = benchmarksOf(input.json);
    if (!rows) return failed('pytest-benchmark: no "benchmarks" list');
    const result = new AdapterResult('pytest-benchmark');
    // Two tests of one name in different modules (`test_a.py::test_parse`, `test_b.py::test_parse`): the first keeps its
    // name, so its id does not change when another module adds a test of that name; the later ones go by their full name.
    const firstFullName = new Map<string, string>();
    // Benchmarks are written in order: each name is found after the one before, its line counted on from there.
    const cursor = new LineCursor(input.text);
    for (const [i, row] of rows.entries()) {
      result.rows += 1;
      if (!isPytestRow(row)) {
        result.excludedRows += 1;
        const name = isObject(row) && typeof row.name === 'string' ? ` (${row.name})` : '';
        result.problems.add(undefined, `benchmark #${i + 1}${name}: no stats with a mean, skipped`);
        continue;
      }
      const r = row as JsonObject;
      const stats = r.stats as JsonObject;
      const full = typeof r.fullname === 'string' ? r.fullname : '';
      const first = firstFullName.get(r.name as string);
      if (first === undefined) firstFullName.set(r.name as string, full);
      const labels = labelsOf(r, first !== undefined && first !== full);
      const line = cursor.next(`"${r.name as string}"`) ?? lineOf(input.text, `"${r.name as string}"`);
      const time: RawSeries = { metric: 'time', labels, unitHint: 's' };
      if (line !== undefined) time.line = line;
      const data = Array.isArray(stats.data) ? stats.data.map(numberOf).filter((v): v is number => v !== undefined) : [];
      const mean = numberOf(stats.mean);
      if (data.length > 0) time.samples = accumulate(data);
      else if (mean !== undefined) {
        time.summary = summaryOf({
          n: numberOf(stats.rounds),
          mean,
          sd: numberOf(stats.stddev),
          min: numberOf(stats.min),
          max: numberOf(stats.max),
          median: numberOf(stats.median),
          percentiles: { 25: numberOf(stats.q1), 75: numberOf(stats.q3) },
        });
      } else {
        result.excludedRows += 1;
        result.problems.add(line, `benchmark ${r.name as string}: stats have no mean`);
        continue;
      }
      result.add(time);
      if (isObject(r.extra_info)) {
        for (const [key, value] of Object.entries(r.extra_info)) {
          const v = numberOf(value);
          if (v === undefined || typeof value === 'boolean') continue;
          const extra: RawSeries = { metric: key, labels, samples: accumulate([v]) };
          if (line !== undefined) extra.line = line;
          result.add(extra);
        }
      }
    }
    return result.outcome('no benchmarks with stats');
  },
};

import type { RawSeries } from '../../model/series.js';
import { failed } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, accumulate, isObject, labelText, lineOf, numberOf, summaryOf, type JsonObject } from './util.js';

function resultsOf(json: unknown): unknown[] | undefined {
  return isObject(json) && Array.isArray(json.results) ? json.results : undefined;
}

function isCommandRow(row: unknown): row is JsonObject {
  return isObject(row) && typeof row.command === 'string' && typeof row.mean === 'number';
}

function numbers(v: unknown): (number | undefined)[] | undefined {
  return Array.isArray(v) ? v.map(numberOf) : undefined;
}

/** `command` plus each `--parameter-scan`/`--parameter-list` value (older files: one `parameter`). */
function labelsOf(row: JsonObject): Record<string, string> {
  const labels: Record<string, string> = { command: row.command as string };
  if (isObject(row.parameters)) {
    for (const [key, value] of Object.entries(row.parameters)) labels[key === 'command' ? 'parameter_command' : key] = labelText(value);
  } else if (row.parameter !== undefined && row.parameter !== null) {
    labels.parameter = labelText(row.parameter);
  }
  return labels;
}

/**
 * hyperfine's `--export-json` file: per command a `time` series in seconds
 * from the `times` of every run (else the mean ± stddev summary), the mean
 * `user_time`/`system_time`, and `memory_usage` when recorded. Runs that
 * exited non-zero (kept by `--ignore-failure`) are left out and reported.
 */
export const hyperfine: ToolAdapter = {
  name: 'hyperfine',
  types: ['json'],
  detect(input: AdapterInput): boolean {
    const rows = resultsOf(input.json);
    return rows !== undefined && rows.length > 0 && isCommandRow(rows[0]) && ('stddev' in rows[0] || 'times' in rows[0]);
  },
  parse(input: AdapterInput) {
    const rows = resultsOf(input.json);
    if (!rows) return failed('hyperfine: no "results" list');
    const result = new AdapterResult('hyperfine');
    for (const [i, row] of rows.entries()) {
      if (!isCommandRow(row)) {
        result.problems.add(undefined, `result #${i + 1}: no command or mean, skipped`);
        continue;
      }
      const labels = labelsOf(row);
      const line = lineOf(input.text, JSON.stringify(row.command));
      const at = <T extends RawSeries>(s: T): T => (line === undefined ? s : { ...s, line });
      const times = numbers(row.times) ?? [];
      const exits = numbers(row.exit_codes) ?? [];
      const memory = numbers(row.memory_usage_byte) ?? [];
      const failedRuns = new Set<number>();
      exits.forEach((code, run) => {
        if (code !== 0) failedRuns.add(run);
      });
      if (failedRuns.size > 0) {
        const codes = [...failedRuns].map((run) => `run ${run + 1}: exit code ${exits[run] === undefined ? 'unknown (signal)' : String(exits[run])}`);
        result.problems.add(line, `command ${row.command}: ${failedRuns.size} of ${exits.length} runs failed (${codes.slice(0, 5).join(', ')}${codes.length > 5 ? ', …' : ''}); their times are left out`);
      }
      const kept = (values: (number | undefined)[]) => values.filter((v, run): v is number => v !== undefined && !failedRuns.has(run));
      result.rows += Math.max(times.length, 1);
      result.excludedRows += failedRuns.size;
      const runTimes = kept(times);
      if (runTimes.length > 0) result.add(at({ metric: 'time', labels, unitHint: 's', samples: accumulate(runTimes) }));
      else if (failedRuns.size === 0 || times.length === 0) {
        result.add(at({
          metric: 'time',
          labels,
          unitHint: 's',
          summary: summaryOf({ n: times.length || undefined, mean: numberOf(row.mean), sd: numberOf(row.stddev), min: numberOf(row.min), max: numberOf(row.max), median: numberOf(row.median) }),
        }));
      } else continue;
      const n = runTimes.length || undefined;
      // hyperfine only gives the mean CPU times over all runs, failed ones included.
      for (const [key, metric] of [['user', 'user_time'], ['system', 'system_time']] as const) {
        const mean = numberOf(row[key]);
        if (mean !== undefined) result.add(at({ metric, labels, unitHint: 's', summary: summaryOf({ n: failedRuns.size === 0 ? n : undefined, mean }) }));
      }
      const rss = kept(memory);
      if (rss.length > 0) result.add(at({ metric: 'memory_usage', labels, unitHint: 'B', samples: accumulate(rss) }));
    }
    return result.outcome('no commands with results');
  },
};

import type { RawSeries } from '../../model/series.js';
import { findTables } from '../markdown.js';
import { failed, skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { setOwn } from '../../util/own.js';
import { AdapterResult, accumulate, csvRecords, firstLine, isObject, labelText, LineCursor, numberOf, summaryOf, type JsonObject } from './util.js';

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
    for (const [key, value] of Object.entries(row.parameters)) setOwn(labels, key === 'command' ? 'parameter_command' : key, labelText(value));
  } else if (row.parameter !== undefined && row.parameter !== null) {
    labels.parameter = labelText(row.parameter);
  }
  return labels;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const DIGIT = /^\p{N}$/u;

/** The whole character (code point) ending just before `at`, or '' at the start. */
function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.slice(at - 1, at);
}

function charAfter(text: string, at: number): string {
  const c = text.codePointAt(at);
  return c === undefined ? '' : String.fromCodePoint(c);
}

/**
 * `command` with each whole-standing `value` replaced: a number not inside
 * a longer number (the `1` of `10`, the `1` of `0.1`), a word not inside a
 * longer word. Boundaries are tested per character, not by a regular
 * expression per value: a scan of 40,000 levels would compile 40,000.
 */
function putBack(command: string, value: string, replacement: string): string {
  const first = charAfter(value, 0);
  const last = charBefore(value, value.length);
  const startsNumber = DIGIT.test(first);
  const startsWord = WORD_CHAR.test(first);
  const endsNumber = DIGIT.test(last);
  const endsWord = WORD_CHAR.test(last);
  const standsWhole = (at: number): boolean => {
    const before = charBefore(command, at);
    if (startsNumber ? DIGIT.test(before) || before === '.' : startsWord && WORD_CHAR.test(before)) return false;
    const end = at + value.length;
    const after = charAfter(command, end);
    if (endsNumber) return !DIGIT.test(after) && !(after === '.' && DIGIT.test(charAfter(command, end + 1)));
    return !(endsWord && WORD_CHAR.test(after));
  };
  let out = '';
  let from = 0;
  for (let at = command.indexOf(value); at >= 0; at = command.indexOf(value, at + 1)) {
    if (at < from || !standsWhole(at)) continue;
    out += command.slice(from, at) + replacement;
    from = at + value.length;
  }
  return out + command.slice(from);
}

/**
 * The command of a `--parameter-scan`/`--parameter-list` run as it was
 * written, each value put back as `{name}`: `make -j {threads}`, not
 * `make -j 2` and `make -j 8`. The command names the benchmark, so the
 * values written into it would make every level another benchmark and the
 * sweep nothing to compare. A value is put back only where it stands whole
 * (not the `1` of `10`), and only when every row then gives back one of a
 * few commands, each with every level once; otherwise (`-l 2` also in the
 * command, a value inside another word) the commands stay as they ran.
 */
export function commandTemplates(rows: readonly { command: string; parameters: Record<string, string> }[]): string[] | undefined {
  const params = rows.map((r) => Object.entries(r.parameters).filter(([, v]) => v !== ''));
  if (rows.length < 2 || params.some((p) => p.length === 0)) return undefined;
  const templates = rows.map((row, i) => {
    let command = row.command;
    // Longer values first, so `16` is put back before the `1` it holds.
    for (const [name, value] of [...(params[i] as [string, string][])].sort((a, b) => b[1].length - a[1].length)) command = putBack(command, value, `{${name}}`);
    return command;
  });
  const levels = new Set(params.map((p) => JSON.stringify(p)));
  const distinct = new Set(templates);
  const pairs = new Set(templates.map((t, i) => JSON.stringify([t, params[i]])));
  if (templates.some((t, i) => t === rows[i]?.command) || distinct.size * levels.size !== rows.length || pairs.size !== rows.length) return undefined;
  return templates;
}

/**
 * hyperfine's `--export-json` file: per command a `time` series in seconds
 * from the `times` of every run (else the mean ± stddev summary), the mean
 * `user_time`/`system_time`, and `memory_usage` when recorded. Runs that
 * exited non-zero (kept by `--ignore-failure`) are left out and reported.
 */
function isJsonExport(input: AdapterInput): boolean {
  const rows = resultsOf(input.json);
  return rows !== undefined && rows.length > 0 && isCommandRow(rows[0]) && ('stddev' in rows[0] || 'times' in rows[0]);
}

function parseJsonExport(input: AdapterInput): ParseOutcome {
  const rows = resultsOf(input.json);
  if (!rows) return failed('hyperfine: no "results" list');
  const result = new AdapterResult('hyperfine');
  const commandRows = rows.filter(isCommandRow);
  const parameters = (row: JsonObject) => (isObject(row.parameters) ? Object.fromEntries(Object.entries(row.parameters).map(([k, v]) => [k, labelText(v)])) : {});
  const templates = commandTemplates(commandRows.map((row) => ({ command: row.command as string, parameters: parameters(row) })));
  // Each row's template by identity: an index search per row would make a long scan quadratic.
  const templateOf = new Map(templates ? commandRows.map((row, i) => [row, templates[i] as string]) : []);
  // Results are written in order: each command is found after the one before, not from the top again.
  const cursor = new LineCursor(input.text);
  for (const [i, row] of rows.entries()) {
    if (!isCommandRow(row)) {
      result.problems.add(undefined, `result #${i + 1}: no command or mean, skipped`);
      continue;
    }
    const labels = labelsOf(row);
    const template = templateOf.get(row);
    if (template !== undefined) labels.command = template;
    const line = cursor.next(JSON.stringify(row.command));
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
}

/** `--export-csv`: `command,mean,stddev,median,user,system,min,max`, then a `parameter_<name>` column per parameter; seconds. */
const CSV_HEADER = /^"?command"?,"?mean"?,"?stddev"?,"?median"?,"?user"?,"?system"?,"?min"?,"?max"?(,"?parameter_[^,]*"?)*\s*$/;

function isCsvExport(text: string): boolean {
  return CSV_HEADER.test((firstLine(text) ?? '').replace(/^\uFEFF/, ''));
}

function parseCsvExport(text: string): ParseOutcome {
  let records: { record: Record<string, string>; line: number }[];
  try {
    records = csvRecords(text);
  } catch (err) {
    return failed(`could not be read as hyperfine CSV: ${(err as Error).message}`);
  }
  const result = new AdapterResult('hyperfine');
  const parameters = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).filter(([column]) => column.startsWith('parameter_')).map(([column, v]) => [column.slice('parameter_'.length), v]));
  const usable = records.filter(({ record }) => (record.command ?? '').trim() !== '' && numberOf(record.mean) !== undefined);
  const templates = commandTemplates(usable.map(({ record }) => ({ command: record.command as string, parameters: parameters(record) })));
  const templateOf = new Map(templates ? usable.map((entry, i) => [entry, templates[i] as string]) : []);
  for (const entry of records) {
    const { record, line } = entry;
    result.rows += 1;
    const command = templateOf.get(entry) ?? record.command ?? '';
    const mean = numberOf(record.mean);
    if (command.trim() === '' || mean === undefined) {
      result.problems.add(line, command.trim() === '' ? 'no command; row skipped' : `command ${command}: mean is "${record.mean ?? ''}", not a number; row skipped`);
      result.excludedRows += 1;
      continue;
    }
    const labels: Record<string, string> = { command };
    for (const [column, value] of Object.entries(record)) {
      if (!column.startsWith('parameter_')) continue;
      const name = column.slice('parameter_'.length);
      setOwn(labels, name === 'command' ? 'parameter_command' : name, value);
    }
    result.add({ metric: 'time', labels, unitHint: 's', line, summary: summaryOf({ mean, sd: numberOf(record.stddev), median: numberOf(record.median), min: numberOf(record.min), max: numberOf(record.max) }) });
    for (const [key, metric] of [['user', 'user_time'], ['system', 'system_time']] as const) {
      const value = numberOf(record[key]);
      if (value !== undefined) result.add({ metric, labels, unitHint: 's', line, summary: summaryOf({ mean: value }) });
    }
  }
  return result.outcome('no commands with results');
}

/** `--export-markdown`: `| Command | Mean [ms] | Min [ms] | Max [ms] | Relative |`, the mean written `105.2 ± 1.0`. */
const MARKDOWN_MEAN = /^mean\s*\[(s|ms|µs|μs|us|ns)\]$/i;
const MEAN_CELL = /^([+-]?\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?)(?:\s*±\s*(\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?))?$/i;

/** hyperfine's own columns: a table with any other (`p95`, `Max RSS`) is someone's own, read by the Markdown reader. */
function isHyperfineTable(header: readonly string[]): boolean {
  const names = header.map((h) => h.trim().toLowerCase());
  const unit = MARKDOWN_MEAN.exec(names[1] ?? '')?.[1];
  if (names[0] !== 'command' || unit === undefined) return false;
  const own = new Set([`min [${unit}]`, `max [${unit}]`, 'relative']);
  return names.slice(2).every((n) => own.has(n));
}

function isMarkdownExport(text: string): boolean {
  if (!/\|\s*Mean\s*\[/i.test(text)) return false;
  const tables = findTables(text);
  // A document holding other tables too is left to the Markdown reader, which reads them all.
  return tables.length > 0 && tables.every((t) => isHyperfineTable(t.header));
}

function parseMarkdownExport(text: string): ParseOutcome {
  const result = new AdapterResult('hyperfine');
  for (const table of findTables(text)) {
    const header = table.header.map((h) => h.trim().toLowerCase());
    // isHyperfineTable passed: the min and max headers write the mean's unit as it does.
    const written = MARKDOWN_MEAN.exec(header[1] ?? '')?.[1] ?? 's';
    const unit = written.replace(/^(us|μs)$/, 'µs');
    const minAt = header.indexOf(`min [${written}]`);
    const maxAt = header.indexOf(`max [${written}]`);
    for (const { cells, line } of table.rows) {
      result.rows += 1;
      const command = (cells[0] ?? '').trim().replace(/^`(.*)`$/, '$1').replace(/\\\|/g, '|');
      const mean = MEAN_CELL.exec((cells[1] ?? '').trim());
      if (command === '' || !mean) {
        result.problems.add(line, command === '' ? 'no command; row skipped' : `command ${command}: mean is "${cells[1] ?? ''}", not a number; row skipped`);
        result.excludedRows += 1;
        continue;
      }
      const value = (cell: string | undefined) => numberOf((cell ?? '').trim().replace(/,/g, ''));
      result.add({
        metric: 'time',
        labels: { command },
        unitHint: unit,
        line,
        summary: summaryOf({ mean: value(mean[1]), sd: value(mean[2]), min: minAt >= 0 ? value(cells[minAt]) : undefined, max: maxAt >= 0 ? value(cells[maxAt]) : undefined }),
      });
    }
  }
  return result.outcome('no readable hyperfine row in this Markdown table');
}

/** Export extensions, most complete first: the JSON holds every run's time, the CSV the statistics, the Markdown what the console showed. */
const EXPORT_EXTENSIONS = ['.json', '.csv', '.md', '.markdown'];

/**
 * `hyperfine --export-json bench.json --export-markdown bench.md` writes one
 * run twice: the less complete exports of the same name beside this one are
 * replaced by it (when hyperfine's reader read them too), so each command is
 * counted once.
 */
function withLessComplete(outcome: ParseOutcome, path: string): ParseOutcome {
  const rank = EXPORT_EXTENSIONS.findIndex((ext) => path.toLowerCase().endsWith(ext));
  if (outcome.status !== 'parsed' || rank < 0) return outcome;
  const stem = path.slice(0, path.length - (EXPORT_EXTENSIONS[rank] as string).length);
  return { ...outcome, supersedesExports: EXPORT_EXTENSIONS.slice(rank + 1).map((ext) => `${stem}${ext}`) };
}

/**
 * hyperfine's exports: `--export-json` (every run's time), `--export-csv`
 * and `--export-markdown` (summaries). Each command is a `time` series with
 * its `command` and parameter values as labels; the Markdown table's
 * `Relative` column is derived from the means and not read.
 */
export const hyperfine: ToolAdapter = {
  name: 'hyperfine',
  types: ['json', 'csv', 'markdown'],
  detect(input: AdapterInput): boolean {
    if (input.type === 'csv') return isCsvExport(input.text);
    if (input.type === 'markdown') return isMarkdownExport(input.text);
    return isJsonExport(input);
  },
  parse(input: AdapterInput): ParseOutcome {
    if (input.type === 'csv') return withLessComplete(isCsvExport(input.text) ? parseCsvExport(input.text) : skipped('not a hyperfine CSV export: the header must be command,mean,stddev,median,user,system,min,max'), input.path);
    if (input.type === 'markdown') return isMarkdownExport(input.text) ? parseMarkdownExport(input.text) : skipped('not a hyperfine Markdown export: no table with Command and Mean [unit] columns');
    return withLessComplete(parseJsonExport(input), input.path);
  },
};

import { labelKey } from '../../metrics/identity.js';
import type { Direction, RawSeries } from '../../model/series.js';
import { LIMITS, LimitError, limitMessages } from '../limits.js';
import { findTables } from '../markdown.js';
import { ProblemLog } from '../problems.js';
import { skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { shortLabel } from './llm-shared.js';
import { accumulate, isObject, numberOf, parsedOutcome, type JsonObject } from './util.js';

/**
 * EleutherAI lm-evaluation-harness, in the two forms teams commit:
 *
 * - `results_<timestamp>.json` (`lm_eval --output_path`): `results` (and
 *   `groups`) map each task to `"<metric>,<filter>": value` and
 *   `"<metric>_stderr,<filter>": stderr` (0.3 wrote `acc` and `acc_stderr`
 *   without the filter), beside `higher_is_better`, `n-shot`, `n-samples`,
 *   `versions` and the run's `config`.
 * - the Markdown table lm_eval prints (`make_table`):
 *   `|Tasks|Version|Filter|n-shot|Metric| |Value| |Stderr|`, a blank Tasks
 *   cell continuing the task above, subtasks indented as ` - name`, the
 *   unnamed column after Metric holding ↑/↓; a second table headed `Groups`.
 *
 * One series per task, metric, filter and n-shot, named by the lm-eval metric
 * (`acc`, `acc_norm`, `exact_match`, `word_perplexity`) and without a unit:
 * these are proportions and scores, and `byte_perplexity` is not in bytes.
 *
 * Each score is a single value. The stderr is the standard error of that one
 * score, never a series of its own; carried as a summary (sd = stderr·√n
 * over the items scored) it would read as a spread of runs, and the
 * findings would call every accuracy unstable (the sd of 0/1 item scores).
 */

const ADAPTER = 'lm-eval';
const ARROWS: Record<string, Direction> = { '↑': 'higher', '↓': 'lower' };

/** Scores are proportions or plain numbers: stated as no unit, so `byte_perplexity` is never read as bytes. */
const NO_UNIT = '';

/** `bypass` is lm-eval's placeholder (999) for generate-only tasks: no measurement. */
const PLACEHOLDER_METRICS = new Set(['bypass']);

/** Lower first: `brier_score` is a score where lower is better. */
const LOWER_METRIC = /(^|_)(perplexity|ppl|bits_per_byte|bpb|ter|brier_score|loss|wer|cer|error|errors)(_|$)/;
const HIGHER_METRIC =
  /(^|_)(acc|accuracy|exact_match|em|f1|bleu|sacrebleu|chrf|rouge\w*|bleurt|bertscore|mcc|matthews_corrcoef|pass@\d+|pass_at_\d+|score|correct|contains|strict_acc|loose_acc|mc1|mc2)(_|$)/;

/** The better direction of an lm-eval metric when the file does not say it. */
export function metricDirection(metric: string): Direction {
  const name = metric.toLowerCase();
  if (LOWER_METRIC.test(name)) return 'lower';
  if (HIGHER_METRIC.test(name)) return 'higher';
  return 'none';
}

/** One score as read, before it becomes a series. */
interface Score {
  metric: string;
  labels: Record<string, string>;
  value: number;
  direction: Direction;
  line?: number;
}

/**
 * Scores by metric and labels. A group is printed both among the tasks and in
 * the Groups table (and stored under `results` and `groups`): the same score
 * twice is one series, silently; a different one is a problem.
 */
class ScoreSet {
  private readonly byKey = new Map<string, { score: Score; series: RawSeries }>();

  constructor(private readonly problems: ProblemLog) {}

  add(score: Score): void {
    const key = `${score.metric}\u0000${labelKey(score.labels)}`;
    const existing = this.byKey.get(key);
    if (existing) {
      if (existing.score.value !== score.value) this.problems.add(score.line, `a second ${score.metric} for ${labelsShown(score.labels)} (${score.value}, first ${existing.score.value}); the first is kept`);
      return;
    }
    if (this.byKey.size >= LIMITS.seriesPerFile) throw new LimitError(limitMessages.seriesPerFile(), score.line);
    this.byKey.set(key, { score, series: toSeries(score) });
  }

  get series(): RawSeries[] {
    return [...this.byKey.values()].map((e) => e.series);
  }
}

function labelsShown(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

function toSeries(score: Score): RawSeries {
  const { metric, value, line, direction } = score;
  const series: RawSeries = { metric, labels: { ...score.labels }, samples: accumulate([value]) };
  series.unitHint = NO_UNIT;
  if (direction !== 'none') series.directionHint = direction;
  if (line !== undefined) series.line = line;
  return series;
}

/** Task, filter and n-shot as labels: `filter` only when a task filters its answers (not `none`). */
function scoreLabels(base: Record<string, string>, task: string, filter: string | undefined, nShot: string | undefined): Record<string, string> {
  const labels: Record<string, string> = { ...base, task };
  if (filter !== undefined && filter !== '' && filter !== 'none') labels.filter = filter;
  if (nShot !== undefined && nShot !== '') labels.n_shot = nShot;
  return labels;
}

// ---------------------------------------------------------------- JSON

/** `acc,none` → acc / none; 0.3's `acc` has no filter. */
function splitKey(key: string): { metric: string; filter: string | undefined } {
  const comma = key.indexOf(',');
  return comma < 0 ? { metric: key, filter: undefined } : { metric: key.slice(0, comma), filter: key.slice(comma + 1) };
}

/** A property the file itself holds, never one inherited from Object.prototype (`constructor`, `__proto__`). */
function own(obj: JsonObject | undefined, key: string): unknown {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function objectAt(obj: JsonObject | undefined, key: string): JsonObject | undefined {
  const v = own(obj, key);
  return isObject(v) ? v : undefined;
}

/** A task's entry: holds an alias, or a metric key lm-eval writes (`x,filter`, `x_stderr`). */
function looksLikeTask(entry: unknown): boolean {
  if (!isObject(entry)) return false;
  return Object.keys(entry).some((k) => k === 'alias' || k.includes(',') || /_stderr$/.test(k) || k === 'acc' || k === 'word_perplexity');
}

function isResultsDocument(doc: unknown): doc is JsonObject {
  if (!isObject(doc)) return false;
  // lighteval (and the Open LLM Leaderboard) also write `results` beside `versions`, with tasks named
  // `suite|task|fewshot` and an `all` average: another tool's layout, left to the JSON reader.
  if ('config_general' in doc) return false;
  const results = own(doc, 'results');
  if (!isObject(results) || Object.keys(results).some((task) => task.includes('|')) || !Object.values(results).some(looksLikeTask)) return false;
  const config = objectAt(doc, 'config');
  return ['versions', 'higher_is_better', 'n-shot'].some((k) => isObject(own(doc, k))) || (config !== undefined && 'model_args' in config);
}

/** `pretrained=EleutherAI/pythia-160m,dtype=float` (or the same as an object) → the model. */
export function modelFromArgs(args: unknown): string | undefined {
  if (isObject(args)) return shortLabel(own(args, 'pretrained'), 200) ?? shortLabel(own(args, 'model'), 200);
  if (typeof args !== 'string') return undefined;
  const pairs = new Map<string, string>();
  for (const part of args.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) pairs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return shortLabel(pairs.get('pretrained'), 200) ?? shortLabel(pairs.get('model'), 200);
}

function jsonModel(doc: JsonObject): string | undefined {
  return shortLabel(own(doc, 'model_name'), 200) ?? modelFromArgs(own(objectAt(doc, 'config'), 'model_args'));
}

/** 1-based line of a character offset, from the offsets of the newlines (found once). */
function lineIndex(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((breaks[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

/**
 * The line of each task's entry in a section, found in document order with a
 * moving cursor, so a file of thousands of tasks is scanned once.
 */
function taskLines(text: string, section: string, tasks: string[]): Map<string, number> {
  const lines = new Map<string, number>();
  let cursor = text.indexOf(`"${section}"`);
  if (cursor < 0) return lines;
  const lineAt = lineIndex(text);
  for (const task of tasks) {
    const at = text.indexOf(`${JSON.stringify(task)}:`, cursor);
    if (at < 0) continue;
    lines.set(task, lineAt(at));
    cursor = at;
  }
  return lines;
}

interface JsonContext {
  base: Record<string, string>;
  higherIsBetter: JsonObject | undefined;
  nShot: JsonObject | undefined;
  /** 0.3 ran every task with one `num_fewshot`, stated in the config. */
  fewshot: string | undefined;
}

/** The scores of one task's entry: every numeric metric but its stderr and lm-eval's placeholder. */
function taskScores(task: string, entry: JsonObject, ctx: JsonContext, line: number | undefined): Score[] {
  const hib = objectAt(ctx.higherIsBetter, task);
  const shot = own(ctx.nShot, task);
  const nShot = shot === undefined ? ctx.fewshot : shortLabel(shot, 20);
  const scores: Score[] = [];
  for (const [key, raw] of Object.entries(entry)) {
    const { metric, filter } = splitKey(key);
    if (key === 'alias' || metric.endsWith('_stderr') || PLACEHOLDER_METRICS.has(metric)) continue;
    const value = numberOf(raw);
    if (value === undefined) continue;
    const stated = own(hib, metric);
    const direction = typeof stated === 'boolean' ? (stated ? 'higher' : 'lower') : metricDirection(metric);
    const score: Score = { metric, labels: scoreLabels(ctx.base, task, filter, nShot), value, direction };
    if (line !== undefined) score.line = line;
    scores.push(score);
  }
  return scores;
}

function parseJson(input: AdapterInput): ParseOutcome {
  const doc = input.json;
  if (!isResultsDocument(doc)) return skipped('not lm-evaluation-harness results: no "results" of tasks beside "versions", "n-shot" or "higher_is_better"');
  const problems = new ProblemLog();
  const set = new ScoreSet(problems);
  const config = objectAt(doc, 'config');
  const model = jsonModel(doc);
  const fewshot = shortLabel(own(config, 'num_fewshot'), 20);
  const ctx: JsonContext = {
    base: model === undefined ? {} : { model },
    higherIsBetter: objectAt(doc, 'higher_is_better'),
    nShot: objectAt(doc, 'n-shot'),
    fewshot: objectAt(doc, 'n-shot') === undefined ? fewshot : undefined,
  };
  let rows = 0;
  // Newer versions store each group under `results` too; `groups` adds those that are not.
  for (const section of ['results', 'groups']) {
    const entries = objectAt(doc, section);
    if (!entries) continue;
    const lines = taskLines(input.text, section, Object.keys(entries));
    for (const [task, entry] of Object.entries(entries)) {
      if (!isObject(entry)) continue;
      for (const score of taskScores(task, entry, ctx, lines.get(task))) {
        rows += 1;
        set.add(score);
      }
    }
  }
  const series = set.series;
  if (series.length === 0) return skipped(`${ADAPTER}: no numeric score under "results"`);
  return parsedOutcome(ADAPTER, series, problems, { rows });
}

// ---------------------------------------------------------------- Markdown

type Table = ReturnType<typeof findTables>[number];

interface Columns {
  task: number;
  filter: number;
  nShot: number;
  metric: number;
  value: number;
  /** The unnamed column between Metric and Value: ↑ / ↓. */
  arrow: number;
}

const NAME_COLUMN = /^(tasks?|groups)$/;

/** Where make_table's columns are, or undefined for any other table. */
function columnsOf(header: readonly string[]): Columns | undefined {
  const names = header.map((h) => h.trim().toLowerCase());
  if (!NAME_COLUMN.test(names[0] ?? '')) return undefined;
  const metric = names.indexOf('metric');
  const value = names.indexOf('value');
  if (metric < 0 || value < 0 || !names.includes('version')) return undefined;
  const arrow = metric + 1 < value && names[metric + 1] === '' ? metric + 1 : -1;
  return { task: 0, filter: names.indexOf('filter'), nShot: names.indexOf('n-shot'), metric, value, arrow };
}

/** The run line lm_eval prints above its tables: `hf (pretrained=…,dtype=float), gen_kwargs: (None), limit: None, …`. */
const RUN_LINE = /^\s*[\w.-]+ \((.*?)\), (?:gen_kwargs|limit): /;

/** The model of each table: from the last run line above it, when the file holds one. */
function tableModels(lines: readonly string[], tables: readonly Table[]): (string | undefined)[] {
  return tables.map((table) => {
    // The header is two lines above the first row; a table without rows has no model to name.
    const first = table.rows[0]?.line;
    if (first === undefined) return undefined;
    for (let i = first - 3; i >= 0; i--) {
      const run = RUN_LINE.exec(lines[i] ?? '');
      if (run) return modelFromArgs(run[1]);
    }
    return undefined;
  });
}

/** Leading spaces of a row's first cell as written: make_table indents subtasks ` - x`, `  - y`. */
function indentOf(rawLine: string): number {
  const cell = rawLine.trimStart().replace(/^\|/, '');
  return cell.length - cell.trimStart().length;
}

/** The task a row names, with the group it sits under (the nearest less-indented name above it). */
class TaskTracker {
  private readonly stack: { depth: number; name: string }[] = [];
  current: { task: string; group: string | undefined } | undefined;

  name(cell: string, rawLine: string): void {
    const sub = /^-\s*/.test(cell);
    const task = cell.replace(/^-\s*/, '').trim();
    const depth = sub ? indentOf(rawLine) + 1 : 0;
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1] as { depth: number }).depth >= depth) this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    this.current = { task, group: sub ? parent?.name : undefined };
    this.stack.push({ depth, name: task });
  }
}

function cellAt(cells: readonly string[], at: number): string {
  return at < 0 ? '' : (cells[at] ?? '').trim();
}

function tableScores(table: Table, columns: Columns, lines: readonly string[], base: Record<string, string>, problems: ProblemLog): { scores: Score[]; rows: number } {
  const tracker = new TaskTracker();
  const scores: Score[] = [];
  let rows = 0;
  for (const { cells, line } of table.rows) {
    const name = cellAt(cells, columns.task);
    if (name !== '') tracker.name(name, lines[line - 1] ?? '');
    const metric = cellAt(cells, columns.metric);
    // Early 0.4 printed each task's alias as a row of its own.
    if (metric === 'alias' || PLACEHOLDER_METRICS.has(metric)) continue;
    rows += 1;
    const current = tracker.current;
    if (!current || current.task === '') {
      problems.add(line, 'a continuation row with no task above it; row skipped');
      continue;
    }
    const valueCell = cellAt(cells, columns.value);
    const value = numberOf(valueCell);
    if (metric === '' || value === undefined) {
      problems.add(line, metric === '' ? `no metric for ${current.task}; row skipped` : `${metric} of ${current.task} is "${valueCell.slice(0, 40)}", not a number; row skipped`);
      continue;
    }
    const labels = scoreLabels(current.group === undefined ? base : { ...base, group: current.group }, current.task, cellAt(cells, columns.filter), shortLabel(cellAt(cells, columns.nShot), 20));
    scores.push({ metric, labels, value, direction: ARROWS[cellAt(cells, columns.arrow)] ?? metricDirection(metric), line });
  }
  return { scores, rows };
}

/** Every table is make_table's (a page that also holds other tables is the Markdown reader's, which reads them all). */
function lmEvalTables(text: string): { tables: Table[]; columns: Columns[] } | undefined {
  if (!/\|\s*Metric\s*\|/.test(text) || !/\|\s*Value\s*\|/.test(text)) return undefined;
  const tables = findTables(text);
  const columns = tables.map((t) => columnsOf(t.header));
  if (tables.length === 0 || columns.some((c) => c === undefined)) return undefined;
  return { tables, columns: columns as Columns[] };
}

function parseMarkdown(input: AdapterInput): ParseOutcome {
  const found = lmEvalTables(input.text);
  if (!found) return skipped('not an lm-evaluation-harness table: every table needs Tasks (or Groups), Version, Metric and Value columns');
  const problems = new ProblemLog();
  const set = new ScoreSet(problems);
  const lines = input.text.split(/\r?\n/);
  const models = tableModels(lines, found.tables);
  let rows = 0;
  let read = 0;
  found.tables.forEach((table, i) => {
    const model = models[i];
    const result = tableScores(table, found.columns[i] as Columns, lines, model === undefined ? {} : { model }, problems);
    rows += result.rows;
    read += result.scores.length;
    for (const score of result.scores) set.add(score);
  });
  const series = set.series;
  if (series.length === 0) return skipped(`${ADAPTER}: no numeric score in the table`);
  return parsedOutcome(ADAPTER, series, problems, { rows, excludedRows: rows - read });
}

// ---------------------------------------------------------------- adapter

function detect(input: AdapterInput): boolean {
  if (input.type === 'json') return isResultsDocument(input.json);
  if (input.type === 'markdown' || input.type === 'text') return lmEvalTables(input.text) !== undefined;
  return false;
}

function parse(input: AdapterInput): ParseOutcome {
  if (input.type === 'json') return parseJson(input);
  if (input.type === 'markdown' || input.type === 'text') return parseMarkdown(input);
  return skipped('lm-evaluation-harness writes JSON results or a Markdown table');
}

export const lmEvalAdapter: ToolAdapter = {
  name: ADAPTER,
  types: ['json', 'markdown', 'text'],
  detect,
  parse,
};

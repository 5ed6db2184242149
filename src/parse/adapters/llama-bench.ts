import { parse as parseCsvSync } from 'csv-parse/sync';
import { DELIMITER_ROW, findTables, splitRow } from '../markdown.js';
import { ProblemLog } from '../problems.js';
import { failed, skipped, type ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { SeriesSet, baseName, shortLabel, sampledSeries, summarySeries } from './llm-shared.js';
import { firstJsonLine, firstLine, isObject, jsonLines, numberOf, parsedOutcome, summaryOf, type JsonObject } from './util.js';
import { ownValue, setOwn } from '../../util/own.js';

/**
 * llama.cpp `llama-bench` in each of its output modes (`-o json|jsonl|csv|md`).
 * Every row is one test of one configuration: `pp512` (prompt processing of
 * 512 tokens), `tg128` (generating 128), `pp512+tg128`, optionally `@ d4096`
 * (at a context depth; a file that runs depths labels each row `n_depth`).
 * The result is tokens per second: `samples_ts` (one
 * value per repetition) when the file has them, else `avg_ts ± stddev_ts`.
 */

const METRIC = 'tokens_per_s';
const SERIES_OPTIONS = { unit: 'tok/s', direction: 'higher' as const };

/** Settings llama-bench can sweep; a label when it differs between the rows of one file. */
const SWEEP_KEYS = [
  'type_k', 'type_v', 'flash_attn', 'split_mode', 'main_gpu', 'no_kv_offload', 'use_mmap', 'embeddings', 'tensor_split',
  'tensor_buft_overrides', 'cpu_mask', 'cpu_strict', 'poll', 'n_cpu_moe', 'devices', 'defrag_thold', 'no_op_offload',
];
/**
 * Settings that change speed a great deal, and their defaults: a file run
 * away from the default says so in a label even when all its rows agree, so
 * a run with MoE experts on the CPU (`n_cpu_moe`) is never compared as if
 * only its model differed from another file's.
 */
const LOUD_DEFAULTS: Record<string, string> = { n_cpu_moe: '0', flash_attn: 'false', type_k: 'f16', type_v: 'f16', no_kv_offload: 'false' };

/** Whether a setting holds its default, however the output mode writes it (`false`, `0`, `"0"`). */
function isDefault(key: string, value: unknown): boolean {
  const d = ownValue(LOUD_DEFAULTS, key);
  if (d === undefined) return true;
  const text = String(value).trim().toLowerCase();
  // Current builds default flash attention to auto (`-fa auto`, written -1).
  if (key === 'flash_attn' && (text === '-1' || text === 'auto')) return true;
  return d === 'false' ? text === 'false' || text === '0' : text === d;
}

/** Settings that are always labels: what a llama-bench user compares. */
const CORE_LABELS = ['backends', 'n_gpu_layers', 'n_threads', 'n_batch', 'n_ubatch'];
/** Backend flags of older builds, before the `backends` field. */
const OLD_BACKEND_FLAGS: [string, string][] = [
  ['cuda', 'CUDA'], ['vulkan', 'Vulkan'], ['metal', 'Metal'], ['sycl', 'SYCL'], ['opencl', 'OpenCL'], ['kompute', 'Kompute'], ['rpc', 'RPC'], ['gpu_blas', 'GPU BLAS'], ['blas', 'BLAS'],
];
/** Markdown shows short column names; the labels use the JSON names so every output mode agrees. */
const MARKDOWN_COLUMNS: Record<string, string> = {
  model: 'model_type', backend: 'backends', ngl: 'n_gpu_layers', threads: 'n_threads', sm: 'split_mode', mg: 'main_gpu',
  nkvo: 'no_kv_offload', fa: 'flash_attn', mmap: 'use_mmap', embd: 'embeddings', ts: 'tensor_split', strict: 'cpu_strict',
  dev: 'devices', ot: 'tensor_buft_overrides', ncmoe: 'n_cpu_moe',
};
/** Markdown columns that describe the model file, not a condition of the test. */
const MARKDOWN_SKIPPED = new Set(['size', 'params', 't/s', 'test']);

type Row = Record<string, unknown>;

function isRow(v: unknown): v is JsonObject {
  return isObject(v) && 'avg_ts' in v && 'n_prompt' in v && 'n_gen' in v;
}

/** Keys a harness object may hold beside the output; more and it is some other document. */
const MAX_WRAPPER_KEYS = 8;

/**
 * The tests of a JSON document: llama-bench's own list or record, or that list inside an object a
 * harness wrote around it (`{"cmd": [...], "stdout": [tests], "stderr_tail": "…"}`), where the
 * generic reader would take `stdout.model_size` for a result. One list of tests and no other
 * records: an object holding results of its own is not a wrapper.
 */
function testsOf(json: unknown): JsonObject[] | undefined {
  if (Array.isArray(json)) return json.length > 0 && json.every(isRow) ? json : undefined;
  if (!isObject(json)) return undefined;
  if (isRow(json)) return [json];
  const keys = Object.keys(json);
  if (keys.length > MAX_WRAPPER_KEYS) return undefined;
  let tests: JsonObject[] | undefined;
  for (const key of keys) {
    const value: unknown = json[key];
    if (isObject(value)) return undefined;
    if (!Array.isArray(value) || !value.some(isObject)) continue;
    if (tests !== undefined || !value.every(isRow)) return undefined;
    tests = value;
  }
  return tests;
}

/** llama-bench's own test name: `pp512`, `tg128`, `pp512+tg128`, with ` @ d<depth>` when a depth is set. */
export function testName(nPrompt: number, nGen: number, nDepth: number): string {
  const name = nPrompt > 0 && nGen === 0 ? `pp${nPrompt}` : nGen > 0 && nPrompt === 0 ? `tg${nGen}` : `pp${nPrompt}+tg${nGen}`;
  return nDepth > 0 ? `${name} @ d${nDepth}` : name;
}

/**
 * The test's labels. A file that sweeps the context depth (`-d 0,8192,…`)
 * labels every row with `n_depth` and names the test without it, so
 * `pp2048` at each depth is one comparison, not a test of its own per
 * depth; a file without depths keeps the test name alone, as before.
 */
function setTest(labels: Record<string, string>, test: string, depth: number, fileHasDepths: boolean): void {
  labels.test = test;
  if (fileHasDepths) labels.n_depth = String(depth);
}

/** `pp2048 @ d8192` → `pp2048` at depth 8192, as the Markdown output writes it. */
function splitDepth(test: string): { test: string; depth: number } {
  const m = /^(.*?)\s*@\s*d(\d+)$/.exec(test);
  return m ? { test: m[1] as string, depth: Number(m[2]) } : { test, depth: 0 };
}

/** `samples_ts`/`samples_ns` (JSON and JSONL only: the CSV output has no per-repetition columns). */
function numberList(v: unknown): number[] | undefined {
  if (Array.isArray(v)) {
    const values = v.map(numberOf);
    return values.every((x) => x !== undefined) && values.length > 0 ? (values as number[]) : undefined;
  }
  return undefined;
}

function backendsOf(row: Row): string | undefined {
  const stated = shortLabel(row.backends);
  if (stated) return stated;
  const flags = OLD_BACKEND_FLAGS.filter(([key]) => row[key] === true || row[key] === '1' || row[key] === 'true').map(([, name]) => name);
  return flags.length > 0 ? flags.join(',') : undefined;
}

/** Rows as JSON records (json, jsonl, csv): labels, test name and tokens/s. */
function readRows(rows: Row[], problems: ProblemLog, adapterName: string, lines?: number[]): ParseOutcome {
  const set = new SeriesSet(problems);
  const varying = SWEEP_KEYS.filter(
    (key) => new Set(rows.map((r) => JSON.stringify(r[key] ?? null))).size > 1 || (Object.hasOwn(LOUD_DEFAULTS, key) && rows.some((r) => r[key] !== undefined && r[key] !== null && !isDefault(key, r[key]))),
  );
  let used = 0;
  const hasDepths = rows.some((r) => (numberOf(r.n_depth) ?? 0) > 0);
  rows.forEach((row, index) => {
    const line = lines?.[index];
    const nPrompt = numberOf(row.n_prompt);
    const nGen = numberOf(row.n_gen);
    if (nPrompt === undefined || nGen === undefined) {
      problems.add(line, `test ${index + 1} has no n_prompt/n_gen; skipped`);
      return;
    }
    const labels: Record<string, string> = {};
    const model = shortLabel(row.model_type, 200);
    if (model) labels.model_type = model;
    const file = shortLabel(row.model_filename, 400);
    if (file) labels.model_file = baseName(file);
    const backends = backendsOf(row);
    if (backends) labels.backends = backends;
    for (const key of [...CORE_LABELS.slice(1), ...varying]) {
      const text = shortLabel(row[key], 200);
      if (text !== undefined) setOwn(labels, key, text);
    }
    const depth = numberOf(row.n_depth) ?? 0;
    setTest(labels, testName(nPrompt, nGen, 0), depth, hasDepths);
    const options = line === undefined ? SERIES_OPTIONS : { ...SERIES_OPTIONS, line };
    const ts = numberList(row.samples_ts);
    const ns = numberList(row.samples_ns);
    const tokens = nPrompt + nGen;
    if (ts) set.add(sampledSeries(METRIC, labels, ts, options));
    // Builds before `samples_ts` kept only the times: tokens per second follow from them.
    else if (ns && tokens > 0 && ns.every((t) => t > 0)) set.add(sampledSeries(METRIC, labels, ns.map((t) => (tokens * 1e9) / t), options));
    else {
      const mean = numberOf(row.avg_ts);
      if (mean === undefined) {
        problems.add(line, `test ${index + 1} (${labels.test}) has no avg_ts; skipped`);
        return;
      }
      const sd = numberOf(row.stddev_ts);
      set.add(summarySeries(METRIC, labels, summaryOf(sd === undefined ? { mean } : { mean, sd }), options));
    }
    used += 1;
  });
  if (used === 0) return failed(`no readable llama-bench test in this ${adapterName} output`);
  return parsedOutcome('llama-bench', set.series, problems, { rows: rows.length, excludedRows: rows.length - used });
}

function parseJsonLines(text: string): { rows: Row[]; lines: number[]; problems: ProblemLog } {
  const problems = new ProblemLog();
  const rows: Row[] = [];
  const lines: number[] = [];
  for (const { value, line } of jsonLines(text, problems)) {
    if (isRow(value)) {
      rows.push(value);
      lines.push(line);
    } else problems.add(line, 'not a llama-bench record; line skipped');
  }
  return { rows, lines, problems };
}

const CSV_HEADER = /(^|,)"?avg_ts"?(,|$)/;

function isCsv(text: string): boolean {
  const header = firstLine(text) ?? '';
  return CSV_HEADER.test(header) && /(^|,)"?n_prompt"?(,|$)/.test(header) && /(^|,)"?n_gen"?(,|$)/.test(header);
}

function parseCsvText(text: string): ParseOutcome {
  let records: Record<string, string>[];
  try {
    records = parseCsvSync(text, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  } catch (err) {
    return failed(`could not be read as llama-bench CSV: ${(err as Error).message}`);
  }
  // The header is line 1 and each test one line after it. Runs appended with `>>` repeat the header line:
  // it is a header again, not a test whose every setting "varies".
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  records.forEach((record, i) => {
    if (Object.entries(record).every(([key, value]) => value === key)) return;
    rows.push(record);
    lines.push(i + 2);
  });
  return readRows(rows, new ProblemLog(), 'CSV', lines);
}

/**
 * llama-bench tables as a console log holds them: stderr merged into stdout
 * puts the program's own lines between a table's rows (ik_llama.cpp's
 * `============ Repacked 337 tensors` after the delimiter row, a model's
 * load messages), which end a Markdown table. Rows of the table's width that
 * follow such lines, before a blank line or another table, are still its rows.
 */
function benchTables(text: string): ReturnType<typeof findTables> {
  const tables = findTables(text, { inFences: true });
  if (tables.length === 0) return tables;
  const lines = text.split(/\r?\n/);
  const headers = new Set(tables.map((t) => t.headerLine));
  for (const table of tables) {
    if (!isBenchTable(table.header)) continue;
    const last = table.rows.length > 0 ? (table.rows[table.rows.length - 1]?.line as number) : table.headerLine + 1;
    const pending: { cells: string[]; line: number }[] = [];
    let interrupted = false;
    for (let j = last; j < lines.length; j++) {
      const line = lines[j] as string;
      if (line.trim() === '' || headers.has(j + 1) || FENCE_LINE.test(line)) break;
      if (!line.includes('|')) {
        interrupted = true;
        continue;
      }
      const cells = splitRow(line);
      if (!interrupted || cells.length !== table.header.length || DELIMITER_ROW.test(line)) break;
      pending.push({ cells, line: j + 1 });
    }
    table.rows.push(...pending);
  }
  return tables;
}

const FENCE_LINE = /^\s*(`{3,}|~{3,})/;

/** A llama-bench Markdown table: `model`, `test` and `t/s` columns. */
function isBenchTable(header: string[]): boolean {
  const names = header.map((h) => h.trim().toLowerCase());
  return names.includes('test') && names.includes('t/s') && names.includes('model');
}

function isMarkdown(text: string): boolean {
  if (!hasTpsCell(text)) return false;
  // Console output is often pasted in a code block: its tables are read there too.
  const tables = benchTables(text);
  // A document that also holds other tables is left to the Markdown reader, which reads them all.
  return tables.length > 0 && tables.every((t) => isBenchTable(t.header));
}

/**
 * Whether a `t/s` cell stands between pipes, blanks around it allowed (`| t/s |`): what
 * /\|[ \t]*t\/s[ \t]*\|/ finds, looked for from each `t/s` (this is asked of every Markdown
 * file, and most hold none) rather than by trying the expression at every character.
 */
function hasTpsCell(text: string): boolean {
  for (let at = text.indexOf('t/s'); at >= 0; at = text.indexOf('t/s', at + 3)) {
    let before = at - 1;
    while (before >= 0 && isBlank(text.charCodeAt(before))) before--;
    let after = at + 3;
    while (after < text.length && isBlank(text.charCodeAt(after))) after++;
    if (before >= 0 && text.charCodeAt(before) === 124 && text.charCodeAt(after) === 124) return true;
  }
  return false;
}

/** A space or a tab. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

const VALUE_CELL = /^([+-]?\d[\d,]*(?:\.\d+)?)(?:\s*±\s*(\d[\d,]*(?:\.\d+)?))?$/;

function parseMarkdownText(text: string): ParseOutcome {
  const problems = new ProblemLog();
  const set = new SeriesSet(problems);
  let rows = 0;
  let used = 0;
  const tables = benchTables(text);
  const testOf = (cells: readonly string[], at: number) => splitDepth((cells[at] ?? '').replace(/^(pp|tg)\s+(\d)/, '$1$2').replace(/\+(pp|tg)\s+(\d)/, '+$1$2').trim());
  const hasDepths = tables.some((t) => {
    const at = t.header.map((h) => h.trim().toLowerCase()).indexOf('test');
    return t.rows.some((r) => testOf(r.cells, at).depth > 0);
  });
  for (const table of tables) {
    const header = table.header.map((h) => h.trim().toLowerCase());
    const testAt = header.indexOf('test');
    const valueAt = header.indexOf('t/s');
    for (const { cells, line } of table.rows) {
      rows += 1;
      const { test, depth } = testOf(cells, testAt);
      const value = VALUE_CELL.exec((cells[valueAt] ?? '').trim());
      if (!test || !value) {
        problems.add(line, test ? `"t/s" of ${test} is "${cells[valueAt] ?? ''}", not a number; row skipped` : 'no test name; row skipped');
        continue;
      }
      const labels: Record<string, string> = {};
      header.forEach((column, i) => {
        if (MARKDOWN_SKIPPED.has(column)) return;
        const cell = shortLabel(cells[i], 200);
        if (cell !== undefined) setOwn(labels, ownValue(MARKDOWN_COLUMNS, column) ?? column, cell);
      });
      setTest(labels, test, depth, hasDepths);
      const mean = numberOf(value[1]) as number;
      const sd = numberOf(value[2]);
      set.add(summarySeries(METRIC, labels, summaryOf(sd === undefined ? { mean } : { mean, sd }), { ...SERIES_OPTIONS, line }));
      used += 1;
    }
  }
  if (used === 0) return failed('no readable llama-bench row in this Markdown table');
  return parsedOutcome('llama-bench', set.series, problems, { rows, excludedRows: rows - used });
}

function detect(input: AdapterInput): boolean {
  switch (input.type) {
    case 'json':
      return testsOf(input.json) !== undefined;
    case 'jsonl':
      return isRow(firstJsonLine(input.text));
    case 'csv':
      return isCsv(input.text);
    case 'markdown':
    case 'text':
      return isMarkdown(input.text);
    default:
      return false;
  }
}

function parse(input: AdapterInput): ParseOutcome {
  switch (input.type) {
    case 'json': {
      const rows = testsOf(input.json);
      if (rows === undefined) return skipped('not llama-bench JSON: records need avg_ts, n_prompt and n_gen');
      return readRows(rows, new ProblemLog(), 'JSON');
    }
    case 'jsonl': {
      const { rows, lines, problems } = parseJsonLines(input.text);
      if (rows.length === 0) return skipped('not llama-bench JSONL: no line holds avg_ts, n_prompt and n_gen');
      return readRows(rows, problems, 'JSONL', lines);
    }
    case 'csv':
      return isCsv(input.text) ? parseCsvText(input.text) : skipped('not llama-bench CSV: the header needs avg_ts, n_prompt and n_gen');
    case 'markdown':
    case 'text':
      return isMarkdown(input.text) ? parseMarkdownText(input.text) : skipped('not llama-bench Markdown: no table with model, test and t/s columns');
    default:
      return skipped('llama-bench writes JSON, JSONL, CSV or Markdown');
  }
}

export const llamaBenchAdapter: ToolAdapter = {
  name: 'llama-bench',
  types: ['json', 'jsonl', 'csv', 'markdown', 'text'],
  detect,
  parse,
};

import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { formatBytes } from '../../util/text.js';
import type { SizedFile } from '../read-file.js';
import { failed, skipped, type ParseOutcome, type ParsedData } from '../types.js';
import { PROBLEMS_LISTED } from '../problems.js';
import { duplicateProblems, readJsonDocument, refusedDocument, withProblems } from '../json.js';
import type { DuplicateKey } from '../json-scan.js';
import { quoteNonFinite } from '../json-python.js';
import { LimitError } from '../limits.js';
import { boundedLines } from '../lines.js';
import type { FileType, Problem } from '../../model/report.js';
import { GENERIC_FORMAT, adapterNamed, adaptersFor, detectAdapter } from './registry.js';
import type { AdapterInput, ToolAdapter } from './types.js';

export interface AdapterReadRequest {
  file: SizedFile;
  maxFileSize: number;
  /** The whole file when it was small enough to read at once. */
  whole: Buffer | undefined;
  /** Its first bytes (at most 8 KiB). */
  head: Buffer;
  /** Forced format from the `format` input; undefined detects. */
  format: string | undefined;
}

/** A tool adapter's outcome, or what was read on the way so the generic parser need not read it again. */
export interface AdapterRead {
  outcome?: ParseOutcome;
  text?: string;
  /** The parsed JSON document (wrapped: `null` is a valid document), with what its scan found (duplicate keys). */
  json?: { value: unknown; problems: Problem[] };
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file's bytes as text, without the byte order mark. */
function decodeText(bytes: Buffer): string {
  return withoutBom(bytes.toString('utf8'));
}

/** The document, a refusal when it passes a cap (src/parse/json-scan.ts), or undefined when the text is not JSON. */
function tryJson(text: string): { value: unknown; problems: Problem[]; duplicates: DuplicateKey[] } | { refusal: ParseOutcome } | undefined {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  // Lines are counted from the file's first line, so the scan sees the leading blanks too.
  const doc = readJsonDocument(text);
  if (doc === undefined) return undefined;
  if ('refusal' in doc) return { refusal: refusedDocument(doc.refusal) };
  return { value: doc.value, problems: duplicateProblems(doc.duplicates), duplicates: doc.duplicates };
}

/** The duplicate keys worth a problem once `adapter` reads the document: not those its tool writes by design. */
function duplicatesFor(adapter: ToolAdapter, json: { problems: Problem[]; duplicates: DuplicateKey[] }): Problem[] {
  const expected = adapter.expectedDuplicate;
  return expected ? duplicateProblems(json.duplicates.filter((d) => !expected(d))) : json.problems;
}

/**
 * A tool's JSON that JSON.parse refused over a bare `NaN` or `Infinity`
 * value (Google Benchmark writes a 0/0 cv so): the document with those values
 * as strings, for the adapters that report each one they leave out
 * (ToolAdapter.readsNonFinite). Other readers still refuse the file, with
 * the line of the value.
 */
function tryNonFiniteJson(text: string): { value: unknown; problems: Problem[]; duplicates: DuplicateKey[] } | undefined {
  const quoted = quoteNonFinite(text);
  if (quoted === undefined) return undefined;
  const doc = readJsonDocument(quoted);
  if (doc === undefined || 'refusal' in doc) return undefined;
  return { value: doc.value, problems: duplicateProblems(doc.duplicates), duplicates: doc.duplicates };
}

/** Complete lines of the head, so a detector never sees half a record. */
function headLines(head: Buffer): string {
  const text = head.toString('utf8');
  const end = text.lastIndexOf('\n');
  return withoutBom(end > 0 ? text.slice(0, end) : text);
}

function run(adapter: ToolAdapter, input: AdapterInput, problems: readonly Problem[] = []): ParseOutcome {
  try {
    return withProblems(adapter.parse(input), problems);
  } catch (err) {
    if (err instanceof LimitError) throw err;
    return failed(`${adapter.name}: could not read the file: ${(err as Error).message}`);
  }
}

/** A tool that reads line by line, on the file streamed from disk. */
async function runLines(adapter: ToolAdapter & Required<Pick<ToolAdapter, 'parseLines'>>, input: AdapterInput, file: SizedFile): Promise<ParseOutcome> {
  const stream = createReadStream(file.absolutePath);
  try {
    return await adapter.parseLines(input, boundedLines(stream));
  } catch (err) {
    if (err instanceof LimitError) throw err;
    return failed(`${adapter.name}: could not read the file: ${(err as Error).message}`);
  } finally {
    // An adapter that refuses the file by its head never reads the stream: closed here, its descriptor is not
    // left open, and an error opening it late (the file gone by then) has a listener instead of crashing the run.
    stream.on('error', () => {});
    stream.destroy();
  }
}

const streams = (a: ToolAdapter): a is ToolAdapter & Required<Pick<ToolAdapter, 'parseLines'>> => a.parseLines !== undefined;

function input(file: SizedFile, type: FileType, text: string, json?: { value: unknown }): AdapterInput {
  const result: AdapterInput = { path: file.path ?? path.basename(file.absolutePath), type, text };
  if (json) result.json = json.value;
  return result;
}

function tooLarge(file: SizedFile, maxFileSize: number, name: string): ParseOutcome {
  return skipped(`${name} output larger than max-file-size (${formatBytes(file.size)} > ${formatBytes(maxFileSize)}); tool formats are read whole`);
}

/**
 * Gives tool adapters the first look at a file. Detection is cheap: JSON is
 * parsed once (and the value returned for the generic parser), Markdown and
 * text are read whole as they would be anyway, and CSV/JSONL/other files
 * larger than one read are judged by the lines of their head, so the generic
 * parser can still stream them when no tool claims them. A file whose bytes
 * are in memory (nearly every one) is read at once, without a promise: an
 * await per file costs a turn of the microtask queue.
 */
export function readWithAdapter(req: AdapterReadRequest): AdapterRead | Promise<AdapterRead> {
  const { file, maxFileSize, whole, head, format } = req;
  if (format === GENERIC_FORMAT) return {};
  if (format !== undefined) return readForced(req, format);
  switch (file.type) {
    case 'json':
      // NDJSON under a `.json` name (k6's `--out json=results.json`) is streamed by a tool that reads it line by line.
      if (file.size > maxFileSize) return streamJsonLines(file, head);
      return whole ? readJson(file, decodeText(whole)) : readFileText(file).then((text) => readJson(file, text));
    case 'markdown':
    case 'text':
      if (file.size > maxFileSize || adaptersFor(file.type).length === 0) return {};
      return whole ? readDocument(file, decodeText(whole)) : readFileText(file).then((text) => readDocument(file, text));
    case 'csv':
    case 'jsonl':
    case 'other':
      if (adaptersFor(file.type).length === 0) return {};
      return whole ? readWholeTable(file, decodeText(whole)) : readTableHead(file, head, maxFileSize);
  }
}

async function readFileText(file: SizedFile): Promise<string> {
  return withoutBom(await fs.readFile(file.absolutePath, 'utf8'));
}

/** A format the `format` input forces: that adapter reads the file, whatever it holds. */
async function readForced(req: AdapterReadRequest, format: string): Promise<AdapterRead> {
  const { file, maxFileSize, whole, head } = req;
  const adapter = adapterNamed(format);
  if (!adapter) return { outcome: failed(`unknown format "${format}"`) };
  if (file.size > maxFileSize) {
    return { outcome: streams(adapter) ? await runLines(adapter, { ...input(file, file.type, headLines(head)), truncated: true }, file) : tooLarge(file, maxFileSize, adapter.name) };
  }
  const text = whole ? decodeText(whole) : await readFileText(file);
  const json = tryJson(text) ?? (adapter.readsNonFinite ? tryNonFiniteJson(text) : undefined);
  if (json && 'refusal' in json) return { outcome: json.refusal };
  return { outcome: run(adapter, input(file, file.type, text, json), json ? duplicatesFor(adapter, json) : []) };
}

/** A `.json` file past max-file-size: read only by a tool that streams it as NDJSON, judged by its head. */
async function streamJsonLines(file: SizedFile, head: Buffer): Promise<AdapterRead> {
  const sniff = { ...input(file, 'jsonl', headLines(head)), truncated: true };
  const adapter = detectAdapter(sniff, adaptersFor('jsonl').filter(streams));
  return adapter && streams(adapter) ? { outcome: await runLines(adapter, sniff, file) } : {};
}

function readJson(file: SizedFile, text: string): AdapterRead {
  const json = tryJson(text);
  if (json && 'refusal' in json) return { outcome: json.refusal };
  if (json) {
    const doc = input(file, 'json', text, json);
    const adapter = detectAdapter(doc);
    return adapter ? { outcome: run(adapter, doc, duplicatesFor(adapter, json)) } : { text, json };
  }
  const lenient = tryNonFiniteJson(text);
  if (lenient) {
    const doc = input(file, 'json', text, lenient);
    const adapter = detectAdapter(doc, adaptersFor('json').filter((a) => a.readsNonFinite));
    if (adapter) return { outcome: run(adapter, doc, duplicatesFor(adapter, lenient)) };
  }
  // NDJSON saved under a `.json` name (a streamed API response) is offered to JSONL readers.
  const lines = input(file, 'jsonl', text);
  const adapter = detectAdapter(lines);
  return adapter ? { outcome: run(adapter, lines) } : { text };
}

/** Markdown and text, read whole. */
function readDocument(file: SizedFile, text: string): AdapterRead {
  const doc = input(file, file.type, text);
  const adapter = detectAdapter(doc);
  if (!adapter) return { text };
  // A page that pastes two tools' output under its headings (Ollama's timings, then llama-bench tables)
  // is read section by section: read whole, the first tool to recognise it would hide the other's results.
  return { outcome: readPastedOutput(file, text, { mixedOnly: true }) ?? run(adapter, doc) };
}

/** CSV, JSONL or another file read whole. */
function readWholeTable(file: SizedFile, text: string): AdapterRead {
  const sniff = input(file, file.type, text);
  const adapter = detectAdapter(sniff);
  if (adapter) return { outcome: run(adapter, sniff) };
  if (file.type === 'other' && /\.js$/i.test(sniff.path)) return { outcome: notActionBenchmarkData() };
  // The decoded text goes back to the generic parser, which need not decode the file again.
  return { text };
}

/** CSV, JSONL or another file larger than one read: judged by the lines of its head. */
async function readTableHead(file: SizedFile, head: Buffer, maxFileSize: number): Promise<AdapterRead> {
  const sniff = { ...input(file, file.type, headLines(head)), truncated: true };
  const adapter = detectAdapter(sniff);
  if (!adapter) return file.type === 'other' && /\.js$/i.test(sniff.path) ? { outcome: notActionBenchmarkData() } : {};
  if (streams(adapter)) return { outcome: await runLines(adapter, sniff, file) };
  if (file.size > maxFileSize) return { outcome: tooLarge(file, maxFileSize, adapter.name) };
  return { outcome: run(adapter, input(file, file.type, await readFileText(file))) };
}

function notActionBenchmarkData(): ParseOutcome {
  return skipped('not github-action-benchmark data (no "window.BENCHMARK_DATA =" at the start); other JavaScript is never read or run');
}

/**
 * The page's sections: each heading (outside code fences, where `# nThread 1`
 * is output) starts one, named by its path of headings (`Before › Output`),
 * so two `### Output` under different `##` stay apart. `offset` is the line
 * the section starts at. A part with no text (before a page's first heading,
 * when it starts with one) is no section: no tool reads results from it.
 */
function sections(text: string): { heading: string; text: string; offset: number }[] {
  const lines = text.split('\n');
  const starts: { heading: string; start: number }[] = [{ heading: '', start: 0 }];
  const path: { level: number; title: string }[] = [];
  let fence: string | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const marker = line.startsWith('```') || line.startsWith('~~~') ? line.slice(0, 3) : undefined;
    if (marker) {
      if (fence === undefined) fence = marker;
      else if (marker === fence) fence = undefined;
      return;
    }
    if (fence !== undefined || !line.startsWith('#')) return;
    const level = line.length - line.replace(/^#+/, '').length;
    const rest = line.slice(level);
    if (level > 6 || !/^[ \t]/.test(rest)) return;
    const title = rest.replace(/#+$/, '').replace(/[`*_]/g, '').trim().slice(0, 60);
    while (path.length > 0 && (path[path.length - 1] as { level: number }).level >= level) path.pop();
    path.push({ level, title });
    starts.push({ heading: path.map((h) => h.title).join(' › '), start: i });
  });
  return starts.map((s, k) => ({ heading: s.heading, text: lines.slice(s.start, starts[k + 1]?.start ?? lines.length).join('\n'), offset: s.start })).filter((s) => s.text !== '');
}

/** An outcome read from a slice of the file that starts at line `offset + 1`, with the file's line numbers. */
function shifted(outcome: ParsedData, offset: number): ParsedData {
  if (offset === 0) return outcome;
  const line = (n: number | undefined) => (n === undefined ? undefined : n + offset);
  return {
    ...outcome,
    series: outcome.series.map((s) => (s.line === undefined ? s : { ...s, line: line(s.line) })),
    problems: outcome.problems.map((p) => (p.line === undefined ? p : { ...p, line: line(p.line) })),
  };
}

const readSome = (outcome: ParseOutcome | undefined): outcome is ParsedData => outcome?.status === 'parsed' && outcome.series.length > 0;

/**
 * A Markdown page with no metric table may be pasted console output in code
 * blocks (`ollama run --verbose`, `go test -bench`, criterion, Google
 * Benchmark): the text readers' outcome for it, if one recognises it and
 * reads results. Output under two or more headings ("Before", "After"; one
 * model each) is read section by section, each series labelled with its
 * `section`, so two runs are never pooled into one. With `mixedOnly` (a page
 * a tool already recognises whole) the sections' outcome is returned only
 * when two or more tools read results in them.
 */
export function readPastedOutput(file: SizedFile, text: string, options: { mixedOnly?: boolean } = {}): ParseOutcome | undefined {
  const read: { heading: string; outcome: ParsedData }[] = [];
  const parts = sections(text);
  // One section is the page itself: nothing a whole reading would miss.
  if (options.mixedOnly && parts.length < 2) return undefined;
  for (const section of parts) {
    const part = input(file, 'text', section.text);
    const adapter = detectAdapter(part);
    const outcome = adapter ? run(adapter, part) : undefined;
    if (readSome(outcome)) read.push({ heading: section.heading, outcome: shifted(outcome, section.offset) });
  }
  const tools = [...new Set(read.map((r) => r.outcome.adapter))];
  if (options.mixedOnly) {
    if (tools.length < 2) return undefined;
  } else if (read.length === 0) {
    // A page of one section (under its only heading) was just read whole: the same text, read the same way, again reads nothing.
    if (parts.some((section) => section.text === text)) return undefined;
    // Output that only makes sense whole (a header in one section, its rows under the next): the page as one text.
    const whole = input(file, 'text', text);
    const adapter = detectAdapter(whole);
    const outcome = adapter ? run(adapter, whole) : undefined;
    return readSome(outcome) ? outcome : undefined;
  }
  if (read.length === 1) return read[0]?.outcome;
  const first = read[0]?.outcome as ParsedData;
  const merged: ParsedData = { ...first, adapter: tools.join('+'), series: [], rows: 0, excludedRows: 0, problems: [], problemCount: 0 };
  // The headings all the read sections share (the page's title) name none of them apart.
  const paths = read.map((r) => (r.heading === '' ? [] : r.heading.split(' › ')));
  let shared = 0;
  while (paths.every((p) => p.length > shared + 1 && p[shared] === paths[0]?.[shared])) shared++;
  const seen = new Map<string, number>();
  read.forEach(({ outcome }, k) => {
    const own = (paths[k] as string[]).slice(shared).join(' › ');
    const name = own === '' ? `section ${k + 1}` : own;
    // Two sections of one name (two `## Results`) stay two runs: the second is `Results (2)`.
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    const section = count === 1 ? name : `${name} (${count})`;
    for (const s of outcome.series) merged.series.push({ ...s, labels: { ...s.labels, section } });
    merged.rows += outcome.rows;
    merged.excludedRows += outcome.excludedRows;
    merged.problems.push(...outcome.problems);
    merged.problemCount += outcome.problemCount;
  });
  // As any file's list: the first 20 kept, all counted.
  merged.problems = merged.problems.slice(0, PROBLEMS_LISTED);
  return merged;
}

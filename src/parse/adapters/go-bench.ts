import type { Direction, RawSeries } from '../../model/series.js';
import { SampleAccumulator } from '../../metrics/accumulator.js';
import type { ParseOutcome } from '../types.js';
import type { AdapterInput, ToolAdapter } from './types.js';
import { AdapterResult, isObject } from './util.js';
import { ownValue } from '../../util/own.js';

/**
 * `BenchmarkName-8   1000   1234 ns/op   56 B/op   2 allocs/op   12.3 MB/s`:
 * name, optional GOMAXPROCS suffix, iterations, then value/unit pairs. The
 * name is matched lazily so only the last `-N` is taken for GOMAXPROCS
 * (`BenchmarkSort/size-10-8` is `BenchmarkSort/size-10` on 8 procs).
 */
const BENCH_LINE = /^(Benchmark\S*?)(?:-(\d+))?\s+(\d+)((?:\s+[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s+\S+)+)\s*$/i;
const HEADER = /^(pkg|goos|goarch|cpu):\s*(.*)$/;
/** A result line's name as Go prints it, padded and then a tab, with something else after it. */
const INTERRUPTED = /^(Benchmark\S*) *\t\s*\S/i;
/** The rest of a result line on a line of its own: iterations, then value/unit pairs. */
const RESULT_ONLY = /^\d+(?:\s+[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s+\S+)+$/i;

/** Go's own units and which way is better; `MB/s` (from b.SetBytes) is throughput. */
const KNOWN: Record<string, Direction> = {
  'ns/op': 'lower',
  'sec/op': 'lower',
  'B/op': 'lower',
  'allocs/op': 'lower',
  'MB/s': 'higher',
  'B/s': 'higher',
};

/** A b.ReportMetric unit: rates are higher-is-better, per-op costs lower; others are inferred from the name. */
function directionOf(unit: string): Direction | undefined {
  const known = ownValue(KNOWN, unit);
  if (known) return known;
  if (/\/s(ec)?$/i.test(unit)) return 'higher';
  if (/^(ns|us|µs|ms|s|sec|B|bytes|allocs)\/\w+$/i.test(unit)) return 'lower';
  return undefined;
}

function pairsOf(rest: string): [number, string][] {
  const tokens = rest.trim().split(/\s+/);
  const pairs: [number, string][] = [];
  for (let i = 0; i + 1 < tokens.length; i += 2) pairs.push([Number(tokens[i]), tokens[i + 1] as string]);
  return pairs;
}

/** True when the text holds at least one benchmark result line. */
function hasBenchLine(text: string): boolean {
  let started = false;
  for (const raw of text.split(/\r?\n/, 2000)) {
    const line = raw.trim();
    if (BENCH_LINE.test(line) || (started && RESULT_ONLY.test(line))) return true;
    // A name printed before the benchmark's own output, its numbers on a later line.
    if (INTERRUPTED.test(line)) started = true;
  }
  return false;
}

/**
 * `go test -bench` text output (also with `-benchmem` and `-count`). Each
 * unit on a result line is a metric named as Go prints it (`ns/op`, `B/op`,
 * `allocs/op`, `MB/s`, custom `b.ReportMetric` units) with labels
 * `benchmark`, `gomaxprocs` (the `-8` suffix; `1` for a bare name the file
 * also runs with a suffix, as `-cpu 1,2,4` prints it) and `pkg` when the header names
 * one. Repeated lines (`-count=N`) are the samples. `MB/s` is higher-is-better,
 * the per-op costs lower-is-better. `goos`/`goarch`/`cpu` headers describe the
 * machine and are not labels, so series match across runners.
 */
export const goBench: ToolAdapter = {
  name: 'go-bench',
  types: ['text', 'jsonl'],
  detect: (input: AdapterInput) => (isTestJson(input.text) ? hasBenchLine(testJsonOutput(input.text).lines.join('\n')) : input.type === 'text' && hasBenchLine(input.text)),
  parse(input: AdapterInput): ParseOutcome {
    if (isTestJson(input.text)) {
      const { lines, fileLines } = testJsonOutput(input.text);
      return parseLines(lines, (i) => fileLines[i]);
    }
    return parseLines(input.text.split(/\r?\n/), (i) => i + 1);
  },
};

/** `go test -json` (test2json): one event a line, `{"Action":"output","Package":…,"Output":"…"}`. */
function isTestJson(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').trimStart();
  if (!first.startsWith('{"') || !/"Action"\s*:/.test(first.slice(0, 400))) return false;
  const line = first.slice(0, first.indexOf('\n') < 0 ? undefined : first.indexOf('\n'));
  try {
    const event: unknown = JSON.parse(line);
    return isObject(event) && typeof event.Action === 'string' && ('Package' in event || 'Time' in event);
  } catch {
    return false;
  }
}

/**
 * The text `go test -bench` printed, put back together from the events'
 * `Output` pieces (a result line may come in two: its name when the
 * benchmark starts, its numbers when it ends), package by package, with the
 * file line each text line started on.
 */
function testJsonOutput(text: string): { lines: string[]; fileLines: number[] } {
  const byPackage = new Map<string, { lines: string[]; fileLines: number[]; open: boolean }>();
  const fileText = text.split(/\r?\n/);
  for (const [i, raw] of fileText.entries()) {
    if (!raw.trimStart().startsWith('{')) continue;
    let event: unknown;
    try {
      event = JSON.parse(raw);
    } catch {
      continue;
    }
    if (!isObject(event) || event.Action !== 'output' || typeof event.Output !== 'string') continue;
    const pkg = typeof event.Package === 'string' ? event.Package : '';
    let out = byPackage.get(pkg);
    if (!out) {
      // test2json leaves the `pkg:` header out when it names the package itself: it is put back.
      out = { lines: pkg ? [`pkg: ${pkg}`] : [], fileLines: pkg ? [i + 1] : [], open: false };
      byPackage.set(pkg, out);
    }
    const pieces = event.Output.split('\n');
    pieces.forEach((piece, k) => {
      const last = k === pieces.length - 1;
      if (last && piece === '') return;
      if (out.open && k === 0) out.lines[out.lines.length - 1] += piece;
      else {
        out.lines.push(piece);
        out.fileLines.push(i + 1);
      }
      out.open = last;
    });
    if (event.Output.endsWith('\n')) out.open = false;
  }
  const lines: string[] = [];
  const fileLines: number[] = [];
  for (const out of byPackage.values()) {
    lines.push(...out.lines);
    fileLines.push(...out.fileLines);
  }
  return { lines, fileLines };
}

/** One result line as printed: the benchmark, its GOMAXPROCS suffix (none on 1 proc), its package and value/unit pairs. */
interface ResultLine {
  index: number;
  name: string;
  procs: string | undefined;
  pkg: string | undefined;
  rest: string;
}

function parseLines(lines: readonly string[], fileLine: (index: number) => number | undefined): ParseOutcome {
  const result = new AdapterResult('go-bench');
  const results: ResultLine[] = [];
  let pkg: string | undefined;
  /** A result line's name, printed, then something else the benchmark wrote before its numbers. */
  let interrupted: { index: number; name: string } | undefined;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    const header = HEADER.exec(line);
    if (header) {
      if (header[1] === 'pkg') pkg = header[2]?.trim() || undefined;
      continue;
    }
    const failure = /^--- FAIL:\s+(Benchmark\S*)/.exec(line);
    if (failure) {
      result.problems.add(fileLine(i), `${failure[1] as string} failed (--- FAIL)`);
      continue;
    }
    if (!/^Benchmark/i.test(line)) {
      // The numbers of a result line whose name was printed before the benchmark wrote to stdout
      // (`BenchmarkB-8   \tsetup done`, then `  100000\t  10400 ns/op`): the line Go meant.
      const joined = interrupted && RESULT_ONLY.test(line) ? BENCH_LINE.exec(`${interrupted.name}\t${line}`) : null;
      if (joined && interrupted) results.push({ index: interrupted.index, name: joined[1] as string, procs: joined[2], pkg, rest: joined[4] as string });
      if (joined) interrupted = undefined;
      continue;
    }
    interrupted = undefined;
    const match = BENCH_LINE.exec(line);
    if (!match) {
      // A name alone is printed before a benchmark's own log output; only a failure there is news.
      if (/\bFAIL\b|panic/i.test(line)) result.problems.add(fileLine(i), `benchmark line without results: ${line.slice(0, 120)}`);
      else {
        const started = INTERRUPTED.exec(line);
        if (started) interrupted = { index: i, name: started[1] as string };
      }
      continue;
    }
    results.push({ index: i, name: match[1] as string, procs: match[2], pkg, rest: match[4] as string });
  }
  // Go prints no suffix when GOMAXPROCS is 1: with `-cpu 1,2,4` the bare name is the 1-proc run of the
  // suffixed ones, a level of the same comparison, not another benchmark.
  const suffixed = new Set(results.filter((r) => r.procs !== undefined).map((r) => `${r.pkg ?? ''}\u0000${r.name}`));
  const found = new Map<string, RawSeries>();
  for (const { index, name, procs, pkg: from, rest } of results) {
    result.rows += 1;
    const labels: Record<string, string> = { benchmark: name };
    if (procs !== undefined) labels.gomaxprocs = procs;
    else if (suffixed.has(`${from ?? ''}\u0000${name}`)) labels.gomaxprocs = '1';
    if (from !== undefined) labels.pkg = from;
    for (const [value, unit] of pairsOf(rest)) {
      if (!Number.isFinite(value)) continue;
      const key = JSON.stringify([unit, labels]);
      let s = found.get(key);
      if (!s) {
        s = { metric: unit, labels, unitHint: unit, samples: new SampleAccumulator() };
        const at = fileLine(index);
        if (at !== undefined) s.line = at;
        const direction = directionOf(unit);
        if (direction) s.directionHint = direction;
        found.set(key, s);
        result.add(s);
      }
      s.samples?.add(value);
    }
  }
  return result.outcome('no benchmark result lines');
}

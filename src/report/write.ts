import { createWriteStream } from 'node:fs';
import { OUTPUT_FILE_FLAGS } from '../util/output-dir.js';
import { once } from 'node:events';
import type { Report } from '../model/report.js';
import { asciiOnly, reportForJson, type ReportJsonOptions } from './json.js';
import { withRenderTime } from './markdown.js';
import type { Section } from './sections.js';
import { redactJsonValue, redactSecrets } from '../util/redact.js';

/**
 * Streamed writers for report.md, report.json and the CLI's output. A report
 * of many series is never one string: JSON is serialised iteratively in
 * chunks, Markdown section by section, and each chunk waits for the
 * destination to drain, so memory holds one chunk, not the document.
 */

/** Takes one chunk; a returned promise (a full stream's drain) is awaited before the next. */
export type Sink = (chunk: string) => unknown;

const CHUNK_CHARS = 64 * 1024;

/** Collects output into chunks of about CHUNK_CHARS and hands each to the sink. */
class ChunkWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(
    private readonly sink: Sink,
    private readonly ascii = false,
  ) {}

  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const joined = this.buffer.join('');
    const chunk = this.ascii ? asciiOnly(joined) : joined;
    this.buffer = [];
    this.size = 0;
    const pending = this.sink(chunk);
    if (pending && typeof (pending as Promise<unknown>).then === 'function') await pending;
  }
}

type Frame =
  | { kind: 'array'; items: readonly unknown[]; next: number; indent: string; depth: number }
  | { kind: 'object'; entries: [string, unknown][]; next: number; indent: string; depth: number };

/** The value JSON.stringify would write for `value` (toJSON, then the replacer, applied), or undefined when it leaves it out. */
function prepare(value: unknown, key: string, holder: unknown, replacer: Replacer | undefined): unknown {
  let out = value;
  if (out !== null && typeof out === 'object' && typeof (out as { toJSON?: unknown }).toJSON === 'function') {
    out = (out as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return replacer ? replacer.call(holder, key, out) : out;
}

/** A JSON.stringify replacer function. */
export type Replacer = (this: unknown, key: string, value: unknown) => unknown;

/** `replacer`, except for the call on `root` itself, which has been through it already. */
function nested(root: unknown, replacer: Replacer): Replacer {
  return function (this: unknown, key: string, value: unknown) {
    return key === '' && value === root ? value : replacer.call(this, key, value);
  };
}

function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

export interface JsonWriteOptions {
  /** No whitespace (as `JSON.stringify(value, replacer)`); the default indents by two spaces. */
  compact?: boolean;
  /**
   * Objects this deep (the root is 0) are serialised by JSON.stringify in one
   * call: far faster than walking them, and each is small (one series, one
   * file entry). Arrays are always walked item by item, so no list of many
   * items becomes one string. Only with `compact`.
   */
  nativeDepth?: number;
  /**
   * Arrays this deep are serialised by JSON.stringify in one call too (a row
   * of the series table, a finding's level); shallower ones are walked item
   * by item. Only with `compact`; default: never.
   */
  nativeArrayDepth?: number;
  /** Characters past ASCII as `\uXXXX` escapes (see asciiOnly). */
  ascii?: boolean;
}

/**
 * Writes `value` exactly as `JSON.stringify(value, replacer, 2)` would (or,
 * `compact`, as `JSON.stringify(value, replacer)`), with an explicit stack
 * instead of recursion, so neither depth nor size can exhaust the call stack
 * or the largest string V8 holds.
 */
export async function writeJson(value: unknown, sink: Sink, replacer?: Replacer, options: JsonWriteOptions = {}): Promise<void> {
  const compact = options.compact === true;
  const nativeDepth = compact ? (options.nativeDepth ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  const nativeArrayDepth = compact ? (options.nativeArrayDepth ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  const out = new ChunkWriter(sink, options.ascii === true);
  const stack: Frame[] = [];
  /** Writes a scalar, or opens a container (pushing its frame). */
  const open = async (raw: unknown, indent: string, depth: number) => {
    if (raw === null || typeof raw !== 'object') {
      await out.write(JSON.stringify(raw) ?? 'null');
      return;
    }
    if (Array.isArray(raw)) {
      if (depth >= nativeArrayDepth) await out.write(JSON.stringify(raw, replacer ? nested(raw, replacer) : undefined));
      else if (raw.length === 0) await out.write('[]');
      else {
        await out.write('[');
        stack.push({ kind: 'array', items: raw, next: 0, indent, depth });
      }
      return;
    }
    if (depth >= nativeDepth) {
      // `raw` has been through toJSON and the replacer; its members go through them inside JSON.stringify.
      await out.write(JSON.stringify(raw, replacer ? nested(raw, replacer) : undefined));
      return;
    }
    const entries = Object.entries(raw as Record<string, unknown>)
      .map(([k, v]) => [k, prepare(v, k, raw, replacer)] as [string, unknown])
      .filter(([, v]) => !isOmitted(v));
    if (entries.length === 0) await out.write('{}');
    else {
      await out.write('{');
      stack.push({ kind: 'object', entries, next: 0, indent, depth });
    }
  };

  const root = prepare(value, '', { '': value }, replacer);
  if (isOmitted(root)) return;
  await open(root, '', 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const inner = compact ? '' : `${frame.indent}  `;
    const length = frame.kind === 'array' ? frame.items.length : frame.entries.length;
    if (frame.next >= length) {
      stack.pop();
      const close = frame.kind === 'array' ? ']' : '}';
      await out.write(compact ? close : `\n${frame.indent}${close}`);
      continue;
    }
    const index = frame.next++;
    const separator = compact ? (index === 0 ? '' : ',') : index === 0 ? '\n' : ',\n';
    if (frame.kind === 'array') {
      const item = prepare(frame.items[index], String(index), frame.items, replacer);
      await out.write(`${separator}${inner}`);
      // In arrays, what objects would leave out is written as null.
      await open(isOmitted(item) ? null : item, inner, frame.depth + 1);
    } else {
      const [key, item] = frame.entries[index] as [string, unknown];
      await out.write(`${separator}${inner}${JSON.stringify(key)}${compact ? ':' : ': '}`);
      await open(item, inner, frame.depth + 1);
    }
  }
  await out.flush();
}

/**
 * report.json: the report as reportForJson shapes it (samples where they are
 * small, or all with `keepSamples`), compact and ASCII-escaped, exactly as
 * renderJson renders it.
 */
export async function writeReportJson(report: Report, sink: Sink, options: ReportJsonOptions = {}): Promise<void> {
  // Secrets redacted in every value and key: report.json is uploaded as an artifact.
  // A group of the series table is walked row by row: one file can hold thousands of series.
  await writeJson(reportForJson(report, options), sink, redactJsonValue, { compact: true, nativeDepth: 3, nativeArrayDepth: 4, ascii: true });
  const done = sink('\n');
  if (done && typeof (done as Promise<unknown>).then === 'function') await done;
}

/** report.md: every section in order, as renderMarkdown joins them, one section at a time. */
export async function writeReportMarkdown(sections: readonly Section[], renderMs: number, sink: Sink): Promise<void> {
  const out = new ChunkWriter(sink);
  for (let i = 0; i < sections.length; i++) {
    await out.write(`${i > 0 ? '\n\n' : ''}${redactSecrets(withRenderTime((sections[i] as Section).text, renderMs))}`);
  }
  await out.write('\n');
  await out.flush();
}

/** A file as a sink that waits for the disk when the stream's buffer is full; `close` ends and flushes it. */
function fileSink(file: string): { sink: Sink; close: () => Promise<void> } {
  // Numeric flags (O_NOFOLLOW has no letter): fs.open takes them as they are; the typings only name strings.
  const stream = createWriteStream(file, { flags: OUTPUT_FILE_FLAGS as unknown as string });
  let failure: Error | undefined;
  stream.on('error', (err) => {
    failure = err;
  });
  const sink: Sink = (chunk) => {
    if (failure) throw failure;
    return stream.write(chunk) ? undefined : once(stream, 'drain');
  };
  const close = async () => {
    if (failure) {
      stream.destroy();
      throw failure;
    }
    stream.end();
    await once(stream, 'finish');
  };
  return { sink, close };
}

/** Streams `write` into `file`, closing it whatever happens. */
export async function writeToFile(file: string, write: (sink: Sink) => Promise<void>): Promise<void> {
  const { sink, close } = fileSink(file);
  try {
    await write(sink);
  } finally {
    await close();
  }
}

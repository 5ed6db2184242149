import { LIMITS, limitMessages } from './limits.js';

/**
 * A look over JSON text before JSON.parse builds it: the parsed value of a
 * million distinct keys costs hundreds of megabytes, a document nested
 * 200,000 deep parses fine but breaks every recursive walker after it, and
 * JSON.parse keeps the last of two equal keys without a word. This scan counts
 * distinct keys and nesting and finds duplicate keys, with their lines, in one
 * pass that allocates nothing per key of an ordinary document. It does not
 * validate: JSON.parse (and locateJsonError) still judge the syntax.
 */
export type JsonPathStep = string | number;

export interface DuplicateKey {
  key: string;
  /** Line of the repeated key, and of its first occurrence in the same object. */
  line: number;
  firstLine: number;
  /** Path of the key's object in the document, then the key: what to delete from the parsed value. */
  path: JsonPathStep[];
}

export interface JsonScan {
  /** The document passes a cap: not parsed at all. */
  refusal?: { reason: string; line: number };
  duplicates: DuplicateKey[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
/** What each ASCII character is to the scan; most characters of a document (spaces, digits, letters) are nothing. */
const OTHER = 0;
const LINE_BREAK = 1;
const STRING = 2;
const OPEN = 3;
const CLOSE = 4;
const COMMA = 5;
const CHAR_KIND = new Uint8Array(128);
CHAR_KIND[NEWLINE] = LINE_BREAK;
CHAR_KIND[QUOTE] = STRING;
CHAR_KIND[0x7b /* { */] = OPEN;
CHAR_KIND[0x5b /* [ */] = OPEN;
CHAR_KIND[0x7d /* } */] = CLOSE;
CHAR_KIND[0x5d /* ] */] = CLOSE;
CHAR_KIND[0x2c /* , */] = COMMA;
/** Objects up to this many keys find a repeat by a scan of their keys, which beats a Map for records of a few fields. */
const SMALL_OBJECT = 16;
/** Every key takes three characters at least (`{""` or `,""`): a text shorter than this cannot pass LIMITS.jsonKeys. */
const KEY_CHARS = 3;

/** Index of the quote closing the string token that starts at `start` (a quote); the text's length when none does. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length;
    // An odd run of backslashes before the quote escapes it.
    let slashes = 0;
    for (let k = q - 1; k > start && text.charCodeAt(k) === BACKSLASH; k--) slashes += 1;
    if (slashes % 2 === 0) return q;
    i = q + 1;
  }
}

function keyText(raw: string, escaped: boolean): string {
  if (!escaped) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === BACKSLASH) return true;
  return false;
}

/**
 * Keys of the open objects as ranges of the text (quotes excluded), so a
 * record's keys are compared where they stand instead of copied out: one
 * entry per key in parallel stacks. A key holding an escape is compared by
 * what it decodes to (`"\u0061"` is `"a"`), as JSON.parse reads it.
 */
class KeyStack {
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly escaped: boolean[] = [];
  readonly line: number[] = [];
  length = 0;

  constructor(private readonly text: string) {}

  push(start: number, end: number, escaped: boolean, line: number): void {
    const at = this.length++;
    this.start[at] = start;
    this.end[at] = end;
    this.escaped[at] = escaped;
    this.line[at] = line;
  }

  decoded(at: number): string {
    const raw = this.text.slice(this.start[at] as number, this.end[at] as number);
    return keyText(raw, this.escaped[at] as boolean);
  }

  /** Index of the key equal to `start..end` among the entries from `from`, or -1. */
  find(from: number, start: number, end: number, escaped: boolean): number {
    const text = this.text;
    const length = end - start;
    for (let k = from; k < this.length; k++) {
      const s = this.start[k] as number;
      if (escaped || (this.escaped[k] as boolean)) {
        if (this.decoded(k) === keyText(text.slice(start, end), escaped)) return k;
        continue;
      }
      if ((this.end[k] as number) - s !== length) continue;
      let same = true;
      for (let c = 0; c < length; c++) {
        if (text.charCodeAt(s + c) !== text.charCodeAt(start + c)) {
          same = false;
          break;
        }
      }
      if (same) return k;
    }
    return -1;
  }
}

/**
 * The open objects and arrays, one entry each in parallel stacks (no object
 * per bracket). `step` is an array's current index, or the text range of an
 * object's current key (start -1 before its first), from which the path of
 * a duplicate is built; only a duplicate needs it as a value.
 */
class FrameStack {
  readonly object: boolean[] = [];
  /** Objects: the next string is a key. */
  readonly expectKey: boolean[] = [];
  readonly step: number[] = [];
  readonly stepEnd: number[] = [];
  readonly stepEscaped: boolean[] = [];
  /** Objects: where this object's keys start in the key stack. */
  readonly keysFrom: number[] = [];
  /** Objects past SMALL_OBJECT keys: their keys and lines, looked up by hash instead of by scan. */
  readonly keyMap: (Map<string, number> | undefined)[] = [];
  depth = 0;

  push(object: boolean, keysFrom: number): void {
    const at = this.depth++;
    this.object[at] = object;
    this.expectKey[at] = object;
    this.step[at] = object ? -1 : 0;
    this.stepEnd[at] = -1;
    this.stepEscaped[at] = false;
    this.keysFrom[at] = keysFrom;
    this.keyMap[at] = undefined;
  }

  /** The path of the open frames, as JsonPathStep values: object keys decoded, array indices as numbers. */
  path(text: string): JsonPathStep[] {
    const path: JsonPathStep[] = [];
    for (let f = 0; f < this.depth; f++) {
      const step = this.step[f] as number;
      if (!this.object[f]) path.push(step);
      else path.push(step < 0 ? '' : keyText(text.slice(step, this.stepEnd[f] as number), this.stepEscaped[f] as boolean));
    }
    return path;
  }
}

export interface ScanOptions {
  /** Count distinct key names against LIMITS.jsonKeys (whole documents); a JSONL line is bounded by its length instead. */
  distinctKeys?: boolean;
}

/**
 * Scans `text` (one JSON document, or one JSONL line) for the caps in LIMITS
 * and for duplicate keys. Stops at the first cap passed. This runs over
 * every character of every JSON file, so it allocates nothing per bracket or
 * per key of an ordinary document: open frames and keys live in parallel
 * stacks, keys are compared in place, and distinct names are counted only
 * in a text long enough to pass the cap.
 */
export function scanJson(text: string, options: ScanOptions = {}): JsonScan {
  const length = text.length;
  const names = options.distinctKeys !== false && length >= KEY_CHARS * (LIMITS.jsonKeys + 1) ? new Set<string>() : undefined;
  const frames = new FrameStack();
  const keys = new KeyStack(text);
  const duplicates: DuplicateKey[] = [];
  let line = 1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    const kind = c < 128 ? (CHAR_KIND[c] as number) : OTHER;
    if (kind === OTHER) continue;
    if (kind === LINE_BREAK) {
      line += 1;
    } else if (kind === STRING) {
      const end = stringEnd(text, i);
      const top = frames.depth - 1;
      if (top >= 0 && frames.object[top] && frames.expectKey[top]) {
        const start = i + 1;
        const escaped = hasBackslash(text, start, end);
        frames.expectKey[top] = false;
        frames.step[top] = start;
        frames.stepEnd[top] = end;
        frames.stepEscaped[top] = escaped;
        let first: number | undefined;
        const keyMap = frames.keyMap[top];
        if (keyMap) {
          const key = keyText(text.slice(start, end), escaped);
          first = keyMap.get(key);
          if (first === undefined) keyMap.set(key, line);
        } else {
          const from = frames.keysFrom[top] as number;
          const at = keys.find(from, start, end, escaped);
          if (at >= 0) first = keys.line[at];
          else {
            keys.push(start, end, escaped, line);
            if (keys.length - from > SMALL_OBJECT) {
              const map = new Map<string, number>();
              for (let k = from; k < keys.length; k++) map.set(keys.decoded(k), keys.line[k] as number);
              frames.keyMap[top] = map;
              keys.length = from;
            }
          }
        }
        if (first !== undefined) duplicates.push({ key: keyText(text.slice(start, end), escaped), line, firstLine: first, path: frames.path(text) });
        if (names) {
          const key = keyText(text.slice(start, end), escaped);
          if (!names.has(key)) {
            names.add(key);
            if (names.size > LIMITS.jsonKeys) return { refusal: { reason: limitMessages.jsonKeys(), line }, duplicates };
          }
        }
      }
      i = end;
    } else if (kind === OPEN) {
      if (frames.depth >= LIMITS.jsonDepth) return { refusal: { reason: limitMessages.jsonDepth(), line }, duplicates };
      frames.push(c === 0x7b /* { */, keys.length);
    } else if (kind === CLOSE) {
      if (frames.depth > 0) {
        const closed = --frames.depth;
        if (frames.object[closed] && !frames.keyMap[closed]) keys.length = frames.keysFrom[closed] as number;
        frames.keyMap[closed] = undefined;
      }
    } else {
      // A comma: the next key of an object, or the next item of an array.
      const top = frames.depth - 1;
      if (top >= 0) {
        if (frames.object[top]) frames.expectKey[top] = true;
        else frames.step[top] = (frames.step[top] as number) + 1;
      }
    }
  }
  return { duplicates };
}

/** Removes every duplicated key from a parsed document, so neither of its values reaches a statistic. */
export function dropDuplicateKeys(value: unknown, duplicates: readonly DuplicateKey[]): void {
  for (const dup of duplicates) {
    // The path holds the steps of every open frame; its last step is the key itself.
    let node: unknown = value;
    for (const step of dup.path.slice(0, -1)) {
      if (node === null || typeof node !== 'object') break;
      node = (node as Record<string | number, unknown>)[step];
    }
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) delete (node as Record<string, unknown>)[dup.key];
  }
}

/** The problem a duplicate key is reported as. */
export function duplicateKeyReason(dup: DuplicateKey, singleLine = false): string {
  const where = singleLine || dup.firstLine === dup.line ? '' : ` (first at line ${dup.firstLine})`;
  return `key "${dup.key.length > 80 ? `${dup.key.slice(0, 80)}…` : dup.key}" appears twice in one object${where}; JSON keeps only one, so its values are left out`;
}

/**
 * The line of the first key at each path (object keys from the top, array
 * levels skipped, as the JSON walker names metrics): how a problem found in
 * the parsed value gets the line a user can open. Runs only when there are
 * such problems.
 */
export function keyPathLines(text: string, paths: readonly (readonly string[])[]): Map<string, number> {
  const wanted = new Set(paths.map((p) => p.join('\u0000')));
  const found = new Map<string, number>();
  const stack: { object: boolean; expectKey: boolean; key: string }[] = [];
  let line = 1;
  for (let i = 0; i < text.length && found.size < wanted.size; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) line += 1;
    else if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        const raw = text.slice(i + 1, end);
        top.key = keyText(raw, raw.includes('\\'));
        top.expectKey = false;
        const at = stack.filter((f) => f.object).map((f) => f.key).join('\u0000');
        if (wanted.has(at) && !found.has(at)) found.set(at, line);
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) stack.push({ object: c === 0x7b, expectKey: c === 0x7b, key: '' });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
    }
  }
  return found;
}

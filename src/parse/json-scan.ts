import { LIMITS, limitMessages } from './limits.js';

/**
 * A look over JSON text before JSON.parse builds it: the parsed value of a
 * million distinct keys costs hundreds of megabytes, a document nested
 * 200,000 deep parses fine but breaks every recursive walker after it, and
 * JSON.parse keeps the last of two equal keys without a word. This scan counts
 * distinct keys and nesting and finds duplicate keys, with their lines, in one
 * pass that allocates only the key names. It does not validate: JSON.parse
 * (and locateJsonError) still judge the syntax.
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

interface Frame {
  object: boolean;
  /** Objects: the next string is a key. */
  expectKey: boolean;
  /** Objects: the current key; arrays: the current index. */
  step: JsonPathStep;
  /** Objects: where this object's keys start in the shared key stack. */
  keysFrom: number;
  /** Objects past 16 keys: their keys and lines, looked up by hash instead of by scan. */
  keyMap: Map<string, number> | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
/** Objects up to this many keys find a repeat by a scan of their keys, which beats a Map for records of a few fields. */
const SMALL_OBJECT = 16;
/** Every key takes three characters at least (`{""` or `,""`): a shorter text cannot hold more distinct keys than this. */
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

export interface ScanOptions {
  /** Count distinct key names against LIMITS.jsonKeys (whole documents); a JSONL line is bounded by its length instead. */
  distinctKeys?: boolean;
}

/** Whether scanJson counts `text`'s distinct key names: a whole document long enough to pass LIMITS.jsonKeys. */
export function countsDistinctKeys(text: string, options: ScanOptions = {}): boolean {
  return options.distinctKeys !== false && text.length >= KEY_CHARS * (LIMITS.jsonKeys + 1);
}

/**
 * Scans `text` (one JSON document, or one JSONL line) for the caps in LIMITS
 * and for duplicate keys. Stops at the first cap passed. The keys of open
 * objects share one stack (its first `keyCount` entries: reused, never cut,
 * as setting an array's length is a call into the runtime), so a record of a
 * few fields allocates nothing but its key names. Distinct names are counted
 * only in a text long enough to pass the cap: a Set of every key of every
 * document cost more than the rest of the scan.
 */
export function scanJson(text: string, options: ScanOptions = {}): JsonScan {
  const stack: Frame[] = [];
  const keys: string[] = [];
  const keyLines: number[] = [];
  let keyCount = 0;
  const names = countsDistinctKeys(text, options) ? new Set<string>() : undefined;
  const duplicates: DuplicateKey[] = [];
  let line = 1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line += 1;
      // The indentation of a pretty-printed document, passed over in a tighter loop than this one.
      while (i + 1 < length && (text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB)) i++;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = keyText(raw, raw.includes('\\'));
        top.expectKey = false;
        top.step = key;
        let first: number | undefined;
        if (top.keyMap) {
          first = top.keyMap.get(key);
          if (first === undefined) top.keyMap.set(key, line);
        } else {
          for (let k = top.keysFrom; k < keyCount; k++) {
            if (keys[k] === key) {
              first = keyLines[k];
              break;
            }
          }
          if (first === undefined) {
            keys[keyCount] = key;
            keyLines[keyCount] = line;
            keyCount += 1;
            if (keyCount - top.keysFrom > SMALL_OBJECT) {
              top.keyMap = new Map();
              for (let k = top.keysFrom; k < keyCount; k++) top.keyMap.set(keys[k] as string, keyLines[k] as number);
              keyCount = top.keysFrom;
            }
          }
        }
        if (first !== undefined) duplicates.push({ key, line, firstLine: first, path: stack.map((f) => f.step) });
        if (names && !names.has(key)) {
          names.add(key);
          if (names.size > LIMITS.jsonKeys) return { refusal: { reason: limitMessages.jsonKeys(), line }, duplicates };
        }
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= LIMITS.jsonDepth) return { refusal: { reason: limitMessages.jsonDepth(), line }, duplicates };
      const object = c === 0x7b;
      stack.push({ object, expectKey: object, step: object ? '' : 0, keysFrom: keyCount, keyMap: undefined });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      const closed = stack.pop();
      if (closed?.object && !closed.keyMap) keyCount = closed.keysFrom;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
      else if (top) top.step = (top.step as number) + 1;
    }
  }
  return { duplicates };
}

/** Whether each open nesting level is an object (1) or an array (0): countKeyTokens' stack, reused by every call (it runs to completion). */
const objectAtDepth = new Uint8Array(LIMITS.jsonDepth);

/**
 * The quick form of scanJson for a text too short to pass the distinct-key cap: the number of keys it
 * writes (a repeated key counted each time), or the refusal at the depth cap, which it finds where
 * scanJson does. No key is read: compared with the keys the parsed value holds (ownKeyCount), the
 * count tells whether any object repeats a key, which nearly none does; only then does scanJson read
 * names, lines and paths. One pass that allocates nothing: it runs over every JSON document.
 */
export function countKeyTokens(text: string): number | { refusal: { reason: string; line: number } } {
  let depth = 0;
  // Inside an object, before its next key: the next string is a key.
  let expectKey = false;
  let keys = 0;
  let line = 1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line += 1;
      while (i + 1 < length && (text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB)) i++;
    } else if (c === QUOTE) {
      if (expectKey) {
        keys += 1;
        expectKey = false;
      }
      i = stringEnd(text, i);
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth >= LIMITS.jsonDepth) return { refusal: { reason: limitMessages.jsonDepth(), line } };
      objectAtDepth[depth] = c === 0x7b ? 1 : 0;
      depth += 1;
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      // A closed value leaves its parent after a value, as a key's value does.
      if (depth > 0) depth -= 1;
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = depth > 0 && objectAtDepth[depth - 1] === 1;
    }
  }
  return keys;
}

/** The own keys of every object in a parsed JSON value (JSON.parse keeps one of each repeated key). */
export function ownKeyCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) count += ownKeyCount(item);
    }
    return count;
  }
  // A parsed object has only own, enumerable keys (`__proto__` included, as an own key).
  for (const key in value) {
    count += 1;
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) count += ownKeyCount(item);
  }
  return count;
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

import { describe, expect, it } from 'vitest';
import { countKeyTokens, dropDuplicateKeys, duplicateKeyReason, ownKeyCount, scanJson } from '../../src/parse/json-scan.js';
import { readJsonDocument } from '../../src/parse/json.js';
import { LIMITS } from '../../src/parse/limits.js';

/** `{"k0":0,"k1":1,…}` with `n` distinct keys, one per line. */
function flatObject(n: number): string {
  const members: string[] = [];
  for (let i = 0; i < n; i++) members.push(`"k${i}":${i}`);
  return `{\n${members.join(',\n')}\n}`;
}

describe('scanJson: caps checked before JSON.parse', () => {
  it('accepts 100,000 distinct keys', () => {
    expect(scanJson(flatObject(LIMITS.jsonKeys)).refusal).toBeUndefined();
  });

  it('refuses the 100,001st distinct key, at its line', () => {
    expect(scanJson(flatObject(LIMITS.jsonKeys + 1)).refusal).toEqual({
      reason: 'too many keys: over 100,000 distinct keys in one JSON document',
      line: 100_002,
    });
  });

  it('counts a key repeated across records once', () => {
    const records = Array.from({ length: 50_000 }, (_, i) => `{"model":"m${i % 3}","tokens_s":${i},"ttft_ms":${i}}`);
    expect(scanJson(`[${records.join(',')}]`).refusal).toBeUndefined();
  });

  it('accepts 64 levels of nesting and refuses the 65th, at its line', () => {
    expect(scanJson(`${'[\n'.repeat(64)}1${']'.repeat(64)}`).refusal).toBeUndefined();
    expect(scanJson(`${'[\n'.repeat(200_000)}1${']'.repeat(200_000)}`).refusal).toEqual({
      reason: 'nested too deeply: over 64 levels of objects and arrays',
      line: 65,
    });
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(scanJson(`{"text": "${'['.repeat(1000)}", "esc": "\\"{{{{"}`).refusal).toBeUndefined();
  });
});

describe('scanJson: duplicate keys', () => {
  const text = '{\n  "model": "gemma3",\n  "tokens_s": 101.5,\n  "runs": [{"ttft_ms": 1}, {"ttft_ms": 2,\n "ttft_ms": 9}],\n  "tokens_s": 12\n}';

  it('finds each repeated key with its line, the first line and the path to delete', () => {
    expect(scanJson(text).duplicates).toEqual([
      { key: 'ttft_ms', line: 5, firstLine: 4, path: ['runs', 1, 'ttft_ms'] },
      { key: 'tokens_s', line: 6, firstLine: 3, path: ['tokens_s'] },
    ]);
  });

  it('treats an escaped spelling as the same key, as JSON.parse does', () => {
    expect(scanJson('{"a": 1, "\\u0061": 2}').duplicates.map((d) => d.key)).toEqual(['a']);
  });

  it('does not confuse equal keys in different objects', () => {
    expect(scanJson('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]').duplicates).toEqual([]);
  });

  it('removes the value JSON.parse kept, so neither value is left', () => {
    const value = JSON.parse(text) as Record<string, unknown>;
    dropDuplicateKeys(value, scanJson(text).duplicates);
    expect(value).toEqual({ model: 'gemma3', runs: [{ ttft_ms: 1 }, {}] });
  });

  it('says what happened to the values', () => {
    const [dup] = scanJson(text).duplicates;
    expect(duplicateKeyReason(dup as never)).toBe('key "ttft_ms" appears twice in one object (first at line 4); JSON keeps only one, so its values are left out');
  });
});

describe('countKeyTokens and ownKeyCount: a repeat found without reading key names', () => {
  it('counts every key written, repeats included, and only keys', () => {
    expect(countKeyTokens('{"a": "b", "c": ["d", {"e": "f", "e": "g"}], "h": {}}')).toBe(5);
    expect(countKeyTokens('["a", "b", {"c": "d,e"}, "f"]')).toBe(1);
    expect(countKeyTokens(String.raw`{"a\\": "\\", "b\"": "{\"x\": 1}"}`)).toBe(2);
    expect(countKeyTokens('"text"')).toBe(0);
  });

  it('counts the keys JSON.parse kept: one fewer per repeat', () => {
    const text = '{"a": 1, "b": [{"c": 2, "c": 3}, [{"d": 4}]], "__proto__": {"e": 5}, "a": 6}';
    expect(countKeyTokens(text)).toBe(8);
    expect(ownKeyCount(JSON.parse(text))).toBe(6);
    expect(ownKeyCount([1, 'a', null, [{}]])).toBe(0);
  });

  it('refuses nesting past the cap where scanJson does, at the same line', () => {
    const deep = `${'[\n'.repeat(200_000)}1${']'.repeat(200_000)}`;
    expect(countKeyTokens(deep)).toEqual(scanJson(deep).refusal && { refusal: scanJson(deep).refusal });
    expect(countKeyTokens(`${'{"k":\n'.repeat(64)}1${'}'.repeat(64)}`)).toBe(64);
  });

  it('gives readJsonDocument the duplicates scanJson finds, and none where there are none', () => {
    const text = '{\n  "model": "gemma3",\n  "tokens_s": 101.5,\n  "runs": [{"ttft_ms": 1}, {"ttft_ms": 2,\n "ttft_ms": 9}],\n  "tokens_s": 12\n}';
    expect(readJsonDocument(text)).toEqual({ value: { model: 'gemma3', runs: [{ ttft_ms: 1 }, {}] }, duplicates: scanJson(text).duplicates });
    expect(readJsonDocument('{"a": 1, "\\u0061": 2}')).toEqual({ value: {}, duplicates: scanJson('{"a": 1, "\\u0061": 2}').duplicates });
    expect(readJsonDocument('[{"a": 1}, {"a": 2}, {"b": {"a": 3}}]')).toEqual({ value: [{ a: 1 }, { a: 2 }, { b: { a: 3 } }], duplicates: [] });
    expect(readJsonDocument('{"a": 1,')).toBeUndefined();
  });
});

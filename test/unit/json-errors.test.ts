import { describe, expect, it } from 'vitest';
import { locateJsonError, type JsonErrorLocation } from '../../src/parse/json-errors.js';

/** locateJsonError only runs after JSON.parse failed: every input here must really be invalid. */
function locate(text: string): JsonErrorLocation {
  expect(() => JSON.parse(text), `JSON.parse accepted ${JSON.stringify(text)}`).toThrow();
  return locateJsonError(text);
}

const NAN_ADVICE = 'is not valid JSON (write null, or a string, for a missing or infinite value)';

describe('locateJsonError: values JSON does not have', () => {
  it('points at a NaN token with its line and column', () => {
    expect(locate('{\n  "ttft_ms": NaN\n}')).toEqual({ line: 2, column: 14, reason: `NaN ${NAN_ADVICE}` });
  });

  it('points at an Infinity token', () => {
    expect(locate('[1.5, Infinity]')).toEqual({ line: 1, column: 7, reason: `Infinity ${NAN_ADVICE}` });
  });

  it('points at the minus sign of -Infinity and names the whole token', () => {
    expect(locate('{"delta": -Infinity}')).toEqual({ line: 1, column: 11, reason: `-Infinity ${NAN_ADVICE}` });
  });

  it('recognises the spellings Python and C write (nan, inf)', () => {
    expect(locate('[nan]')).toEqual({ line: 1, column: 2, reason: `nan ${NAN_ADVICE}` });
    expect(locate('[-inf]')).toEqual({ line: 1, column: 2, reason: `-inf ${NAN_ADVICE}` });
  });

  it('explains a bare word such as Python None', () => {
    expect(locate('{"error": None}')).toEqual({
      line: 1,
      column: 11,
      reason: "'None' is not a JSON value (text needs double quotes; the literals are true, false and null)",
    });
  });

  it('does not mistake a word that starts like inf for Infinity', () => {
    expect(locate('[info]').reason).toBe("'info' is not a JSON value (text needs double quotes; the literals are true, false and null)");
  });

  it('reports a number JSON does not allow (leading zero, trailing dot, plus sign, bare dot)', () => {
    expect(locate('[012]')).toEqual({ line: 1, column: 2, reason: "'012' is not a valid JSON number" });
    expect(locate('[1.]')).toEqual({ line: 1, column: 2, reason: "'1.' is not a valid JSON number" });
    expect(locate('[+1]')).toEqual({ line: 1, column: 2, reason: "'+1' is not a valid JSON number" });
    expect(locate('[.5]')).toEqual({ line: 1, column: 2, reason: "'.5' is not a valid JSON number" });
  });
});

describe('locateJsonError: structure', () => {
  it('reports content after the value as trailing garbage, where it starts', () => {
    expect(locate('{"ttft_ms": 120}\n}\n')).toEqual({
      line: 2,
      column: 1,
      reason: 'unexpected content after the end of the JSON value (trailing garbage, or several documents in one file)',
    });
  });

  it('reports a second document in the same file as trailing content', () => {
    expect(locate('{"a": 1}\n{"a": 2}').line).toBe(2);
  });

  it('reports a truncated document at its end and names the bracket left open', () => {
    expect(locate('{\n  "runs": [\n    {"ttft_ms": 13')).toEqual({
      line: 3,
      column: 19,
      reason: "the document ends before the '{' opened at line 3, column 5 is closed (truncated file?)",
    });
  });

  it('names only columns when the text is a single line (a JSONL record)', () => {
    expect(locate('{"model": "a", "ttft_ms": 12')).toEqual({
      line: 1,
      column: 29,
      reason: "the line ends before the '{' opened at column 1 is closed (truncated line?)",
    });
  });

  it('points at the value that follows a missing comma between properties', () => {
    expect(locate('{\n  "ttft_ms": 120\n  "tpot_ms": 11\n}')).toEqual({
      line: 3,
      column: 3,
      reason: "missing ',' before this property (or a missing '}')",
    });
  });

  it('points at the value that follows a missing comma between array items', () => {
    expect(locate('[120 130]')).toEqual({ line: 1, column: 6, reason: "missing ',' before this value (or a missing ']')" });
  });

  it('points at the comma itself for a trailing comma in an array or an object', () => {
    expect(locate('[1, 2,\n]')).toEqual({ line: 1, column: 6, reason: "trailing comma before ']'" });
    expect(locate('{"a": 1,}')).toEqual({ line: 1, column: 8, reason: "trailing comma before '}'" });
  });

  it('reports a missing colon after a property name', () => {
    expect(locate('{"ttft_ms" 120}')).toEqual({ line: 1, column: 12, reason: "missing ':' after the property name" });
  });

  it('reports a property without a value', () => {
    expect(locate('{"ttft_ms": }')).toEqual({ line: 1, column: 13, reason: "missing value after ':'" });
  });

  it('reports unquoted and single-quoted property names', () => {
    expect(locate('{ttft_ms: 1}')).toEqual({ line: 1, column: 2, reason: 'property names must be in double quotes' });
    expect(locate("{'ttft_ms': 1}")).toEqual({ line: 1, column: 2, reason: 'property names must be in double quotes' });
  });

  it('reports single-quoted strings', () => {
    expect(locate("{\"model\": 'llama'}")).toEqual({ line: 1, column: 11, reason: 'strings must be in double quotes' });
  });

  it('reports a closing bracket that does not match the one opened', () => {
    expect(locate('{"runs": [1, 2}')).toEqual({
      line: 1,
      column: 15,
      reason: "'}' does not close the '[' opened at column 10 (expected ']')",
    });
  });

  it('reports comments, which JSON does not allow', () => {
    expect(locate('{\n  // warm-up excluded\n  "ttft_ms": 1\n}')).toEqual({ line: 2, column: 3, reason: 'comments are not allowed in JSON' });
  });

  it('reports an empty document', () => {
    expect(locate('  \n ')).toEqual({ line: 2, column: 2, reason: 'no JSON value (the file is empty or only whitespace)' });
  });

  it('treats a non-breaking space as a character JSON does not allow', () => {
    expect(locate('{"a":\u00a01}')).toEqual({ line: 1, column: 6, reason: 'unexpected character U+00A0' });
  });
});

describe('locateJsonError: strings', () => {
  it('points at the opening quote of a string that runs past the end of its line', () => {
    expect(locate('{\n  "model": "llama3.1:8b,\n  "ttft_ms": 120\n}')).toEqual({
      line: 2,
      column: 12,
      reason: 'unterminated string: the string that starts here is not closed before the end of the line',
    });
  });

  it('points at the opening quote of a string that runs to the end of the file', () => {
    expect(locate('{"model": "llama')).toEqual({
      line: 1,
      column: 11,
      reason: 'unterminated string: the file ends inside the string that starts here',
    });
  });

  it('reports a raw control character inside a string', () => {
    expect(locate('["a\tb"]')).toEqual({ line: 1, column: 4, reason: 'character U+0009 inside a string must be escaped' });
  });

  it('reports an escape JSON does not define', () => {
    expect(locate('["C:\\data"]')).toEqual({ line: 1, column: 5, reason: "invalid escape '\\' followed by 'd' in a string" });
  });

  it('reports a \\u escape without four hex digits', () => {
    expect(locate('["\\u12"]')).toEqual({ line: 1, column: 3, reason: 'invalid \\u escape in a string (it needs four hex digits)' });
  });

  it('skips escaped quotes and brackets inside strings', () => {
    expect(locate('{"cmd": "echo \\"}]\\"", "x": NaN}')).toEqual({ line: 1, column: 29, reason: `NaN ${NAN_ADVICE}` });
  });
});

describe('locateJsonError: positions', () => {
  it('counts CRLF line endings as one line break', () => {
    expect(locate('{\r\n  "a": 1,\r\n  "b": NaN\r\n}')).toMatchObject({ line: 3, column: 8 });
  });

  it('counts a character outside the BMP as one column', () => {
    expect(locate('{"label": "🚀 fast", "x": NaN}')).toMatchObject({ line: 1, column: 26 });
  });

  it('counts accented letters as one column each', () => {
    expect(locate('{"modèle": "é", "x": NaN}')).toMatchObject({ line: 1, column: 22 });
  });
});

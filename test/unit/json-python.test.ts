import { describe, expect, it } from 'vitest';
import { parseJsonAllowingPython, quoteNonFinite, withoutPythonFloats } from '../../src/parse/json-python.js';
import { parseJsonText } from '../../src/parse/json.js';

describe("Python's Infinity for an unbounded setting", () => {
  it('reads SGLang\'s `"request_rate": Infinity` as the level "inf", as vLLM writes it', () => {
    expect(parseJsonAllowingPython('{"backend": "sglang", "request_rate": Infinity, "output_throughput": 4520.7}')).toEqual({ backend: 'sglang', request_rate: 'inf', output_throughput: 4520.7 });
  });

  it('reads -Infinity of a setting as "-inf", and leaves the word alone inside a string', () => {
    expect(parseJsonAllowingPython('{"note": "rate Infinity", "max_concurrency": -Infinity}')).toEqual({ note: 'rate Infinity', max_concurrency: '-inf' });
  });

  it('leaves an infinite measurement to fail the file: it is no measurement', () => {
    expect(withoutPythonFloats('{"speedup": Infinity}')).toBeUndefined();
    expect(withoutPythonFloats('{"max_latency_ms": Infinity, "success_rate": Infinity}')).toBeUndefined();
    expect(parseJsonText('{\n  "speedup": Infinity\n}\n')).toMatchObject({ status: 'failed', line: 2 });
  });

  it('leaves a file JSON.parse reads to JSON.parse (the word in a string is never touched)', () => {
    expect(parseJsonAllowingPython('{"request_rate": "Infinity"}')).toEqual({ request_rate: 'Infinity' });
  });
});

describe('NaN and Infinity values for the tool adapters', () => {
  it('writes each bare NaN, Infinity and -Infinity value as a string, and leaves the words inside strings and names alone', () => {
    const text = '{"note": "NaN Infinity", "cv": NaN, "rate": Infinity, "low": -Infinity, "list": [NaN, 1], "NaNs": 2, "Infinityx": 3}';
    expect(JSON.parse(quoteNonFinite(text) as string)).toEqual({ note: 'NaN Infinity', cv: 'NaN', rate: 'Infinity', low: '-Infinity', list: ['NaN', 1], NaNs: 2, Infinityx: 3 });
  });

  it('reads past an escaped quote inside a string, so the values after it are still found (both readers share one scan)', () => {
    const text = '{"note": "a \\"quoted\\" NaN", "cv": NaN, "request_rate": Infinity}';
    expect(JSON.parse(quoteNonFinite(text) as string)).toEqual({ note: 'a "quoted" NaN', cv: 'NaN', request_rate: 'Infinity' });
    expect(withoutPythonFloats(text)).toBe('{"note": "a \\"quoted\\" NaN", "cv": NaN, "request_rate": "inf"}');
  });

  it('changes nothing in a text without such a value', () => {
    expect(quoteNonFinite('{"note": "NaN", "v": 1}')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { firstLine } from '../../src/parse/adapters/util.js';

describe('firstLine', () => {
  it('is the first line that is not blank, without its carriage return', () => {
    expect(firstLine('\n  \r\nmodel,ttft_ms\r\n1,2')).toBe('model,ttft_ms');
    expect(firstLine('only')).toBe('only');
    expect(firstLine(' \n\t\n')).toBeUndefined();
  });

  it('answers for each text, however the texts alternate (detectors ask it of one file after another)', () => {
    const a = 'a,b\n1,2';
    const b = 'c,d\n3,4';
    expect([firstLine(a), firstLine(a), firstLine(b), firstLine(a), firstLine(`${'a,b'}\n1,2`), firstLine('')]).toEqual(['a,b', 'a,b', 'c,d', 'a,b', 'a,b', undefined]);
  });
});

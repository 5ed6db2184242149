import { describe, expect, it } from 'vitest';
import { sortedNames } from '../../src/util/text.js';

describe('sortedNames', () => {
  it('orders a few names as sort() does (code units: capitals before lower case, "b10" before "b2")', () => {
    expect(sortedNames(new Set(['tokens_s', 'b2', 'TTFT', 'b10', 'a', '']))).toEqual(['', 'TTFT', 'a', 'b10', 'b2', 'tokens_s']);
  });

  it('orders more than sixteen names as sort() does', () => {
    const names = Array.from({ length: 40 }, (_, i) => `m${(i * 7919) % 97}`);
    expect(sortedNames(new Set(names))).toEqual([...new Set(names)].sort());
  });

  it('leaves the set it was given as it was', () => {
    const names = new Set(['c', 'a', 'b']);
    sortedNames(names);
    expect([...names]).toEqual(['c', 'a', 'b']);
  });
});

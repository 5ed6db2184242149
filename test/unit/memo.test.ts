import { describe, expect, it } from 'vitest';
import { memo, memo2 } from '../../src/util/memo.js';

describe('memo', () => {
  it('computes each key once and gives the same answer after', () => {
    const calls: string[] = [];
    const length = memo(10, (key) => {
      calls.push(key);
      return key.length;
    });
    expect([length('ab'), length('abc'), length('ab')]).toEqual([2, 3, 2]);
    expect(calls).toEqual(['ab', 'abc']);
  });

  it('remembers an undefined answer as one', () => {
    let calls = 0;
    const none = memo(10, () => {
      calls += 1;
      return undefined;
    });
    expect([none('x'), none('x'), none('x')]).toEqual([undefined, undefined, undefined]);
    expect(calls).toBe(1);
  });

  it('forgets everything once it holds `limit` answers, and answers the same', () => {
    const calls: string[] = [];
    const upper = memo(2, (key) => {
      calls.push(key);
      return key.toUpperCase();
    });
    expect(['a', 'b', 'c', 'a'].map(upper)).toEqual(['A', 'B', 'C', 'A']);
    // The third key found two answers held: they were let go, so `a` is worked out again.
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('memo2', () => {
  it('keys on both strings', () => {
    const join = memo2(10, (a, b) => `${a}/${b}`);
    expect([join('x', 'y'), join('y', 'x'), join('x', 'y')]).toEqual(['x/y', 'y/x', 'x/y']);
  });
});

import { describe, expect, it } from 'vitest';
import { keyListMemo } from '../../src/util/memo.js';

describe('keyListMemo', () => {
  it('computes each list of keys once, telling apart lists that share a beginning', () => {
    const calls: string[][] = [];
    const joined = keyListMemo(100, (keys) => {
      calls.push([...keys]);
      return keys.join('+');
    });
    expect([joined(['a', 'b']), joined(['a']), joined(['a', 'b', 'c']), joined(['a', 'b']), joined([])]).toEqual(['a+b', 'a', 'a+b+c', 'a+b', '']);
    expect(calls).toEqual([['a', 'b'], ['a'], ['a', 'b', 'c'], []]);
  });

  it('keeps keys whole: no separator can make two lists one', () => {
    const count = keyListMemo(100, (keys) => keys.length);
    expect([count(['a\u0000b']), count(['a', 'b']), count(['__proto__', 'constructor'])]).toEqual([1, 2, 2]);
  });

  it('remembers an undefined answer', () => {
    let calls = 0;
    const none = keyListMemo(100, () => {
      calls += 1;
      return undefined;
    });
    expect([none(['x']), none(['x'])]).toEqual([undefined, undefined]);
    expect(calls).toBe(1);
  });

  it('forgets everything once it holds `limit` keys, and answers the same', () => {
    const calls: string[] = [];
    const first = keyListMemo(2, (keys) => {
      calls.push(keys.join());
      return keys[0];
    });
    expect([first(['a', 'b']), first(['c']), first(['a', 'b'])]).toEqual(['a', 'c', 'a']);
    expect(calls).toEqual(['a,b', 'c', 'a,b']);
  });
});

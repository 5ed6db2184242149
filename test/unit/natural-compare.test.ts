import { describe, expect, it } from 'vitest';
import { compareNumbered, naturalCompare } from '../../src/util/text.js';

describe('naturalCompare', () => {
  it('counts runs of digits as numbers', () => {
    expect(['batch=16', 'batch=2', 'batch=1', 'batch=32', 'batch=4'].sort(naturalCompare)).toEqual(['batch=1', 'batch=2', 'batch=4', 'batch=16', 'batch=32']);
  });

  it('reads decimal parts as fractions, 0.15 before 0.2', () => {
    expect(['t=1.0', 't=0.2', 't=0.15'].sort(naturalCompare)).toEqual(['t=0.15', 't=0.2', 't=1.0']);
  });

  it('compares the text between numbers as text, and every later part in turn', () => {
    expect(['ctx=2048, gpu=80', 'ctx=1024, gpu=80', 'ctx=1024, gpu=40', 'a', 'B'].sort(naturalCompare)).toEqual(['B', 'a', 'ctx=1024, gpu=40', 'ctx=1024, gpu=80', 'ctx=2048, gpu=80']);
  });

  it('puts a name before the longer name it begins', () => {
    expect(['llama3:8b-q4', 'llama3:8b'].sort(naturalCompare)).toEqual(['llama3:8b', 'llama3:8b-q4']);
  });
});

describe('compareNumbered (ids sorted by the thousand)', () => {
  const sorted = (xs: string[]) => [...xs].sort(compareNumbered);

  it('orders sizes as numbers: size=8, 128, 1024, 1048576', () => {
    expect(sorted(['r::busbw{size=1048576}', 'r::busbw{size=128}', 'r::busbw{size=1024}', 'r::busbw{size=8}'])).toEqual([
      'r::busbw{size=8}',
      'r::busbw{size=128}',
      'r::busbw{size=1024}',
      'r::busbw{size=1048576}',
    ]);
  });

  it('orders decimal fractions as written after the point, and leading zeros by value', () => {
    expect(sorted(['t=0.2', 't=0.15', 't=1.0'])).toEqual(['t=0.15', 't=0.2', 't=1.0']);
    expect(sorted(['run=010', 'run=9'])).toEqual(['run=9', 'run=010']);
  });

  it('agrees with naturalCompare on names without numbers, and puts a prefix first', () => {
    expect(sorted(['b', 'a', 'ab'])).toEqual(['a', 'ab', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../src/util/text.js';

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

import { parse as csvParseSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvRecordReader } from '../../src/parse/csv-records.js';

interface Read {
  records: { fields: string[]; line: number }[];
  fatal?: { line: number; reason: string };
}

/** Reads `text` fed in the given pieces (one piece by default). */
function read(pieces: string | string[], delimiter = ',', maxRecordChars?: number): Read {
  const out: Read = { records: [] };
  const reader = new CsvRecordReader(
    delimiter,
    {
      record: (fields, line) => out.records.push({ fields: [...fields], line }),
      fatal: (line, reason) => (out.fatal = { line, reason }),
    },
    maxRecordChars,
  );
  for (const piece of typeof pieces === 'string' ? [pieces] : pieces) reader.push(piece);
  reader.end();
  return out;
}

const fields = (r: Read) => r.records.map((x) => x.fields);
const lines = (r: Read) => r.records.map((x) => x.line);

describe('CsvRecordReader: plain records', () => {
  it('splits lines into fields and numbers each record by its line', () => {
    const r = read('model,tokens_s\ngemma,118\nllama,61\n');
    expect(fields(r)).toEqual([['model', 'tokens_s'], ['gemma', '118'], ['llama', '61']]);
    expect(lines(r)).toEqual([1, 2, 3]);
  });

  it('reads a last record without a line ending', () => {
    expect(fields(read('a,b\n1,2'))).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('skips empty lines but counts them', () => {
    const r = read('a,b\n\n\n1,2\n');
    expect(fields(r)).toEqual([['a', 'b'], ['1', '2']]);
    expect(lines(r)).toEqual([1, 4]);
  });

  it('keeps a line of bare separators as a record of empty fields', () => {
    expect(fields(read('a,b\n,\n'))).toEqual([['a', 'b'], ['', '']]);
  });

  it('removes a BOM at the start, also when its character arrives alone', () => {
    expect(fields(read('\uFEFFa,b\n1,2\n'))).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields(read(['\uFEFF', 'a,b\n1,2\n']))).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('splits lines with fewer delimiters than the header, or none, as split() would', () => {
    expect(fields(read('a,b,c\n1\n,2\n3,\n4,5,6\n'))).toEqual([['a', 'b', 'c'], ['1'], ['', '2'], ['3', ''], ['4', '5', '6']]);
    expect(fields(read(['value\n1\n2', '\n3\n', '4,5\n']))).toEqual([['value'], ['1'], ['2'], ['3'], ['4', '5']]);
  });

  it('uses the delimiter it is given', () => {
    expect(fields(read('a;b\n1,5;2\n', ';'))).toEqual([['a', 'b'], ['1,5', '2']]);
    expect(fields(read('a\tb\n1\t2\n', '\t'))).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('CsvRecordReader: line endings', () => {
  it('reads CRLF files, and a bare \\n inside one is part of the field', () => {
    const r = read('a,b\r\n1,x\ny\r\n2,3\r\n');
    expect(fields(r)).toEqual([['a', 'b'], ['1', 'x\ny'], ['2', '3']]);
    expect(lines(r)).toEqual([1, 2, 4]);
  });

  it('reads files that end lines with \\r alone', () => {
    expect(fields(read('a,b\r1,2\r3,4'))).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('keeps a \\r before \\n in a file whose first line ended with \\n alone, as csv-parse did', () => {
    expect(fields(read('a,b\n1,2\r\n'))).toEqual([['a', 'b'], ['1', '2\r']]);
  });

  it('decides the line ending when its \\r and \\n arrive in separate pieces', () => {
    expect(fields(read(['a,b\r', '\n1,2\r', '\n']))).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('CsvRecordReader: quotes', () => {
  it('keeps delimiters and line endings inside quoted fields, and counts the lines they span', () => {
    const r = read('model,prompt,n\ngemma,"Hello, world\nagain",3\nllama,x,4\n');
    expect(fields(r)).toEqual([['model', 'prompt', 'n'], ['gemma', 'Hello, world\nagain', '3'], ['llama', 'x', '4']]);
    expect(lines(r)).toEqual([1, 2, 4]);
  });

  it('reads "" inside a quoted field as one quote', () => {
    expect(fields(read('a\n"Say ""hi"" twice"\n'))).toEqual([['a'], ['Say "hi" twice']]);
  });

  it('reads an unescaped quote inside a quoted field as text, quotes included', () => {
    expect(fields(read('a,b\n"Say "hello" to me",1\n'))).toEqual([['a', 'b'], ['"Say "hello" to me"', '1']]);
  });

  it('reads a quote inside an unquoted field as an ordinary character', () => {
    expect(fields(read('a,b\n0.19 "warm",1\n'))).toEqual([['a', 'b'], ['0.19 "warm"', '1']]);
  });

  it('keeps an empty quoted field as a field', () => {
    expect(fields(read('a\n""\n'))).toEqual([['a'], ['']]);
  });

  it('reports a quote never closed at the line it opened and reads nothing after it', () => {
    const r = read('a,b\n1,2\n\n"3,4\n5,6\n');
    expect(fields(r)).toEqual([['a', 'b'], ['1', '2']]);
    expect(r.fatal).toEqual({ line: 4, reason: 'unclosed-quote' });
  });

  it('reports a record longer than the cap at the line its quote opened', () => {
    const r = read(['a\n1\n"x', 'y\n'.repeat(20)], ',', 25);
    expect(fields(r)).toEqual([['a'], ['1']]);
    expect(r.fatal).toEqual({ line: 3, reason: 'record-too-long' });
  });

  it('reports an unquoted record longer than the cap at its line', () => {
    const r = read(`a\n1\n${'x'.repeat(30)}\n2\n`, ',', 25);
    expect(fields(r)).toEqual([['a'], ['1']]);
    expect(r.fatal).toEqual({ line: 3, reason: 'record-too-long' });
  });
});

/** A small seeded generator (mulberry32) so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', '1', ' ', ',', ',', '"', '"', '\n', '\n', '\r', '\r\n'];

function randomCsv(r: () => number): string {
  let text = r() < 0.1 ? '\uFEFF' : '';
  const length = Math.floor(r() * 40);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return text;
}

/** csv-parse with the options parseCsv passed it before this reader replaced it. */
function csvParse(text: string): { records: string[][]; error: boolean } {
  const records: string[][] = [];
  let error = false;
  try {
    records.push(
      ...(csvParseSync(text, {
        bom: true,
        delimiter: ',',
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        relax_quotes: true,
        on_skip: () => {
          error = true;
        },
      }) as string[][]),
    );
  } catch {
    error = true;
  }
  return { records, error };
}

describe('CsvRecordReader: the same records as csv-parse', () => {
  it('gives csv-parse’s records on 20,000 random texts of quotes, delimiters and line endings', () => {
    const r = random(15);
    let compared = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = randomCsv(r);
      const ours = read(text);
      const theirs = csvParse(text);
      if (theirs.error || ours.fatal) {
        // Both give up on an unclosed quote; the records before it agree.
        expect(Boolean(ours.fatal), JSON.stringify(text)).toBe(theirs.error);
        expect(fields(ours), JSON.stringify(text)).toEqual(theirs.records.slice(0, ours.records.length));
        continue;
      }
      expect(fields(ours), JSON.stringify(text)).toEqual(theirs.records);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('gives the same records whatever the text is cut into', () => {
    const r = random(16);
    for (let i = 0; i < 5_000; i++) {
      const text = randomCsv(r);
      const pieces: string[] = [];
      for (let at = 0; at < text.length; ) {
        const size = 1 + Math.floor(r() * 4);
        pieces.push(text.slice(at, at + size));
        at += size;
      }
      expect(read(pieces), JSON.stringify(pieces)).toEqual(read(text));
    }
  });
});

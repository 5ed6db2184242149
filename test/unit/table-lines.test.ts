import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/parse/csv.js';
import { ProblemLog } from '../../src/parse/problems.js';
import { TableBuilder } from '../../src/parse/table.js';
import { parsed, samples } from '../helpers/series.js';

/** Every series of a table with its samples (or summary) and the problems, for comparing two ways of feeding it. */
function result(table: TableBuilder, problems: ProblemLog) {
  const { series, rows, excludedRows } = table.finish();
  return {
    rows,
    excludedRows,
    series: series.map((s) => ({ metric: s.metric, labels: s.labels, unitHint: s.unitHint, line: s.line, samples: s.samples ? [...s.samples.samples] : undefined, count: s.samples?.count })),
    problems: problems.items,
    problemCount: problems.total,
  };
}

/** The rows after the first 1,000 (the profiled ones) fed as lines, and all of them as split cells. */
function bothWays(header: string[], lines: string[]) {
  const viaCells = new ProblemLog();
  const cells = new TableBuilder({ problems: viaCells });
  cells.setColumns(header);
  const viaLines = new ProblemLog();
  const text = new TableBuilder({ problems: viaLines });
  text.setColumns(header);
  let fedAsLines = 0;
  lines.forEach((l, i) => {
    // parseCsv checks the field count before a row reaches the table (see CsvTable).
    const split = l.split(',');
    if (split.length === header.length) cells.addCells(split, i + 2);
    else viaCells.add(i + 2, `${split.length} fields`);
    if (text.takesLines) {
      fedAsLines += 1;
      const fields = text.addLine(l, 0, l.length, ',', i + 2);
      if (fields !== header.length) viaLines.add(i + 2, `${fields} fields`);
    } else if (split.length === header.length) text.addCells(split, i + 2);
    else viaLines.add(i + 2, `${split.length} fields`);
  });
  return { cells: result(cells, viaCells), lines: result(text, viaLines), fedAsLines };
}

function profiledRows(count = 1000): string[] {
  return Array.from({ length: count }, (_, i) => `gemma,${100 + (i % 7)},${0.25 + (i % 5) / 100},`);
}

describe('TableBuilder.addLine: a line read in place is the row its split fields make', () => {
  it('gives the same samples for plain numbers, signs, points and exponents', () => {
    const rows = [...profiledRows(), 'llama,+61,.5,', 'llama,-0,5.,', 'gemma,1e3,0.1,', 'gemma,118.25,1234567890.123456,', 'gemma,007,0.30000000000000004,'];
    const { cells, lines, fedAsLines } = bothWays(['model', 'tokens', 'ttft_s', 'error'], rows);
    expect(fedAsLines).toBe(5);
    expect(lines).toEqual(cells);
  });

  it('gives the same problems and exclusions for text, units, missing values, errors and impossible values', () => {
    const rows = [
      ...profiledRows(),
      'gemma,OOM,0.2,',
      'gemma,,0.2,',
      'gemma,n/a,NaN,',
      'gemma,12 tok/s,250 ms,',
      'gemma,-5,0.2,',
      'gemma,1e400,0.2,',
      'gemma,0x1f,0.2,',
      'gemma,101,0.2,timeout',
      'gemma,101,0.2,none',
      'gemma,101,0.2',
      'gemma,101,0.2,,extra',
      ' gemma ,99,0.2,',
      'qwen\uFFFD,99,0.2,',
    ];
    const { cells, lines, fedAsLines } = bothWays(['model', 'tokens_s', 'ttft_s', 'error'], rows);
    expect(fedAsLines).toBe(rows.length - 1000);
    expect(lines).toEqual(cells);
    expect(lines.excludedRows).toBe(1);
    expect(lines.series.map((s) => s.labels.model)).toEqual(['gemma', 'gemma']);
  });

  it('is not used while a table has summary columns, which need every cell', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `gemma,${100 + i},2,5`);
    const { fedAsLines } = bothWays(['model', 'mean_tokens_s', 'std_tokens_s', 'runs'], rows);
    expect(fedAsLines).toBe(0);
  });
});

describe('parseCsv past the profiled rows', () => {
  it('reads rows 1,001 onwards with their problems by line, as the first thousand', () => {
    const lines = ['model,tokens_s,error', ...profiledRows().map((l) => l.split(',').slice(0, 2).join(',') + ','), 'gemma,OOM,', 'gemma,130,', 'gemma,131,boom', 'gemma,1,2,3', '', 'gemma,132,'];
    const data = parsed(parseCsvText(lines.join('\n')));
    expect(data.problems).toEqual([
      { line: 1002, reason: 'column "tokens_s" holds a value that is not a number; cell skipped' },
      { line: 1005, reason: '4 fields where the header has 3; row skipped' },
    ]);
    expect(data.rows).toBe(1004);
    expect(data.excludedRows).toBe(1);
    expect(samples(data, 'tokens_s', { model: 'gemma' }).slice(-2)).toEqual([130, 132]);
  });
});

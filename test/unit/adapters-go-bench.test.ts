import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutput } from '../helpers/llm-adapters.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';
import { parsed } from '../helpers/series.js';
import { described, one, readTool } from '../helpers/tools.js';

describe('go test -bench output', () => {
  it('reads every unit on a result line as a metric, with MB/s and custom rates higher-is-better and per-op costs lower', async () => {
    const data = parsed(await readTool('go-bench/count3-two-packages.txt'));
    expect(data.adapter).toBe('go-bench');
    expect(described(data)).toEqual([
      'ns/op{benchmark=BenchmarkEncode/size=1KiB,gomaxprocs=8,pkg=example.org/codec} ns/op lower',
      'MB/s{benchmark=BenchmarkEncode/size=1KiB,gomaxprocs=8,pkg=example.org/codec} MB/s higher',
      'B/op{benchmark=BenchmarkEncode/size=1KiB,gomaxprocs=8,pkg=example.org/codec} B/op lower',
      'allocs/op{benchmark=BenchmarkEncode/size=1KiB,gomaxprocs=8,pkg=example.org/codec} allocs/op lower',
      'ns/op{benchmark=BenchmarkTokenize,gomaxprocs=8,pkg=example.org/codec} ns/op lower',
      'tokens/s{benchmark=BenchmarkTokenize,gomaxprocs=8,pkg=example.org/codec} tok/s higher',
      'ns/op{benchmark=BenchmarkEncode/size=1KiB,gomaxprocs=8,pkg=example.org/codec/v2} ns/op lower',
      'MB/s{benchmark=BenchmarkEncode/size=1KiB,gomaxprocs=8,pkg=example.org/codec/v2} MB/s higher',
      'B/op{benchmark=BenchmarkEncode/size=1KiB,gomaxprocs=8,pkg=example.org/codec/v2} B/op lower',
      'allocs/op{benchmark=BenchmarkEncode/size=1KiB,gomaxprocs=8,pkg=example.org/codec/v2} allocs/op lower',
    ]);
  });

  it('turns the lines repeated by -count into samples of one series', async () => {
    const data = parsed(await readTool('go-bench/count3-two-packages.txt'));
    expect(one(data, 'ns/op', { benchmark: 'BenchmarkEncode/size=1KiB', pkg: 'example.org/codec' }).samples).toEqual([1500, 1400, 1300]);
    expect(one(data, 'MB/s', { pkg: 'example.org/codec' }).samples).toEqual([682.67, 731.43, 787.69]);
    expect(data.rows).toBe(5);
  });

  it('reports a benchmark that failed', async () => {
    const data = parsed(await readTool('go-bench/count3-two-packages.txt'));
    expect(data.problems).toEqual([{ line: 9, reason: 'BenchmarkFlaky-8 failed (--- FAIL)' }]);
  });

  it('reads lines without a GOMAXPROCS suffix (GOMAXPROCS=1) and without headers', async () => {
    const data = parsed(await readTool('go-bench/single-proc.txt'));
    expect(described(data)).toEqual(['ns/op{benchmark=BenchmarkFib10} ns/op lower', 'ns/op{benchmark=BenchmarkFib20} ns/op lower']);
    expect(one(data, 'ns/op', { benchmark: 'BenchmarkFib20' }).samples).toEqual([51234]);
  });

  it('labels the bare name gomaxprocs=1 when the file also ran it with a suffix (-cpu 1,2,4), so the three runs rank as one sweep', async () => {
    const data = parsed(await readTool('go-bench/cpu-list.txt'));
    expect(described(data)).toEqual([
      'ns/op{benchmark=BenchmarkAcquire,gomaxprocs=1,pkg=example.org/pool} ns/op lower',
      'ns/op{benchmark=BenchmarkAcquire,gomaxprocs=2,pkg=example.org/pool} ns/op lower',
      'ns/op{benchmark=BenchmarkAcquire,gomaxprocs=4,pkg=example.org/pool} ns/op lower',
      'ns/op{benchmark=BenchmarkRelease,pkg=example.org/pool} ns/op lower',
    ]);
    expect(one(data, 'ns/op', { benchmark: 'BenchmarkAcquire', gomaxprocs: '1' }).samples).toEqual([910, 890]);
  });

  it('leaves a text file without result lines to the generic reader', async () => {
    const data = parsed(await readTool('go-bench/notes.txt'));
    expect(data.adapter).toBe('text');
  });
});

describe('go test -json -bench (test2json events)', () => {
  it.each(['test2json.json', 'test2json.log'])('reads the results from the events of %s, a line split across two events put back together', async (file) => {
    const data = parsed(await readTool(`go-bench/${file}`));
    expect(data.adapter).toBe('go-bench');
    expect(described(data)).toEqual([
      'ns/op{benchmark=BenchmarkGet,gomaxprocs=8,pkg=example.com/cache} ns/op lower',
      'B/op{benchmark=BenchmarkGet,gomaxprocs=8,pkg=example.com/cache} B/op lower',
      'allocs/op{benchmark=BenchmarkGet,gomaxprocs=8,pkg=example.com/cache} allocs/op lower',
      'ns/op{benchmark=BenchmarkPut,gomaxprocs=8,pkg=example.com/cache} ns/op lower',
      'B/op{benchmark=BenchmarkPut,gomaxprocs=8,pkg=example.com/cache} B/op lower',
      'allocs/op{benchmark=BenchmarkPut,gomaxprocs=8,pkg=example.com/cache} allocs/op lower',
    ]);
    expect(one(data, 'ns/op', { benchmark: 'BenchmarkGet' }).samples).toEqual([81.25]);
    // The line of the file where the result line started.
    expect(data.series[0]?.line).toBe(9);
  });
});

describe('a benchmark that writes to stdout while it runs', () => {
  it.each([
    ['stdout-between.txt', 5],
    ['test2json-stdout-between.json', 8],
  ])('reads %s: the numbers printed on their own line after the log output belong to the name printed before it', async (file, line) => {
    const data = parsed(await readTool(`go-bench/${file}`));
    const build = data.series.filter((s) => s.labels.benchmark === 'BenchmarkBuild');
    expect(build.map((s) => [s.metric, s.labels.gomaxprocs, s.samples?.samples, s.line])).toEqual([
      ['ns/op', '8', [95123456], line],
      ['B/op', '8', [1048576], line],
      ['allocs/op', '8', [2048], line],
    ]);
    expect(data.problems).toEqual([]);
  });
});

describe('go test -bench output pasted into a Markdown page under headings', () => {
  it('reads each heading\'s output as its own series, labelled with the section, never pooled', async () => {
    const data = parsed(await readTool('go-bench/before-after.md'));
    expect(data.adapter).toBe('go-bench');
    expect(data.series.filter((s) => s.metric === 'ns/op').map((s) => [s.labels.section, s.samples?.samples, s.line])).toEqual([
      ['Before (main)', [200000], 11],
      ['After (this branch)', [100000], 20],
    ]);
  });
});

describe('sections of a pasted Markdown page', () => {
  const block = (ns: number) => ['```', 'pkg: example.com/parser', `BenchmarkParse-8   	   10000	    ${ns} ns/op`, '```'].join('\n');

  it('names two `### Output` under different headings by their path, and reads a section that starts past line 2,000', async () => {
    const dir = makeTempDir();
    try {
      const filler = Array.from({ length: 2100 }, (_, i) => `Note ${i}.`).join('\n');
      const page = ['# Parser', '', '## Before', '### Output', block(200000), '', filler, '', '## After', '### Output', block(100000), ''].join('\n');
      writeFileSync(path.join(dir, 'notes.md'), page);
      const data = parsed(await readOutput(path.join(dir, 'notes.md')));
      expect(data.series.filter((s) => s.metric === 'ns/op').map((s) => [s.labels.section, s.samples?.samples, s.line])).toEqual([
        ['Before › Output', [200000], 7],
        ['After › Output', [100000], 2115],
      ]);
    } finally {
      removeDir(dir);
    }
  });
});

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildConfig } from '../../src/config.js';
import { RunCap } from '../../src/parse/run-cap.js';

describe('RunCap: the first file that does not fit is the cut', () => {
  it('puts no file past the cap while every file fits', () => {
    const cap = new RunCap(10, 3);
    [4, 3, 3].forEach((n, i) => cap.record(i, n));
    expect([0, 1, 2].map((i) => cap.isPast(i))).toEqual([false, false, false]);
  });

  it('puts every file after the first one that does not fit past the cap, even one that would fit', () => {
    const cap = new RunCap(10, 4);
    [6, 5, 1, 1].forEach((n, i) => cap.record(i, n));
    expect([0, 1, 2, 3].map((i) => cap.isPast(i))).toEqual([false, false, true, true]);
  });

  it('finds the same cut whatever order the files finish in', () => {
    const cap = new RunCap(10, 4);
    cap.record(3, 1);
    cap.record(1, 5);
    expect(cap.isPast(2)).toBe(false);
    cap.record(0, 6);
    expect([0, 1, 2, 3].map((i) => cap.isPast(i))).toEqual([false, false, true, true]);
  });

  it('counts a file that yields no series (skipped, failed, a document) as zero', () => {
    const cap = new RunCap(10, 3);
    [10, 0, 1].forEach((n, i) => cap.record(i, n));
    expect([0, 1, 2].map((i) => cap.isPast(i))).toEqual([false, false, false]);
  });
});

describe('the run cap of 200,000 series in analyze', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chimera-run-cap-'));
    // Eleven flat JSON summaries of 19,000 metrics each (209,000 series), then two files after them.
    const wide = (prefix: string) => `{${Array.from({ length: 19_000 }, (_, i) => `"${prefix}_${i}":${i}.5`).join(',')}}`;
    for (let f = 1; f <= 11; f++) await fs.writeFile(path.join(dir, `wide_${String(f).padStart(2, '0')}.json`), wide(`m${f}`));
    await fs.writeFile(path.join(dir, 'x_small.csv'), 'model,tokens_s\na,1\nb,2\n');
    await fs.writeFile(path.join(dir, 'y_broken.json'), '{"not json');
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps the files under the cap, skips the one that does not fit with its count, and does not read the rest', async () => {
    const config = buildConfig((name) => ({ baseline: 'none', llm: 'false' })[name] ?? '', { workspace: dir, defaultOutputDir: undefined });
    const report = await analyze(config, { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
    expect(report.series.length).toBe(190_000);
    const status = report.inventory.files.map((f) => [f.path, f.status, f.series, f.reason]);
    expect(status.slice(9)).toEqual([
      ['wide_10.json', 'parsed', 19_000, undefined],
      ['wide_11.json', 'skipped', 0, 'not analysed: its 19,000 series would take the run past 200,000 series (earlier files in path order came first)'],
      // Would fit (two series), but comes after the cut: not read.
      ['x_small.csv', 'skipped', 0, "not read: an earlier file in path order did not fit under the run's cap of 200,000 series, and no later file is read"],
      // Not valid JSON: read, it would have failed.
      ['y_broken.json', 'skipped', 0, "not read: an earlier file in path order did not fit under the run's cap of 200,000 series, and no later file is read"],
    ]);
  }, 60_000);
});

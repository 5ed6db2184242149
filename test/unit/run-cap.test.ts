import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildConfig } from '../../src/config.js';
import { RunCap } from '../../src/parse/run-cap.js';
import type { Report } from '../../src/model/report.js';

const reads = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('../../src/parse/read-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/parse/read-file.js')>();
  return {
    ...actual,
    parseFile: (...args: Parameters<typeof actual.parseFile>) => {
      reads.files.push(args[0].path ?? args[0].absolutePath);
      return actual.parseFile(...args);
    },
  };
});

const pastOf = (cap: RunCap, files: number) => Array.from({ length: files }, (_, i) => cap.isPast(i));

describe('RunCap: the first file that does not fit is the cut', () => {
  it('puts no file past the cap while every file fits', () => {
    const cap = new RunCap(10, 3);
    [4, 3, 3].forEach((n, i) => cap.record(i, n));
    expect(cap.cut).toBeUndefined();
    expect(pastOf(cap, 3)).toEqual([false, false, false]);
  });

  it('puts every file after the first one that does not fit past the cap, even one that would fit', () => {
    const cap = new RunCap(10, 4);
    [6, 5, 1, 1].forEach((n, i) => cap.record(i, n));
    expect(cap.cut).toBe(1);
    expect(pastOf(cap, 4)).toEqual([false, false, true, true]);
  });

  it('finds the same cut whatever order the files finish in', () => {
    const cap = new RunCap(10, 4);
    cap.record(3, 1);
    cap.record(1, 5);
    expect(cap.cut).toBeUndefined();
    cap.record(0, 6);
    expect(cap.cut).toBe(1);
    expect(pastOf(cap, 4)).toEqual([false, false, true, true]);
  });

  it('counts a file that yields no series (skipped, failed, a document) as zero', () => {
    const cap = new RunCap(10, 3);
    [10, 0, 1].forEach((n, i) => cap.record(i, n));
    expect(cap.cut).toBe(2);
  });

  it('counts a file a later file supersedes as zero once that file is taken, as the report does', () => {
    const cap = new RunCap(10, 3);
    cap.record(0, 2);
    cap.record(1, 2, [0]);
    cap.record(2, 8);
    expect(cap.cut).toBeUndefined();
  });

  it('counts a file an earlier file supersedes as zero when it is reached', () => {
    const cap = new RunCap(8, 3);
    cap.record(0, 3, [1]);
    cap.record(1, 9);
    cap.record(2, 5);
    expect(cap.cut).toBeUndefined();
  });

  it('lets a file fit when the file it supersedes makes room', () => {
    const cap = new RunCap(10, 2);
    cap.record(0, 3);
    cap.record(1, 9, [0]);
    expect(cap.cut).toBeUndefined();
  });

  it('cuts at a superseding file that does not fit even without the file it replaces', () => {
    const cap = new RunCap(10, 3);
    cap.record(0, 3);
    cap.record(1, 11, [0]);
    cap.record(2, 1);
    expect(cap.cut).toBe(1);
    expect(pastOf(cap, 3)).toEqual([false, false, true]);
  });
});

describe('the run cap of 200,000 series in analyze', () => {
  let dir: string;
  let report: Report;
  const CRITERION = 'criterion/target/criterion/parse/json/new';
  const PAST = "not analysed: an earlier file in path order did not fit under the run's cap of 200,000 series, and every later file is left out (most without being read)";

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chimera-run-cap-'));
    // criterion's estimates.json (1 series) is superseded by the sample.json beside it (1 series): 1 counts.
    await fs.mkdir(path.join(dir, CRITERION), { recursive: true });
    const fixture = path.join(__dirname, '../fixtures/tools', CRITERION);
    for (const name of ['estimates.json', 'sample.json']) await fs.copyFile(path.join(fixture, name), path.join(dir, CRITERION, name));
    // Then flat JSON summaries of 10 × 19,000 + 9,998 metrics: 199,999 series with criterion's one.
    const wide = (prefix: string, count: number) => `{${Array.from({ length: count }, (_, i) => `"${prefix}_${i}":${i}.5`).join(',')}}`;
    for (let f = 1; f <= 11; f++) await fs.writeFile(path.join(dir, `wide_${String(f).padStart(2, '0')}.json`), wide(`m${f}`, f === 11 ? 9_998 : 19_000));
    // One series each: the first fits (200,000), the second does not, and everything after it is left out.
    for (const name of ['x_1.csv', 'x_2.csv']) await fs.writeFile(path.join(dir, name), 'model,tokens_s\na,1\n');
    for (let f = 1; f <= 60; f++) await fs.writeFile(path.join(dir, `y_${String(f).padStart(3, '0')}.csv`), 'model,only_in_y\na,1\n');
    await fs.writeFile(path.join(dir, 'z_broken.json'), '{"not json');
    const inputs: Record<string, string> = { baseline: 'none', llm: 'false', directions: 'only_in_y: higher' };
    const config = buildConfig((name) => inputs[name] ?? '', { workspace: dir, defaultOutputDir: undefined });
    reads.files.length = 0;
    report = await analyze(config, { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
  }, 120_000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const status = (file: string) => {
    const f = report.inventory.files.find((e) => e.path === file);
    return [f?.status, f?.series, f?.reason];
  };

  it('keeps every file that fits, counting a superseded file as the report does', () => {
    expect(report.series.length).toBe(200_000);
    expect(status(`${CRITERION}/estimates.json`)).toEqual(['skipped', 0, `superseded by ${CRITERION}/sample.json, which holds the same run's results`]);
    expect(status(`${CRITERION}/sample.json`)).toEqual(['parsed', 1, undefined]);
    expect(status('wide_11.json')).toEqual(['parsed', 9_998, undefined]);
    expect(status('x_1.csv')).toEqual(['parsed', 1, undefined]);
  });

  it('skips the first file that does not fit with its count, and every later file with the cap as the reason', () => {
    expect(status('x_2.csv')).toEqual(['skipped', 0, 'not analysed: its 1 series would take the run past 200,000 series (earlier files in path order came first)']);
    expect(status('y_001.csv')).toEqual(['skipped', 0, PAST]);
    expect(status('y_060.csv')).toEqual(['skipped', 0, PAST]);
    // Not valid JSON: read, it would have failed.
    expect(status('z_broken.json')).toEqual(['skipped', 0, PAST]);
  });

  it('does not read the files after the cut, beyond the few already being read when it was found', () => {
    const cutIndex = report.inventory.files.findIndex((f) => f.path === 'x_2.csv');
    expect(cutIndex).toBe(14);
    // Eight files are read at a time: at most seven past the cut had started when it was known.
    expect(reads.files.length).toBeLessThanOrEqual(cutIndex + 1 + 7);
    expect(reads.files).not.toContain('z_broken.json');
  });

  it('says a rule that matches nothing may be meant for the files left unread', () => {
    expect(report.notices).toContainEqual({
      input: 'directions',
      message: `"only_in_y: higher" matches no metric in the files read (61 past the run's series cap were not)`,
      level: 'warning',
    });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildConfig } from '../../src/config.js';
import type { Report } from '../../src/model/report.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';

const started: { paths: readonly string[]; maxFileBytes: number }[] = [];
vi.mock('../../src/parse/prefetch.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/parse/prefetch.js')>();
  return {
    ...actual,
    startPrefetch: (paths: readonly string[], options: { maxFileBytes: number }) => {
      started.push({ paths: [...paths], maxFileBytes: options.maxFileBytes });
      return actual.startPrefetch(paths, options);
    },
  };
});

// 240 files: past the 200 from which analyze reads files ahead on a second thread (src/parse/prefetch.ts).
const FILES = 240;
let workspace: string;
let report: Report;

beforeAll(async () => {
  workspace = makeTempDir('chimera-read-ahead-');
  for (let i = 0; i < FILES; i++) {
    const folder = path.join(workspace, `suite-${i % 4}`);
    fs.mkdirSync(folder, { recursive: true });
    // Sizes differ from file to file, so a size or a body handed to the wrong file would show.
    const file = path.join(folder, `bench_${String(i).padStart(3, '0')}.csv`);
    fs.writeFileSync(file, `model,ttft_ms\nm${i},${i}.5\nm${i},${i}.5\n`);
    // Runs of files sharing a time, broken by files with times of their own (each file's time is its own to report).
    const seconds = i % 7 === 0 ? 1_700_000_000 + i + 0.0004 * i : i % 3 === 0 ? 1_700_000_000.123 : 1_600_000_000.5;
    if (i % 11 !== 0) fs.utimesSync(file, seconds, seconds);
  }
  fs.writeFileSync(path.join(workspace, 'package.json'), '{"name":"not-a-result"}');
  const config = buildConfig(() => '', { workspace, defaultOutputDir: undefined });
  report = await analyze(config, { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
});

afterAll(() => removeDir(workspace));

describe('analyze on a tree read ahead on a second thread', () => {
  it('reads ahead the files it will read, in path order, not the one skipped by name', () => {
    expect(started).toHaveLength(1);
    expect(started[0]?.paths).toHaveLength(FILES);
    expect(started[0]?.paths).toEqual([...(started[0]?.paths ?? [])].sort());
    expect(started[0]?.paths.some((p) => p.endsWith('package.json'))).toBe(false);
    expect(started[0]?.maxFileBytes).toBe(1_000_000);
  });

  it('reads every file once, each into its own series', () => {
    expect(report.inventory.totals).toMatchObject({ found: FILES + 1, parsed: FILES, skipped: 1, failed: 0 });
    const means = report.series.map((s) => [s.file, s.labels.model, s.stats.mean, s.stats.n]);
    expect(means).toHaveLength(FILES);
    for (const [file, model, mean, n] of means) {
      const i = Number(/bench_(\d+)\.csv$/.exec(file as string)?.[1]);
      expect([model, mean, n]).toEqual([`m${i}`, i + 0.5, 2]);
    }
  });

  it('gives every file, read or skipped by name, its size on disk', () => {
    for (const entry of report.inventory.files) expect([entry.path, entry.size]).toEqual([entry.path, fs.statSync(path.join(workspace, entry.path)).size]);
  });

  it('dates a file outside git history by its modification time, as stat shows it', () => {
    const entry = report.inventory.files.find((f) => f.path === 'suite-1/bench_005.csv');
    const mtime = fs.statSync(path.join(workspace, 'suite-1/bench_005.csv')).mtime.toISOString();
    expect(entry?.modified).toEqual({ time: mtime, source: 'filesystem' });
  });

  it('dates every file by its own time, whether files before it share that time or not', () => {
    for (const entry of report.inventory.files.filter((f) => f.status === 'parsed')) {
      const mtime = fs.statSync(path.join(workspace, entry.path)).mtime.toISOString();
      expect([entry.path, entry.modified]).toEqual([entry.path, { time: mtime, source: 'filesystem' }]);
    }
  });
});

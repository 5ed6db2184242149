import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshot, writeSnapshot } from '../../src/baseline/snapshot.js';
import { baselineFromFile } from '../../src/baseline/sources/file.js';
import type { SourceOutcome } from '../../src/baseline/sources/types.js';
import { analyzeTree, configFor, throughputCsv } from '../helpers/baseline.js';
import { makeTempDir, removeDir, symlinkIn, useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-file-baseline-');

function fromFile(given: string, options: { inputs?: Record<string, string>; confine?: boolean } = {}): Promise<SourceOutcome> {
  const config = configFor(tmp.dir, options.inputs ?? { path: 'bench' });
  return baselineFromFile({ config, given, base: tmp.dir, confineToWorkspace: options.confine ?? true, analyzeTree });
}

function found(outcome: SourceOutcome) {
  if (!('found' in outcome)) throw new Error(`expected a baseline, got: ${outcome.reason}`);
  return outcome.found;
}

describe('the file baseline', () => {
  it('reads a snapshot and names it with its commit and time', async () => {
    writeTree(tmp.dir, { 'bench/runs.csv': throughputCsv({ llama3: [100, 101, 99] }) });
    const report = await analyzeTree(configFor(tmp.dir, { path: 'bench' }));
    report.commit = { sha: 'a'.repeat(40), ref: 'main' };
    report.generatedAt = '2025-10-01T08:00:00.000Z';
    mkdirSync(path.join(tmp.dir, 'baseline'));
    await writeSnapshot(path.join(tmp.dir, 'baseline', 'snapshot.json'), createSnapshot(report));
    const baseline = found(await fromFile('baseline/snapshot.json'));
    expect(baseline.info).toEqual({ source: 'file', description: 'snapshot baseline/snapshot.json', createdAt: '2025-10-01T08:00:00.000Z', commit: { sha: 'a'.repeat(40), ref: 'main' } });
    expect(baseline.series.map((s) => s.id)).toEqual(['bench/runs.csv::tokens_s{model=llama3}']);
  });

  it('reads a snapshot of another folder as if it were of the analysed path, so ids match (snapshot of main/, analyse bench/)', async () => {
    writeTree(tmp.dir, { 'main/runs.csv': throughputCsv({ llama3: [100, 101, 99] }) });
    const report = await analyzeTree(configFor(tmp.dir, { path: 'main' }));
    mkdirSync(path.join(tmp.dir, 'baseline'));
    await writeSnapshot(path.join(tmp.dir, 'baseline', 'snapshot.json'), createSnapshot(report));
    const baseline = found(await fromFile('baseline/snapshot.json'));
    expect(baseline.series.map((s) => [s.id, s.file])).toEqual([['bench/runs.csv::tokens_s{model=llama3}', 'bench/runs.csv']]);
    expect(baseline.info.description).toBe('snapshot baseline/snapshot.json (of main, read as of bench)');
  });

  it('analyses a directory of benchmark outputs as if it were the analysed path, so ids match', async () => {
    writeTree(tmp.dir, {
      'bench/runs.csv': throughputCsv({ llama3: [90, 91, 89] }),
      'previous/runs.csv': throughputCsv({ llama3: [100, 101, 99] }),
      'previous/nested/serve.csv': throughputCsv({ qwen: [50, 50, 50] }),
    });
    const baseline = found(await fromFile('previous'));
    expect(baseline.series.map((s) => [s.id, s.file, s.samples])).toEqual([
      ['bench/nested/serve.csv::tokens_s{model=qwen}', 'bench/nested/serve.csv', [50, 50, 50]],
      ['bench/runs.csv::tokens_s{model=llama3}', 'bench/runs.csv', [100, 101, 99]],
    ]);
    expect(baseline.info.description).toBe('benchmark directory previous');
  });

  it('refuses a path outside the workspace in the action', async () => {
    await expect(fromFile('../elsewhere')).rejects.toThrow(`Baseline ../elsewhere: is outside the workspace ${tmp.dir}`);
  });

  it('refuses a symbolic link in the workspace that leads outside it', async () => {
    const outside = makeTempDir('chimera-outside-');
    try {
      writeTree(outside, { 'runs.csv': throughputCsv({ llama3: [100, 101, 99] }) });
      symlinkIn(tmp.dir, 'blink', outside, 'dir');
      await expect(fromFile('blink')).rejects.toThrow('Baseline blink: leads outside the workspace through a symbolic link');
    } finally {
      removeDir(outside);
    }
  });

  it('reads a directory outside the working directory for the CLI', async () => {
    const outside = makeTempDir('chimera-outside-');
    try {
      writeTree(outside, { 'runs.csv': throughputCsv({ llama3: [100, 101, 99] }) });
      const baseline = found(await fromFile(outside, { confine: false }));
      expect(baseline.series.map((s) => s.id)).toEqual(['bench/runs.csv::tokens_s{model=llama3}']);
      expect(baseline.info.description).toBe(`benchmark directory ${outside}`);
    } finally {
      removeDir(outside);
    }
  });

  it('stops with a message naming a baseline that does not exist', async () => {
    await expect(fromFile('baseline/missing.json')).rejects.toThrow('Baseline baseline/missing.json: no such file or directory');
  });

  it('stops with a message naming a file that is not a snapshot', async () => {
    writeTree(tmp.dir, { 'baseline/results.json': '[{"tokens_s": 12}]' });
    await expect(fromFile('baseline/results.json')).rejects.toThrow('Baseline snapshot baseline/results.json: is not a JSON object');
  });

  it('has nothing to compare with when the directory holds no series', async () => {
    writeTree(tmp.dir, { 'previous/notes.md': '# Nothing measured\n' });
    expect(await fromFile('previous')).toEqual({ reason: 'no series in the benchmark files under previous' });
  });
});

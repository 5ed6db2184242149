import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildConfig } from '../../src/config.js';
import { parseDuration } from '../../src/config-input.js';
import { readLlmConfig } from '../../src/llm/config.js';
import { writeToFile } from '../../src/report/write.js';
import { readReportSeries, renderJson } from '../../src/report/json.js';
import { prepareOutputDir, writingOutput } from '../../src/util/output-dir.js';
import { makeTempDir, removeDir, symlinkIn, useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-hostile-');

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return '(no error)';
}

function config(inputs: Record<string, string>) {
  return buildConfig((name) => inputs[name] ?? '', { workspace: tmp.dir, defaultOutputDir: undefined });
}

describe('settings that would crash the run or hide every file', () => {
  it('a pattern with a "{" that never closes is named', () => {
    expect(errorOf(() => config({ patterns: '*.{csv' }))).toBe(`Input 'patterns': "*.{csv" has a "{" without its "}"`);
    expect(errorOf(() => config({ format: 'res/*.{json: hyperfine' }))).toBe(`Input 'format': "res/*.{json" has a "{" without its "}"`);
  });

  it('a duration past what a timer can wait is named, not waited for 1 ms', () => {
    expect(errorOf(() => parseDuration('600h', 'publish-timeout', 1000))).toBe(`Input 'publish-timeout': must be at most 24 days (596h), got "600h"`);
    expect(parseDuration('596h', 'publish-timeout', 1000)).toBe(596 * 3_600_000);
  });

  it('an output folder holding the folder analysed is named: every file would be left out as the report’s own', () => {
    expect(errorOf(() => config({ path: 'results', 'output-dir': '.' }))).toBe(
      `Input 'output-dir': "." holds the folder analysed ('path': "results"), whose files would all be left out as the report's own; choose a folder of its own`,
    );
    expect(config({ path: '.', 'output-dir': 'out' }).outputDir).toBe(path.join(tmp.dir, 'out'));
  });

  it('an Ollama URL with a password is refused without repeating it', () => {
    const message = errorOf(() => readLlmConfig((name) => ({ llm: 'true', 'ollama-url': 'http://user:secretpw@gpu:11434' })[name] ?? '', { workspace: tmp.dir }));
    expect(message).toBe("Input 'ollama-url': holds a user name or password, which the report would show; put the server behind a proxy on the runner, or use a URL without them");
    expect(message).not.toContain('secretpw');
  });
});

describe('the output folder', () => {
  it('is not reached through a symbolic link in the workspace', async () => {
    const outside = makeTempDir();
    try {
      symlinkIn(tmp.dir, 'outlink', outside, 'dir');
      await expect(prepareOutputDir(path.join(tmp.dir, 'outlink', 'sub'), tmp.dir)).rejects.toThrow(
        `Input 'output-dir': "outlink/sub" goes through a symbolic link (outlink); the report is not written through links`,
      );
    } finally {
      removeDir(outside);
    }
  });

  it('that is a file is named', async () => {
    writeTree(tmp.dir, { 'bench.csv': 'a,b\n' });
    await expect(prepareOutputDir(path.join(tmp.dir, 'bench.csv'), tmp.dir)).rejects.toThrow(`Input 'output-dir': "bench.csv" is a file, not a folder`);
    await expect(prepareOutputDir(path.join(tmp.dir, 'bench.csv', 'out'), tmp.dir)).rejects.toThrow(`Input 'output-dir': "bench.csv/out" is inside a file, not a folder (bench.csv)`);
  });

  it('is created folder by folder, however deep', async () => {
    await prepareOutputDir(path.join(tmp.dir, 'a', 'b', 'c'), tmp.dir);
    expect(statSync(path.join(tmp.dir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    await prepareOutputDir(path.join(tmp.dir, 'a', 'b', 'c'), tmp.dir);
  });

  // Node 20's recursive mkdir retried forever under /proc, so the run hung instead of ending.
  it.runIf(process.platform === 'linux')('under a folder that takes no new folders (/proc) is named instead of hanging', async () => {
    await expect(prepareOutputDir('/proc/chimera-out/report', tmp.dir)).rejects.toThrow(`Input 'output-dir': "/proc/chimera-out/report" cannot be created (its parent folder takes no new folders)`);
  });

  it('writes no report file through a symbolic link planted where it goes', async () => {
    const outside = makeTempDir();
    try {
      writeFileSync(path.join(outside, 'victim.txt'), 'keep me\n');
      writeTree(tmp.dir, { 'out/.keep': '' });
      symlinkIn(tmp.dir, 'out/report.md', path.join(outside, 'victim.txt'), 'file');
      const file = path.join(tmp.dir, 'out', 'report.md');
      await expect(writingOutput(file, tmp.dir, () => writeToFile(file, async (sink) => void sink('# report\n')))).rejects.toThrow(
        `Input 'output-dir': cannot write "out/report.md" (it is a symbolic link; the report is not written through links)`,
      );
      expect(readFileSync(path.join(outside, 'victim.txt'), 'utf8')).toBe('keep me\n');
    } finally {
      removeDir(outside);
    }
  });
});

describe('settings that leave the report empty', () => {
  async function noticesOf(inputs: Record<string, string>) {
    writeTree(tmp.dir, { 'bench/r.csv': 'model,tokens_s\na,1\na,2\n' });
    const report = await analyze(config(inputs), { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
    return { series: report.series.length, notices: report.notices ?? [] };
  }

  it('say so when nothing is left to read', async () => {
    expect(await noticesOf({ ignore: '**' })).toEqual({
      series: 0,
      notices: [{ input: 'path', level: 'warning', message: 'no file to read under . (patterns: "**/*.{csv,tsv,json,jsonl,ndjson,md,markdown,txt,log}", "**/*data.js"; ignore: "**")' }],
    });
  });

  it('say so when the metric rules leave out every metric', async () => {
    expect(await noticesOf({ metrics: '!*' })).toEqual({ series: 0, notices: [{ input: 'metrics', level: 'warning', message: 'leaves out every metric the files hold (such as "tokens_s")' }] });
  });

  it('stay quiet when files and series are found', async () => {
    expect(await noticesOf({})).toEqual({ series: 1, notices: [] });
  });
});

describe('names that are special to JavaScript', () => {
  // A plain assignment to `__proto__` sets a prototype instead of a property: the label vanished, and two series merged in view.
  it('keeps a "__proto__" column as a label, in the run and in report.json read back', async () => {
    writeTree(tmp.dir, { 'bench/r.csv': 'model,__proto__,tokens_s\nm,x,1\nm,x,2\nm,y,3\nm,y,4\n' });
    const report = await analyze(config({}), { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
    const labels = report.series.map((s) => JSON.stringify(s.labels));
    expect(labels).toEqual(['{"model":"m","__proto__":"x"}', '{"model":"m","__proto__":"y"}']);
    const read = readReportSeries(JSON.parse(renderJson(report)) as object);
    expect(read.map((s) => [JSON.stringify(s.labels), s.stats.mean])).toEqual([
      ['{"model":"m","__proto__":"x"}', 1.5],
      ['{"model":"m","__proto__":"y"}', 3.5],
    ]);
  });

  it('keeps a "__proto__" key of a JSON record', async () => {
    writeTree(tmp.dir, { 'bench/r.json': '[{"__proto__": "x", "model": "a", "tokens_s": 1}, {"__proto__": "y", "model": "a", "tokens_s": 2}]' });
    const report = await analyze(config({}), { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'test' } });
    expect(report.series.filter((s) => s.file === 'bench/r.json').map((s) => s.labels.__proto__)).toEqual(['x', 'y']);
  });
});

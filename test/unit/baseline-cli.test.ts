import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/baseline/snapshot.js';
import { main } from '../../src/cli-main.js';
import { readReportSeries } from '../../src/report/json.js';
import { throughputCsv } from '../helpers/baseline.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-cli-gate-');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  // No model: these tests are about the gate, and a local Ollama must not change them.
  // The Markdown report, whose sentences these tests check; the terminal digest has its own tests.
  const format = args.includes('--format') || args[0] === 'snapshot' ? [] : ['--format', 'md'];
  const code = await main([...args, ...format, '--no-llm'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: tmp.dir });
  return { code, stdout, stderr };
}

/** Seven runs around 100 tok/s with a CV of about 0.7%. */
const BASE = [100, 101, 99, 100.5, 99.5, 100, 100];
const scaled = (factor: number) => BASE.map((v) => Number((v * factor).toFixed(2)));

describe('chimera-insight analyze --baseline', () => {
  it('exits 1 and names the regression when throughput dropped 15% against a baseline directory', async () => {
    writeTree(tmp.dir, { 'previous/runs.csv': throughputCsv({ llama3: BASE }), 'bench/runs.csv': throughputCsv({ llama3: scaled(0.85) }) });
    const { code, stderr, stdout } = await cli(['analyze', 'bench', '--baseline', 'previous']);
    expect(code).toBe(1);
    expect(stderr).toBe('1 gated metric regressed: tokens_s (model=llama3) −15.0% (threshold 5%, p<0.001)\n');
    expect(stdout).toContain('benchmark directory previous');
  });

  it('without --baseline compares the newest timestamped run with the one before, as the action does', async () => {
    writeTree(tmp.dir, {
      'bench/runs/20251009-093015/t.csv': throughputCsv({ llama3: BASE }),
      'bench/runs/20251016-101122/t.csv': throughputCsv({ llama3: scaled(0.85) }),
    });
    const { code, stderr, stdout } = await cli(['analyze', 'bench']);
    expect(code).toBe(1);
    expect(stderr).toBe('1 gated metric regressed: tokens_s (model=llama3) −15.0% (threshold 5%, p<0.001)\n');
    expect(stdout).toContain('regressed against run 20251009-093015 of bench/runs/&lt;ts&gt;/t.csv');
  });

  it('compares a timestamped run the branch added with the newest run of the baseline', async () => {
    writeTree(tmp.dir, {
      'previous/runs/20251009-093015/t.csv': throughputCsv({ llama3: BASE }),
      'bench/runs/20251009-093015/t.csv': throughputCsv({ llama3: BASE }),
      'bench/runs/20251016-101122/t.csv': throughputCsv({ llama3: scaled(0.85) }),
    });
    const { code, stderr, stdout } = await cli(['analyze', 'bench', '--baseline', 'previous']);
    expect(code).toBe(1);
    expect(stderr).toBe('1 gated metric regressed: tokens_s (model=llama3) −15.0% (threshold 5%, p<0.001)\n');
    expect(stdout).toContain("Each timestamped benchmark's newest run is compared with the baseline's newest; older runs (1 series) are not.");
  });

  it('exits 0 when throughput dropped 1%', async () => {
    writeTree(tmp.dir, { 'previous/runs.csv': throughputCsv({ llama3: BASE }), 'bench/runs.csv': throughputCsv({ llama3: scaled(0.99) }) });
    const { code, stderr } = await cli(['analyze', 'bench', '--baseline', 'previous']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('reports the regression but exits 0 with --fail-on-regression false', async () => {
    writeTree(tmp.dir, { 'previous/runs.csv': throughputCsv({ llama3: BASE }), 'bench/runs.csv': throughputCsv({ llama3: scaled(0.85) }) });
    const { code, stderr } = await cli(['analyze', 'bench', '--baseline', 'previous', '--fail-on-regression', 'false']);
    expect(code).toBe(0);
    expect(stderr).toContain('1 gated metric regressed: tokens_s (model=llama3) −15.0%');
  });

  it('leaves a baseline directory inside the analysed one out of the head', async () => {
    writeTree(tmp.dir, { 'previous/runs.csv': throughputCsv({ llama3: BASE }), 'runs.csv': throughputCsv({ llama3: scaled(0.99) }) });
    const { code, stdout } = await cli(['analyze', '.', '--baseline', 'previous', '--format', 'json']);
    const report = JSON.parse(stdout) as { metrics: unknown; series: unknown; comparison: { verdict: string; series: { series: number; verdict: string }[] } };
    const series = readReportSeries(report);
    expect(code).toBe(0);
    expect(series.map((s) => s.file)).toEqual(['runs.csv']);
    expect(report.comparison.series.map((c) => [series[c.series]?.id, c.verdict])).toEqual([['runs.csv::tokens_s{model=llama3}', 'unchanged']]);
  });

  it('compares the newest timestamped run with the one before with --baseline history', async () => {
    writeTree(tmp.dir, {
      'runs/20251002-151204/throughput.csv': throughputCsv({ llama3: BASE }),
      'runs/20251009-093015/throughput.csv': throughputCsv({ llama3: scaled(1.01) }),
      'runs/20251016-101122/throughput.csv': throughputCsv({ llama3: scaled(0.85) }),
    });
    const { code, stderr } = await cli(['analyze', '.', '--baseline', 'history']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^1 gated metric regressed: tokens_s \(model=llama3\) −15\.8% /);
  });

  it('names a regressed metric on one stderr line, whatever its labels hold (a workflow runs the CLI too)', async () => {
    const csv = (values: number[]) => `model,run,tokens_s\n${values.map((v, i) => `"llama3\n::error::injected",${i + 1},${v}`).join('\n')}\n`;
    writeTree(tmp.dir, { 'previous/runs.csv': csv(BASE), 'bench/runs.csv': csv(scaled(0.85)) });
    const { code, stderr } = await cli(['analyze', 'bench', '--baseline', 'previous']);
    expect(code).toBe(1);
    expect(stderr).toContain('injected');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 2 naming a baseline that does not exist', async () => {
    writeTree(tmp.dir, { 'bench/runs.csv': throughputCsv({ llama3: BASE }) });
    const { code, stderr } = await cli(['analyze', 'bench', '--baseline', 'nowhere/snapshot.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('Baseline nowhere/snapshot.json: no such file or directory\n');
  });

  it('names the option of a bad gate setting', async () => {
    writeTree(tmp.dir, { 'bench/runs.csv': throughputCsv({ llama3: BASE }) });
    const { code, stderr } = await cli(['analyze', 'bench', '--threshold', 'lots']);
    expect(code).toBe(2);
    expect(stderr).toBe('--threshold: "lots" is not a percentage (examples: 5%, 2.5%, 20)\n');
  });
});

describe('chimera-insight snapshot', () => {
  it('writes a snapshot that a later run compares with', async () => {
    writeTree(tmp.dir, { 'bench/runs.csv': throughputCsv({ llama3: BASE }) });
    const saved = await cli(['snapshot', 'bench', '--out', 'snapshot.json']);
    expect(saved).toEqual({ code: 0, stdout: '', stderr: 'Snapshot of 1 series written to snapshot.json\n' });
    const text = readFileSync(path.join(tmp.dir, 'snapshot.json'), 'utf8');
    expect((JSON.parse(text) as { schemaVersion: number }).schemaVersion).toBe(3);
    // The gate compares means: the baseline keeps n, mean and sd, not the samples.
    expect(parseSnapshot(text, 'snapshot.json').series.map((s) => [s.id, s.stats.n, s.samples])).toEqual([['bench/runs.csv::tokens_s{model=llama3}', BASE.length, []]]);

    writeTree(tmp.dir, { 'bench/runs.csv': throughputCsv({ llama3: scaled(0.85) }) });
    const { code, stdout } = await cli(['analyze', 'bench', '--baseline', 'snapshot.json']);
    expect(code).toBe(1);
    expect(stdout).toContain('snapshot snapshot.json');
  });

  it('prints the snapshot on stdout without --out', async () => {
    writeTree(tmp.dir, { 'bench/runs.csv': throughputCsv({ llama3: BASE }) });
    const { code, stdout } = await cli(['snapshot', 'bench']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { tool: string }).tool).toBe('chimera-insight');
  });
});

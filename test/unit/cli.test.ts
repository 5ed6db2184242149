import { readReportSeries } from '../../src/report/json.js';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { VERSION } from '../../src/version.js';
import { repoRoot } from '../helpers/run-action.js';

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'chimera-cli-'));
  mkdirSync(path.join(workspace, 'reports'));
  writeFileSync(path.join(workspace, 'reports', 'runs.csv'), 'model,tokens_s\ngemma3:1b,100\ngemma3:1b,110\ngemma3:4b,50\n');
});

describe('chimera-insight CLI', () => {
  it('prints the digest for a terminal by default: verdict, key findings, narrative status and where the rest is', async () => {
    const { code, stdout } = await cli(['analyze', 'reports', '--no-llm', '--baseline', 'none'], workspace);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Chimera Insight: benchmark report (no comparison asked)',
        'No baseline was asked for (baseline: none): nothing is compared and nothing can fail.',
        '',
        'Key findings',
        '  1. tokens_s by model: gemma3:1b leads at 105 ± 7.07 tok/s (n=2), 2.10× the lowest, gemma3:4b (50',
        '     tok/s); not tested against noise (a level has a single value).',
        '     (ranking · reports/runs.csv)',
        '',
        'Narrative skipped: llm: false, so no model was asked; every number below is computed from the files.',
        '',
        '2 series from 1 file in reports (0 documents, 0 skipped, 0 failed). Full report: --format md',
        '(Markdown) or --format json; --output-dir DIR writes report.md and report.json.',
        '',
      ].join('\n'),
    );
  });

  it('prints the full Markdown report with --format md, with paths relative to the working directory', async () => {
    const { code, stdout } = await cli(['analyze', 'reports', '--format', 'md'], workspace);
    expect(code).toBe(0);
    expect(stdout).toContain('| `tokens_s`<br><sub>reports/runs.csv</sub> | model=gemma3:1b | 2 | 105 ± 7.07 tok/s | 6.7% |');
  });

  it('prints the JSON report with --format json', async () => {
    const { code, stdout } = await cli(['analyze', 'reports', '--format', 'json'], workspace);
    const report = { series: readReportSeries(JSON.parse(stdout) as object) };
    expect(code).toBe(0);
    expect(report.series.map((s) => [s.metric, s.labels.model, s.stats.mean])).toEqual([
      ['tokens_s', 'gemma3:1b', 105],
      ['tokens_s', 'gemma3:4b', 50],
    ]);
  });

  it('writes the report to --out instead of stdout', async () => {
    const { code, stdout, stderr } = await cli(['analyze', 'reports', '--out', 'report.md', '--format', 'md'], workspace);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('Report written to report.md\n');
    expect(readFileSync(path.join(workspace, 'report.md'), 'utf8')).toContain('## ℹ️ Chimera Insight: no baseline to compare with');
  });

  it('adds the A/A calibration with --calibrate, without history: the within-run noise floor of each metric', async () => {
    mkdirSync(path.join(workspace, 'calibration'), { recursive: true });
    writeFileSync(path.join(workspace, 'calibration', 'steady.csv'), 'tokens_s\n100\n102\n98\n101\n99\n');
    const { code, stdout } = await cli(['analyze', 'calibration', '--calibrate', '--no-llm', '--baseline', 'none', '--format', 'md'], workspace);
    expect(code).toBe(0);
    expect(stdout).toContain('### Calibration (A/A)');
    // sd √2.5 over 5 samples: two such runs differ by sd 1% of 100; 2.33 of those, rounded up to 0.5%.
    expect(stdout).toContain('| `tokens_s` (gated) | – | 5 | 1.6% | +2.5% (+0.0% … +5.1%) | – | – | 1.0% (within-run) | 2.5% |');
  });

  it('states the MDE at the power --power asks for', async () => {
    const { stdout } = await cli(['analyze', 'reports', '--format', 'json', '--power', '90%', '--no-llm', '--baseline', 'none'], workspace);
    expect((JSON.parse(stdout) as { config: Record<string, string> }).config.power).toBe('0.9');
  });

  it('names the option in the message and exits 2 for a bad value', async () => {
    const { code, stderr } = await cli(['analyze', 'reports', '--max-file-size', 'fifty'], workspace);
    expect(code).toBe(2);
    expect(stderr).toBe('--max-file-size: "fifty" is not a size (examples: 50MB, 64MiB, 1000000)\n');
  });

  it('names the option, as the CLI spells it, for an input found wrong once the run started', async () => {
    writeFileSync(path.join(workspace, 'afile'), 'x\n');
    const { code, stderr } = await cli(['analyze', 'reports', '--no-llm', '--baseline', 'none', '--output-dir', 'afile/out'], workspace);
    expect(code).toBe(2);
    expect(stderr).toBe('--output-dir: "afile/out" is inside a file, not a folder (afile)\n');
  });

  it('exits 2 with the usage for an unknown command', async () => {
    const { code, stderr } = await cli(['analyse'], workspace);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: chimera-insight analyze [dir] [options]');
  });

  it('exits 2 when the directory does not exist', async () => {
    const { code, stderr } = await cli(['analyze', 'nope'], workspace);
    expect(code).toBe(2);
    expect(stderr).toBe(`${path.join(workspace, 'nope')} is not a directory\n`);
  });

  it('prints the version, which matches package.json', async () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await cli(['--version'], workspace);
    expect(code).toBe(0);
    expect(stdout).toBe(`${pkg.version}\n`);
    expect(VERSION).toBe(pkg.version);
  });
});

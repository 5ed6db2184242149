import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

// Issue 14, item 5: a typo in an input used to change nothing, without a word (and a mistyped gate kept the check green).

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  // The Markdown report, whose notices section these tests read.
  const code = await main([...args, '--no-llm', ...(args.includes('--format') ? [] : ['--format', 'md'])], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

const tmp = useTempDir('chimera-loud-');

/** Head runs 33% slower than the base: tokens_s 100 against 150. */
function regressionTree(): void {
  writeTree(tmp.dir, {
    'reports/runs.csv': 'model,tokens_s,ttft_ms\ngemma,100,40\ngemma,101,41\ngemma,99,39\n',
    'base/runs.csv': 'model,tokens_s,ttft_ms\ngemma,150,40\ngemma,151,41\ngemma,149,39\n',
  });
}

describe('gate', () => {
  it('fails with exit 2 when a mistyped glob gates nothing on a 33% regression, naming the input', async () => {
    regressionTree();
    const { code, stdout, stderr } = await cli(['analyze', 'reports', '--baseline', 'base', '--gate', 'tokens-s'], tmp.dir);
    expect(code).toBe(2);
    expect(stderr).toContain('warning: --gate: "tokens-s" matches no series (did you mean "tokens_s"?)\n');
    expect(stderr).toContain(
      'error: --gate: "tokens-s" gates no series that can regress, although 1 throughput series ("tokens_s") were found, ' +
        'so no regression could fail the check; fix the pattern, or set "gate: none" to gate nothing on purpose\n',
    );
    expect(stdout).toContain('### Configuration problems\n\n- **Error** · `gate`: "tokens-s" gates no series that can regress');
  });

  it('gates nothing, without an error, when the input says "none"', async () => {
    regressionTree();
    const { code, stderr } = await cli(['analyze', 'reports', '--baseline', 'base', '--gate', 'none'], tmp.dir);
    expect(code).toBe(0);
    expect(stderr).not.toContain('--gate');
  });

  it('still fails on the regression when the glob is right', async () => {
    regressionTree();
    const { code, stderr } = await cli(['analyze', 'reports', '--baseline', 'base', '--gate', 'tokens_s'], tmp.dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^1 gated metric regressed: tokens_s \(model=gemma\) −33\.3%/);
  });

  it('is no error where no throughput series exists to gate', async () => {
    writeTree(tmp.dir, { 'reports/runs.csv': 'model,ttft_ms\ngemma,40\ngemma,41\n' });
    const { code, stderr } = await cli(['analyze', 'reports', '--baseline', 'none', '--gate', 'tokens_s'], tmp.dir);
    expect(code).toBe(0);
    expect(stderr).toBe('warning: --gate: "tokens_s" matches no series\n');
  });

  it('warns about a thresholds pattern that matches no series', async () => {
    regressionTree();
    const { stderr } = await cli(['analyze', 'reports', '--baseline', 'none', '--thresholds', 'tokens-s: 3%'], tmp.dir);
    expect(stderr).toBe('warning: --thresholds: "tokens-s: 3%" matches no series (did you mean "tokens_s"?)\n');
  });
});

describe('patterns, metrics, directions, units and format', () => {
  it('warns about a pattern that finds no file, naming it', async () => {
    regressionTree();
    const { code, stdout, stderr } = await cli(['analyze', 'reports', '--baseline', 'none', '--patterns', '**/*.tsv'], tmp.dir);
    expect(code).toBe(0);
    expect(stderr).toBe('warning: --patterns: "**/*.tsv" finds no file under reports\n');
    expect(stdout).toContain('### Configuration warnings\n\n- `patterns`: "\\*\\*/\\*.tsv" finds no file under reports');
  });

  it('does not warn about a pattern that found files', async () => {
    regressionTree();
    const { stderr } = await cli(['analyze', 'reports', '--baseline', 'none', '--patterns', '**/*.tsv, **/*.csv'], tmp.dir);
    expect(stderr).toBe('warning: --patterns: "**/*.tsv" finds no file under reports\n');
  });

  it('warns about a metrics glob that matches no metric, suggesting the near one', async () => {
    regressionTree();
    const { code, stdout, stderr } = await cli(['analyze', 'reports', '--baseline', 'none', '--metrics', 'tokens-s', '--format', 'json'], tmp.dir);
    expect(code).toBe(0);
    expect(stderr).toBe('warning: --metrics: "tokens-s" matches no metric (did you mean "tokens_s"?)\n');
    const report = JSON.parse(stdout) as { series: unknown[]; notices: unknown[] };
    expect(report.series).toEqual([]);
    expect(report.notices).toEqual([{ input: 'metrics', message: '"tokens-s" matches no metric (did you mean "tokens_s"?)', level: 'warning' }]);
  });

  it('warns about an exclusion, a direction and a unit that match nothing', async () => {
    regressionTree();
    const args = ['analyze', 'reports', '--baseline', 'none', '--metrics', '*, !*_count', '--directions', 'tok_s: higher', '--units', 'latency: ms'];
    const { stderr } = await cli(args, tmp.dir);
    expect(stderr).toBe(
      'warning: --metrics: "!*_count" matches no metric\n' +
        'warning: --directions: "tok_s: higher" matches no metric\n' +
        'warning: --units: "latency: ms" matches no metric\n',
    );
  });

  it('warns about a format rule that matches no file', async () => {
    regressionTree();
    const { stderr } = await cli(['analyze', 'reports', '--baseline', 'none', '--input-format', 'results/*.json: hyperfine'], tmp.dir);
    expect(stderr).toBe('warning: --input-format: "results/*.json: hyperfine" matches no file\n');
  });

  it('warns about a factors rule that matches no file with results', async () => {
    writeTree(tmp.dir, { 'reports/eager/runs.csv': 'model,tokens_s\ngemma,100\n', 'reports/compiled/runs.csv': 'model,tokens_s\ngemma,120\n' });
    const { stderr } = await cli(['analyze', 'reports', '--baseline', 'none', '--factors', 'results/*/: runtime'], tmp.dir);
    expect(stderr).toBe('warning: --factors: "results/*/: runtime" matches no file with results\n');
  });

  it('is silent about a factors rule that names a level', async () => {
    writeTree(tmp.dir, { 'reports/eager/runs.csv': 'model,tokens_s\ngemma,100\n', 'reports/compiled/runs.csv': 'model,tokens_s\ngemma,120\n' });
    const { stdout, stderr } = await cli(['analyze', 'reports', '--baseline', 'none', '--factors', 'reports/*/: runtime', '--format', 'json'], tmp.dir);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).experiments.factors).toEqual([{ name: 'runtime', levels: ['compiled', 'eager'], where: 'reports/*/', source: 'input' }]);
  });

  it('is silent when every input matched something', async () => {
    regressionTree();
    const { stdout, stderr } = await cli(['analyze', 'reports', '--baseline', 'none', '--metrics', 'tokens_s', '--directions', 'tokens_s: higher'], tmp.dir);
    expect(stderr).toBe('');
    expect(stdout).not.toContain('### Configuration');
  });
});

describe('ollama-options', () => {
  it('refuses a misspelt key with exit 2 before any work', async () => {
    regressionTree();
    let stderr = '';
    const code = await main(['analyze', 'reports', '--ollama-options', 'num_gpus: 80'], { stdout: () => {}, stderr: (t) => (stderr += t), cwd: tmp.dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--ollama-options: line 1: unknown option "num_gpus" \(did you mean "num_gpu"\?\); valid options: embedding_only, f16_kv, /);
  });
});

describe('report.md', () => {
  it('holds the notices too', async () => {
    regressionTree();
    await cli(['analyze', 'reports', '--baseline', 'none', '--metrics', 'tokens-s', '--output-dir', 'out'], tmp.dir);
    expect(readFileSync(path.join(tmp.dir, 'out', 'report.md'), 'utf8')).toContain('- `metrics`: "tokens-s" matches no metric (did you mean "tokens\\_s"?)');
  });
});

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportSeries } from '../../src/report/json.js';
import { buildBundle, repoRoot, runAction, type ActionRun } from '../helpers/run-action.js';

/**
 * The action as GitHub runs it: src/ bundled by the project's build script,
 * started with node and the runner's environment, on a copy of examples/.
 * Expected numbers were computed independently (Python's statistics module,
 * numpy-style linear percentiles) from the example files.
 */
let bundle: string;
let workspace: string;
let run: ActionRun;

function pullRequestEvent() {
  return { pull_request: { number: 7, head: { sha: 'feedfacecafebeef0000000000000000deadbeef', ref: 'faster-kv-cache' }, base: { ref: 'main' } } };
}

const created: string[] = [];

function freshWorkspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chimera-ws-'));
  created.push(dir);
  cpSync(path.join(repoRoot, 'examples', 'benchmarks'), path.join(dir, 'examples', 'benchmarks'), { recursive: true });
  return dir;
}

/** A checkout as CI has it: the example files committed. */
function committedWorkspace(): string {
  const dir = freshWorkspace();
  const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=ci', '-c', 'user.email=ci@example.com', 'commit', '-qm', 'benchmarks');
  return dir;
}

afterAll(() => {
  for (const dir of created) if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  bundle = buildBundle();
  workspace = committedWorkspace();
  // No model here (test/e2e/llm.test.ts covers it): the report must not depend on an Ollama on this machine.
  run = runAction(path.join(bundle, 'index.js'), { workspace, inputs: { path: 'examples/benchmarks', llm: 'false' }, event: pullRequestEvent() });
});

/** A level as report.json (schema 4) writes it: [value, n, mean, sd]. */
type Level = [value: string, n: number, mean: number, sd: number | null];
interface ReportFinding {
  kind: string;
  metric: string;
  factor?: string;
  text: string;
  levels?: Level[];
  ratio?: number;
  test?: { significant: boolean | null };
  scope: { path: string };
  slices?: { setting: string; values: [level: string, mean: number, n: number][] }[];
  sweep?: { best: { labels: Record<string, string>; mean: number }; worst: { labels: Record<string, string>; mean: number }; effects: { factor: string; levels: Level[]; test: { significant: boolean | null } }[]; withinNoise: boolean };
}

/** Ground truth computed from the example files by independent code (test/helpers/truth.ts, checked in examples-truth.test.ts). */
const truth = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'examples-truth.json'), 'utf8'));

function reportJson(): { schemaVersion: number; metrics: unknown; series: unknown; findings: ReportFinding[]; inventory: { totals: { excludedRows: number } }; experiments: { replicateGroups: { pattern: string; runs: number }[]; factors: { name: string; levels: string[] }[] } } {
  return JSON.parse(readFileSync(run.outputs['report-json-path'] as string, 'utf8'));
}

function finding(kind: string, metric: string, scope: string, factor?: string): ReportFinding {
  const found = reportJson().findings.find((f) => f.kind === kind && f.metric === metric && f.scope.path.includes(scope) && (factor === undefined || f.factor === factor));
  if (!found) throw new Error(`no ${kind} finding for ${metric} in ${scope}${factor ? ` by ${factor}` : ''}`);
  return found;
}

function expectLevels(actual: Level[] | undefined, expected: { value: string; n: number; mean: number }[]): void {
  expect(actual?.map((l) => [l[0], l[1]])).toEqual(expected.map((l) => [l.value, l.n]));
  actual?.forEach((l, i) => expect(l[2]).toBeCloseTo(expected[i]?.mean as number, 9));
}

describe('the bundled action on examples/benchmarks', () => {
  it('exits 0 and writes the digest, then the details, to the job summary', () => {
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.summary.startsWith('<!-- chimera-insight:report -->\n## ✅ Chimera Insight: no regression')).toBe(true);
    expect(run.summary.indexOf('### Key findings')).toBeLessThan(run.summary.indexOf('\n## Details\n'));
  });

  it('accounts for every example file in the data line', () => {
    expect(run.summary).toContain('<sub>**Data:** 134 series from 42 files in `examples/benchmarks` (1 document, 0 skipped, 0 failed, 1 row excluded for errors) · 30 run folders or files pooled into 6 replicated benchmarks · factors from paths: runtime (3), gemma3 (3), batch (2)');
  });

  it('compares the newest timestamped run with the one before, ungated because the checkout did not produce it', () => {
    expect(run.summary).toContain('8 metrics compared, no gated metric in both runs. Only the newest runs are compared; 118 other series are not; the newest run (examples/benchmarks/runs/20251016-101122/throughput.csv) is committed and unchanged in this checkout, so it is shown, not gated.');
  });

  it('gates the timestamped history when this checkout adds the newest run', () => {
    const ws = committedWorkspace();
    const runs = path.join(ws, 'examples', 'benchmarks', 'runs');
    // The newest run again under a later timestamp, 15% slower: a run this checkout produced.
    const csv = readFileSync(path.join(runs, '20251016-101122', 'throughput.csv'), 'utf8').replace(/^(\w+,\d+,\d+,)([\d.]+)/gm, (_m, head: string, v: string) => `${head}${(Number(v) * 0.85).toFixed(2)}`);
    mkdirSync(path.join(runs, '20251023-090000'));
    writeFileSync(path.join(runs, '20251023-090000', 'throughput.csv'), csv);
    const result = runAction(path.join(bundle, 'index.js'), { workspace: ws, inputs: { path: 'examples/benchmarks', llm: 'false' }, event: pullRequestEvent() });
    expect(result.exitCode).toBe(1);
    expect(result.summary).toContain('## ❌ Chimera Insight: 4 gated metrics regressed');
    expect(result.summary).not.toContain('shown, not gated');
  });

  it('says the narrative is skipped and why', () => {
    expect(run.summary).toContain('> **Narrative skipped:** llm: false, so no model was asked; every number below is computed from the files.');
  });

  it('names the pull request head commit', () => {
    expect(run.summary).toContain('commit `feedfacecafe`');
  });

  it('pools run_1 … run_5 of each configuration into one series of five samples', () => {
    const groups = reportJson().experiments.replicateGroups;
    expect(groups).toHaveLength(6);
    expect(groups.map((g) => [g.pattern, g.runs])).toContainEqual(['examples/benchmarks/experiments/runtime-graphs/batch-8/run_{1..5}/summary.json', 5]);
  });

  it('ranks the runtimes of the folder experiment, graphs first in every batch setting', () => {
    const runtime = finding('ranking', 'tokens_per_second', 'experiments/', 'runtime');
    expectLevels(runtime.levels, truth.experiment.metrics.tokens_per_second.runtimePooled.levels);
    expect(runtime.ratio).toBeCloseTo(truth.experiment.metrics.tokens_per_second.runtimePooled.bestOverWorst, 9);
    expect(runtime.test?.significant).toBe(true);
    expect(runtime.slices?.map((s) => [s.setting, s.values[0]?.[0]])).toEqual([
      ['batch=1', 'graphs'],
      ['batch=8', 'graphs'],
    ]);
    expect(runtime.text).toContain('tokens_per_second by runtime over batch: graphs is best in 2 of 2 batch settings, 1.58–1.59× the lowest there');
  });

  it('summarises the parameter sweep: best and worst configuration, and temperature within the noise', () => {
    const sweep = finding('sweep', 'tokens_s', 'sweeps/ollama_param_sweep.csv');
    const t = truth.sweep.metrics.tokens_s;
    expect(sweep.sweep?.best.labels).toEqual(t.best.config);
    expect(sweep.sweep?.best.mean).toBe(t.best.value);
    expect(sweep.sweep?.worst.labels).toEqual(t.worst.config);
    expect(sweep.sweep?.worst.mean).toBe(t.worst.value);
    const effect = (factor: string) => sweep.sweep?.effects.find((e) => e.factor === factor);
    // The test is on the log scale: each level is the geometric mean of its configurations.
    for (const factor of ['num_gpu', 'num_ctx', 'temperature']) expectLevels(effect(factor)?.levels, t.factors[factor].levels.map((l: { value: string; n: number; geometricMean: number }) => ({ ...l, mean: l.geometricMean })));
    expect([effect('num_gpu')?.test.significant, effect('num_ctx')?.test.significant, effect('temperature')?.test.significant]).toEqual([true, true, false]);
    expect(sweep.text).toContain('temperature: spread 0.2%, within the noise (p=0.84)');
  });

  it('counts the prompts of the per-prompt CSV as samples of each tag, not as labels', () => {
    const tag = finding('ranking', 'tokens_s', 'quantization/per_prompt_by_tag.csv', 'tag');
    expectLevels(tag.levels, truth.quantization.metrics.tokens_s.levels);
    expect(tag.ratio).toBeCloseTo(72.47 / 38.604, 9);
  });

  it('compares sibling files that differ only in the model size in their names', () => {
    const sizes = finding('ranking', 'tokens_s', 'models/', 'gemma3');
    expectLevels(sizes.levels, truth.models.metrics.tokens_s.levels);
    expect(sizes.ratio).toBeCloseTo(truth.models.metrics.tokens_s.bestOverWorst, 9);
  });

  it('keeps the digest short: the comment-sized part of the summary is under 20,000 characters', () => {
    const digest = run.summary.slice(0, run.summary.indexOf('\n---\n\n## Details'));
    expect(digest.length).toBeGreaterThan(2_000);
    expect(digest.length).toBeLessThan(20_000);
  });

  it('keeps the per-file tables in the details, grouped by model with the errored row left out', () => {
    expect(run.summary).toContain('| `tokens_s` ↑ | model=gemma3:1b | 9 | 141.90 ± 1.96 tok/s | 1.4% | 141.54 · 144.37 · 144.64 | 139.43 … 144.71 |');
    expect(run.summary).toContain('| `tokens_s` ↑ | model=gemma3:4b | 8 | 71.32 ± 0.774 tok/s | 1.1% | 71.50 · 72.24 · 72.28 | 70.24 … 72.29 |');
    expect(run.summary).toContain('1 row excluded (error or status column)');
  });

  it('flags the cold first run as an outlier and keeps it in the TTFT statistics', () => {
    expect(run.summary).toContain('| `ttft_s` ↓<br><sub>1 outlier: #\u200b1 = 1.11 (first run: warm-up?); kept in the statistics</sub> | model=gemma3:1b | 9 | 0.305 ± 0.300 s | 98.3% | 0.203 · 0.751 · 1.03 | 0.199 … 1.11 |');
  });

  it('reads mean/std/min/max siblings in the serving summary as one metric each', () => {
    expect(run.summary).toContain('| `backends.compiled.throughput.output_tokens_per_second` ↑<br><sub>summary stated in file</sub> | benchmark=chat-serving, model=gemma3:4b, gpu=RTX 4090, num\\_prompts=200 | 200 | 81.40 ± 2.60 tok/s | 3.2% | – · – · – | 75 … 86.10 |');
  });

  it('reads the Markdown results table with the units its cells and headers state', () => {
    expect(run.summary).toContain('| `tokens/s` ↑<br><sub>single value</sub> | model=gemma3:4b, quant=Q4\\_K\\_M | 1 | 71.50 tok/s | – | – | – |');
    expect(run.summary).toContain('| `VRAM (GB)` ↓<br><sub>single value</sub> | model=gemma3:4b, quant=F16 | 1 | 8.60 GB | – | – | – |');
  });

  it('sets the outputs and writes report.md and report.json under RUNNER_TEMP', () => {
    expect(run.outputs['files-analyzed']).toBe('43');
    expect(run.outputs['series-count']).toBe('134');
    const reportPath = run.outputs['report-path'] as string;
    expect(path.basename(reportPath)).toBe('report.md');
    expect(readFileSync(reportPath, 'utf8')).toBe(run.summary);
    const report = reportJson();
    expect(report.schemaVersion).toBe(4);
    expect(readReportSeries(report)).toHaveLength(134);
    expect(report.inventory.totals.excludedRows).toBe(1);
  });
});

describe('the bundled action on bad input', () => {
  it('fails with a message that names the input', () => {
    const bad = runAction(path.join(bundle, 'index.js'), { workspace, inputs: { path: 'examples/benchmarks', 'max-file-size': 'fifty' } });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain(`::error::Input 'max-file-size': "fifty" is not a size (examples: 50MB, 64MiB, 1000000)`);
  });

  it('fails with a message naming a path that does not exist, not a stack trace', () => {
    const bad = runAction(path.join(bundle, 'index.js'), { workspace, inputs: { path: 'examples/benchmark' } });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain(`::error::Input 'path': "examples/benchmark" does not exist in the workspace`);
    expect(bad.stdout).not.toContain('failed unexpectedly');
  });

  it('writes no report through a symbolic link a pull request planted in output-dir, and says why', () => {
    const ws = freshWorkspace();
    const outside = mkdtempSync(path.join(os.tmpdir(), 'chimera-outside-'));
    created.push(outside);
    writeFileSync(path.join(outside, 'victim.txt'), 'keep me\n');
    mkdirSync(path.join(ws, 'out'));
    symlinkSync(path.join(outside, 'victim.txt'), path.join(ws, 'out', 'report.md'));
    const bad = runAction(path.join(bundle, 'index.js'), { workspace: ws, inputs: { path: 'examples/benchmarks', llm: 'false', 'output-dir': 'out' } });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain(`::error::Input 'output-dir': cannot write "out/report.md" (it is a symbolic link; the report is not written through links)`);
    expect(readFileSync(path.join(outside, 'victim.txt'), 'utf8')).toBe('keep me\n');
  });

  it('reports a malformed file with file and line, warns with an annotation, and still analyses the rest', () => {
    const ws = freshWorkspace();
    writeFileSync(path.join(ws, 'examples', 'benchmarks', 'ollama', 'broken.json'), '{\n  "tokens_s": NaN\n}\n');
    writeFileSync(path.join(ws, 'examples', 'benchmarks', 'ollama', 'ragged.csv'), 'model,tokens_s\ngemma3:1b,100\ngemma3:1b\ngemma3:1b,104\n');
    const result = runAction(path.join(bundle, 'index.js'), { workspace: ws, inputs: { path: 'examples/benchmarks' } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('::warning title=Chimera Insight%3A unreadable benchmark file,file=examples/benchmarks/ollama/broken.json,line=2::');
    expect(result.summary).toContain('- `examples/benchmarks/ollama/broken.json`: **failed**: invalid JSON at line 2, column 15: NaN is not valid JSON');
    expect(result.summary).toContain('- `examples/benchmarks/ollama/ragged.csv` line 3: 1 field where the header has 2; row skipped');
    expect(result.stdout).toContain('parsed   examples/benchmarks/ollama/ragged.csv (csv, 1 series, 1 problem)\n           line 3: 1 field where the header has 2; row skipped');
    expect(result.summary).toContain('| `tokens_s` ↑ | model=gemma3:1b | 2 | 102 ± 2.83 tok/s | 2.8% | 102 · 103.80 · 103.96 | 100 … 104 |');
    expect(result.outputs['series-count']).toBe('135');
  });
});

describe('the bundled CLI', () => {
  it('prints the JSON report of examples/benchmarks with the same numbers', () => {
    const cli = spawnSync(process.execPath, [path.join(bundle, 'cli', 'index.js'), 'analyze', 'examples/benchmarks', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
    expect(cli.status).toBe(0);
    const report = { series: readReportSeries(JSON.parse(cli.stdout) as object) };
    const tokens = report.series.find((s) => s.metric === 'tokens_s' && s.labels.model === 'gemma3:4b' && s.file.endsWith('per_prompt_runs.csv'));
    expect(tokens?.stats.n).toBe(8);
    expect(tokens?.stats.mean).toBeCloseTo(71.32375, 10);
  });

  it('matches the committed dist/ byte for byte (otherwise run npm run build)', () => {
    for (const file of ['index.js', 'cli/index.js', 'package.json']) {
      const committed = path.join(repoRoot, 'dist', file);
      expect(existsSync(committed), `dist/${file} is missing`).toBe(true);
      expect(readFileSync(path.join(bundle, file), 'utf8') === readFileSync(committed, 'utf8'), `dist/${file} is stale`).toBe(true);
    }
  });
});

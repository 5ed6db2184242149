import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

afterAll(() => {
  for (const dir of created) if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  bundle = buildBundle();
  workspace = freshWorkspace();
  // No model here (test/e2e/llm.test.ts covers it): the report must not depend on an Ollama on this machine.
  run = runAction(path.join(bundle, 'index.js'), { workspace, inputs: { path: 'examples/benchmarks', llm: 'false' }, event: pullRequestEvent() });
});

describe('the bundled action on examples/benchmarks', () => {
  it('exits 0 and writes the report to the job summary', () => {
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.summary.startsWith('<!-- chimera-insight:report -->\n# Chimera Insight benchmark report')).toBe(true);
  });

  it('accounts for every example file in the headline', () => {
    expect(run.summary).toContain('**43 files** found in `examples/benchmarks` · 42 with metrics · 1 document · 0 skipped · 0 failed · **206 series** · 1 row excluded for errors');
  });

  it('says the narrative is skipped and why', () => {
    expect(run.summary).toContain('> **Narrative skipped:** llm: false, so no model was asked; every number below is computed from the files.');
  });

  it('names the pull request head commit', () => {
    expect(run.summary).toContain('commit `feedfacecafe` on `faster-kv-cache`');
  });

  it('groups the per-prompt runs by model and leaves the errored row out', () => {
    expect(run.summary).toContain('| `tokens_s` | model=gemma3:1b | 9 | 141.90 | 1.96 | 1.4% | 139.43 | 141.54 | 144.37 | 144.64 | 144.71 | tok/s | ↑ higher |  |');
    expect(run.summary).toContain('| `tokens_s` | model=gemma3:4b | 8 | 71.32 | 0.774 | 1.1% | 70.24 | 71.50 | 72.24 | 72.28 | 72.29 | tok/s | ↑ higher |  |');
    expect(run.summary).toContain('1 row excluded (error column)');
  });

  it('flags the cold first run as an outlier and keeps it in the TTFT statistics', () => {
    expect(run.summary).toContain('| `ttft_s` | model=gemma3:1b | 9 | 0.305 | 0.300 | 98.3% | 0.199 | 0.203 | 0.751 | 1.03 | 1.11 | s | ↓ lower | 1 outlier: #\u200b1 = 1.11 (first run: warm-up?); kept in the statistics |');
  });

  it('reads mean/std/min/max siblings in the serving summary as one metric each', () => {
    expect(run.summary).toContain('| `backends.compiled.throughput.output_tokens_per_second` | benchmark=chat-serving, model=gemma3:4b, gpu=RTX 4090, num\\_prompts=200 | 200 | 81.40 | 2.60 | 3.2% | 75 | – | – | – | 86.10 | tok/s | ↑ higher | summary stated in file |');
    expect(run.summary).toContain('| `backends.eager.latency.ttft_ms` | benchmark=chat-serving, model=gemma3:4b, gpu=RTX 4090, num\\_prompts=200 | 200 | 412.60 | 38.20 | 9.3% | 351 | – | 489.90 | – | 540.30 | ms | ↓ lower | summary stated in file |');
  });

  it('reads the Markdown results table with the units its cells and headers state', () => {
    expect(run.summary).toContain('| `tokens/s` | model=gemma3:4b, quant=Q4\\_K\\_M | 1 | 71.50 | – | – | – | – | – | – | – | tok/s | ↑ higher | single value |');
    expect(run.summary).toContain('| `VRAM (GB)` | model=gemma3:4b, quant=F16 | 1 | 8.60 | – | – | – | – | – | – | – | GB | ↓ lower | single value |');
  });

  it('sets the outputs and writes report.md and report.json under RUNNER_TEMP', () => {
    expect(run.outputs['files-analyzed']).toBe('43');
    expect(run.outputs['series-count']).toBe('206');
    const reportPath = run.outputs['report-path'] as string;
    const jsonPath = run.outputs['report-json-path'] as string;
    expect(path.basename(reportPath)).toBe('report.md');
    expect(readFileSync(reportPath, 'utf8')).toBe(run.summary);
    const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as { schemaVersion: number; series: unknown[]; inventory: { totals: { excludedRows: number } } };
    expect(report.schemaVersion).toBe(1);
    expect(report.series).toHaveLength(206);
    expect(report.inventory.totals.excludedRows).toBe(1);
  });
});

describe('the bundled action on bad input', () => {
  it('fails with a message that names the input', () => {
    const bad = runAction(path.join(bundle, 'index.js'), { workspace, inputs: { path: 'examples/benchmarks', 'max-file-size': 'fifty' } });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain(`::error::Input 'max-file-size': "fifty" is not a size (examples: 50MB, 64MiB, 1000000)`);
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
    expect(result.summary).toContain('| `tokens_s` | model=gemma3:1b | 2 | 102 | 2.83 | 2.8% | 100 | 102 | 103.80 | 103.96 | 104 | tok/s | ↑ higher |  |');
    expect(result.outputs['series-count']).toBe('207');
  });
});

describe('the bundled CLI', () => {
  it('prints the JSON report of examples/benchmarks with the same numbers', () => {
    const cli = spawnSync(process.execPath, [path.join(bundle, 'cli', 'index.js'), 'analyze', 'examples/benchmarks', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
    expect(cli.status).toBe(0);
    const report = JSON.parse(cli.stdout) as { series: { metric: string; file: string; labels: Record<string, string>; stats: { n: number; mean: number } }[] };
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

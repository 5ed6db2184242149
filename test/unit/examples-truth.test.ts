import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-action.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';
import { computeExamplesTruth, readCsv, type ExamplesTruth } from '../helpers/truth.js';

/**
 * test/fixtures/examples-truth.json is what the experiments stage's tests
 * assert on examples/benchmarks (issue 10). It is recomputed here from the
 * example files, so it cannot drift from them, and the structures' intended
 * effects are checked on the data as committed.
 */
const committed = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'examples-truth.json'), 'utf8')) as ExamplesTruth;
const truth = computeExamplesTruth(repoRoot);

describe('the examples ground truth', () => {
  it('equals a recomputation from the committed example files', () => {
    expect(truth).toEqual(committed);
  });

  it('has the folder experiment as 3 runtimes × 2 batch configs × run_1..run_5, one summary.json each', () => {
    expect(truth.experiment.files).toBe(30);
    expect(truth.experiment.factors.runtime.map((l) => l.value)).toEqual(['compiled', 'eager', 'graphs']);
    expect(truth.experiment.factors.batch.map((l) => l.value)).toEqual(['1', '8']);
    expect(truth.experiment.replicates).toEqual(['run_1', 'run_2', 'run_3', 'run_4', 'run_5']);
    expect(truth.experiment.metrics.tokens_per_second?.cells.map((c) => c.n)).toEqual([5, 5, 5, 5, 5, 5]);
    expect(truth.experiment.constantFields).toEqual({ model: 'gemma3:4b' });
  });

  it('ranks graphs fastest and eager slowest at both batch sizes, about 1.6× apart', () => {
    const tps = truth.experiment.metrics.tokens_per_second;
    for (const batch of ['batch-1', 'batch-8']) {
      const ranking = tps?.runtimeWithinBatch[batch];
      expect(ranking?.levels.map((l) => l.value)).toEqual(['graphs', 'compiled', 'eager']);
      expect(ranking?.bestOverWorst).toBeGreaterThan(1.55);
      expect(ranking?.bestOverWorst).toBeLessThan(1.65);
    }
  });

  it('gives batch-8 several times the throughput and more memory than batch-1 for every runtime', () => {
    for (const runtime of ['runtime-eager', 'runtime-compiled', 'runtime-graphs']) {
      expect(truth.experiment.metrics.tokens_per_second?.batchWithinRuntime[runtime]?.best).toBe('8');
      expect(truth.experiment.metrics.tokens_per_second?.batchWithinRuntime[runtime]?.bestOverWorst).toBeGreaterThan(5);
      expect(truth.experiment.metrics.peak_memory_mb?.batchWithinRuntime[runtime]?.best).toBe('1');
    }
  });

  it('keeps every experiment cell within believable noise (CV 0.5–5%)', () => {
    for (const metric of Object.values(truth.experiment.metrics)) {
      for (const cell of metric.cells) {
        const cv = (cell.sd as number) / cell.mean;
        expect(cv).toBeGreaterThan(0.005);
        expect(cv).toBeLessThan(0.05);
      }
    }
  });

  it('has the sweep as 18 configurations where num_ctx and num_gpu move tokens/s and temperature moves it by under 1%', () => {
    const tps = truth.sweep.metrics.tokens_s;
    expect(truth.sweep.rows).toBe(18);
    expect(tps?.best.config).toEqual({ num_gpu: '2', num_ctx: '2048', temperature: '1.0' });
    expect(tps?.worst.config).toEqual({ num_gpu: '1', num_ctx: '8192', temperature: '1.0' });
    expect(tps?.factors.num_ctx?.levels.map((l) => l.n)).toEqual([6, 6, 6]);
    expect(tps?.factors.num_ctx?.best).toBe('2048');
    expect(tps?.factors.num_ctx?.rangePct).toBeGreaterThan(20);
    expect(tps?.factors.num_gpu?.best).toBe('2');
    expect(tps?.factors.temperature?.rangePct).toBeLessThan(1);
    expect(truth.sweep.metrics.ttft_ms?.factors.num_ctx?.levels.map((l) => l.value)).toEqual(['2048', '4096', '8192']);
    expect(truth.sweep.metrics.ttft_ms?.factors.num_ctx?.worst).toBe('8192');
  });

  it('repeats the same 5 prompts for 3 quantization tags, with the prompt text in a column no name list knows', () => {
    expect(truth.quantization.rows).toBe(15);
    expect(truth.quantization.rowsPerTag).toBe(5);
    expect(truth.quantization.prompts).toHaveLength(5);
    for (const prompt of truth.quantization.prompts) {
      expect(prompt.length).toBeGreaterThanOrEqual(40);
      expect(prompt.length).toBeLessThanOrEqual(120);
    }
    const raw = readFileSync(path.join(repoRoot, truth.quantization.file), 'utf8');
    expect(raw).toContain(',"Explain how a KV cache speeds up autoregressive decoding, and when it stops helping.",');
    expect(truth.quantization.metrics.tokens_s?.levels.map((l) => [l.value, l.n])).toEqual([['q4_K_M', 5], ['q8_0', 5], ['f16', 5]]);
  });

  it('has three sibling files of the same columns whose speed follows the model size', () => {
    expect(truth.models.files).toEqual(['examples/benchmarks/models/gemma3_1b_baseline.csv', 'examples/benchmarks/models/gemma3_4b_baseline.csv', 'examples/benchmarks/models/gemma3_270m_baseline.csv']);
    expect(truth.models.columns).toEqual(['prompt_id', 'tokens_s', 'ttft_ms', 'eval_count']);
    expect(truth.models.metrics.tokens_s?.levels.map((l) => l.value)).toEqual(['270m', '1b', '4b']);
    expect(truth.models.metrics.ttft_ms?.levels.map((l) => l.value)).toEqual(['270m', '1b', '4b']);
  });

  it('reads quoted commas, doubled quotes and CRLF line ends the way RFC 4180 writes them', () => {
    const dir = makeTempDir();
    try {
      const file = path.join(dir, 'quoted.csv');
      writeFileSync(file, 'tag,prompt,tokens_s\r\nq8_0,"Say ""hi"", then stop.",55.1\r\nf16,plain,38.9');
      expect(readCsv(file)).toEqual({
        header: ['tag', 'prompt', 'tokens_s'],
        rows: [
          { tag: 'q8_0', prompt: 'Say "hi", then stop.', tokens_s: '55.1' },
          { tag: 'f16', prompt: 'plain', tokens_s: '38.9' },
        ],
      });
    } finally {
      removeDir(dir);
    }
  });
});

/**
 * Writes the issue-10 example fixtures under examples/benchmarks/ and their
 * ground truth, test/fixtures/examples-truth.json. Run once, then commit the
 * output; rerunning writes the same bytes (seeded):
 *
 *   node scripts/bench.mjs examples-data
 *
 * The numbers are our own: a model of an LLM benchmark (gemma3 through
 * Ollama on one GPU) with clear true effects and measurement-like noise.
 * The truth is computed from the files as written (test/helpers/truth.ts
 * reads them back), never from the model below, so rounding is accounted for.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeExamplesTruth } from '../test/helpers/truth.js';
import { noisy, rng } from './rng.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const examples = path.join(root, 'examples', 'benchmarks');

async function write(rel: string, text: string): Promise<void> {
  const file = path.join(examples, rel);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, text);
}

const fixed = (x: number, digits: number): string => x.toFixed(digits);

/** a. Folder experiment: runtime × batch config × run_1..run_5, one flat summary.json per run. */
async function experiments(): Promise<void> {
  const r = rng(1001);
  const runtimes = [
    { folder: 'runtime-eager', tps: 1, ttft: 1, mem: 1 },
    { folder: 'runtime-compiled', tps: 1.24, ttft: 0.88, mem: 1.015 },
    { folder: 'runtime-graphs', tps: 1.61, ttft: 0.76, mem: 1.04 },
  ];
  const batches = [
    { folder: 'batch-1', tps: 58.4, ttft: 318, mem: 4210 },
    { folder: 'batch-8', tps: 58.4 * 5.7, ttft: 318 * 1.45, mem: 6020 },
  ];
  for (const rt of runtimes) {
    for (const b of batches) {
      for (let run = 1; run <= 5; run++) {
        const summary = {
          model: 'gemma3:4b',
          tokens_per_second: Number(fixed(noisy(r, b.tps * rt.tps, 0.022), 2)),
          ttft_ms: Number(fixed(noisy(r, b.ttft * rt.ttft, 0.03), 1)),
          peak_memory_mb: Math.round(noisy(r, b.mem * rt.mem, 0.012)),
        };
        await write(`experiments/${rt.folder}/${b.folder}/run_${run}/summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
      }
    }
  }
}

/** b. Full-factorial Ollama parameter sweep, one row per configuration: num_ctx and num_gpu matter, temperature does not. */
async function sweep(): Promise<void> {
  const r = rng(2002);
  let text = 'num_gpu,num_ctx,temperature,tokens_s,ttft_ms\n';
  for (const gpu of [1, 2]) {
    for (const ctx of [2048, 4096, 8192]) {
      for (const temperature of ['0.2', '0.7', '1.0']) {
        const doublings = Math.log2(ctx / 2048);
        const tps = 41.2 * (gpu === 2 ? 1.34 : 1) * 0.9 ** doublings;
        const ttft = 236 * (ctx / 2048) ** 0.85 * (gpu === 2 ? 0.82 : 1);
        text += `${gpu},${ctx},${temperature},${fixed(noisy(r, tps, 0.006), 2)},${fixed(noisy(r, ttft, 0.012), 1)}\n`;
      }
    }
  }
  await write('sweeps/ollama_param_sweep.csv', text);
}

const QUANT_PROMPTS = [
  { text: 'Summarise the following incident report in three bullet points for the on-call engineer.', tokens: 212, promptMs: 1 },
  { text: 'Explain how a KV cache speeds up autoregressive decoding, and when it stops helping.', tokens: 286, promptMs: 0.96 },
  { text: 'Write a SQL query that returns the ten customers with the highest order value last quarter.', tokens: 154, promptMs: 1.02 },
  { text: 'Translate this paragraph about GPU memory bandwidth into plain French for a general audience.', tokens: 241, promptMs: 1.03 },
  { text: 'Review this diff for race conditions in the worker pool shutdown path.', tokens: 331, promptMs: 0.93 },
];

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** c. The same five prompts run for three quantization tags: the prompt text is the workload, not a label. */
async function quantization(): Promise<void> {
  const r = rng(3003);
  const tags = [
    { tag: 'q4_K_M', tps: 71.8, ttft: 381 },
    { tag: 'q8_0', tps: 55.4, ttft: 407 },
    { tag: 'f16', tps: 38.9, ttft: 462 },
  ];
  let text = 'tag,prompt_text,tokens_s,ttft_ms,eval_count\n';
  for (const t of tags) {
    for (const p of QUANT_PROMPTS) {
      // Longer answers decode a little slower (the KV cache grows), so prompts differ by a few percent.
      const lengthEffect = 1 - (p.tokens - 240) * 0.0003;
      const tps = noisy(r, t.tps * lengthEffect, 0.012);
      const ttft = noisy(r, t.ttft * p.promptMs, 0.015);
      const count = Math.round(noisy(r, p.tokens, 0.03));
      text += `${t.tag},${csvField(p.text)},${fixed(tps, 2)},${fixed(ttft, 1)},${count}\n`;
    }
  }
  await write('quantization/per_prompt_by_tag.csv', text);
}

/** d. Three sibling files that differ only by the model size in their name. */
async function models(): Promise<void> {
  const r = rng(4004);
  const prompts = [
    { id: 'summarise-log', tokens: 318 },
    { id: 'explain-kv-cache', tokens: 262 },
    { id: 'write-sql', tokens: 171 },
    { id: 'translate-fr', tokens: 236 },
    { id: 'review-diff', tokens: 352 },
    { id: 'plan-trip', tokens: 289 },
  ];
  const sizes = [
    { size: '270m', tps: 306, ttft: 61, verbosity: 0.82 },
    { size: '1b', tps: 142.5, ttft: 168, verbosity: 0.93 },
    { size: '4b', tps: 71.6, ttft: 374, verbosity: 1 },
  ];
  for (const s of sizes) {
    let text = 'prompt_id,tokens_s,ttft_ms,eval_count\n';
    for (const p of prompts) {
      text += `${p.id},${fixed(noisy(r, s.tps, 0.018), 2)},${fixed(noisy(r, s.ttft, 0.035), 1)},${Math.round(noisy(r, p.tokens * s.verbosity, 0.04))}\n`;
    }
    await write(`models/gemma3_${s.size}_baseline.csv`, text);
  }
}

async function main(): Promise<void> {
  await experiments();
  await sweep();
  await quantization();
  await models();
  const truth = computeExamplesTruth(root);
  const out = path.join(root, 'test', 'fixtures', 'examples-truth.json');
  await fs.writeFile(out, `${JSON.stringify(truth, null, 2)}\n`);
  process.stderr.write(`wrote examples under ${path.relative(root, examples)} and ${path.relative(root, out)}\n`);
}

await main();

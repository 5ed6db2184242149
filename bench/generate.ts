/**
 * Benchmark data generators. Deterministic (seeded PRNG), written straight to
 * disk with backpressure, so the generator never holds a data set in memory.
 *
 *   node generate.js tree <dir> <files>   → manifest JSON on stdout
 *   node generate.js csv <file> <MB>      → manifest JSON on stdout
 *   node generate.js realistic <dir> [files] → RealisticManifest JSON on stdout (bench/realistic.ts)
 *   node generate.js shards <dir> <shards> [seriesPerShard] → ShardsManifest JSON on stdout (bench/shards.ts)
 */
import { once } from 'node:events';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { generateRealisticTree } from './realistic.js';
import { generateShards } from './shards.js';
import { pick, rng } from './rng.js';

export interface TreeManifest {
  kind: 'tree';
  dir: string;
  files: number;
  bytes: number;
  byType: { csv: number; json: number; markdown: number };
  /** Markdown files without a table: read as documents, no series. */
  proseMarkdown: number;
  csvRows: number;
  csvErrorRows: number;
}

export interface CsvManifest {
  kind: 'csv';
  file: string;
  bytes: number;
  rows: number;
  errorRows: number;
  models: string[];
  metrics: string[];
}

const MODELS = [
  { name: 'gemma3:1b', ttft: 180, tps: 140, count: 300 },
  { name: 'gemma3:4b', ttft: 390, tps: 72, count: 320 },
  { name: 'llama3.1:8b', ttft: 520, tps: 48, count: 350 },
  { name: 'qwen2.5:14b', ttft: 880, tps: 27, count: 380 },
];
const PROMPTS = ['summarise-log', 'explain-kv-cache', 'write-sql', 'translate-fr', 'review-diff', 'plan-trip', 'math-proof', 'json-extract'];
const BACKENDS = ['eager', 'compiled', 'cuda-graphs'];

/** One CSV of per-prompt runs: a model column, a few numeric columns, sometimes an errored row. */
function smallCsv(r: () => number): { text: string; rows: number; errors: number } {
  const models = MODELS.slice(0, 1 + Math.floor(r() * MODELS.length));
  const rowsPerModel = 3 + Math.floor(r() * 8);
  let text = 'model,prompt_id,run,ttft_ms,tokens_s,eval_count,error\n';
  let rows = 0;
  let errors = 0;
  for (const m of models) {
    for (let run = 1; run <= rowsPerModel; run++) {
      rows += 1;
      const prompt = pick(r, PROMPTS);
      if (r() < 0.02) {
        errors += 1;
        text += `${m.name},${prompt},${run},,,,"timeout after 120 s"\n`;
        continue;
      }
      const ttft = m.ttft * (0.85 + r() * 0.3) * (run === 1 ? 2.5 : 1);
      const tps = m.tps * (0.9 + r() * 0.2);
      const count = Math.round(m.count * (0.5 + r()));
      text += `${m.name},${prompt},${run},${ttft.toFixed(2)},${tps.toFixed(2)},${count},\n`;
    }
  }
  return { text, rows, errors };
}

/** Either a nested summary (mean/std/min/max groups per backend) or an array of result records. */
function smallJson(r: () => number): string {
  const m = pick(r, MODELS);
  if (r() < 0.5) {
    const backends: Record<string, unknown> = {};
    for (const b of BACKENDS) {
      const ttft = m.ttft * (0.8 + r() * 0.4);
      const tps = m.tps * (0.8 + r() * 0.4);
      backends[b] = {
        latency: {
          mean_ttft_ms: +ttft.toFixed(1),
          std_ttft_ms: +(ttft * 0.08).toFixed(1),
          min_ttft_ms: +(ttft * 0.85).toFixed(1),
          max_ttft_ms: +(ttft * 1.3).toFixed(1),
          p95_ttft_ms: +(ttft * 1.18).toFixed(1),
        },
        throughput: {
          mean_output_tokens_per_second: +tps.toFixed(2),
          std_output_tokens_per_second: +(tps * 0.04).toFixed(2),
          min_output_tokens_per_second: +(tps * 0.9).toFixed(2),
          max_output_tokens_per_second: +(tps * 1.07).toFixed(2),
        },
        n: 200,
      };
    }
    return JSON.stringify({ benchmark: 'chat-serving', model: m.name, gpu: 'RTX 4090', backends }, null, 2);
  }
  const records = Array.from({ length: 5 + Math.floor(r() * 10) }, (_, i) => ({
    model: m.name,
    backend: pick(r, BACKENDS),
    iteration: i + 1,
    latency_ms: +(m.ttft * (0.9 + r() * 0.2)).toFixed(2),
    tokens_per_second: +(m.tps * (0.9 + r() * 0.2)).toFixed(2),
    peak_memory_mb: Math.round(2000 + r() * 6000),
  }));
  return JSON.stringify({ suite: 'decode', results: records }, null, 1);
}

function smallMarkdown(r: () => number): { text: string; prose: boolean } {
  const head = `# Run notes\n\nEach model ran the prompt set three times on one RTX 4090; the median is shown.\n\n`;
  if (r() < 0.25) return { text: `${head}Nothing changed in this run besides the driver update (550.54 → 550.90).\n`, prose: true };
  let table = '| model | quant | tokens/s | TTFT (ms) | VRAM (GB) |\n|:--|:--|--:|--:|--:|\n';
  for (const m of MODELS) {
    for (const q of ['Q4_K_M', 'Q8_0']) {
      table += `| ${m.name} | ${q} | ${(m.tps * (0.8 + r() * 0.3)).toFixed(1)} | ${Math.round(m.ttft * (0.9 + r() * 0.2))} | ${(2 + r() * 8).toFixed(1)} |\n`;
    }
  }
  return { text: `${head}${table}\nQ4_K_M keeps the best throughput.\n`, prose: false };
}

/** `files` small result files under `dir`, 20 per run folder: ~55% CSV, ~35% JSON, ~10% Markdown. */
export async function generateTree(dir: string, files: number, seed = 42): Promise<TreeManifest> {
  const r = rng(seed);
  const manifest: TreeManifest = { kind: 'tree', dir, files: 0, bytes: 0, byType: { csv: 0, json: 0, markdown: 0 }, proseMarkdown: 0, csvRows: 0, csvErrorRows: 0 };
  const perDir = 20;
  for (let i = 0; i < files; i++) {
    const group = Math.floor(i / perDir);
    const day = String(1 + (group % 28)).padStart(2, '0');
    const folder = path.join(dir, `suite-${String(group % 25).padStart(2, '0')}`, `run-202510${day}-${String(100000 + group).slice(-6)}`);
    if (i % perDir === 0) await fs.mkdir(folder, { recursive: true });
    const kind = r();
    let name: string;
    let text: string;
    if (kind < 0.55) {
      const csv = smallCsv(r);
      name = `per_prompt_runs_${i}.csv`;
      text = csv.text;
      manifest.byType.csv += 1;
      manifest.csvRows += csv.rows;
      manifest.csvErrorRows += csv.errors;
    } else if (kind < 0.9) {
      name = `serving_summary_${i}.json`;
      text = smallJson(r);
      manifest.byType.json += 1;
    } else {
      const md = smallMarkdown(r);
      name = `results_${i}.md`;
      text = md.text;
      manifest.byType.markdown += 1;
      if (md.prose) manifest.proseMarkdown += 1;
    }
    await fs.writeFile(path.join(folder, name), text);
    manifest.files += 1;
    manifest.bytes += Buffer.byteLength(text);
  }
  return manifest;
}

/**
 * One big CSV (`model,prompt_id,ttft_ms,tokens_s,eval_count,error`), rows
 * interleaved across four models, 0.3% errored rows with empty measurements.
 * Written in ~1 MB chunks with backpressure, then fsynced so write-back does
 * not disturb the first measurement.
 */
export async function generateCsv(file: string, megabytes: number, seed = 7): Promise<CsvManifest> {
  const target = Math.round(megabytes * 1e6);
  const r = rng(seed);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const header = 'model,prompt_id,ttft_ms,tokens_s,eval_count,error\n';
  let bytes = header.length;
  let rows = 0;
  let errorRows = 0;
  out.write(header);
  while (bytes < target) {
    let chunk = '';
    while (chunk.length < 1_000_000 && bytes + chunk.length < target) {
      const m = MODELS[rows % MODELS.length] as (typeof MODELS)[number];
      const prompt = `p${String(Math.floor(rows / MODELS.length) % 5000).padStart(5, '0')}`;
      rows += 1;
      if (r() < 0.003) {
        errorRows += 1;
        chunk += `${m.name},${prompt},,,,HTTP 500: model runner crashed\n`;
        continue;
      }
      chunk += `${m.name},${prompt},${(m.ttft * (0.8 + r() * 0.4)).toFixed(2)},${(m.tps * (0.85 + r() * 0.3)).toFixed(2)},${Math.round(m.count * (0.5 + r()))},\n`;
    }
    bytes += chunk.length; // ASCII only: characters are bytes
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const handle = await fs.open(file, 'r+');
  await handle.sync();
  await handle.close();
  return { kind: 'csv', file, bytes: (await fs.stat(file)).size, rows, errorRows, models: MODELS.map((m) => m.name), metrics: ['ttft_ms', 'tokens_s', 'eval_count'] };
}

async function main(): Promise<void> {
  const [kind, target, size] = process.argv.slice(2);
  if (kind === 'realistic' && target) {
    const manifest = await generateRealisticTree(target, size === undefined ? {} : { files: Number(size) });
    process.stdout.write(`${JSON.stringify(manifest)}\n`);
    return;
  }
  if (kind === 'shards' && target && size) {
    process.stdout.write(`${JSON.stringify(await generateShards(target, Number(size), Number(process.argv[5] ?? 2000)))}\n`);
    return;
  }
  if (!target || !size) throw new Error('usage: generate.js tree|csv <path> <files|MB>, generate.js realistic <dir> [files], or generate.js shards <dir> <shards> [seriesPerShard]');
  const manifest = kind === 'tree' ? await generateTree(target, Number(size)) : kind === 'csv' ? await generateCsv(target, Number(size)) : undefined;
  if (!manifest) throw new Error(`unknown data set kind "${kind}"`);
  process.stdout.write(`${JSON.stringify(manifest)}\n`);
}

await main();

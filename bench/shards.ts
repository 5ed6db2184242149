/**
 * Shard folders for the merge bench: what `mode: shard` writes on each runner
 * of a GPU matrix (hardware.json, snapshot.json, report.json), for the head
 * and for a baseline of the same shape, written straight as JSON (running
 * the analysis 128 times would measure the analysis, not the merge).
 *
 * `hardware` machine types × `parts` (a suite split over identical runners):
 * each shard holds `files` files × `metrics` × `models` series, so the merged
 * report has every benchmark on every machine type and the findings rank
 * hardware. One machine type's tokens/s in the first part is 15% lower in the
 * head than in the baseline: the regressions the merge must find.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { noisy, rng } from './rng.js';

export interface ShardsManifest {
  kind: 'shards';
  dir: string;
  shards: number;
  seriesPerShard: number;
  hardware: string[];
  /** Gated series (tokens/s) planted 15% lower in the head than in the baseline. */
  regressions: number;
  bytes: number;
}

const SAMPLES = 10;
const METRICS = [
  { name: 'tokens_s', unit: 'tok/s', direction: 'higher', base: 80 },
  { name: 'ttft_ms', unit: 'ms', direction: 'lower', base: 300 },
] as const;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = samples.length;
  const mean = samples.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(samples.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const q = (p: number) => sorted[Math.min(n - 1, Math.floor(p * (n - 1)))] as number;
  return { n, mean, sd, cv: (sd / Math.abs(mean)) * 100, min: sorted[0], p50: q(0.5), p95: q(0.95), p99: q(0.99), max: sorted[n - 1], approximate: false };
}

function machine(id: string) {
  return { id, idSource: 'input', os: 'linux', arch: 'x64', gpus: [{ vendor: 'nvidia', model: `NVIDIA ${id.toUpperCase()}`, count: 8, memoryMiB: 81559, driver: '550.54.15' }], cpu: { model: 'AMD EPYC 9654 96-Core Processor', cores: 192 } };
}

async function writeShard(dir: string, hw: string, speed: number, part: number, files: number, models: number, slowdown: (file: number, model: number) => number, seed: number): Promise<number> {
  const r = rng(seed);
  const series: unknown[] = [];
  const entries: unknown[] = [];
  for (let f = 0; f < files; f++) {
    const file = `bench/part-${part}/suite-${String(f).padStart(3, '0')}.csv`;
    entries.push({ path: file, type: 'csv', size: 4000, status: 'parsed', document: false, adapter: 'generic', series: METRICS.length * models, rows: models * SAMPLES, excludedRows: 0, problems: [], problemCount: 0 });
    for (const m of METRICS) {
      for (let k = 0; k < models; k++) {
        const model = `model-${k}`;
        const level = m.direction === 'higher' ? m.base * speed * slowdown(f, k) : m.base / speed;
        const samples = Array.from({ length: SAMPLES }, () => Number(noisy(r, level, 0.01).toFixed(3)));
        series.push({ id: `${file}::${m.name}{model=${model}}`, file, metric: m.name, labels: { model }, unit: m.unit, direction: m.direction, source: 'samples', stats: stats(samples), samples, line: 2 + k * SAMPLES });
      }
    }
  }
  const createdAt = '2025-10-20T12:00:00.000Z';
  const config = { path: 'bench', patterns: '**/*.csv', format: 'auto', directions: '(inferred)', units: '(inferred)', metrics: '(all)' };
  const hardware = machine(hw);
  await fs.mkdir(dir, { recursive: true });
  const snapshot = JSON.stringify({ schemaVersion: 1, tool: 'chimera-insight', toolVersion: '0.1.0', createdAt, config, series, hardware });
  const report = JSON.stringify({ schemaVersion: 2, tool: 'chimera-insight', toolVersion: '0.1.0', generatedAt: createdAt, root: 'bench', inventory: { files: entries, git: { checkout: true, shallow: false } }, experiments: { replicateGroups: [], factors: [], seriesBeforePooling: series.length } });
  await fs.writeFile(path.join(dir, 'snapshot.json'), snapshot);
  await fs.writeFile(path.join(dir, 'report.json'), report);
  await fs.writeFile(path.join(dir, 'hardware.json'), JSON.stringify(hardware));
  return snapshot.length + report.length;
}

/**
 * `<dir>/head/shard-<hw>-<part>/` and `<dir>/base/…`: `shards` shards in all
 * (8 machine types × shards/8 parts), `seriesPerShard` series each (rounded
 * to files × 2 metrics × 10 models).
 */
export async function generateShards(dir: string, shards: number, seriesPerShard: number): Promise<ShardsManifest> {
  const types = Math.min(8, shards);
  const parts = Math.ceil(shards / types);
  const models = 10;
  const files = Math.max(1, Math.round(seriesPerShard / (METRICS.length * models)));
  const hardware = Array.from({ length: types }, (_, i) => `gpu-${i}`);
  let bytes = 0;
  let written = 0;
  for (let p = 0; p < parts && written < shards; p++) {
    for (const [i, hw] of hardware.entries()) {
      if (written >= shards) break;
      const speed = 1 + i * 0.5;
      // gpu-3's first part: tokens/s of model-0 in every file 15% lower in the head.
      const slow = (f: number, k: number) => (hw === 'gpu-3' && p === 0 && k === 0 ? 0.85 : 1);
      bytes += await writeShard(path.join(dir, 'head', `shard-${hw}-${p}`), hw, speed, p, files, models, slow, 1000 + written);
      bytes += await writeShard(path.join(dir, 'base', `shard-${hw}-${p}`), hw, speed, p, files, models, () => 1, 5000 + written);
      written += 1;
    }
  }
  const regressions = shards > 3 ? files : 0;
  return { kind: 'shards', dir, shards: written, seriesPerShard: files * METRICS.length * models, hardware, regressions, bytes };
}

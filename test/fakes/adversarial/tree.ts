import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository the planted-untruth suite narrates: part of examples/benchmarks
 * (labels such as `F16`, `RTX 4090`, `num_prompts=200`), a newer timestamped
 * run in which one gated series regressed 17.5% and another improved, and
 * per-model results whose labels are written in CJK and Cyrillic, one of them
 * at a TTFT of 2050 ms. The checks must not punish any of that.
 */
export const SUITE_DIR = 'bench';

/** The newest run of examples/benchmarks/runs, one week later, with its rows scaled per configuration. */
function laterRun(source: string): string {
  const lines = readFileSync(source, 'utf8').trim().split('\n');
  const header = (lines[0] ?? '').split(',');
  const tokens = header.indexOf('tokens_s');
  const latency = header.indexOf('latency_ms');
  const scale: Record<string, [number, number]> = { 'eager,8': [0.825, 1.12], 'compiled,1': [1.12, 0.95] };
  // eager batch 1: about 5% slower with a wide spread, so the data cannot tell whether it passed the threshold.
  const scattered = [0.87, 1.01, 0.9, 1.0, 0.97];
  return `${[
    lines[0],
    ...lines.slice(1).map((line, i) => {
      const cells = line.split(',');
      const key = `${cells[0]},${cells[1]}`;
      const [t, l] = key === 'eager,1' ? [scattered[i % 5] as number, 1] : (scale[key] ?? [1, 1]);
      cells[tokens] = (Number(cells[tokens]) * t).toFixed(2);
      cells[latency] = (Number(cells[latency]) * l).toFixed(2);
      return cells.join(',');
    }),
  ].join('\n')}\n`;
}

const INTERNATIONAL = [
  'model,run,tokens_s,ttft_ms',
  '通义千问-7b,1,95.2,2046',
  '通义千问-7b,2,96.1,2052',
  '通义千问-7b,3,94.8,2052',
  'ГигаЧат-lite,1,121.4,902',
  'ГигаЧат-lite,2,119.8,897',
  'ГигаЧат-lite,3,120.6,901',
  'mistral-7b,1,70.1,380',
  'mistral-7b,2,69.4,384',
  'mistral-7b,3,70.6,379',
  '',
].join('\n');

/** Writes the suite's repository under `workspace/bench`; returns the analysed directory. */
export function writeSuiteTree(workspace: string, examples: string): string {
  const root = path.join(workspace, SUITE_DIR);
  for (const part of ['runs', 'serving', 'notes', 'sweeps']) cpSync(path.join(examples, part), path.join(root, part), { recursive: true });
  const runs = path.join(root, 'runs');
  const later = path.join(runs, '20251023-090000');
  mkdirSync(later, { recursive: true });
  writeFileSync(path.join(later, 'throughput.csv'), laterRun(path.join(runs, '20251016-101122', 'throughput.csv')));
  mkdirSync(path.join(root, 'international'), { recursive: true });
  writeFileSync(path.join(root, 'international', 'models.csv'), INTERNATIONAL);
  return SUITE_DIR;
}

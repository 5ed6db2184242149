/**
 * Helpers the bench scenarios share: progress on stderr, env numbers, a child
 * process per measurement, medians and per-run summaries.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioResult } from './scenario.js';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const MB = 1e6;
export const began = performance.now();

export function log(message: string): void {
  const at = ((performance.now() - began) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${at}s] ${message}\n`);
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}="${raw}" must be a positive number`);
  return value;
}

/** Runs a compiled bench script in a fresh Node process and parses the JSON line it prints. */
export function runChild<T>(script: string, args: string[], timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`${script} ${args.join(' ')} exited with ${signal ?? code}${signal === 'SIGKILL' ? ` (timeout ${timeoutMs / 1000} s?)` : ''}\n${err.slice(-4000)}`));
        return;
      }
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as T);
      } catch {
        reject(new Error(`${script} printed no JSON result:\n${out.slice(-2000)}\n${err.slice(-2000)}`));
      }
    });
  });
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
export const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

export interface RunSummary {
  seconds: number;
  cpuSeconds: number;
  filesPerSec: number;
  MBPerSec: number;
  peakRssMB: number;
  peakHeapMB: number;
}

export function summarise(r: ScenarioResult): RunSummary & Pick<ScenarioResult, 'startRssMB' | 'check' | 'stages'> {
  const run = {
    seconds: round(r.seconds),
    cpuSeconds: round(r.cpuSeconds),
    filesPerSec: round(r.files / r.seconds, 1),
    MBPerSec: round(r.bytes / MB / r.seconds, 2),
    peakRssMB: round(r.peakRssMB, 1),
    peakHeapMB: round(r.peakHeapMB, 1),
    startRssMB: round(r.startRssMB, 1),
    check: r.check,
  };
  return r.stages
    ? { ...run, stages: { discoverMs: round(r.stages.discoverMs, 1), parseMs: round(r.stages.parseMs, 1), analyzeMs: round(r.stages.analyzeMs, 1), experimentsMs: round(r.stages.experimentsMs, 1), findingsMs: round(r.stages.findingsMs, 1) } }
    : run;
}

export function medians(runs: RunSummary[]): RunSummary {
  const m = (k: keyof RunSummary) => median(runs.map((r) => r[k]));
  return {
    seconds: round(m('seconds')),
    cpuSeconds: round(m('cpuSeconds')),
    filesPerSec: round(m('filesPerSec'), 1),
    MBPerSec: round(m('MBPerSec'), 2),
    peakRssMB: round(m('peakRssMB'), 1),
    peakHeapMB: round(m('peakHeapMB'), 1),
  };
}


export type Impl = 'ours' | 'floor';

export interface Paired {
  ours: ScenarioResult[];
  floor: ScenarioResult[];
}

/** `count` rounds of ours and the floor, in ABBA order across rounds so drift on a shared machine hits both alike. */
export async function pairedRounds(label: string, count: number, run: (impl: Impl, round: number) => Promise<ScenarioResult>): Promise<Paired> {
  const out: Paired = { ours: [], floor: [] };
  for (let i = 1; i <= count; i++) {
    const order: Impl[] = i % 2 ? ['floor', 'ours'] : ['ours', 'floor'];
    for (const impl of order) {
      const r = await run(impl, i);
      out[impl].push(r);
      log(`  ${label} ${impl.padEnd(5)} round ${i}: ${r.seconds.toFixed(2)} s (cpu ${r.cpuSeconds.toFixed(2)} s), ${(r.files / r.seconds).toFixed(0)} files/s, peak RSS ${r.peakRssMB.toFixed(0)} MB`);
    }
  }
  return out;
}

/** Medians of ours and the floor, and their ratio by wall time and by CPU time, overall and per round. */
export function pairedSummary(p: Paired) {
  const oursRuns = p.ours.map(summarise);
  const floorRuns = p.floor.map(summarise);
  return {
    ours: { median: medians(oursRuns), runs: oursRuns },
    floor: { median: medians(floorRuns), runs: floorRuns },
    ratio: {
      median: round(median(p.ours.map((o) => o.seconds)) / median(p.floor.map((f) => f.seconds)), 2),
      perRound: p.ours.map((o, i) => round(o.seconds / (p.floor[i] as ScenarioResult).seconds, 2)),
    },
    cpuRatio: {
      median: round(median(p.ours.map((o) => o.cpuSeconds)) / median(p.floor.map((f) => f.cpuSeconds)), 2),
      perRound: p.ours.map((o, i) => round(o.cpuSeconds / (p.floor[i] as ScenarioResult).cpuSeconds, 2)),
    },
  };
}

/** Scenarios to run: BENCH_ONLY=tree,csv,realistic,scale,coldstart (comma-separated); unset runs all of them. */
export function selected(name: string): boolean {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  return !only || only.length === 0 || only.includes(name);
}

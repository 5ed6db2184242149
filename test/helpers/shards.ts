import path from 'node:path';
import type { HardwareIdentity } from '../../src/model/hardware.js';
import type { Report } from '../../src/model/report.js';
import { writeReportJson, writeToFile } from '../../src/report/write.js';
import { writeShardFiles } from '../../src/shards/write.js';
import { analyzeTree, configFor, throughputCsv } from './baseline.js';
import { makeTempDir, removeDir, writeTree } from './tmp.js';

/** A machine with one GPU of that name, named by the `hardware` input as a matrix job would. */
export function machine(id: string, gpu = `NVIDIA ${id.toUpperCase()}`): HardwareIdentity {
  return { id, idSource: 'input', os: 'linux', arch: 'x64', gpus: [{ vendor: 'nvidia', model: gpu, count: 1 }] };
}

/** Seven runs around 100 tok/s (CV about 0.7%), scaled: the suite every test machine runs. */
export const RUNS = [100, 101, 99, 100.5, 99.5, 100, 100];
export const scaled = (factor: number) => RUNS.map((v) => Number((v * factor).toFixed(2)));

/**
 * A shard folder as `mode: shard` writes it: the files under `bench/`
 * analysed, then snapshot.json, hardware.json and report.json in `dir`.
 */
export async function writeShard(dir: string, hardware: HardwareIdentity, files: Record<string, string>, options: { createdAt?: string; commit?: string } = {}): Promise<Report> {
  const ws = makeTempDir('chimera-shard-ws-');
  try {
    writeTree(ws, files);
    const report = await analyzeTree(configFor(ws, { path: 'bench' }));
    report.hardware = hardware;
    if (options.createdAt) report.generatedAt = options.createdAt;
    if (options.commit) report.commit = { sha: options.commit, ref: 'main' };
    await writeShardFiles(dir, report);
    await writeToFile(path.join(dir, 'report.json'), (sink) => writeReportJson(report, sink));
    return report;
  } finally {
    removeDir(ws);
  }
}

/** The throughput suite of one machine: `bench/runs.csv` with llama3's runs at `speed` × 100 tok/s. */
export function suite(speed: number): Record<string, string> {
  return { 'bench/runs.csv': throughputCsv({ llama3: scaled(speed) }) };
}

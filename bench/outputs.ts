/**
 * What a run writes, measured: report.json, report.md and snapshot.json
 * written as the action writes them (streamed, redacted), with their sizes
 * and the time it took. Used by bench/scenario.ts after the timed analysis
 * (`--outputs=DIR`), so the analysis time stays comparable with the floor's.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createSnapshot, writeSnapshot } from '../src/baseline/snapshot.js';
import type { Report } from '../src/model/report.js';
import { reportSections } from '../src/report/markdown.js';
import { writeReportJson, writeReportMarkdown, writeToFile } from '../src/report/write.js';

export interface OutputSizes {
  reportJsonBytes: number;
  reportMdBytes: number;
  snapshotBytes: number;
  /** Rendering and writing all three, in ms. */
  ms: number;
  /** Peak RSS after writing them (MB), to see what the writers add. */
  peakRssMB: number;
}

export async function writeOutputs(report: Report, dir: string, keepSamples: boolean): Promise<OutputSizes> {
  await fs.mkdir(dir, { recursive: true });
  const t0 = performance.now();
  const files = { json: path.join(dir, 'report.json'), md: path.join(dir, 'report.md'), snapshot: path.join(dir, 'snapshot.json') };
  const sections = reportSections(report);
  await writeToFile(files.md, (sink) => writeReportMarkdown(sections, 0, sink));
  await writeToFile(files.json, (sink) => writeReportJson(report, sink, { keepSamples }));
  await writeSnapshot(files.snapshot, createSnapshot(report));
  const ms = performance.now() - t0;
  const size = async (f: string) => (await fs.stat(f)).size;
  return {
    reportJsonBytes: await size(files.json),
    reportMdBytes: await size(files.md),
    snapshotBytes: await size(files.snapshot),
    ms,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / 1e6,
  };
}

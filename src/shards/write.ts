import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createSnapshot, snapshotSeries, writeSnapshot } from '../baseline/snapshot.js';
import { HARDWARE_FILE, serialiseHardware } from '../hardware/validate.js';
import type { Report } from '../model/report.js';
import { LLM_SERIES_PREFIX } from '../model/series.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../model/snapshot.js';
import { VERSION } from '../version.js';
import type { HardwareGroup, MergedShards } from './merge.js';
import { SNAPSHOT_FILE } from './read.js';
import { OUTPUT_FILE_FLAGS, prepareOutputDir, writingOutput } from '../util/output-dir.js';

/**
 * A shard folder: snapshot.json (every series, with the hardware) and
 * hardware.json beside the report.md and report.json the pipeline wrote.
 */
export async function writeShardFiles(dir: string, report: Report): Promise<{ snapshotPath: string; hardwarePath: string }> {
  if (!report.hardware) throw new Error('a shard needs the hardware it ran on');
  const hardware = report.hardware;
  // Named from the folder holding the shard's; the folder itself is never reached through a link.
  const shownFrom = path.dirname(dir);
  await prepareOutputDir(dir, shownFrom);
  const snapshotPath = path.join(dir, SNAPSHOT_FILE);
  const hardwarePath = path.join(dir, HARDWARE_FILE);
  await writingOutput(snapshotPath, shownFrom, () => writeSnapshot(snapshotPath, createSnapshot(report, { detail: 'full' })));
  await writingOutput(hardwarePath, shownFrom, () => fs.writeFile(hardwarePath, serialiseHardware(hardware), { flag: OUTPUT_FILE_FLAGS }));
  return { snapshotPath, hardwarePath };
}

/**
 * The merged report's snapshot: every machine's series under the merged ids
 * (the hardware a label), and the machines listed, so a later merge can use
 * it as its baseline (`--baseline snapshot.json`) and split it by hardware.
 */
export function mergedSnapshot(report: Report, merged: MergedShards): Snapshot {
  const snapshot = createSnapshot(report);
  snapshot.series = report.series.filter((s) => !s.id.startsWith(LLM_SERIES_PREFIX)).map((s) => snapshotSeries(s));
  snapshot.merged = { label: merged.label, hardware: merged.groups.map((g) => g.identity) };
  return snapshot;
}

/**
 * One machine's part of a merge as a shard on it would have written it:
 * what the default branch's cache keeps per hardware, so a later merge (or
 * a single job on that hardware) compares with it.
 */
export function hardwareSnapshot(report: Report, group: HardwareGroup): Snapshot {
  const snapshot: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: 'chimera-insight',
    toolVersion: VERSION,
    createdAt: report.generatedAt,
    config: { ...group.config },
    series: group.series,
    hardware: group.identity,
  };
  const commit = report.commit ?? group.commit;
  if (commit) snapshot.commit = { ...commit };
  return snapshot;
}

import type { HardwareIdentity } from './hardware.js';
import type { Direction, SeriesStats, TableRuns } from './series.js';

/** Bumped when a snapshot field changes meaning or disappears. */
export const SNAPSHOT_SCHEMA_VERSION = 3;

/** One series as a baseline keeps it: enough to match it and to test a change. */
export interface SnapshotSeries {
  id: string;
  file: string;
  metric: string;
  labels: Record<string, string>;
  unit: string;
  direction: Direction;
  source: 'samples' | 'summary';
  stats: SeriesStats;
  /** Samples in file order, capped (see the snapshot writer). */
  samples: number[];
  line?: number;
  /** Conditions read from the path (Series.factors), so a merge can rank them as the shard did. */
  factors?: Record<string, string>;
  /** With `factors`: the experiment's path pattern (Series.experiment). */
  experiment?: string;
  /**
   * In a shard's (full) snapshot: the means of the runs the series' values
   * came from (its replicate files' or its table's runs), so a merge tests
   * on them as the shard did.
   */
  runs?: TableRuns;
}

/** Every series of one commit: what a baseline is made of. */
export interface Snapshot {
  schemaVersion: number;
  tool: 'chimera-insight';
  toolVersion: string;
  createdAt: string;
  commit?: { sha: string; ref?: string };
  /** The inputs that change ids, units or directions, so a mismatch can be named. */
  config: Record<string, string>;
  series: SnapshotSeries[];
  /** The machine the series were measured on; absent in snapshots of earlier versions. */
  hardware?: HardwareIdentity;
  /**
   * A merged snapshot (mode: merge): series of several machines, each with its
   * hardware id in the label `label`; `hardware` lists the machines.
   */
  merged?: { label: string; hardware: HardwareIdentity[] };
}

import type { Direction, SeriesStats } from './series.js';

/** Bumped when a snapshot field changes meaning or disappears. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

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
}

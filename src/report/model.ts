import type { FileType } from '../parse/types.js';
import type { Problem } from '../parse/problems.js';
import type { Series } from '../metrics/types.js';

/** Bumped when a field changes meaning or disappears; adding fields keeps the version. */
export const REPORT_SCHEMA_VERSION = 1;

export type FileStatus = 'parsed' | 'skipped' | 'failed';

export interface FileEntry {
  path: string;
  type: FileType;
  size: number;
  status: FileStatus;
  /** Read fine but holds no measurements (prose Markdown, notes, logs). */
  document: boolean;
  adapter?: string;
  reason?: string;
  series: number;
  rows: number;
  excludedRows: number;
  problems: Problem[];
  /** Problems found, including those beyond the listed ones. */
  problemCount: number;
  modified?: { time: string; source: 'git' | 'filesystem' };
}

export interface TypeSummary {
  type: FileType;
  found: number;
  parsed: number;
  documents: number;
  skipped: number;
  failed: number;
  latestModified?: string;
}

export interface Inventory {
  totals: {
    found: number;
    parsed: number;
    documents: number;
    skipped: number;
    failed: number;
    series: number;
    rows: number;
    excludedRows: number;
  };
  byType: TypeSummary[];
  adapters: { adapter: string; files: number }[];
  files: FileEntry[];
  git: { checkout: boolean; shallow: boolean };
}

export interface Timings {
  discoverMs: number;
  parseMs: number;
  analyzeMs: number;
  renderMs: number;
}

export interface Narrative {
  status: 'skipped';
  reason: string;
}

export interface Report {
  schemaVersion: number;
  tool: 'chimera-insight';
  toolVersion: string;
  generatedAt: string;
  /** Analysed directory, relative to the workspace. */
  root: string;
  commit?: { sha: string; ref?: string };
  inventory: Inventory;
  series: Series[];
  narrative: Narrative;
  timings: Timings;
  config: Record<string, string>;
}

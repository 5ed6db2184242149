import type { Series } from './series.js';
import type { CalibrationReport } from './calibration.js';
import type { ComparisonReport } from './comparison.js';
import type { ExperimentStructure, Finding } from './finding.js';
import type { FallbackNarrative, GeneratedNarrative, LlmReport, LlmTimings } from './llm.js';
import type { HardwareIdentity, ShardSummary } from './hardware.js';

export type FileType = 'csv' | 'json' | 'jsonl' | 'markdown' | 'text' | 'other';

export interface Problem {
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  reason: string;
}

/** Bumped when a field changes meaning or disappears; adding fields keeps the version. */
export const REPORT_SCHEMA_VERSION = 4;

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
  /** Within analyzeMs: pooling replicate runs and reading factors from paths. */
  experimentsMs?: number;
  /** Computing the findings (after the comparison). */
  findingsMs?: number;
  renderMs: number;
  /** Set when the model was asked: load, prompt eval and generation, as Ollama reports them. */
  llm?: LlmTimings;
}

export interface SkippedNarrative {
  status: 'skipped';
  reason: string;
}

/** Skipped (no model asked), generated (checked claims and prose) or fallback (model asked, answer not usable). */
export type Narrative = SkippedNarrative | GeneratedNarrative | FallbackNarrative;

/**
 * An input that did nothing or cannot be right (a `metrics` glob matching no
 * metric, a `gate` that gates nothing), from the stage that can tell.
 */
export interface InputNotice {
  /** The input's name as the action spells it (`gate`, `metrics`, `patterns`). */
  input: string;
  message: string;
  /** An error fails the run (exit 2) once the report is written; a warning is logged and shown. */
  level: 'warning' | 'error';
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
  /** Replicate groups and factors recovered from the tree's layout. */
  experiments: ExperimentStructure;
  /** Computed results, most important first (rankings, sweeps, changes, stability). */
  findings: Finding[];
  narrative: Narrative;
  /** The model, its calls and their aggregate, when the LLM stage ran. */
  llm?: LlmReport;
  /** Base vs head per series and the gate's verdict, when a comparison ran (set by the compare stage). */
  comparison?: ComparisonReport;
  /** This runner's noise floor per metric, with `calibrate: true` (set by the compare stage). */
  calibration?: CalibrationReport;
  timings: Timings;
  config: Record<string, string>;
  /** Inputs that matched nothing or gate nothing; absent when every input did something. */
  notices?: InputNotice[];
  /** The machine the series were measured on (absent in a merged report: see `shards`). */
  hardware?: HardwareIdentity;
  /** A merged report (mode: merge): the shard folders merged, each with its hardware and baseline. */
  shards?: ShardSummary[];
}

import type { Config } from '../../config.js';
import type { Report } from '../../model/report.js';
import type { BaselineInfo } from '../../model/comparison.js';
import type { SnapshotSeries } from '../../model/snapshot.js';
import type { BranchHistory } from '../../model/branch-history.js';
import type { HardwareIdentity } from '../../model/hardware.js';

export interface BaselineLog {
  info(message: string): void;
  warning(message: string): void;
}

/** What the triggering event says about commits and branches (empty for the CLI). */
export interface EventInfo {
  /** e.g. `pull_request`, `push`; '' outside GitHub Actions. */
  name: string;
  /** The commit under test: the PR head, or the pushed commit. */
  headSha?: string;
  /** The commit to compare with: the PR base tip, or the commit before a push. */
  baseSha?: string;
  /** The PR's base branch. */
  baseRef?: string;
  /** The pushed branch (without refs/heads/). */
  branch?: string;
  defaultBranch?: string;
  /** GITHUB_RUN_ID, recorded with the run in the default-branch history. */
  runId?: string;
}

/** A push to the default branch: the only runs that save a baseline, record history and look for change points. */
export function isPushToDefaultBranch(event: EventInfo): event is EventInfo & { branch: string; defaultBranch: string } {
  return event.name === 'push' && !!event.branch && event.branch === event.defaultBranch;
}

/** Runs the same analysis as the head on another tree (git: the merge base; file: a directory). */
export type AnalyzeTree = (config: Config) => Promise<Report>;

export interface BaselineFound {
  info: BaselineInfo;
  series: SnapshotSeries[];
  /**
   * Replaces the head side of the comparison. Only the history source sets it:
   * there the head is the newest run, not every series of the tree.
   */
  head?: SnapshotSeries[];
  /**
   * Head series compared but not gated, and why (history: the newest run is
   * committed and unchanged in this checkout, so this change did not make it).
   */
  ungated?: { ids: string[]; reason: string };
  /** The default-branch history saved with a cached snapshot (cache source only). */
  history?: BranchHistory;
  /** The machine the baseline was measured on, when its snapshot records one (cache, file). */
  hardware?: HardwareIdentity;
}

/** A source either finds a baseline or says, in words users read, why not. */
export type SourceOutcome = { found: BaselineFound } | { reason: string };

/** A baseline the user asked for explicitly but that cannot be used (bad file, path outside the workspace). */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

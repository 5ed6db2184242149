/** Bumped when a history field changes meaning or disappears. */
export const HISTORY_SCHEMA_VERSION = 1;

/**
 * Which runs belong together. A history file holds runs of one key only:
 * one branch, path and hardware (absent in histories of versions that
 * recorded no hardware). Readers refuse a file whose key differs from the
 * one they expect.
 */
export interface HistoryKey {
  branch: string;
  /** The analysed path (`path` input), as in the cache key. */
  scope: string;
  hardware?: string;
}

/** One series in one run: mean, standard deviation and sample count (null when the file stated none). */
export type HistoryValue = [mean: number, sd: number | null, n: number | null];

export interface HistoryRun {
  commit: string;
  /** When the run's data were produced (the report's generatedAt), ISO. */
  createdAt: string;
  /** GITHUB_RUN_ID of the workflow run, when known. */
  runId?: string;
  /** Aligned with `BranchHistory.series`: null where this run did not have the series. */
  values: (HistoryValue | null)[];
}

/**
 * The last K runs of the default branch (history-size), each series' summary
 * only, saved in the baseline cache entry beside snapshot.json as
 * history.json. Series are named by keys that stay the same across runs
 * (timestamps in paths normalised, see branch-history.ts).
 */
export interface BranchHistory {
  schemaVersion: number;
  tool: 'chimera-insight';
  kind: 'default-branch-history';
  key: HistoryKey;
  series: string[];
  /** Oldest first. */
  runs: HistoryRun[];
}

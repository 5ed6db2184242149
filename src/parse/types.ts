import type { RawSeries } from '../model/series.js';
import type { Problem } from '../model/report.js';

/** A file whose content was read; `series` is empty for documents (prose, notes). */
export interface ParsedData {
  status: 'parsed';
  adapter: string;
  series: RawSeries[];
  rows: number;
  excludedRows: number;
  problems: Problem[];
  problemCount: number;
  /** Read fine but holds no measurements (prose Markdown, plain notes). */
  document: boolean;
  /**
   * Workspace-relative paths of other files whose series this file's series
   * replace (criterion's `sample.json` holds the per-iteration samples behind
   * the summary in `estimates.json` next to it), so one run is not counted twice.
   */
  supersedes?: string[];
  /**
   * The same tool's other exports of this run (hyperfine's `bench.md` beside
   * `bench.json`): replaced as `supersedes` are, but only when the same
   * adapter read them, since a user may give any file that name.
   */
  supersedesExports?: string[];
}

export interface NotParsed {
  status: 'skipped' | 'failed';
  reason: string;
  line?: number;
}

export type ParseOutcome = ParsedData | NotParsed;

export function skipped(reason: string): NotParsed {
  return { status: 'skipped', reason };
}

export function failed(reason: string, line?: number): NotParsed {
  return line === undefined ? { status: 'failed', reason } : { status: 'failed', reason, line };
}

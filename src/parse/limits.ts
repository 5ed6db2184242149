/**
 * Caps checked before or while a file is read, so one hostile or runaway file
 * costs bounded memory and time and ends as one reported file instead of a
 * crashed run. docs/robustness-data.md lists them with the reasons users see.
 * The values are far above what benchmark tools write: a file past one is
 * almost certainly not a benchmark result (a dump, a cache, generated data).
 */
export const LIMITS = {
  /** Distinct object key names in one JSON document, counted before it is parsed. */
  jsonKeys: 100_000,
  /** Nesting of JSON objects and arrays, checked before parsing (the walkers recurse). */
  jsonDepth: 64,
  /** Data rows of one table (CSV, TSV, JSONL, a JSON record array or a Markdown table). */
  rows: 20_000_000,
  /** Columns of one table (CSV header fields, distinct JSONL/record keys). */
  columns: 2_000,
  /** Metric/label combinations (series) from one file, and label combinations of one table. */
  seriesPerFile: 20_000,
  /** Series in one run, over every file: files past it are skipped whole. */
  seriesPerRun: 200_000,
  /** One CSV record (an unclosed quote would otherwise swallow the rest of the file). */
  csvRecordChars: 4_000_000,
  /** One JSONL line. */
  lineChars: 16_000_000,
} as const;

/**
 * Thrown by a parser the moment a file passes a cap; parseFile turns it into
 * a skipped file with this message as the reason.
 */
export class LimitError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}

const grouped = (n: number) => n.toLocaleString('en-US');

export const limitMessages = {
  jsonKeys: () => `too many keys: over ${grouped(LIMITS.jsonKeys)} distinct keys in one JSON document`,
  jsonDepth: () => `nested too deeply: over ${grouped(LIMITS.jsonDepth)} levels of objects and arrays`,
  rows: () => `too many rows: over ${grouped(LIMITS.rows)} in one table`,
  columns: () => `too many columns: over ${grouped(LIMITS.columns)} in one table`,
  seriesPerFile: (what = 'metric/label combinations') => `too many series: over ${grouped(LIMITS.seriesPerFile)} ${what} in one file`,
  seriesPerRun: (count: number) =>
    `not analysed: its ${grouped(count)} series would take the run past ${grouped(LIMITS.seriesPerRun)} series (earlier files in path order came first)`,
  seriesPerRunPast: () => `not analysed: an earlier file in path order did not fit under the run's cap of ${grouped(LIMITS.seriesPerRun)} series, and every later file is left out (most without being read)`,
  lineChars: () => `line longer than ${grouped(LIMITS.lineChars)} characters; line skipped`,
};

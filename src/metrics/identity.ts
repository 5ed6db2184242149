import { redactSecrets } from '../util/redact.js';

/**
 * Series identity that survives re-runs: timestamps in file paths (run
 * folders, dated file names) are replaced by `<ts>` so `runs/20251002-151204/x.csv`
 * and `runs/20251003-090000/x.csv` name the same benchmark.
 */
const TIMESTAMP_PATTERNS: RegExp[] = [
  /\d{4}-\d{2}-\d{2}[T _-]?\d{2}[:\-_]?\d{2}[:\-_]?\d{2}(?:\.\d+)?Z?/g,
  /\d{8}[T_-]?\d{6}/g,
  /\d{4}-\d{2}-\d{2}/g,
  /(?<!\d)20\d{6}(?!\d)/g,
  /(?<!\d)1\d{9}(?:\d{3})?(?!\d)/g,
];

export function normaliseTimestamps(filePath: string): string {
  return TIMESTAMP_PATTERNS.reduce((p, re) => p.replace(re, '<ts>'), filePath);
}

export function labelKey(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '' : `{${keys.map((k) => `${k}=${labels[k]}`).join(',')}}`;
}

/**
 * Secrets in a path, metric or label are redacted here, at the source, so
 * the id is the same in memory, in snapshot.json and in a baseline read back
 * from it (see src/util/redact.ts).
 */
export function seriesId(file: string, metric: string, labels: Record<string, string>): string {
  return redactSecrets(`${normaliseTimestamps(file)}::${metric}${labelKey(labels)}`);
}

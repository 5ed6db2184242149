import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';
import { buildSeries, compileMetricRules, isSelected } from '../../metrics/build.js';
import { benchmarkDataHistory, type BenchmarkRun } from '../../parse/adapters/github-action-benchmark.js';
import { snapshotSeries } from '../snapshot.js';
import type { SnapshotSeries } from '../../model/snapshot.js';

/** Head and baseline series from the history github-action-benchmark keeps in `data.js` files. */
export interface DataJsHistory {
  head: SnapshotSeries[];
  base: SnapshotSeries[];
  /** One entry per file with a previous commit: what the description names. */
  files: { file: string; commit: string; date: number }[];
}

const DATA_JS = /data\.js$/i;

/**
 * The runs of the commit before the newest one, per suite. Two workflows may
 * store into one suite for the same commit, so every run of that commit
 * counts (later ones win a bench both hold), as the adapter does for the newest.
 */
function previousCommitRuns(runs: BenchmarkRun[]): BenchmarkRun[] {
  const bySuite = new Map<string, BenchmarkRun[]>();
  for (const run of runs) {
    const list = bySuite.get(run.suite) ?? [];
    list.push(run);
    bySuite.set(run.suite, list);
  }
  const previous: BenchmarkRun[] = [];
  for (const suiteRuns of bySuite.values()) {
    const ordered = suiteRuns.sort((a, b) => a.date - b.date);
    const newest = ordered[ordered.length - 1] as BenchmarkRun;
    const before = ordered.filter((r) => r.commit.id !== newest.commit.id || newest.commit.id === '');
    const last = before.filter((r) => r !== newest).at(-1);
    if (!last) continue;
    previous.push(...before.filter((r) => r.commit.id === last.commit.id && (last.commit.id !== '' || r === last)));
  }
  return previous;
}

/**
 * Each `data.js` among the head's files already holds earlier commits' runs:
 * the newest commit is the head (what the adapter reported) and the commit
 * before it the baseline, with series built exactly as the head's so ids match.
 * The file is read as data (JSON after the `window.BENCHMARK_DATA =` prefix),
 * never run.
 */
export async function historyFromDataJs(config: Config, headSeries: readonly SnapshotSeries[]): Promise<DataJsHistory> {
  const result: DataJsHistory = { head: [], base: [], files: [] };
  const files = [...new Set(headSeries.map((s) => s.file).filter((f) => DATA_JS.test(f)))];
  const rules = compileMetricRules(config);
  for (const file of files) {
    let runs: BenchmarkRun[];
    try {
      runs = benchmarkDataHistory(await fs.readFile(path.join(config.workspace, file), 'utf8'));
    } catch {
      continue;
    }
    const previous = previousCommitRuns(runs);
    if (previous.length === 0) continue;
    const base = new Map<string, SnapshotSeries>();
    for (const run of previous) {
      for (const raw of run.series) {
        if (!isSelected(rules, file, raw.metric)) continue;
        const built = buildSeries(raw, file, rules);
        if (built) base.set(built.id, snapshotSeries(built));
      }
    }
    result.base.push(...base.values());
    result.head.push(...headSeries.filter((s) => s.file === file));
    const newest = previous[previous.length - 1] as BenchmarkRun;
    result.files.push({ file, commit: newest.commit.id, date: newest.date });
  }
  return result;
}

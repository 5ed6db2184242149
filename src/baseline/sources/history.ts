import { normaliseTimestamps, seriesId, timestampsIn } from '../../metrics/identity.js';
import { memo } from '../../util/memo.js';
import { snapshotSeries } from '../snapshot.js';
import type { SnapshotSeries } from '../../model/snapshot.js';
import type { DataJsHistory } from './data-js.js';
import type { SourceOutcome } from './types.js';

/**
 * The timestamps in a path, in order, as `normaliseTimestamps` finds them:
 * `runs/20251002-151204/x.csv` → ['20251002-151204']. Remembered per path
 * (thousands of series share a file); callers must not change the result.
 */
export const pathTimestamps: (file: string) => string[] = memo(50_000, timestampsIn);

function compareTimestamps(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = BigInt((a[i] ?? '').replace(/\D/g, '') || '0');
    const y = BigInt((b[i] ?? '').replace(/\D/g, '') || '0');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * `20251009-093015` → 2025-10-09T09:30:15Z. Names carry no time zone; UTC is
 * assumed, which is at most a few hours off for "how old".
 */
export function timestampToIso(raw: string): string | undefined {
  const digits = raw.replace(/\D/g, '');
  let date: Date | undefined;
  if (/^(19|20)\d{6}/.test(digits) && (digits.length === 8 || digits.length >= 14)) {
    const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(digits.slice(i, i + (k === 0 ? 4 : 2)) || '0'));
    date = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
  } else if (/^1\d{9}$/.test(digits)) date = new Date(Number(digits) * 1000);
  else if (/^1\d{12}$/.test(digits)) date = new Date(Number(digits));
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** Ids that are the same in every run: timestamps normalised, repeats numbered within the run. */
export function runIds(series: readonly SnapshotSeries[]): SnapshotSeries[] {
  const seen = new Map<string, number>();
  return series.map((s) => {
    const id = seriesId(s.file, s.metric, s.labels);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { ...s, id: n > 1 ? `${id}#${n}` : id };
  });
}

/**
 * A baseline run's series under the ids the head's newest run has in the
 * report (`…#3` for a family's third run), matched through the ids both runs
 * share, so comparisons, annotations and facts point at the head's own series.
 */
function withHeadIds(base: readonly SnapshotSeries[], head: readonly SnapshotSeries[]): SnapshotSeries[] {
  const headId = new Map(runIds(head).map((s, i) => [s.id, (head[i] as SnapshotSeries).id]));
  return runIds(base).map((s) => ({ ...s, id: headId.get(s.id) ?? s.id }));
}

interface Run {
  file: string;
  stamps: string[];
  series: SnapshotSeries[];
}

/**
 * The conditions a run measured: the distinct label sets of its series. A
 * sweep saved one file per setting (`bench_<ts>.json` at 10 QPS, the next at
 * 30 QPS) is two benchmarks, not a run and the run before it.
 */
function conditionsOf(run: Run): Set<string> {
  return new Set(run.series.map((s) => JSON.stringify(Object.entries(s.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))));
}

/**
 * Series grouped into benchmarks whose runs differ only by timestamps in
 * their paths (and measured the same conditions), and the rest. A family is
 * keyed by its path with timestamps normalised and its runs' conditions.
 */
function runFamilies(series: readonly SnapshotSeries[]): { families: Map<string, Map<string, Run>>; conditions: Map<string, Set<string>>; others: SnapshotSeries[] } {
  const byPath = new Map<string, Map<string, Run>>();
  const others: SnapshotSeries[] = [];
  for (const s of series) {
    const stamps = pathTimestamps(s.file);
    if (stamps.length === 0) {
      others.push(s);
      continue;
    }
    const family = normaliseTimestamps(s.file);
    const runs = byPath.get(family) ?? new Map<string, Run>();
    byPath.set(family, runs);
    const run = runs.get(s.file) ?? { file: s.file, stamps, series: [] };
    runs.set(s.file, run);
    run.series.push(snapshotSeries(s));
  }
  const families = new Map<string, Map<string, Run>>();
  const conditions = new Map<string, Set<string>>();
  for (const [path, runs] of byPath) {
    sharingConditions([...runs.values()]).forEach(({ runs: group, conditions: measured }, k) => {
      const key = `${path}\u0000${k}`;
      families.set(key, new Map(group.map((r) => [r.file, r])));
      conditions.set(key, measured);
    });
  }
  return { families, conditions, others };
}

/** The other side's family of the same path that measured a condition in common with `family`'s, if any. */
function counterpart(family: string, own: ReadonlyMap<string, Set<string>>, other: ReadonlyMap<string, Set<string>>): string | undefined {
  const path = familyPath(family);
  const mine = own.get(family) ?? new Set<string>();
  for (const [key, theirs] of other) if (familyPath(key) === path && [...theirs].some((c) => mine.has(c))) return key;
  return undefined;
}

/**
 * Runs of one path joined when they measured a condition in common: a run
 * that adds a model (or lost one that failed) is still the next run of the
 * same benchmark; runs with no condition in common (10 QPS, then 30 QPS) are
 * two benchmarks. Groups keep the runs' order, with the conditions they measured.
 */
function sharingConditions(runs: readonly Run[]): { runs: Run[]; conditions: Set<string> }[] {
  const sets = runs.map(conditionsOf);
  const parent = runs.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i] as number)));
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      if (root(i) === root(j)) continue;
      const [a, b] = [sets[i] as Set<string>, sets[j] as Set<string>];
      if ([...a].some((c) => b.has(c))) parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, { runs: Run[]; conditions: Set<string> }>();
  runs.forEach((r, i) => {
    const g = groups.get(root(i)) ?? { runs: [], conditions: new Set<string>() };
    g.runs.push(r);
    for (const c of sets[i] as Set<string>) g.conditions.add(c);
    groups.set(root(i), g);
  });
  return [...groups.values()];
}

/** A family's name as users read it: its path with timestamps normalised. */
const familyPath = (family: string) => family.slice(0, family.indexOf('\u0000'));

/** Oldest first, by the timestamps in the paths (not by how the paths sort). */
function inOrder(runs: Map<string, Run>): Run[] {
  return [...runs.values()].sort((a, b) => compareTimestamps(a.stamps, b.stamps) || (a.file < b.file ? -1 : 1));
}

/**
 * For baselines from another commit (cache, git, file): a pull request that
 * adds a timestamped run (`runs/<new ts>/…`) numbers its series one further
 * than the base does (`#4` where the base's newest is `#3`), so by id the new
 * run would only be "new" and its regression never seen. Per benchmark, the
 * head's newest run is compared with the base's newest run instead, under the
 * head's ids; older runs are history both sides share and are left out.
 */
export function alignNewestRuns(base: readonly SnapshotSeries[], head: readonly SnapshotSeries[]): { base: SnapshotSeries[]; head: SnapshotSeries[]; omitted: number } {
  const ours = runFamilies(head);
  const theirs = runFamilies(base);
  const alignedHead: SnapshotSeries[] = [...ours.others];
  const alignedBase: SnapshotSeries[] = [...theirs.others];
  let omitted = 0;
  const matched = new Set<string>();
  for (const [family, runs] of ours.families) {
    const newest = inOrder(runs).at(-1) as Run;
    omitted += [...runs.values()].reduce((n, r) => n + (r === newest ? 0 : r.series.length), 0);
    alignedHead.push(...newest.series);
    const baseFamily = counterpart(family, ours.conditions, theirs.conditions);
    const baseRuns = baseFamily === undefined ? undefined : theirs.families.get(baseFamily);
    if (!baseRuns) continue;
    matched.add(baseFamily as string);
    const baseNewest = inOrder(baseRuns).at(-1) as Run;
    alignedBase.push(...withHeadIds(baseNewest.series, newest.series));
  }
  for (const [family, runs] of theirs.families) {
    if (!matched.has(family)) alignedBase.push(...(inOrder(runs).at(-1) as Run).series);
  }
  return { base: alignedBase, head: alignedHead, omitted };
}

/**
 * Earlier timestamped runs in the tree as the baseline for the newest one.
 *
 * Files whose paths differ only in timestamps (`runs/<ts>/throughput.csv`,
 * `bench_<ts>.json`) are runs of one benchmark. For each such benchmark the
 * newest run is the head and the run immediately before it the baseline: the
 * question is what changed since last time, and pooling older runs would mix
 * in drift (drivers, hardware) and overstate the baseline's sample count.
 * Series outside timestamped runs have nothing to compare with here; they are
 * left out of the comparison (neither new nor missing) and counted in the
 * description.
 */
export function baselineFromHistory(series: readonly SnapshotSeries[], dataJs?: DataJsHistory): SourceOutcome {
  const fromDataJs = new Set(dataJs?.files.map((f) => f.file));
  const { families, others } = runFamilies(series.filter((s) => !fromDataJs.has(s.file)));
  let outside = others.length;
  const head: SnapshotSeries[] = [];
  const base: SnapshotSeries[] = [];
  const pairs: { family: string; previous: Run; newest: Run }[] = [];
  for (const [family, runs] of families) {
    if (runs.size < 2) {
      outside += [...runs.values()].reduce((sum, r) => sum + r.series.length, 0);
      continue;
    }
    const ordered = inOrder(runs);
    const newest = ordered[ordered.length - 1] as Run;
    const previous = ordered[ordered.length - 2] as Run;
    outside += ordered.slice(0, -2).reduce((sum, r) => sum + r.series.length, 0);
    head.push(...newest.series);
    base.push(...withHeadIds(previous.series, newest.series));
    pairs.push({ family, previous, newest });
  }
  if (dataJs && dataJs.files.length > 0) {
    head.push(...dataJs.head);
    base.push(...dataJs.base);
  }
  if (pairs.length === 0 && base.length === 0) return { reason: 'no benchmark in the tree has two or more timestamped runs (or a data.js with two commits)' };

  const stamp = (r: Run) => r.stamps.join('/');
  const parts: string[] = [];
  const first = pairs[0];
  if (first) {
    const samePair = pairs.every((p) => stamp(p.previous) === stamp(first.previous) && stamp(p.newest) === stamp(first.newest));
    const what = pairs.length === 1 ? familyPath(first.family) : `${pairs.length} timestamped benchmarks`;
    parts.push(
      samePair
        ? `run ${stamp(first.previous)} of ${what}, the one before the newest (${stamp(first.newest)})`
        : `the run before the newest of each of ${what}`,
    );
  }
  for (const f of dataJs?.files ?? []) parts.push(`commit ${f.commit.slice(0, 7) || '(unnamed)'} in ${f.file}, the one before the newest`);
  const found: SourceOutcome = { found: { info: { source: 'history', description: parts.join('; ') }, series: base, head } };
  if (outside > 0) found.found.info.note = `only the newest runs are compared; ${outside} other series are not`;
  // The oldest baseline run says how old the comparison is at worst.
  const times = [
    ...pairs.map((p) => timestampToIso(p.previous.stamps[p.previous.stamps.length - 1] ?? '')),
    ...(dataJs?.files ?? []).map((f) => (f.date > 0 ? new Date(f.date).toISOString() : undefined)),
  ]
    .filter((t): t is string => !!t)
    .sort();
  if (times[0]) found.found.info.createdAt = times[0];
  return found;
}

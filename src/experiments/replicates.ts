import { DEFAULT_SAMPLE_CAP, SampleAccumulator } from '../metrics/accumulator.js';
import { labelKey, replicatePath } from '../metrics/identity.js';
import { coefficientOfVariation, exactStatsAndOrder, exactStatsOfSorted, findOutliers, poolMoments, statsFromSamples } from '../metrics/stats.js';
import type { ReplicateRuns, Series, SeriesStats } from '../model/series.js';

/** One set of files that differ only in a run index, and how many series pooling made of them. */
export interface ReplicateGroup {
  pattern: string;
  runs: number;
  series: number;
}

interface Member {
  file: string;
  indices: number[];
  /** The indices as the path writes them (`02`). */
  written?: string[];
}

function compareIndices(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** `exp/run_<n>/s.json` with runs 1…5 → `exp/run_{1..5}/s.json`; gaps are listed, several indices become `*`. */
export function replicatePattern(normalised: string, members: readonly Member[]): string {
  const slots = normalised.split('<n>').length - 1;
  if (slots !== 1) return normalised.replace(/<n>/g, '*');
  const values = [...new Set(members.map((m) => m.indices[0] as number))].sort((a, b) => a - b);
  const first = values[0] as number;
  const last = values[values.length - 1] as number;
  const contiguous = last - first + 1 === values.length;
  // Zero-padded runs (`run_01` … `run_10`) are named as written, or the pattern names files that do not exist.
  const written = members.map((m) => m.written?.[0] ?? '');
  const width = written[0]?.length ?? 0;
  const padded = written.some((w) => w.length > 1 && w.startsWith('0')) && written.every((w) => w.length === width);
  const show = (v: number) => (padded ? String(v).padStart(width, '0') : String(v));
  return normalised.replace('<n>', contiguous ? `{${show(first)}..${show(last)}}` : `{${values.map(show).join(',')}}`);
}

/**
 * Where the pooled series of one poolReplicates call put their values in
 * order, one after another: a typed array of its own for each (its memory
 * outside the heap, set up and freed per series) costs more than sorting
 * its few dozen values. Nothing keeps a view once its series' statistics
 * and outliers are found.
 */
class SortArea {
  private buffer = new Float64Array(1024);

  /** The first `n` places of the area (its earlier contents are overwritten). */
  view(n: number): Float64Array {
    if (n > this.buffer.length) this.buffer = new Float64Array(Math.max(n, 2 * this.buffer.length));
    return this.buffer.subarray(0, n);
  }
}

/**
 * Every run's samples in run order, when each run kept all of its own and
 * together they fit an accumulator: their statistics are exact. With an
 * `area`, and values sortedCopy would put in order the same way in a typed
 * array (finite and not 0: no -0 to keep apart from 0, no NaN), also the
 * values in ascending order in a view of it.
 */
function allSamples(parts: readonly Series[], area: SortArea | undefined): { samples: number[]; min: number; max: number; sorted: Float64Array | undefined } | undefined {
  let total = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Series;
    if (p.stats.n !== p.samples.length) return undefined;
    total += p.samples.length;
  }
  if (total > DEFAULT_SAMPLE_CAP) return undefined;
  // One native copy of every run's list (no growing array); a spread of thousands of runs would overflow the stack.
  // Not `new Array(total)` filled in: a holey list makes every later copy of it (sorting, statistics) slower.
  let samples: number[];
  if (parts.length <= 256) samples = ([] as number[]).concat(...parts.map((p) => p.samples));
  else {
    samples = [];
    for (const p of parts) for (const v of p.samples) samples.push(v);
  }
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const view = area?.view(samples.length);
  let plain = view !== undefined;
  // Indexed: until this is optimised, for…of makes an iterator result per sample.
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i] as number;
    // As SampleAccumulator finds them, so the numbers are those of one file holding all runs.
    if (v < min) min = v;
    if (v > max) max = v;
    if (view) {
      view[i] = v;
      // v - v is 0 only for a finite v.
      if (v === 0 || v - v !== 0) plain = false;
    }
  }
  return { samples, min, max, sorted: plain ? (view as Float64Array).sort() : undefined };
}

/** The union of complete sample lists: every statistic exact, as if one file held all runs. */
function pooledSamples(parts: readonly Series[], area: SortArea | undefined): { stats: SeriesStats; samples: number[]; complete: boolean; sorted?: ArrayLike<number> } {
  const all = allSamples(parts, area);
  if (all?.sorted) return { stats: exactStatsOfSorted(all.sorted, all.min, all.max), samples: all.samples, complete: true, sorted: all.sorted };
  if (all) {
    const { stats, sorted } = exactStatsAndOrder(all.samples, all.min, all.max);
    return { stats, samples: all.samples, complete: true, sorted };
  }
  const acc = new SampleAccumulator();
  for (const p of parts) for (const v of p.samples) acc.add(v);
  // Some run kept only a reservoir of its samples: the moments still pool exactly, percentiles are approximate.
  const moments = poolMoments(parts.map((p) => ({ n: p.stats.n ?? p.samples.length, mean: p.stats.mean, sd: p.stats.sd })));
  const fromKept = statsFromSamples(acc);
  return {
    stats: {
      ...fromKept,
      n: moments.n,
      mean: moments.mean,
      sd: moments.sd,
      cv: coefficientOfVariation(moments.mean, moments.sd),
      min: Math.min(...parts.map((p) => p.stats.min ?? Number.POSITIVE_INFINITY)),
      max: Math.max(...parts.map((p) => p.stats.max ?? Number.NEGATIVE_INFINITY)),
      approximate: true,
    },
    samples: [...acc.samples],
    complete: false,
  };
}

/** Stated summaries with n and sd pool exactly; percentiles do not pool and are left out. */
function pooledSummaries(parts: readonly Series[]): SeriesStats | undefined {
  if (!parts.every((p) => p.stats.n !== null && (p.stats.n === 1 || p.stats.sd !== null))) return undefined;
  const moments = poolMoments(parts.map((p) => ({ n: p.stats.n as number, mean: p.stats.mean, sd: p.stats.sd })));
  const all = (pick: (s: SeriesStats) => number | null) => parts.map((p) => pick(p.stats)).filter((v): v is number => v !== null);
  const mins = all((s) => s.min);
  const maxs = all((s) => s.max);
  return {
    n: moments.n,
    mean: moments.mean,
    sd: moments.sd,
    cv: coefficientOfVariation(moments.mean, moments.sd),
    min: mins.length === parts.length ? Math.min(...mins) : null,
    p50: null,
    p95: null,
    p99: null,
    max: maxs.length === parts.length ? Math.max(...maxs) : null,
    approximate: false,
  };
}

/**
 * One series from the same series of every run. Sampled runs pool their
 * samples; stated summaries pool their moments; summaries without n or sd
 * cannot pool, so each run's mean counts as one sample (n = runs).
 */
export function poolRuns(parts: readonly Series[], pattern: string, area?: SortArea): Series {
  const first = parts[0] as Series;
  // One loop, no closures: this runs for every pooled series.
  const files: string[] = [];
  const runMeans: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as Series;
    files.push(p.file);
    runMeans.push(p.stats.mean);
  }
  return withPooled(first, { pattern, files, runMeans }, pooledValues(parts, area));
}

type Pooled = Pick<Series, 'source' | 'stats' | 'samples' | 'outliers'>;

/** Whether every run's series holds samples (not a stated summary). */
function allSampled(parts: readonly Series[]): boolean {
  for (let i = 0; i < parts.length; i++) if ((parts[i] as Series).source !== 'samples') return false;
  return true;
}

function pooledValues(parts: readonly Series[], area: SortArea | undefined): Pooled {
  if (allSampled(parts)) {
    const { stats, samples, complete, sorted } = pooledSamples(parts, area);
    return { source: 'samples', stats, samples, outliers: complete ? findOutliers(samples, stats.p50 ?? undefined, sorted) : [] };
  }
  const summary = pooledSummaries(parts);
  if (summary) return { source: 'summary', stats: summary, samples: [], outliers: [] };
  const acc = new SampleAccumulator();
  for (const p of parts) acc.add(p.stats.mean);
  const samples = [...acc.samples];
  return { source: 'samples', stats: statsFromSamples(acc), samples, outliers: findOutliers(samples) };
}

/** The fields of a series as buildSeries writes them, in its order (`line` last, when there is one). */
const BUILT_FIELDS = ['id', 'file', 'metric', 'labels', 'unit', 'direction', 'directionSource', 'source', 'stats', 'outliers', 'samples', 'line'];

/**
 * How many of BUILT_FIELDS a series' keys are, in their order (11 without
 * `line`, 12 with it); 0 when they are not. Counted as for…in walks them:
 * no list of keys is made per pooled series.
 */
function builtFieldCount(series: Series): number {
  let count = 0;
  for (const key in series) {
    if (key !== BUILT_FIELDS[count]) return 0;
    count++;
  }
  return count;
}

/**
 * The first run's fields in its order with the pooled values, `replicates`
 * last: report.json lists them the same way every run. A series as
 * buildSeries made it is written out field by field (cheaper than copying
 * and then changing four fields); any other is copied.
 */
function withPooled(first: Series, replicates: ReplicateRuns, v: Pooled): Series {
  const fields = builtFieldCount(first);
  const built = fields === 11 || (fields === 12 && first.line !== undefined);
  if (!built) {
    // Each file's own runs (a `run_id` column) are its part of the pool: the files are the pooled series' runs.
    const { runs: _runs, ...rest } = first;
    return { ...rest, labels: { ...first.labels }, source: v.source, stats: v.stats, outliers: v.outliers, samples: v.samples, replicates };
  }
  const { id, file, metric, labels, unit, direction, directionSource } = first;
  if (fields === 12) return { id, file, metric, labels: { ...labels }, unit, direction, directionSource, source: v.source, stats: v.stats, outliers: v.outliers, samples: v.samples, line: first.line as number, replicates };
  return { id, file, metric, labels: { ...labels }, unit, direction, directionSource, source: v.source, stats: v.stats, outliers: v.outliers, samples: v.samples, replicates };
}

/**
 * Files whose paths differ only in a run index (`run_1/` … `run_5/`,
 * `bench_rep2.json`) are runs of one benchmark: the same series (metric and
 * labels) of every run become one series with all their samples, under the
 * id all runs share. Different files in one run folder (`summary.json`,
 * `metrics.json`) have different paths, so they never pool with each other.
 * A series whose unit or direction differs between runs is left unpooled.
 */
export function poolReplicates(series: readonly Series[]): { series: Series[]; groups: ReplicateGroup[] } {
  // One function per pass over the series: each is optimised on its own, small and soon, while the tree is read.
  const { groupOf, starts } = runGroups(series);
  if (groupOf.size === 0) return { series: [...series], groups: [] };
  return pooledSeries(series, poolEntries(series, groupOf, starts));
}

/**
 * Each file that is one run of a group (files whose paths differ only in a
 * run index) → its group; and where each file's run of series starts (a
 * file's series arrive together), so that later passes read a file's series
 * only when it is in a group.
 */
function runGroups(series: readonly Series[]): { groupOf: Map<string, RunGroup>; starts: number[] } {
  const starts: number[] = [];
  const byPath = new Map<string, Member[]>();
  const seenFile = new Set<string>();
  let previousFile: string | undefined;
  // Indexed, as every loop over all series here: run once, it is not optimised at first, and for…of then makes an
  // iterator result per series.
  for (let i = 0; i < series.length; i++) {
    const file = (series[i] as Series).file;
    // A file's series arrive together: most iterations skip the set.
    if (file === previousFile) continue;
    previousFile = file;
    starts.push(i);
    if (seenFile.has(file)) continue;
    seenFile.add(file);
    const rp = replicatePath(file);
    if (rp.indices.length === 0) continue;
    const members = byPath.get(rp.normalised) ?? [];
    members.push({ file, indices: rp.indices, written: rp.written });
    byPath.set(rp.normalised, members);
  }
  const groupOf = new Map<string, RunGroup>();
  for (const [normalised, members] of byPath) {
    if (members.length < 2) continue;
    members.sort((a, b) => compareIndices(a.indices, b.indices));
    // In run order, the first and the last run differ unless every file has the same indices (then nothing pools).
    if (compareIndices((members[0] as Member).indices, (members[members.length - 1] as Member).indices) === 0) continue;
    const order = new Map<string, number>();
    for (let i = 0; i < members.length; i++) order.set((members[i] as Member).file, i);
    const group: RunGroup = { normalised, pattern: replicatePattern(normalised, members), order, parts: new Map(), count: undefined };
    for (const m of members) groupOf.set(m.file, group);
  }
  return { groupOf, starts };
}

/**
 * Each series' copies in the other runs of its group (undefined outside
 * groups), found in one pass over the files of groups (`starts`: where each
 * file's series start): a file's group and run are looked up once.
 */
function poolEntries(series: readonly Series[], groupOf: ReadonlyMap<string, RunGroup>, starts: readonly number[]): (PoolEntry | undefined)[] {
  const entries = new Array<PoolEntry | undefined>(series.length);
  // The series of one row or object share their labels object: its key is written once for them.
  let labels: Record<string, string> | undefined;
  let labelsKey = '';
  for (let r = 0; r < starts.length; r++) {
    const start = starts[r] as number;
    const end = r + 1 < starts.length ? (starts[r + 1] as number) : series.length;
    const file = (series[start] as Series).file;
    const group = groupOf.get(file);
    // A file outside every group: its series are not read.
    if (!group) continue;
    const run = group.order.get(file) as number;
    for (let i = start; i < end; i++) {
      const s = series[i] as Series;
      if (s.labels !== labels) {
        labels = s.labels;
        labelsKey = labelKey(labels);
      }
      // Keyed within the group: the same metric and labels in every run of it (by metric, then labels: no key is joined per series).
      let byLabels = group.parts.get(s.metric);
      if (!byLabels) group.parts.set(s.metric, (byLabels = new Map()));
      let entry = byLabels.get(labelsKey);
      if (entry) {
        if (run < entry.lastRun) entry.inOrder = false;
        entry.list.push(s);
        entry.lastRun = run;
      } else byLabels.set(labelsKey, (entry = { group, list: [s], lastRun: run, inOrder: true, consistent: undefined, emitted: false }));
      entries[i] = entry;
    }
  }
  return entries;
}

/** The series in their order, each pooled one where its first run was; the groups in the order they pooled first. */
function pooledSeries(series: readonly Series[], entries: readonly (PoolEntry | undefined)[]): { series: Series[]; groups: ReplicateGroup[] } {
  const counted: ReplicateGroup[] = [];
  const out: Series[] = [];
  const area = new SortArea();
  for (let i = 0; i < series.length; i++) {
    const s = series[i] as Series;
    const entry = entries[i];
    if (!entry) {
      out.push(s);
      continue;
    }
    entry.consistent ??= sameQuantity(entry.list);
    if (!entry.consistent) {
      out.push(s);
      continue;
    }
    if (entry.emitted) continue;
    entry.emitted = true;
    const group = entry.group;
    out.push(poolRuns(entry.inOrder ? entry.list : runOrder(entry), group.pattern, area));
    if (!group.count) counted.push((group.count = { pattern: group.pattern, runs: group.order.size, series: 0 }));
    group.count.series += 1;
  }
  return { series: out, groups: counted };
}

/** Whether every run's copy of a series has the first one's unit and direction, and there are several. */
function sameQuantity(list: readonly Series[]): boolean {
  const first = list[0] as Series;
  if (list.length < 2) return false;
  for (let i = 1; i < list.length; i++) {
    const p = list[i] as Series;
    if (p.unit !== first.unit || p.direction !== first.direction) return false;
  }
  return true;
}

interface RunGroup {
  normalised: string;
  pattern: string;
  /** Each run's file → its place in run order. */
  order: Map<string, number>;
  /** Metric → labels (labelKey) → the runs' series of it. */
  parts: Map<string, Map<string, PoolEntry>>;
  /** How many series pooling made of the group, once it made one. */
  count: ReplicateGroup | undefined;
}

interface PoolEntry {
  group: RunGroup;
  list: Series[];
  /** The run (its file's place in run order) of the series listed last. */
  lastRun: number;
  /** Whether the series arrived in run order (files are usually discovered in it). */
  inOrder: boolean;
  /** Every run's copy has the same unit and direction (worked out once). */
  consistent: boolean | undefined;
  emitted: boolean;
}

/** A group's series of one metric in run order; series of one run keep the order they came in. */
function runOrder(entry: PoolEntry): Series[] {
  // Rare (files are usually discovered in run order): each series' run is looked up again here, not kept for all.
  const runs = entry.list.map((s) => entry.group.order.get(s.file) as number);
  const positions = entry.list.map((_, i) => i).sort((a, b) => (runs[a] as number) - (runs[b] as number) || a - b);
  return positions.map((i) => entry.list[i] as Series);
}

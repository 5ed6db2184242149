/**
 * One report from many shards: every shard's series under its hardware, so
 * series of different machines stay apart (the hardware is a label, part of
 * the id) and the findings rank hardware where one benchmark ran on several.
 * Pure: the shards are read before (read.ts), compared after (compare.ts).
 */
import { describeConfig, type Config } from '../config.js';
import { summariseInventory } from '../discover/inventory.js';
import { seriesId } from '../metrics/identity.js';
import type { ExperimentStructure } from '../model/finding.js';
import type { HardwareIdentity, ShardSummary } from '../model/hardware.js';
import { REPORT_SCHEMA_VERSION, type FileEntry, type InputNotice, type Narrative, type Report } from '../model/report.js';
import type { Series } from '../model/series.js';
import type { SnapshotSeries } from '../model/snapshot.js';
import { LIMITS } from '../parse/limits.js';
import { plural } from '../util/text.js';
import { VERSION } from '../version.js';
import type { Shard, ShardProblem } from './read.js';

/** The label a merged series carries its hardware in; `runner_hardware` when the files already use `hardware`. */
export const HARDWARE_LABEL = 'hardware';
const FALLBACK_LABEL = 'runner_hardware';

/** The snapshot entries that must agree for series of two shards to be the same benchmark. */
const MATCHING_CONFIG = ['path', 'patterns', 'format', 'directions', 'units', 'metrics'] as const;

/** Everything one hardware contributed: its shards' series as they wrote them, and their ids in the merged report. */
export interface HardwareGroup {
  id: string;
  identity: HardwareIdentity;
  shards: string[];
  /** Series as the shards wrote them (local ids, no hardware label): what this hardware's baseline is compared and saved as. */
  series: SnapshotSeries[];
  /** The id each of `series` has in the merged report, in the same order. */
  mergedIds: string[];
  /** The first shard's snapshot configuration (path, patterns, …): the cache key's scope. */
  config: Record<string, string>;
  commit?: { sha: string; ref?: string };
}

export interface MergedShards {
  label: string;
  groups: HardwareGroup[];
}

/** A label set with the hardware first, so a table row reads `l4 · llama3`. */
export function withHardware(labels: Record<string, string>, label: string, hardware: string): Record<string, string> {
  return { [label]: hardware, ...labels };
}

/**
 * A series' id in a merged report: its id with the hardware among the labels
 * (`bench/runs.csv::tokens_s{hardware=l4,model=llama3}`), keeping a repeat's
 * `#n`, so the same benchmark on two machines is two series.
 */
export function mergedId(s: Pick<SnapshotSeries, 'id' | 'file' | 'metric' | 'labels'>, label: string, hardware: string): string {
  const repeat = /#\d+$/.exec(s.id)?.[0] ?? '';
  return `${seriesId(s.file, s.metric, withHardware(s.labels, label, hardware))}${repeat}`;
}

/** Ids of one hardware's series in the merged report; a clash (ids not built from their parts) gets a `#dup<n>` instead of a silent overwrite. */
export function mergedIds(series: readonly SnapshotSeries[], label: string, hardware: string, taken: Set<string>): string[] {
  return series.map((s) => {
    let id = mergedId(s, label, hardware);
    for (let n = 2; taken.has(id); n++) id = `${mergedId(s, label, hardware)}#dup${n}`;
    taken.add(id);
    return id;
  });
}

export function labelFor(shards: readonly { snapshot: { series: readonly SnapshotSeries[] } }[]): string {
  return shards.some((sh) => sh.snapshot.series.some((s) => HARDWARE_LABEL in s.labels || (s.factors && HARDWARE_LABEL in s.factors))) ? FALLBACK_LABEL : HARDWARE_LABEL;
}

/**
 * Shards grouped by hardware: several shards of one machine type (a suite
 * split over identical runners) are one group; a series two of them both
 * hold is taken from the first and the overlap is a warning.
 */
export function groupShards(shards: readonly Shard[], problems: ShardProblem[]): MergedShards {
  const label = labelFor(shards);
  const groups = new Map<string, HardwareGroup & { local: Set<string> }>();
  const taken = new Set<string>();
  let total = 0;
  for (const shard of shards) {
    const id = shard.hardware.id;
    let group = groups.get(id);
    const fresh = shard.snapshot.series.filter((s) => !group?.local.has(s.id));
    const overlap = shard.snapshot.series.length - fresh.length;
    if (total + fresh.length > LIMITS.seriesPerRun) {
      problems.push({ name: shard.name, reason: `left out: its ${fresh.length} series would take the merge past ${LIMITS.seriesPerRun} series`, level: 'error' });
      continue;
    }
    total += fresh.length;
    if (!group) {
      group = { id, identity: shard.hardware, shards: [], series: [], mergedIds: [], config: shard.snapshot.config, local: new Set() };
      if (shard.snapshot.commit) group.commit = shard.snapshot.commit;
      groups.set(id, group);
    }
    if (overlap > 0) {
      problems.push({ name: shard.name, reason: `${plural(overlap, 'series', 'series')} also in shard ${group.shards[0] ?? ''} of the same hardware (${id}); the first shard's are kept`, level: 'warning' });
    }
    group.shards.push(shard.name);
    for (const s of fresh) group.local.add(s.id);
    // Runs of different runners are different runs, whatever their keys (two shards of one machine type too).
    group.series.push(...fresh.map((s) => (s.runs ? { ...s, runs: { ...s.runs, keys: s.runs.keys.map((k) => `${shard.name}\u0000${k}`) } } : s)));
    group.mergedIds.push(...mergedIds(fresh, label, id, taken));
  }
  return { label, groups: [...groups.values()].map(({ local: _local, ...g }) => g) };
}

function toSeries(s: SnapshotSeries, id: string, label: string, hardware: string): Series {
  const out: Series = {
    id,
    file: s.file,
    metric: s.metric,
    labels: withHardware(s.labels, label, hardware),
    unit: s.unit,
    direction: s.direction,
    directionSource: 'inferred',
    source: s.source,
    stats: s.stats,
    outliers: [],
    samples: s.samples,
  };
  if (s.line !== undefined) out.line = s.line;
  if (s.factors) out.factors = s.factors;
  if (s.experiment !== undefined) out.experiment = s.experiment;
  if (s.runs) out.runs = s.runs;
  return out;
}

/** Files each shard read, one entry per machine and file; what went wrong on one machine says which. */
function mergedFiles(shards: readonly Shard[]): { files: FileEntry[]; git: { checkout: boolean; shallow: boolean } } {
  const files: FileEntry[] = [];
  const git = { checkout: false, shallow: false };
  for (const shard of shards) {
    if (!shard.report) continue;
    git.checkout ||= shard.report.git.checkout;
    git.shallow ||= shard.report.git.shallow;
    const on = `on ${shard.hardware.id}`;
    for (const f of shard.report.files) {
      const entry: FileEntry = { ...f, problems: f.problems.map((p) => ({ ...p, reason: `${on}: ${p.reason}` })) };
      if (f.reason !== undefined) entry.reason = `${on}: ${f.reason}`;
      files.push(entry);
    }
  }
  return { files, git };
}

function mergedExperiments(shards: readonly Shard[]): ExperimentStructure {
  const groups = new Map<string, ExperimentStructure['replicateGroups'][number]>();
  const factors = new Map<string, ExperimentStructure['factors'][number]>();
  let before = 0;
  for (const shard of shards) {
    const e = shard.report?.experiments;
    if (!e) continue;
    before += e.seriesBeforePooling;
    for (const g of e.replicateGroups) if (!groups.has(g.pattern)) groups.set(g.pattern, g);
    for (const f of e.factors) {
      const key = `${f.name}\u0000${f.where}`;
      const seen = factors.get(key);
      if (seen) seen.levels = [...new Set([...seen.levels, ...f.levels])];
      else factors.set(key, { ...f, levels: [...f.levels] });
    }
  }
  return { replicateGroups: [...groups.values()], factors: [...factors.values()], seriesBeforePooling: before };
}

/** Notices the shards' own runs raised (a pattern without files), once each, naming the machines; the gate's are the merge's to judge. */
function shardNotices(shards: readonly Shard[]): InputNotice[] {
  const byText = new Map<string, { notice: InputNotice; on: string[] }>();
  for (const shard of shards) {
    for (const n of shard.report?.notices ?? []) {
      if (n.input === 'gate' || n.input === 'thresholds') continue;
      const key = `${n.level}\u0000${n.input}\u0000${n.message}`;
      const seen = byText.get(key);
      if (seen) {
        if (!seen.on.includes(shard.hardware.id)) seen.on.push(shard.hardware.id);
      } else byText.set(key, { notice: n, on: [shard.hardware.id] });
    }
  }
  return [...byText.values()].map(({ notice, on }) => ({ ...notice, message: `on ${on.join(', ')}: ${notice.message}` }));
}

/** Shards analysed with different settings hold series that may not be the same benchmarks: said once, with the entries. */
function settingsNotice(shards: readonly Shard[]): InputNotice | undefined {
  const first = shards[0];
  if (!first) return undefined;
  const differing = MATCHING_CONFIG.filter((key) => shards.some((s) => (s.snapshot.config[key] ?? '') !== (first.snapshot.config[key] ?? '')));
  if (differing.length === 0) return undefined;
  return { input: 'shards', level: 'warning', message: `the shards were analysed with different ${differing.join(', ')}: series of one benchmark may not line up across hardware` };
}

export function problemNotices(problems: readonly ShardProblem[], input = 'shards'): InputNotice[] {
  return problems.map((p) => ({ input, level: p.level, message: `${JSON.stringify(p.name)} ${p.reason}` }));
}

export interface MergeDependencies {
  now: () => Date;
  commit?: { sha: string; ref?: string };
  narrative: Narrative;
  /** Milliseconds spent finding and reading the shards, for the report's timings. */
  readMs: number;
  elapsed: () => number;
}

/**
 * The merged report before comparison and findings: the shards' series
 * under their hardware, their files, the shards listed, and every problem
 * as a notice (input `shards`): an error for a shard left out, a warning
 * for a part of one.
 */
export function mergeShards(shards: readonly Shard[], readProblems: readonly ShardProblem[], config: Config, deps: MergeDependencies): { report: Report; merged: MergedShards } {
  const t0 = deps.elapsed();
  const problems = [...readProblems];
  const merged = groupShards(shards, problems);
  const kept = new Set(merged.groups.flatMap((g) => g.shards));
  const used = shards.filter((s) => kept.has(s.name));
  const series: Series[] = [];
  for (const g of merged.groups) g.series.forEach((s, i) => series.push(toSeries(s, g.mergedIds[i] as string, merged.label, g.id)));
  const { files, git } = mergedFiles(used);
  const first = used[0];
  const roots = new Set(used.map((s) => s.snapshot.config.path ?? s.report?.root ?? '.'));
  const config0: Record<string, string> = { ...describeConfig(config) };
  // The analysis settings are the shards' (they read the files); the gate's are this run's.
  for (const key of MATCHING_CONFIG) {
    const value = first?.snapshot.config[key];
    if (value !== undefined) config0[key] = value;
  }
  const commits = new Set(used.map((s) => s.snapshot.commit?.sha).filter((c): c is string => c !== undefined));
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'chimera-insight',
    toolVersion: VERSION,
    generatedAt: deps.now().toISOString(),
    root: roots.size === 1 ? ([...roots][0] as string) : '.',
    inventory: summariseInventory(files, git),
    series,
    experiments: mergedExperiments(used),
    findings: [],
    narrative: deps.narrative,
    timings: { discoverMs: deps.readMs, parseMs: 0, analyzeMs: 0, renderMs: 0 },
    config: config0,
    shards: used.map((s): ShardSummary => {
      const summary: ShardSummary = {
        name: s.name,
        hardware: s.hardware,
        series: s.snapshot.series.length,
        files: s.report ? s.report.files.filter((f) => f.status === 'parsed' && !f.document).length : 0,
      };
      if (s.snapshot.commit) summary.commit = s.snapshot.commit;
      return summary;
    }),
  };
  if (deps.commit) report.commit = deps.commit;
  else if (commits.size === 1 && first?.snapshot.commit) report.commit = first.snapshot.commit;
  const notices = [...problemNotices(problems), ...shardNotices(used)];
  const settings = settingsNotice(used);
  if (settings) notices.push(settings);
  if (used.length === 0) notices.push({ input: 'shards', level: 'error', message: 'no shard could be merged: the report has no series' });
  if (notices.length > 0) report.notices = notices;
  report.timings.analyzeMs = deps.elapsed() - t0;
  return { report, merged };
}

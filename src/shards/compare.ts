/**
 * The compare stage of a merge: each hardware's series against the baseline
 * of the same hardware, in that hardware's own ids (so the default-branch
 * history of that machine applies), then put under the merged report's ids.
 * A machine with no baseline of its own is compared with another machine's,
 * shown and never gated. One verdict over everything.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SeriesRuns } from '../baseline/branch-history.js';
import { compareAll, type HistoryLookup } from '../baseline/compare.js';
import { buildComparisonReport, noBaselineReport } from '../baseline/gate.js';
import { addGateNotices } from '../baseline/notices.js';
import { SnapshotError } from '../baseline/snapshot.js';
import type { CacheClient } from '../baseline/sources/cache.js';
import { alignNewestRuns } from '../baseline/sources/history.js';
import { BaselineError, isPushToDefaultBranch, type BaselineLog, type EventInfo } from '../baseline/sources/types.js';
import { onOtherHardware, useHistory, type CompareStage } from '../baseline/stage.js';
import { historySummary } from '../baseline/trends.js';
import type { Config } from '../config.js';
import type { BranchHistory } from '../model/branch-history.js';
import type { BaselineInfo, SeriesComparison } from '../model/comparison.js';
import type { Report } from '../model/report.js';
import { LLM_SERIES_PREFIX, type Series } from '../model/series.js';
import type { SnapshotSeries } from '../model/snapshot.js';
import { logSafe } from '../util/log-safe.js';
import { findMergeBaseline, type BaselineGroup, type MergeBaselineSearch } from './baseline.js';
import { mergedIds, problemNotices, withHardware, type HardwareGroup, type MergedShards } from './merge.js';

export interface MergeCompareOptions {
  config: Config;
  event: EventInfo;
  merged: MergedShards;
  headFolders: readonly { dir: string; name: string }[];
  file: { base: string; confineToBase: boolean };
  cache?: { client: CacheClient; dir: string };
  log: BaselineLog;
  tempRoot: string;
}

export interface MergeCompareStage extends Omit<CompareStage, 'history'> {
  /** Each merged hardware's default-branch history restored with its baseline (same hardware only), to append this run to on a push. */
  histories: () => Map<string, BranchHistory>;
}

/**
 * The baseline a machine without its own is compared with: the other
 * machine's baseline sharing the most of its series (ties to the first id),
 * else one that records no hardware; none when nothing would match.
 */
export function fallbackGroup(groups: readonly BaselineGroup[], head: HardwareGroup): BaselineGroup | undefined {
  const ids = new Set(head.series.map((s) => s.id));
  const shared = (g: BaselineGroup) => g.series.reduce((n, s) => n + (ids.has(s.id) ? 1 : 0), 0);
  const candidates = groups
    .filter((g) => g.hardware?.id !== head.id)
    .map((g) => ({ g, n: shared(g) }))
    .filter((c) => c.n > 0)
    .sort((a, b) => Number(a.g.hardware === undefined) - Number(b.g.hardware === undefined) || b.n - a.n || (a.g.hardware?.id ?? '').localeCompare(b.g.hardware?.id ?? ''));
  return candidates[0]?.g;
}

/** A local comparison under the merged report's id and labels. */
function relabel(c: SeriesComparison, id: string, label: string, hardware: string): SeriesComparison {
  return { ...c, id, labels: withHardware(c.labels, label, hardware) };
}

function oldest(times: (string | undefined)[]): string | undefined {
  return times.filter((t): t is string => t !== undefined).sort()[0];
}

interface Outcome {
  comparisons: SeriesComparison[];
  runs: Map<string, SeriesRuns>;
  historyRuns: number;
  notes: string[];
}

function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** One sentence per baseline the machines without their own were compared with. */
function otherHardwareNotes(borrowed: Map<string, string[]>): string[] {
  return [...borrowed].map(([base, heads]) => {
    const many = heads.length > 1;
    const what = base === UNRECORDED ? 'a baseline that records no hardware' : `the ${base} baseline`;
    return `different hardware: ${names(heads)} ${many ? 'have' : 'has'} no baseline of ${many ? 'their' : 'its'} own and ${many ? 'are' : 'is'} compared with ${what}, not gated`;
  });
}

const UNRECORDED = 'unrecorded hardware';

/**
 * Every comparison of the merge, in merged ids: each head hardware against
 * its own baseline (gated as configured), or another machine's (ungated,
 * `baselineHardware` set), or none (new); then the series of baseline
 * machines no shard was merged for (missing).
 */
export function compareMerged(merged: MergedShards, search: MergeBaselineSearch, config: Config): Outcome {
  const gate = config.gate;
  const out: Outcome = { comparisons: [], runs: new Map(), historyRuns: 0, notes: [] };
  const taken = new Set(merged.groups.flatMap((g) => g.mergedIds));
  const headIds = new Set(merged.groups.map((g) => g.id));
  const borrowed = new Map<string, string[]>();
  for (const head of merged.groups) {
    const own = search.groups.find((g) => g.hardware?.id === head.id);
    const base = own ?? fallbackGroup(search.groups, head);
    const ids = new Map(head.series.map((s, i) => [s.id, head.mergedIds[i] as string]));
    if (!base) {
      out.comparisons.push(...compareAll([], head.series, gate).map((c) => relabel(c, ids.get(c.id) as string, merged.label, head.id)));
      continue;
    }
    const sides = alignNewestRuns(base.series.filter((s) => !s.id.startsWith(LLM_SERIES_PREFIX)), head.series);
    let lookup: HistoryLookup | undefined;
    if (own && own.history && gate.historySize > 0) {
      const used = useHistory(own.history, gate.historySize, sides.head, own.commit?.sha);
      lookup = used.lookup;
      for (const [id, r] of used.runs) out.runs.set(ids.get(id) ?? id, r);
      out.historyRuns = Math.max(out.historyRuns, used.history.runs.length);
    }
    const local = compareAll(sides.base, sides.head, gate, lookup);
    // Series only the baseline has are named under this hardware too; their ids cannot clash with the head's.
    const missing = local.filter((c) => !ids.has(c.id));
    const missingIds = mergedIds(
      missing.map((c) => ({ id: c.id, file: c.file, metric: c.metric, labels: c.labels }) as SnapshotSeries),
      merged.label,
      head.id,
      taken,
    );
    missing.forEach((c, i) => ids.set(c.id, missingIds[i] as string));
    const otherHardware = own ? undefined : (base.hardware?.id ?? UNRECORDED);
    for (const c of local) {
      // What another machine ran and this one did not is not missing from this machine's run.
      if (otherHardware && c.verdict === 'missing') continue;
      const placed = relabel(c, ids.get(c.id) as string, merged.label, head.id);
      out.comparisons.push(otherHardware ? onOtherHardware(placed, otherHardware) : placed);
    }
    if (otherHardware) borrowed.set(otherHardware, [...(borrowed.get(otherHardware) ?? []), head.id]);
  }
  out.notes.push(...otherHardwareNotes(borrowed));
  // Machines the baseline has and this merge does not: a shard that did not arrive.
  for (const g of search.groups) {
    const hw = g.hardware?.id;
    if (hw === undefined || headIds.has(hw)) continue;
    const missing = compareAll(g.series, [], gate);
    const ids = mergedIds(g.series, merged.label, hw, taken);
    const byLocal = new Map(g.series.map((s, i) => [s.id, ids[i] as string]));
    out.comparisons.push(...missing.map((c) => relabel(c, byLocal.get(c.id) as string, merged.label, hw)));
    out.notes.push(`no shard of ${hw} was merged, though the baseline has one: its ${g.series.length} series are missing`);
  }
  return out;
}

/** The merge's compare stage: its baselines, comparisons and the one verdict (report.comparison). */
export function mergeCompareStage(options: MergeCompareOptions): MergeCompareStage {
  const gate = options.config.gate;
  const histories = new Map<string, BranchHistory>();
  const compare = async (report: Report): Promise<void> => {
    addGateNotices(report, gate);
    if (gate.baseline.kind === 'none') return;
    await fs.mkdir(options.tempRoot, { recursive: true });
    const tempDir = await fs.mkdtemp(path.join(options.tempRoot, 'chimera-baseline-'));
    try {
      let search: MergeBaselineSearch;
      try {
        search = await findMergeBaseline(gate.baseline, {
          event: options.event,
          head: options.merged.groups,
          headFolders: options.headFolders,
          file: options.file,
          ...(options.cache ? { cache: options.cache } : {}),
          tempDir,
          log: options.log,
        });
      } catch (err) {
        if (!(err instanceof BaselineError || err instanceof SnapshotError)) throw err;
        report.comparison = { ...noBaselineReport([{ source: gate.baseline.kind, outcome: err.message }], gate), error: err.message };
        return;
      }
      if (search.problems.length > 0) {
        // A baseline shard that cannot be read leaves its hardware without a baseline: said, not fatal.
        report.notices = [...(report.notices ?? []), ...problemNotices(search.problems.map((p) => ({ ...p, level: 'warning' as const })), 'baseline')];
      }
      if (search.groups.length === 0 || !search.source) {
        options.log.info('No baseline found: nothing compared, the gate passes.');
        report.comparison = noBaselineReport(search.attempts, gate);
        return;
      }
      for (const g of search.groups) {
        if (g.hardware && g.history && options.merged.groups.some((h) => h.id === g.hardware?.id)) histories.set(g.hardware.id, g.history);
      }
      const outcome = compareMerged(options.merged, search, options.config);
      const commits = new Set(search.groups.map((g) => g.commit?.sha));
      const first = search.groups[0] as BaselineGroup;
      const info: BaselineInfo = { source: search.source, description: search.description ?? first.description };
      const createdAt = oldest(search.groups.map((g) => g.createdAt));
      if (createdAt) info.createdAt = createdAt;
      if (commits.size === 1 && first.commit) info.commit = first.commit;
      if (outcome.notes.length > 0) info.note = outcome.notes.join('; ');
      for (const note of outcome.notes) options.log.warning(`Baseline: ${logSafe(note)}.`);
      options.log.info(`Baseline: ${logSafe(info.description)}, ${search.groups.length} hardware.`);
      report.comparison = buildComparisonReport({ comparisons: outcome.comparisons, baseline: info, attempts: search.attempts, gate });
      if (outcome.runs.size > 0) {
        const current = new Map(report.series.map((s) => [s.id, s.stats.mean]));
        const input = { comparisons: outcome.comparisons, runs: outcome.runs, current, historyRuns: outcome.historyRuns, changePoints: isPushToDefaultBranch(options.event) };
        report.comparison.history = historySummary(options.event.headSha ? { ...input, commit: options.event.headSha } : input);
      }
      for (const s of report.shards ?? []) {
        const head = options.merged.groups.find((g) => g.shards.includes(s.name));
        if (!head) continue;
        const own = search.groups.find((g) => g.hardware?.id === head.id);
        const base = own ?? fallbackGroup(search.groups, head);
        if (!base) continue;
        s.baseline = { hardware: base.hardware?.id ?? null, description: base.description, sameHardware: own !== undefined };
        if (base.createdAt) s.baseline.createdAt = base.createdAt;
      }
    } finally {
      await fs.rm(tempDir, { recursive: true, force: true });
    }
  };
  // The merge job's own model calls ran on no shard's hardware: reported, never compared.
  const compareLate = (report: Report, late: Series[]): void => {
    report.series.push(...late);
  };
  // Only the histories outlive the comparison: the baseline's series are let go with it.
  return { compare, compareLate, histories: () => histories };
}

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LLM_SERIES_PREFIX, type Series } from '../model/series.js';
import type { Report } from '../model/report.js';
import { logSafe } from '../util/log-safe.js';
import type { BranchHistory } from '../model/branch-history.js';
import type { SeriesComparison } from '../model/comparison.js';
import { historyBySeries, type SeriesRuns } from './branch-history.js';
import { calibrate } from './calibrate.js';
import { compareAll, type HistoryLookup } from './compare.js';
import { buildComparisonReport, noBaselineReport } from './gate.js';
import { seriesHistory } from './noise.js';
import { addGateNotices } from './notices.js';
import { SnapshotError } from './snapshot.js';
import { alignNewestRuns } from './sources/history.js';
import { historySummary } from './trends.js';
import { findBaseline, type SourceContext } from './sources/resolve.js';
import { BaselineError, isPushToDefaultBranch, type BaselineFound } from './sources/types.js';
import type { SnapshotSeries } from '../model/snapshot.js';
import type { HardwareIdentity } from '../model/hardware.js';

export interface CompareStage {
  /** Finds the baseline and sets `report.comparison`. */
  compare: (report: Report) => Promise<void>;
  /**
   * Adds series measured after the comparison (the LLM's tokens/s) to the
   * report and compares them with the same baseline, gated; the verdict is
   * recomputed. Without a baseline they only join the report (and so the snapshot).
   */
  compareLate: (report: Report, series: Series[]) => void;
  /** The default-branch history restored with the baseline, to append this run to on a push (see finishGate). */
  history: () => BranchHistory | undefined;
}

/** The history as this run uses it: per-series runs and noise, for the series compared. */
export interface HistoryUse {
  history: BranchHistory;
  runs: Map<string, SeriesRuns>;
  lookup: HistoryLookup;
}

/**
 * The last `size` runs of the history, per compared head series. The baseline
 * is pooled from them only when the history's newest run is the baseline's
 * own commit (the cache entry holds both).
 */
export function useHistory(history: BranchHistory, size: number, head: readonly SnapshotSeries[], baselineSha: string | undefined): HistoryUse {
  const trimmed = { ...history, runs: history.runs.slice(-size) };
  const runs = historyBySeries(trimmed, head);
  const pool = baselineSha !== undefined && trimmed.runs[trimmed.runs.length - 1]?.commit === baselineSha;
  const lookup = new Map([...runs].map(([id, r]) => [id, seriesHistory(r.values, { pool })]));
  return { history: trimmed, runs, lookup };
}

/** The two hardware ids when both runs record theirs and they differ; a baseline of an earlier version records none. */
export function differentHardware(head: HardwareIdentity | undefined, base: HardwareIdentity | undefined): { head: string; base: string } | undefined {
  return head && base && head.id !== base.id ? { head: head.id, base: base.id } : undefined;
}

/** A comparison with another machine's baseline: shown with the machine named, never gated. */
export function onOtherHardware(c: SeriesComparison, baseHardware: string): SeriesComparison {
  const note = `different hardware: the baseline ran on ${baseHardware}${c.gated ? ', so this does not gate' : ''}`;
  return { ...c, gated: false, baselineHardware: baseHardware, note: [c.note, note].filter(Boolean).join('; ') };
}

export interface CompareStageOptions extends Omit<SourceContext, 'headSeries' | 'tempDir'> {
  /** Parent of the temporary directory the git and file sources work in (removed afterwards). */
  tempRoot: string;
}

/**
 * The pipeline's compare stage: finds the baseline the `baseline` input asks
 * for, compares every series with it and sets `report.comparison`. With
 * `baseline: none` it leaves the report without a comparison.
 */
export function compareStage(options: CompareStageOptions): CompareStage {
  let baseline: BaselineFound | undefined;
  let used: HistoryUse | undefined;
  const gate = options.config.gate;
  const summarise = (report: Report, comparisons: SeriesComparison[]) => {
    if (!used || !report.comparison) return;
    const current = new Map(report.series.map((s) => [s.id, s.stats.mean]));
    const input = { comparisons, runs: used.runs, current, historyRuns: used.history.runs.length, changePoints: isPushToDefaultBranch(options.event) };
    report.comparison.history = historySummary(options.event.headSha ? { ...input, commit: options.event.headSha } : input);
  };
  // Every benchmark's newest run and every other series, whatever the baseline compared.
  const calibration = (report: Report) => {
    if (gate.calibrate) report.calibration = calibrate(alignNewestRuns(report.series, report.series).head, used?.runs, gate, used?.history.runs.length ?? 0);
  };
  const compare = async (report: Report): Promise<void> => {
    // Judged on the head's series whether or not a baseline is found: a gate that gates nothing is wrong either way.
    addGateNotices(report, gate);
    if (gate.baseline.kind === 'none') {
      calibration(report);
      return;
    }
    await fs.mkdir(options.tempRoot, { recursive: true });
    const tempDir = await fs.mkdtemp(path.join(options.tempRoot, 'chimera-baseline-'));
    try {
      let search;
      try {
        search = await findBaseline(gate.baseline, { ...options, tempDir, headSeries: report.series, ...(report.hardware ? { hardware: report.hardware.id } : {}) });
      } catch (err) {
        if (!(err instanceof BaselineError || err instanceof SnapshotError)) throw err;
        // The named baseline is unusable: publish the report saying so, then fail the step.
        report.comparison = { ...noBaselineReport([{ source: gate.baseline.kind, outcome: err.message }], gate), error: err.message };
        calibration(report);
        return;
      }
      if (!search.found) {
        options.log.info('No baseline found: nothing compared, the gate passes.');
        report.comparison = noBaselineReport(search.attempts, gate);
        calibration(report);
        return;
      }
      baseline = search.found;
      const { info, series } = search.found;
      const otherHardware = differentHardware(report.hardware, search.found.hardware);
      if (otherHardware) {
        const warning = `different hardware: this run measured on ${otherHardware.head}, the baseline on ${otherHardware.base}; the changes are shown, not gated`;
        info.note = info.note ? `${info.note}; ${warning}` : warning;
        options.log.warning(`Baseline: ${warning}.`);
      }
      // History pairs runs itself; a baseline from another commit is aligned run to run here.
      const sides = search.found.head ? { base: series, head: search.found.head } : alignNewestRuns(series, report.series);
      if ('omitted' in sides && sides.omitted > 0 && !info.note) {
        info.note = `each timestamped benchmark's newest run is compared with the baseline's newest; older runs (${sides.omitted} series) are not`;
      }
      options.log.info(`Baseline: ${logSafe(info.description)}${info.createdAt ? ` (data from ${info.createdAt})` : ''}, ${series.length} series${info.note ? `; ${logSafe(info.note)}` : ''}.`);
      if (search.found.history && gate.historySize > 0) {
        used = useHistory(search.found.history, gate.historySize, sides.head, info.commit?.sha);
        options.log.info(`Default-branch history: ${used.history.runs.length} runs, ${used.runs.size} of the compared series in it.`);
      }
      // Late series are not measured yet: compareLate judges them, so they are not "missing" here.
      const ungated = new Set(search.found.ungated?.ids ?? []);
      const comparisons = compareAll(sides.base.filter((s) => !s.id.startsWith(LLM_SERIES_PREFIX)), sides.head, gate, used?.lookup)
        .map((c) => (ungated.has(c.id) && c.gated ? { ...c, gated: false, note: [c.note, 'not gated: this checkout did not produce the run'].filter(Boolean).join('; ') } : c))
        .map((c) => (otherHardware ? onOtherHardware(c, otherHardware.base) : c));
      report.comparison = buildComparisonReport({ comparisons, baseline: info, attempts: search.attempts, gate });
      summarise(report, comparisons);
      calibration(report);
    } finally {
      await fs.rm(tempDir, { recursive: true, force: true });
    }
  };
  const compareLate = (report: Report, late: Series[]): void => {
    report.series.push(...late);
    const current = report.comparison;
    if (!baseline || !current?.baseline || late.length === 0) return;
    const ids = new Set(late.map((s) => s.id));
    const base: SnapshotSeries[] = baseline.series.filter((s) => ids.has(s.id));
    let lookup: HistoryLookup | undefined;
    if (used) {
      const lateUse = useHistory(used.history, gate.historySize, late, current.baseline.commit?.sha);
      for (const [id, r] of lateUse.runs) used.runs.set(id, r);
      lookup = lateUse.lookup;
    }
    // Opting in with gate-llm-throughput gates these series whatever the `gate` selection says.
    const otherHardware = differentHardware(report.hardware, baseline.hardware);
    const added = compareAll(base, late, options.config.gate, lookup).map((c) => (otherHardware ? onOtherHardware({ ...c, gated: true }, otherHardware.base) : { ...c, gated: true }));
    const comparisons = [...current.series, ...added];
    // No `error` to carry over: a comparison with an unusable baseline has no `baseline` and returned above.
    report.comparison = buildComparisonReport({ comparisons, baseline: current.baseline, attempts: current.attempts, gate: options.config.gate });
    summarise(report, comparisons);
  };
  return { compare, compareLate, history: () => baseline?.history };
}

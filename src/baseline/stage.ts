import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LLM_SERIES_PREFIX, type Series } from '../model/series.js';
import type { Report } from '../model/report.js';
import { logSafe } from '../util/log-safe.js';
import { compareAll } from './compare.js';
import { buildComparisonReport, noBaselineReport } from './gate.js';
import { gateNotices } from './notices.js';
import { SnapshotError } from './snapshot.js';
import { alignNewestRuns } from './sources/history.js';
import { findBaseline, type SourceContext } from './sources/resolve.js';
import { BaselineError, type BaselineFound } from './sources/types.js';
import type { SnapshotSeries } from '../model/snapshot.js';

export interface CompareStage {
  /** Finds the baseline and sets `report.comparison`. */
  compare: (report: Report) => Promise<void>;
  /**
   * Adds series measured after the comparison (the LLM's tokens/s) to the
   * report and compares them with the same baseline, gated; the verdict is
   * recomputed. Without a baseline they only join the report (and so the snapshot).
   */
  compareLate: (report: Report, series: Series[]) => void;
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
  const compare = async (report: Report): Promise<void> => {
    const gate = options.config.gate;
    // Judged on the head's series whether or not a baseline is found: a gate that gates nothing is wrong either way.
    const notices = gateNotices(gate, report.series);
    if (notices.length > 0) report.notices = [...(report.notices ?? []), ...notices];
    if (gate.baseline.kind === 'none') return;
    await fs.mkdir(options.tempRoot, { recursive: true });
    const tempDir = await fs.mkdtemp(path.join(options.tempRoot, 'chimera-baseline-'));
    try {
      let search;
      try {
        search = await findBaseline(gate.baseline, { ...options, tempDir, headSeries: report.series });
      } catch (err) {
        if (!(err instanceof BaselineError || err instanceof SnapshotError)) throw err;
        // The named baseline is unusable: publish the report saying so, then fail the step.
        report.comparison = { ...noBaselineReport([{ source: gate.baseline.kind, outcome: err.message }], gate), error: err.message };
        return;
      }
      if (!search.found) {
        options.log.info('No baseline found: nothing compared, the gate passes.');
        report.comparison = noBaselineReport(search.attempts, gate);
        return;
      }
      baseline = search.found;
      const { info, series } = search.found;
      // History pairs runs itself; a baseline from another commit is aligned run to run here.
      const sides = search.found.head ? { base: series, head: search.found.head } : alignNewestRuns(series, report.series);
      if ('omitted' in sides && sides.omitted > 0 && !info.note) {
        info.note = `each timestamped benchmark's newest run is compared with the baseline's newest; older runs (${sides.omitted} series) are not`;
      }
      options.log.info(`Baseline: ${logSafe(info.description)}${info.createdAt ? ` (data from ${info.createdAt})` : ''}, ${series.length} series${info.note ? `; ${logSafe(info.note)}` : ''}.`);
      // Late series are not measured yet: compareLate judges them, so they are not "missing" here.
      const comparisons = compareAll(sides.base.filter((s) => !s.id.startsWith(LLM_SERIES_PREFIX)), sides.head, gate);
      report.comparison = buildComparisonReport({ comparisons, baseline: info, attempts: search.attempts, gate });
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
    // Opting in with gate-llm-throughput gates these series whatever the `gate` selection says.
    const added = compareAll(base, late, options.config.gate).map((c) => ({ ...c, gated: true }));
    // No `error` to carry over: a comparison with an unusable baseline has no `baseline` and returned above.
    report.comparison = buildComparisonReport({ comparisons: [...current.series, ...added], baseline: current.baseline, attempts: current.attempts, gate: options.config.gate });
  };
  return { compare, compareLate };
}

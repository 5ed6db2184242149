/**
 * What the comparison report keeps of the default-branch history: how many
 * series used which noise, the trend of each gated metric, and on pushes to
 * the default branch the change points of those trends. Pure.
 */
import type { ChangeEvent, HistorySummary, SeriesComparison, SeriesTrend } from '../model/comparison.js';
import type { SeriesRuns } from './branch-history.js';
import { detectChanges } from './change-points.js';
import { bySeverity } from './gate.js';

/** Trends kept in report.json; the comment shows fewer (src/report/trend.ts). */
export const TREND_SERIES_LIMIT = 50;

export interface TrendInput {
  comparisons: readonly SeriesComparison[];
  /** Default-branch runs per head series id. */
  runs: ReadonlyMap<string, SeriesRuns>;
  /** This run's mean per head series id (the trend plots means whatever the compared statistic). */
  current: ReadonlyMap<string, number>;
  /** Runs in the history. */
  historyRuns: number;
  /** Look for change points (pushes to the default branch: this run is the newest of the branch). */
  changePoints: boolean;
  /** This run's commit, for a change found at this run. */
  commit?: string;
}

/**
 * Steps and drifts in the history followed by this run. The latest step is
 * the one nothing moved after ("and stayed there").
 */
export function changeEvents(points: SeriesTrend['points'], current: number | null, commit?: string): ChangeEvent[] {
  const values = points.map((p) => p.value);
  const commits = points.map((p) => p.commit);
  if (current !== null) {
    values.push(current);
    commits.push(commit);
  }
  const analysis = detectChanges(values);
  const last = values.length - 1;
  const event = (e: Omit<ChangeEvent, 'commit'>, at: number): ChangeEvent => {
    const c = commits[at];
    return c ? { ...e, commit: c } : e;
  };
  if (analysis.kind === 'drift' && analysis.drift) {
    const d = analysis.drift;
    return [event({ kind: 'drift', index: 0, runsAgo: last, change: d.start === 0 ? 0 : (d.end - d.start) / Math.abs(d.start), p: d.p, latest: true }, 0)];
  }
  return analysis.steps.map((s, i) =>
    event({ kind: 'step', index: s.index, runsAgo: last - s.index, change: s.before === 0 ? 0 : (s.after - s.before) / Math.abs(s.before), p: s.p, latest: i === analysis.steps.length - 1 }, s.index),
  );
}

export function historySummary(input: TrendInput): HistorySummary {
  let betweenRun = 0;
  let withinRun = 0;
  for (const c of input.comparisons) {
    if (!c.noise || c.noise.historyRuns === 0) continue;
    if (c.noise.source === 'between-run') betweenRun += 1;
    else withinRun += 1;
  }
  const gated = input.comparisons.filter((c) => c.gated && input.runs.has(c.id)).sort(bySeverity).slice(0, TREND_SERIES_LIMIT);
  const trends = gated.map((c): SeriesTrend => {
    const runs = input.runs.get(c.id) as SeriesRuns;
    const points = runs.values.map((v) => ({ value: v.mean, ...(v.commit ? { commit: v.commit } : {}), createdAt: v.createdAt }));
    const current = input.current.get(c.id) ?? null;
    const trend: SeriesTrend = { id: c.id, metric: c.metric, labels: c.labels, unit: c.unit, direction: c.direction, threshold: c.threshold, points, current };
    if (input.changePoints) trend.changes = changeEvents(points, current, input.commit);
    return trend;
  });
  return { runs: input.historyRuns, betweenRun, withinRun, trends, changePoints: input.changePoints };
}

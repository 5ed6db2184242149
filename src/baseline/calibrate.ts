/**
 * A/A calibration (`calibrate: true`): how much this runner's numbers move
 * when nothing changed. Per series:
 * - split-half: the odd-numbered samples against the even-numbered ones,
 *   compared exactly as the gate compares two runs (within-run noise only);
 * - against the history: this run against the default-branch history, as the
 *   history-aware gate compares them (if nothing changed, any verdict other
 *   than unchanged or inconclusive is a false alarm);
 * - the noise floor: the standard deviation of the relative change between
 *   this run and its baseline when nothing changed, from the larger of the
 *   within-run and between-run spreads, and the threshold that noise alone
 *   crosses in the bad direction about 1% of the time (z₀.₉₉ = 2.326 noise
 *   floors, rounded up to 0.5%).
 * Pure; the compare stage calls it and the report renders it.
 */
import type { CalibrationReport, CalibrationRow } from '../model/calibration.js';
import type { SeriesStats } from '../model/series.js';
import type { SnapshotSeries } from '../model/snapshot.js';
import type { SeriesRuns } from './branch-history.js';
import { compareSeries, type CompareSettings } from './compare.js';
import { seriesHistory } from './noise.js';
import { normalQuantile } from './power.js';
import { compileGateRules } from './thresholds.js';

export const CALIBRATION_FALSE_ALARM_RATE = 0.01;
/** Rows kept in the report (gated first); report.json says how many there were. */
export const CALIBRATION_ROW_LIMIT = 200;
const STEP = 0.005;

function statsOf(samples: readonly number[]): SeriesStats {
  const n = samples.length;
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : null;
  const sorted = [...samples].sort((a, b) => a - b);
  const p50 = n % 2 === 1 ? (sorted[n >> 1] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  return { n, mean, sd, cv: null, min: sorted[0] ?? null, p50, p95: null, p99: null, max: sorted[n - 1] ?? null, approximate: false };
}

function half(s: SnapshotSeries, parity: 0 | 1): SnapshotSeries {
  const samples = s.samples.filter((_, i) => i % 2 === parity);
  return { ...s, source: 'samples', samples, stats: statsOf(samples) };
}

/** The threshold noise alone passes in the bad direction with probability `rate`, rounded up to 0.5%. */
export function suggestThreshold(noiseFloor: number, rate = CALIBRATION_FALSE_ALARM_RATE): number {
  const raw = normalQuantile(1 - rate) * noiseFloor;
  // Rounding guards against 2.0000000001% becoming 2.5%.
  return Math.max(STEP, Math.ceil(Number((raw / STEP).toFixed(9))) * STEP);
}

function calibrateSeries(s: SnapshotSeries, runs: SeriesRuns | undefined, settings: CompareSettings, gated: boolean): CalibrationRow {
  const n = s.stats.n;
  const mean = s.stats.mean;
  const sd = s.stats.sd;
  const row: CalibrationRow = {
    id: s.id,
    file: s.file,
    metric: s.metric,
    labels: s.labels,
    unit: s.unit,
    gated,
    n,
    withinCv: sd !== null && mean !== 0 ? sd / Math.abs(mean) : null,
    splitHalf: null,
    betweenSd: null,
    historyRuns: runs?.values.length ?? 0,
    vsHistory: null,
    basis: 'within-run',
    noiseFloor: null,
    suggestedThreshold: null,
  };
  const noGate = { ...settings, gate: { mode: 'all' as const } };
  if (s.source === 'samples' && s.samples.length >= 4) {
    // Halves of a short run are shorter than min-samples: Welch only needs two a side.
    const c = compareSeries(half(s, 0), half(s, 1), { ...noGate, minSamples: 2 });
    if (c.change !== null) row.splitHalf = { change: c.change, interval: c.interval, verdict: c.verdict };
  }
  const within = sd !== null && n !== null && n > 0 ? (sd * sd) / n : null;
  const history = runs ? seriesHistory(runs.values) : undefined;
  let baseMean = mean;
  if (history && history.between !== null && runs) {
    const newest = runs.values[runs.values.length - 1] as SeriesRuns['values'][number];
    const historyMean = history.pooled?.mean ?? newest.mean;
    if (historyMean !== 0) row.betweenSd = Math.sqrt(history.between) / Math.abs(historyMean);
    const base: SnapshotSeries = {
      ...s,
      source: 'summary',
      samples: [],
      stats: { n: newest.n, mean: newest.mean, sd: newest.sd, cv: null, min: null, p50: null, p95: null, p99: null, max: null, approximate: false },
    };
    const c = compareSeries(base, s, noGate, compileGateRules(noGate), history);
    if (c.change !== null) row.vsHistory = { change: c.change, interval: c.interval, verdict: c.verdict };
    const k = history.pooled?.runs ?? 1;
    const headVariance = Math.max(history.between, within ?? 0);
    const baseVariance = Math.max(history.between, history.pooled?.within ?? within ?? 0) / k;
    row.basis = history.between > (within ?? 0) ? 'between-run' : 'within-run';
    baseMean = historyMean;
    if (baseMean !== 0) row.noiseFloor = Math.sqrt(headVariance + baseVariance) / Math.abs(baseMean);
  } else if (within !== null && mean !== 0) {
    // Two runs like this one, each with its own n samples.
    row.noiseFloor = Math.sqrt(2 * within) / Math.abs(mean);
  }
  if (row.noiseFloor !== null) row.suggestedThreshold = suggestThreshold(row.noiseFloor);
  return row;
}

/**
 * The calibration of `series` (each benchmark's newest run and the other
 * series, as compared), with the default-branch history per series id when
 * there is one. Series without a better direction are left out: no
 * threshold applies to them.
 */
export function calibrate(series: readonly SnapshotSeries[], runs: ReadonlyMap<string, SeriesRuns> | undefined, settings: CompareSettings, historyRuns = 0): CalibrationReport {
  const rules = compileGateRules(settings);
  const judged = series.filter((s) => s.direction !== 'none');
  const ordered = [...judged.filter((s) => rules.isGated(s)), ...judged.filter((s) => !rules.isGated(s))];
  const rows = ordered.slice(0, CALIBRATION_ROW_LIMIT).map((s) => calibrateSeries(s, runs?.get(s.id), settings, rules.isGated(s)));
  return { rows, total: judged.length, historyRuns, falseAlarmRate: CALIBRATION_FALSE_ALARM_RATE };
}

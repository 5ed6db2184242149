import { formatChange, formatP } from '../util/numbers.js';
import { plural } from '../util/text.js';
import { describeGateConfig, formatThreshold } from './config.js';
import { severity } from './compare.js';
import type { BaselineInfo, ComparisonReport, SeriesComparison } from '../model/comparison.js';
import type { GateConfig } from './types.js';
import { isThroughput } from '../metrics/infer.js';

export type Attempt = ComparisonReport['attempts'][number];

/** The settings the verdicts used, as the report shows them (no baseline source: that has its own line). */
export function comparisonSettings(gate: GateConfig): Record<string, string> {
  const { baseline: _baseline, ...rest } = describeGateConfig(gate);
  return rest;
}

/**
 * The gate's outcome over compared series: `regression` when at least one
 * gated series regressed, else `pass`. Regressions of series the `gate` input
 * did not select are reported but never fail the check.
 */
export function buildComparisonReport(input: {
  comparisons: SeriesComparison[];
  baseline: BaselineInfo;
  attempts: Attempt[];
  gate: GateConfig;
}): ComparisonReport {
  const regressed = input.comparisons.some((c) => c.gated && c.verdict === 'regressed');
  return {
    verdict: regressed ? 'regression' : 'pass',
    baseline: input.baseline,
    attempts: input.attempts,
    series: input.comparisons,
    settings: comparisonSettings(input.gate),
  };
}

/** No baseline could be found (or `baseline: none`): nothing compared, nothing fails. */
export function noBaselineReport(attempts: Attempt[], gate: GateConfig): ComparisonReport {
  return { verdict: 'no-baseline', attempts, series: [], settings: comparisonSettings(gate) };
}

/** Worst first: how far past its threshold each change went, then by id for a stable order. */
export function bySeverity(a: SeriesComparison, b: SeriesComparison): number {
  return severity(b) - severity(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Regressed series that can fail the check, worst first. */
/**
 * Why no series of the comparison could fail it, when that is the gate's
 * setting rather than a series held back (a committed run shown, not gated;
 * another machine's baseline): `throughput`, the default, with no throughput
 * among them (a hyperfine or criterion run measures times), or `none`.
 */
export function nothingGatable(report: ComparisonReport): 'no-throughput' | 'gate-none' | undefined {
  if (report.series.some((c) => c.gated)) return undefined;
  const gate = report.settings.gate ?? 'throughput';
  if (gate === 'none') return 'gate-none';
  if (gate === 'throughput' && !report.series.some((c) => isThroughput(c.direction, c.unit, c.metric))) return 'no-throughput';
  return undefined;
}

export function gatedRegressions(report: ComparisonReport): SeriesComparison[] {
  return report.series.filter((c) => c.gated && c.verdict === 'regressed').sort(bySeverity);
}

/** Whether the step must fail: a gated regression and `fail-on-regression: true`. */
export function shouldFail(report: ComparisonReport, gate: Pick<GateConfig, 'failOnRegression'>): boolean {
  return gate.failOnRegression && report.verdict === 'regression';
}

/** `tokens_s (model=llama3)`: the metric and its labels, plain text (escape for the context it goes to). */
export function seriesName(c: Pick<SeriesComparison, 'metric' | 'labels'>): string {
  const labels = Object.entries(c.labels).map(([k, v]) => `${k}=${v}`);
  return labels.length > 0 ? `${c.metric} (${labels.join(', ')})` : c.metric;
}

/** "(threshold 5%, p=0.001)" or "(threshold 5%, single value: threshold only)". */
function evidence(c: SeriesComparison): string {
  const parts = [`threshold ${formatThreshold(c.threshold)}`];
  if (c.pValue !== null) parts.push(c.pValue < 0.001 ? 'p<0.001' : `p=${formatP(c.pValue)}`);
  else if (c.method === 'threshold-only' && c.note) parts.push(c.note);
  return `(${parts.join(', ')})`;
}

/** One regressed series as the failure message and annotations name it. */
export function regressionLine(c: SeriesComparison): string {
  return `${seriesName(c)} ${c.change === null ? '' : `${formatChange(c.change)} `}${evidence(c)}`;
}

/**
 * The message `core.setFailed` gets, undefined when nothing gated regressed:
 * "2 gated metrics regressed: tokens_s (model=llama3) −15.2% (threshold 5%, p=0.001); …".
 * Metric names come from repository files: pass the text through logSafe before logging it.
 */
export function gateFailureMessage(report: ComparisonReport): string | undefined {
  const regressions = gatedRegressions(report);
  if (regressions.length === 0) return undefined;
  return `${plural(regressions.length, 'gated metric')} regressed: ${regressions.map(regressionLine).join('; ')}`;
}

/** Counts for the step outputs `regressions` and `improvements` (gated or not). */
export function verdictCounts(report: ComparisonReport): { regressions: number; gatedRegressions: number; improvements: number } {
  let regressions = 0;
  let gated = 0;
  let improvements = 0;
  for (const c of report.series) {
    if (c.verdict === 'regressed') {
      regressions += 1;
      if (c.gated) gated += 1;
    } else if (c.verdict === 'improved') improvements += 1;
  }
  return { regressions, gatedRegressions: gated, improvements };
}

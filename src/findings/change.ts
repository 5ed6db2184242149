import { formatThreshold } from '../baseline/config.js';
import { bySeverity } from '../baseline/gate.js';
import type { ComparisonReport, SeriesComparison } from '../model/comparison.js';
import { formatChange } from '../util/numbers.js';
import type { DraftFinding } from './ranking.js';
import { labelsPlain, pText, valueText } from './text.js';

/** Changes beyond this many are counted in the report's tables, not given a finding each. */
export const MAX_CHANGE_FINDINGS = 12;

function verdictPhrase(c: SeriesComparison): string {
  const threshold = formatThreshold(c.threshold);
  if (c.verdict === 'regressed') return c.gated ? `a regression past the ${threshold} threshold that fails the check` : `a regression past the ${threshold} threshold (this metric does not gate)`;
  if (c.verdict === 'inconclusive') {
    const runs = c.detectable?.runsPerSide;
    const decide = runs === undefined ? '' : runs === null ? `; more than ${c.detectable?.cap} runs per side would be needed to decide it` : `; about ${runs} runs per side would decide it`;
    return `inconclusive, the data cannot tell whether it passed the ${threshold} threshold${decide}`;
  }
  return `an improvement past the ${threshold} threshold`;
}

function changeText(c: SeriesComparison): string {
  const name = Object.keys(c.labels).length > 0 ? `${c.metric} (${labelsPlain(c.labels)})` : c.metric;
  const moved = (c.change as number) < 0 ? 'fell' : 'rose';
  const sides = c.base && c.head ? ` from ${valueText(c.base.value, c.unit)} to ${valueText(c.head.value, c.unit)}` : '';
  const evidence: string[] = [];
  if (c.interval) evidence.push(`interval ${formatChange(c.interval[0])} … ${formatChange(c.interval[1])}`);
  if (c.pValue !== null) evidence.push(pText(c.pValue));
  else if (c.method === 'threshold-only') evidence.push('threshold only');
  const abs = formatChange(c.change as number).slice(1);
  return `${name} ${moved} ${abs}${sides}${evidence.length > 0 ? ` (${evidence.join(', ')})` : ''}: ${verdictPhrase(c)}.`;
}

/** Regressions (gated first, worst first), improvements and inconclusive changes against the baseline, each a finding. */
export function changeFindings(comparison: ComparisonReport | undefined): DraftFinding[] {
  if (!comparison?.baseline) return [];
  const regressed = comparison.series.filter((c) => c.verdict === 'regressed' && c.change !== null).sort((a, b) => Number(b.gated) - Number(a.gated) || bySeverity(a, b));
  const improved = comparison.series.filter((c) => c.verdict === 'improved' && c.change !== null).sort((a, b) => bySeverity(b, a));
  const inconclusive = comparison.series.filter((c) => c.verdict === 'inconclusive' && c.change !== null).sort(bySeverity);
  return [...regressed, ...improved, ...inconclusive].slice(0, MAX_CHANGE_FINDINGS).map((c) => ({
    kind: 'change',
    metric: c.metric,
    unit: c.unit,
    direction: c.direction,
    text: changeText(c),
    series: [c.id],
    scope: { path: c.file, labels: { ...c.labels } },
    change: { verdict: c.verdict, change: c.change, interval: c.interval, pValue: c.pValue, base: c.base, head: c.head, gated: c.gated, threshold: c.threshold, labels: c.labels, file: c.file },
  }));
}

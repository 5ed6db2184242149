import { seriesName } from '../baseline/gate.js';
import type { ComparisonReport, SeriesComparison } from '../model/comparison.js';
import { formatNumber } from '../util/numbers.js';
import { redactSecrets } from '../util/redact.js';

export interface Annotation {
  message: string;
  properties: { title: string; file?: string; startLine?: number };
  /** `error` (the default) for regressions; `notice` for what does not fail the check. */
  level?: 'error' | 'notice';
}

/**
 * GitHub shows 10 error annotations per step. One is left for the gate's
 * failure message (core.setFailed is an error annotation too).
 */
export const MAX_REGRESSION_ANNOTATIONS = 9;

function percent(fraction: number): string {
  return `${(Math.abs(fraction) * 100).toFixed(1)}%`;
}

function message(c: SeriesComparison): string {
  const moved = c.change === null ? 'changed' : `${c.change < 0 ? 'fell' : 'rose'} ${percent(c.change)}`;
  const values = c.base && c.head ? ` (${formatNumber(c.base.value)} → ${formatNumber(c.head.value)}${c.unit ? ` ${c.unit}` : ''})` : '';
  return `${seriesName(c)} ${moved}${values} against the baseline, past the ${percent(c.threshold)} threshold.${c.note ? ` ${c.note}.` : ''}`;
}

/**
 * Where the annotation points. A path holding a secret would write it into
 * the log, and a redacted path names no file, so such an annotation has no
 * place (it is still listed on the run).
 */
function place(c: SeriesComparison): { file?: string; startLine?: number } {
  if (redactSecrets(c.file) !== c.file) return {};
  return { file: c.file, ...(c.line !== undefined ? { startLine: c.line } : {}) };
}

/**
 * One error annotation per regressed gated metric, on the file (and line)
 * that holds it; past the limit, the last one names how many more there are.
 * Messages are plain text (the runner escapes them), with secrets redacted.
 */
export function regressionAnnotations(comparison: ComparisonReport | undefined, limit = MAX_REGRESSION_ANNOTATIONS): Annotation[] {
  const regressed = (comparison?.series ?? []).filter((c) => c.gated && c.verdict === 'regressed');
  const fits = regressed.length <= limit;
  const shown = fits ? regressed : regressed.slice(0, Math.max(0, limit - 1));
  const out: Annotation[] = shown.map((c) => ({
    message: redactSecrets(message(c)),
    properties: { title: redactSecrets(`Chimera Insight: ${c.metric} regressed`).slice(0, 200), ...place(c) },
  }));
  if (!fits) {
    const rest = regressed.slice(shown.length);
    const files = [...new Set(rest.map((c) => c.file))];
    out.push({
      message: redactSecrets(`${rest.length} more regressed metrics in ${files.length === 1 ? files[0] : `${files.length} files`}: see the job summary for the full regression table.`),
      properties: { title: `Chimera Insight: ${rest.length} more regressions` },
    });
  }
  return out;
}

/** GitHub shows 10 notices per step; inconclusive metrics take at most this many. */
export const MAX_INCONCLUSIVE_ANNOTATIONS = 5;

function inconclusiveMessage(c: SeriesComparison): string {
  const moved = c.change === null ? 'changed' : `${c.change < 0 ? 'fell' : 'rose'} ${percent(c.change)}`;
  const interval = c.interval ? ` (interval ${percentSigned(c.interval[0])} to ${percentSigned(c.interval[1])})` : '';
  return `${seriesName(c)} ${moved}${interval} against the baseline: inconclusive, the data cannot tell whether it is within the ${percent(c.threshold)} threshold. The check does not fail on it.${c.note ? ` ${c.note.charAt(0).toUpperCase()}${c.note.slice(1)}.` : ''}`;
}

function percentSigned(fraction: number): string {
  return `${fraction < 0 ? '-' : '+'}${percent(fraction)}`;
}

/** One notice per inconclusive gated metric, on its file; past the limit, the last one counts the rest. */
export function inconclusiveAnnotations(comparison: ComparisonReport | undefined, limit = MAX_INCONCLUSIVE_ANNOTATIONS): Annotation[] {
  const unsure = (comparison?.series ?? []).filter((c) => c.gated && c.verdict === 'inconclusive');
  const fits = unsure.length <= limit;
  const shown = fits ? unsure : unsure.slice(0, Math.max(0, limit - 1));
  const out: Annotation[] = shown.map((c) => ({
    message: redactSecrets(inconclusiveMessage(c)),
    properties: { title: redactSecrets(`Chimera Insight: ${c.metric} inconclusive`).slice(0, 200), ...place(c) },
    level: 'notice',
  }));
  if (!fits) {
    const rest = unsure.length - shown.length;
    out.push({ message: `${rest} more gated metrics are inconclusive: see the job summary.`, properties: { title: `Chimera Insight: ${rest} more inconclusive` }, level: 'notice' });
  }
  return out;
}

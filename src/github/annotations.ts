import { seriesName } from '../baseline/gate.js';
import type { ComparisonReport, SeriesComparison } from '../model/comparison.js';
import { formatNumber } from '../util/numbers.js';
import { redactSecrets } from '../util/redact.js';

export interface Annotation {
  message: string;
  properties: { title: string; file?: string; startLine?: number };
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

import type { Report } from '../model/report.js';
import { redactJsonValue } from '../util/redact.js';

/** Samples per series written to report.json; the rest are counted in `samplesOmitted`. */
export const JSON_SAMPLE_LIMIT = 1000;

export function renderJson(report: Report): string {
  const series = report.series.map((s) => {
    if (s.samples.length <= JSON_SAMPLE_LIMIT) return s;
    return { ...s, samples: s.samples.slice(0, JSON_SAMPLE_LIMIT), samplesOmitted: s.samples.length - JSON_SAMPLE_LIMIT };
  });
  // Secrets redacted in every value and key: report.json is uploaded as an artifact.
  return `${JSON.stringify({ ...report, series }, redactJsonValue, 2)}\n`;
}

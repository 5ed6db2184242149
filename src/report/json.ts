import type { Report } from '../model/report.js';
import type { Series } from '../model/series.js';
import { redactJsonValue } from '../util/redact.js';

const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * JSON text with every character past ASCII written as a `\uXXXX` escape
 * (the same value to any JSON reader). Outside strings JSON holds only ASCII,
 * so the whole text can be escaped at once. A chunk that is all ASCII is
 * encoded to UTF-8 several times faster than one holding a single `é`.
 */
export function asciiOnly(json: string): string {
  NON_ASCII.lastIndex = 0;
  if (!NON_ASCII.test(json)) return json;
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A series of at most this many samples keeps them in report.json; a larger
 * one keeps its statistics and outliers, and `samplesOmitted` says how many
 * samples were left out (the `keep-samples` input keeps them all). A handful
 * of values is worth reading one by one; thousands are what the statistics
 * summarise, and would make the file many times the size of its input.
 */
export const REPORT_SAMPLE_LIMIT = 30;

export interface ReportJsonOptions {
  /** Every series keeps every sample it kept in memory (`keep-samples: true`). */
  keepSamples?: boolean;
}

/** The report as report.json holds it: the samples of large series left out unless all are asked for. */
export function reportForJson(report: Report, options: ReportJsonOptions = {}): Report {
  if (options.keepSamples) return report;
  let trimmed = false;
  const series = report.series.map((s): Series => {
    if (s.samples.length <= REPORT_SAMPLE_LIMIT) return s;
    trimmed = true;
    return { ...s, samples: [], samplesOmitted: s.samples.length } as Series;
  });
  return trimmed ? { ...report, series } : report;
}

/** report.json as one string (writeReportJson streams the same text). */
export function renderJson(report: Report, options: ReportJsonOptions = {}): string {
  // Secrets redacted in every value and key: report.json is uploaded as an artifact.
  return `${asciiOnly(JSON.stringify(reportForJson(report, options), redactJsonValue))}\n`;
}

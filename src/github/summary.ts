import { SUMMARY_LIMIT_BYTES, renderMarkdown, withRenderTime, type RenderOptions } from '../report/markdown.js';
import type { Report } from '../model/report.js';
import { redactSecrets } from '../util/redact.js';

/** GitHub's comment limit, in characters. */
export const COMMENT_LIMIT_CHARS = 65_536;
// Headroom for counting differences between us and GitHub (code units vs code points, line endings).
const COMMENT_BUDGET_CHARS = COMMENT_LIMIT_CHARS - 1_024;
const SUMMARY_BUDGET_BYTES = SUMMARY_LIMIT_BYTES - 4_096;

/** The last line of a trimmed document. */
function fullReportLine(places: string[]): string {
  return places.length > 0 ? `\n**Full report:** ${places.join(' and ')}.\n` : '';
}

/**
 * Renders `report` whole when it fits, otherwise trimmed (least important
 * sections first, see DROP_RANK) with a last line saying where the full
 * report is. Secrets are redacted; redaction only shortens text.
 */
function fitted(report: Report, full: string | undefined, size: (text: string) => number, limit: number, options: { marker?: string; places: string[]; depth?: 'digest' | 'full'; links?: RenderOptions['links'] }): string {
  // `full` is undefined when the report is too large to be held whole (PipelineResult.markdown).
  if (full !== undefined && size(full) <= limit) return redactSecrets(full);
  const footer = fullReportLine(options.places);
  const budget = limit - size(footer);
  const trimmed = renderMarkdown(report, {
    ...(size === byteSize ? { maxBytes: budget } : { maxChars: budget }),
    ...(options.marker ? { marker: options.marker } : {}),
    ...(options.depth ? { depth: options.depth } : {}),
    ...(options.links ? { links: options.links } : {}),
  });
  return redactSecrets(cut(withRenderTime(trimmed, report.timings.renderMs), size, budget) + footer);
}

const CUT_NOTE = '\n\n…cut here: the sections that are always kept (verdict, changes, key findings) are longer than GitHub allows.\n';

/**
 * Last resort when even the sections that are never dropped do not fit (a
 * regression table of thousands of rows): cut at a line end, so GitHub
 * never refuses the comment.
 */
function cut(text: string, size: (text: string) => number, budget: number): string {
  if (size(text) <= budget) return text;
  let head = text.slice(0, Math.max(0, budget - size(CUT_NOTE)));
  while (size(head) + size(CUT_NOTE) > budget) head = head.slice(0, head.length - Math.max(1, size(head) + size(CUT_NOTE) - budget));
  const lineEnd = head.lastIndexOf('\n');
  return `${lineEnd > 0 ? head.slice(0, lineEnd) : head}${CUT_NOTE}`;
}

const byteSize = (text: string) => Buffer.byteLength(text);
const charSize = (text: string) => text.length;

/** The job summary: the full report when it fits under GitHub's 1 MiB, otherwise trimmed with a pointer to report.md. */
export function summaryMarkdown(report: Report, fullMarkdown: string | undefined, reportPath: string | undefined): string {
  const places = reportPath ? [`in report.md (${reportPath} on the runner; output \`report-path\`)`] : [];
  return fitted(report, fullMarkdown, byteSize, SUMMARY_BUDGET_BYTES, { places });
}

/**
 * The PR comment: the digest (verdict, changes, key findings, narrative, the
 * model's call metrics), which fits GitHub's 65,536 characters by design and
 * links to the job summary and report.md for the details. Trimming remains
 * as a guard for pathological inputs.
 */
export function commentMarkdown(report: Report, _fullMarkdown: string | undefined, marker: string, where: { runUrl?: string; reportPath?: string }): string {
  const links = { ...(where.runUrl ? { summaryUrl: where.runUrl } : {}), ...(where.reportPath ? { reportPath: where.reportPath } : {}) };
  const places: string[] = [];
  if (where.runUrl) places.push(`in the [job summary](${where.runUrl})`);
  if (where.reportPath) places.push('in report.md (output `report-path`; upload it as an artifact to keep it)');
  const digest = withRenderTime(renderMarkdown(report, { marker, depth: 'digest', links }), report.timings.renderMs);
  return fitted(report, digest, charSize, COMMENT_BUDGET_CHARS, { marker, places, depth: 'digest', links });
}

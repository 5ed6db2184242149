import type { SeriesComparison } from '../model/comparison.js';
import type { Report } from '../model/report.js';
import { REPORT_MARKER } from '../model/marker.js';
import { plural } from '../util/text.js';
import { comparisonChart, verdictLine } from './comparison.js';
import { countsText, digestChanges, headline, intervalText, keyFindings, otherHardwareText, rowNames, sideValue, thresholdText, verdictWord } from './digest.js';
import { formatChange } from '../util/numbers.js';
import { calibrationDigestSections } from './calibration.js';
import { findingItem } from './findings.js';
import { trendSections } from './trend.js';
import { hardwareDigestSection } from './hardware.js';
import { code, details, escapeMarkdown, formatTime, labelsText, table } from './format.js';
import { llmDigestSection, narrativeSection } from './llm-sections.js';
import type { Section } from './sections.js';

/** Where the rest of the report can be read, named in the digest's last line. */
export interface DigestLinks {
  /** The run's page, whose job summary holds the details. */
  summaryUrl?: string;
  /** report.md on the runner (an artifact when uploaded). */
  reportPath?: string;
  /** The digest is the head of the job summary or report.md: the details follow below. */
  detailsBelow?: boolean;
}

function titleSection(report: Report): Section {
  const h = headline(report);
  return { text: `${REPORT_MARKER}\n## ${h.icon} Chimera Insight: ${h.text}` };
}

/** Inputs that matched nothing or gate nothing: one short list under the title, errors first. */
function noticesSection(report: Report): Section | undefined {
  const notices = [...(report.notices ?? [])].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  if (notices.length === 0) return undefined;
  const lines = notices.map((n) => `- ${n.level === 'error' ? '**Error** · ' : ''}${code(n.input)}: ${escapeMarkdown(n.message)}`);
  return { text: `### Configuration ${notices.some((n) => n.level === 'error') ? 'problems' : 'warnings'}\n\n${lines.join('\n')}` };
}

function verdictSection(report: Report): Section | undefined {
  if (!report.comparison) return { text: 'No baseline was asked for (`baseline: none`): nothing is compared and nothing can fail.' };
  return { text: verdictLine(report.comparison, report.generatedAt) };
}

/** Metric and labels on two short lines, so the five columns fit the comment's width. */
function nameCell(short: { metric: string; labels: string }, footnote: number | undefined): string {
  const mark = footnote !== undefined ? ` <sup>${footnote}</sup>` : '';
  return `${code(short.metric)}${mark}${short.labels ? `<br>${escapeMarkdown(short.labels)}` : ''}`;
}

function changesSection(report: Report, links: DigestLinks): Section | undefined {
  const comparison = report.comparison;
  if (!comparison?.baseline || comparison.error) return undefined;
  const { rows, counts, hidden } = digestChanges(comparison);
  const summary = countsText(counts);
  if (rows.length === 0) return { text: `### Changes\n\nNothing moved past its threshold (${summary}).` };
  const cut: SeriesComparison[] = [];
  const names = rowNames(rows);
  const body = rows.map((c, i) => {
    const short = names[i] as ReturnType<typeof rowNames>[number];
    if (short.cut) cut.push(c);
    return [
      nameCell(short, short.cut ? cut.length : undefined),
      sideValue(c.base?.value, escapeMarkdown(c.unit)),
      sideValue(c.head?.value, escapeMarkdown(c.unit)),
      c.change === null ? '–' : `${formatChange(c.change)}${c.interval ? `<br><sub>${intervalText(c.interval)}</sub>` : ''}`,
      `${verdictWord(c)}<br><sub>threshold ${thresholdText(c)}</sub>${otherHardwareText(c) ? `<br><sub>${otherHardwareText(c)}</sub>` : ''}`,
    ];
  });
  const parts = [`### Changes\n\n${table(['Metric', 'Baseline', 'Current', 'Change (interval)', 'Verdict'], body)}`];
  const where = links.detailsBelow ? 'below' : 'in the job summary';
  parts.push(`<sub>${escapeMarkdown(summary)}${hidden > 0 ? `; ${hidden} more of these not shown here` : ''}. Every comparison, with p-values and notes, is ${where}.</sub>`);
  if (cut.length > 0) {
    const names = cut.map((c, i) => `${i + 1}. ${code(c.metric)}${Object.keys(c.labels).length > 0 ? ` (${labelsText(c.labels)})` : ''} in ${code(c.file)}`);
    parts.push(details('Full names', names.join('\n')));
  }
  const chart = comparisonChart(comparison);
  // The table already holds every number; the chart is there for those who would rather look.
  if (chart) parts.push(details('Chart: gated metrics as % of the baseline', chart));
  return { text: parts.join('\n\n') };
}

function findingsSection(report: Report): Section {
  const chosen = keyFindings(report.findings);
  if (chosen.length === 0) {
    return { text: '### Key findings\n\nNo series differ only by a condition (model, backend, a folder per variant), so there is nothing to rank yet.' };
  }
  const more = report.findings.filter((f) => f.kind !== 'change').length - chosen.length;
  const items = chosen.map((f, i) => findingItem(f, i + 1));
  const tail = more > 0 ? `\n\n<sub>${plural(more, 'more finding')} in the job summary and report.json.</sub>` : '';
  return { text: `### Key findings\n\n${items.join('\n\n')}${tail}` };
}

function structureText(report: Report): string | undefined {
  const e = report.experiments;
  const parts: string[] = [];
  if (e.replicateGroups.length > 0) {
    const runs = e.replicateGroups.reduce((s, g) => s + g.runs, 0);
    parts.push(`${plural(runs, 'run folder or file', 'run folders or files')} pooled into ${plural(e.replicateGroups.length, 'replicated benchmark')}`);
  }
  if (e.factors.length > 0) parts.push(`factors from paths: ${e.factors.map((f) => `${escapeMarkdown(f.name)} (${f.levels.length})`).join(', ')}`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function footerSection(report: Report, links: DigestLinks): Section {
  const t = report.inventory.totals;
  const data = [`**Data:** ${plural(report.series.length, 'series', 'series')} from ${plural(t.parsed, 'file')} in ${code(report.root)}`];
  const extra = [`${plural(t.documents, 'document')}`, `${t.skipped} skipped`, `${t.failed} failed`];
  if (t.excludedRows > 0) extra.push(`${plural(t.excludedRows, 'row')} excluded for errors`);
  data[0] += ` (${extra.join(', ')})`;
  const structure = structureText(report);
  if (structure) data.push(structure);
  if (!links.detailsBelow) {
    const places: string[] = [];
    if (links.summaryUrl) places.push(`[job summary](${links.summaryUrl})`);
    if (links.reportPath) places.push('report.md (output `report-path`)');
    if (places.length > 0) data.push(`per-file tables, inventory, problems and configuration: ${places.join(' and ')}`);
  }
  const commit = report.commit ? ` · commit ${code(report.commit.sha.slice(0, 12))}${report.commit.ref ? ` on ${code(report.commit.ref)}` : ''}` : '';
  data.push(`Chimera Insight ${escapeMarkdown(report.toolVersion)} · ${formatTime(report.generatedAt)}${commit}`);
  return { text: `<sub>${data.join(' · ')}</sub>` };
}

/**
 * The digest, in reading order: verdict, changes, key findings, the model's
 * narrative, the model's own call metrics, and a last line with the data and
 * where the details are. The PR comment is this alone, so it stays a few
 * thousand characters on any repository: every part has a fixed cap.
 */
export function digestSections(report: Report, links: DigestLinks = {}): Section[] {
  const sections: (Section | undefined)[] = [
    titleSection(report),
    // A gate that gates nothing makes the verdict meaningless: that is said first.
    noticesSection(report),
    verdictSection(report),
    hardwareDigestSection(report),
    changesSection(report, links),
    ...trendSections(report),
    ...calibrationDigestSections(report),
    findingsSection(report),
    { text: narrativeSection(report) },
    report.llm ? { text: llmDigestSection(report.llm) } : undefined,
    footerSection(report, links),
  ];
  return sections.filter((s): s is Section => s !== undefined);
}

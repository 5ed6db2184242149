/** The A/A calibration (`calibrate: true`) as a report section: each metric's noise floor and a suggested threshold. */
import type { AaComparison, CalibrationReport, CalibrationRow } from '../model/calibration.js';
import type { Report } from '../model/report.js';
import { formatChange } from '../util/numbers.js';
import { plural } from '../util/text.js';
import { code, labelsText, table } from './format.js';
import { DROP_RANK, type Section } from './sections.js';

/** Rows in the Markdown table (gated first); report.json keeps up to CALIBRATION_ROW_LIMIT. */
export const CALIBRATION_ROWS_SHOWN = 20;

/** A fraction as a percentage with one decimal (0.034 → "3.4%"); – for none. */
export function pct(fraction: number | null): string {
  return fraction === null ? '–' : `${(fraction * 100).toFixed(1)}%`;
}

function aa(c: AaComparison | null): string {
  if (!c) return '–';
  const interval = c.interval ? ` (${formatChange(c.interval[0])} … ${formatChange(c.interval[1])})` : '';
  const alarm = c.verdict === 'regressed' || c.verdict === 'improved' ? ` ⚠️ ${c.verdict}` : '';
  return `${formatChange(c.change)}${interval}${alarm}`;
}

function row(r: CalibrationRow): string[] {
  return [
    `${code(r.metric)}${r.gated ? ' (gated)' : ''}`,
    labelsText(r.labels),
    r.n === null ? '?' : String(r.n),
    pct(r.withinCv),
    aa(r.splitHalf),
    r.betweenSd === null ? '–' : `${pct(r.betweenSd)} (${r.historyRuns} runs)`,
    aa(r.vsHistory),
    r.noiseFloor === null ? '–' : `${pct(r.noiseFloor)} (${r.basis})`,
    pct(r.suggestedThreshold),
  ];
}

function summary(c: CalibrationReport): string {
  const gated = c.rows.filter((r) => r.gated && r.suggestedThreshold !== null);
  const alarms = c.rows.filter((r) => [r.splitHalf, r.vsHistory].some((a) => a && (a.verdict === 'regressed' || a.verdict === 'improved'))).length;
  const parts: string[] = [];
  if (gated.length > 0) {
    const worst = gated.reduce((a, b) => ((b.suggestedThreshold as number) > (a.suggestedThreshold as number) ? b : a));
    parts.push(`For the gated metrics, a \`threshold\` of at least ${pct(worst.suggestedThreshold)} keeps noise alone below about ${pct(c.falseAlarmRate)} false alarms (set by ${code(worst.metric)}); lower ones can go in \`thresholds\`.`);
  }
  if (alarms > 0) parts.push(`⚠️ ${plural(alarms, 'metric')} already flagged a change in these A/A comparisons: this runner is noisier than the gate assumes there.`);
  return parts.join(' ');
}

/** Rows of the digest's calibration table: the gated metrics first. */
const DIGEST_ROWS = 6;

/**
 * The calibration in the digest (nothing unless `calibrate: true`): the
 * suggested threshold and, per metric, the noise floor in three narrow
 * columns; the full table is in the details.
 */
export function calibrationDigestSections(report: Report): Section[] {
  const c = report.calibration;
  if (!c) return [];
  const lead = summary(c);
  if (c.rows.length === 0) return [{ text: '### Calibration (A/A)\n\nNo metric with a better direction to calibrate.' }];
  const rows = c.rows.slice(0, DIGEST_ROWS).map((r) => [`${code(r.metric)}${r.gated ? ' (gated)' : ''}${Object.keys(r.labels).length > 0 ? `<br>${labelsText(r.labels)}` : ''}`, r.noiseFloor === null ? '–' : `${pct(r.noiseFloor)}<br><sub>${r.basis}</sub>`, pct(r.suggestedThreshold)]);
  const more = c.total > rows.length ? `\n\n<sub>${c.total - rows.length} more metrics, with the split-half and history comparisons, in the details.</sub>` : '';
  return [{ text: `### Calibration (A/A)\n\n${lead ? `${lead}\n\n` : ''}${table(['Metric', 'Noise floor', 'Suggested threshold'], rows)}${more}` }];
}

/** Nothing unless `calibrate: true`. */
export function calibrationSections(report: Report): Section[] {
  const c = report.calibration;
  if (!c) return [];
  const intro = [
    '### Calibration (A/A): every metric',
    `What this runner's numbers do when nothing changed: the run's odd-numbered samples against its even-numbered ones${c.historyRuns > 0 ? `, and this run against the last ${plural(c.historyRuns, 'default-branch run')}` : ' (no default-branch history yet: within-run noise only)'}. The noise floor is the standard deviation of the relative change between two runs of an unchanged commit; the suggested threshold is what noise alone passes in the bad direction about ${pct(c.falseAlarmRate)} of the time (2.33 noise floors, rounded up to 0.5%). The verdict above does not depend on it.`,
  ].join('\n\n');
  if (c.rows.length === 0) return [{ text: `${intro}\n\nNo metric with a better direction to calibrate.` }];
  const shown = c.rows.slice(0, CALIBRATION_ROWS_SHOWN);
  const more = c.total > shown.length ? `\n\n…and ${c.total - shown.length} more; report.json lists ${c.rows.length} of ${c.total}.` : '';
  const body = table(['Metric', 'Labels', 'n', 'Within-run CV', 'Split-half A/A', 'Between-run sd', 'This run vs history', 'Noise floor', 'Suggested threshold'], shown.map(row));
  const lead = summary(c);
  return [{ text: `${intro}${lead ? `\n\n${lead}` : ''}\n\n${body}${more}`, dropRank: DROP_RANK.unchangedMetrics, kind: 'calibration table' }];
}

import type { ComparisonReport } from '../model/comparison.js';
import type { Finding } from '../model/finding.js';
import type { FileEntry } from '../model/report.js';
import type { Series } from '../model/series.js';
import { changeFindings } from './change.js';
import { buildFamilies, currentSeries } from './families.js';
import { rankFactorsOfDesign, rankOneFactor, type DraftFinding } from './ranking.js';
import { scoreFinding } from './score.js';
import { stabilityFindings } from './stability.js';
import { isSweep, summariseSweep } from './sweep.js';

/** report.json keeps this many findings; the comment shows the first few. */
export const MAX_FINDINGS = 200;

export interface FindingsInput {
  series: readonly Series[];
  files: readonly FileEntry[];
  comparison?: ComparisonReport;
  /** The gate's confidence (e.g. 0.95): the same bar for "beyond the noise". */
  confidence: number;
}

/**
 * Every finding, most important first, with ids f1, f2, … in that order.
 * Rankings and sweeps come from families of series that differ only in
 * conditions; changes from the comparison; stability from the spread.
 */
export function computeFindings(input: FindingsInput): Finding[] {
  const drafts: DraftFinding[] = [];
  for (const family of buildFamilies(input.series)) {
    if (isSweep(family)) {
      const sweep = summariseSweep(family, input.confidence);
      if (sweep) drafts.push(sweep);
    } else if (family.dims.length === 1) {
      const ranking = rankOneFactor(family, input.confidence);
      if (ranking) drafts.push(ranking);
    } else drafts.push(...rankFactorsOfDesign(family, input.confidence));
  }
  drafts.push(...changeFindings(input.comparison));
  drafts.push(...stabilityFindings(currentSeries(input.series), input.files));
  return drafts
    .map((d) => ({ d, score: scoreFinding(d) }))
    .sort((a, b) => b.score - a.score || (a.d.text < b.d.text ? -1 : a.d.text > b.d.text ? 1 : 0))
    .slice(0, MAX_FINDINGS)
    .map(({ d, score }, i) => ({ id: `f${i + 1}`, ...d, score: Math.round(score * 1000) / 1000 }));
}

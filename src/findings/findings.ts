import type { ComparisonReport } from '../model/comparison.js';
import type { Finding } from '../model/finding.js';
import type { FileEntry } from '../model/report.js';
import type { Series } from '../model/series.js';
import { changeFindings } from './change.js';
import { labelKey } from '../metrics/identity.js';
import { buildFamilies, currentSeries, type Family } from './families.js';
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

/** The numbers a ranking or sweep rests on, rounded: two files holding the same run give the same key. */
function echoKey(d: DraftFinding): string | undefined {
  const round = (v: number) => v.toPrecision(6);
  // A copy holds the same quantity: tokens/s and a TTFT that happen to share their numbers are not echoes.
  const quantity = `${d.unit}|${d.direction}`;
  if (d.kind === 'ranking') return `r|${quantity}|${d.factor}|${(d.levels ?? []).map((l) => `${l.value}=${round(l.mean)}/${l.n}`).join(',')}`;
  if (d.kind === 'sweep') return `s|${quantity}|${d.sweep?.factors.join('×')}|${round(d.sweep?.best.mean ?? 0)}|${round(d.sweep?.worst.mean ?? 0)}`;
  return undefined;
}

/**
 * A run folder may hold the same numbers twice under different keys
 * (`summary.json` and `metrics.json`): both stay series, but the second
 * finding would repeat the first word for word, so the lower-ranked one goes.
 */
function withoutEchoes<T extends { d: DraftFinding }>(ranked: T[]): T[] {
  const seen = new Set<string>();
  return ranked.filter(({ d }) => {
    const key = echoKey(d);
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function cellKeys(family: Family): string[] {
  return family.cells.map((c) => `${labelKey(Object.fromEntries(family.dims.map((d) => [d, c.dims[d] as string])))}=${c.series.stats.mean.toPrecision(6)}/${c.series.stats.n}`);
}

/**
 * Families whose every configuration, with the same value, is also in a
 * larger family: a second file holding a copy or part of the same runs
 * (`metrics.json` beside `summary.json` in some run folders). Their series
 * stay; their findings would only repeat the larger family's.
 */
function withoutCopies(families: Family[]): Family[] {
  const bySize = [...families].sort((a, b) => b.cells.length - a.cells.length);
  const kept: { keys: Set<string>; dims: string }[] = [];
  const out = new Set<Family>();
  for (const family of bySize) {
    const keys = cellKeys(family);
    const dims = [family.unit, family.direction, ...[...family.dims].sort()].join('\u0000');
    if (kept.some((k) => k.dims === dims && keys.every((key) => k.keys.has(key)))) continue;
    kept.push({ keys: new Set(keys), dims });
    out.add(family);
  }
  return families.filter((f) => out.has(f));
}

/**
 * Every finding, most important first, with ids f1, f2, … in that order.
 * Rankings and sweeps come from families of series that differ only in
 * conditions; changes from the comparison; stability from the spread.
 */
export function computeFindings(input: FindingsInput): Finding[] {
  const drafts: DraftFinding[] = [];
  for (const family of withoutCopies(buildFamilies(input.series))) {
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
  return withoutEchoes(
    drafts.map((d) => ({ d, score: scoreFinding(d) })).sort((a, b) => b.score - a.score || (a.d.text < b.d.text ? -1 : a.d.text > b.d.text ? 1 : 0)),
  )
    .slice(0, MAX_FINDINGS)
    .map(({ d, score }, i) => ({ id: `f${i + 1}`, ...d, score: Math.round(score * 1000) / 1000 }));
}

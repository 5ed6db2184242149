import type { ComparisonReport } from '../model/comparison.js';
import type { Finding } from '../model/finding.js';
import type { FileEntry } from '../model/report.js';
import type { Series } from '../model/series.js';
import { changeFindings } from './change.js';
import { buildFamilies, currentSeries, type Family } from './families.js';
import { rankFactorsOfDesign, rankOneFactor, type DraftFinding } from './ranking.js';
import { scoreBound, scoreFinding, scoreStability } from './score.js';
import { stabilityCandidates } from './stability.js';
import { isSweep, summariseSweep } from './sweep.js';

/** report.json keeps this many findings; the comment shows the first few. */
export const MAX_FINDINGS = 200;

export interface FindingsInput {
  series: readonly Series[];
  files: readonly FileEntry[];
  comparison?: ComparisonReport;
  /** The gate's confidence (e.g. 0.95): the same bar for "beyond the noise". */
  confidence: number;
  /** Analyse every family instead of stopping at the score bound (the same result, slower; for tests). */
  exhaustive?: boolean;
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

/** One key per configuration: its conditions (in a fixed order of their names), value and n. */
function cellKeys(family: Family): string[] {
  const dims = [...family.dims].sort();
  return family.cells.map((c) => `${dims.map((d) => c.dims[d]).join('\u0001')}=${c.series.stats.mean.toPrecision(6)}/${c.series.stats.n}`);
}

/**
 * Whether a family is a copy of one seen before: a second file holding a
 * copy or a part of the same runs (`metrics.json` beside `summary.json` in
 * some run folders), every configuration with the same value. Its series
 * stay; its findings would only repeat the other's. Families arrive best
 * bound first, larger first among equals, so the fuller one is seen first.
 */
class CopyCheck {
  private readonly holding = new Map<string, number[]>();
  private seen = 0;

  isCopy(family: Family): boolean {
    const dims = `${family.unit}\u0000${family.direction}\u0000${[...family.dims].sort().join('\u0000')}\u0001`;
    const slots = cellKeys(family).map((key) => dims + key);
    const candidates = this.holding.get(slots[0] as string) ?? [];
    if (candidates.some((i) => slots.every((slot) => this.holding.get(slot)?.includes(i)))) return true;
    const index = this.seen++;
    for (const slot of slots) {
      const list = this.holding.get(slot);
      if (list) list.push(index);
      else this.holding.set(slot, [index]);
    }
    return false;
  }
}

function analyseFamily(family: Family, confidence: number): DraftFinding[] {
  if (isSweep(family)) {
    const sweep = summariseSweep(family, confidence);
    return sweep ? [sweep] : [];
  }
  if (family.dims.length === 1) {
    const ranking = rankOneFactor(family, confidence);
    return ranking ? [ranking] : [];
  }
  return rankFactorsOfDesign(family, confidence);
}

/** How often the stopping rule is checked, in families analysed. */
const CHECK_EVERY = 32;

/**
 * Rankings and sweeps, analysing families best score bound first and
 * stopping once MAX_FINDINGS findings score at least as high as any family
 * left could (see scoreBound).
 */
function familyFindings(families: readonly Family[], confidence: number, exhaustive = false): { d: DraftFinding; score: number }[] {
  const bounded: Bounded[] = [];
  for (let i = 0; i < families.length; i++) {
    const family = families[i] as Family;
    const bound = scoreBound(family);
    if (bound > 0) bounded.push({ family, bound, cells: family.cells.length, index: i });
  }
  const ordered = new BestBoundFirst(bounded);
  const copies = new CopyCheck();
  const found: { d: DraftFinding; score: number }[] = [];
  for (let i = 0; ; i++) {
    const next = ordered.next();
    if (next === undefined) break;
    const { family, bound } = next;
    if (!exhaustive && i % CHECK_EVERY === 0 && found.length >= MAX_FINDINGS) {
      const scores = withoutEchoes([...found].sort((a, b) => b.score - a.score)).map((x) => x.score);
      // Strictly above: a family left with an equal bound could tie, and ties are broken by the text.
      if ((scores[MAX_FINDINGS - 1] ?? -1) > bound) break;
    }
    if (copies.isCopy(family)) continue;
    for (const d of analyseFamily(family, confidence)) found.push({ d, score: scoreFinding(d) });
  }
  return found;
}

/** A family with its score bound, its number of cells, and its place among the families. */
interface Bounded {
  family: Family;
  bound: number;
  cells: number;
  index: number;
}

/** Whether `a` is analysed before `b`: best bound first, larger first among equals, then in the order built. */
function before(a: Bounded, b: Bounded): boolean {
  if (a.bound !== b.bound) return a.bound > b.bound;
  if (a.cells !== b.cells) return a.cells > b.cells;
  return a.index < b.index;
}

/**
 * Families in the order of before(), as a stable sort by bound and size
 * would list them, taken one at a time from a binary heap: the stopping rule
 * ends a tree of thousands of families after a few hundred, and only those
 * are put in order.
 */
class BestBoundFirst {
  private readonly heap: Bounded[];

  constructor(items: Bounded[]) {
    this.heap = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  next(): Bounded | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    const item = heap[start] as Bounded;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right] as Bounded, heap[left] as Bounded) ? right : left;
      if (!before(heap[child] as Bounded, item)) break;
      heap[i] = heap[child] as Bounded;
      i = child;
    }
    heap[i] = item;
  }
}

/**
 * Every finding, most important first, with ids f1, f2, … in that order.
 * Rankings and sweeps come from families of series that differ only in
 * conditions; changes from the comparison; stability from the spread.
 */
export function computeFindings(input: FindingsInput): Finding[] {
  const current = currentSeries(input.series);
  const drafts = familyFindings(buildFamilies(input.series, current), input.confidence, input.exhaustive);
  for (const d of changeFindings(input.comparison)) drafts.push({ d, score: scoreFinding(d) });
  // Echoes are rankings and sweeps only, so which go depends only on their own order.
  const kept = withoutEchoes(drafts.sort(byScoreThenText));
  // Stability findings (one per file with something to say, thousands in a big tree) are written
  // only when their score could place them among the findings kept: at or above the last kept score.
  const candidates = stabilityCandidates(current, input.files).map((c) => ({ c, score: scoreStability(c.metric, c.unit, c.direction, c.itemCount) }));
  const scores = [...kept.map((x) => x.score), ...candidates.map((x) => x.score)].sort((a, b) => b - a);
  const bar = scores.length > MAX_FINDINGS ? (scores[MAX_FINDINGS - 1] as number) : Number.NEGATIVE_INFINITY;
  for (const { c, score } of candidates) if (score >= bar) kept.push({ d: c.write(), score });
  return kept
    .sort(byScoreThenText)
    .slice(0, MAX_FINDINGS)
    .map(({ d, score }, i) => ({ id: `f${i + 1}`, ...d, score: Math.round(score * 1000) / 1000 }));
}

function byScoreThenText(a: { d: DraftFinding; score: number }, b: { d: DraftFinding; score: number }): number {
  return b.score - a.score || (a.d.text < b.d.text ? -1 : a.d.text > b.d.text ? 1 : 0);
}

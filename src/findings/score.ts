import { isThroughput, normaliseName } from '../metrics/infer.js';
import { memo } from '../util/memo.js';
import type { Direction } from '../model/series.js';
import type { Cell, Family } from './families.js';
import type { DraftFinding } from './ranking.js';
import { isSweep } from './sweep.js';

const TIME_UNITS = new Set(['ns', 'µs', 'ms', 's']);
const MEMORY_UNITS = new Set(['B', 'KB', 'KiB', 'MB', 'MiB', 'GB', 'GiB']);

/**
 * What readers look at first: throughput, then time to first token, latency
 * and per-token times, then memory, then the rest; metrics with no better
 * direction last.
 */
export function metricWeight(metric: string, unit: string, direction: Direction): number {
  if (direction === 'none') return 0.2;
  if (isThroughput(direction, unit, metric)) return 1;
  const name = normaliseName(metric);
  if (/(^|_)(ttft|tpot|itl|e2el|latency|latencies)(_|$)/.test(name) || (direction === 'lower' && TIME_UNITS.has(unit))) return 0.85;
  if (/(^|_)(mem|memory|vram|rss)(_|$)/.test(name) || MEMORY_UNITS.has(unit)) return 0.7;
  return 0.5;
}

/**
 * Load settings: more requests in flight raise throughput and latency by
 * design, so "batch 32 is fastest" is rarely news; rankings across them
 * count half.
 */
const LOAD_FACTOR = /^(batch|batch_?size|bs|n_?batch|n_?ubatch|concurrency|max_?concurrency|num_?concurrent_?requests|request_?rate|num_?prompts|num_?requests|parallel|num_?parallel|workers|num_?workers|threads|n_?threads)$/;

/** Whether a condition is a load setting; condition names repeat across families, so each is judged once. */
const isLoadFactor = memo(10_000, (name) => LOAD_FACTOR.test(normaliseName(name)));

/** Metric → unit → direction → weight: the series' own strings are the keys (no key string built per call). */
const weights = new Map<string, Map<string, Map<Direction, number>>>();

/** metricWeight, remembered: thousands of families share a handful of metrics. */
function cachedWeight(metric: string, unit: string, direction: Direction): number {
  let byUnit = weights.get(metric);
  if (!byUnit) {
    if (weights.size >= 10_000) weights.clear();
    weights.set(metric, (byUnit = new Map()));
  }
  let byDirection = byUnit.get(unit);
  if (!byDirection) {
    if (byUnit.size >= 1_000) byUnit.clear();
    byUnit.set(unit, (byDirection = new Map()));
  }
  let weight = byDirection.get(direction);
  if (weight === undefined) {
    weight = metricWeight(metric, unit, direction);
    byDirection.set(direction, weight);
  }
  return weight;
}

function evidenceWeight(significant: boolean | null | undefined): number {
  if (significant === true) return 1;
  if (significant === false) return 0.35;
  return 0.6;
}

function sizeWeight(n: number): number {
  return Math.min(1, 0.4 + 0.2 * Math.log10(n + 1));
}

/**
 * Rank key: changes against the baseline first (gated regressions above
 * all), then rankings and sweeps by metric importance × effect size ×
 * evidence × samples, stability notes last.
 */
export function scoreFinding(f: DraftFinding): number {
  const weight = metricWeight(f.metric, f.unit, f.direction);
  switch (f.kind) {
    case 'change': {
      const c = f.change;
      const beyond = c && c.change !== null ? Math.min(1, Math.abs(c.change)) : 0;
      const base = c?.verdict === 'regressed' ? (c.gated ? 100 : 60) : c?.verdict === 'improved' ? 40 : 20;
      return base + 10 * weight + beyond;
    }
    case 'ranking': {
      const effect = f.ratio !== undefined ? Math.min(1, 0.2 + Math.log2(f.ratio)) : 0.3;
      const n = (f.levels ?? []).reduce((s, l) => s + (l.n ?? 1), 0);
      const load = f.factor !== undefined && isLoadFactor(f.factor) ? 0.5 : 1;
      return 10 * weight * effect * evidenceWeight(f.test?.significant) * sizeWeight(n) * load;
    }
    case 'sweep': {
      const sweep = f.sweep;
      const moving = sweep?.effects.filter((e) => e.test.significant === true).map((e) => e.spread) ?? [];
      const effect = sweep?.withinNoise ? 0.6 : Math.min(1, 0.3 + 2 * Math.max(0, ...moving));
      return 10.5 * weight * effect * sizeWeight(sweep?.configurations ?? 1);
    }
    case 'stability':
      return stabilityScore(weight, f.stability?.items.length ?? 0);
  }
}

function stabilityScore(weight: number, items: number): number {
  return 3.5 * weight * Math.min(1, 0.5 + 0.1 * items);
}

/** scoreFinding of a stability finding that lists `items` items, before it is written. */
export function scoreStability(metric: string, unit: string, direction: Direction, items: number): number {
  return stabilityScore(cachedWeight(metric, unit, direction), items);
}

/** Whether every condition is a load setting (isLoadFactor). */
function allLoadFactors(dims: readonly string[]): boolean {
  for (let i = 0; i < dims.length; i++) if (!isLoadFactor(dims[i] as string)) return false;
  return true;
}

/**
 * The highest score any finding of `family` can reach, from its cells alone
 * (no test run): a pooled or marginal mean lies between the lowest and the
 * highest cell, so no ranking's ratio exceeds theirs, and no evidence weighs
 * more than 1. Families are analysed best bound first until no remaining one
 * could enter the findings kept, so a tree of thousands of files costs a few
 * hundred analyses, and the findings kept are exactly those a full pass keeps.
 */
export function scoreBound(family: Family): number {
  if (family.direction === 'none') return 0;
  const weight = cachedWeight(family.metric, family.unit, family.direction);
  if (isSweep(family)) return 10.5 * weight * sizeWeight(family.cells.length);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let n = 0;
  // Indexed, without closures: this runs for every family of the tree, mostly before it is optimised.
  const cells = family.cells;
  for (let i = 0; i < cells.length; i++) {
    const stats = (cells[i] as Cell).series.stats;
    const mean = stats.mean;
    if (mean < lo) lo = mean;
    if (mean > hi) hi = mean;
    n += stats.n ?? 1;
  }
  const effect = lo > 0 ? Math.max(0.3, Math.min(1, 0.2 + Math.log2(hi / lo))) : 0.3;
  const load = allLoadFactors(family.dims) ? 0.5 : 1;
  return 10 * weight * effect * sizeWeight(n) * load;
}

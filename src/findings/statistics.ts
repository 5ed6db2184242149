import { incompleteBeta, welchTest } from '../baseline/statistics.js';

/** What a test needs of one group: its size, mean and sample sd (null for one value). */
export interface GroupMoments {
  n: number;
  mean: number;
  sd: number | null;
}

export interface FTest {
  f: number;
  df1: number;
  df2: number;
  p: number;
}

/** P(F > f) for Fisher's F with (df1, df2) degrees of freedom. */
export function fSurvival(f: number, df1: number, df2: number): number {
  if (!(f > 0)) return 1;
  if (f === Infinity) return 0;
  return incompleteBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}

/**
 * One-way ANOVA from each group's moments: do the group means differ by more
 * than the spread inside the groups explains? Undefined when the groups hold
 * no spread to judge by (every group a single value, or no variation at all).
 */
export function oneWayAnova(groups: readonly GroupMoments[]): FTest | undefined {
  const used = groups.filter((g) => g.n > 0);
  const k = used.length;
  const n = used.reduce((s, g) => s + g.n, 0);
  if (k < 2 || n - k < 1) return undefined;
  const grand = used.reduce((s, g) => s + g.n * g.mean, 0) / n;
  const between = used.reduce((s, g) => s + g.n * (g.mean - grand) ** 2, 0);
  const within = used.reduce((s, g) => s + (g.n > 1 ? (g.n - 1) * (g.sd ?? 0) ** 2 : 0), 0);
  if (within <= 0) return undefined;
  const df1 = k - 1;
  const df2 = n - k;
  const f = between / df1 / (within / df2);
  return { f, df1, df2, p: fSurvival(f, df1, df2) };
}

/** Welch's two-sided p for two groups, or undefined when either lacks a spread. */
export function welchP(a: GroupMoments, b: GroupMoments): number | undefined {
  if (a.n < 2 || b.n < 2 || a.sd === null || b.sd === null) return undefined;
  if (a.sd === 0 && b.sd === 0) return undefined;
  return welchTest({ mean: a.mean, variance: a.sd ** 2, n: a.n }, { mean: b.mean, variance: b.sd ** 2, n: b.n }).p;
}

/** One configuration of a multi-factor design: a level index per factor and its moments. */
export interface DesignCell extends GroupMoments {
  levels: number[];
}

export interface MainEffect {
  /** The factor's index in the design. */
  factor: number;
  test: FTest | undefined;
  /**
   * How much of this factor's effect the other factors account for:
   * - `complete`: all of it (each batch size ran one model): leaving the
   *   factor out fits as well, which says nothing about it;
   * - `partial`: some levels only (model c ran only at a batch size no other
   *   model ran): a test would weigh the other levels alone;
   * - `unknown`: the design is too wide to tell (hundreds of levels);
   * in every case but `none` it is not tested.
   */
  confounding: 'none' | 'partial' | 'complete' | 'unknown';
  /** Why a factor the design can tell apart was still not tested (the fit did not settle, the files hold different settings). */
  reason?: string;
  /**
   * A tested factor's fitted effect per level (α, in level order), on the
   * scale fitted (logarithms of positive data): their differences are the
   * test's estimates, the other conditions held fixed.
   */
  estimates?: number[];
}

/** The rank of a set of rows, each reduced against the independent rows found so far; stops once it reaches `columns`. */
function rowRank(rows: Iterable<Float64Array>, columns: number): number {
  // Each independent row, kept with its leading column (its first non-zero) normalised to 1.
  const basis: { lead: number; row: Float64Array }[] = [];
  for (const row of rows) {
    if (basis.length === columns) break;
    for (const b of basis) {
      const x = row[b.lead] as number;
      if (x !== 0) for (let c = b.lead; c < columns; c++) row[c] = (row[c] as number) - x * (b.row[c] as number);
    }
    let lead = 0;
    while (lead < columns && Math.abs(row[lead] as number) < 1e-9) lead++;
    if (lead === columns) continue;
    const pivot = row[lead] as number;
    for (let c = lead; c < columns; c++) row[c] = (row[c] as number) / pivot;
    // Kept in order of the leading column, so each new row is reduced left to right.
    let at = basis.length;
    while (at > 0 && (basis[at - 1] as { lead: number }).lead > lead) at--;
    basis.splice(at, 0, { lead, row });
  }
  return basis.length;
}

/** The indicator columns of `factors` (one per level after the first) for a row of level indices. */
function dummies(levels: readonly number[], factors: readonly number[], levelCounts: readonly number[], intercept: boolean): Float64Array {
  const row = new Float64Array((intercept ? 1 : 0) + factors.reduce((s, f) => s + (levelCounts[f] as number) - 1, 0));
  let at = 0;
  if (intercept) row[at++] = 1;
  for (const f of factors) {
    const level = levels[f] as number;
    if (level > 0) row[at + level - 1] = 1;
    at += (levelCounts[f] as number) - 1;
  }
  return row;
}

/**
 * The rank of the additive model's design (an intercept and one column per
 * level after the first of each factor in `factors`), over the distinct
 * level combinations: a factor whose columns do not raise it is confounded.
 * A block factor (the files of a split-plot design) is taken out exactly
 * instead of as columns: the rank is the number of blocks plus the rank of
 * the other columns with each block's mean taken away, so thousands of
 * files cost no more than their rows.
 */
function designRank(rows: readonly (readonly number[])[], factors: readonly number[], levelCounts: readonly number[], block?: number): number {
  if (block === undefined || !factors.includes(block)) {
    const columns = 1 + factors.reduce((s, f) => s + (levelCounts[f] as number) - 1, 0);
    return rowRank(
      rows.map((levels) => dummies(levels, factors, levelCounts, true)),
      columns,
    );
  }
  const others = factors.filter((f) => f !== block);
  const columns = others.reduce((s, f) => s + (levelCounts[f] as number) - 1, 0);
  const byBlock = new Map<number, Float64Array[]>();
  for (const levels of rows) {
    const key = levels[block] as number;
    const list = byBlock.get(key) ?? [];
    list.push(dummies(levels, others, levelCounts, false));
    byBlock.set(key, list);
  }
  const centred: Float64Array[] = [];
  for (const list of byBlock.values()) {
    const mean = new Float64Array(columns);
    for (const row of list) for (let c = 0; c < columns; c++) mean[c] = (mean[c] as number) + (row[c] as number) / list.length;
    for (const row of list) {
      for (let c = 0; c < columns; c++) row[c] = (row[c] as number) - (mean[c] as number);
      centred.push(row);
    }
  }
  return byBlock.size + (columns === 0 ? 0 : rowRank(centred, columns));
}

/** Past this many design columns (a block's aside) the rank is not worked out: its cost grows with their square. */
const MAX_RANK_COLUMNS = 200;

/**
 * How much of each factor the others account for (MainEffect.confounding):
 * a full-rank design confounds none; otherwise each factor's rise in rank
 * says how much of it can be told apart. A design too wide for the rank
 * (hundreds of levels besides a block) is not judged: `unknown`.
 */
function confoundingOf(combinations: readonly (readonly number[])[], levelCounts: readonly number[], block?: number): { rank: number; confounding: MainEffect['confounding'][] } {
  const factors = levelCounts.map((_, i) => i);
  const columns = 1 + factors.reduce((s, f) => s + (f === block ? 0 : (levelCounts[f] as number) - 1), 0);
  const blockColumns = block === undefined ? 0 : (levelCounts[block] as number) - 1;
  if (columns > MAX_RANK_COLUMNS) return { rank: columns + blockColumns, confounding: factors.map((f) => (f === block ? 'none' : 'unknown')) };
  const rank = designRank(combinations, factors, levelCounts, block);
  if (rank === columns + blockColumns) return { rank, confounding: factors.map(() => 'none') };
  const confounding = factors.map((f): MainEffect['confounding'] => {
    const df1 = (levelCounts[f] as number) - 1;
    if (df1 < 1 || f === block) return 'none';
    const rise = rank - designRank(combinations, factors.filter((g) => g !== f), levelCounts, block);
    return rise === 0 ? 'complete' : rise < df1 ? 'partial' : 'none';
  });
  return { rank, confounding };
}

/**
 * Least-squares fit of an additive model y = μ + Σ αf[level] to the cell
 * means (weighted by n) by backfitting; returns the weighted residual sum of
 * squares and the fitted α per factor and level. Converges for connected
 * designs (every factorial and most sweeps).
 */
function additiveFit(cells: readonly { y: number; w: number; levels: number[] }[], factors: readonly number[], levelCounts: readonly number[]): { residual: number; alpha: number[][] } | undefined {
  const total = cells.reduce((s, c) => s + c.w, 0);
  const mu = cells.reduce((s, c) => s + c.w * c.y, 0) / total;
  const alpha = levelCounts.map((l) => new Array<number>(l).fill(0));
  const fitted = (c: { levels: number[] }) => mu + factors.reduce((s, f) => s + (alpha[f]?.[c.levels[f] as number] ?? 0), 0);
  let settled = false;
  for (let iteration = 0; iteration < MAX_FIT_ROUNDS && !settled; iteration++) {
    let moved = 0;
    for (const f of factors) {
      const sum = new Array<number>(levelCounts[f] as number).fill(0);
      const weight = new Array<number>(levelCounts[f] as number).fill(0);
      const own = alpha[f] as number[];
      for (const c of cells) {
        const l = c.levels[f] as number;
        sum[l] = (sum[l] as number) + c.w * (c.y - fitted(c) + (own[l] as number));
        weight[l] = (weight[l] as number) + c.w;
      }
      for (let l = 0; l < own.length; l++) {
        const next = (weight[l] as number) > 0 ? (sum[l] as number) / (weight[l] as number) : 0;
        moved = Math.max(moved, Math.abs(next - (own[l] as number)));
        own[l] = next;
      }
    }
    settled = moved < 1e-12 * (Math.abs(mu) + 1);
  }
  // A design whose levels are linked only in a long chain (file n holds threads n and n + 1) converges slowly:
  // a fit cut short would misstate every effect, so it gives no answer.
  return settled ? { residual: cells.reduce((s, c) => s + c.w * (c.y - fitted(c)) ** 2, 0), alpha } : undefined;
}

/** Rounds of backfitting before a fit that has not settled is given up. */
const MAX_FIT_ROUNDS = 500;
const UNSETTLED = 'the additive fit did not settle';

/**
 * Main effects of a multi-factor design by an F-test per factor: the rise in
 * the additive model's residual when the factor is left out, against the
 * residual of the full model (lack of fit plus the spread inside cells).
 * With one value per configuration (a sweep) the residual is the lack of fit
 * alone, as in a two-way ANOVA without replication. Effects of throughput and
 * latency are multiplicative (a knob saves 10%, not 3 tok/s, at every batch
 * size), so positive data is fitted on the log scale, where the spread inside
 * a cell is its CV. `block`: a factor that only absorbs offsets (each file of
 * a split-plot design), fitted like the others but never reported on.
 */
export function mainEffects(cells: readonly DesignCell[], levelCounts: readonly number[], block?: number): MainEffect[] {
  const logScale = cells.every((c) => c.mean > 0);
  const data = cells.map((c) => ({
    y: logScale ? Math.log(c.mean) : c.mean,
    w: c.n,
    levels: c.levels,
    within: c.n > 1 && c.sd !== null ? (c.n - 1) * (logScale ? (c.sd / c.mean) ** 2 : c.sd ** 2) : 0,
  }));
  const factors = levelCounts.map((_, i) => i);
  const n = data.reduce((s, c) => s + c.w, 0);
  const full = additiveFit(data, factors, levelCounts);
  const lackOfFit = full?.residual;
  const residual = (lackOfFit ?? 0) + data.reduce((s, c) => s + c.within, 0);
  const combinations = [...new Map(cells.map((c) => [c.levels.join(','), c.levels])).values()];
  // The parameters the data can tell apart (the design's rank): a confounded design has fewer than its columns.
  const { rank, confounding } = confoundingOf(combinations, levelCounts, block);
  const residualDf = n - rank;
  return factors.map((f) => {
    const df1 = (levelCounts[f] as number) - 1;
    const of = confounding[f] as MainEffect['confounding'];
    if (of !== 'none' || residualDf < 1 || df1 < 1 || !(residual > 1e-24)) return { factor: f, test: undefined, confounding: of };
    const without = lackOfFit === undefined ? undefined : additiveFit(data, factors.filter((g) => g !== f), levelCounts)?.residual;
    if (full === undefined || lackOfFit === undefined || without === undefined) return { factor: f, test: undefined, confounding: of, reason: UNSETTLED };
    const effect = Math.max(0, without - lackOfFit);
    const fStat = effect / df1 / (residual / residualDf);
    return { factor: f, test: { f: fStat, df1, df2: residualDf, p: fSurvival(fStat, df1, residualDf) }, confounding: of, estimates: full.alpha[f] as number[] };
  });
}

/**
 * The statistics behind the regression verdicts: Student's t distribution
 * (simple-statistics has none), Welch's unequal-variance t-test, Fieller's
 * interval for a ratio of means, and a seeded bootstrap for medians.
 * Everything here is pure and deterministic.
 */

// Lanczos approximation (g = 7, n = 9), good to about 15 significant digits.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function, by the modified Lentz method. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const TINY = 1e-300;
  const EPS = 1e-15;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** Regularized incomplete beta function I_x(a, b), for 0 ≤ x ≤ 1 and a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The continued fraction converges fast only below the mean of the beta
  // distribution; above it, use the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

function studentTDensity(t: number, df: number): number {
  return Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI) - ((df + 1) / 2) * Math.log(1 + (t * t) / df));
}

/** The t with P(T ≤ t) = p: Newton's method kept inside a bisection bracket. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability ${p} must be between 0 and 1`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const error = studentTCdf(t, df) - p;
    if (error > 0) hi = t;
    else lo = t;
    const step = error / studentTDensity(t, df);
    let next = t - step;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-13 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

/** What a t-test needs of one side: its mean, sample variance and size. */
export interface Moments {
  mean: number;
  variance: number;
  n: number;
}

export interface WelchResult {
  /** (head − base) / standard error. */
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** Squared standard errors of each mean, for the interval. */
  baseVarianceOfMean: number;
  headVarianceOfMean: number;
}

/**
 * Welch's t-test of head against base (both n ≥ 2). With no spread on either
 * side the difference is exact: p is 0 when the means differ and 1 when not.
 */
export function welchTest(base: Moments, head: Moments): WelchResult {
  const vb = base.variance / base.n;
  const vh = head.variance / head.n;
  const se2 = vb + vh;
  const diff = head.mean - base.mean;
  if (se2 === 0) {
    return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: base.n + head.n - 2, p: diff === 0 ? 1 : 0, baseVarianceOfMean: 0, headVarianceOfMean: 0 };
  }
  const t = diff / Math.sqrt(se2);
  const df = (se2 * se2) / ((vb * vb) / (base.n - 1) + (vh * vh) / (head.n - 1));
  const p = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  return { t, df, p, baseVarianceOfMean: vb, headVarianceOfMean: vh };
}

/**
 * Fieller's confidence interval for the relative change head/base − 1 of two
 * independent means. It is the set of ratios ρ whose test statistic
 * (x̄_h − ρ·x̄_b) / √(v_h + ρ²·v_b) stays within ±q, so at ρ = 1 it is exactly
 * Welch's t: the interval excludes 0 exactly when Welch's test is significant
 * at the same level. With cov = 0 and g = q²·v_b / x̄_b² the limits are
 *   (r ± (q / x̄_b)·√(r²·v_b + (1 − g)·v_h)) / (1 − g),   r = x̄_h / x̄_b.
 * When g ≥ 1 the base mean is not significantly different from 0 and the
 * interval is unbounded: null. A negative base mean flips the ratio, so the
 * change is taken relative to |x̄_b|.
 */
export function fiellerInterval(baseMean: number, headMean: number, baseVarianceOfMean: number, headVarianceOfMean: number, q: number): [number, number] | null {
  if (baseMean === 0) return null;
  const g = (q * q * baseVarianceOfMean) / (baseMean * baseMean);
  if (g >= 1) return null;
  const r = headMean / baseMean;
  const half = (Math.abs(q / baseMean) * Math.sqrt(r * r * baseVarianceOfMean + (1 - g) * headVarianceOfMean));
  const lo = (r - half) / (1 - g) - 1;
  const hi = (r + half) / (1 - g) - 1;
  return baseMean > 0 ? [lo, hi] : [-hi, -lo];
}

/** mulberry32: a small, fast PRNG whose stream is fixed by its 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string: a stable seed per series id. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median of a scratch buffer, reordering it: Hoare's selection, linear on average. */
export function medianInPlace(values: number[]): number {
  const n = values.length;
  const mid = n >> 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (mid <= j) hi = j;
    else if (mid >= i) lo = i;
    else break;
  }
  const upper = values[mid] as number;
  if (n % 2 === 1) return upper;
  // Everything before `mid` is ≤ values[mid] now: the lower middle is their maximum.
  let lower = -Infinity;
  for (let k = 0; k < mid; k++) if ((values[k] as number) > lower) lower = values[k] as number;
  return (lower + upper) / 2;
}

export interface BootstrapResult {
  change: number;
  interval: [number, number];
  /** Two-sided: twice the smaller share of resampled changes on either side of 0. */
  p: number;
}

export const BOOTSTRAP_RESAMPLES = 2000;
/** Up to this many samples a side is resampled draw by draw; longer sides draw the median directly. */
export const DIRECT_RESAMPLE_LIMIT = 200;

/** First index whose cumulative probability reaches u. */
function searchCdf(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cdf[mid] as number) >= u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * P(k-th smallest of n draws with replacement ≤ x₍ⱼ₎) for j = 1…n: at least k
 * of the n draws land among the j smallest, a binomial tail, I_{j/n}(k, n−k+1).
 */
function orderStatisticCdf(n: number, k: number): Float64Array {
  const cdf = new Float64Array(n).fill(1);
  // The mass sits within a few √n of k: walk out from k and stop where the tails vanish.
  const at = (j: number) => (j >= n ? 1 : incompleteBeta(j / n, k, n - k + 1));
  for (let j = k; j >= 1; j--) {
    const value = at(j);
    cdf[j - 1] = value;
    if (value < 1e-16) {
      cdf.fill(0, 0, j - 1);
      break;
    }
  }
  for (let j = k + 1; j < n; j++) {
    const value = at(j);
    cdf[j - 1] = value;
    if (value > 1 - 1e-16) break;
  }
  return cdf;
}

/**
 * Draws the median of one bootstrap resample of `values`. Short sides are
 * resampled draw by draw (O(n) per resample). Long sides draw the resample's
 * median from the exact distribution of its order statistic (O(log n)): for
 * odd n it is exact; for even n the two middle order statistics are drawn
 * with the same uniform, which keeps them ordered and, for the long sides
 * this path serves, matches their joint distribution closely.
 */
function medianSampler(values: readonly number[], random: () => number, directLimit: number): () => number {
  const n = values.length;
  if (n <= directLimit) {
    const buffer = new Array<number>(n);
    return () => {
      for (let i = 0; i < n; i++) buffer[i] = values[Math.floor(random() * n)] as number;
      return medianInPlace(buffer);
    };
  }
  const sorted = [...values].sort((a, b) => a - b);
  const k = (n + 1) >> 1;
  const lower = orderStatisticCdf(n, k);
  if (n % 2 === 1) return () => sorted[searchCdf(lower, random())] as number;
  const upper = orderStatisticCdf(n, k + 1);
  return () => {
    const u = random();
    return ((sorted[searchCdf(lower, u)] as number) + (sorted[searchCdf(upper, u)] as number)) / 2;
  };
}

/**
 * Percentile bootstrap of the relative change of medians: both sides are
 * resampled with replacement, independently, `resamples` times from a PRNG
 * seeded with `seed`, so the same data always give the same verdict.
 * null when the base median is 0.
 */
export function bootstrapMedianChange(
  base: readonly number[],
  head: readonly number[],
  confidence: number,
  seed: number,
  options: { resamples?: number; directLimit?: number } = {},
): BootstrapResult | null {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const directLimit = options.directLimit ?? DIRECT_RESAMPLE_LIMIT;
  const baseMedian = medianOf(base);
  if (baseMedian === 0) return null;
  const random = seededRandom(seed);
  const drawBase = medianSampler(base, random, directLimit);
  const drawHead = medianSampler(head, random, directLimit);
  const changes = new Float64Array(resamples);
  let below = 0;
  let above = 0;
  for (let i = 0; i < resamples; i++) {
    const b = drawBase();
    const h = drawHead();
    const c = b === 0 ? (h === b ? 0 : Math.sign(h - b) * Infinity) : (h - b) / Math.abs(b);
    changes[i] = c;
    if (c <= 0) below += 1;
    if (c >= 0) above += 1;
  }
  changes.sort();
  const alpha = 1 - confidence;
  const at = (q: number) => changes[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))] as number;
  return {
    change: (medianOf(head) - baseMedian) / Math.abs(baseMedian),
    interval: [at(alpha / 2), at(1 - alpha / 2)],
    p: Math.min(1, (2 * (Math.min(below, above) + 1)) / (resamples + 1)),
  };
}

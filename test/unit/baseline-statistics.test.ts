import { describe, expect, it } from 'vitest';
import {
  bootstrapMedianChange,
  fiellerInterval,
  hashSeed,
  incompleteBeta,
  logGamma,
  medianInPlace,
  medianOf,
  seededRandom,
  studentTCdf,
  studentTQuantile,
  welchTest,
} from '../../src/baseline/statistics.js';

describe('logGamma and the incomplete beta function', () => {
  it('matches Γ at integers and at one half', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(10.5)).toBeCloseTo(Math.log(1133278.3889487855), 9);
  });

  it('matches the closed forms I_x(1,1) = x, I_x(a,1) = x^a and I_x(1,b) = 1 − (1−x)^b', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.3, 4, 1)).toBeCloseTo(0.3 ** 4, 12);
    expect(incompleteBeta(0.7, 1, 3)).toBeCloseTo(1 - 0.3 ** 3, 12);
  });

  it('is one half at x = 0.5 when a = b, from either branch of the continued fraction', () => {
    expect(incompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 12);
    expect(incompleteBeta(0.5, 0.5, 0.5)).toBeCloseTo(0.5, 12);
  });

  it('is 0 and 1 at the ends', () => {
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe("Student's t distribution", () => {
  it('matches the Cauchy distribution at df = 1: 1/2 + atan(t)/π', () => {
    for (const t of [-3, -0.5, 0, 1.5, 12]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
  });

  it('matches the closed form at df = 2: 1/2 + t / (2√(2 + t²))', () => {
    for (const t of [-4, -1, 0.3, 2.5]) expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 12);
  });

  it('gives the two-sided critical values printed in t tables', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6);
    expect(studentTQuantile(0.975, 8)).toBeCloseTo(2.306004, 6);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776445, 6);
    expect(studentTQuantile(0.95, 4)).toBeCloseTo(2.131847, 6);
    expect(studentTQuantile(0.995, 1)).toBeCloseTo(63.656741, 5);
    expect(studentTQuantile(0.995, 30)).toBeCloseTo(2.749996, 6);
  });

  it('approaches the normal quantile 1.959964 for large df', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('is symmetric: the lower quantile is the negated upper one', () => {
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228139, 6);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('inverts its CDF at fractional df, as Welch produces', () => {
    const t = studentTQuantile(0.9, 4.3195);
    expect(studentTCdf(t, 4.3195)).toBeCloseTo(0.9, 12);
  });
});

describe("Welch's t-test", () => {
  // Worked by hand:
  //   base = 100, 102, 98, 101, 99: mean 100, squared deviations 0+4+4+1+1 = 10, variance 10/4 = 2.5
  //   head =  90,  94, 92,  91, 93: mean  92, squared deviations 4+4+0+1+1 = 10, variance 2.5
  //   variance of each mean = 2.5/5 = 0.5, standard error √(0.5 + 0.5) = 1, t = (92 − 100)/1 = −8
  //   df = (0.5 + 0.5)² / (0.5²/4 + 0.5²/4) = 1 / 0.125 = 8
  //   For even df, P(|T| ≤ t) = sin θ · (1 + cos²θ/2 + 3cos⁴θ/8 + 15cos⁶θ/48), tan θ = t/√df:
  //   tan θ = 8/√8 = 2√2, so cos²θ = 1/9 and sin θ = 2√2/3; the sum is 12371/11664,
  //   P(|T| ≤ 8) = 24742√2 / 34992 and p = 1 − 24742√2 / 34992 ≈ 4.3668e-5.
  const base = { mean: 100, variance: 2.5, n: 5 };
  const head = { mean: 92, variance: 2.5, n: 5 };

  it('computes t, the Welch–Satterthwaite df and the two-sided p of the worked example', () => {
    const result = welchTest(base, head);
    expect(result.t).toBeCloseTo(-8, 12);
    expect(result.df).toBeCloseTo(8, 12);
    expect(result.p).toBeCloseTo(1 - (24742 * Math.SQRT2) / 34992, 12);
  });

  it('takes df from unequal variances', () => {
    // head = 80, 100, 90, 95, 85: mean 90, variance 250/4 = 62.5, variance of the mean 12.5.
    // se² = 0.5 + 12.5 = 13, t = −10/√13 = −2.7735; df = 13² / (0.5²/4 + 12.5²/4) = 169 / 39.125 = 4.3195.
    const result = welchTest(base, { mean: 90, variance: 62.5, n: 5 });
    expect(result.t).toBeCloseTo(-10 / Math.sqrt(13), 12);
    expect(result.df).toBeCloseTo(169 / 39.125, 12);
    // Between the tables' 5% (2.776 at df 4, 2.571 at df 5) and 2% (3.747 at df 4) critical values.
    expect(result.p).toBeGreaterThan(0.02);
    expect(result.p).toBeLessThan(0.05);
  });

  it('treats spread-free samples as exact: p = 0 when the means differ, 1 when they do not', () => {
    expect(welchTest({ mean: 10, variance: 0, n: 3 }, { mean: 9, variance: 0, n: 3 }).p).toBe(0);
    expect(welchTest({ mean: 10, variance: 0, n: 3 }, { mean: 10, variance: 0, n: 3 }).p).toBe(1);
  });
});

describe("Fieller's interval for the relative change", () => {
  it('matches the hand-computed interval of the worked example', () => {
    // q = t(0.975, 8) = 2.306004, g = q²·0.5/100² = 0.000265883, r = 0.92,
    // half width = (q/100)·√(0.92²·0.5 + (1 − g)·0.5) = 0.0221553,
    // limits (0.92 ∓ 0.0221553)/(1 − g) − 1 = −10.192% … −5.759%.
    const interval = fiellerInterval(100, 92, 0.5, 0.5, 2.306004135204166);
    expect(interval?.[0]).toBeCloseTo(-0.1019165, 6);
    expect(interval?.[1]).toBeCloseTo(-0.0575942, 6);
  });

  it('excludes 0 exactly when Welch is significant at the same level', () => {
    for (const headMean of [97, 97.5, 98, 99]) {
      const welch = welchTest({ mean: 100, variance: 2.5, n: 5 }, { mean: headMean, variance: 2.5, n: 5 });
      const q = studentTQuantile(0.975, welch.df);
      const [lo, hi] = fiellerInterval(100, headMean, welch.baseVarianceOfMean, welch.headVarianceOfMean, q) ?? [Number.NaN, Number.NaN];
      expect(hi < 0 || lo > 0).toBe(welch.p < 0.05);
    }
  });

  it('is unbounded (null) when the base mean is not clearly away from 0', () => {
    expect(fiellerInterval(1, 1.2, 1, 1, 2)).toBeNull();
  });

  it('measures the change against |base| when the base mean is negative', () => {
    // −100 → −92 is +8% (less negative), the mirror of the worked example.
    const interval = fiellerInterval(-100, -92, 0.5, 0.5, 2.306004135204166);
    expect(interval?.[0]).toBeCloseTo(0.0575942, 6);
    expect(interval?.[1]).toBeCloseTo(0.1019165, 6);
  });
});

describe('seeded bootstrap of medians', () => {
  it('gives the same interval and p for the same seed', () => {
    const base = [100, 101, 99, 102, 98, 100];
    const head = [95, 96, 94, 97, 93, 95];
    expect(bootstrapMedianChange(base, head, 0.95, 42)).toEqual(bootstrapMedianChange(base, head, 0.95, 42));
  });

  it('reports the observed change of medians and a small p for clearly separated runs', () => {
    const result = bootstrapMedianChange([100, 101, 99, 102, 98], [90, 91, 89, 92, 88], 0.95, 7);
    expect(result?.change).toBeCloseTo(-0.1, 12);
    // Every resampled head median is below every resampled base median: p = 2·1/2001.
    expect(result?.p).toBeCloseTo(2 / 2001, 12);
    expect(result?.interval[1]).toBeLessThan(0);
  });

  it('gives p = 1 and a zero interval for identical constant runs', () => {
    const result = bootstrapMedianChange([5, 5, 5], [5, 5, 5], 0.95, 1);
    expect(result).toEqual({ change: 0, interval: [0, 0], p: 1 });
  });

  it('returns null when the base median is 0', () => {
    expect(bootstrapMedianChange([0, 0, 1], [1, 2, 3], 0.95, 1)).toBeNull();
  });

  it('selects the same median in place as sorting does, ties and all', () => {
    const random = seededRandom(3);
    for (let size = 1; size <= 40; size++) {
      const values = Array.from({ length: size }, () => Math.floor(random() * 7));
      expect(medianInPlace([...values])).toBe(medianOf(values));
    }
  });

  it('draws long sides\' medians from the order-statistic distribution with the same result as resampling draw by draw', () => {
    const random = seededRandom(11);
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    for (const size of [151, 150]) {
      const base = Array.from({ length: size }, () => 100 + 5 * normal());
      const head = Array.from({ length: size }, () => 99 + 5 * normal());
      const direct = bootstrapMedianChange(base, head, 0.95, 5, { directLimit: Infinity, resamples: 10000 });
      const drawn = bootstrapMedianChange(base, head, 0.95, 5, { directLimit: 0, resamples: 10000 });
      // Two Monte Carlo estimates of one distribution: equal up to resampling noise
      // (about 0.0004 for these quantiles with 10000 resamples; allowed 0.0015).
      expect(Math.abs((drawn?.interval[0] as number) - (direct?.interval[0] as number))).toBeLessThan(0.0015);
      expect(Math.abs((drawn?.interval[1] as number) - (direct?.interval[1] as number))).toBeLessThan(0.0015);
      expect(Math.abs((drawn?.p as number) - (direct?.p as number))).toBeLessThan(0.015);
    }
  });

  it('takes the median as the middle value or the mean of the two middle ones', () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('seeded random numbers', () => {
  it('repeat for a seed and stay in [0, 1)', () => {
    const a = seededRandom(hashSeed('results.csv::tokens_s'));
    const b = seededRandom(hashSeed('results.csv::tokens_s'));
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('hash different ids to different seeds', () => {
    expect(hashSeed('a::x')).not.toBe(hashSeed('a::y'));
  });
});

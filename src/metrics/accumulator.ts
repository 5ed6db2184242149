/**
 * Bounded-memory collector for one metric series.
 *
 * Mean and variance use Welford's update over every value, min and max are
 * exact, and the first `cap` values are kept verbatim. Past the cap the kept
 * values become a uniform reservoir (Algorithm R with a seeded generator, so
 * a report is identical from run to run) and percentiles computed from it are
 * flagged as approximate. This is what lets a 500 MB CSV stream through in
 * constant memory.
 */
export const DEFAULT_SAMPLE_CAP = 10_000;

export class SampleAccumulator {
  count = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private meanValue = 0;
  private m2 = 0;
  private readonly kept: number[] = [];
  private rng: number;

  constructor(private readonly cap: number = DEFAULT_SAMPLE_CAP, seed = 0x9e3779b9) {
    this.rng = seed >>> 0 || 1;
  }

  add(value: number): void {
    this.count += 1;
    const delta = value - this.meanValue;
    this.meanValue += delta / this.count;
    this.m2 += delta * (value - this.meanValue);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.kept.length < this.cap) {
      this.kept.push(value);
      return;
    }
    const slot = this.nextRandom() % this.count;
    if (slot < this.cap) this.kept[slot] = value;
  }

  /** True when `samples` holds every value, in arrival order. */
  get complete(): boolean {
    return this.count === this.kept.length;
  }

  get samples(): readonly number[] {
    return this.kept;
  }

  get mean(): number {
    return this.meanValue;
  }

  /** Sample variance (n - 1); undefined below two values. */
  get variance(): number | undefined {
    return this.count > 1 ? this.m2 / (this.count - 1) : undefined;
  }

  // xorshift32: tiny, deterministic, good enough to pick reservoir slots.
  private nextRandom(): number {
    let x = this.rng;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.rng = x;
    return x;
  }
}

/** Seeded randomness shared by the data generators: the same seed always writes the same bytes. */

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller), so generated spreads look like measurement noise rather than a flat band. */
export function normal(r: () => number): number {
  const u = 1 - r(); // (0, 1]: log(0) would be -Infinity
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** `value` with multiplicative noise of relative standard deviation `cv`. */
export function noisy(r: () => number, value: number, cv: number): number {
  return value * (1 + cv * normal(r));
}

export function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)] as T;
}

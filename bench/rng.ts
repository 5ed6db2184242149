/** Seeded randomness shared by the data generators: the same seed always writes the same bytes. */

import { seededRandom } from '../src/baseline/statistics.js';

/** mulberry32 (the project's one seeded generator): small, fast, deterministic. */
export const rng = seededRandom;

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

/** An undefined answer as a cache holds it. */
const NONE: unique symbol = Symbol('none');

/**
 * A pure function of a string, remembered: metric, column and file names
 * repeat across thousands of files, and each answer is computed once. The
 * cache is emptied when it reaches `limit`, so memory stays bounded however
 * many distinct names a run meets. Results are shared: callers must not
 * change them.
 */
export function memo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  // An undefined answer is kept as NONE, so a miss costs one lookup before the work, not two.
  const cache = new Map<string, T | typeof NONE>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined) return (known === NONE ? undefined : known) as T;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value === undefined ? NONE : value);
    return value;
  };
}

/**
 * memo for a pure function of two strings, without building a key string
 * per call: on a hot path (once per series) the concatenation and its hash
 * cost more than the answer. Bounded like memo: emptied at `limit` entries.
 */
export function memo2<T>(limit: number, compute: (a: string, b: string) => T): (a: string, b: string) => T {
  const cache = new Map<string, Map<string, T>>();
  let size = 0;
  return (a, b) => {
    let inner = cache.get(b);
    if (inner === undefined) {
      inner = new Map();
      cache.set(b, inner);
    }
    let value = inner.get(a);
    if (value === undefined && !inner.has(a)) {
      value = compute(a, b);
      if (size >= limit) {
        cache.clear();
        size = 0;
        inner = new Map();
        cache.set(b, inner);
      }
      inner.set(a, value);
      size += 1;
    }
    return value as T;
  };
}

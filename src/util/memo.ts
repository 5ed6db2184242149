/**
 * A pure function of a string, remembered: metric, column and file names
 * repeat across thousands of files, and each answer is computed once. The
 * cache is emptied when it reaches `limit`, so memory stays bounded however
 * many distinct names a run meets. Results are shared: callers must not
 * change them.
 */
export function memo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value as T;
  };
}

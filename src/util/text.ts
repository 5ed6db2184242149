/** "1 row", "2 rows". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** Sizes in decimal units (MB = 10^6 bytes), as max-file-size reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

/**
 * The candidate nearest to `target` (case-insensitive Levenshtein distance) when
 * within `maxDistance` edits: what a typo most likely meant. Ties go to the
 * candidate that sorts first, so the suggestion is stable.
 */
export function closestMatch(target: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
  const a = target.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance;
  for (const candidate of candidates) {
    const d = editDistance(a, candidate.toLowerCase(), bestDistance);
    if (d <= bestDistance && (best === undefined || d < bestDistance || candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

const NUMBER_RUN = /\d+(?:\.\d+)?/g;

/**
 * Orders names as a reader counts: `batch=2` before `batch=16`, `t=0.15`
 * before `t=0.2`. Runs of digits (with a decimal part) compare as numbers,
 * the text between them as text.
 */
export function naturalCompare(a: string, b: string): number {
  const split = (s: string) => {
    const parts: (string | number)[] = [];
    let last = 0;
    for (const m of s.matchAll(NUMBER_RUN)) {
      parts.push(s.slice(last, m.index), Number(m[0]));
      last = (m.index ?? 0) + m[0].length;
    }
    parts.push(s.slice(last));
    return parts;
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string | number;
    const q = y[i] as string | number;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return String(p) < String(q) ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * naturalCompare for sorting many long strings (series ids, by the
 * thousand): the same order for integers and decimal fractions
 * (`size=128` before `size=1024`, `t=0.15` before `t=0.2`), found at the
 * first character where the strings differ, without allocating.
 */
export function compareNumbered(a: string, b: string): number {
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  // The digit run the first difference falls in, from its start.
  let start = i;
  while (start > 0 && isDigit(a.charCodeAt(start - 1))) start--;
  let endA = start;
  while (endA < a.length && isDigit(a.charCodeAt(endA))) endA++;
  let endB = start;
  while (endB < b.length && isDigit(b.charCodeAt(endB))) endB++;
  if (endA > start && endB > start) {
    // After a decimal point digits compare as written (0.15 < 0.2); an integer part by its value.
    const fraction = start >= 2 && a.charCodeAt(start - 1) === 46 && isDigit(a.charCodeAt(start - 2));
    if (!fraction) {
      let za = start;
      while (za < endA - 1 && a.charCodeAt(za) === 48) za++;
      let zb = start;
      while (zb < endB - 1 && b.charCodeAt(zb) === 48) zb++;
      const lengths = endA - za - (endB - zb);
      if (lengths !== 0) return lengths;
    }
  }
  return a.charCodeAt(i) - b.charCodeAt(i);
}

/**
 * What a value read as a mean is when it is not one: a median the file stated
 * without a mean, or an average of such medians (SeriesStats.center).
 */
export function centerNote(center: 'median' | 'medians' | undefined): string {
  return center === 'median' ? ' (median)' : center === 'medians' ? ' (from medians)' : '';
}

/**
 * Names put in sort() order (UTF-16 code units) in place, and returned. A few are put in place by hand:
 * sort() allocates a work area on every call, and this runs per series (label keys), per path unit
 * and per findings scope.
 */
export function sortNamesInPlace(names: string[]): string[] {
  if (names.length > 16) return names.sort();
  for (let i = 1; i < names.length; i++) {
    const name = names[i] as string;
    let j = i - 1;
    for (; j >= 0 && (names[j] as string) > name; j--) names[j + 1] = names[j] as string;
    names[j + 1] = name;
  }
  return names;
}

/** Names (of a set, or a list of distinct names) in sort() order, as a new list. */
export function sortedNames(names: Iterable<string>): string[] {
  return sortNamesInPlace([...names]);
}

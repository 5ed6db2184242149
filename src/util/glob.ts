/**
 * Glob for metric names and ids: `*` matches any run of characters (including
 * `.` and `/`, since metric paths are not file paths), `?` one character.
 * Matching ignores case: users write `*ttft*` for `TTFT (ms)`.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const ch of glob) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

export function matchesAny(globs: readonly RegExp[], candidates: readonly string[]): boolean {
  return globs.some((g) => candidates.some((c) => g.test(c)));
}

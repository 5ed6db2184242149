import path from 'node:path';
import fg from 'fast-glob';
import { pathGlobToRegExp } from '../parse/adapters/registry.js';
import type { DiscoveredFile } from './discover.js';

/**
 * The `patterns` the user gave that found no file: `**\/*.tsv` on a tree of
 * CSVs would otherwise end in "0 files found" and a passing check. A pattern
 * is first tried on the listed files (a superset match, case-insensitive);
 * only one that matched none of them is confirmed by a walk of its own, so
 * the warning never depends on a difference between two glob dialects.
 */
export async function patternsWithoutFiles(
  options: { root: string; patterns: readonly string[]; ignore: readonly string[] },
  files: readonly DiscoveredFile[],
): Promise<string[]> {
  const relative = files.map((f) => path.relative(options.root, f.absolutePath).split(path.sep).join('/'));
  const unmatched: string[] = [];
  for (const pattern of options.patterns) {
    if (pattern.startsWith('!')) continue;
    const test = pathGlobToRegExp(pattern);
    if (relative.some((p) => test.test(p))) continue;
    const found = await fg(pattern, {
      cwd: options.root,
      ignore: [...options.ignore],
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      suppressErrors: true,
    });
    if (found.length === 0) unmatched.push(pattern);
  }
  return unmatched;
}

import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh directory under os.tmpdir(), resolved through symlinks (macOS
 * /var → /private/var) so tests can compare absolute paths exactly.
 */
export function makeTempDir(prefix = 'chimera-test-'): string {
  return realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (relative path → content) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(root, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/** Creates the symlink `link` (relative to `root`) pointing at `target` as given. */
export function symlinkIn(root: string, link: string, target: string, type?: 'file' | 'dir'): void {
  const at = path.join(root, link);
  mkdirSync(path.dirname(at), { recursive: true });
  symlinkSync(target, at, type);
}

/**
 * A temp directory created before each test and removed after it:
 * `const tmp = useTempDir(); … tmp.dir`.
 */
export function useTempDir(prefix?: string): { readonly dir: string } {
  let current: string | undefined;
  beforeEach(() => {
    current = makeTempDir(prefix);
  });
  afterEach(() => {
    if (current) removeDir(current);
    current = undefined;
  });
  return {
    get dir(): string {
      if (!current) throw new Error('useTempDir: only available inside a test');
      return current;
    },
  };
}

import { lstatSync, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { isInside } from '../util/paths.js';
import fg from 'fast-glob';
import type { FileType } from '../model/report.js';
import { exclusionReason, fileTypeOf } from './rules.js';
import { ConfigError } from '../config-input.js';

export interface DiscoveredFile {
  /** Workspace-relative, forward slashes: the path users and annotations see. */
  path: string;
  absolutePath: string;
  type: FileType;
  /**
   * Bytes. Undefined until known: a regular file is not stat'ed while it is listed, because reading it
   * stats it anyway (the parse stage's fstat fills this in, see parse/read-file.ts); analyze stats the
   * files it never opened (statUnopened).
   */
  size?: number;
  /** File-system modification time (ms since the epoch), known with `size`; meaningful only for files written by the job itself. */
  mtimeMs?: number;
  /** Set when the file is listed but will not be read. */
  skipReason?: string;
}

export interface DiscoveryOptions {
  workspace: string;
  root: string;
  patterns: string[];
  ignore: string[];
  /** Directories never read even when inside `root` (our own output). */
  exclude?: string[];
}

/**
 * The `path` input must name a folder of the workspace: a missing one, or a
 * file, would otherwise end the run with a stack trace or find nothing
 * without a word. `shown`: the input as the user wrote it.
 */
export async function checkRootFolder(root: string, shown: string, workspace: string): Promise<void> {
  const stat = await fs.stat(root).catch((err: NodeJS.ErrnoException) => err);
  if (stat instanceof Error) {
    const why = stat.code === 'ENOENT' ? 'does not exist in the workspace' : stat.code === 'ENOTDIR' ? 'is inside a file, not a folder' : `cannot be read (${stat.code ?? stat.message})`;
    throw new ConfigError('path', `"${shown}" ${why}`);
  }
  if (!stat.isDirectory()) throw new ConfigError('path', `"${shown}" is a file; 'path' is the folder to search (choose files in it with 'patterns')`);
  // A symlink in the checkout (a pull request can add one) must not take the search outside the workspace.
  const [real, realWorkspace] = await Promise.all([fs.realpath(root), fs.realpath(workspace)]);
  if (!isInside(realWorkspace, real)) throw new ConfigError('path', `"${shown}" leads outside the workspace through a symbolic link`);
}

/**
 * Lists candidate files under `root` in a stable (code-point) order. Symlinked
 * directories are never traversed; a symlinked file is read only when its
 * target is inside the workspace, and not twice when the target is listed too.
 */
export async function discoverFiles(options: DiscoveryOptions): Promise<DiscoveredFile[]> {
  const workspaceReal = await fs.realpath(options.workspace);
  // Directories below `root` are never symlinks (they are not traversed), so a
  // regular file's real path is the real root joined with its relative path.
  const rootReal = await fs.realpath(options.root);
  // Types come from the directory listing (no stat per entry).
  // The synchronous walk: nothing else runs during discovery, and a callback per directory costs twice the walk.
  const entries = fg.sync(options.patterns, {
    cwd: options.root,
    ignore: options.ignore,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    unique: true,
    suppressErrors: true,
  });
  // A regular file's type comes from the listing; its size and time come when it is opened (one fstat
  // instead of an lstat by path per file now and a second stat when it is read). Symlinks are stat'ed here.
  const candidates: { path: string; symlink: boolean }[] = [];
  for (const e of entries) {
    if (e.dirent.isFile()) {
      candidates.push({ path: e.path, symlink: false });
      continue;
    }
    if (!e.dirent.isSymbolicLink()) continue;
    let stats: Stats;
    try {
      stats = lstatSync(path.join(options.root, e.path));
    } catch {
      // A symlink gone since it was listed: not a candidate, as when the listing's own stat failed. (A
      // regular file gone since is a failed file when it is read: "could not be read: ENOENT".)
      continue;
    }
    if (stats.isFile() || stats.isSymbolicLink()) candidates.push({ path: e.path, symlink: stats.isSymbolicLink() });
  }
  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const excluded = (options.exclude ?? []).map((d) => path.resolve(d));
  const files: DiscoveredFile[] = [];
  const realPaths = new Map<string, string>();
  // fast-glob gives `/`-separated paths relative to root; shown paths are relative to the workspace.
  const rootShown = path.relative(options.workspace, options.root).split(path.sep).join('/');
  const display = rootShown.startsWith('..') || path.isAbsolute(rootShown)
    ? (rel: string) => path.relative(options.workspace, path.join(options.root, rel)).split(path.sep).join('/')
    : (rel: string) => (rootShown === '' ? rel : `${rootShown}/${rel}`);
  // A real file keeps its own name; symlinks to it are the duplicates (only a tree with symlinks needs the map).
  if (candidates.some((e) => e.symlink)) for (const e of candidates) if (!e.symlink) realPaths.set(path.join(rootReal, e.path), display(e.path));
  // path.join normalises every path it builds, a tenth of discovery on a tree of small files. The listing's
  // relative paths are normal already (no `.`, `..` or empty segment), so on POSIX joining them to the
  // normalised root is concatenation; anything else still goes through path.join.
  const rootPrefix = path.join(options.root, '_').slice(0, -1);
  const joinRoot = (rel: string) => (path.sep === '/' && isNormalRelative(rel) ? rootPrefix + rel : path.join(options.root, rel));
  for (const { path: rel, symlink } of candidates) {
    const absolutePath = joinRoot(rel);
    if (excluded.some((d) => isInside(d, absolutePath))) continue;
    const shown = display(rel);
    const file: DiscoveredFile = { path: shown, absolutePath, type: fileTypeOf(rel) };
    files.push(file);
    if (!symlink) {
      const reason = exclusionReason(shown);
      if (reason) file.skipReason = reason;
      continue;
    }
    file.size = 0;
    let real: string;
    try {
      real = await fs.realpath(absolutePath);
    } catch {
      file.skipReason = 'broken symlink or unreadable file';
      continue;
    }
    // Checked before any stat: nothing, not even the size, is taken from outside.
    if (!isInside(workspaceReal, real)) {
      file.skipReason = 'symlink pointing outside the workspace';
      continue;
    }
    let isRegular: boolean;
    try {
      const target = await fs.stat(real);
      file.size = target.size;
      file.mtimeMs = target.mtimeMs;
      isRegular = target.isFile();
    } catch {
      file.skipReason = 'broken symlink or unreadable file';
      continue;
    }
    const reason = exclusionReason(shown);
    if (reason) {
      file.skipReason = reason;
      continue;
    }
    const seen = realPaths.get(real);
    if (seen !== undefined && seen !== shown) {
      file.skipReason = `same file as ${seen} (symlink)`;
      continue;
    }
    realPaths.set(real, shown);
    if (!isRegular) file.skipReason = 'not a regular file';
  }
  return files;
}

/**
 * Size and time of the listed files never opened (skipped by name, past the run's cap, unreadable):
 * the inventory shows every file's size. A file gone since it was listed keeps size 0.
 */
export function statUnopened(files: readonly DiscoveredFile[]): void {
  for (const file of files) {
    if (file.size !== undefined) continue;
    file.size = 0;
    try {
      const stats = lstatSync(file.absolutePath);
      file.size = stats.size;
      file.mtimeMs = stats.mtimeMs;
    } catch {
      // Unreadable now: its parse outcome says why.
    }
  }
}

/** A `/`-separated relative path that path.normalize leaves as it is: no `.`, `..` or empty segment. */
function isNormalRelative(rel: string): boolean {
  return rel !== '' && !rel.startsWith('/') && !rel.startsWith('./') && !rel.startsWith('../') && rel !== '.' && rel !== '..' &&
    !rel.includes('//') && !rel.includes('/./') && !rel.includes('/../') && !rel.endsWith('/.') && !rel.endsWith('/..') && !rel.endsWith('/');
}

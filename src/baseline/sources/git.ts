import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { rootRelative, type Config } from '../../config.js';
import { discoverFiles } from '../../discover/discover.js';
import { snapshotSeries } from '../snapshot.js';
import { BaselineError, type AnalyzeTree, type EventInfo, type SourceOutcome } from './types.js';

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git with an argument array (never a shell); `--literal-pathspecs` so paths are never globs. */
function git(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn('git', ['--literal-pathspecs', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (err += d));
    child.on('error', (e) => resolve({ code: -1, stdout: Buffer.alloc(0), stderr: e.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr: err.trim() }));
  });
}

async function gitText(cwd: string, args: string[]): Promise<string | undefined> {
  const r = await git(cwd, args);
  return r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
}

const short = (sha: string) => sha.slice(0, 7);

export const SHALLOW_HINT = 'use actions/checkout with fetch-depth: 0 so the base branch history is fetched';

interface TreeEntry {
  /** Workspace-relative path with forward slashes. */
  path: string;
  oid: string;
}

/** Regular files (not symlinks, not submodules) under the analysed path at `commit`. */
async function listBlobs(cwd: string, commit: string, rootRel: string): Promise<TreeEntry[]> {
  // Run from `root` so names come back relative to it, whatever the repository's top level.
  const r = await git(cwd, ['ls-tree', '-r', '-z', commit, '--', '.']);
  if (r.code !== 0) throw new Error(`git ls-tree failed: ${r.stderr}`);
  const entries: TreeEntry[] = [];
  for (const record of r.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    const name = record.slice(tab + 1);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !oid) continue;
    // Git refuses such names, but the tree is untrusted: never write outside the temporary directory.
    if (name.split('/').some((s) => s === '..' || s === '.' || s === '') || path.isAbsolute(name)) continue;
    entries.push({ path: rootRel === '.' ? name : `${rootRel}/${name}`, oid });
  }
  return entries;
}

/**
 * The regular files `names` (relative to `cwd`, no folders) at `commit`, with
 * their sizes, so a caller can refuse a large blob before writing it out.
 */
export async function filesAt(cwd: string, commit: string, names: readonly string[]): Promise<{ name: string; oid: string; size: number }[]> {
  const r = await git(cwd, ['ls-tree', '-l', '-z', commit, '--', ...names]);
  if (r.code !== 0) throw new Error(`git ls-tree failed: ${r.stderr}`);
  const out: { name: string; oid: string; size: number }[] = [];
  for (const record of r.stdout.toString('utf8').split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
    const name = record.slice(tab + 1);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || !oid || !names.includes(name)) continue;
    out.push({ name, oid, size: Number(size) });
  }
  return out;
}

/**
 * Streams blobs out of `git cat-file --batch` into files: one process for all
 * of them, memory bounded by the pipe's chunks, contents never interpreted.
 */
export function writeBlobs(cwd: string, blobs: { oid: string; target: string }[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let index = 0;
    let header = Buffer.alloc(0);
    let remaining = -1; // bytes of the current blob still to write; -1 while reading a header
    let fd: number | undefined;
    let skipNewline = false;
    let failure: Error | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      // Chunks still buffered after a failure would be parsed from a broken state.
      if (failure) return;
      let at = 0;
      try {
        while (at < chunk.length) {
          if (skipNewline) {
            at += 1;
            skipNewline = false;
            continue;
          }
          if (remaining < 0) {
            const nl = chunk.indexOf(10, at);
            if (nl < 0) {
              header = Buffer.concat([header, chunk.subarray(at)]);
              break;
            }
            const line = Buffer.concat([header, chunk.subarray(at, nl)]).toString('utf8');
            header = Buffer.alloc(0);
            at = nl + 1;
            const m = /^([0-9a-f]+) blob (\d+)$/.exec(line);
            const blob = blobs[index];
            if (!m || !blob) throw new Error(`unexpected git cat-file output: ${line}`);
            remaining = Number(m[2]);
            fd = openSync(blob.target, 'w');
            if (remaining === 0) finishBlob();
            continue;
          }
          const take = Math.min(remaining, chunk.length - at);
          writeSync(fd as number, chunk, at, take);
          at += take;
          remaining -= take;
          if (remaining === 0) finishBlob();
        }
      } catch (err) {
        failure = err as Error;
        child.kill();
      }
    });
    function finishBlob() {
      closeSync(fd as number);
      fd = undefined;
      remaining = -1;
      skipNewline = true;
      index += 1;
    }
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (fd !== undefined) closeSync(fd);
      if (failure) reject(failure);
      else if (code !== 0 || index !== blobs.length) reject(new Error(`git cat-file failed: ${stderr.trim() || `exit code ${code}`}`));
      else resolve();
    });
    child.stdin.end(blobs.map((b) => `${b.oid}\n`).join(''));
  });
}

export interface GitSourceOptions {
  config: Config;
  event: EventInfo;
  analyzeTree: AnalyzeTree;
  /** An empty directory the base tree is written into. */
  tempDir: string;
  /** `git:<ref>`: the merge base of HEAD with this branch, tag or commit instead of the event's base. */
  ref?: string;
}

export interface MergeBase {
  sha: string;
  /** The base branch as the event or `git:<ref>` names it. */
  ref?: string;
}

/**
 * The commit to read the baseline at: the merge base of the event's base
 * commit (or of `ref`) with the head. Either the commit, or in words why
 * there is none. With an explicit `ref` a missing repository or ref is an
 * error (BaselineError): the user named that baseline, so passing without it
 * would hide a typo.
 */
export async function findMergeBase(cwd: string, event: EventInfo, ref?: string): Promise<MergeBase | { reason: string }> {
  const named = ref !== undefined ? `Baseline git:${ref}` : '';
  const inside = await git(cwd, ['rev-parse', '--is-inside-work-tree']);
  if (inside.code !== 0 || inside.stdout.toString('utf8').trim() !== 'true') {
    // e.g. "detected dubious ownership" in a container: say what git said rather than guess.
    const said = inside.stderr.split('\n')[0] ?? '';
    const notRepo = inside.code === 0 || /not a git repository/i.test(said) || said === '';
    const reason = notRepo ? 'not inside a git checkout' : `git cannot read the checkout: ${said}`;
    if (named) throw new BaselineError(`${named}: ${reason}`);
    return { reason };
  }
  const shallow = (await gitText(cwd, ['rev-parse', '--is-shallow-repository'])) === 'true';
  let baseSha = event.baseSha;
  let baseRef = event.baseRef;
  if (ref !== undefined) {
    baseSha = await gitText(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (!baseSha) throw new BaselineError(`${named}: no branch, tag or commit named "${ref}" in this clone${shallow ? ` (the clone is shallow: ${SHALLOW_HINT})` : ''}`);
    baseRef = ref;
  }
  if (!baseSha) return { reason: 'no base commit: needs a pull_request event (or a push with a previous commit)' };
  const hasCommit = async (sha: string) => (await git(cwd, ['cat-file', '-e', `${sha}^{commit}`])).code === 0;
  if (!(await hasCommit(baseSha))) {
    return {
      reason: shallow
        ? `the clone is shallow and does not contain the base commit ${short(baseSha)}: ${SHALLOW_HINT}`
        : `the base commit ${short(baseSha)} is not in the clone: ${SHALLOW_HINT}`,
    };
  }
  // A pull_request checkout is the merge commit; the PR head may not have been fetched, HEAD always is.
  const head = event.headSha && (await hasCommit(event.headSha)) ? event.headSha : 'HEAD';
  const mergeBase = await gitText(cwd, ['merge-base', baseSha, head]);
  if (!mergeBase) {
    const reason = shallow
      ? `the clone is too shallow to find the merge base of ${short(baseSha)} and ${head === 'HEAD' ? 'HEAD' : short(head)}: ${SHALLOW_HINT}`
      : `${short(baseSha)} and ${head === 'HEAD' ? 'HEAD' : short(head)} have no common ancestor`;
    if (named) throw new BaselineError(`${named}: ${reason}`);
    return { reason };
  }
  return baseRef ? { sha: mergeBase, ref: baseRef } : { sha: mergeBase };
}

/**
 * The same benchmark files at the merge base of the PR, read from git objects
 * (nothing checked out, nothing run), written to a temporary directory under
 * the same workspace-relative paths and analyzed with the same configuration,
 * so their series ids are the head's.
 */
export async function baselineFromGit(options: GitSourceOptions): Promise<SourceOutcome> {
  const { config, event } = options;
  const cwd = config.root;
  const base = await findMergeBase(cwd, event, options.ref);
  if ('reason' in base) return { reason: base.reason === 'not inside a git checkout' ? `${rootRelative(config)} is not inside a git checkout` : base.reason };
  const mergeBase = base.sha;
  const rootRel = rootRelative(config);
  let blobs: TreeEntry[];
  try {
    blobs = await listBlobs(cwd, mergeBase, rootRel);
  } catch (err) {
    return { reason: (err as Error).message };
  }
  if (blobs.length === 0) return { reason: `${rootRel} does not exist at the merge base ${short(mergeBase)}` };

  // Empty stand-ins first, so discovery with the user's patterns and ignores
  // picks the files exactly as it did for the head; only those are filled.
  const workspace = path.join(options.tempDir, 'merge-base');
  await fs.mkdir(workspace, { recursive: true });
  const dirs = new Set(blobs.map((b) => path.dirname(path.join(workspace, b.path))));
  for (const d of dirs) await fs.mkdir(d, { recursive: true });
  for (const b of blobs) await fs.writeFile(path.join(workspace, b.path), '');
  const baseConfig: Config = { ...config, workspace, root: path.join(workspace, rootRel), outputDir: undefined };
  const wanted = new Set((await discoverFiles({ ...baseConfig })).filter((f) => !f.skipReason).map((f) => f.path));
  const selected = blobs.filter((b) => wanted.has(b.path)).map((b) => ({ oid: b.oid, target: path.join(workspace, b.path) }));
  if (selected.length === 0) return { reason: `no benchmark files under ${rootRel} at the merge base ${short(mergeBase)}` };
  try {
    await writeBlobs(cwd, selected);
  } catch (err) {
    return { reason: (err as Error).message };
  }

  const report = await options.analyzeTree(baseConfig);
  if (report.series.length === 0) return { reason: `no series in the benchmark files at the merge base ${short(mergeBase)}` };
  const createdAt = await gitText(cwd, ['show', '-s', '--format=%cI', mergeBase]);
  const found: SourceOutcome = {
    found: {
      info: { source: 'git', description: `git merge base ${short(mergeBase)}${options.ref !== undefined ? ` with ${options.ref}` : ''}`, commit: base.ref ? { sha: mergeBase, ref: base.ref } : { sha: mergeBase } },
      series: report.series.map((s) => snapshotSeries(s)),
    },
  };
  if (createdAt) found.found.info.createdAt = new Date(createdAt).toISOString();
  return found;
}

/** The checked-out commit and branch of `cwd`, for snapshots the CLI writes; undefined outside git. */
export async function headCommit(cwd: string): Promise<{ sha: string; ref?: string } | undefined> {
  const sha = await gitText(cwd, ['rev-parse', '--verify', '-q', 'HEAD']);
  if (!sha) return undefined;
  const ref = await gitText(cwd, ['symbolic-ref', '-q', '--short', 'HEAD']);
  return ref ? { sha, ref } : { sha };
}

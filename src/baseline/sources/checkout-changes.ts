import { spawn } from 'node:child_process';

/** git with fixed arguments, never a shell; stdout or undefined on failure or after `timeoutMs`. */
function git(cwd: string, args: string[], timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', ['--literal-pathspecs', '-c', 'core.quotePath=false', ...args], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    const timer = setTimeout(() => child.kill(), timeoutMs);
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? out : undefined);
    });
  });
}

export interface CheckoutChanges {
  /** Workspace-relative paths that are untracked, changed against HEAD, or changed since `baseSha`. */
  changed: Set<string>;
  /** False outside a git checkout: then nothing can be told apart and every file counts as new. */
  checkout: boolean;
}

/**
 * Which of `paths` this checkout brings: files git does not track, files
 * changed in the working tree, and (with the pull request's base commit)
 * files the branch changed. A timestamped run committed long ago and left
 * alone is none of these.
 */
export async function changesInCheckout(workspace: string, paths: readonly string[], baseSha?: string, timeoutMs = 15_000): Promise<CheckoutChanges> {
  if (paths.length === 0) return { changed: new Set(), checkout: true };
  const inside = await git(workspace, ['rev-parse', '--is-inside-work-tree', '--show-prefix'], timeoutMs);
  const [flag, prefix = ''] = (inside ?? '').split('\n');
  if (flag?.trim() !== 'true') return { changed: new Set(paths), checkout: false };
  const changed = new Set<string>();
  // -z names paths verbatim but relative to the repository's root, whatever --short or status.relativePaths
  // say, so the workspace's own prefix (`bench/` when it is a subfolder) is cut. Entries are "XY path";
  // a rename adds the old path as a further entry.
  const status = await git(workspace, ['-c', 'color.status=false', 'status', '--short', '-z', '--untracked-files=all', '--', ...paths], timeoutMs);
  for (const entry of status?.split('\0') ?? []) {
    const name = entry.slice(3);
    if (entry.length > 3) changed.add(name.startsWith(prefix) ? name.slice(prefix.length) : name);
  }
  if (baseSha && /^[0-9a-f]{7,64}$/i.test(baseSha)) {
    const diff = await git(workspace, ['diff', '--name-only', '--relative', '-z', baseSha, 'HEAD', '--', ...paths], timeoutMs);
    for (const name of diff?.split('\0') ?? []) if (name) changed.add(name);
  }
  const asked = new Set(paths);
  return { changed: new Set([...changed].filter((p) => asked.has(p))), checkout: true };
}

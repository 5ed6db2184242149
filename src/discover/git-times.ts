import { spawn } from 'node:child_process';

export interface GitTimes {
  /** Workspace-relative path → ISO time of the last commit that touched it. */
  times: Map<string, string>;
  checkout: boolean;
  shallow: boolean;
}

/** Runs git with fixed arguments (never a shell), returning stdout, or undefined on failure. */
function gitOutput(cwd: string, args: string[], trim = true): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? (trim ? out.trim() : out) : undefined));
  });
}

/**
 * Last-commit times for `paths` from one pass over `git log`, newest first,
 * stopping as soon as every path has been seen: checkout mtimes are the time
 * of the clone in CI, so only history says when a result last changed.
 */
export async function lastCommitTimes(
  workspace: string,
  paths: readonly string[],
  { scope = '.', timeoutMs = 15_000 }: { scope?: string; timeoutMs?: number } = {},
): Promise<GitTimes> {
  const inside = await gitOutput(workspace, ['rev-parse', '--is-inside-work-tree']);
  if (inside !== 'true') return { times: new Map(), checkout: false, shallow: false };
  const shallow = (await gitOutput(workspace, ['rev-parse', '--is-shallow-repository'])) === 'true';
  // Only tracked files can be found in history; asking for untracked ones (results the job
  // just wrote) would walk the whole history looking for them.
  const tracked = new Set((await gitOutput(workspace, ['--literal-pathspecs', 'ls-files', '-z', '--', scope], false))?.split('\0') ?? []);
  const wanted = new Set(paths.filter((p) => tracked.has(p)));
  const times = new Map<string, string>();
  if (wanted.size === 0) return { times, checkout: true, shallow };

  await new Promise<void>((resolve) => {
    // -z: names arrive verbatim, NUL-terminated (quotes, tabs and backslashes
    // in file names are not C-quoted as they are in the line format).
    const child = spawn(
      'git',
      ['--literal-pathspecs', '-c', 'core.quotePath=false', '-c', 'log.showSignature=false', 'log', '-z', '--no-renames', '--format=%x1e%cI', '--name-only', '--relative', 'HEAD', '--', scope],
      { cwd: workspace, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const timer = setTimeout(() => child.kill(), timeoutMs);
    let current: string | undefined;
    let pending = '';
    const take = (token: string) => {
      // The first name after a commit header comes after the header's newline.
      const entry = token.startsWith('\n') ? token.slice(1) : token;
      if (entry.startsWith('\x1e')) {
        current = entry.slice(1).trim();
        return;
      }
      if (!entry || !current || !wanted.has(entry) || times.has(entry)) return;
      times.set(entry, current);
      if (times.size === wanted.size) child.kill();
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const tokens = (pending + chunk).split('\0');
      pending = tokens.pop() ?? '';
      for (const token of tokens) take(token);
    });
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    child.on('error', done);
    child.on('close', () => {
      if (pending) take(pending);
      done();
    });
  });
  return { times, checkout: true, shallow };
}

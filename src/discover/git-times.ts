import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface GitTimes {
  /** Workspace-relative path → ISO time of the last commit that touched it. */
  times: Map<string, string>;
  checkout: boolean;
  shallow: boolean;
}

/** Runs git with fixed arguments (never a shell), returning stdout, or undefined on failure. */
function gitOutput(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? out.trim() : undefined));
  });
}

/**
 * Last-commit times for `paths` from one pass over `git log`, newest first,
 * stopping as soon as every path has been seen: checkout mtimes are the time
 * of the clone in CI, so only history says when a result last changed.
 */
export async function lastCommitTimes(workspace: string, paths: readonly string[], timeoutMs = 15_000): Promise<GitTimes> {
  const inside = await gitOutput(workspace, ['rev-parse', '--is-inside-work-tree']);
  if (inside !== 'true') return { times: new Map(), checkout: false, shallow: false };
  const shallow = (await gitOutput(workspace, ['rev-parse', '--is-shallow-repository'])) === 'true';
  const wanted = new Set(paths);
  const times = new Map<string, string>();
  if (wanted.size === 0) return { times, checkout: true, shallow };

  await new Promise<void>((resolve) => {
    const child = spawn(
      'git',
      ['-c', 'core.quotePath=false', 'log', '--no-renames', '--format=%x1e%cI', '--name-only', '--relative', 'HEAD', '--', '.'],
      { cwd: workspace, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const timer = setTimeout(() => child.kill(), timeoutMs);
    const lines = createInterface({ input: child.stdout });
    let current: string | undefined;
    lines.on('line', (line) => {
      if (line.startsWith('\x1e')) {
        current = line.slice(1);
        return;
      }
      if (!line || !current || !wanted.has(line) || times.has(line)) return;
      times.set(line, current);
      if (times.size === wanted.size) child.kill();
    });
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    child.on('error', done);
    lines.on('close', done);
  });
  return { times, checkout: true, shallow };
}

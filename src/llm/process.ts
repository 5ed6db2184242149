import { execFile, spawn } from 'node:child_process';
import { accessSync, constants, closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The operating-system edge of the server lifecycle: finding, spawning,
 * identifying and stopping `ollama serve`. Everything here is passed into
 * server.ts and post.ts, so their logic is tested with fakes.
 */

const execFileAsync = promisify(execFile);

export const realClock = {
  now: (): number => performance.now(),
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface ProcessIdentity {
  pid: number;
  /** Kernel start time (Linux: clock ticks since boot; elsewhere `ps -o lstart`): tells a reused pid apart. */
  startTime: string;
  command: string;
}

export interface SpawnedProcess {
  pid: number;
  /** Exit code or signal once the process has exited, else undefined. */
  exitStatus(): string | undefined;
}

export type StartProcess = (command: string, args: string[], options: { env: NodeJS.ProcessEnv; logFile: string }) => SpawnedProcess;

/**
 * Starts a long-lived server detached in its own process group (no shell),
 * stdout and stderr appended to `logFile`, so it outlives this step and the
 * post step can stop the whole group.
 */
export const startDetached: StartProcess = (command, args, { env, logFile }) => {
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', fd, fd], env, shell: false, windowsHide: true });
    let status: string | undefined;
    child.on('exit', (code, signal) => {
      status = signal ? `signal ${signal}` : `code ${code}`;
    });
    child.on('error', (err) => {
      status = `error ${err.message}`;
    });
    child.unref();
    if (child.pid === undefined) {
      // spawn reports ENOENT/EACCES asynchronously; the pid is missing synchronously.
      return { pid: -1, exitStatus: () => status ?? 'error could not start' };
    }
    return { pid: child.pid, exitStatus: () => status };
  } finally {
    closeSync(fd);
  }
};

/** The first executable `name` on PATH (PATHEXT on Windows), like `which`. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext.toLowerCase());
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        /* next */
      }
    }
  }
  return undefined;
}

/** A free TCP port on the loopback interface, as the kernel hands one out. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The last `lines` lines of a log file, or [] when it cannot be read. */
export function readTail(file: string, lines: number): string[] {
  try {
    const text = readFileSync(file, 'utf8');
    return text.split(/\r?\n/).filter((l) => l !== '').slice(-lines);
  } catch {
    return [];
  }
}

/** Who `pid` is now, or undefined when no such process exists (or it cannot be told on this platform). */
export async function readIdentity(pid: number): Promise<ProcessIdentity | undefined> {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Field 2 (comm) is parenthesised and may hold spaces; fields after it are plain.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') return undefined; // exited, waiting for its parent
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      return { pid, startTime: fields[19] ?? '', command };
    } catch {
      return undefined;
    }
  }
  if (process.platform === 'win32') return undefined;
  try {
    const { stdout } = await execFileAsync('ps', ['-o', 'lstart=', '-o', 'command=', '-p', String(pid)], { timeout: 10_000 });
    const line = stdout.trim();
    if (!line) return undefined;
    // lstart is fixed-width: "Fri Nov 14 19:34:13 2025".
    return { pid, startTime: line.slice(0, 24), command: line.slice(24).trim() };
  } catch {
    return undefined;
  }
}

/** Signals the process group led by `pid` (a detached child leads its own), falling back to the process. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

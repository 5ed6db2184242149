import { spawn } from 'node:child_process';

/** What one run of a GPU tool gave: its output, or why there is none. */
export type ProbeResult =
  | { kind: 'output'; code: number; stdout: string }
  /** Not installed: the normal case on a machine without that vendor's GPUs. */
  | { kind: 'absent' }
  | { kind: 'timeout'; ms: number }
  | { kind: 'error'; message: string };

/** Runs a fixed command with fixed arguments; tests hand in recorded outputs instead. */
export type Probe = (command: string, args: readonly string[], timeoutMs: number) => Promise<ProbeResult>;

/** A GPU tool that writes more than this is not answering the query asked. */
export const PROBE_OUTPUT_LIMIT = 256 * 1024;

/**
 * The real probe: the program is spawned directly (no shell, nothing from a
 * repository in its arguments), its stdin closed, its output capped, and it
 * is killed with its process group at the deadline. The promise settles at
 * the deadline even when a grandchild keeps the pipe open.
 */
export const systemProbe: Probe = (command, args, timeoutMs) =>
  new Promise((resolve) => {
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const group = process.platform !== 'win32';
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'ignore'], detached: group, windowsHide: true });
    const kill = () => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
      child.stdout?.destroy();
    };
    const timer = setTimeout(() => {
      kill();
      finish({ kind: 'timeout', ms: timeoutMs });
    }, timeoutMs);
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (d: string) => {
      out += d;
      if (out.length > PROBE_OUTPUT_LIMIT) {
        kill();
        finish({ kind: 'error', message: `wrote more than ${PROBE_OUTPUT_LIMIT / 1024} KiB` });
      }
    });
    child.on('error', (err: NodeJS.ErrnoException) => finish(err.code === 'ENOENT' ? { kind: 'absent' } : { kind: 'error', message: err.code ?? err.message }));
    child.on('close', (code) => finish({ kind: 'output', code: code ?? -1, stdout: out }));
  });

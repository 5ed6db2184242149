import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config-input.js';
import { isInside } from './paths.js';

/**
 * The folder the report files go to, made ready to write: created if need
 * be, and never reached through a symbolic link inside the workspace (a pull
 * request can add one, and the report would then overwrite whatever it
 * points at). A folder outside the workspace (RUNNER_TEMP) is the
 * workflow's own choice. Failures name the input instead of ending the run
 * with a stack trace.
 */
export async function prepareOutputDir(dir: string, workspace: string, input = 'output-dir'): Promise<void> {
  const rel = path.relative(workspace, dir);
  const shown = rel.split(path.sep).join('/') || '.';
  if (rel !== '' && isInside(workspace, dir)) {
    let at = workspace;
    for (const part of rel.split(path.sep)) {
      at = path.join(at, part);
      const stat = await fs.lstat(at).catch(() => undefined);
      if (!stat) break;
      if (stat.isSymbolicLink()) throw new ConfigError(input, `"${shown}" goes through a symbolic link (${path.relative(workspace, at)}); the report is not written through links`);
      if (!stat.isDirectory()) throw new ConfigError(input, at === dir ? `"${shown}" is a file, not a folder` : `"${shown}" is inside a file, not a folder (${path.relative(workspace, at)})`);
    }
  }
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw new ConfigError(input, `"${shown}" cannot be created (${reasonOf(err)})`);
  }
}

/** Opening flags for a report file: written anew, and never through a symbolic link planted where it goes. */
export const OUTPUT_FILE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0);

/** Runs `write` for one report file, turning a file that cannot be written into an error naming the input. */
export async function writingOutput(file: string, workspace: string, write: () => Promise<void>, input = 'output-dir'): Promise<void> {
  try {
    await write();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) throw err;
    const shown = path.relative(workspace, file).split(path.sep).join('/');
    throw new ConfigError(input, `cannot write "${shown}" (${reasonOf(err)})`);
  }
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file stands where a folder must be';
    case 'EISDIR':
      return 'a folder stands where the file goes';
    case 'ELOOP':
      return 'it is a symbolic link; the report is not written through links';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code ?? (err as Error).message;
  }
}

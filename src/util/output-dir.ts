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
  const inside = isInside(workspace, dir);
  // A folder outside the workspace is shown as written, not as a climb of `../`.
  const shown = inside ? rel.split(path.sep).join('/') || '.' : dir;
  if (rel !== '' && inside) {
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
    await makeFolders(dir);
  } catch (err) {
    throw new ConfigError(input, `"${shown}" cannot be created (${reasonOf(err)})`);
  }
}

/**
 * mkdir -p, one folder at a time. Node 20's recursive mkdir never returns
 * where a parent exists but refuses children with ENOENT (`/proc/x`): it
 * retries forever. Here each missing folder is created once, and any error
 * ends it.
 */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const stat = await fs.stat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (stat) {
      if (!stat.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    await fs.mkdir(folder).catch(async (err: NodeJS.ErrnoException) => {
      // Made meanwhile by another writer: fine if it is a folder.
      if (err.code === 'EEXIST' && (await fs.stat(folder).catch(() => undefined))?.isDirectory()) return;
      throw err;
    });
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
    case 'ENOENT':
      return 'its parent folder takes no new folders';
    default:
      return code ?? (err as Error).message;
  }
}

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Everything the bundle is built from: a change to any of it means a new bundle. */
function sourceKey(): string {
  const hash = createHash('sha256');
  const files = ['package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];
  for (const entry of readdirSync(path.join(repoRoot, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.push(path.relative(repoRoot, path.join(entry.parentPath, entry.name)));
  }
  for (const file of files.sort()) hash.update(file).update('\0').update(readFileSync(path.join(repoRoot, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const STALE_LOCK_MS = 10 * 60_000;

/**
 * Bundles src/ with the project's own build script, as CI does for dist/.
 * Bundling takes most of a minute, so the e2e files share one bundle per
 * source state: the first to arrive builds it under a lock directory, the
 * others wait for its completion mark. Callers must not delete it.
 */
export function buildBundle(): string {
  const dir = path.join(os.tmpdir(), `chimera-bundle-${sourceKey()}`);
  const complete = path.join(dir, '.complete');
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(complete)) return dir;
    try {
      mkdirSync(lock);
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else sleep(500);
      continue;
    }
    try {
      if (existsSync(complete)) return dir;
      rmSync(dir, { recursive: true, force: true });
      const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), dir], { cwd: repoRoot, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
      writeFileSync(complete, '');
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Reads `name<<DELIMITER … DELIMITER` blocks the way the runner does. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] as string);
    if (m) {
      const value: string[] = [];
      for (i += 1; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] as string);
      outputs[m[1] as string] = value.join('\n');
    } else if ((lines[i] as string).includes('=')) {
      const [k, ...v] = (lines[i] as string).split('=');
      outputs[k as string] = v.join('=');
    }
  }
  return outputs;
}

export interface RunOptions {
  workspace: string;
  inputs: Record<string, string>;
  event?: object;
  eventName?: string;
  env?: Record<string, string>;
  /** The child is killed after this long (exit code -1); 120 s by default. */
  timeoutMs?: number;
}

function prepareRun(options: RunOptions): { env: Record<string, string>; summaryPath: string; outputPath: string } {
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'chimera-runner-'));
  const summaryPath = path.join(runnerTemp, 'step-summary.md');
  const outputPath = path.join(runnerTemp, 'github-output');
  const eventPath = path.join(runnerTemp, 'event.json');
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}));
  mkdirSync(path.join(runnerTemp, 'tmp'), { recursive: true });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerTemp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_REPOSITORY: 'acme/inference',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/pull/7/merge',
    RUNNER_TEMP: path.join(runnerTemp, 'tmp'),
    ...options.env,
  };
  // As @actions/core reads them: spaces become underscores, hyphens stay (INPUT_GITHUB-TOKEN).
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return { env, summaryPath, outputPath };
}

/**
 * Runs a bundled entry point with the environment a GitHub runner sets:
 * INPUT_* for every input, workspace, event payload, summary and output files.
 */
export function runAction(entry: string, options: RunOptions): ActionRun {
  const { env, summaryPath, outputPath } = prepareRun(options);
  const result = spawnSync(process.execPath, [entry], { cwd: options.workspace, env, encoding: 'utf8', timeout: 120_000 });
  return {
    exitCode: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: readFileSync(summaryPath, 'utf8'),
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
  };
}

/**
 * runAction without blocking this process, for tests whose fake servers
 * (GitHub, Ollama) run in the test process and must answer the action.
 */
export async function runActionAsync(entry: string, options: RunOptions): Promise<ActionRun> {
  const { env, summaryPath, outputPath } = prepareRun(options);
  const child = spawn(process.execPath, [entry], { cwd: options.workspace, env, timeout: options.timeoutMs ?? 120_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  return { exitCode, stdout, stderr, summary: readFileSync(summaryPath, 'utf8'), outputs: parseOutputFile(readFileSync(outputPath, 'utf8')) };
}

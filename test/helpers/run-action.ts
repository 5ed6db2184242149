import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Bundles src/ with the project's own build script into a fresh directory, as CI does for dist/. */
export function buildBundle(): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'chimera-dist-'));
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), out], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return out;
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

/**
 * Runs a bundled entry point with the environment a GitHub runner sets:
 * INPUT_* for every input, workspace, event payload, summary and output files.
 */
export function runAction(entry: string, options: { workspace: string; inputs: Record<string, string>; event?: object; eventName?: string; env?: Record<string, string> }): ActionRun {
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
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [entry], { cwd: options.workspace, env, encoding: 'utf8', timeout: 120_000 });
  return {
    exitCode: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: readFileSync(summaryPath, 'utf8'),
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
  };
}

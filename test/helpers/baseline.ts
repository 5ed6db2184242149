import { execFileSync } from 'node:child_process';
import { analyze } from '../../src/analyze.js';
import { buildConfig, type Config } from '../../src/config.js';
import { NARRATIVE_NOT_AVAILABLE } from '../../src/narrative.js';
import type { Report } from '../../src/model/report.js';

/** The configuration the action builds from these inputs for `workspace`. */
export function configFor(workspace: string, inputs: Record<string, string> = {}): Config {
  return buildConfig((name) => inputs[name] ?? '', { workspace, defaultOutputDir: undefined });
}

/** The head analysis: what the pipeline runs before the compare stage. */
export function analyzeTree(config: Config): Promise<Report> {
  return analyze(config, { now: () => new Date('2025-10-20T12:00:00Z'), elapsed: () => 0, narrative: NARRATIVE_NOT_AVAILABLE });
}

/** A CSV of per-run throughput for each model: `model,run,tokens_s`. */
export function throughputCsv(runs: Record<string, number[]>): string {
  const rows = ['model,run,tokens_s'];
  for (const [model, values] of Object.entries(runs)) values.forEach((v, i) => rows.push(`${model},${i + 1},${v}`));
  return `${rows.join('\n')}\n`;
}

/** git with a fixed identity, no signing and no user or system configuration. */
export function git(cwd: string, args: string[], date = '2025-10-01T10:00:00Z'): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], {
    cwd,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Bench Bot',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'Bench Bot',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export function commitAll(cwd: string, message: string, date?: string): string {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '-m', message], date);
  return git(cwd, ['rev-parse', 'HEAD']);
}

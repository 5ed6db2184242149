import { parseSnapshot } from '../../src/baseline/snapshot.js';
import { readReportSeries } from '../../src/report/json.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';

/**
 * Issue 14 item 7: a token-shaped label was redacted in the comment and the
 * summary but written verbatim to report.md, report.json, snapshot.json and
 * CLI output, all of which users upload. One function (src/util/redact.ts)
 * now redacts every one of them, and series ids are redacted where they are
 * made, so a baseline read back from a redacted snapshot still matches.
 * The comment, summary, annotations and log are covered in
 * github-publish, github-annotations and github-output-safety.
 */

// Two different token-shaped labels: two series that must stay two.
const TOKEN_A = `ghp_${'A1b2C3d4E5'.repeat(3)}123456`;
const TOKEN_B = `ghp_${'Z9y8X7w6V5'.repeat(3)}654321`;
// sha256(TOKEN_A) and sha256(TOKEN_B), first six hex digits (checked with sha256sum).
const MARK_A = '[redacted:f586a9]';

let workspace: string;

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: workspace });
  return { code, stdout, stderr };
}

beforeAll(() => {
  workspace = makeTempDir('chimera-redaction-');
  mkdirSync(path.join(workspace, 'reports'));
  writeFileSync(path.join(workspace, 'reports', 'runs.csv'), `model,tokens_s\n${TOKEN_A},100\n${TOKEN_A},110\n${TOKEN_B},50\n${TOKEN_B},52\n`);
  // A quoted CSV cell may hold a line break: the token after it must not hide behind JSON's `\n` escape.
  writeFileSync(path.join(workspace, 'notes.csv'), `build,tokens_s\n"nightly\n${TOKEN_A}",100\n`);
});

afterAll(() => {
  removeDir(workspace);
});

describe('redaction in every file and stream we write', () => {
  it('keeps the token out of report.md and report.json and out of stdout', async () => {
    const md = await cli(['analyze', 'reports', '--baseline', 'none', '--no-llm', '--output-dir', 'out', '--format', 'md']);
    const json = await cli(['analyze', 'reports', '--baseline', 'none', '--no-llm', '--format', 'json']);
    const digest = await cli(['analyze', 'reports', '--baseline', 'none', '--no-llm']);
    for (const text of [md.stdout, md.stderr, json.stdout, json.stderr, digest.stdout, readFileSync(path.join(workspace, 'out', 'report.md'), 'utf8'), readFileSync(path.join(workspace, 'out', 'report.json'), 'utf8')]) {
      expect(text).not.toContain('ghp_');
    }
    // Markdown escapes the brackets: GitHub shows [redacted:f586a9].
    expect(md.stdout).toContain('| `tokens_s`<br><sub>reports/runs.csv</sub> | model=\\[redacted:f586a9\\] | 2 | 105 ± 7.07 tok/s | 6.7% |');
    const report = { series: readReportSeries(JSON.parse(json.stdout) as object) };
    expect(report.series.map((s) => s.labels.model)).toEqual([MARK_A, '[redacted:64c8de]']);
    expect(report.series.map((s) => s.id)).toEqual([`reports/runs.csv::tokens_s{model=${MARK_A}}`, 'reports/runs.csv::tokens_s{model=[redacted:64c8de]}']);
  });

  it('keeps the token out of snapshot.json, with one distinct id per series', async () => {
    const { code } = await cli(['snapshot', 'reports', '--out', 'snapshot.json']);
    const text = readFileSync(path.join(workspace, 'snapshot.json'), 'utf8');
    expect(code).toBe(0);
    expect(text).not.toContain('ghp_');
    const snapshot = parseSnapshot(text, 'snapshot.json');
    expect(new Set(snapshot.series.map((s) => s.id)).size).toBe(2);
  });

  it('matches every series against a baseline read back from the redacted snapshot', async () => {
    await cli(['snapshot', 'reports', '--out', 'base.json']);
    const { code, stdout } = await cli(['analyze', 'reports', '--baseline', 'base.json', '--no-llm', '--format', 'json']);
    const report = JSON.parse(stdout) as { series: unknown; metrics: unknown; comparison: { series: { series: number; verdict: string }[] } };
    const ids = readReportSeries(report).map((s) => s.id);
    expect(code).toBe(0);
    expect(report.comparison.series.map((c) => [ids[c.series], c.verdict])).toEqual([
      [`reports/runs.csv::tokens_s{model=${MARK_A}}`, 'unchanged'],
      ['reports/runs.csv::tokens_s{model=[redacted:64c8de]}', 'unchanged'],
    ]);
  });

  it('redacts a token that follows a line break inside a value of report.json', async () => {
    const { stdout } = await cli(['analyze', '.', '--patterns', 'notes.csv', '--baseline', 'none', '--no-llm', '--format', 'json']);
    expect(stdout).not.toContain('ghp_');
    const report = { series: readReportSeries(JSON.parse(stdout) as object) };
    expect(report.series.map((s) => s.labels)).toEqual([{ build: `nightly\n${MARK_A}` }]);
  });

  it('redacts a token in an error message on stderr', async () => {
    const { code, stderr } = await cli(['analyze', 'reports', '--threshold', TOKEN_A]);
    expect(code).toBe(2);
    expect(stderr).not.toContain('ghp_');
    expect(stderr).toContain(MARK_A);
  });
});

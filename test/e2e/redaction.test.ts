import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { ACTIONS_BOT, FakeGitHub } from '../fakes/github-server.js';
import { buildBundle, runActionAsync, type ActionRun } from '../helpers/run-action.js';

/**
 * Issue 14 item 7 through the bundled action: a token-shaped label and a
 * token-shaped file name, a regression on that series (so it is annotated),
 * and every place the action writes is searched for the token: log, stderr,
 * job summary, comment, outputs, report.md, report.json, snapshot.json.
 */

const TOKEN = `ghp_${'A1b2C3d4E5'.repeat(3)}123456`;
// First six hex digits of sha256(TOKEN).
const MARK = '[redacted:f586a9]';
const HEAD = 'feedfacecafebeef0000000000000000deadbeef';
const CSV = `bench/${TOKEN}.csv`;

let workspace: string;
let fake: FakeGitHub;
let run: ActionRun;

beforeAll(async () => {
  const bundle = buildBundle();
  workspace = mkdtempSync(path.join(os.tmpdir(), 'chimera-redaction-ws-'));
  mkdirSync(path.join(workspace, 'bench'));
  // The baseline: the same file with 20% more throughput, as a snapshot (written redacted).
  writeFileSync(path.join(workspace, CSV), `model,tokens_s\n${TOKEN},120\n${TOKEN},121\n${TOKEN},119\n`);
  const code = await main(['snapshot', 'bench', '--out', 'base.json'], { stdout: () => {}, stderr: () => {}, cwd: workspace });
  if (code !== 0) throw new Error('snapshot failed');
  writeFileSync(path.join(workspace, CSV), `model,tokens_s\n${TOKEN},100\n${TOKEN},101\n${TOKEN},99\n`);
  fake = await FakeGitHub.start();
  fake.addToken('ghs_workflow', { user: ACTIONS_BOT, canWrite: true, installation: true });
  fake.addPull({ number: 7, state: 'open', head: { sha: HEAD, ref: 'topic', owner: 'acme' } });
  run = await runActionAsync(path.join(bundle, 'index.js'), {
    workspace,
    inputs: { path: 'bench', baseline: 'file:base.json', llm: 'false', 'output-dir': 'out', 'github-token': 'ghs_workflow' },
    event: { number: 7, pull_request: { number: 7, head: { sha: HEAD, ref: 'topic' }, base: { ref: 'main' } } },
    env: { GITHUB_API_URL: fake.url, GITHUB_RUN_ID: '7001', GITHUB_RUN_ATTEMPT: '1' },
  });
}, 600_000);

afterAll(async () => {
  await fake?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('a token-shaped label and file name through the bundled action', () => {
  it('regresses, annotates and comments, matching the redacted baseline', () => {
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe('regression');
    // The annotation cannot point at a file whose name it may not write: it is listed on the run without a place.
    expect(run.stdout).toContain(`::error title=Chimera Insight%3A tokens_s regressed::tokens_s (model=${MARK}) fell 16.7%25 (120 → 100 tok/s) against the baseline, past the 5.0%25 threshold.`);
    expect(fake.commentsOn('issue:7')).toHaveLength(1);
  });

  it.each(['report.md', 'report.json', 'snapshot.json'])('keeps the token out of %s', (file) => {
    const text = readFileSync(path.join(workspace, 'out', file), 'utf8');
    expect(text).not.toContain('ghp_');
    expect(text).toContain(MARK);
  });

  it('keeps the token out of the log, stderr, job summary, comment and outputs', () => {
    for (const text of [run.stdout, run.stderr, run.summary, fake.commentsOn('issue:7')[0]?.body ?? '', JSON.stringify(run.outputs)]) {
      expect(text).not.toContain('ghp_');
    }
    expect(run.summary).toContain(MARK);
  });
});

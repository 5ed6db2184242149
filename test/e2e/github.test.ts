import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS_BOT, FakeGitHub } from '../fakes/github-server.js';
import { buildBundle, repoRoot, runActionAsync, type ActionRun } from '../helpers/run-action.js';

/**
 * The bundled action publishing to a fake GitHub API (GITHUB_API_URL), as a
 * runner starts it: the token arrives as INPUT_GITHUB-TOKEN, the event as
 * GITHUB_EVENT_NAME and the payload file.
 */
const HEAD = 'feedfacecafebeef0000000000000000deadbeef';
const PUSHED = '1234567890abcdef1234567890abcdef12345678';

let bundle: string;
let workspace: string;
let fake: FakeGitHub;

beforeAll(() => {
  bundle = buildBundle();
  workspace = mkdtempSync(path.join(os.tmpdir(), 'chimera-ws-'));
  cpSync(path.join(repoRoot, 'examples', 'benchmarks'), path.join(workspace, 'examples', 'benchmarks'), { recursive: true });
  // Bundling takes minutes when the machine is busy.
}, 600_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

beforeEach(async () => {
  fake = await FakeGitHub.start();
  fake.addToken('ghs_workflow', { user: ACTIONS_BOT, canWrite: true, installation: true });
  fake.addToken('ghs_forkreadonly', { user: ACTIONS_BOT, canWrite: false, installation: true });
  fake.addPull({ number: 7, state: 'open', head: { sha: HEAD, ref: 'faster-kv-cache', owner: 'acme' } });
});

afterEach(async () => {
  await fake.close();
});

function pullRequestEvent() {
  return { number: 7, pull_request: { number: 7, head: { sha: HEAD, ref: 'faster-kv-cache' }, base: { ref: 'main' } } };
}

function run(options: { token: string; runId: number; eventName?: string; event?: object }): Promise<ActionRun> {
  return runActionAsync(path.join(bundle, 'index.js'), {
    workspace,
    inputs: { path: 'examples/benchmarks', 'github-token': options.token, llm: 'false', baseline: 'none' },
    eventName: options.eventName ?? 'pull_request',
    event: options.event ?? pullRequestEvent(),
    env: { GITHUB_API_URL: fake.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: String(options.runId), GITHUB_RUN_ATTEMPT: '1' },
  });
}

describe('the bundled action publishing to GitHub', () => {
  it('creates the sticky comment on a pull request, then updates the same comment on the next run', async () => {
    const first = await run({ token: 'ghs_workflow', runId: 5001 });
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    const [created] = fake.commentsOn('issue:7');
    expect(created?.body.startsWith(`<!-- chimera-insight:report header="" sha="${HEAD}" run="5001" attempt="1" -->\n## 📊 Chimera Insight: benchmark report (no comparison asked)`)).toBe(true);
    expect(first.outputs['comment-id']).toBe(String(created?.id));
    expect(first.outputs['comment-url']).toBe(`https://github.com/acme/inference/pull/7#issuecomment-${created?.id}`);
    expect(first.summary.startsWith('<!-- chimera-insight:report -->\n## 📊 Chimera Insight: benchmark report (no comparison asked)')).toBe(true);
    expect(new Set(fake.requests.map((r) => r.authorization))).toEqual(new Set(['token ghs_workflow']));

    const second = await run({ token: 'ghs_workflow', runId: 5002 });
    expect(second.exitCode).toBe(0);
    expect(second.outputs['comment-id']).toBe(String(created?.id));
    expect(fake.commentsOn('issue:7').map((c) => c.body.split('\n')[0])).toEqual([`<!-- chimera-insight:report header="" sha="${HEAD}" run="5002" attempt="1" -->`]);
    expect(second.stdout).toContain(`Updated the report comment on pull request #7: https://github.com/acme/inference/pull/7#issuecomment-${created?.id}`);
  });

  it('lists the files between stop-commands markers, so no file name can issue a workflow command', async () => {
    const result = await run({ token: 'ghs_workflow', runId: 5001 });
    const token = /^::stop-commands::([0-9a-f]{32})$/m.exec(result.stdout)?.[1];
    expect(token).toBeDefined();
    const inside = result.stdout.slice(result.stdout.indexOf(`::stop-commands::${token}`), result.stdout.indexOf(`::${token}::`));
    expect(inside).toContain('examples/benchmarks/ollama/per_prompt_runs.csv');
  });

  it('on a fork pull request (read-only token) warns with the fix, writes the summary and exits 0', async () => {
    const result = await run({ token: 'ghs_forkreadonly', runId: 5003 });
    expect(result.exitCode).toBe(0);
    const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('::warning::Could not comment on pull request #7: the token may not write there (403 Resource not accessible by integration');
    expect(warnings[0]).toContain('comment from a `workflow_run` workflow');
    expect(warnings[0]).toContain('grant `permissions: pull-requests: write`');
    expect(result.summary).toContain('<sub>**Data:** 134 series from 42 files in `examples/benchmarks`');
    expect(result.outputs['comment-id']).toBe('');
    expect(result.outputs['comment-url']).toBe('');
    expect(fake.commentsOn('issue:7')).toEqual([]);
  });

  it('on a push writes the job summary only and calls no API', async () => {
    const result = await run({ token: 'ghs_workflow', runId: 5004, eventName: 'push', event: { after: PUSHED, ref: 'refs/heads/main' } });
    expect(result.exitCode).toBe(0);
    expect(result.summary).toContain(`commit \`${PUSHED.slice(0, 12)}\` on \`main\``);
    expect(result.outputs['comment-id']).toBe('');
    expect(fake.requests).toEqual([]);
    expect(result.stdout).toContain('No comment: push events get the job summary only (set comment-on-push: true for a commit comment).');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type Logger } from '../../src/github/client.js';
import { DEFAULT_STICKY_OPTIONS, pullRequestThread, resolveIdentity, upsertStickyComment, type StickyOptions, type StickyResult } from '../../src/github/sticky-comment.js';
import { commentMarker, type CommentMarker } from '../../src/model/marker.js';
import { ACTIONS_BOT, FakeGitHub, type FakeUser } from '../fakes/github-server.js';

const REPO = { owner: 'acme', repo: 'inference' };
const OLD = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const WORKFLOW_TOKEN = 'ghs_workflow';
const OCTOCAT: FakeUser = { login: 'octocat', id: 583231, type: 'User' };
const LIST = /^\/repos\/acme\/inference\/issues\/7\/comments$/;
const ONE = /^\/repos\/acme\/inference\/issues\/comments\/\d+$/;

let fake: FakeGitHub;
let waits: number[];
let log: Logger & { infos: string[]; warnings: string[] };

beforeEach(async () => {
  fake = await FakeGitHub.start();
  fake.addToken(WORKFLOW_TOKEN, { user: ACTIONS_BOT, canWrite: true, installation: true });
  fake.addPull({ number: 7, state: 'open', head: { sha: HEAD, ref: 'faster-kv-cache', owner: 'acme' } });
  waits = [];
  const infos: string[] = [];
  const warnings: string[] = [];
  log = { infos, warnings, info: (m) => infos.push(m), warning: (m) => warnings.push(m), debug: () => {} };
});

afterEach(async () => {
  await fake.close();
});

function marker(sha: string, run: number, header = ''): CommentMarker {
  return { header, sha, run, attempt: 1 };
}

function body(m: CommentMarker, text = `report for ${m.sha.slice(0, 7)} from run ${m.run}`): string {
  return `${commentMarker(m)}\n# Chimera Insight benchmark report\n\n${text}\n`;
}

/** One run publishing its report on pull request #7, as publish() does. */
async function publishRun(sha: string, run: number, options: { header?: string; token?: string; sticky?: Partial<StickyOptions> } = {}): Promise<StickyResult> {
  const api = createClient(options.token ?? WORKFLOW_TOKEN, { baseUrl: fake.url, log, sleep: async (ms) => void waits.push(ms) });
  const m = marker(sha, run, options.header);
  return upsertStickyComment({ thread: pullRequestThread(api, REPO, 7, sha, log), identity: await resolveIdentity(api, log), marker: m, body: body(m) }, log, { ...DEFAULT_STICKY_OPTIONS, ...options.sticky });
}

const REACTIONS = /^\/repos\/acme\/inference\/issues\/comments\/\d+\/reactions(\/\d+)?$/;

describe('sticky comment', () => {
  it('creates the comment as github-actions[bot] when the pull request has none', async () => {
    const result = await publishRun(HEAD, 100);
    const comments = fake.commentsOn('issue:7');
    expect(comments).toHaveLength(1);
    expect(comments[0]?.user.login).toBe('github-actions[bot]');
    expect(comments[0]?.body).toBe(body(marker(HEAD, 100)));
    expect(result).toEqual({ id: comments[0]?.id, url: `https://github.com/acme/inference/pull/7#issuecomment-${comments[0]?.id}`, action: 'created' });
  });

  it('updates its own comment in place on the next run', async () => {
    const first = await publishRun(HEAD, 100);
    const second = await publishRun(HEAD, 101);
    expect(second).toEqual({ ...first, action: 'updated' });
    expect(fake.commentsOn('issue:7').map((c) => c.body)).toEqual([body(marker(HEAD, 101))]);
    expect(fake.requestsTo('POST', LIST)).toHaveLength(1);
    expect(fake.requestsTo('PATCH', ONE)).toHaveLength(1);
  });

  it('sends the token in the Authorization header', async () => {
    await publishRun(HEAD, 100);
    expect(new Set(fake.requests.map((r) => r.authorization))).toEqual(new Set(['token ghs_workflow']));
  });

  it('pages through every comment and finds its own on the third page', async () => {
    for (let i = 0; i < 240; i++) fake.addComment('issue:7', OCTOCAT, `review note ${i}`);
    const ours = fake.addComment('issue:7', ACTIONS_BOT, body(marker(OLD, 90)));
    for (let i = 0; i < 9; i++) fake.addComment('issue:7', OCTOCAT, `later note ${i}`);
    const result = await publishRun(HEAD, 100);
    expect(result).toMatchObject({ id: ours.id, action: 'updated' });
    const pages = fake.requestsTo('GET', LIST).map((r) => `${r.query.page ?? '1'}/${r.query.per_page}`);
    expect(pages.slice(0, 3)).toEqual(['1/100', '2/100', '3/100']);
    expect(fake.commentsOn('issue:7')).toHaveLength(250);
  });

  it("never touches another author's comment, even one that starts with our marker", async () => {
    const forged = fake.addComment('issue:7', OCTOCAT, body(marker(HEAD, 999), 'all benchmarks passed, merge away'));
    const result = await publishRun(HEAD, 100);
    expect(result.action).toBe('created');
    expect(result.id).not.toBe(forged.id);
    expect(fake.commentsOn('issue:7').find((c) => c.id === forged.id)?.body).toBe(body(marker(HEAD, 999), 'all benchmarks passed, merge away'));
    expect(fake.requests.filter((r) => r.path.endsWith(`/${forged.id}`))).toEqual([]);
  });

  it('keeps reports with different headers apart', async () => {
    const cpu = await publishRun(HEAD, 100, { header: 'cpu-bench' });
    const gpu = await publishRun(HEAD, 100, { header: 'gpu-bench' });
    expect(gpu.id).not.toBe(cpu.id);
    expect(fake.commentsOn('issue:7')).toHaveLength(2);
  });

  it('ends with exactly one comment showing the newest head when two runs race to create it', async () => {
    // Both runs list the (empty) comments before either creates one.
    fake.hold('GET', LIST, 2);
    const [older, newer] = await Promise.all([publishRun(OLD, 100), publishRun(HEAD, 101)]);
    const comments = fake.commentsOn('issue:7');
    expect(comments.map((c) => c.body)).toEqual([body(marker(HEAD, 101))]);
    expect(fake.requestsTo('POST', LIST)).toHaveLength(2);
    // The first comment created (the fake's first id) stays: ids only grow, so both runs agree on it.
    expect(comments[0]?.id).toBe(1001);
    expect(newer.id).toBe(comments[0]?.id);
    expect(['created', 'updated']).toContain(newer.action);
    expect(older).toMatchObject({ id: comments[0]?.id, action: 'kept' });
  });

  it('ends with the newest head whichever racing run finishes last', async () => {
    fake.hold('GET', LIST, 2);
    await Promise.all([publishRun(HEAD, 101), publishRun(OLD, 100)]);
    expect(fake.commentsOn('issue:7').map((c) => c.body)).toEqual([body(marker(HEAD, 101))]);
  });

  it('never overwrites the report of the newer head with an older commit, even from a later run', async () => {
    const newest = fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 101)));
    const result = await publishRun(OLD, 102);
    expect(result).toMatchObject({ id: newest.id, action: 'kept' });
    expect(fake.commentsOn('issue:7').map((c) => c.body)).toEqual([body(marker(HEAD, 101))]);
    expect(fake.requestsTo('PATCH', ONE)).toEqual([]);
    expect(log.infos).toContain(`Left the report comment on pull request #7 as it is: this run is for ${OLD.slice(0, 12)}, but the head is now ${HEAD.slice(0, 12)}.`);
  });

  it('does not overwrite a newer run of the same commit', async () => {
    fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 105)));
    const result = await publishRun(HEAD, 104);
    expect(result.action).toBe('kept');
    expect(fake.commentsOn('issue:7').map((c) => c.body)).toEqual([body(marker(HEAD, 105))]);
  });

  it('removes duplicates left by an earlier race, writing the newest report into the first one', async () => {
    const a = fake.addComment('issue:7', ACTIONS_BOT, body(marker(OLD, 90)));
    const b = fake.addComment('issue:7', ACTIONS_BOT, body(marker(OLD, 91)));
    const result = await publishRun(HEAD, 100);
    expect(result).toMatchObject({ id: a.id, action: 'updated' });
    expect(fake.commentsOn('issue:7').map((c) => [c.id, c.body])).toEqual([[a.id, body(marker(HEAD, 100))]]);
    expect(fake.requestsTo('DELETE', ONE).map((r) => r.path)).toEqual([`/repos/acme/inference/issues/comments/${b.id}`]);
  });

  it('moves a newer report from a duplicate into the first comment when its own run is older', async () => {
    const a = fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 90)));
    fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 105)));
    const result = await publishRun(HEAD, 100);
    expect(result).toEqual({ id: a.id, url: `https://github.com/acme/inference/pull/7#issuecomment-${a.id}`, action: 'kept' });
    expect(fake.commentsOn('issue:7').map((c) => [c.id, c.body])).toEqual([[a.id, body(marker(HEAD, 105))]]);
  });

  it('retries a GET answered 503 and a PATCH answered 502 after their retry-after', async () => {
    const ours = fake.addComment('issue:7', ACTIONS_BOT, body(marker(OLD, 90)));
    fake.fail({ method: 'GET', path: LIST, status: 503, headers: { 'retry-after': '2' } });
    fake.fail({ method: 'PATCH', path: ONE, status: 502, headers: { 'retry-after': '1' } });
    const result = await publishRun(HEAD, 100);
    expect(result).toMatchObject({ id: ours.id, action: 'updated' });
    expect(waits).toEqual([2000, 1000]);
    expect(fake.requestsTo('PATCH', ONE).map((r) => r.status)).toEqual([502, 200]);
  });

  it('finds the comment a POST created before its response was lost, and posts no duplicate', async () => {
    fake.fail({ method: 'POST', path: LIST, status: 502, perform: true });
    const result = await publishRun(HEAD, 100);
    const comments = fake.commentsOn('issue:7');
    expect(comments).toHaveLength(1);
    expect(result).toMatchObject({ id: comments[0]?.id, action: 'created' });
    expect(fake.requestsTo('POST', LIST).map((r) => r.status)).toEqual([502]);
    expect(waits).toEqual([]);
  });

  it('posts once more when a POST failed with 502 and created nothing', async () => {
    fake.fail({ method: 'POST', path: LIST, status: 502 });
    await publishRun(HEAD, 100);
    expect(fake.commentsOn('issue:7')).toHaveLength(1);
    expect(fake.requestsTo('POST', LIST).map((r) => r.status)).toEqual([502, 201]);
  });

  it('does not retry a POST refused with 422', async () => {
    fake.fail({ method: 'POST', path: LIST, status: 422, body: { message: 'Validation Failed' } });
    await expect(publishRun(HEAD, 100)).rejects.toMatchObject({ status: 422 });
    expect(fake.requestsTo('POST', LIST)).toHaveLength(1);
  });

  it('recognises its comments by the login GET /user returns for a personal access token', async () => {
    const bot: FakeUser = { login: 'bench-bot', id: 9001, type: 'User' };
    fake.addToken('ghp_benchbot', { user: bot, canWrite: true, installation: false });
    fake.addComment('issue:7', ACTIONS_BOT, body(marker(OLD, 90)));
    const ours = fake.addComment('issue:7', bot, body(marker(OLD, 91)));
    const result = await publishRun(HEAD, 100, { token: 'ghp_benchbot' });
    expect(result).toMatchObject({ id: ours.id, action: 'updated' });
    expect(fake.commentsOn('issue:7')).toHaveLength(2);
  });

  it("learns a GitHub App's identity from its first comment, keeps its older one and removes the new one", async () => {
    const app: FakeUser = { login: 'chimera-app[bot]', id: 7007, type: 'Bot' };
    fake.addToken('ghs_apptoken', { user: app, canWrite: true, installation: true });
    const previous = fake.addComment('issue:7', app, body(marker(OLD, 90)));
    const result = await publishRun(HEAD, 100, { token: 'ghs_apptoken' });
    expect(result).toMatchObject({ id: previous.id, action: 'updated' });
    expect(fake.commentsOn('issue:7').map((c) => [c.id, c.body])).toEqual([[previous.id, body(marker(HEAD, 100))]]);
    expect(fake.requestsTo('DELETE', ONE).map((r) => r.path)).toEqual([`/repos/acme/inference/issues/comments/${previous.id + 1}`]);
  });
});

describe('the lock on the sticky comment', () => {
  it('holds a 👀 reaction on the comment while writing it, and removes it afterwards', async () => {
    const ours = fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 90)));
    await publishRun(HEAD, 100);
    const calls = fake.requests.filter((r) => REACTIONS.test(r.path) || ONE.test(r.path)).map((r) => `${r.method} ${r.path.replace(/^\/repos\/acme\/inference\/issues\/comments\//, '')} ${r.status}`);
    expect(calls).toEqual([`POST ${ours.id}/reactions 201`, `GET ${ours.id} 200`, `PATCH ${ours.id} 200`, `DELETE ${ours.id}/reactions/${ours.id + 1} 204`]);
    expect(fake.requestsTo('POST', REACTIONS)[0]?.body).toEqual({ content: 'eyes' });
    expect(fake.reactions).toEqual([]);
  });

  it('waits while another run holds the lock, then writes', async () => {
    const ours = fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 90)));
    const held = fake.addReaction(ours.id, ACTIONS_BOT, 'eyes');
    setTimeout(() => (fake.reactions = fake.reactions.filter((r) => r !== held)), 200);
    const result = await publishRun(HEAD, 100, { sticky: { pollMs: 20 } });
    expect(result).toMatchObject({ id: ours.id, action: 'updated' });
    expect(fake.requestsTo('POST', REACTIONS).map((r) => r.status).slice(-2)).toEqual([200, 201]);
    expect(fake.commentsOn('issue:7').map((c) => c.body)).toEqual([body(marker(HEAD, 100))]);
  });

  it('removes a lock left by a run that died (older than the lease, by GitHub\'s clock) and goes on', async () => {
    const ours = fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 90)));
    const stale = fake.addReaction(ours.id, ACTIONS_BOT, 'eyes', 10 * 60_000);
    const result = await publishRun(HEAD, 100);
    expect(result).toMatchObject({ id: ours.id, action: 'updated' });
    expect(fake.requestsTo('DELETE', REACTIONS).map((r) => r.path)[0]).toBe(`/repos/acme/inference/issues/comments/${ours.id}/reactions/${stale.id}`);
    expect(log.infos).toContain(`Removed a lock on report comment ${ours.id} left 600 s ago by a run that did not finish.`);
    expect(fake.reactions).toEqual([]);
  });

  it("leaves another user's reaction alone: only our own is a lock", async () => {
    const ours = fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 90)));
    fake.addReaction(ours.id, OCTOCAT, 'eyes');
    const result = await publishRun(HEAD, 100);
    expect(result.action).toBe('updated');
    expect(fake.reactions.map((r) => r.user.login)).toEqual(['octocat']);
  });

  it('updates without the lock, saying so, when the token may not add reactions', async () => {
    const ours = fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 90)));
    fake.fail({ method: 'POST', path: REACTIONS, status: 403, body: { message: 'Resource not accessible by integration' } });
    const result = await publishRun(HEAD, 100);
    expect(result).toMatchObject({ id: ours.id, action: 'updated' });
    expect(log.infos).toContain(`Could not lock report comment ${ours.id} (403 Resource not accessible by integration); updating it without the lock.`);
  });

  it('starts over from the list when the comment is gone as it tries to lock it', async () => {
    const first = fake.addComment('issue:7', ACTIONS_BOT, body(marker(HEAD, 90)));
    fake.fail({ method: 'POST', path: REACTIONS, status: 404 });
    const result = await publishRun(HEAD, 100);
    expect(result).toMatchObject({ id: first.id, action: 'updated' });
    expect(log.infos).toContain(`Report comment ${first.id} on pull request #7 was deleted meanwhile; starting over.`);
    expect(fake.requestsTo('GET', LIST)).toHaveLength(2);
  });
});

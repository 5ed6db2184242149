import { performance } from 'node:perf_hooks';
import { parseCommentMarker, type CommentMarker } from '../model/marker.js';
import type { GitHubClient, Logger } from './client.js';
import { mayHaveSucceeded, statusOf } from './request-errors.js';
import type { Repo } from './context.js';

export interface RemoteComment {
  id: number;
  body: string;
  /** Login of the comment's author. */
  author: string;
  url: string;
}

/** The comments of one pull request or one commit, and how to change them. */
export interface Thread {
  /** "pull request #7", "commit 1a2b3c4d5e6f": for messages. */
  name: string;
  list(): Promise<RemoteComment[]>;
  get(id: number): Promise<RemoteComment | undefined>;
  create(body: string): Promise<RemoteComment>;
  update(id: number, body: string): Promise<RemoteComment>;
  remove(id: number): Promise<void>;
  /** The commit that counts as newest now (the pull request's current head). */
  head(): Promise<string>;
  /** Adds our lock reaction to comment `id` (see acquireLock). */
  lock(id: number): Promise<LockReply>;
  /** Removes the lock reaction `reactionId` from comment `id`; gone already is fine. */
  unlock(id: number, reactionId: number): Promise<void>;
}

/** GitHub's answer to adding a reaction: 201 when it is new, 200 with the one this user already added. */
export interface LockReply {
  created: boolean;
  reactionId: number;
  /** How long the reaction has been there, by GitHub's clock (its `date` header against `created_at`). */
  ageMs?: number;
}

interface ApiComment {
  id: number;
  body?: string | null;
  user?: { login?: string } | null;
  html_url: string;
}

/** 👀 while a run updates the comment: a reaction is the only test-and-set GitHub offers a token that may comment. */
export const LOCK_REACTION = 'eyes';

function lockReply(res: { status: number; headers: Record<string, unknown>; data: unknown }): LockReply {
  const data = res.data as { id: number; created_at?: string };
  const age = Date.parse(String(res.headers.date ?? '')) - Date.parse(data.created_at ?? '');
  return { created: res.status === 201, reactionId: data.id, ...(Number.isFinite(age) ? { ageMs: age } : {}) };
}

function toComment(c: ApiComment): RemoteComment {
  return { id: c.id, body: c.body ?? '', author: c.user?.login ?? '', url: c.html_url };
}

async function getOrUndefined(load: () => Promise<{ data: unknown }>): Promise<RemoteComment | undefined> {
  try {
    return toComment((await load()).data as ApiComment);
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

async function removeIgnoringGone(remove: () => Promise<unknown>): Promise<void> {
  try {
    await remove();
  } catch (err) {
    // Someone (a concurrent run) deleted it first: the outcome we wanted.
    if (statusOf(err) !== 404) throw err;
  }
}

export function pullRequestThread(api: GitHubClient, repo: Repo, number: number, eventHeadSha: string, log: Logger): Thread {
  return {
    name: `pull request #${number}`,
    list: async () =>
      (await api.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: number, per_page: 100 })).map((c) =>
        toComment(c as ApiComment),
      ),
    get: (id) => getOrUndefined(() => api.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: id })),
    create: async (body) => toComment((await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: number, body })).data as ApiComment),
    update: async (id, body) => toComment((await api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: id, body })).data as ApiComment),
    remove: (id) => removeIgnoringGone(() => api.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: id })),
    head: async () => {
      try {
        const { data } = await api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: number });
        return data.head.sha;
      } catch (err) {
        log.debug(`Could not read the head of pull request #${number} (${(err as Error).message}); using the event's ${eventHeadSha.slice(0, 12)}`);
        return eventHeadSha;
      }
    },
    lock: async (id) => lockReply(await api.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { ...repo, comment_id: id, content: LOCK_REACTION })),
    unlock: (id, reactionId) =>
      removeIgnoringGone(() => api.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}', { ...repo, comment_id: id, reaction_id: reactionId })),
  };
}

export function commitThread(api: GitHubClient, repo: Repo, sha: string): Thread {
  return {
    name: `commit ${sha.slice(0, 12)}`,
    list: async () =>
      (await api.paginate('GET /repos/{owner}/{repo}/commits/{commit_sha}/comments', { ...repo, commit_sha: sha, per_page: 100 })).map((c) => toComment(c as ApiComment)),
    get: (id) => getOrUndefined(() => api.request('GET /repos/{owner}/{repo}/comments/{comment_id}', { ...repo, comment_id: id })),
    create: async (body) => toComment((await api.request('POST /repos/{owner}/{repo}/commits/{commit_sha}/comments', { ...repo, commit_sha: sha, body })).data as ApiComment),
    update: async (id, body) => toComment((await api.request('PATCH /repos/{owner}/{repo}/comments/{comment_id}', { ...repo, comment_id: id, body })).data as ApiComment),
    remove: (id) => removeIgnoringGone(() => api.request('DELETE /repos/{owner}/{repo}/comments/{comment_id}', { ...repo, comment_id: id })),
    head: async () => sha,
    lock: async (id) => lockReply(await api.request('POST /repos/{owner}/{repo}/comments/{comment_id}/reactions', { ...repo, comment_id: id, content: LOCK_REACTION })),
    unlock: (id, reactionId) =>
      removeIgnoringGone(() => api.request('DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}', { ...repo, comment_id: id, reaction_id: reactionId })),
  };
}

export interface Identity {
  login: string;
  /** 'api': GET /user answered; 'assumed': an installation token, taken to be the workflow's GITHUB_TOKEN. */
  source: 'api' | 'assumed';
}

/** Author of comments made with the workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Whose comments are ours. GET /user answers for personal access tokens;
 * installation tokens (the workflow's GITHUB_TOKEN, GitHub App tokens) get
 * 403 there, and the workflow token writes as github-actions[bot]. For
 * another App's token that guess is wrong: the author of the comment we
 * create corrects it before duplicates are removed (see upsertStickyComment),
 * so the App's comment is re-created each run rather than updated.
 */
export async function resolveIdentity(api: GitHubClient, log: Logger): Promise<Identity> {
  try {
    const { data } = await api.request('GET /user');
    return { login: data.login, source: 'api' };
  } catch (err) {
    log.debug(`GET /user: ${(err as Error).message}; assuming comments are written as ${ACTIONS_BOT}`);
    return { login: ACTIONS_BOT, source: 'assumed' };
  }
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

interface Ours {
  comment: RemoteComment;
  marker: CommentMarker;
}

/**
 * Which report is newer. The one for the commit that is the pull request's
 * head right now always wins; between others (or two of the same commit),
 * the later workflow run and attempt wins: runs of a pull request are
 * created in push order and a re-run keeps its run id.
 */
export function compareMarkers(a: CommentMarker, b: CommentMarker, head: string): number {
  const isHead = (m: CommentMarker) => (m.sha === head.toLowerCase() ? 1 : 0);
  return isHead(a) - isHead(b) || a.run - b.run || a.attempt - b.attempt;
}

export interface StickyRequest {
  thread: Thread;
  identity: Identity;
  /** This run's marker; `body` starts with it. */
  marker: CommentMarker;
  body: string;
}

export interface StickyResult {
  /** The sticky comment: it exists when this run ends, and no run deletes it (see upsertStickyComment). */
  id: number;
  url: string;
  /**
   * 'created': this run's report is in a comment it created; 'updated': this
   * run wrote its report into the sticky comment; 'kept': the comment holds a
   * newer run's report (or the head moved on), so this run's was not written.
   */
  action: 'created' | 'updated' | 'kept';
}

export interface StickyOptions {
  /** A lock older than this (by GitHub's clock) was left by a run that died, and is removed. */
  leaseMs: number;
  /** Wait between two tries for a lock another run holds; a random part is added. */
  pollMs: number;
  /** Resolves false when the publishing budget ran out. */
  sleep: (ms: number) => Promise<boolean | void>;
  /** Monotonic milliseconds. */
  now: () => number;
  random: () => number;
}

export const DEFAULT_STICKY_OPTIONS: StickyOptions = {
  leaseMs: 60_000,
  pollMs: 500,
  sleep: (ms) => new Promise((resolve) => setTimeout(() => resolve(true), ms)),
  now: () => performance.now(),
  random: Math.random,
};

/** Rounds of the protocol before giving up: one more each time the sticky comment vanished under us (deleted by hand). */
const MAX_ROUNDS = 3;

class CommentGone extends Error {}

type Lock = { kind: 'held'; reactionId: number; since: number } | { kind: 'unavailable'; reason: string };

/**
 * The lock on the sticky comment: our reaction on it. Adding a reaction is
 * a test-and-set GitHub guarantees per user and reaction type (201 when it
 * is new, 200 when it was already there), and every run of a workflow
 * comments as the same user, so exactly one run holds it at a time. A lock
 * older than `leaseMs` by GitHub's own clock was left by a run that died
 * (cancelled job): it is removed by its reaction id, so a lock just taken
 * by another run is never removed by mistake. A token that may not react
 * gets 'unavailable', and the update goes on without the lock as before.
 */
async function acquireLock(thread: Thread, id: number, options: StickyOptions, log: Logger): Promise<Lock> {
  for (;;) {
    let reply: LockReply;
    try {
      reply = await thread.lock(id);
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) throw new CommentGone();
      if (status === 401 || status === 403 || status === 410 || status === 422) return { kind: 'unavailable', reason: `${status} ${(err as Error).message}` };
      throw err;
    }
    if (reply.created) return { kind: 'held', reactionId: reply.reactionId, since: options.now() };
    if (reply.ageMs !== undefined && reply.ageMs > options.leaseMs) {
      log.info(`Removed a lock on report comment ${id} left ${Math.round(reply.ageMs / 1000)} s ago by a run that did not finish.`);
      await thread.unlock(id, reply.reactionId);
      continue;
    }
    log.debug(`Report comment ${id} is being updated by another run; waiting.`);
    if ((await options.sleep(options.pollMs * (1 + options.random()))) === false) throw new Error('gave up waiting for another run to finish updating the report comment');
  }
}

/**
 * One comment per thread and header, holding the newest report, whatever
 * runs race on it. The protocol (docs/robustness.md, "Sticky comment"):
 *
 * - ours = by our identity AND starting with our marker for this header;
 *   anyone else's comment is never touched, whatever it contains;
 * - none yet: create one (a POST that failed with 5xx may still have
 *   created it, so we look for it before posting again);
 * - the sticky comment is our comment with the LOWEST id. Ids only grow, so
 *   every run agrees on it, and it is the one comment no run ever deletes:
 *   every comment-id output names it, loser or winner;
 * - under its lock (acquireLock) a run reads it afresh, reads the head, and
 *   writes the newest of: what it holds, what our other comments hold (a
 *   racing run created one), and this run's report, unless this run is for
 *   a commit that is no longer the head. Then it deletes our other comments
 *   (all older, or just copied) and releases the lock.
 *
 * Re-read-then-PATCH without the lock lost updates (an older run's PATCH
 * landing after a newer one's); under the lock no write falls between
 * another run's read and its write, so the newest report is never replaced.
 */
export async function upsertStickyComment(request: StickyRequest, log: Logger, options: StickyOptions = DEFAULT_STICKY_OPTIONS): Promise<StickyResult> {
  const { thread, marker, body } = request;
  let login = request.identity.login;
  const ours = async (): Promise<Ours[]> =>
    (await thread.list()).flatMap((comment) => {
      if (!sameLogin(comment.author, login)) return [];
      const m = parseCommentMarker(comment.body);
      return m && m.header === marker.header ? [{ comment, marker: m }] : [];
    });

  let createdId: number | undefined;
  for (let round = 1; ; round++) {
    let list = await ours();
    if (list.length === 0) {
      const created = await createOnce(thread, body, marker, ours, log);
      createdId = created.id;
      if (created.author && !sameLogin(created.author, login)) {
        log.info(`Comments are written as ${created.author} (not ${login}); looking for duplicates by that author.`);
        login = created.author;
      }
      list = await ours();
      if (!list.some((o) => o.comment.id === created.id)) list.push({ comment: created, marker });
    }
    const [sticky, ...others] = [...list].sort((a, b) => a.comment.id - b.comment.id) as [Ours, ...Ours[]];
    try {
      return await underLock(thread, sticky.comment.id, options, log, async (lock) => {
        const fresh = await thread.get(sticky.comment.id);
        const freshMarker = fresh ? parseCommentMarker(fresh.body) : undefined;
        if (!fresh) throw new CommentGone();
        const head = await thread.head();
        const current: Ours | undefined = freshMarker && freshMarker.header === marker.header ? { comment: fresh, marker: freshMarker } : undefined;
        const isMine = (m: CommentMarker) => m.sha === marker.sha && m.run === marker.run && m.attempt === marker.attempt;
        // Other runs' reports, newest first; on a tie what the sticky comment already holds, so nothing is written for nothing.
        const rivals = [...(current ? [current] : []), ...others]
          .filter((o) => !isMine(o.marker))
          .sort((a, b) => compareMarkers(b.marker, a.marker, head) || (a === current ? -1 : b === current ? 1 : 0));
        const best = rivals[0];
        const forHead = marker.sha === head.toLowerCase();
        const mine = createdId === sticky.comment.id ? 'created' : 'updated';
        let action: StickyResult['action'];
        let text: string | undefined;
        if (forHead && (!best || compareMarkers(marker, best.marker, head) > 0)) {
          action = mine;
          if (!(current && isMine(current.marker))) text = body;
        } else if (!best) {
          // Nothing newer anywhere, but the head has moved on: our old report stays only if it is already there.
          action = current && isMine(current.marker) ? mine : 'kept';
        } else {
          action = 'kept';
          // A racing run's newer report sits in the comment it created: it moves into the sticky one.
          if (best !== current) text = best.comment.body;
          const why = !forHead
            ? `this run is for ${marker.sha.slice(0, 12)}, but the head is now ${head.slice(0, 12)}`
            : `it holds a newer run (${best.marker.run}) of ${best.marker.sha.slice(0, 12)}`;
          log.info(`Left the report comment on ${thread.name} as it is: ${why}.`);
        }
        if (text !== undefined) {
          // A slow holder may have lost its lock to the lease: then it must not write.
          if (lock.kind === 'held' && options.now() - lock.since > options.leaseMs / 2) {
            throw new Error(`updating the report comment took longer than its lock lasts (${Math.round(options.leaseMs / 1000)} s); not written`);
          }
          try {
            await thread.update(sticky.comment.id, text);
          } catch (err) {
            if (statusOf(err) === 404) throw new CommentGone();
            throw err;
          }
        }
        for (const o of others) {
          try {
            await thread.remove(o.comment.id);
            log.info(`Removed duplicate report comment ${o.comment.id} (commit ${o.marker.sha.slice(0, 12)}, run ${o.marker.run}) on ${thread.name}.`);
          } catch (err) {
            log.warning(`Could not remove duplicate report comment ${o.comment.id} on ${thread.name}: ${(err as Error).message}`);
          }
        }
        return { id: sticky.comment.id, url: sticky.comment.url, action };
      });
    } catch (err) {
      if (!(err instanceof CommentGone) || round >= MAX_ROUNDS) throw err;
      log.info(`Report comment ${sticky.comment.id} on ${thread.name} was deleted meanwhile; starting over.`);
    }
  }
}

/** Runs `work` holding the sticky comment's lock, and releases it whatever happens. */
async function underLock<T>(thread: Thread, id: number, options: StickyOptions, log: Logger, work: (lock: Lock) => Promise<T>): Promise<T> {
  const lock = await acquireLock(thread, id, options, log);
  if (lock.kind === 'unavailable') log.info(`Could not lock report comment ${id} (${lock.reason}); updating it without the lock.`);
  try {
    return await work(lock);
  } finally {
    if (lock.kind === 'held') {
      await thread.unlock(id, lock.reactionId).catch((err: unknown) => log.warning(`Could not release the lock on report comment ${id}: ${(err as Error).message}`));
    }
  }
}

/** POST once; a POST that failed with 5xx or a dropped connection may still have created the comment, so look for it first. */
async function createOnce(thread: Thread, body: string, marker: CommentMarker, ours: () => Promise<Ours[]>, log: Logger): Promise<RemoteComment> {
  try {
    return await thread.create(body);
  } catch (err) {
    if (!mayHaveSucceeded(err)) throw err;
    const mine = (await ours()).find((o) => o.marker.sha === marker.sha && o.marker.run === marker.run && o.marker.attempt === marker.attempt && o.marker.header === marker.header);
    if (mine) {
      log.info(`Creating the comment on ${thread.name} reported ${statusOf(err) ?? 'a network error'}, but it was created (comment ${mine.comment.id}).`);
      return mine.comment;
    }
    log.info(`Creating the comment on ${thread.name} failed (${(err as Error).message}) and no comment was created; trying once more.`);
    return thread.create(body);
  }
}

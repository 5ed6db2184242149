import { parseCommentMarker, type CommentMarker } from '../model/marker.js';
import { mayHaveSucceeded, statusOf, type GitHubClient, type Logger } from './client.js';
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
}

interface ApiComment {
  id: number;
  body?: string | null;
  user?: { login?: string } | null;
  html_url: string;
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

/** Newest first; equal ones by comment id so every concurrent run keeps the same one. */
function newestFirst(list: Ours[], head: string): Ours[] {
  return [...list].sort((x, y) => compareMarkers(y.marker, x.marker, head) || x.comment.id - y.comment.id);
}

export interface StickyRequest {
  thread: Thread;
  identity: Identity;
  /** This run's marker; `body` starts with it. */
  marker: CommentMarker;
  body: string;
}

export interface StickyResult {
  id: number;
  url: string;
  /** 'kept': a newer report was already there (or won the race), so ours was not written or was removed. */
  action: 'created' | 'updated' | 'kept';
}

/**
 * One comment per thread and header, holding the newest report:
 *
 * - ours = by our identity AND starting with our marker for this header;
 *   anyone else's comment is never touched, whatever it contains;
 * - none yet: create, then list again and keep only the newest (a run
 *   racing us may have created one too; both decide the same way);
 * - one there: update it in place only if this run is for the current head
 *   commit and not older than the comment; a run for an older commit never
 *   overwrites, so a slow run cannot replace a newer report;
 * - a POST that failed with 5xx or a dropped connection may still have
 *   created the comment, so we look for it before posting again.
 */
export async function upsertStickyComment(request: StickyRequest, log: Logger): Promise<StickyResult> {
  const { thread, marker, body } = request;
  let login = request.identity.login;
  const ours = async (): Promise<Ours[]> =>
    (await thread.list()).flatMap((comment) => {
      if (!sameLogin(comment.author, login)) return [];
      const m = parseCommentMarker(comment.body);
      return m && m.header === marker.header ? [{ comment, marker: m }] : [];
    });
  const removeAll = async (list: Ours[]) => {
    for (const o of list) {
      try {
        await thread.remove(o.comment.id);
        log.info(`Removed duplicate report comment ${o.comment.id} (commit ${o.marker.sha.slice(0, 12)}, run ${o.marker.run}) on ${thread.name}.`);
      } catch (err) {
        log.warning(`Could not remove duplicate report comment ${o.comment.id} on ${thread.name}: ${(err as Error).message}`);
      }
    }
  };

  const existing = await ours();
  if (existing.length > 0) {
    const head = await thread.head();
    const [best, ...rest] = newestFirst(existing, head) as [Ours, ...Ours[]];
    await removeAll(rest);
    const kept = (reason: string): StickyResult => {
      log.info(`Left the report comment on ${thread.name} as it is: ${reason}.`);
      return { id: best.comment.id, url: best.comment.url, action: 'kept' };
    };
    if (marker.sha !== head.toLowerCase()) return kept(`this run is for ${marker.sha.slice(0, 12)}, but the head is now ${head.slice(0, 12)}`);
    if (compareMarkers(marker, best.marker, head) < 0) return kept(`it holds a newer run (${best.marker.run}) of ${best.marker.sha.slice(0, 12)}`);
    // Re-read just before writing: a newer run may have written since we listed.
    const fresh = await thread.get(best.comment.id);
    const freshMarker = fresh ? parseCommentMarker(fresh.body) : undefined;
    if (fresh && freshMarker && compareMarkers(marker, freshMarker, head) < 0) return kept(`a newer run (${freshMarker.run}) wrote it meanwhile`);
    if (fresh) {
      const updated = await thread.update(best.comment.id, body);
      return { id: updated.id, url: updated.url, action: 'updated' };
    }
  }

  let created: RemoteComment;
  try {
    created = await thread.create(body);
  } catch (err) {
    if (!mayHaveSucceeded(err)) throw err;
    const mine = (await ours()).find((o) => o.marker.sha === marker.sha && o.marker.run === marker.run && o.marker.attempt === marker.attempt && o.marker.header === marker.header);
    if (mine) {
      log.info(`Creating the comment on ${thread.name} reported ${statusOf(err) ?? 'a network error'}, but it was created (comment ${mine.comment.id}).`);
      created = mine.comment;
    } else {
      log.info(`Creating the comment on ${thread.name} failed (${(err as Error).message}) and no comment was created; trying once more.`);
      created = await thread.create(body);
    }
  }
  if (created.author && !sameLogin(created.author, login)) {
    log.info(`Comments are written as ${created.author} (not ${login}); looking for duplicates by that author.`);
    login = created.author;
  }

  // List first, then read the head: any comment listed was made after its commit was pushed.
  const all = await ours();
  const head = await thread.head();
  if (!all.some((o) => o.comment.id === created.id)) all.push({ comment: created, marker });
  const [best, ...rest] = newestFirst(all, head) as [Ours, ...Ours[]];
  await removeAll(rest);
  if (best.comment.id !== created.id) {
    log.info(`Another run's comment on ${thread.name} is newer (commit ${best.marker.sha.slice(0, 12)}, run ${best.marker.run}); ours was removed.`);
    return { id: best.comment.id, url: best.comment.url, action: 'kept' };
  }
  return { id: created.id, url: created.url, action: 'created' };
}

import type { GitHubClient, Logger } from './client.js';

export interface Repo {
  owner: string;
  repo: string;
}

/** What the triggering event says, before any API call. */
export type EventTarget =
  | { kind: 'pull_request'; number: number; headSha: string; headRef?: string }
  | { kind: 'push'; sha: string; ref?: string }
  | {
      kind: 'workflow_run';
      /** The event that started the triggering run (`pull_request`, `push`, …). */
      triggeringEvent: string;
      runId: number;
      runAttempt: number;
      headSha: string;
      headBranch?: string;
      /** `owner` of the repository the head commit lives in (a fork for fork PRs). */
      headOwner?: string;
      /** The run's own pull request list; GitHub leaves it empty for pull requests from forks. */
      pullRequests: { number: number; headSha?: string }[];
    }
  | { kind: 'other'; eventName: string; sha?: string };

/** Where the comment goes, once the API has been asked. */
export type CommentTarget =
  | { kind: 'pull_request'; number: number; headSha: string }
  | { kind: 'commit'; sha: string }
  | { kind: 'none'; reason: string };

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Reads the event payload (GITHUB_EVENT_PATH) for the events we publish on. */
export function eventTarget(eventName: string, payload: unknown, fallbackSha?: string): EventTarget {
  const p = obj(payload) ?? {};
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const pr = obj(p.pull_request);
    const head = obj(pr?.head);
    const number = num(pr?.number) ?? num(p.number);
    const headSha = str(head?.sha);
    if (number !== undefined && headSha) {
      const headRef = str(head?.ref);
      return { kind: 'pull_request', number, headSha, ...(headRef ? { headRef } : {}) };
    }
  }
  if (eventName === 'push') {
    const sha = str(p.after) ?? fallbackSha;
    const ref = str(p.ref);
    if (sha && !/^0+$/.test(sha)) return { kind: 'push', sha, ...(ref ? { ref } : {}) };
  }
  if (eventName === 'workflow_run') {
    const run = obj(p.workflow_run);
    const headSha = str(run?.head_sha);
    const runId = num(run?.id);
    if (run && headSha && runId !== undefined) {
      const headRepo = obj(run.head_repository);
      const headOwner = str(obj(headRepo?.owner)?.login);
      const headBranch = str(run.head_branch);
      const pullRequests = (Array.isArray(run.pull_requests) ? run.pull_requests : []).flatMap((x) => {
        const number = num(obj(x)?.number);
        const sha = str(obj(obj(x)?.head)?.sha);
        return number === undefined ? [] : [{ number, ...(sha ? { headSha: sha } : {}) }];
      });
      return {
        kind: 'workflow_run',
        triggeringEvent: str(run.event) ?? '',
        runId,
        runAttempt: num(run.run_attempt) ?? 1,
        headSha,
        ...(headBranch ? { headBranch } : {}),
        ...(headOwner ? { headOwner } : {}),
        pullRequests,
      };
    }
  }
  return fallbackSha ? { kind: 'other', eventName, sha: fallbackSha } : { kind: 'other', eventName };
}

/** The commit the report describes: the pull request head, not the merge commit GITHUB_SHA points at. */
export function reportCommit(target: EventTarget): { sha: string; ref?: string } | undefined {
  switch (target.kind) {
    case 'pull_request':
      return target.headRef ? { sha: target.headSha, ref: target.headRef } : { sha: target.headSha };
    case 'push':
      return target.ref ? { sha: target.sha, ref: target.ref.replace(/^refs\/heads\//, '') } : { sha: target.sha };
    case 'workflow_run':
      return target.headBranch ? { sha: target.headSha, ref: target.headBranch } : { sha: target.headSha };
    case 'other':
      return target.sha ? { sha: target.sha } : undefined;
  }
}

interface PullSummary {
  number: number;
  state?: string;
  head?: { sha?: string };
}

/**
 * The pull request a workflow_run belongs to, found from the triggering run's
 * head commit (set by GitHub, not by the run's artifacts, which the pull
 * request's author controls): the run's own list, else the pull requests
 * GitHub associates with the commit, else open pull requests from the head
 * branch. A candidate must have that very commit as its head.
 */
async function pullRequestOfRun(target: Extract<EventTarget, { kind: 'workflow_run' }>, api: GitHubClient, repo: Repo, log: Logger): Promise<number | undefined> {
  const listed = target.pullRequests.filter((p) => p.headSha === undefined || p.headSha === target.headSha);
  if (listed.length > 0) return Math.min(...listed.map((p) => p.number));
  const matching = (pulls: PullSummary[]) => pulls.filter((p) => p.state !== 'closed' && p.head?.sha === target.headSha).map((p) => p.number);
  try {
    const { data } = await api.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...repo, commit_sha: target.headSha, per_page: 100 });
    const found = matching(data as PullSummary[]);
    if (found.length > 0) return Math.min(...found);
  } catch (err) {
    log.debug(`Pull requests of commit ${target.headSha}: ${(err as Error).message}`);
  }
  if (target.headOwner && target.headBranch) {
    const { data } = await api.request('GET /repos/{owner}/{repo}/pulls', { ...repo, state: 'open', head: `${target.headOwner}:${target.headBranch}`, per_page: 100 });
    const found = matching(data as PullSummary[]);
    if (found.length > 0) return Math.min(...found);
  }
  return undefined;
}

/** Decides where the comment goes; may ask the API (workflow_run). */
export async function commentTarget(target: EventTarget, options: { commentOnPush: boolean }, api: GitHubClient, repo: Repo, log: Logger): Promise<CommentTarget> {
  const push = (sha: string): CommentTarget =>
    options.commentOnPush ? { kind: 'commit', sha } : { kind: 'none', reason: 'push events get the job summary only (set comment-on-push: true for a commit comment)' };
  switch (target.kind) {
    case 'pull_request':
      return { kind: 'pull_request', number: target.number, headSha: target.headSha };
    case 'push':
      return push(target.sha);
    case 'workflow_run': {
      if (target.triggeringEvent === 'push') return push(target.headSha);
      if (target.triggeringEvent !== 'pull_request' && target.triggeringEvent !== 'pull_request_target') {
        return { kind: 'none', reason: `the triggering run was started by ${target.triggeringEvent || 'an unknown event'}, not a pull request` };
      }
      const number = await pullRequestOfRun(target, api, repo, log);
      return number === undefined
        ? { kind: 'none', reason: `no open pull request has the triggering run's head commit ${target.headSha.slice(0, 12)} as its head (pushed again since?)` }
        : { kind: 'pull_request', number, headSha: target.headSha };
    }
    case 'other':
      return { kind: 'none', reason: `${target.eventName || 'this'} events get the job summary only` };
  }
}

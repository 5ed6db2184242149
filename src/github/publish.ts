import { commentMarker, type CommentMarker } from '../model/marker.js';
import type { Report } from '../model/report.js';
import { DeadlineError, UNLIMITED, formatDuration, settleWithin, sleepUnlessAborted, type Budget } from '../util/deadline.js';
import { logSafe } from '../util/log-safe.js';
import { inconclusiveAnnotations, regressionAnnotations, type Annotation } from './annotations.js';
import type { GitHubClient, Logger } from './client.js';
import { statusOf } from './request-errors.js';
import { commentTarget, type CommentTarget, type EventTarget, type Repo } from './context.js';
import { DEFAULT_STICKY_OPTIONS, commitThread, pullRequestThread, resolveIdentity, upsertStickyComment, type StickyOptions, type StickyResult, type Thread } from './sticky-comment.js';
import { commentMarkdown, summaryMarkdown } from './summary.js';

/** The publishing inputs: `comment`, `comment-header`, `comment-on-push`, `publish-timeout` (the token is handed in as a client). */
export interface PublishSettings {
  comment: boolean;
  header: string;
  commentOnPush: boolean;
  /** Budget of the whole publishing step; the client is created under it (see publishFromAction). */
  timeoutMs: number;
}

export interface RunInfo {
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT; 0 when unknown. */
  id: number;
  attempt: number;
  /** Link to this run, whose job summary holds the full report. */
  url?: string;
}

export interface PublishRequest {
  report: Report;
  /** The full report (report.md); undefined when it is too large to hold whole (the summary is trimmed from the report). */
  markdown: string | undefined;
  reportPath?: string;
  settings: PublishSettings;
  event: EventTarget;
  repo?: Repo;
  run: RunInfo;
}

export interface PublishDependencies {
  /** Undefined when there is no token: summary only. */
  api: GitHubClient | undefined;
  /** Appends to the job summary; undefined outside a runner (no GITHUB_STEP_SUMMARY). */
  writeSummary: ((markdown: string) => Promise<void>) | undefined;
  /** core.error, or core.notice for level `notice` */
  annotate: (message: string, properties: Annotation['properties'], level?: Annotation['level']) => void;
  log: Logger;
  /**
   * `publish-timeout`: the client in `api` is created under the same budget,
   * so its requests abort when it runs out; publish() then stops waiting.
   */
  budget?: Budget;
}

export function publishBudgetReason(ms: number): string {
  return `the publishing time budget (publish-timeout: ${formatDuration(ms)}) ran out`;
}

/** Work that cannot be aborted gets this long past the budget before publish() returns without it. */
const PUBLISH_GRACE_MS = 1000;

export interface PublishOutcome {
  summaryWritten: boolean;
  comment?: StickyResult;
  annotations: number;
}

function permissionHelp(target: CommentTarget): string {
  return target.kind === 'commit'
    ? 'Commit comments need `permissions: contents: write`.'
    : 'Pull requests from forks get a read-only token: run the benchmarks in a `pull_request` workflow that uploads them and comment from a `workflow_run` workflow (see docs/publishing.md in Chimera Insight and examples/workflows/). For pull requests from this repository, grant `permissions: pull-requests: write`.';
}

function isPermissionError(err: unknown): boolean {
  const status = statusOf(err);
  return status === 401 || (status === 403 && !/rate limit/i.test((err as Error).message));
}

/** The marker names the triggering run for workflow_run, so both workflows of a PR order the same way. */
function markerFor(event: EventTarget, target: Exclude<CommentTarget, { kind: 'none' }>, header: string, run: RunInfo): CommentMarker {
  const sha = target.kind === 'commit' ? target.sha : target.headSha;
  if (event.kind === 'workflow_run') return { header, sha, run: event.runId, attempt: event.runAttempt };
  return { header, sha, run: run.id, attempt: run.attempt };
}

/**
 * Job summary, annotations and the sticky comment, in that order, so the
 * report is on the run before any API call can fail. Never throws for an API
 * failure: it becomes one warning and the summary stands.
 */
export async function publish(request: PublishRequest, deps: PublishDependencies): Promise<PublishOutcome> {
  const { report, settings } = request;
  const log = deps.log;
  const outcome: PublishOutcome = { summaryWritten: false, annotations: 0 };

  if (deps.writeSummary) {
    try {
      await deps.writeSummary(summaryMarkdown(report, request.markdown, request.reportPath));
      outcome.summaryWritten = true;
    } catch (err) {
      log.warning(`Could not write the job summary: ${logSafe((err as Error).message)}. The report is in report.md${request.reportPath ? ` (${request.reportPath})` : ''}.`);
    }
  } else {
    log.info('GITHUB_STEP_SUMMARY is not set: no job summary written.');
  }

  const annotations = [...regressionAnnotations(report.comparison), ...inconclusiveAnnotations(report.comparison)];
  for (const a of annotations) deps.annotate(a.message, a.properties, a.level);
  outcome.annotations = annotations.length;

  if (!settings.comment) {
    log.info('Comment disabled (comment: false).');
    return outcome;
  }
  if (!deps.api || !request.repo) {
    log.info(`No ${deps.api ? 'repository (GITHUB_REPOSITORY)' : 'github-token'}: the report is in the job summary only.`);
    return outcome;
  }
  const api = deps.api;
  const repo = request.repo;
  const budget = deps.budget ?? UNLIMITED;
  const where = outcome.summaryWritten ? 'The report is in the job summary.' : 'The report is in report.md.';
  const gaveUp = () => {
    log.warning(`Could not publish the report comment: ${budget.reason}. ${where}`);
    return outcome;
  };
  // Waiting for another run's lock on the comment ends with the budget too.
  const sticky: StickyOptions = {
    ...DEFAULT_STICKY_OPTIONS,
    sleep: async (ms) => {
      if (!(await sleepUnlessAborted(ms, budget.signal))) throw new DeadlineError(budget.reason);
    },
  };
  return settleWithin(commentOn(request, api, repo, outcome, log, sticky), budget.signal, PUBLISH_GRACE_MS, gaveUp);
}

async function commentOn(request: PublishRequest, api: GitHubClient, repo: Repo, outcome: PublishOutcome, log: Logger, sticky: StickyOptions): Promise<PublishOutcome> {
  const { report, settings } = request;
  let target: CommentTarget = { kind: 'none', reason: 'not resolved' };
  try {
    target = await commentTarget(request.event, settings, api, repo, log);
    if (target.kind === 'none') {
      log.info(`No comment: ${target.reason}.`);
      return outcome;
    }
    const thread: Thread =
      target.kind === 'commit' ? commitThread(api, repo, target.sha) : pullRequestThread(api, repo, target.number, target.headSha, log);
    const marker = markerFor(request.event, target, settings.header, request.run);
    const body = commentMarkdown(report, request.markdown, commentMarker(marker), {
      ...(request.run.url ? { runUrl: request.run.url } : {}),
      ...(request.reportPath ? { reportPath: request.reportPath } : {}),
    });
    const identity = await resolveIdentity(api, log);
    outcome.comment = await upsertStickyComment({ thread, identity, marker, body }, log, sticky);
    const verb = { created: 'Created', updated: 'Updated', kept: 'Kept' }[outcome.comment.action];
    log.info(`${verb} the report comment on ${thread.name}: ${outcome.comment.url}`);
  } catch (err) {
    const where = target.kind === 'pull_request' ? `pull request #${target.number}` : target.kind === 'commit' ? `commit ${target.sha.slice(0, 12)}` : 'GitHub';
    // A deadline is not an HTTP status, though Octokit reports a failed fetch as 500.
    const timedOut = err instanceof DeadlineError || (err as { cause?: unknown }).cause instanceof DeadlineError;
    const reason = logSafe(timedOut ? (err as Error).message : `${statusOf(err) ?? 'error'} ${(err as Error).message}`);
    const summary = outcome.summaryWritten ? 'The report is in the job summary.' : 'The report is in report.md.';
    if (target.kind !== 'none' && isPermissionError(err)) {
      log.warning(`Could not comment on ${where}: the token may not write there (${reason}). ${permissionHelp(target)} ${summary}`);
    } else {
      log.warning(`Could not publish the report comment on ${where} (${reason}). ${summary}`);
    }
  }
  return outcome;
}

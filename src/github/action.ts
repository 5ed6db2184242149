import * as core from '@actions/core';
import type { PipelineResult } from '../pipeline.js';
import { logSafe } from '../util/log-safe.js';
import { startBudget } from '../util/deadline.js';
import type { GitHubClient, Logger } from './client.js';
import { eventTarget, reportCommit } from './context.js';
import { actionContext } from './event.js';
import { readPublishInputs } from './inputs.js';
import { publish, publishBudgetReason, type PublishSettings } from './publish.js';

export interface ActionPublishInputs {
  settings: PublishSettings;
  token: string;
}

/** The publishing inputs of the action; throws ConfigError. The token is masked in the log. */
export function readActionPublishInputs(): ActionPublishInputs {
  const inputs = readPublishInputs((name) => core.getInput(name));
  if (inputs.token) core.setSecret(inputs.token);
  return inputs;
}

/** The commit the report is about, from the event (the PR head, the pushed commit, the triggering run's head). */
export function actionCommit(): { sha: string; ref?: string } | undefined {
  const context = actionContext();
  return reportCommit(eventTarget(context.eventName, context.payload, context.sha));
}

// Messages quote API errors and event fields: one line each, secrets redacted, as the baseline's log does.
const log: Logger = {
  info: (m) => core.info(logSafe(m)),
  warning: (m) => core.warning(logSafe(m)),
  debug: (m) => core.debug(logSafe(m)),
};

/** Job summary, annotations and sticky comment for this run; sets the comment-id and comment-url outputs. */
export async function publishFromAction(result: PipelineResult, inputs: ActionPublishInputs): Promise<void> {
  const context = actionContext();
  const repo = process.env.GITHUB_REPOSITORY ? context.repo : undefined;
  const runId = Number(process.env.GITHUB_RUN_ID) || 0;
  const runUrl = runId && repo ? `${context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}` : undefined;
  const budget = startBudget(inputs.settings.timeoutMs, publishBudgetReason(inputs.settings.timeoutMs));
  // Octokit loads only when a comment may be posted: the summary and annotations need no API.
  let api: GitHubClient | undefined;
  if (inputs.token && inputs.settings.comment) {
    const { createClient } = await import('./client.js');
    api = createClient(inputs.token, { ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}), log, budget });
  }
  const outcome = await publish(
    {
      report: result.report,
      markdown: result.markdown,
      ...(result.reportPath ? { reportPath: result.reportPath } : {}),
      settings: inputs.settings,
      event: eventTarget(context.eventName, context.payload, context.sha),
      ...(repo ? { repo } : {}),
      run: { id: runId, attempt: Number(process.env.GITHUB_RUN_ATTEMPT) || 1, ...(runUrl ? { url: runUrl } : {}) },
    },
    {
      api,
      writeSummary: process.env.GITHUB_STEP_SUMMARY
        ? async (markdown) => {
            await core.summary.addRaw(markdown).write({ overwrite: false });
          }
        : undefined,
      annotate: (message, properties, level) => (level === 'notice' ? core.notice(message, properties) : core.error(message, properties)),
      log,
      budget,
    },
  ).finally(() => budget.dispose());
  core.setOutput('comment-id', outcome.comment ? String(outcome.comment.id) : '');
  core.setOutput('comment-url', outcome.comment?.url ?? '');
}

import { existsSync, readFileSync } from 'node:fs';
import type { Repo } from './context.js';

/**
 * The run's event as @actions/github's `context` reads it (the same
 * environment variables and event file), without loading Octokit: every
 * run needs the event, only a run that comments needs the API client.
 */
export interface ActionContext {
  eventName: string;
  /** The webhook payload from GITHUB_EVENT_PATH; empty when there is none. */
  payload: Record<string, unknown>;
  sha: string;
  ref: string;
  runId: number;
  serverUrl: string;
  /** GITHUB_REPOSITORY, else the payload's repository; undefined when neither names one. */
  repo: Repo | undefined;
}

let cached: ActionContext | undefined;

export function actionContext(env: NodeJS.ProcessEnv = process.env): ActionContext {
  if (env === process.env && cached) return cached;
  let payload: Record<string, unknown> = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    if (existsSync(eventPath)) payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
    else process.stdout.write(`GITHUB_EVENT_PATH ${eventPath} does not exist\n`);
  }
  const context: ActionContext = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId: Number.parseInt(env.GITHUB_RUN_ID ?? '', 10),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repo: repoOf(env.GITHUB_REPOSITORY, payload),
  };
  if (env === process.env) cached = context;
  return context;
}

function repoOf(repository: string | undefined, payload: Record<string, unknown>): Repo | undefined {
  if (repository) {
    const [owner = '', repo = ''] = repository.split('/');
    return { owner, repo };
  }
  const r = payload.repository as { owner?: { login?: unknown }; name?: unknown } | undefined;
  return typeof r?.owner?.login === 'string' && typeof r.name === 'string' ? { owner: r.owner.login, repo: r.name } : undefined;
}

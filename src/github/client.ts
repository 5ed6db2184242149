import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { DeadlineError, UNLIMITED, fetchWithDeadlines, formatDuration, sleepUnlessAborted, type Budget } from '../util/deadline.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** A wait longer than this (a primary rate limit resetting in half an hour) is not worth it: fail instead. */
  maxWaitMs: number;
  /** First backoff for transient errors without `retry-after`; doubles per retry. */
  baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, maxWaitMs: 90_000, baseDelayMs: 1000 };

/** Methods whose repetition has no further effect; a POST may create a second comment. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
const TRANSIENT = new Set([500, 502, 503, 504]);

/** What the retry decision reads from a failed request (an Octokit RequestError). */
export interface FailedRequest {
  status?: number;
  message: string;
  headers: Record<string, string | number | undefined>;
}

function header(failed: FailedRequest, name: string): number | undefined {
  const raw = failed.headers[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** `retry-after` in seconds or, rarely, as an HTTP date. */
function retryAfterMs(failed: FailedRequest, now: number): number | undefined {
  const seconds = header(failed, 'retry-after');
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(String(failed.headers['retry-after'] ?? ''));
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retrying, or undefined to give up.
 *
 * Rate limits (429, or 403 with `retry-after`, an exhausted
 * `x-ratelimit-remaining`, or GitHub's "secondary rate limit" message) were
 * refused before doing anything, so every method is retried, after
 * `retry-after`, else until `x-ratelimit-reset`, else a minute as GitHub
 * advises. Transient 5xx (and network errors, which Octokit reports as 500)
 * may have been carried out, so only idempotent methods are retried; a POST
 * is left to the caller, who looks for its effect first.
 */
export function retryDelay(failed: FailedRequest, method: string, attempt: number, now: number, policy: RetryPolicy = DEFAULT_RETRY): number | undefined {
  if (attempt >= policy.maxRetries) return undefined;
  const after = retryAfterMs(failed, now);
  const status = failed.status ?? 0;
  const rateLimited =
    status === 429 ||
    (status === 403 && (after !== undefined || header(failed, 'x-ratelimit-remaining') === 0 || /rate limit/i.test(failed.message)));
  let wait: number;
  if (rateLimited) {
    const reset = header(failed, 'x-ratelimit-reset');
    wait = after ?? (reset !== undefined ? Math.max(0, reset * 1000 - now) + 1000 : 60_000);
  } else if (TRANSIENT.has(status) && IDEMPOTENT.has(method.toUpperCase())) {
    wait = after ?? policy.baseDelayMs * 2 ** attempt;
  } else {
    return undefined;
  }
  return wait <= policy.maxWaitMs ? wait : undefined;
}

function asFailed(err: unknown): FailedRequest {
  const e = err as { status?: unknown; message?: unknown; response?: { headers?: Record<string, string | number | undefined> } };
  return {
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    message: typeof e.message === 'string' ? e.message : String(err),
    headers: e.response?.headers ?? {},
  };
}

export interface ClientOptions {
  /** GITHUB_API_URL; api.github.com when unset. */
  baseUrl?: string;
  log: Logger;
  /** Injected so tests do not wait; real time otherwise. Resolves false when the budget ran out first. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<boolean | void>;
  now?: () => number;
  retry?: RetryPolicy;
  /**
   * Per attempt, from connecting to the last byte of the body: a server that
   * accepts the connection and never answers must not hold the job.
   */
  timeoutMs?: number;
  /** The publishing budget: no attempt runs and no retry waits past it. */
  budget?: Budget;
  /** The fetch under the deadlines; @actions/github's proxy-aware one by default. */
  fetch?: typeof fetch;
}

export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;

/**
 * Octokit from @actions/github (proxy-aware, GHES via GITHUB_API_URL) with our
 * retry policy wrapped around every request, paginated pages included.
 *
 * Deadlines: every request goes through our own `fetch` (Octokit's
 * `request.fetch`), which aborts the socket when the attempt's time is up or
 * the budget runs out. A signal set per request inside the retry hook does
 * not work: the hooks registered before ours (the token's) are bound to the
 * original options and drop what we pass, so the old per-attempt
 * `AbortSignal.timeout` never reached fetch and undici's 300 s limits
 * decided instead.
 *
 * Why not @octokit/plugin-retry and plugin-throttling: retry would repeat a
 * POST on 5xx unless reconfigured per request, throttling brings Bottleneck
 * and queues every request; the policy we need is the 40 lines above.
 */
export function createClient(token: string, options: ClientOptions): GitHubClient {
  const budget = options.budget ?? UNLIMITED;
  const sleep = options.sleep ?? sleepUnlessAborted;
  const now = options.now ?? Date.now;
  const policy = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const baseFetch = options.fetch ?? (actionsDefaults.request?.fetch as typeof fetch | undefined) ?? globalThis.fetch;
  const timedFetch = fetchWithDeadlines(baseFetch, () => {
    const remaining = budget.remainingMs();
    return {
      totalMs: Math.min(timeoutMs, remaining),
      signal: budget.signal,
      totalMessage: (ms) => (ms < timeoutMs ? budget.reason : `no complete answer from the GitHub API within ${formatDuration(ms)}; request aborted`),
    };
  });
  const octokit = getOctokit(token, {
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
    // Replaces @actions/github's defaults.request (Octokit merges options shallowly), so its agent comes along.
    request: { ...actionsDefaults.request, fetch: timedFetch },
    log: {
      debug: (m: string) => options.log.debug(m),
      info: (m: string) => options.log.debug(m),
      warn: (m: string) => options.log.warning(m),
      error: (m: string) => options.log.warning(m),
    },
  });
  octokit.hook.wrap('request', async (request, endpoint) => {
    for (let attempt = 0; ; attempt++) {
      if (budget.signal.aborted) throw new DeadlineError(budget.reason);
      try {
        return await request(endpoint);
      } catch (err) {
        // Out of budget: no retry, whatever the error says.
        if (budget.signal.aborted) throw new DeadlineError(budget.reason);
        const failed = asFailed(err);
        const wait = retryDelay(failed, endpoint.method, attempt, now(), policy);
        // A wait that would end past the budget is not worth starting.
        if (wait === undefined || wait >= budget.remainingMs()) throw err;
        options.log.debug(`GitHub API ${endpoint.method} ${endpoint.url}: ${failed.status ?? 'error'} ${failed.message}; retry ${attempt + 1} of ${policy.maxRetries} in ${Math.round(wait / 1000)} s`);
        if ((await sleep(wait, budget.signal)) === false) throw new DeadlineError(budget.reason);
      }
    }
  });
  return octokit;
}


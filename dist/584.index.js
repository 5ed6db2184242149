export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, retryDelay, DEFAULT_ATTEMPT_TIMEOUT_MS */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8665);
/* harmony import */ var _util_deadline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4054);



const DEFAULT_RETRY = { maxRetries: 3, maxWaitMs: 90_000, baseDelayMs: 1000 };
/** Methods whose repetition has no further effect; a POST may create a second comment. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);
const TRANSIENT = new Set([500, 502, 503, 504]);
function header(failed, name) {
    const raw = failed.headers[name];
    if (raw === undefined || raw === '')
        return undefined;
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
}
/** `retry-after` in seconds or, rarely, as an HTTP date. */
function retryAfterMs(failed, now) {
    const seconds = header(failed, 'retry-after');
    if (seconds !== undefined)
        return seconds * 1000;
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
function retryDelay(failed, method, attempt, now, policy = DEFAULT_RETRY) {
    if (attempt >= policy.maxRetries)
        return undefined;
    const after = retryAfterMs(failed, now);
    const status = failed.status ?? 0;
    const rateLimited = status === 429 ||
        (status === 403 && (after !== undefined || header(failed, 'x-ratelimit-remaining') === 0 || /rate limit/i.test(failed.message)));
    let wait;
    if (rateLimited) {
        const reset = header(failed, 'x-ratelimit-reset');
        wait = after ?? (reset !== undefined ? Math.max(0, reset * 1000 - now) + 1000 : 60_000);
    }
    else if (TRANSIENT.has(status) && IDEMPOTENT.has(method.toUpperCase())) {
        wait = after ?? policy.baseDelayMs * 2 ** attempt;
    }
    else {
        return undefined;
    }
    return wait <= policy.maxWaitMs ? wait : undefined;
}
function asFailed(err) {
    const e = err;
    return {
        ...(typeof e.status === 'number' ? { status: e.status } : {}),
        message: typeof e.message === 'string' ? e.message : String(err),
        headers: e.response?.headers ?? {},
    };
}
const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;
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
function createClient(token, options) {
    const budget = options.budget ?? _util_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .UNLIMITED */ .Mp;
    const sleep = options.sleep ?? _util_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .sleepUnlessAborted */ .bp;
    const now = options.now ?? Date.now;
    const policy = options.retry ?? DEFAULT_RETRY;
    const timeoutMs = options.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
    const baseFetch = options.fetch ?? _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch ?? globalThis.fetch;
    const timedFetch = (0,_util_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .fetchWithDeadlines */ .wH)(baseFetch, () => {
        const remaining = budget.remainingMs();
        return {
            totalMs: Math.min(timeoutMs, remaining),
            signal: budget.signal,
            totalMessage: (ms) => (ms < timeoutMs ? budget.reason : `no complete answer from the GitHub API within ${(0,_util_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(ms)}; request aborted`),
        };
    });
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
        // Replaces @actions/github's defaults.request (Octokit merges options shallowly), so its agent comes along.
        request: { ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request, fetch: timedFetch },
        log: {
            debug: (m) => options.log.debug(m),
            info: (m) => options.log.debug(m),
            warn: (m) => options.log.warning(m),
            error: (m) => options.log.warning(m),
        },
    });
    octokit.hook.wrap('request', async (request, endpoint) => {
        for (let attempt = 0;; attempt++) {
            if (budget.signal.aborted)
                throw new _util_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .DeadlineError */ .j3(budget.reason);
            try {
                return await request(endpoint);
            }
            catch (err) {
                // Out of budget: no retry, whatever the error says.
                if (budget.signal.aborted)
                    throw new _util_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .DeadlineError */ .j3(budget.reason);
                const failed = asFailed(err);
                const wait = retryDelay(failed, endpoint.method, attempt, now(), policy);
                // A wait that would end past the budget is not worth starting.
                if (wait === undefined || wait >= budget.remainingMs())
                    throw err;
                options.log.debug(`GitHub API ${endpoint.method} ${endpoint.url}: ${failed.status ?? 'error'} ${failed.message}; retry ${attempt + 1} of ${policy.maxRetries} in ${Math.round(wait / 1000)} s`);
                if ((await sleep(wait, budget.signal)) === false)
                    throw new _util_deadline_js__WEBPACK_IMPORTED_MODULE_2__/* .DeadlineError */ .j3(budget.reason);
            }
        }
    });
    return octokit;
}


/***/ })

};

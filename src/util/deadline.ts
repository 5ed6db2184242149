/**
 * Deadlines that end the request, not just the wait for it.
 *
 * A promise raced against a timer stops the caller waiting, but the socket
 * stays open until the HTTP client's own limits (undici: 300 s for headers
 * and for body silence), and an open socket keeps the process alive. Every
 * limit here aborts an AbortController passed to `fetch`, which destroys the
 * socket; a timer that fires after its request is done is cleared.
 */

/** A request or stage that ran out of time; `message` says which limit. */
export class DeadlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeoutError';
  }
}

/** `300 ms`, `1.5 s`, `30 s`, `2 min`, `1 min 30 s`: durations in messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${Number((ms / 1000).toFixed(1))} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)} min${rest ? ` ${rest} s` : ''}`;
}

/**
 * A time budget for a whole stage (the LLM stage, publishing): its signal
 * aborts every request made under it when the time is up.
 */
export interface Budget {
  readonly signal: AbortSignal;
  /** Milliseconds left; 0 once spent. */
  remainingMs(): number;
  /** Why it ran out, e.g. "the LLM stage's time budget (timeout: 10 min) ran out". */
  readonly reason: string;
  /** Stops the clock (while other work runs between two parts of the stage); resume() restarts it with what was left. */
  pause(): void;
  resume(): void;
  /** Stops the timer; the budget no longer fires. */
  dispose(): void;
}

/**
 * Starts a budget of `ms`. Its timer is unref'd: a budget nobody disposed
 * never keeps the process alive by itself.
 */
export function startBudget(ms: number, reason: string, now: () => number = () => performance.now()): Budget {
  const controller = new AbortController();
  let endsAt = 0;
  let left: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (remaining: number) => {
    endsAt = now() + remaining;
    left = undefined;
    timer = setTimeout(() => controller.abort(new DeadlineError(reason)), remaining);
    timer.unref?.();
  };
  run(ms);
  const remainingMs = () => (controller.signal.aborted ? 0 : (left ?? Math.max(0, endsAt - now())));
  return {
    signal: controller.signal,
    remainingMs,
    reason,
    pause: () => {
      if (left !== undefined || controller.signal.aborted) return;
      left = remainingMs();
      clearTimeout(timer);
    },
    resume: () => {
      if (left !== undefined && !controller.signal.aborted) run(left);
    },
    dispose: () => {
      clearTimeout(timer);
      left = undefined;
    },
  };
}

/** A budget that never runs out, for callers that set none. */
export const UNLIMITED: Budget = {
  signal: new AbortController().signal,
  remainingMs: () => Number.POSITIVE_INFINITY,
  reason: '',
  pause: () => undefined,
  resume: () => undefined,
  dispose: () => undefined,
};

/**
 * `promise`, or `onTimeout()` once `signal` aborts plus `graceMs`: for work
 * that cannot be aborted (a cache download in a library without a signal),
 * so the stage moves on. Abortable work under the same signal ends by itself
 * well within the grace.
 */
export async function settleWithin<T>(promise: Promise<T>, signal: AbortSignal, graceMs: number, onTimeout: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listener: (() => void) | undefined;
  const late = new Promise<T>((resolve) => {
    const fire = () => {
      timer = setTimeout(() => resolve(onTimeout()), graceMs);
    };
    if (signal.aborted) fire();
    else {
      listener = fire;
      signal.addEventListener('abort', fire, { once: true });
    }
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
    if (listener) signal.removeEventListener('abort', listener);
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts (then with false). */
export function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface FetchLimits {
  /** The whole exchange: connecting, the headers and the last byte of the body. */
  totalMs?: number;
  /** Longest silence: before the headers arrive, and between two chunks of the body. */
  idleMs?: number;
  /** Aborts the request when it fires (a stage's budget). */
  signal?: AbortSignal;
  /** Messages for the two limits, e.g. "no data from Ollama for 180 s (request-timeout)". */
  totalMessage?: (ms: number) => string;
  idleMessage?: (ms: number) => string;
}

/** Statuses whose response has no body; `new Response` refuses one. */
const NULL_BODY = new Set([204, 205, 304]);

/**
 * `fetch` with `limits` (fixed, or computed per request from its URL) that
 * abort the request itself: the socket is destroyed, whether the limit is
 * hit while connecting, waiting for headers or reading the body. The body is
 * handed on as a stream (Ollama's NDJSON is read as it arrives); its end,
 * an error or a cancel clears the timers. A request aborted by a limit
 * rejects (or its body errors) with a DeadlineError saying which one; an
 * abort by `limits.signal` or the caller's own signal rejects with that
 * signal's reason.
 */
export function fetchWithDeadlines(base: typeof fetch, limits: FetchLimits | ((url: string) => FetchLimits)): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const l = typeof limits === 'function' ? limits(url) : limits;
    const controller = new AbortController();
    const sources = [controller.signal, init?.signal, l.signal].filter((s): s is AbortSignal => s instanceof AbortSignal);
    const signal = sources.length === 1 ? controller.signal : AbortSignal.any(sources);
    let total: ReturnType<typeof setTimeout> | undefined;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const clear = () => {
      clearTimeout(total);
      clearTimeout(idle);
    };
    const arm = () => {
      if (l.idleMs === undefined) return;
      clearTimeout(idle);
      const ms = l.idleMs;
      idle = setTimeout(() => controller.abort(new DeadlineError(l.idleMessage?.(ms) ?? `no data for ${formatDuration(ms)}; request aborted`)), ms);
    };
    if (l.totalMs !== undefined) {
      const ms = l.totalMs;
      total = setTimeout(() => controller.abort(new DeadlineError(l.totalMessage?.(ms) ?? `no complete answer within ${formatDuration(ms)}; request aborted`)), ms);
    }
    arm();
    // Whatever the fetch implementation throws on abort, the caller sees why.
    const why = (err: unknown) => (signal.aborted ? signal.reason : err);
    if (signal.aborted) {
      clear();
      throw why(undefined);
    }
    let response: Response;
    try {
      response = await base(input, { ...init, signal });
    } catch (err) {
      clear();
      throw why(err);
    }
    const init2 = { status: response.status, statusText: response.statusText, headers: response.headers };
    let wrapped: Response;
    if (!response.body || NULL_BODY.has(response.status)) {
      clear();
      await response.body?.cancel().catch(() => undefined);
      wrapped = new Response(null, init2);
    } else {
      const reader = response.body.getReader();
      arm();
      const body = new ReadableStream<Uint8Array>({
        async pull(stream) {
          try {
            const { done, value } = await reader.read();
            if (done) {
              clear();
              stream.close();
              return;
            }
            arm();
            stream.enqueue(value);
          } catch (err) {
            clear();
            stream.error(why(err));
          }
        },
        async cancel(reason) {
          clear();
          controller.abort(reason);
          await reader.cancel(reason).catch(() => undefined);
        },
      });
      wrapped = new Response(body, init2);
    }
    // Octokit reports the URL a response came from; a constructed Response has none.
    Object.defineProperty(wrapped, 'url', { value: response.url });
    return wrapped;
  };
}

/** How long the process may stay alive once its work is done. */
const EXIT_GRACE_MS = 5000;

/**
 * Called when everything is written: should anything that could not be
 * aborted still hold the event loop (a tool-cache download, a cache
 * transfer, a library's own timer), the process exits after `graceMs`
 * anyway, saying so. The timer is unref'd: a process with nothing left
 * exits at once, as it should.
 */
export function exitWhenDone(say: (message: string) => void, graceMs = EXIT_GRACE_MS): void {
  setTimeout(() => {
    say(`Exiting: something that could not be aborted was still running ${formatDuration(graceMs)} after the report was published.`);
    process.exit();
  }, graceMs).unref();
}

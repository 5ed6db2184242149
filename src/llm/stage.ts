import os from 'node:os';
import { Ollama } from 'ollama';
import type { Report, SkippedNarrative } from '../model/report.js';
import { describeResidency, readResidency } from './model.js';
import { budgetFallback, createNarrator } from './narrate.js';
import { findOnPath, freeLoopbackPort, readIdentity, readTail, realClock, signalGroup, startDetached } from './process.js';
import { UNLIMITED, fetchWithDeadlines, formatDuration, settleWithin, type Budget } from '../util/deadline.js';
import { silenceMessage } from './idle.js';
import { formatSeconds, stopStartedServer, type LlmLog, type StartedServer } from './server.js';
import { prepareOllama, type ModelsCacheState, type PrepareDependencies } from './setup.js';
import { LLM_DISABLED_REASON, type LlmConfig } from './types.js';

/**
 * fetch for every Ollama request (version, show, tags, ps, pull, chat): a
 * request silent for `requestTimeoutMs`, before its headers or between two
 * chunks of its stream, is aborted with its socket, and the stage's budget
 * (`signal`) aborts whatever is still running when it runs out. The first
 * chat's headers wait for the model to load, which request-timeout allows.
 */
export function ollamaFetch(requestTimeoutMs: number, signal?: AbortSignal, fetchFn: typeof fetch = globalThis.fetch): typeof fetch {
  return fetchWithDeadlines(fetchFn, { idleMs: requestTimeoutMs, ...(signal ? { signal } : {}), idleMessage: silenceMessage });
}

export function llmBudgetReason(ms: number): string {
  return `the LLM stage's time budget (timeout: ${formatDuration(ms)}) ran out`;
}

/** Work that cannot be aborted (a cache download) gets this long past the budget before the stage moves on without it. */
const LLM_GRACE_MS = 2000;

/** The production edges for prepareOllama; the action adds the tool cache and the Actions cache. */
export function systemDependencies(log: LlmLog, options: { env?: NodeJS.ProcessEnv; tempDir?: string; requestTimeoutMs?: number; signal?: AbortSignal } = {}): PrepareDependencies {
  const env = options.env ?? process.env;
  const stopDeps = { identify: readIdentity, signal: signalGroup, clock: realClock, log };
  const fetch = ollamaFetch(options.requestTimeoutMs ?? 180_000, options.signal);
  return {
    fetch,
    ...(options.signal ? { abortSignal: options.signal } : {}),
    clock: realClock,
    log,
    env,
    tempDir: options.tempDir ?? os.tmpdir(),
    findExecutable: (name) => findOnPath(name, env),
    freePort: freeLoopbackPort,
    start: startDetached,
    identify: readIdentity,
    readTail,
    stop: async (started) => {
      await stopStartedServer(started.identity, stopDeps, 5000);
    },
    client: (url) => new Ollama({ host: url, fetch }),
  };
}

export interface LlmStage {
  /** The narrate stage for runPipeline, when a server and the model are ready. */
  narrate?: (report: Report) => Promise<void>;
  /** Why there is no narrative, when there is no narrate stage. */
  skipped?: SkippedNarrative;
  /** The one-line reason a model could not be used (unset when `llm: false`). */
  failure?: string;
  /** A server this run started: the action's post step (or the CLI on exit) stops it. */
  started?: StartedServer;
  cache?: ModelsCacheState;
}

/**
 * Everything before the model calls: server, model, cache. Failures become a
 * skipped narrative with the reason, never an exception, so the deterministic
 * report is still published.
 *
 * `budget` (the `timeout` input) covers this and the narrate stage, not the
 * analysis in between (it is paused here and resumed by narrate): every
 * request made with `deps` aborts when it runs out (systemDependencies links
 * the budget's signal), the narrator stops asking, and the report goes out
 * without the narrative, saying why. The budget is disposed when the stage
 * is over: here when there is nothing to narrate, else after narrate.
 */
export async function createLlmStage(config: LlmConfig, deps: PrepareDependencies, elapsed: () => number, budget: Budget = UNLIMITED): Promise<LlmStage> {
  if (!config.enabled) {
    budget.dispose();
    return { skipped: { status: 'skipped', reason: LLM_DISABLED_REASON } };
  }
  let outcome: Awaited<ReturnType<typeof prepareOllama>>;
  try {
    outcome = await settleWithin(prepareOllama(config, deps), budget.signal, LLM_GRACE_MS, () => ({ ok: false as const, reason: `${budget.reason} before the model was ready` }));
  } catch (err) {
    budget.dispose();
    const failure = `the Ollama setup failed unexpectedly: ${(err as Error).message}`;
    return { skipped: { status: 'skipped', reason: `${failure}. Every number below is computed from the files.` }, failure };
  }
  if (!outcome.ok) {
    budget.dispose();
    return {
      skipped: { status: 'skipped', reason: `${outcome.reason}. Every number below is computed from the files.` },
      failure: outcome.reason,
      ...(outcome.started ? { started: outcome.started } : {}),
      ...(outcome.cache ? { cache: outcome.cache } : {}),
    };
  }
  const { client, server, model, setup } = outcome;
  const facts = [model.parameterSize, model.quantization, model.digest ? `digest ${model.digest.slice(0, 12)}` : undefined].filter(Boolean).join(', ');
  deps.log.info(
    `Model ${model.name}${facts ? ` (${facts})` : ''} ready on Ollama ${server.version ?? '(unknown version)'} at ${server.url}` +
      `${setup.startMs !== undefined ? `; server start ${formatSeconds(setup.startMs)}` : ''}${setup.pullMs !== undefined ? `; pull ${formatSeconds(setup.pullMs)}` : ''}.`,
  );
  const narrator = createNarrator({ client, config, model, server, elapsed, log: deps.log, budget });
  budget.pause();
  const narrate = async (report: Report) => {
    budget.resume();
    try {
      const late = () => {
        // Only reached when something ignored the abort; the narrator's own result, should it come, is too late for the report.
        budgetFallback(report, budget.reason, deps.log);
        return false;
      };
      if (!(await settleWithin(narrator(report).then(() => true), budget.signal, LLM_GRACE_MS, late))) return;
      if (budget.signal.aborted) return;
      // Loaded by now, so `ps` can tell whether it fits in VRAM.
      await readResidency(client, model);
      const residency = describeResidency(model);
      if (residency) deps.log.info(`Model ${model.name} ran ${residency}.`);
    } finally {
      budget.dispose();
    }
  };
  return { narrate, ...(server.started ? { started: server.started } : {}), ...(outcome.cache ? { cache: outcome.cache } : {}) };
}

/** For the CLI, which has no post step: stop what this run started. */
export async function stopIfStarted(stage: LlmStage, log: LlmLog): Promise<void> {
  if (!stage.started) return;
  await stopStartedServer(stage.started.identity, { identify: readIdentity, signal: signalGroup, clock: realClock, log });
}

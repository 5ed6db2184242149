import os from 'node:os';
import { Ollama } from 'ollama';
import type { Report, SkippedNarrative } from '../model/report.js';
import { describeResidency, readResidency } from './model.js';
import { createNarrator } from './narrate.js';
import { findOnPath, freeLoopbackPort, readIdentity, readTail, realClock, signalGroup, startDetached } from './process.js';
import { formatSeconds, stopStartedServer, type LlmLog, type StartedServer } from './server.js';
import { prepareOllama, type ModelsCacheState, type PrepareDependencies } from './setup.js';
import type { LlmConfig } from './types.js';

export const LLM_DISABLED_REASON = 'llm: false, so no model was asked; every number below is computed from the files.';

/**
 * fetch with a deadline for the short metadata calls (show, tags, ps,
 * version), which the client would otherwise wait on forever. Streaming
 * calls (chat, pull) have their own idle timeouts: a model load may
 * legitimately delay their first byte.
 */
export function metadataTimeout(ms: number, fetchFn: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/api\/(show|tags|ps|version)$/.test(url) || init?.signal) return fetchFn(input, init);
    return fetchFn(input, { ...init, signal: AbortSignal.timeout(ms) });
  };
}

/** The production edges for prepareOllama; the action adds the tool cache and the Actions cache. */
export function systemDependencies(log: LlmLog, options: { env?: NodeJS.ProcessEnv; tempDir?: string; requestTimeoutMs?: number } = {}): PrepareDependencies {
  const env = options.env ?? process.env;
  const stopDeps = { identify: readIdentity, signal: signalGroup, clock: realClock, log };
  return {
    fetch: globalThis.fetch,
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
    client: (url) => new Ollama({ host: url, fetch: metadataTimeout(options.requestTimeoutMs ?? 180_000) }),
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
 */
export async function createLlmStage(config: LlmConfig, deps: PrepareDependencies, elapsed: () => number): Promise<LlmStage> {
  if (!config.enabled) return { skipped: { status: 'skipped', reason: LLM_DISABLED_REASON } };
  let outcome;
  try {
    outcome = await prepareOllama(config, deps);
  } catch (err) {
    const failure = `the Ollama setup failed unexpectedly: ${(err as Error).message}`;
    return { skipped: { status: 'skipped', reason: `${failure}. Every number below is computed from the files.` }, failure };
  }
  if (!outcome.ok) {
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
  const narrator = createNarrator({ client, config, model, server, elapsed, log: deps.log });
  const narrate = async (report: Report) => {
    await narrator(report);
    // Loaded by now, so `ps` can tell whether it fits in VRAM.
    await readResidency(client, model);
    const residency = describeResidency(model);
    if (residency) deps.log.info(`Model ${model.name} ran ${residency}.`);
  };
  return { narrate, ...(server.started ? { started: server.started } : {}), ...(outcome.cache ? { cache: outcome.cache } : {}) };
}

/** For the CLI, which has no post step: stop what this run started. */
export async function stopIfStarted(stage: LlmStage, log: LlmLog): Promise<void> {
  if (!stage.started) return;
  await stopStartedServer(stage.started.identity, { identify: readIdentity, signal: signalGroup, clock: realClock, log });
}

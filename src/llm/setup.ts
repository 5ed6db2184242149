import path from 'node:path';
import type { Ollama } from 'ollama';
import { ensureModel, type ModelClient } from './model.js';
import { modelsCacheKey, restoreModels, type CacheClient, type RestoredModels } from './models-cache.js';
import { abortReason, ensureServer, type OllamaServer, type ServerDependencies, type StartedServer } from './server.js';
import type { LlmConfig } from './types.js';
import { settleWithin } from '../util/deadline.js';
import type { ModelInfo } from '../model/llm.js';

export interface PrepareDependencies extends Omit<ServerDependencies, 'modelsDir'> {
  /** The official client for a server URL. */
  client(url: string): ModelClient & Pick<Ollama, 'chat'>;
  cache?: CacheClient;
}

export interface ModelsCacheState extends RestoredModels {
  dir: string;
}

export interface PreparedOllama {
  ok: true;
  client: ModelClient & Pick<Ollama, 'chat'>;
  server: OllamaServer;
  model: ModelInfo;
  /** Server start and model pull, measured apart from the model calls. */
  setup: { startMs?: number; pullMs?: number; pulled: boolean };
  cache?: ModelsCacheState;
}

export type PrepareOutcome = PreparedOllama | { ok: false; reason: string; started?: StartedServer; cache?: ModelsCacheState };

const RESTORE_GRACE_MS = 1000;

/** The models directory of a server we start when cache-models is on. */
export function modelsDirIn(tempDir: string): string {
  return path.join(tempDir, 'chimera-insight-ollama-models');
}

/**
 * A server (given, reused or started) with the model on it. With
 * cache-models, a server we start keeps its models in its own directory,
 * restored from the cache once the server has told us its version.
 * Never throws: what is missing comes back as a one-line reason.
 */
export async function prepareOllama(config: LlmConfig, deps: PrepareDependencies): Promise<PrepareOutcome> {
  const modelsDir = config.cacheModels ? modelsDirIn(deps.tempDir) : undefined;
  const serverOutcome = await ensureServer(config, { ...deps, ...(modelsDir ? { modelsDir } : {}) });
  if (!serverOutcome.ok) return serverOutcome;
  const server = serverOutcome.server;
  const started = server.started;
  let cache: ModelsCacheState | undefined;
  if (config.cacheModels) {
    if (server.origin !== 'started' || !modelsDir) {
      deps.log.info(`cache-models: the server at ${server.url} keeps its own models; only a server this action starts uses the cache.`);
    } else if (deps.cache) {
      const key = modelsCacheKey(config.model, server.version ?? 'unknown');
      // @actions/cache takes no signal: past the budget the stage goes on without the cache, and the started server is still returned to be stopped.
      const restore = restoreModels(deps.cache, modelsDir, key, deps.log);
      const restored = deps.abortSignal ? await settleWithin(restore, deps.abortSignal, RESTORE_GRACE_MS, () => undefined) : await restore;
      if (restored) cache = { dir: modelsDir, ...restored };
    }
  }
  if (deps.abortSignal?.aborted) {
    return { ok: false, reason: `${abortReason(deps.abortSignal)} before the model was ready`, ...(started ? { started } : {}), ...(cache ? { cache } : {}) };
  }
  const client = deps.client(server.url);
  const modelOutcome = await ensureModel(config.model, { client, clock: deps.clock, log: deps.log, idleTimeoutMs: config.requestTimeoutMs });
  if (!modelOutcome.ok) {
    return { ok: false, reason: modelOutcome.reason, ...(started ? { started } : {}), ...(cache ? { cache } : {}) };
  }
  const setup: PreparedOllama['setup'] = { pulled: modelOutcome.pulled };
  if (server.startMs !== undefined) setup.startMs = server.startMs;
  if (modelOutcome.pullMs !== undefined) setup.pullMs = modelOutcome.pullMs;
  return { ok: true, client, server, model: modelOutcome.model, setup, ...(cache ? { cache } : {}) };
}

import * as core from '@actions/core';
import { saveModels } from './llm/models-cache.js';
import { logSafe } from './util/log-safe.js';
import { readIdentity, realClock, signalGroup } from './llm/process.js';
import { stopStartedServer } from './llm/server.js';
import { parseSavedIdentity, STATE } from './llm/state.js';

/**
 * Post step (`post-if: always()`): stops the `ollama serve` the main step
 * started, and only that one, then saves the models cache. Nothing here
 * fails the job: the report was already published.
 */
export async function runPost(): Promise<void> {
  const log = { info: (m: string) => core.info(logSafe(m)), warning: (m: string) => core.warning(logSafe(m)) };
  const server = core.getState(STATE.server);
  if (server) {
    await stopStartedServer(parseSavedIdentity(server), { identify: readIdentity, signal: signalGroup, clock: realClock, log });
  }
  const dir = core.getState(STATE.modelsDir);
  const key = core.getState(STATE.modelsCacheKey);
  // The Actions cache loads only when there is a models directory to save.
  if (dir && key) await saveModels(await import('@actions/cache'), dir, key, log);
}

runPost().catch((err: unknown) => {
  core.warning(logSafe(`Chimera Insight post step: ${err instanceof Error ? err.message : String(err)}`));
});

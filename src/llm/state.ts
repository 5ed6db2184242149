import type { ProcessIdentity } from './process.js';
import type { LlmStage } from './stage.js';

/** Names of the values the main step saves (core.saveState) for the post step. */
export const STATE = {
  /** JSON ProcessIdentity of the `ollama serve` we spawned. */
  server: 'ollama-server',
  modelsDir: 'ollama-models-dir',
  modelsCacheKey: 'ollama-models-cache-key',
} as const;

/** What the post step needs, as state name → value; empty when there is nothing to clean up. */
export function stateFor(stage: LlmStage): Record<string, string> {
  const state: Record<string, string> = {};
  if (stage.started) {
    const identity: ProcessIdentity | { pid: number } = stage.started.identity ?? { pid: stage.started.pid };
    state[STATE.server] = JSON.stringify(identity);
  }
  // A cache entry hit exactly holds these models already; saving again would fail on the existing key.
  if (stage.cache && !stage.cache.hit) {
    state[STATE.modelsDir] = stage.cache.dir;
    state[STATE.modelsCacheKey] = stage.cache.key;
  }
  return state;
}

/** The saved identity, when it is a complete one (pid, start time, command). */
export function parseSavedIdentity(raw: string): ProcessIdentity | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<ProcessIdentity>;
    if (typeof v.pid === 'number' && typeof v.startTime === 'string' && typeof v.command === 'string') {
      return { pid: v.pid, startTime: v.startTime, command: v.command };
    }
  } catch {
    /* not ours */
  }
  return undefined;
}

import type { LlmLog } from './server.js';

/** The two calls of @actions/cache used here; tests pass a fake. */
export interface CacheClient {
  /** May answer asynchronously: the action loads @actions/cache on first use. */
  isFeatureAvailable(): boolean | Promise<boolean>;
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

/**
 * One cache entry per model and Ollama version: blobs are shared between
 * models, but a key per model keeps entries small and lets a version bump
 * (which may change the store layout) start clean.
 */
export function modelsCacheKey(model: string, ollamaVersion: string, platform: string = process.platform): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `chimera-insight-ollama-models-${platform}-${safe(ollamaVersion)}-${safe(model)}`;
}

export interface RestoredModels {
  key: string;
  /** The saved entry matched exactly: nothing new to save in the post step. */
  hit: boolean;
}

/** Restores the models directory; a failure is a warning and the model is pulled instead. */
export async function restoreModels(cache: CacheClient, dir: string, key: string, log: Pick<LlmLog, 'info' | 'warning'>): Promise<RestoredModels> {
  if (!(await cache.isFeatureAvailable())) {
    log.info('cache-models: the Actions cache service is not available here; the model is pulled.');
    return { key, hit: false };
  }
  try {
    const restored = await cache.restoreCache([dir], key);
    log.info(restored ? `cache-models: restored ${dir} from cache entry ${restored}.` : `cache-models: no cache entry ${key} yet.`);
    return { key, hit: restored === key };
  } catch (err) {
    log.warning(`cache-models: restoring ${key} failed, so the model is pulled: ${(err as Error).message}`);
    return { key, hit: false };
  }
}

/** Saves the models directory under `key`; failures (entry saved meanwhile by another job, no quota) are warnings. */
export async function saveModels(cache: CacheClient, dir: string, key: string, log: Pick<LlmLog, 'info' | 'warning'>): Promise<boolean> {
  if (!(await cache.isFeatureAvailable())) return false;
  try {
    const id = await cache.saveCache([dir], key);
    if (id === -1) {
      log.info(`cache-models: ${key} was not saved (already saved, or nothing to save).`);
      return false;
    }
    log.info(`cache-models: saved ${dir} as ${key}.`);
    return true;
  } catch (err) {
    log.warning(`cache-models: saving ${key} failed: ${(err as Error).message}`);
    return false;
  }
}

import path from 'node:path';
import { Ollama } from 'ollama';
import { afterEach, describe, expect, it } from 'vitest';
import { readLlmConfig } from '../../src/llm/config.js';
import { installOllama, releaseAsset, type ToolCache } from '../../src/llm/install.js';
import { modelsCacheKey, restoreModels, saveModels, type CacheClient } from '../../src/llm/models-cache.js';
import { freeLoopbackPort } from '../../src/llm/process.js';
import { modelsDirIn, prepareOllama, type PrepareDependencies } from '../../src/llm/setup.js';
import { createLlmStage } from '../../src/llm/stage.js';
import { parseSavedIdentity, stateFor } from '../../src/llm/state.js';
import { LLM_DISABLED_REASON } from '../../src/llm/types.js';
import { startEmulator, type RunningEmulator } from '../fakes/ollama-emulator.js';

function logLines() {
  const lines = { info: [] as string[], warning: [] as string[], groups: [] as string[] };
  return {
    lines,
    log: { info: (m: string) => lines.info.push(m), warning: (m: string) => lines.warning.push(m), group: (t: string) => lines.groups.push(t) },
  };
}

describe('installing a release with the tool cache', () => {
  function fakeToolCache(cached: string) {
    const calls: string[] = [];
    const tc: ToolCache = {
      find: (tool, version, arch) => {
        calls.push(`find ${tool} ${version} ${arch}`);
        return cached;
      },
      downloadTool: async (url) => {
        calls.push(`download ${url}`);
        return '/runner/temp/dl/archive';
      },
      extractTar: async (file, _dest, flags) => {
        calls.push(`extract ${file} ${String(flags)}`);
        return '/runner/temp/x';
      },
      cacheDir: async (dir, tool, version, arch) => {
        calls.push(`cacheDir ${dir} ${tool} ${version} ${arch}`);
        return '/opt/hostedtoolcache/ollama/0.12.6/x64';
      },
    };
    return { tc, calls };
  }

  it('downloads the Linux archive and caches the whole extracted tree, bin/ with lib/ollama/', async () => {
    const { tc, calls } = fakeToolCache('');
    const binary = await installOllama('0.12.6', tc, logLines().log, 'linux', 'x64');
    expect(binary).toBe(path.join('/opt/hostedtoolcache/ollama/0.12.6/x64', 'bin', 'ollama'));
    expect(calls).toEqual([
      'find ollama 0.12.6 x64',
      'download https://github.com/ollama/ollama/releases/download/v0.12.6/ollama-linux-amd64.tgz',
      'extract /runner/temp/dl/archive xz',
      'cacheDir /runner/temp/x ollama 0.12.6 x64',
    ]);
  });

  it('uses a release already in the tool cache without downloading', async () => {
    const { tc, calls } = fakeToolCache('/opt/hostedtoolcache/ollama/0.12.6/arm64');
    expect(await installOllama('0.12.6', tc, logLines().log, 'linux', 'arm64')).toBe(path.join('/opt/hostedtoolcache/ollama/0.12.6/arm64', 'bin', 'ollama'));
    expect(calls).toEqual(['find ollama 0.12.6 arm64']);
  });

  it('names the archive per platform and refuses the others', () => {
    expect(releaseAsset('0.12.6', 'linux', 'arm64').url).toBe('https://github.com/ollama/ollama/releases/download/v0.12.6/ollama-linux-arm64.tgz');
    expect(releaseAsset('0.12.6', 'darwin', 'arm64')).toEqual({ url: 'https://github.com/ollama/ollama/releases/download/v0.12.6/ollama-darwin.tgz', binary: 'ollama' });
    expect(() => releaseAsset('0.12.6', 'win32', 'x64')).toThrow('installing Ollama on win32 is not supported; put ollama on PATH or set ollama-url');
  });
});

describe('the models cache', () => {
  function fakeCache(overrides: Partial<CacheClient> = {}) {
    const calls: string[] = [];
    const cache: CacheClient = {
      isFeatureAvailable: () => true,
      restoreCache: async (paths, key) => {
        calls.push(`restore ${paths.join(',')} ${key}`);
        return undefined;
      },
      saveCache: async (paths, key) => {
        calls.push(`save ${paths.join(',')} ${key}`);
        return 42;
      },
      ...overrides,
    };
    return { cache, calls };
  }

  it('keys an entry by platform, Ollama version and model', () => {
    expect(modelsCacheKey('hf.co/org/repo:Q4_K_M', '0.12.6', 'linux')).toBe('chimera-insight-ollama-models-linux-0.12.6-hf.co_org_repo_Q4_K_M');
  });

  it('tells an exact hit from a miss', async () => {
    const key = 'chimera-insight-ollama-models-linux-0.12.6-gemma3_latest';
    const { log, lines } = logLines();
    const hit = fakeCache({ restoreCache: async () => key });
    expect(await restoreModels(hit.cache, '/tmp/models', key, log)).toEqual({ key, hit: true });
    const miss = fakeCache();
    expect(await restoreModels(miss.cache, '/tmp/models', key, log)).toEqual({ key, hit: false });
    expect(lines.info).toEqual([`cache-models: restored /tmp/models from cache entry ${key}.`, `cache-models: no cache entry ${key} yet.`]);
  });

  it('turns cache failures into warnings', async () => {
    const { log, lines } = logLines();
    const broken = fakeCache({
      restoreCache: async () => {
        throw new Error('Cache service responded with 503');
      },
      saveCache: async () => {
        throw new Error('Unable to reserve cache with key k');
      },
    });
    expect(await restoreModels(broken.cache, '/tmp/models', 'k', log)).toEqual({ key: 'k', hit: false });
    expect(await saveModels(broken.cache, '/tmp/models', 'k', log)).toBe(false);
    expect(lines.warning).toEqual([
      'cache-models: restoring k failed, so the model is pulled: Cache service responded with 503',
      'cache-models: saving k failed: Unable to reserve cache with key k',
    ]);
  });
});

describe('preparing server and model', () => {
  const emulators: RunningEmulator[] = [];
  afterEach(async () => {
    await Promise.all(emulators.splice(0).map((e) => e.close()));
  });

  async function started(registryOnly: boolean) {
    const port = await freeLoopbackPort();
    const model = { name: 'gemma3:latest', digest: 'sha256:abc123' };
    const emulator = await startEmulator({ version: '0.12.6', ...(registryOnly ? { registry: [model] } : { models: [model] }) }, { port });
    emulators.push(emulator);
    const restored: string[] = [];
    const { log, lines } = logLines();
    const deps: PrepareDependencies = {
      fetch: globalThis.fetch,
      clock: { now: () => 0, sleep: async () => {} },
      log,
      env: { OLLAMA_HOST: `127.0.0.1:${await freeLoopbackPort()}` },
      tempDir: '/runner/temp',
      findExecutable: () => '/usr/bin/ollama',
      freePort: async () => port,
      start: () => ({ pid: 4242, exitStatus: () => undefined }),
      identify: async (pid) => ({ pid, startTime: '77', command: '/usr/bin/ollama serve' }),
      readTail: () => [],
      stop: async () => {},
      client: (url) => new Ollama({ host: url }),
      cache: {
        isFeatureAvailable: () => true,
        restoreCache: async (paths, key) => {
          restored.push(`${paths.join(',')} ${key}`);
          return undefined;
        },
        saveCache: async () => 1,
      },
    };
    return { deps, restored, lines };
  }

  it('restores the models dir of a server it started, keyed by the version that server reports, then pulls', async () => {
    const { deps, restored } = await started(true);
    const outcome = await prepareOllama(readLlmConfig((n) => ({ 'cache-models': 'true' })[n] ?? '', { workspace: '/' }), deps);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(restored).toEqual([`${modelsDirIn('/runner/temp')} chimera-insight-ollama-models-${process.platform}-0.12.6-gemma3_latest`]);
    expect(outcome.setup.pulled).toBe(true);
    expect(outcome.model.digest).toBe('abc123');
    expect(stateFor({ started: outcome.server.started!, ...(outcome.cache ? { cache: outcome.cache } : {}) })).toEqual({
      'ollama-server': JSON.stringify({ pid: 4242, startTime: '77', command: '/usr/bin/ollama serve' }),
      'ollama-models-dir': modelsDirIn('/runner/temp'),
      'ollama-models-cache-key': `chimera-insight-ollama-models-${process.platform}-0.12.6-gemma3_latest`,
    });
  });

  it('keeps the started server in the outcome when the model then fails, so the post step stops it', async () => {
    const { deps } = await started(false);
    const outcome = await prepareOllama(readLlmConfig((n) => ({ model: 'gemma3:270m' })[n] ?? '', { workspace: '/' }), deps);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe('Model gemma3:270m is not on the server and could not be pulled: pull model manifest: file does not exist');
    expect(outcome.started?.pid).toBe(4242);
  });

  it('skips everything with llm: false', async () => {
    const { deps } = await started(false);
    expect(await createLlmStage(readLlmConfig((n) => ({ llm: 'false' })[n] ?? '', { workspace: '/' }), deps, () => 0)).toEqual({
      skipped: { status: 'skipped', reason: LLM_DISABLED_REASON },
    });
  });

  it('reads back only a complete saved identity', () => {
    expect(parseSavedIdentity('{"pid":4242,"startTime":"77","command":"/usr/bin/ollama serve"}')).toEqual({ pid: 4242, startTime: '77', command: '/usr/bin/ollama serve' });
    expect(parseSavedIdentity('{"pid":4242}')).toBeUndefined();
    expect(parseSavedIdentity('not json')).toBeUndefined();
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readLlmConfig } from '../../src/llm/config.js';
import { findOnPath, freeLoopbackPort, readIdentity, readTail, realClock, signalGroup, startDetached, type ProcessIdentity } from '../../src/llm/process.js';
import { defaultServerUrl, ensureServer, stopStartedServer, type ServerDependencies, type StartedServer } from '../../src/llm/server.js';
import type { LlmConfig } from '../../src/llm/types.js';
import { startEmulator, type RunningEmulator } from '../fakes/ollama-emulator.js';
import { installFakeOllama, pathWith } from '../helpers/fake-ollama.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';

function llmConfig(inputs: Record<string, string> = {}): LlmConfig {
  return readLlmConfig((name) => inputs[name] ?? '', { workspace: process.cwd() });
}

/** A clock that moves only when the code under test sleeps. */
function fakeClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => { t += ms; await new Promise((r) => setImmediate(r)); } };
}

/** Log capturing lines, as the action would show them. */
function captureLog() {
  const lines = { info: [] as string[], warning: [] as string[], groups: [] as { title: string; lines: string[] }[] };
  return {
    lines,
    log: {
      info: (m: string) => lines.info.push(m),
      warning: (m: string) => lines.warning.push(m),
      group: (title: string, l: string[]) => lines.groups.push({ title, lines: l }),
    },
  };
}

let closedPort: number;
const emulators: RunningEmulator[] = [];

beforeAll(async () => {
  closedPort = await freeLoopbackPort();
});

afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

function deps(overrides: Partial<ServerDependencies> = {}) {
  const { log, lines } = captureLog();
  const stopped: StartedServer[] = [];
  const d: ServerDependencies = {
    fetch: globalThis.fetch,
    clock: fakeClock(),
    log,
    env: { OLLAMA_HOST: `127.0.0.1:${closedPort}` },
    tempDir: '/runner/temp',
    findExecutable: () => undefined,
    freePort: freeLoopbackPort,
    start: () => {
      throw new Error('start not expected');
    },
    identify: async (pid) => ({ pid, startTime: '123', command: '/opt/ollama/bin/ollama serve' }),
    readTail: () => [],
    stop: async (s) => {
      stopped.push(s);
    },
    ...overrides,
  };
  return { deps: d, lines, stopped };
}

describe('choosing the server', () => {
  it('uses ollama-url when it answers, with the version it reports', async () => {
    const emulator = await startEmulator({ version: '0.12.6' });
    emulators.push(emulator);
    const { deps: d, lines } = deps();
    const outcome = await ensureServer(llmConfig({ 'ollama-url': emulator.url }), d);
    expect(outcome).toEqual({ ok: true, server: { url: emulator.url, origin: 'input', version: '0.12.6' } });
    expect(lines.info).toEqual([`Using the Ollama server at ${emulator.url} (ollama-url).`]);
  });

  it('gives the reason when ollama-url does not answer, and starts nothing', async () => {
    const { deps: d } = deps({ findExecutable: () => '/usr/bin/ollama' });
    const outcome = await ensureServer(llmConfig({ 'ollama-url': `http://127.0.0.1:${closedPort}` }), d);
    expect(outcome).toEqual({ ok: false, reason: `Ollama not reachable at http://127.0.0.1:${closedPort} (ollama-url): connection refused` });
  });

  it('reuses a server already answering at OLLAMA_HOST', async () => {
    const emulator = await startEmulator({ version: '0.11.10' });
    emulators.push(emulator);
    const { deps: d, lines } = deps({ env: { OLLAMA_HOST: `127.0.0.1:${emulator.port}` } });
    const outcome = await ensureServer(llmConfig(), d);
    expect(outcome).toEqual({ ok: true, server: { url: emulator.url, origin: 'reused', version: '0.11.10' } });
    expect(lines.info).toEqual([`Reusing the Ollama server already running at ${emulator.url}.`]);
  });

  it('does not take another HTTP service on the port for Ollama', async () => {
    const http = await import('node:http');
    const other = http.createServer((_, res) => res.end('<html>Jenkins</html>'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
    const port = (other.address() as { port: number }).port;
    const { deps: d } = deps({ env: { OLLAMA_HOST: `127.0.0.1:${port}` } });
    const outcome = await ensureServer(llmConfig(), d);
    other.close();
    expect(outcome).toEqual({ ok: false, reason: `Ollama not reachable at http://127.0.0.1:${port} and no \`ollama\` binary on PATH (set ollama-url or ollama-version)` });
  });

  it('says what to set when nothing answers and no ollama is on PATH', async () => {
    const { deps: d } = deps({ env: {} });
    const fetchRefused: typeof fetch = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    const outcome = await ensureServer(llmConfig(), { ...d, fetch: fetchRefused });
    expect(outcome).toEqual({ ok: false, reason: 'Ollama not reachable at http://127.0.0.1:11434 and no `ollama` binary on PATH (set ollama-url or ollama-version)' });
  });

  it('reports a failed install of ollama-version', async () => {
    const { deps: d } = deps({
      install: async () => {
        throw new Error('Unexpected HTTP response: 404');
      },
    });
    const outcome = await ensureServer(llmConfig({ 'ollama-version': '0.12.6' }), d);
    expect(outcome).toEqual({ ok: false, reason: `Ollama not reachable at http://127.0.0.1:${closedPort} and installing Ollama 0.12.6 failed: Unexpected HTTP response: 404` });
  });

  it('reads OLLAMA_HOST the way the ollama CLI does', () => {
    expect(defaultServerUrl({})).toBe('http://127.0.0.1:11434');
    expect(defaultServerUrl({ OLLAMA_HOST: '0.0.0.0' })).toBe('http://127.0.0.1:11434');
    expect(defaultServerUrl({ OLLAMA_HOST: '0.0.0.0:8080' })).toBe('http://127.0.0.1:8080');
    expect(defaultServerUrl({ OLLAMA_HOST: 'https://gpu-box:443' })).toBe('https://gpu-box:443');
  });
});

describe('starting ollama serve', () => {
  it('spawns `serve` on a free loopback port with its own log file and models dir, and waits for it', async () => {
    const port = await freeLoopbackPort();
    const spawned: { command: string; args: string[]; env: NodeJS.ProcessEnv; logFile: string }[] = [];
    let polls = 0;
    const { deps: d, lines } = deps({
      findExecutable: (name) => (name === 'ollama' ? '/opt/ollama/bin/ollama' : undefined),
      freePort: async () => port,
      modelsDir: '/runner/temp/models',
      start: (command, args, options) => {
        spawned.push({ command, args, ...options });
        return { pid: 4242, exitStatus: () => undefined };
      },
    });
    // The server comes up after a few polls, as a real one does after GPU discovery.
    const fetchSlowStart: typeof fetch = async (input, init) => {
      if (String(input).startsWith(`http://127.0.0.1:${port}`) && ++polls === 4) {
        emulators.push(await startEmulator({ version: '0.12.6' }, { port }));
      }
      return globalThis.fetch(input, init);
    };
    const env = { PATH: '/usr/bin', CUDA_VISIBLE_DEVICES: '0', 'INPUT_GITHUB-TOKEN': 'ghs_secret', ACTIONS_RUNTIME_TOKEN: 'jwt', GITHUB_TOKEN: 'ghs_secret', OLLAMA_HOST: `127.0.0.1:${closedPort}` };
    const outcome = await ensureServer(llmConfig(), { ...d, env, fetch: fetchSlowStart });
    expect(spawned).toHaveLength(1);
    expect(spawned[0]).toMatchObject({ command: '/opt/ollama/bin/ollama', args: ['serve'], logFile: path.join('/runner/temp', `ollama-serve-${port}.log`) });
    // The server gets the GPU environment, not the step's tokens.
    expect(spawned[0]?.env).toEqual({ PATH: '/usr/bin', CUDA_VISIBLE_DEVICES: '0', OLLAMA_HOST: `127.0.0.1:${port}`, OLLAMA_MODELS: '/runner/temp/models' });
    expect(outcome).toEqual({
      ok: true,
      server: {
        url: `http://127.0.0.1:${port}`,
        origin: 'started',
        version: '0.12.6',
        startMs: 750,
        started: {
          pid: 4242,
          binary: '/opt/ollama/bin/ollama',
          logFile: path.join('/runner/temp', `ollama-serve-${port}.log`),
          modelsDir: '/runner/temp/models',
          identity: { pid: 4242, startTime: '123', command: '/opt/ollama/bin/ollama serve' },
        },
      },
    });
    expect(lines.info.at(-1)).toBe(`Ollama 0.12.6 answered on http://127.0.0.1:${port} after 0.8s (pid 4242).`);
  });

  it('gives up after ollama-timeout, shows the log tail in a group and stops the server', async () => {
    const port = await freeLoopbackPort();
    const { deps: d, lines, stopped } = deps({
      findExecutable: () => '/usr/local/bin/ollama',
      freePort: async () => port,
      start: () => ({ pid: 4242, exitStatus: () => undefined }),
      readTail: (file, n) => (file.endsWith(`ollama-serve-${port}.log`) && n === 30 ? ['level=INFO msg="looking for compatible GPUs"', 'level=WARN msg="no NVIDIA driver detected"'] : []),
    });
    const outcome = await ensureServer(llmConfig({ 'ollama-timeout': '5s' }), d);
    expect(outcome).toEqual({
      ok: false,
      reason: `\`ollama serve\` (/usr/local/bin/ollama) did not answer on http://127.0.0.1:${port} within 5.0s (ollama-timeout); see the log group above`,
    });
    expect(lines.groups).toEqual([
      {
        title: `ollama serve log (last 2 lines of ${path.join('/runner/temp', `ollama-serve-${port}.log`)})`,
        lines: ['level=INFO msg="looking for compatible GPUs"', 'level=WARN msg="no NVIDIA driver detected"'],
      },
    ]);
    expect(stopped.map((s) => s.pid)).toEqual([4242]);
  });

  it('reports a server that exits before answering, with its exit code', async () => {
    const { deps: d, lines, stopped } = deps({
      findExecutable: () => '/usr/local/bin/ollama',
      freePort: async () => 40123,
      start: () => ({ pid: 4242, exitStatus: () => 'code 1' }),
      readTail: () => ['Error: listen tcp 127.0.0.1:40123: bind: address already in use'],
    });
    const outcome = await ensureServer(llmConfig(), d);
    expect(outcome).toEqual({ ok: false, reason: '`ollama serve` (/usr/local/bin/ollama) exited (code 1) before answering on http://127.0.0.1:40123; see the log group above' });
    expect(lines.groups[0]?.lines).toEqual(['Error: listen tcp 127.0.0.1:40123: bind: address already in use']);
    expect(stopped).toEqual([]);
  });
});

describe('stopping the server we started', () => {
  const ours: ProcessIdentity = { pid: 4242, startTime: '8812345', command: '/opt/ollama/bin/ollama serve' };

  function stopDeps(states: (ProcessIdentity | undefined)[]) {
    const signals: string[] = [];
    const { log, lines } = captureLog();
    let i = 0;
    return {
      signals,
      lines,
      deps: {
        identify: async () => states[Math.min(i++, states.length - 1)],
        signal: (pid: number, s: NodeJS.Signals) => {
          signals.push(`${s} ${pid}`);
          return true;
        },
        clock: fakeClock(),
        log,
      },
    };
  }

  it('sends SIGTERM to the process we spawned and waits until it is gone', async () => {
    const s = stopDeps([ours, ours, undefined]);
    expect(await stopStartedServer(ours, s.deps)).toBe('stopped');
    expect(s.signals).toEqual(['SIGTERM 4242']);
    expect(s.lines.info).toEqual(['Stopped the Ollama server this action started (pid 4242).']);
  });

  it('leaves a reused pid alone', async () => {
    const s = stopDeps([{ pid: 4242, startTime: '9900000', command: '/usr/bin/postgres' }]);
    expect(await stopStartedServer(ours, s.deps)).toBe('not-ours');
    expect(s.signals).toEqual([]);
    expect(s.lines.warning).toEqual(['pid 4242 now belongs to another process (/usr/bin/postgres); not stopping it.']);
  });

  it('does nothing when the server already exited', async () => {
    const s = stopDeps([undefined]);
    expect(await stopStartedServer(ours, s.deps)).toBe('gone');
    expect(s.signals).toEqual([]);
  });

  it('kills a server that ignores SIGTERM after the grace period', async () => {
    const s = stopDeps([ours]);
    expect(await stopStartedServer(ours, s.deps, 1000)).toBe('stopped');
    expect(s.signals).toEqual(['SIGTERM 4242', 'SIGKILL 4242']);
    expect(s.lines.warning).toEqual(['The Ollama server (pid 4242) ignored SIGTERM for 1.0s; killed it.']);
  });

  it('does not signal anything without a saved identity', async () => {
    const s = stopDeps([ours]);
    expect(await stopStartedServer(undefined, s.deps)).toBe('unverifiable');
    expect(s.signals).toEqual([]);
  });
});

describe.runIf(process.platform === 'linux' || process.platform === 'darwin')('the fake ollama executable, spawned for real', () => {
  let binDir: string;
  let temp: string;
  const pids: number[] = [];

  beforeAll(() => {
    binDir = installFakeOllama().binDir;
    temp = makeTempDir('chimera-serve-');
  });

  afterAll(() => {
    for (const pid of pids) signalGroup(pid, 'SIGKILL');
    removeDir(binDir);
    removeDir(temp);
  });

  function systemDeps(env: NodeJS.ProcessEnv) {
    const { log, lines } = captureLog();
    const d: ServerDependencies = {
      fetch: globalThis.fetch,
      clock: realClock,
      log,
      env,
      tempDir: temp,
      findExecutable: (name) => findOnPath(name, env),
      freePort: freeLoopbackPort,
      start: (command, args, options) => {
        const child = startDetached(command, args, options);
        pids.push(child.pid);
        return child;
      },
      identify: readIdentity,
      readTail,
      stop: async (s) => {
        await stopStartedServer(s.identity, { identify: readIdentity, signal: signalGroup, clock: realClock, log }, 3000);
      },
    };
    return { deps: d, lines };
  }

  it('starts it from PATH, reaches it, and stops exactly that process', async () => {
    const env = { PATH: pathWith(binDir), OLLAMA_HOST: `127.0.0.1:${closedPort}`, FAKE_OLLAMA_SCRIPT: path.join(temp, 'script.json') };
    writeFileSync(env.FAKE_OLLAMA_SCRIPT, JSON.stringify({ version: '0.12.6' }));
    const { deps: d } = systemDeps(env);
    const outcome = await ensureServer(llmConfig({ 'ollama-timeout': '20s' }), d);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.server.origin).toBe('started');
    expect(outcome.server.version).toBe('0.12.6');
    const started = outcome.server.started as StartedServer;
    expect(started.binary).toBe(path.join(binDir, 'ollama'));
    expect(started.identity?.command).toContain(`${path.join(binDir, 'ollama')} serve`);
    expect(readFileSync(started.logFile, 'utf8')).toContain(`Listening on 127.0.0.1:${new URL(outcome.server.url).port} (version 0.12.6)`);

    const stopLog = captureLog();
    expect(await stopStartedServer(started.identity, { identify: readIdentity, signal: signalGroup, clock: realClock, log: stopLog.log })).toBe('stopped');
    expect(await readIdentity(started.pid)).toBeUndefined();
    expect(readFileSync(started.logFile, 'utf8')).toContain('received SIGTERM, shutting down');
  });

  it('times out on a server that never becomes ready, shows its log and leaves no process behind', async () => {
    const env = { PATH: pathWith(binDir), OLLAMA_HOST: `127.0.0.1:${closedPort}`, FAKE_OLLAMA_MODE: 'never-ready' };
    const { deps: d, lines } = systemDeps(env);
    const outcome = await ensureServer(llmConfig({ 'ollama-timeout': '2s' }), d);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toMatch(/^`ollama serve` \(.*\/ollama\) did not answer on http:\/\/127\.0\.0\.1:\d+ within 2\.0s \(ollama-timeout\); see the log group above$/);
    expect(lines.groups).toHaveLength(1);
    expect(lines.groups[0]?.lines.some((l) => l.includes('looking for compatible GPUs'))).toBe(true);
    const pid = pids.at(-1) as number;
    expect(await readIdentity(pid)).toBeUndefined();
  });
});

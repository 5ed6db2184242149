import path from 'node:path';
import type { LlmConfig } from './types.js';
import { DeadlineError } from '../util/deadline.js';
import type { ProcessIdentity, StartProcess } from './process.js';

/** Where an Ollama server is found when nothing says otherwise (the CLI's default). */
export const DEFAULT_OLLAMA_URL = 'http://127.0.0.1:11434';
const PROBE_TIMEOUT_MS = 1500;
const POLL_INTERVAL_MS = 250;
const LOG_TAIL_LINES = 30;

export interface LlmLog {
  info(message: string): void;
  warning(message: string): void;
  /** A collapsed block of lines (a log group in the action). */
  group(title: string, lines: string[]): void;
}

export interface Clock {
  /** Monotonic milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface StartedServer {
  pid: number;
  identity?: ProcessIdentity;
  binary: string;
  logFile: string;
  modelsDir?: string;
}

export interface OllamaServer {
  url: string;
  /** `input`: ollama-url; `reused`: already answering; `started`: spawned by us (the post step stops it). */
  origin: 'input' | 'reused' | 'started';
  version?: string;
  started?: StartedServer;
  /** Time from spawn to the first answer, for a started server. */
  startMs?: number;
}

export type ServerOutcome = { ok: true; server: OllamaServer } | { ok: false; reason: string; started?: StartedServer };

export interface ServerDependencies {
  fetch: typeof fetch;
  clock: Clock;
  log: LlmLog;
  /** Environment for the spawned server (PATH, HOME, GPU variables) and OLLAMA_HOST lookup. */
  env: NodeJS.ProcessEnv;
  /** RUNNER_TEMP or the OS temp dir: the server's log file goes here. */
  tempDir: string;
  findExecutable(name: string): string | undefined;
  /** Installs the release and returns the path of its `ollama` executable. */
  install?(version: string): Promise<string>;
  freePort(): Promise<number>;
  start: StartProcess;
  identify(pid: number): Promise<ProcessIdentity | undefined>;
  readTail(file: string, lines: number): string[];
  /** Stops a server we started that never became ready. */
  stop(started: StartedServer): Promise<void>;
  /** OLLAMA_MODELS for a server we start (model caching on). */
  modelsDir?: string;
  /** The LLM stage's budget: no server is started and no wait goes on once it fired. */
  abortSignal?: AbortSignal;
}

/** The address `ollama` itself would use: OLLAMA_HOST when set, else 127.0.0.1:11434. */
export function defaultServerUrl(env: NodeJS.ProcessEnv): string {
  const host = env.OLLAMA_HOST?.trim();
  if (!host) return DEFAULT_OLLAMA_URL;
  const withScheme = host.includes('://') ? host : `http://${host}`;
  try {
    const url = new URL(withScheme);
    // A server bound to every interface is reached on the loopback one.
    const hostname = url.hostname === '0.0.0.0' || url.hostname === '[::]' ? '127.0.0.1' : url.hostname;
    // As ollama-js: a bare host gets 11434, an explicit scheme its own default port.
    const port = url.port || (host.includes('://') ? (url.protocol === 'https:' ? '443' : '80') : '11434');
    return `${url.protocol}//${hostname}:${port}`;
  } catch {
    return DEFAULT_OLLAMA_URL;
  }
}

/** GET / answers "Ollama is running" on a healthy server; anything else is described for the log. */
export async function probe(fetchFn: typeof fetch, url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<{ ok: true } | { ok: false; why: string }> {
  try {
    const res = await fetchFn(`${url}/`, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    if (res.ok && text.includes('Ollama is running')) return { ok: true };
    return { ok: false, why: `answered HTTP ${res.status} but not as Ollama` };
  } catch (err) {
    return { ok: false, why: describeFetchError(err) };
  }
}

export function describeFetchError(err: unknown): string {
  // Our own deadlines say which limit it was (request-timeout, the stage's budget).
  if (err instanceof DeadlineError) return err.message;
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'no answer in time';
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return e?.cause?.message ?? e?.message ?? String(err);
}

/** The version for the report; a server that does not say (or stalls) is used anyway, with a warning. */
async function serverVersion(deps: Pick<ServerDependencies, 'fetch' | 'log'>, url: string): Promise<string | undefined> {
  try {
    // Loaded here, not at the top: the post step stops a server with this module and needs no client.
    const { Ollama } = await import('ollama');
    return (await new Ollama({ host: url, fetch: deps.fetch }).version()).version;
  } catch (err) {
    deps.log.warning(`Ollama at ${url} did not tell its version (${describeFetchError(err)}); going on without it.`);
    return undefined;
  }
}

/**
 * `ollama-url` → that server; else one already answering at OLLAMA_HOST or
 * 127.0.0.1:11434 → reuse it; else start `ollama serve` (from PATH, or
 * installed when `ollama-version` is set) on a free loopback port and wait
 * for it. Never throws for an unavailable server: the reason says what to do.
 */
export async function ensureServer(config: LlmConfig, deps: ServerDependencies): Promise<ServerOutcome> {
  if (config.url) {
    const answer = await probe(deps.fetch, config.url);
    if (!answer.ok) return { ok: false, reason: `Ollama not reachable at ${config.url} (ollama-url): ${answer.why}` };
    deps.log.info(`Using the Ollama server at ${config.url} (ollama-url).`);
    return { ok: true, server: { url: config.url, origin: 'input', ...versionField(await serverVersion(deps, config.url)) } };
  }
  const local = defaultServerUrl(deps.env);
  const existing = await probe(deps.fetch, local);
  if (existing.ok) {
    deps.log.info(`Reusing the Ollama server already running at ${local}.`);
    return { ok: true, server: { url: local, origin: 'reused', ...versionField(await serverVersion(deps, local)) } };
  }

  let binary = deps.findExecutable('ollama');
  if (!binary && config.ollamaVersion && deps.install) {
    try {
      binary = await deps.install(config.ollamaVersion);
    } catch (err) {
      return { ok: false, reason: `Ollama not reachable at ${local} and installing Ollama ${config.ollamaVersion} failed: ${(err as Error).message}` };
    }
  }
  if (!binary) {
    return { ok: false, reason: `Ollama not reachable at ${local} and no \`ollama\` binary on PATH (set ollama-url or ollama-version)` };
  }
  return startServer(config, binary, deps);
}

function versionField(version: string | undefined): { version?: string } {
  return version ? { version } : {};
}

async function startServer(config: LlmConfig, binary: string, deps: ServerDependencies): Promise<ServerOutcome> {
  // An install that finished after the budget ran out: starting a server now would only leave it behind.
  if (deps.abortSignal?.aborted) return { ok: false, reason: `\`ollama serve\` was not started: ${abortReason(deps.abortSignal)}` };
  const port = await deps.freePort();
  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  const logFile = path.join(deps.tempDir, `ollama-serve-${port}.log`);
  const env: NodeJS.ProcessEnv = { ...serverEnvironment(deps.env), OLLAMA_HOST: host };
  if (deps.modelsDir) env.OLLAMA_MODELS = deps.modelsDir;
  deps.log.info(`Starting ${binary} serve on ${host}${deps.modelsDir ? ` with models in ${deps.modelsDir}` : ''} (log: ${logFile}).`);
  const begin = deps.clock.now();
  const child = deps.start(binary, ['serve'], { env, logFile });
  const started: StartedServer = { pid: child.pid, binary, logFile };
  if (deps.modelsDir) started.modelsDir = deps.modelsDir;
  if (child.pid > 0) {
    const identity = await deps.identify(child.pid);
    if (identity) started.identity = identity;
  }

  const fail = async (why: string): Promise<ServerOutcome> => {
    const tail = deps.readTail(logFile, LOG_TAIL_LINES);
    deps.log.group(`ollama serve log (last ${tail.length} lines of ${logFile})`, tail.length > 0 ? tail : ['(empty)']);
    if (child.exitStatus() === undefined && child.pid > 0) await deps.stop(started);
    return { ok: false, reason: `\`ollama serve\` (${binary}) ${why}; see the log group above` };
  };

  for (;;) {
    const status = child.exitStatus();
    if (status !== undefined) return fail(`exited (${status}) before answering on ${url}`);
    const answer = await probe(deps.fetch, url, Math.min(PROBE_TIMEOUT_MS, config.startTimeoutMs));
    if (answer.ok) break;
    if (deps.abortSignal?.aborted) return fail(`had not answered on ${url} when ${abortReason(deps.abortSignal)}`);
    if (deps.clock.now() - begin >= config.startTimeoutMs) {
      return fail(`did not answer on ${url} within ${formatSeconds(config.startTimeoutMs)} (ollama-timeout)`);
    }
    await deps.clock.sleep(POLL_INTERVAL_MS);
  }
  const startMs = deps.clock.now() - begin;
  const version = await serverVersion(deps, url);
  deps.log.info(`Ollama ${version ?? '(unknown version)'} answered on ${url} after ${formatSeconds(startMs)} (pid ${child.pid}).`);
  return { ok: true, server: { url, origin: 'started', started, startMs, ...versionField(version) } };
}

/**
 * The environment for `ollama serve`: the runner's, minus the step's inputs
 * (a token passed to this action) and the Actions runtime tokens, which a
 * server that outlives the step has no use for.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (/^(INPUT_|STATE_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$)/i.test(name) || /^(GITHUB_TOKEN|GH_TOKEN)$/i.test(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/** Why the stage's budget stopped the work, for the skipped narrative's reason. */
export function abortReason(signal: AbortSignal): string {
  return signal.reason instanceof Error ? signal.reason.message : 'the LLM stage was stopped';
}

export function formatSeconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)}s` : `${(ms / 1000).toFixed(1)}s`;
}

export interface StopDependencies {
  identify(pid: number): Promise<ProcessIdentity | undefined>;
  signal(pid: number, signal: NodeJS.Signals): boolean;
  clock: Clock;
  log: Pick<LlmLog, 'info' | 'warning'>;
}

/**
 * Stops the server this action started, and only that one: the pid must
 * still belong to the process we spawned (same start time and command), or
 * it is left alone. SIGTERM to its process group, SIGKILL after `graceMs`.
 */
export async function stopStartedServer(saved: ProcessIdentity | undefined, deps: StopDependencies, graceMs = 10_000): Promise<'stopped' | 'gone' | 'not-ours' | 'unverifiable'> {
  if (!saved) {
    deps.log.warning('The Ollama server this action started could not be identified, so it is left to the runner to clean up.');
    return 'unverifiable';
  }
  const current = await deps.identify(saved.pid);
  if (!current) {
    deps.log.info(`The Ollama server this action started (pid ${saved.pid}) has already exited.`);
    return 'gone';
  }
  if (current.startTime !== saved.startTime || current.command !== saved.command) {
    deps.log.warning(`pid ${saved.pid} now belongs to another process (${current.command}); not stopping it.`);
    return 'not-ours';
  }
  deps.signal(saved.pid, 'SIGTERM');
  const begin = deps.clock.now();
  while (deps.clock.now() - begin < graceMs) {
    await deps.clock.sleep(100);
    const now = await deps.identify(saved.pid);
    if (!now || now.startTime !== saved.startTime) {
      deps.log.info(`Stopped the Ollama server this action started (pid ${saved.pid}).`);
      return 'stopped';
    }
  }
  deps.signal(saved.pid, 'SIGKILL');
  deps.log.warning(`The Ollama server (pid ${saved.pid}) ignored SIGTERM for ${formatSeconds(graceMs)}; killed it.`);
  return 'stopped';
}

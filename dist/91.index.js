export const id = 91;
export const ids = [91];
export const modules = {

/***/ 9091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createLlmStage: () => (/* binding */ createLlmStage),
  llmBudgetReason: () => (/* binding */ llmBudgetReason),
  systemDependencies: () => (/* binding */ systemDependencies)
});

// UNUSED EXPORTS: ollamaFetch, stopIfStarted

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./node_modules/ollama/dist/index.mjs + 1 modules
var dist = __webpack_require__(266);
// EXTERNAL MODULE: ./src/llm/idle.ts
var idle = __webpack_require__(4577);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/deadline.ts
var deadline = __webpack_require__(4054);
;// CONCATENATED MODULE: ./src/llm/server.ts


/** Where an Ollama server is found when nothing says otherwise (the CLI's default). */
const DEFAULT_OLLAMA_URL = 'http://127.0.0.1:11434';
const PROBE_TIMEOUT_MS = 1500;
const POLL_INTERVAL_MS = 250;
const LOG_TAIL_LINES = 30;
/** The address `ollama` itself would use: OLLAMA_HOST when set, else 127.0.0.1:11434. */
function defaultServerUrl(env) {
    const host = env.OLLAMA_HOST?.trim();
    if (!host)
        return DEFAULT_OLLAMA_URL;
    const withScheme = host.includes('://') ? host : `http://${host}`;
    try {
        const url = new URL(withScheme);
        // A server bound to every interface is reached on the loopback one.
        const hostname = url.hostname === '0.0.0.0' || url.hostname === '[::]' ? '127.0.0.1' : url.hostname;
        // As ollama-js: a bare host gets 11434, an explicit scheme its own default port.
        const port = url.port || (host.includes('://') ? (url.protocol === 'https:' ? '443' : '80') : '11434');
        return `${url.protocol}//${hostname}:${port}`;
    }
    catch {
        return DEFAULT_OLLAMA_URL;
    }
}
/** GET / answers "Ollama is running" on a healthy server; anything else is described for the log. */
async function probe(fetchFn, url, timeoutMs = PROBE_TIMEOUT_MS) {
    try {
        const res = await fetchFn(`${url}/`, { signal: AbortSignal.timeout(timeoutMs) });
        const text = await res.text();
        if (res.ok && text.includes('Ollama is running'))
            return { ok: true };
        return { ok: false, why: `answered HTTP ${res.status} but not as Ollama` };
    }
    catch (err) {
        return { ok: false, why: describeFetchError(err) };
    }
}
function describeFetchError(err) {
    // Our own deadlines say which limit it was (request-timeout, the stage's budget).
    if (err instanceof deadline/* DeadlineError */.j3)
        return err.message;
    const e = err;
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
        return 'no answer in time';
    const code = e?.cause?.code;
    if (code === 'ECONNREFUSED')
        return 'connection refused';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return 'host not found';
    return e?.cause?.message ?? e?.message ?? String(err);
}
/** The version for the report; a server that does not say (or stalls) is used anyway, with a warning. */
async function serverVersion(deps, url) {
    try {
        // Loaded here, not at the top: the post step stops a server with this module and needs no client.
        const { Ollama } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 266));
        return (await new Ollama({ host: url, fetch: deps.fetch }).version()).version;
    }
    catch (err) {
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
async function ensureServer(config, deps) {
    if (config.url) {
        const answer = await probe(deps.fetch, config.url);
        if (!answer.ok)
            return { ok: false, reason: `Ollama not reachable at ${config.url} (ollama-url): ${answer.why}` };
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
        }
        catch (err) {
            return { ok: false, reason: `Ollama not reachable at ${local} and installing Ollama ${config.ollamaVersion} failed: ${err.message}` };
        }
    }
    if (!binary) {
        return { ok: false, reason: `Ollama not reachable at ${local} and no \`ollama\` binary on PATH (set ollama-url or ollama-version)` };
    }
    return startServer(config, binary, deps);
}
function versionField(version) {
    return version ? { version } : {};
}
async function startServer(config, binary, deps) {
    // An install that finished after the budget ran out: starting a server now would only leave it behind.
    if (deps.abortSignal?.aborted)
        return { ok: false, reason: `\`ollama serve\` was not started: ${abortReason(deps.abortSignal)}` };
    const port = await deps.freePort();
    const host = `127.0.0.1:${port}`;
    const url = `http://${host}`;
    const logFile = external_node_path_default().join(deps.tempDir, `ollama-serve-${port}.log`);
    const env = { ...serverEnvironment(deps.env), OLLAMA_HOST: host };
    if (deps.modelsDir)
        env.OLLAMA_MODELS = deps.modelsDir;
    deps.log.info(`Starting ${binary} serve on ${host}${deps.modelsDir ? ` with models in ${deps.modelsDir}` : ''} (log: ${logFile}).`);
    const begin = deps.clock.now();
    const child = deps.start(binary, ['serve'], { env, logFile });
    const started = { pid: child.pid, binary, logFile };
    if (deps.modelsDir)
        started.modelsDir = deps.modelsDir;
    if (child.pid > 0) {
        const identity = await deps.identify(child.pid);
        if (identity)
            started.identity = identity;
    }
    const fail = async (why) => {
        const tail = deps.readTail(logFile, LOG_TAIL_LINES);
        deps.log.group(`ollama serve log (last ${tail.length} lines of ${logFile})`, tail.length > 0 ? tail : ['(empty)']);
        if (child.exitStatus() === undefined && child.pid > 0)
            await deps.stop(started);
        return { ok: false, reason: `\`ollama serve\` (${binary}) ${why}; see the log group above` };
    };
    for (;;) {
        const status = child.exitStatus();
        if (status !== undefined)
            return fail(`exited (${status}) before answering on ${url}`);
        const answer = await probe(deps.fetch, url, Math.min(PROBE_TIMEOUT_MS, config.startTimeoutMs));
        if (answer.ok)
            break;
        if (deps.abortSignal?.aborted)
            return fail(`had not answered on ${url} when ${abortReason(deps.abortSignal)}`);
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
function serverEnvironment(env) {
    const kept = {};
    for (const [name, value] of Object.entries(env)) {
        if (/^(INPUT_|STATE_|ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$)/i.test(name) || /^(GITHUB_TOKEN|GH_TOKEN)$/i.test(name))
            continue;
        kept[name] = value;
    }
    return kept;
}
/** Why the stage's budget stopped the work, for the skipped narrative's reason. */
function abortReason(signal) {
    return signal.reason instanceof Error ? signal.reason.message : 'the LLM stage was stopped';
}
function formatSeconds(ms) {
    return ms >= 10_000 ? `${Math.round(ms / 1000)}s` : `${(ms / 1000).toFixed(1)}s`;
}
/**
 * Stops the server this action started, and only that one: the pid must
 * still belong to the process we spawned (same start time and command), or
 * it is left alone. SIGTERM to its process group, SIGKILL after `graceMs`.
 */
async function server_stopStartedServer(saved, deps, graceMs = 10_000) {
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

;// CONCATENATED MODULE: ./src/llm/model.ts


/** `gemma3` and `gemma3:latest` name the same model. */
function canonicalModelName(name) {
    const last = name.split('/').pop() ?? name;
    return last.includes(':') ? name : `${name}:latest`;
}
function statusOf(err) {
    const code = err.status_code;
    return typeof code === 'number' ? code : undefined;
}
function messageOf(err) {
    return err instanceof Error ? err.message : String(err);
}
/**
 * `show` the model; when the server does not have it, `pull` it with
 * progress in the log. Then record digest (from `list`), parameter size,
 * quantization and family (from `show`), and GPU residency when it is
 * already loaded (`ps`).
 */
async function ensureModel(name, deps) {
    let pulled = false;
    let pullMs;
    let shown;
    try {
        shown = await deps.client.show({ model: name });
    }
    catch (err) {
        if (statusOf(err) !== 404)
            return { ok: false, reason: `Could not look up model ${name}: ${messageOf(err)}` };
        deps.log.info(`Model ${name} is not on the server; pulling it.`);
        const begin = deps.clock.now();
        const failure = await pullModel(name, deps);
        if (failure)
            return { ok: false, reason: `Model ${name} is not on the server and could not be pulled: ${failure}` };
        pulled = true;
        pullMs = deps.clock.now() - begin;
        try {
            shown = await deps.client.show({ model: name });
        }
        catch (again) {
            return { ok: false, reason: `Model ${name} was pulled but cannot be shown: ${messageOf(again)}` };
        }
    }
    const model = { name };
    const d = shown.details;
    if (d?.parameter_size)
        model.parameterSize = d.parameter_size;
    if (d?.quantization_level)
        model.quantization = d.quantization_level;
    if (d?.family)
        model.family = d.family;
    try {
        const wanted = canonicalModelName(name);
        const listed = (await deps.client.list()).models.find((m) => canonicalModelName(m.name) === wanted || canonicalModelName(m.model) === wanted);
        if (listed?.digest)
            model.digest = listed.digest;
    }
    catch (err) {
        deps.log.warning(`Could not list models for the digest of ${name}: ${messageOf(err)}`);
    }
    await readResidency(deps.client, model);
    return pulled ? { ok: true, model, pulled, ...(pullMs !== undefined ? { pullMs } : {}) } : { ok: true, model, pulled };
}
/**
 * Fills in `size` and `sizeVram` from `ps` when the model is loaded. Called
 * again after the report calls, when the model certainly is.
 */
async function readResidency(client, model) {
    try {
        const wanted = canonicalModelName(model.name);
        const running = (await client.ps()).models.find((m) => canonicalModelName(m.name) === wanted || canonicalModelName(m.model) === wanted);
        if (!running)
            return;
        model.size = running.size;
        model.sizeVram = running.size_vram;
    }
    catch {
        /* residency is informative; an old server without /api/ps just leaves it unknown */
    }
}
/** "fully on the GPU", "62% on the GPU", "on the CPU", or undefined when unknown. */
function describeResidency(model) {
    if (model.size === undefined || model.sizeVram === undefined || model.size <= 0)
        return undefined;
    if (model.sizeVram >= model.size)
        return 'fully on the GPU';
    if (model.sizeVram === 0)
        return 'on the CPU';
    return `${Math.floor((model.sizeVram / model.size) * 100)}% on the GPU`;
}
/** Returns undefined on success, else why the pull failed. */
async function pullModel(name, deps) {
    const progress = new PullProgress(name, deps.clock, deps.log);
    const silent = `no progress for ${formatSeconds(deps.idleTimeoutMs)} (request-timeout)`;
    const opening = deps.client.pull({ model: name, stream: true });
    let stream;
    try {
        const opened = await (0,idle/* withinIdle */.I)(opening, deps.idleTimeoutMs);
        if (opened === 'timeout') {
            // Abort it should it open later, so no pull keeps running behind the report.
            opening.then((late) => late.abort(), () => undefined);
            return silent;
        }
        stream = opened;
    }
    catch (err) {
        return messageOf(err);
    }
    const iterator = stream[Symbol.asyncIterator]();
    for (;;) {
        let next;
        try {
            next = await (0,idle/* withinIdle */.I)(iterator.next(), deps.idleTimeoutMs);
        }
        catch (err) {
            return messageOf(err);
        }
        if (next === 'timeout') {
            stream.abort();
            return silent;
        }
        if (next.done)
            break;
        progress.update(next.value);
    }
    if (!progress.succeeded)
        return 'the pull ended without success';
    progress.finish();
    return undefined;
}
const MB = 1_000_000;
/**
 * Logs pull progress as percent and MB over all layers: a line at every 10%
 * step or every 5 s, whichever comes first, instead of one per chunk.
 */
class PullProgress {
    name;
    clock;
    log;
    intervalMs;
    layers = new Map();
    lastPercentStep = -1;
    lastLogAt;
    succeeded = false;
    constructor(name, clock, log, intervalMs = 5000) {
        this.name = name;
        this.clock = clock;
        this.log = log;
        this.intervalMs = intervalMs;
        this.lastLogAt = clock.now();
    }
    update(p) {
        if (p.status === 'success') {
            this.succeeded = true;
            return;
        }
        if (!p.digest || !p.total)
            return;
        this.layers.set(p.digest, { total: p.total, completed: p.completed ?? 0 });
        let total = 0;
        let completed = 0;
        for (const layer of this.layers.values()) {
            total += layer.total;
            completed += Math.min(layer.completed, layer.total);
        }
        const percent = Math.floor((completed * 100) / total);
        const step = Math.floor(percent / 10);
        const now = this.clock.now();
        if (step > this.lastPercentStep || now - this.lastLogAt >= this.intervalMs) {
            this.lastPercentStep = Math.max(step, this.lastPercentStep);
            this.lastLogAt = now;
            this.log.info(`Pulling ${this.name}: ${percent}% (${Math.round(completed / MB)} of ${Math.round(total / MB)} MB)`);
        }
    }
    finish() {
        let total = 0;
        for (const layer of this.layers.values())
            total += layer.total;
        this.log.info(`Pulled ${this.name} (${Math.round(total / MB)} MB).`);
    }
}

// EXTERNAL MODULE: ./src/llm/narrate.ts + 1 modules
var llm_narrate = __webpack_require__(473);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/llm/process.ts





/**
 * The operating-system edge of the server lifecycle: finding, spawning,
 * identifying and stopping `ollama serve`. Everything here is passed into
 * server.ts and post.ts, so their logic is tested with fakes.
 */
const execFileAsync = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const process_realClock = {
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/**
 * Starts a long-lived server detached in its own process group (no shell),
 * stdout and stderr appended to `logFile`, so it outlives this step and the
 * post step can stop the whole group.
 */
const startDetached = (command, args, { env, logFile }) => {
    const fd = (0,external_node_fs_.openSync)(logFile, 'a');
    try {
        const child = (0,external_node_child_process_.spawn)(command, args, { detached: true, stdio: ['ignore', fd, fd], env, shell: false, windowsHide: true });
        let status;
        child.on('exit', (code, signal) => {
            status = signal ? `signal ${signal}` : `code ${code}`;
        });
        child.on('error', (err) => {
            status = `error ${err.message}`;
        });
        child.unref();
        if (child.pid === undefined) {
            // spawn reports ENOENT/EACCES asynchronously; the pid is missing synchronously.
            return { pid: -1, exitStatus: () => status ?? 'error could not start' };
        }
        return { pid: child.pid, exitStatus: () => status };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
};
/** The first executable `name` on PATH (PATHEXT on Windows), like `which`. */
function findOnPath(name, env = process.env) {
    const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
    for (const dir of (env.PATH ?? '').split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        for (const ext of exts) {
            const candidate = external_node_path_default().join(dir, name + ext.toLowerCase());
            try {
                (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
                return candidate;
            }
            catch {
                /* next */
            }
        }
    }
    return undefined;
}
/** A free TCP port on the loopback interface, as the kernel hands one out. */
function freeLoopbackPort() {
    return new Promise((resolve, reject) => {
        const server = external_node_net_default().createServer();
        server.unref();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            server.close(() => resolve(port));
        });
    });
}
/** The last `lines` lines of a log file, or [] when it cannot be read. */
function readTail(file, lines) {
    try {
        const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        return text.split(/\r?\n/).filter((l) => l !== '').slice(-lines);
    }
    catch {
        return [];
    }
}
/** Who `pid` is now, or undefined when no such process exists (or it cannot be told on this platform). */
async function process_readIdentity(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return undefined;
    if (process.platform === 'linux') {
        try {
            const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
            // Field 2 (comm) is parenthesised and may hold spaces; fields after it are plain.
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            if (fields[0] === 'Z')
                return undefined; // exited, waiting for its parent
            const command = (0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
            return { pid, startTime: fields[19] ?? '', command };
        }
        catch {
            return undefined;
        }
    }
    if (process.platform === 'win32')
        return undefined;
    try {
        const { stdout } = await execFileAsync('ps', ['-o', 'lstart=', '-o', 'command=', '-p', String(pid)], { timeout: 10_000 });
        const line = stdout.trim();
        if (!line)
            return undefined;
        // lstart is fixed-width: "Fri Nov 14 19:34:13 2025".
        return { pid, startTime: line.slice(0, 24), command: line.slice(24).trim() };
    }
    catch {
        return undefined;
    }
}
/** Signals the process group led by `pid` (a detached child leads its own), falling back to the process. */
function process_signalGroup(pid, signal) {
    try {
        process.kill(process.platform === 'win32' ? pid : -pid, signal);
        return true;
    }
    catch {
        try {
            process.kill(pid, signal);
            return true;
        }
        catch {
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./src/llm/models-cache.ts
/**
 * One cache entry per model and Ollama version: blobs are shared between
 * models, but a key per model keeps entries small and lets a version bump
 * (which may change the store layout) start clean.
 */
function modelsCacheKey(model, ollamaVersion, platform = process.platform) {
    const safe = (s) => s.replace(/[^A-Za-z0-9._-]+/g, '_');
    return `chimera-insight-ollama-models-${platform}-${safe(ollamaVersion)}-${safe(model)}`;
}
/** Restores the models directory; a failure is a warning and the model is pulled instead. */
async function restoreModels(cache, dir, key, log) {
    if (!(await cache.isFeatureAvailable())) {
        log.info('cache-models: the Actions cache service is not available here; the model is pulled.');
        return { key, hit: false };
    }
    try {
        const restored = await cache.restoreCache([dir], key);
        log.info(restored ? `cache-models: restored ${dir} from cache entry ${restored}.` : `cache-models: no cache entry ${key} yet.`);
        return { key, hit: restored === key };
    }
    catch (err) {
        log.warning(`cache-models: restoring ${key} failed, so the model is pulled: ${err.message}`);
        return { key, hit: false };
    }
}
/** Saves the models directory under `key`; failures (entry saved meanwhile by another job, no quota) are warnings. */
async function saveModels(cache, dir, key, log) {
    if (!(await cache.isFeatureAvailable()))
        return false;
    try {
        const id = await cache.saveCache([dir], key);
        if (id === -1) {
            log.info(`cache-models: ${key} was not saved (already saved, or nothing to save).`);
            return false;
        }
        log.info(`cache-models: saved ${dir} as ${key}.`);
        return true;
    }
    catch (err) {
        log.warning(`cache-models: saving ${key} failed: ${err.message}`);
        return false;
    }
}

;// CONCATENATED MODULE: ./src/llm/setup.ts





const RESTORE_GRACE_MS = 1000;
/** The models directory of a server we start when cache-models is on. */
function modelsDirIn(tempDir) {
    return external_node_path_default().join(tempDir, 'chimera-insight-ollama-models');
}
/**
 * A server (given, reused or started) with the model on it. With
 * cache-models, a server we start keeps its models in its own directory,
 * restored from the cache once the server has told us its version.
 * Never throws: what is missing comes back as a one-line reason.
 */
async function prepareOllama(config, deps) {
    const modelsDir = config.cacheModels ? modelsDirIn(deps.tempDir) : undefined;
    const serverOutcome = await ensureServer(config, { ...deps, ...(modelsDir ? { modelsDir } : {}) });
    if (!serverOutcome.ok)
        return serverOutcome;
    const server = serverOutcome.server;
    const started = server.started;
    let cache;
    if (config.cacheModels) {
        if (server.origin !== 'started' || !modelsDir) {
            deps.log.info(`cache-models: the server at ${server.url} keeps its own models; only a server this action starts uses the cache.`);
        }
        else if (deps.cache) {
            const key = modelsCacheKey(config.model, server.version ?? 'unknown');
            // @actions/cache takes no signal: past the budget the stage goes on without the cache, and the started server is still returned to be stopped.
            const restore = restoreModels(deps.cache, modelsDir, key, deps.log);
            const restored = deps.abortSignal ? await (0,deadline/* settleWithin */.fb)(restore, deps.abortSignal, RESTORE_GRACE_MS, () => undefined) : await restore;
            if (restored)
                cache = { dir: modelsDir, ...restored };
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
    const setup = { pulled: modelOutcome.pulled };
    if (server.startMs !== undefined)
        setup.startMs = server.startMs;
    if (modelOutcome.pullMs !== undefined)
        setup.pullMs = modelOutcome.pullMs;
    return { ok: true, client, server, model: modelOutcome.model, setup, ...(cache ? { cache } : {}) };
}

// EXTERNAL MODULE: ./src/llm/types.ts
var types = __webpack_require__(7222);
;// CONCATENATED MODULE: ./src/llm/stage.ts










/**
 * fetch for every Ollama request (version, show, tags, ps, pull, chat): a
 * request silent for `requestTimeoutMs`, before its headers or between two
 * chunks of its stream, is aborted with its socket, and the stage's budget
 * (`signal`) aborts whatever is still running when it runs out. The first
 * chat's headers wait for the model to load, which request-timeout allows.
 */
function ollamaFetch(requestTimeoutMs, signal, fetchFn = globalThis.fetch) {
    return (0,deadline/* fetchWithDeadlines */.wH)(fetchFn, { idleMs: requestTimeoutMs, ...(signal ? { signal } : {}), idleMessage: idle/* silenceMessage */.T });
}
function llmBudgetReason(ms) {
    return `the LLM stage's time budget (timeout: ${(0,deadline/* formatDuration */.a3)(ms)}) ran out`;
}
/** Work that cannot be aborted (a cache download) gets this long past the budget before the stage moves on without it. */
const LLM_GRACE_MS = 2000;
/** The production edges for prepareOllama; the action adds the tool cache and the Actions cache. */
function systemDependencies(log, options = {}) {
    const env = options.env ?? process.env;
    const stopDeps = { identify: process_readIdentity, signal: process_signalGroup, clock: process_realClock, log };
    const fetch = ollamaFetch(options.requestTimeoutMs ?? 180_000, options.signal);
    return {
        fetch,
        ...(options.signal ? { abortSignal: options.signal } : {}),
        clock: process_realClock,
        log,
        env,
        tempDir: options.tempDir ?? external_node_os_default().tmpdir(),
        findExecutable: (name) => findOnPath(name, env),
        freePort: freeLoopbackPort,
        start: startDetached,
        identify: process_readIdentity,
        readTail: readTail,
        stop: async (started) => {
            await server_stopStartedServer(started.identity, stopDeps, 5000);
        },
        client: (url) => new dist.Ollama({ host: url, fetch }),
    };
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
async function createLlmStage(config, deps, elapsed, budget = deadline/* UNLIMITED */.Mp) {
    if (!config.enabled) {
        budget.dispose();
        return { skipped: { status: 'skipped', reason: types/* LLM_DISABLED_REASON */.s } };
    }
    let outcome;
    try {
        outcome = await (0,deadline/* settleWithin */.fb)(prepareOllama(config, deps), budget.signal, LLM_GRACE_MS, () => ({ ok: false, reason: `${budget.reason} before the model was ready` }));
    }
    catch (err) {
        budget.dispose();
        const failure = `the Ollama setup failed unexpectedly: ${err.message}`;
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
    deps.log.info(`Model ${model.name}${facts ? ` (${facts})` : ''} ready on Ollama ${server.version ?? '(unknown version)'} at ${server.url}` +
        `${setup.startMs !== undefined ? `; server start ${formatSeconds(setup.startMs)}` : ''}${setup.pullMs !== undefined ? `; pull ${formatSeconds(setup.pullMs)}` : ''}.`);
    const narrator = (0,llm_narrate/* createNarrator */.MB)({ client, config, model, server, elapsed, log: deps.log, budget });
    budget.pause();
    const narrate = async (report) => {
        budget.resume();
        try {
            const late = () => {
                // Only reached when something ignored the abort; the narrator's own result, should it come, is too late for the report.
                (0,llm_narrate/* budgetFallback */.Ay)(report, budget.reason, deps.log);
                return false;
            };
            if (!(await (0,deadline/* settleWithin */.fb)(narrator(report).then(() => true), budget.signal, LLM_GRACE_MS, late)))
                return;
            if (budget.signal.aborted)
                return;
            // Loaded by now, so `ps` can tell whether it fits in VRAM.
            await readResidency(client, model);
            const residency = describeResidency(model);
            if (residency)
                deps.log.info(`Model ${model.name} ran ${residency}.`);
        }
        finally {
            budget.dispose();
        }
    };
    return { narrate, ...(server.started ? { started: server.started } : {}), ...(outcome.cache ? { cache: outcome.cache } : {}) };
}
/** For the CLI, which has no post step: stop what this run started. */
async function stopIfStarted(stage, log) {
    if (!stage.started)
        return;
    await stopStartedServer(stage.started.identity, { identify: readIdentity, signal: signalGroup, clock: realClock, log });
}


/***/ })

};

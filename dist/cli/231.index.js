export const id = 231;
export const ids = [231];
export const modules = {

/***/ 4231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createLlmStage: () => (/* binding */ createLlmStage),
  llmBudgetReason: () => (/* binding */ llmBudgetReason),
  stopIfStarted: () => (/* binding */ stopIfStarted),
  systemDependencies: () => (/* binding */ systemDependencies)
});

// UNUSED EXPORTS: ollamaFetch

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./node_modules/ollama/dist/index.mjs + 1 modules
var dist = __webpack_require__(266);
;// CONCATENATED MODULE: ./src/llm/idle.ts
/**
 * `promise`, or 'timeout' when it has not settled within `ms`: the idle limit
 * of a streamed call (chat, pull), checked before it opens and between chunks.
 * The caller aborts the request; a rejection that comes after the timeout is
 * handled by the race and goes nowhere.
 */
async function withinIdle(promise, ms) {
    let timer;
    const silence = new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), ms);
    });
    try {
        return await Promise.race([promise, silence]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** Why a request to Ollama was aborted for silence; the same words whether the call or its fetch noticed first. */
function silenceMessage(ms) {
    const shown = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
    return `no data from Ollama for ${shown} (request timeout); request aborted`;
}

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
async function stopStartedServer(saved, deps, graceMs = 10_000) {
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
        const opened = await withinIdle(opening, deps.idleTimeoutMs);
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
            next = await withinIdle(iterator.next(), deps.idleTimeoutMs);
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

;// CONCATENATED MODULE: ./src/llm/call.ts

class StallError extends Error {
}
const NS_PER_MS = 1e6;
function nsToMs(ns) {
    return typeof ns === 'number' && Number.isFinite(ns) ? ns / NS_PER_MS : null;
}
function count(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
/**
 * Node's fetch reports a dropped stream as "terminated" and a refused
 * connection as "fetch failed" with the reason in `cause`: both are reworded
 * so the report's one-line reason says what happened.
 */
function describe(err) {
    const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message.replace(/\s+/g, ' ').trim() : '';
    if (message === 'terminated' || /other side closed|socket hang up|ECONNRESET/.test(`${message} ${cause}`))
        return 'the connection to Ollama closed before the answer was complete';
    if (message === 'fetch failed' && cause)
        return `could not reach Ollama (${cause})`;
    return message || 'unknown error';
}
/**
 * One streamed chat call, measured. TTFT is client-side, from sending the
 * request to the first chunk with non-empty content; the durations and token
 * counts are the server's, from the final chunk (nanoseconds → ms), and
 * tokens/s is eval_count / eval_duration. A stalled stream is aborted after
 * `timeoutMs` of silence; an `{"error": …}` line mid-stream (which ollama-js
 * throws) ends the call. Never throws: failures are in `call.error`.
 */
async function measuredChat(client, request, ctx) {
    const start = ctx.elapsed();
    let ttftMs = null;
    let content = '';
    let final;
    let error;
    try {
        const opening = client.chat({ ...request, stream: true });
        const stream = await withinIdle(opening, ctx.timeoutMs);
        if (stream === 'timeout') {
            // The stream may still open later: abort it then, so no request is left running.
            opening.then((late) => late.abort(), () => undefined);
            throw new StallError();
        }
        const iterator = stream[Symbol.asyncIterator]();
        for (;;) {
            const next = await withinIdle(iterator.next(), ctx.timeoutMs);
            if (next === 'timeout') {
                stream.abort();
                throw new StallError();
            }
            if (next.done)
                break;
            const chunk = next.value;
            if (typeof chunk.error === 'string')
                throw new Error(chunk.error);
            const piece = chunk.message?.content ?? '';
            if (piece.length > 0) {
                if (ttftMs === null)
                    ttftMs = ctx.elapsed() - start;
                content += piece;
            }
            if (chunk.done)
                final = chunk;
        }
        if (!final)
            error = 'the stream ended without a final message';
    }
    catch (err) {
        error = err instanceof StallError ? silenceMessage(ctx.timeoutMs) : describe(err);
    }
    const evalCount = count(final?.eval_count);
    const evalMs = nsToMs(final?.eval_duration);
    const call = {
        stage: ctx.stage,
        run: ctx.run,
        ttftMs,
        tokensPerSecond: evalCount !== null && evalMs !== null && evalMs > 0 ? evalCount / (evalMs / 1000) : null,
        promptTokens: count(final?.prompt_eval_count),
        outputTokens: evalCount,
        promptEvalMs: nsToMs(final?.prompt_eval_duration),
        evalMs,
        loadMs: nsToMs(final?.load_duration),
        totalMs: nsToMs(final?.total_duration),
        wallMs: ctx.elapsed() - start,
    };
    if (error !== undefined)
        call.error = error;
    const result = { call, content };
    if (final?.done_reason)
        result.doneReason = final.done_reason;
    return result;
}

// EXTERNAL MODULE: ./src/llm/call-metrics.ts
var call_metrics = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/llm/facts.ts
var facts = __webpack_require__(4676);
// EXTERNAL MODULE: ./src/llm/prompt.ts
var llm_prompt = __webpack_require__(2125);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
// EXTERNAL MODULE: ./src/llm/verify.ts + 3 modules
var verify = __webpack_require__(4115);
;// CONCATENATED MODULE: ./src/llm/narrate.ts






/** Sets a fallback narrative and says why in the log: the report goes out without the model's answer. */
function fallback(report, reason, log) {
    report.narrative = { status: 'fallback', reason };
    log.warning(`Narrative fallback: ${reason}`);
}
/** The fallback once the stage's `timeout` ran out; the stage sets it too when the narrator ignored the abort. */
function budgetFallback(report, budgetReason, log) {
    fallback(report, `${budgetReason}; the report below is computed from the files alone.`, log);
}
/** Ollama's default temperature, used to pick the retry's lower one when the user set none. */
const OLLAMA_DEFAULT_TEMPERATURE = 0.8;
const RETRY_TEMPERATURE_CAP = 0.2;
/** prompt_eval_count under this share of the estimate means the prompt was cut (the estimate errs high). */
const TRUNCATION_RATIO = 0.5;
function retryTemperature(options) {
    const t = typeof options.temperature === 'number' && options.temperature >= 0 ? options.temperature : OLLAMA_DEFAULT_TEMPERATURE;
    return Math.min(RETRY_TEMPERATURE_CAP, t / 2);
}
function round(ms) {
    return ms === null ? '–' : `${Math.round(ms)} ms`;
}
function callLine(c) {
    const label = c.stage === 'warmup' ? 'warm-up' : `run ${c.run} (${c.stage})`;
    if (c.error)
        return `LLM ${label} failed after ${round(c.wallMs)}: ${c.error}`;
    if (c.stage === 'warmup')
        return `LLM ${label}: model loaded in ${round(c.loadMs)} (wall ${round(c.wallMs)})`;
    const tps = c.tokensPerSecond === null ? '–' : c.tokensPerSecond.toFixed(2);
    return `LLM ${label}: TTFT ${round(c.ttftMs)}, ${tps} tok/s, ${c.promptTokens ?? '–'} prompt tokens, ${c.outputTokens ?? '–'} output tokens, total ${round(c.totalMs)}`;
}
/**
 * Judges one finished call's text. Cut-off output gets its own reason, since
 * the fix (num_predict) differs from a model that ignores the format.
 */
function judge(result, prompt, language, facts, report) {
    if (result.call.error)
        return { ok: false, reason: result.call.error, callFailed: true };
    const parsed = (0,verify/* parseAnswer */.Wp)(result.content);
    if (!parsed.ok) {
        const cut = result.doneReason === 'length' ? ` (cut off at num_predict ${String(prompt.options.num_predict)})` : '';
        return { ok: false, reason: `${parsed.reason}${cut}`, callFailed: false };
    }
    const verified = (0,verify/* verifyAnswer */.a7)(parsed.value, facts, report, language);
    if (!verified.usable) {
        const dropped = (0,verify/* describeDrops */.AA)(verified.narrative.dropped);
        return { ok: false, reason: `no claim held${dropped ? ` (${dropped})` : ''}`, callFailed: false };
    }
    return { ok: true, verified };
}
/**
 * The narrate stage: a warm-up that loads the model (measured apart), then
 * `config.runs` report generations of one streamed call each, every answer
 * checked against the facts. A run whose answer is unusable (invalid JSON,
 * no claim held, the call failed) is retried once at a lower temperature.
 * The answer shown is the usable run with the fewest dropped items.
 * Sets `report.narrative`, `report.llm` and `report.timings.llm`; never
 * throws: any failure becomes a fallback narrative with a one-line reason.
 */
function createNarrator(deps) {
    const { client, config, model, log } = deps;
    return async (report) => {
        const start = deps.elapsed();
        const calls = [];
        const notes = [];
        try {
            const sheet = (0,facts/* buildFactSheet */.gV)(report);
            const persona = config.persona.trim() || llm_prompt/* DEFAULT_PERSONA */.XP;
            const prompt = (0,llm_prompt/* preparePrompt */.Yk)(sheet, persona, config.language, config.options);
            const llm = {
                model,
                // Only what the report shows: the caller's server object may carry process details.
                server: { url: deps.server.url, origin: deps.server.origin, ...(deps.server.version !== undefined ? { version: deps.server.version } : {}) },
                options: prompt.options,
                language: config.language,
                persona,
                promptTokensEstimate: prompt.promptTokens,
                facts: sheet.facts,
                omitted: sheet.omitted,
                calls,
                aggregate: null,
                notes,
            };
            report.llm = llm;
            log.info(`LLM prompt: ${sheet.facts.length} facts (${sheet.omitted.findings} findings and ${sheet.omitted.changes} changes over the fact budget), about ${prompt.promptTokens} tokens; num_ctx ${String(prompt.options.num_ctx ?? 'server default')}, num_predict ${String(prompt.options.num_predict)}.`);
            if (prompt.numCtxRaisedFrom !== undefined) {
                llm.numCtxRaisedFrom = prompt.numCtxRaisedFrom;
                const note = `num_ctx raised from ${prompt.numCtxRaisedFrom} to ${String(prompt.options.num_ctx)} to fit the prompt (about ${prompt.promptTokens} tokens) and num_predict ${String(prompt.options.num_predict)}.`;
                notes.push(note);
                log.warning(note);
            }
            const keepAlive = config.keepAlive !== undefined ? { keep_alive: config.keepAlive } : {};
            const ctx = (stage, run) => ({ stage, run, timeoutMs: config.requestTimeoutMs, elapsed: deps.elapsed });
            const budget = deps.budget;
            const outOfTime = () => budget?.signal.aborted === true;
            if (budget && outOfTime())
                return budgetFallback(report, budget.reason, log);
            // An empty message list makes Ollama load the model and answer at once: load time, apart from the report calls.
            const warm = await measuredChat(client, { model: model.name, messages: [], ...keepAlive }, ctx('warmup', 0));
            calls.push(warm.call);
            log.info(callLine(warm.call));
            if (budget && outOfTime())
                return budgetFallback(report, budget.reason, log);
            if (warm.call.error)
                return fallback(report, `the model could not be loaded: ${warm.call.error}`, log);
            const usable = [];
            let lastFailure = '';
            // Set when the budget ran out: no call starts after that, and the narrative is the best run so far, if any.
            let stoppedAt;
            runs: for (let run = 1; run <= config.runs; run++) {
                const failures = [];
                let callFailures = 0;
                for (const stage of ['report', 'retry']) {
                    if (outOfTime()) {
                        stoppedAt = run;
                        break runs;
                    }
                    const options = stage === 'retry' ? { ...prompt.options, temperature: retryTemperature(config.options) } : prompt.options;
                    const result = await measuredChat(client, { model: model.name, messages: prompt.messages, format: prompt.format, options, ...keepAlive }, ctx(stage, run));
                    calls.push(result.call);
                    log.info(callLine(result.call));
                    if (run === 1 && stage === 'report')
                        checkTruncation(result.call, prompt, deps.server.origin, notes, log);
                    const attempt = judge(result, prompt, config.language, sheet.facts, report);
                    if (attempt.ok) {
                        usable.push({ run, verified: attempt.verified });
                        break;
                    }
                    if (outOfTime()) {
                        stoppedAt = run;
                        break runs;
                    }
                    failures.push(attempt.reason);
                    if (attempt.callFailed)
                        callFailures++;
                    if (stage === 'report') {
                        const note = `Run ${run}: ${attempt.reason}; retried at temperature ${retryTemperature(config.options)}.`;
                        notes.push(note);
                        log.warning(note);
                    }
                }
                if (failures.length === 2) {
                    lastFailure = `run ${run}: ${failures[0]}; retry: ${failures[1]}`;
                    notes.push(`Run ${run} produced no usable text (${failures[1]}).`);
                    // A server that failed twice in a row will not answer the next run either.
                    if (callFailures === 2)
                        break;
                }
            }
            const best = usable.reduce((a, b) => (a === undefined || b.verified.narrative.dropped.length < a.verified.narrative.dropped.length ? b : a), undefined);
            // With a usable run the narrative stands, and a note says the other runs were not made.
            if (best && budget && stoppedAt !== undefined) {
                const note = `Stopped at run ${stoppedAt} of ${config.runs}: ${budget.reason}.`;
                notes.push(note);
                log.warning(note);
            }
            if (best) {
                const narrative = { status: 'generated', run: best.run, ...best.verified.narrative };
                report.narrative = narrative;
                const dropped = (0,verify/* describeDrops */.AA)(narrative.dropped);
                log.info(`Narrative from run ${best.run}: ${(0,util_text/* plural */.LS)(narrative.claims.length, 'claim')} held${dropped ? `; ${dropped}` : ', nothing dropped'}.`);
            }
            else if (budget && stoppedAt !== undefined) {
                budgetFallback(report, budget.reason, log);
            }
            else {
                fallback(report, `no usable answer from the model (${lastFailure}); the report below is computed from the files alone.`, log);
            }
        }
        catch (err) {
            // Bugs included: the deterministic report must still be published.
            const message = err instanceof Error ? err.message : String(err);
            fallback(report, `the LLM stage failed: ${message.replace(/\s+/g, ' ')}`, log);
        }
        finally {
            if (report.llm)
                report.llm.aggregate = (0,call_metrics/* aggregateCalls */.Tb)(calls, config.runs);
            report.timings.llm = (0,call_metrics/* llmTimings */.ln)(calls, deps.elapsed() - start);
        }
    };
}
/**
 * Ollama drops the start of a prompt that does not fit num_ctx and says so
 * only in its server log; prompt_eval_count far below what we sent is the
 * client's signal. Only the first report call is judged: later calls repeat
 * the same prompt, and Ollama then evaluates only the part not already in
 * its prompt cache, so a small count there is expected. A server we did not
 * start may hold this prompt from an earlier job, which the note says.
 */
function checkTruncation(call, prompt, origin, notes, log) {
    if (call.error || call.promptTokens === null)
        return;
    if (call.promptTokens >= prompt.promptTokens * TRUNCATION_RATIO)
        return;
    call.truncated = true;
    const cache = origin === 'started' ? '' : ' (or was partly served from the prompt cache of a server that saw it before)';
    const note = `Ollama evaluated ${call.promptTokens} prompt tokens, well under the about ${prompt.promptTokens} sent: the prompt was probably truncated${cache}; num_ctx was ${String(prompt.options.num_ctx ?? 'the server default')}.`;
    notes.push(note);
    log.warning(note);
}
/** Step outputs `llm-throughput` (mean tokens/s over generation calls) and `llm-ttft-ms` (mean TTFT); empty when no call finished. */
function llmOutputs(report) {
    const agg = report.llm?.aggregate;
    const fmt = (v) => (v === null || v === undefined ? '' : v.toFixed(2));
    return { 'llm-throughput': fmt(agg?.tokensPerSecond.mean), 'llm-ttft-ms': fmt(agg?.ttftMs.mean) };
}

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
const realClock = {
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
async function readIdentity(pid) {
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
function signalGroup(pid, signal) {
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
    return (0,deadline/* fetchWithDeadlines */.wH)(fetchFn, { idleMs: requestTimeoutMs, ...(signal ? { signal } : {}), idleMessage: silenceMessage });
}
function llmBudgetReason(ms) {
    return `the LLM stage's time budget (timeout: ${(0,deadline/* formatDuration */.a3)(ms)}) ran out`;
}
/** Work that cannot be aborted (a cache download) gets this long past the budget before the stage moves on without it. */
const LLM_GRACE_MS = 2000;
/** The production edges for prepareOllama; the action adds the tool cache and the Actions cache. */
function systemDependencies(log, options = {}) {
    const env = options.env ?? process.env;
    const stopDeps = { identify: readIdentity, signal: signalGroup, clock: realClock, log };
    const fetch = ollamaFetch(options.requestTimeoutMs ?? 180_000, options.signal);
    return {
        fetch,
        ...(options.signal ? { abortSignal: options.signal } : {}),
        clock: realClock,
        log,
        env,
        tempDir: options.tempDir ?? external_node_os_default().tmpdir(),
        findExecutable: (name) => findOnPath(name, env),
        freePort: freeLoopbackPort,
        start: startDetached,
        identify: readIdentity,
        readTail: readTail,
        stop: async (started) => {
            await stopStartedServer(started.identity, stopDeps, 5000);
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
    const narrator = createNarrator({ client, config, model, server, elapsed, log: deps.log, budget });
    budget.pause();
    const narrate = async (report) => {
        budget.resume();
        try {
            const late = () => {
                // Only reached when something ignored the abort; the narrator's own result, should it come, is too late for the report.
                budgetFallback(report, budget.reason, deps.log);
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

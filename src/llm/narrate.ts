import type { Report } from '../model/report.js';
import { measuredChat, type CallResult, type ChatClient } from './call.js';
import { aggregateCalls, llmTimings } from './call-metrics.js';
import { buildFactSheet } from './facts.js';
import { DEFAULT_PERSONA, preparePrompt, type PreparedPrompt } from './prompt.js';
import type { Fact, GeneratedNarrative, LlmCall, LlmReport, ModelInfo } from '../model/llm.js';
import type { LlmConfig } from './types.js';
import type { Budget } from '../util/deadline.js';
import { plural } from '../util/text.js';
import { describeDrops, parseAnswer, verifyAnswer, type Verified } from './verify.js';

export interface NarratorDeps {
  /** An `Ollama` instance from the official client, or a fake with the same `chat`. */
  client: ChatClient;
  config: LlmConfig;
  model: ModelInfo;
  server: { url: string; origin: 'input' | 'reused' | 'started'; version?: string };
  /** Monotonic milliseconds. */
  elapsed: () => number;
  log: { info(msg: string): void; warning(msg: string): void };
  /** The stage's `timeout`: no call starts once it ran out, and the one running is aborted by the client's fetch. */
  budget?: Budget;
}

/** Sets a fallback narrative and says why in the log: the report goes out without the model's answer. */
function fallback(report: Report, reason: string, log: NarratorDeps['log']): void {
  report.narrative = { status: 'fallback', reason };
  log.warning(`Narrative fallback: ${reason}`);
}

/** The fallback once the stage's `timeout` ran out; the stage sets it too when the narrator ignored the abort. */
export function budgetFallback(report: Report, budgetReason: string, log: NarratorDeps['log']): void {
  fallback(report, `${budgetReason}; the report below is computed from the files alone.`, log);
}

/** Ollama's default temperature, used to pick the retry's lower one when the user set none. */
const OLLAMA_DEFAULT_TEMPERATURE = 0.8;
const RETRY_TEMPERATURE_CAP = 0.2;
/** prompt_eval_count under this share of the estimate means the prompt was cut (the estimate errs high). */
const TRUNCATION_RATIO = 0.5;

export function retryTemperature(options: Record<string, unknown>): number {
  const t = typeof options.temperature === 'number' && options.temperature >= 0 ? options.temperature : OLLAMA_DEFAULT_TEMPERATURE;
  return Math.min(RETRY_TEMPERATURE_CAP, t / 2);
}

function round(ms: number | null): string {
  return ms === null ? '–' : `${Math.round(ms)} ms`;
}

function callLine(c: LlmCall): string {
  const label = c.stage === 'warmup' ? 'warm-up' : `run ${c.run} (${c.stage})`;
  if (c.error) return `LLM ${label} failed after ${round(c.wallMs)}: ${c.error}`;
  if (c.stage === 'warmup') return `LLM ${label}: model loaded in ${round(c.loadMs)} (wall ${round(c.wallMs)})`;
  const tps = c.tokensPerSecond === null ? '–' : c.tokensPerSecond.toFixed(2);
  return `LLM ${label}: TTFT ${round(c.ttftMs)}, ${tps} tok/s, ${c.promptTokens ?? '–'} prompt tokens, ${c.outputTokens ?? '–'} output tokens, total ${round(c.totalMs)}`;
}

type Attempt = { ok: true; verified: Verified } | { ok: false; reason: string; callFailed: boolean };

/**
 * Judges one finished call's text. Cut-off output gets its own reason, since
 * the fix (num_predict) differs from a model that ignores the format.
 */
function judge(result: CallResult, prompt: PreparedPrompt, language: string, facts: readonly Fact[], report: Report): Attempt {
  if (result.call.error) return { ok: false, reason: result.call.error, callFailed: true };
  const parsed = parseAnswer(result.content);
  if (!parsed.ok) {
    const cut = result.doneReason === 'length' ? ` (cut off at num_predict ${String(prompt.options.num_predict)})` : '';
    return { ok: false, reason: `${parsed.reason}${cut}`, callFailed: false };
  }
  const verified = verifyAnswer(parsed.value, facts, report, language);
  if (!verified.usable) {
    const dropped = describeDrops(verified.narrative.dropped);
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
export function createNarrator(deps: NarratorDeps): (report: Report) => Promise<void> {
  const { client, config, model, log } = deps;
  return async (report) => {
    const start = deps.elapsed();
    const calls: LlmCall[] = [];
    const notes: string[] = [];
    try {
      const sheet = buildFactSheet(report);
      const persona = config.persona.trim() || DEFAULT_PERSONA;
      const prompt = preparePrompt(sheet, persona, config.language, config.options);
      const llm: LlmReport = {
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
      const ctx = (stage: LlmCall['stage'], run: number) => ({ stage, run, timeoutMs: config.requestTimeoutMs, elapsed: deps.elapsed });

      const budget = deps.budget;
      const outOfTime = () => budget?.signal.aborted === true;
      if (budget && outOfTime()) return budgetFallback(report, budget.reason, log);
      // An empty message list makes Ollama load the model and answer at once: load time, apart from the report calls.
      const warm = await measuredChat(client, { model: model.name, messages: [], ...keepAlive }, ctx('warmup', 0));
      calls.push(warm.call);
      log.info(callLine(warm.call));
      if (budget && outOfTime()) return budgetFallback(report, budget.reason, log);
      if (warm.call.error) return fallback(report, `the model could not be loaded: ${warm.call.error}`, log);

      const usable: { run: number; verified: Verified }[] = [];
      let lastFailure = '';
      // Set when the budget ran out: no call starts after that, and the narrative is the best run so far, if any.
      let stoppedAt: number | undefined;
      runs: for (let run = 1; run <= config.runs; run++) {
        const failures: string[] = [];
        let callFailures = 0;
        for (const stage of ['report', 'retry'] as const) {
          if (outOfTime()) {
            stoppedAt = run;
            break runs;
          }
          const options = stage === 'retry' ? { ...prompt.options, temperature: retryTemperature(config.options) } : prompt.options;
          const result = await measuredChat(client, { model: model.name, messages: prompt.messages, format: prompt.format, options, ...keepAlive }, ctx(stage, run));
          calls.push(result.call);
          log.info(callLine(result.call));
          if (run === 1 && stage === 'report') checkTruncation(result.call, prompt, deps.server.origin, notes, log);
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
          if (attempt.callFailed) callFailures++;
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
          if (callFailures === 2) break;
        }
      }

      const best = usable.reduce<{ run: number; verified: Verified } | undefined>(
        (a, b) => (a === undefined || b.verified.narrative.dropped.length < a.verified.narrative.dropped.length ? b : a),
        undefined,
      );
      // With a usable run the narrative stands, and a note says the other runs were not made.
      if (best && budget && stoppedAt !== undefined) {
        const note = `Stopped at run ${stoppedAt} of ${config.runs}: ${budget.reason}.`;
        notes.push(note);
        log.warning(note);
      }
      if (best) {
        const narrative: GeneratedNarrative = { status: 'generated', run: best.run, ...best.verified.narrative };
        report.narrative = narrative;
        const dropped = describeDrops(narrative.dropped);
        log.info(`Narrative from run ${best.run}: ${plural(narrative.claims.length, 'claim')} held${dropped ? `; ${dropped}` : ', nothing dropped'}.`);
      } else if (budget && stoppedAt !== undefined) {
        budgetFallback(report, budget.reason, log);
      } else {
        fallback(report, `no usable answer from the model (${lastFailure}); the report below is computed from the files alone.`, log);
      }
    } catch (err) {
      // Bugs included: the deterministic report must still be published.
      const message = err instanceof Error ? err.message : String(err);
      fallback(report, `the LLM stage failed: ${message.replace(/\s+/g, ' ')}`, log);
    } finally {
      if (report.llm) report.llm.aggregate = aggregateCalls(calls, config.runs);
      report.timings.llm = llmTimings(calls, deps.elapsed() - start);
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
export function checkTruncation(call: LlmCall, prompt: PreparedPrompt, origin: NarratorDeps['server']['origin'], notes: string[], log: NarratorDeps['log']): void {
  if (call.error || call.promptTokens === null) return;
  if (call.promptTokens >= prompt.promptTokens * TRUNCATION_RATIO) return;
  call.truncated = true;
  const cache = origin === 'started' ? '' : ' (or was partly served from the prompt cache of a server that saw it before)';
  const note = `Ollama evaluated ${call.promptTokens} prompt tokens, well under the about ${prompt.promptTokens} sent: the prompt was probably truncated${cache}; num_ctx was ${String(prompt.options.num_ctx ?? 'the server default')}.`;
  notes.push(note);
  log.warning(note);
}

/** Step outputs `llm-throughput` (mean tokens/s over generation calls) and `llm-ttft-ms` (mean TTFT); empty when no call finished. */
export function llmOutputs(report: Report): { 'llm-throughput': string; 'llm-ttft-ms': string } {
  const agg = report.llm?.aggregate;
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '' : v.toFixed(2));
  return { 'llm-throughput': fmt(agg?.tokensPerSecond.mean), 'llm-ttft-ms': fmt(agg?.ttftMs.mean) };
}

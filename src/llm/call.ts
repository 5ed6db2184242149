import type { ChatRequest, ChatResponse } from 'ollama';
import { silenceMessage, withinIdle } from './idle.js';
import type { LlmCall } from '../model/llm.js';

/** What a streamed chat hands back: ollama-js's AbortableAsyncIterator has this shape. */
export interface ChatStream extends AsyncIterable<ChatResponse> {
  abort(): void;
}

/** The one client method the narrate stage uses; an `Ollama` instance is one. */
export interface ChatClient {
  chat(request: ChatRequest & { stream: true }): Promise<ChatStream>;
}

export interface CallContext {
  stage: LlmCall['stage'];
  run: number;
  /** Longest silence allowed: before the stream opens and between chunks. */
  timeoutMs: number;
  /** Monotonic milliseconds. */
  elapsed: () => number;
}

export interface CallResult {
  call: LlmCall;
  /** The streamed message content, concatenated. */
  content: string;
  /** Ollama's done_reason, e.g. "stop", "length", "load". */
  doneReason?: string;
}

class StallError extends Error {}

const NS_PER_MS = 1e6;

function nsToMs(ns: unknown): number | null {
  return typeof ns === 'number' && Number.isFinite(ns) ? ns / NS_PER_MS : null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Node's fetch reports a dropped stream as "terminated" and a refused
 * connection as "fetch failed" with the reason in `cause`: both are reworded
 * so the report's one-line reason says what happened.
 */
function describe(err: unknown): string {
  const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message.replace(/\s+/g, ' ').trim() : '';
  if (message === 'terminated' || /other side closed|socket hang up|ECONNRESET/.test(`${message} ${cause}`)) return 'the connection to Ollama closed before the answer was complete';
  if (message === 'fetch failed' && cause) return `could not reach Ollama (${cause})`;
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
export async function measuredChat(client: ChatClient, request: ChatRequest, ctx: CallContext): Promise<CallResult> {
  const start = ctx.elapsed();
  let ttftMs: number | null = null;
  let content = '';
  let final: ChatResponse | undefined;
  let error: string | undefined;
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
      if (next.done) break;
      const chunk = next.value as ChatResponse & { error?: unknown };
      if (typeof chunk.error === 'string') throw new Error(chunk.error);
      const piece = chunk.message?.content ?? '';
      if (piece.length > 0) {
        if (ttftMs === null) ttftMs = ctx.elapsed() - start;
        content += piece;
      }
      if (chunk.done) final = chunk;
    }
    if (!final) error = 'the stream ended without a final message';
  } catch (err) {
    error = err instanceof StallError ? silenceMessage(ctx.timeoutMs) : describe(err);
  }
  const evalCount = count(final?.eval_count);
  const evalMs = nsToMs(final?.eval_duration);
  const call: LlmCall = {
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
  if (error !== undefined) call.error = error;
  const result: CallResult = { call, content };
  if (final?.done_reason) result.doneReason = final.done_reason;
  return result;
}

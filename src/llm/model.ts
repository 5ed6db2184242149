import type { Ollama, ProgressResponse } from 'ollama';
import { withinIdle } from './idle.js';
import { formatSeconds, type Clock, type LlmLog } from './server.js';
import type { ModelInfo } from '../model/llm.js';

/** The parts of the official client this module uses; tests hand in a client on the emulator. */
export type ModelClient = Pick<Ollama, 'show' | 'pull' | 'list' | 'ps'>;

export type ModelOutcome = { ok: true; model: ModelInfo; pulled: boolean; pullMs?: number } | { ok: false; reason: string };

export interface ModelDependencies {
  client: ModelClient;
  clock: Clock;
  log: Pick<LlmLog, 'info' | 'warning'>;
  /** Longest silence allowed while pulling. */
  idleTimeoutMs: number;
}

/** `gemma3` and `gemma3:latest` name the same model. */
export function canonicalModelName(name: string): string {
  const last = name.split('/').pop() ?? name;
  return last.includes(':') ? name : `${name}:latest`;
}

function statusOf(err: unknown): number | undefined {
  const code = (err as { status_code?: unknown }).status_code;
  return typeof code === 'number' ? code : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * `show` the model; when the server does not have it, `pull` it with
 * progress in the log. Then record digest (from `list`), parameter size,
 * quantization and family (from `show`), and GPU residency when it is
 * already loaded (`ps`).
 */
export async function ensureModel(name: string, deps: ModelDependencies): Promise<ModelOutcome> {
  let pulled = false;
  let pullMs: number | undefined;
  let shown;
  try {
    shown = await deps.client.show({ model: name });
  } catch (err) {
    if (statusOf(err) !== 404) return { ok: false, reason: `Could not look up model ${name}: ${messageOf(err)}` };
    deps.log.info(`Model ${name} is not on the server; pulling it.`);
    const begin = deps.clock.now();
    const failure = await pullModel(name, deps);
    if (failure) return { ok: false, reason: `Model ${name} is not on the server and could not be pulled: ${failure}` };
    pulled = true;
    pullMs = deps.clock.now() - begin;
    try {
      shown = await deps.client.show({ model: name });
    } catch (again) {
      return { ok: false, reason: `Model ${name} was pulled but cannot be shown: ${messageOf(again)}` };
    }
  }
  const model: ModelInfo = { name };
  const d = shown.details;
  if (d?.parameter_size) model.parameterSize = d.parameter_size;
  if (d?.quantization_level) model.quantization = d.quantization_level;
  if (d?.family) model.family = d.family;
  try {
    const wanted = canonicalModelName(name);
    const listed = (await deps.client.list()).models.find((m) => canonicalModelName(m.name) === wanted || canonicalModelName(m.model) === wanted);
    if (listed?.digest) model.digest = listed.digest;
  } catch (err) {
    deps.log.warning(`Could not list models for the digest of ${name}: ${messageOf(err)}`);
  }
  await readResidency(deps.client, model);
  return pulled ? { ok: true, model, pulled, ...(pullMs !== undefined ? { pullMs } : {}) } : { ok: true, model, pulled };
}

/**
 * Fills in `size` and `sizeVram` from `ps` when the model is loaded. Called
 * again after the report calls, when the model certainly is.
 */
export async function readResidency(client: Pick<Ollama, 'ps'>, model: ModelInfo): Promise<void> {
  try {
    const wanted = canonicalModelName(model.name);
    const running = (await client.ps()).models.find((m) => canonicalModelName(m.name) === wanted || canonicalModelName(m.model) === wanted);
    if (!running) return;
    model.size = running.size;
    model.sizeVram = running.size_vram;
  } catch {
    /* residency is informative; an old server without /api/ps just leaves it unknown */
  }
}

/** "fully on the GPU", "62% on the GPU", "on the CPU", or undefined when unknown. */
export function describeResidency(model: ModelInfo): string | undefined {
  if (model.size === undefined || model.sizeVram === undefined || model.size <= 0) return undefined;
  if (model.sizeVram >= model.size) return 'fully on the GPU';
  if (model.sizeVram === 0) return 'on the CPU';
  return `${Math.floor((model.sizeVram / model.size) * 100)}% on the GPU`;
}

/** Returns undefined on success, else why the pull failed. */
async function pullModel(name: string, deps: ModelDependencies): Promise<string | undefined> {
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
  } catch (err) {
    return messageOf(err);
  }
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<ProgressResponse> | 'timeout';
    try {
      next = await withinIdle(iterator.next(), deps.idleTimeoutMs);
    } catch (err) {
      return messageOf(err);
    }
    if (next === 'timeout') {
      stream.abort();
      return silent;
    }
    if (next.done) break;
    progress.update(next.value);
  }
  if (!progress.succeeded) return 'the pull ended without success';
  progress.finish();
  return undefined;
}

const MB = 1_000_000;

/**
 * Logs pull progress as percent and MB over all layers: a line at every 10%
 * step or every 5 s, whichever comes first, instead of one per chunk.
 */
export class PullProgress {
  private readonly layers = new Map<string, { total: number; completed: number }>();
  private lastPercentStep = -1;
  private lastLogAt: number;
  succeeded = false;

  constructor(
    private readonly name: string,
    private readonly clock: Clock,
    private readonly log: Pick<LlmLog, 'info'>,
    private readonly intervalMs = 5000,
  ) {
    this.lastLogAt = clock.now();
  }

  update(p: ProgressResponse): void {
    if (p.status === 'success') {
      this.succeeded = true;
      return;
    }
    if (!p.digest || !p.total) return;
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

  finish(): void {
    let total = 0;
    for (const layer of this.layers.values()) total += layer.total;
    this.log.info(`Pulled ${this.name} (${Math.round(total / MB)} MB).`);
  }
}

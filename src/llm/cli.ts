import os from 'node:os';
import type { LlmLog } from './server.js';
import { startBudget } from '../util/deadline.js';
import type { LlmStage } from './stage.js';
import { LLM_DISABLED_REASON, type LlmConfig } from './types.js';

/** CLI options that mirror the LLM inputs one to one (`--ollama-url` ⇔ `ollama-url`). */
export const LLM_INPUT_OPTIONS = ['ollama-url', 'model', 'ollama-options', 'keep-alive', 'ollama-timeout', 'request-timeout', 'timeout', 'persona-file', 'language', 'runs'] as const;

export const LLM_USAGE = `Local model (Ollama; the narrative is skipped with the reason when none is reachable):
  --no-llm                no model: the report without the narrative
  --ollama-url URL        use this server (default: OLLAMA_HOST or 127.0.0.1:11434, else start \`ollama serve\`)
  --model NAME            model (default: gemma3:latest), pulled when missing
  --ollama-options OPTS   e.g. "num_ctx: 8192" or '{"temperature": 0.2}'
  --runs N                report generations measured (1-10, default 1)
  --language NAME         language of the narrative (default: English)
  --persona-file FILE     system prompt from FILE
  --timeout DURATION      time for the whole LLM stage (default: 10m); then the report is printed without the narrative
  --keep-alive, --ollama-timeout, --request-timeout   as the action inputs
`;

/**
 * The LLM stage for the CLI: progress and reuse on stderr; a missing server
 * only shows in the report, so scripts without Ollama see no noise.
 */
export async function cliLlmStage(config: LlmConfig, stderr: (text: string) => void, elapsed: () => number): Promise<{ stage: LlmStage; stop: () => Promise<void> }> {
  const log: LlmLog = {
    info: (m) => stderr(`${m}\n`),
    warning: (m) => stderr(`warning: ${m}\n`),
    group: (title, lines) => stderr(`${title}\n${lines.map((l) => `  ${l}\n`).join('')}`),
  };
  // --no-llm (and `snapshot`) load no Ollama client.
  if (!config.enabled) return { stage: { skipped: { status: 'skipped', reason: LLM_DISABLED_REASON } }, stop: async () => {} };
  const { createLlmStage, llmBudgetReason, stopIfStarted, systemDependencies } = await import('./stage.js');
  const budget = startBudget(config.timeoutMs, llmBudgetReason(config.timeoutMs));
  const deps = systemDependencies(log, { tempDir: os.tmpdir(), requestTimeoutMs: config.requestTimeoutMs, signal: budget.signal });
  const stage = await createLlmStage(config, deps, elapsed, budget).catch((err: unknown) => ({
    skipped: { status: 'skipped' as const, reason: `the Ollama setup failed unexpectedly: ${(err as Error).message}` },
  }));
  // No post step here: a server this run started is stopped when the report is done.
  return { stage, stop: () => stopIfStarted(stage, log) };
}

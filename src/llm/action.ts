import path from 'node:path';
import os from 'node:os';
import * as core from '@actions/core';
import type { Report } from '../model/report.js';
import { logSafe } from '../util/log-safe.js';
import { llmOutputs } from './narrate.js';
import type { LlmLog } from './server.js';
import { startBudget } from '../util/deadline.js';
import type { LlmStage } from './stage.js';
import { stateFor } from './state.js';
import { LLM_DISABLED_REASON, type LlmConfig } from './types.js';

/** The action's log: @actions/core, with server output and error text made safe for the runner. */
export const actionLog: LlmLog = {
  info: (m) => core.info(logSafe(m)),
  warning: (m) => core.warning(logSafe(m)),
  group: (title, lines) => {
    core.startGroup(logSafe(title));
    for (const line of lines) core.info(logSafe(line));
    core.endGroup();
  },
};

/**
 * Server, model and cache for the action, with the state the post step needs
 * saved as soon as it exists (a started server must be stopped even when
 * the model then fails to pull).
 */
export async function actionLlmStage(config: LlmConfig, elapsed: () => number): Promise<LlmStage> {
  // `llm: false` loads none of the Ollama client, the tool cache or the Actions cache.
  if (!config.enabled) return { skipped: { status: 'skipped', reason: LLM_DISABLED_REASON } };
  const { createLlmStage, llmBudgetReason, systemDependencies } = await import('./stage.js');
  // From here to the end of the narrate stage; disposed by the stage.
  const budget = startBudget(config.timeoutMs, llmBudgetReason(config.timeoutMs));
  const deps = {
    ...systemDependencies(actionLog, { tempDir: process.env.RUNNER_TEMP || os.tmpdir(), requestTimeoutMs: config.requestTimeoutMs, signal: budget.signal }),
    // The Actions cache is only for cache-models.
    ...(config.cacheModels ? { cache: await import('@actions/cache') } : {}),
    install: async (version: string) => {
      const [{ installOllama }, tc] = await Promise.all([import('./install.js'), import('@actions/tool-cache')]);
      const binary = await installOllama(version, tc, actionLog);
      // The archive's bin/ stays next to its lib/ollama; later steps get the same ollama.
      core.addPath(path.dirname(binary));
      return binary;
    },
  };
  const stage = await createLlmStage(config, deps, elapsed, budget);
  // An annotation: the workflow asked for a narrative and should say llm: false or point at a server.
  if (stage.failure) core.warning(logSafe(`Narrative skipped: ${stage.failure}`), { title: 'Chimera Insight: no local model' });
  for (const [name, value] of Object.entries(stateFor(stage))) core.saveState(name, value);
  return stage;
}

/** Outputs llm-throughput and llm-ttft-ms (empty when no model call finished). */
export function setLlmOutputs(report: Report): void {
  for (const [name, value] of Object.entries(llmOutputs(report))) core.setOutput(name, value);
}

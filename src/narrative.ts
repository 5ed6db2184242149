import type { Narrative } from './model/report.js';

/**
 * The narrative when no LLM stage ran at all. When the stage ran and could not
 * use a model, or `llm` is false, the stage gives its own reason (src/llm/stage.ts).
 */
export const NARRATIVE_NOT_AVAILABLE: Narrative = {
  status: 'skipped',
  reason: 'no model was asked in this run; every number below is computed from the files.',
};

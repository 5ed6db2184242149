import type { Narrative } from './report/model.js';

/** Until the Ollama stage exists, every report says plainly that it has no narrative and why. */
export const NARRATIVE_NOT_AVAILABLE: Narrative = {
  status: 'skipped',
  reason: 'this version has no LLM stage yet, so no model was asked; every number below is computed from the files.',
};

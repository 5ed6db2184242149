import { plural } from './text.js';
import { isToolAdapter } from './tool-adapter.js';


/** Why rows were left out: an error or failed-status column (generic readers), the tool's own failure marks, or both. */
export type ExcludedBy = 'error-column' | 'tool' | 'both';

/** What left the rows of these files' readers out. */
export function excludedBy(adapters: Iterable<string | undefined>): ExcludedBy {
  let column = false;
  let tool = false;
  for (const a of adapters) {
    if (!isToolAdapter(a)) column = true;
    else tool = true;
  }
  return column && tool ? 'both' : tool ? 'tool' : 'error-column';
}

/**
 * `n` left-out rows as a user reads them: a vLLM summary's failed requests are
 * not rows "with a non-empty error column", and saying so would be false.
 */
export function excludedRowsText(n: number, by: ExcludedBy): string {
  if (by === 'tool') return `${plural(n, 'result')} the tool marked failed`;
  if (by === 'both') return `${plural(n, 'row')} marked failed (an error or status column, or the tool's own failure count)`;
  return `${plural(n, 'row')} marked failed in an error or status column`;
}

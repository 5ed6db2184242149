/** The generic readers (tables and records of any shape); every other adapter reads one tool's output. */
const GENERIC_READERS = new Set(['csv', 'tsv', 'json', 'jsonl', 'markdown', 'text']);

/** True for a tool adapter's name (`ollama`, `nccl-tests`), false for a generic reader or none. */
export function isToolAdapter(adapter: string | undefined): boolean {
  return adapter !== undefined && !GENERIC_READERS.has(adapter);
}

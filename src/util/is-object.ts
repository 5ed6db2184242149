/** A JSON object (not null, not an array): what a reader of our own files checks before reading its fields. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

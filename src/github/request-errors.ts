/**
 * What a failed GitHub request tells, read without loading Octokit: the
 * publishing code needs these whether or not a client is ever created.
 */

/** HTTP status of an API error; undefined for anything else. */
export function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

/** A request that failed this way may still have been carried out by GitHub. */
export function mayHaveSucceeded(err: unknown): boolean {
  const s = statusOf(err);
  return s === undefined || s >= 500;
}

/**
 * `promise`, or 'timeout' when it has not settled within `ms`: the idle limit
 * of a streamed call (chat, pull), checked before it opens and between chunks.
 * The caller aborts the request; a rejection that comes after the timeout is
 * handled by the race and goes nowhere.
 */
export async function withinIdle<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise, silence]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why a request to Ollama was aborted for silence; the same words whether the call or its fetch noticed first. */
export function silenceMessage(ms: number): string {
  const shown = ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
  return `no data from Ollama for ${shown} (request timeout); request aborted`;
}

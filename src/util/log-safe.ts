import { randomBytes } from 'node:crypto';
import { redactSecrets } from './redact.js';

/**
 * Text from repository files on one log line: control characters and line
 * breaks are flattened so a file name or reason cannot start a new line that
 * the runner would read as a workflow command (`::set-output …`), and
 * secret-looking tokens are redacted.
 */
export function logSafe(text: string): string {
  return redactSecrets(text)
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/^::/, ': :');
}

/**
 * Runs `body` with workflow commands switched off: the runner ignores every
 * `::command::` line between `::stop-commands::<token>` and `::<token>::`.
 * The token is random per block, so text inside cannot guess it and switch
 * commands back on. Group markers (`::group::`) inside are ignored too, so
 * open groups outside the block.
 */
export function withCommandsStopped<T>(write: (line: string) => void, body: () => T): T {
  const token = randomBytes(16).toString('hex');
  write(`::stop-commands::${token}`);
  try {
    return body();
  } finally {
    write(`::${token}::`);
  }
}

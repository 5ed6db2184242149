/**
 * Text from repository files on one log line: control characters and line
 * breaks are flattened so a file name or reason cannot start a new line that
 * the runner would read as a workflow command (`::set-output …`).
 */
export function logSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/^::/, ': :');
}

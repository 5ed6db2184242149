import { createHash } from 'node:crypto';

/**
 * Tokens that look like credentials, whatever text they appear in. One
 * function for every place we write: report.md, report.json, snapshot.json,
 * CLI output, comment, summary, annotations and the log.
 */
// `\\?_`: the patterns also match after escapeMarkdown has turned `_` into `\_`.
const SECRET_PATTERNS: RegExp[] = [
  // GitHub personal, OAuth, user-to-server, server-to-server (installation) and refresh tokens.
  /(?<![A-Za-z0-9_])gh[pousr]\\?_[A-Za-z0-9]{20,}/g,
  // Fine-grained personal access tokens.
  /(?<![A-Za-z0-9_])github\\?_pat\\?_(?:[A-Za-z0-9]|\\?_){20,}/g,
  // AWS access key ids (long-term and temporary).
  /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
];

/**
 * The start of a token that a display limit cut short (`ghp_A1b2C3…`): too
 * short for the patterns above, yet a part of the secret. Redacting before
 * truncating is the rule; this catches any place that does not.
 */
const CUT_TOKEN = /(?<![A-Za-z0-9_])(?:gh[pousr]\\?_|github\\?_pat\\?_|AKIA|ASIA)(?:[A-Za-z0-9]|\\?_)*…/g;

/** `Authorization: Bearer …` and the like; only the credential goes, the scheme stays readable. */
const BEARER = /\b(Bearer\s+)((?:[A-Za-z0-9\-.~+/]|\\?_){16,}=*)/gi;

export const REDACTED = '[redacted]';

/**
 * `[redacted:1a2b3c]`: the same secret always gets the same mark, and two
 * different ones get different marks. Series ids are matched against the
 * baseline's across runs and must stay distinct (two models labelled with
 * different tokens are two series), so a bare `[redacted]` would merge them.
 * Six hex digits of SHA-256 say nothing usable about a 20+ character token.
 * A match too short for the mark gets `[redacted]`: no replacement is ever
 * longer than what it replaces, so redacting a document trimmed to a size
 * limit keeps it under that limit.
 */
function mark(secret: string): string {
  // The Markdown-escaped form (`ghp\_…`) and the raw one are the same secret.
  const fingerprint = `[redacted:${createHash('sha256').update(secret.replace(/\\/g, '')).digest('hex').slice(0, 6)}]`;
  return fingerprint.length < secret.length ? fingerprint : REDACTED;
}

/**
 * Replaces secret-looking tokens with their mark. Safe on JSON text as well
 * as prose and Markdown: a match never includes a quote, and never starts or
 * ends inside an escape sequence, and the mark holds no character JSON must
 * escape, so redacting serialised JSON leaves it valid. Idempotent: a mark
 * matches no pattern.
 */
export function redactSecrets(text: string): string {
  // Every pattern holds one of the hint's words: text without one (nearly all) is returned as it is.
  if (!SECRET_HINT.test(text)) return text;
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, mark);
  out = out.replace(CUT_TOKEN, (cut) => (REDACTED.length + 1 < cut.length ? `${REDACTED}…` : '…'));
  return out.replace(BEARER, (_, scheme: string, secret: string) => `${scheme}${mark(secret)}`);
}

const SECRET_HINT = /gh[pousr]\\?_|github\\?_pat|AKIA|ASIA|bearer/i;

/** False when `text` holds nothing redactSecrets would change (it holds none of the patterns' words). */
export function mayHoldSecret(text: string): boolean {
  return SECRET_HINT.test(text);
}

/** Labels as a series carries them, keys and values redacted (see buildSeries). */
export function redactLabels(labels: Record<string, string>): Record<string, string> {
  const keys = Object.keys(labels);
  if (!keys.some((k) => SECRET_HINT.test(k) || SECRET_HINT.test(labels[k] as string))) return labels;
  return Object.fromEntries(keys.map((k) => [redactSecrets(k), redactSecrets(labels[k] as string)]));
}

/**
 * `JSON.stringify` replacer that redacts every string value and every
 * object key. Used for report.json and snapshot.json rather than redacting
 * the JSON text, where an escape (`\n` before a token reads as the letter
 * `n`) could hide a token from the patterns.
 */
export function redactJsonValue(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (!keys.some((k) => SECRET_HINT.test(k))) return value;
  return Object.fromEntries(keys.map((k) => [redactSecrets(k), (value as Record<string, unknown>)[k]]));
}

/**
 * Tokens that look like credentials, whatever text they appear in. Every
 * replacement is shorter than what it replaces, so redacting a document
 * trimmed to a size limit keeps it under that limit.
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

/** `Authorization: Bearer …` and the like; only the credential goes, the scheme stays readable. */
const BEARER = /\b(Bearer\s+)(?:[A-Za-z0-9\-.~+/]|\\?_){16,}=*/gi;

export const REDACTED = '[redacted]';

/** Replaces secret-looking tokens with `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, REDACTED);
  return out.replace(BEARER, `$1${REDACTED}`);
}

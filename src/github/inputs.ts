import { ConfigError, booleanInput, parseDuration, type InputReader } from '../config-input.js';
import { HEADER_PATTERN } from '../model/marker.js';
import type { PublishSettings } from './publish.js';

/** `publish-timeout`: summary, annotations and every GitHub API call of the comment. */
export const DEFAULT_PUBLISH_TIMEOUT_MS = 2 * 60_000;

/**
 * The publishing inputs. Kept out of Config on purpose: the token must never
 * reach describeConfig, which is printed in the report.
 */
export function readPublishInputs(read: InputReader): { settings: PublishSettings; token: string } {
  const header = read('comment-header').trim();
  if (!HEADER_PATTERN.test(header)) {
    throw new ConfigError('comment-header', `"${header}" may only hold letters, digits, '.', '_' and '-' (at most 64), e.g. gpu-bench`);
  }
  return {
    settings: {
      comment: booleanInput(read('comment'), 'comment', true),
      header,
      commentOnPush: booleanInput(read('comment-on-push'), 'comment-on-push', false),
      timeoutMs: parseDuration(read('publish-timeout'), 'publish-timeout', DEFAULT_PUBLISH_TIMEOUT_MS),
    },
    token: read('github-token').trim(),
  };
}

import { ConfigError, type InputReader } from '../config-input.js';
import { HEADER_PATTERN } from '../report/marker.js';
import type { PublishSettings } from './publish.js';

function booleanInput(read: InputReader, name: string, fallback: boolean): boolean {
  const raw = read(name).trim();
  if (raw === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(raw)) return true;
  if (/^(false|no|off|0)$/i.test(raw)) return false;
  throw new ConfigError(name, `"${raw}" must be true or false`);
}

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
      comment: booleanInput(read, 'comment', true),
      header,
      commentOnPush: booleanInput(read, 'comment-on-push', false),
    },
    token: read('github-token').trim(),
  };
}

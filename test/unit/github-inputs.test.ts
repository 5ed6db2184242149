import { describe, expect, it } from 'vitest';
import { readPublishInputs } from '../../src/github/inputs.js';

function read(inputs: Record<string, string>) {
  return readPublishInputs((name) => inputs[name] ?? '');
}

describe('publishing inputs', () => {
  it('comments on pull requests, not on pushes, with no header by default', () => {
    expect(read({})).toEqual({ settings: { comment: true, header: '', commentOnPush: false, timeoutMs: 120_000 }, token: '' });
  });

  it('reads the token, the header and the switches', () => {
    expect(read({ comment: 'false', 'comment-header': 'gpu-bench', 'comment-on-push': 'True', 'github-token': ' ghs_abc ', 'publish-timeout': '90s' })).toEqual({
      settings: { comment: false, header: 'gpu-bench', commentOnPush: true, timeoutMs: 90_000 },
      token: 'ghs_abc',
    });
  });

  it('names the input when a switch is not true or false', () => {
    expect(() => read({ comment: 'sometimes' })).toThrow(`Input 'comment': "sometimes" must be true or false`);
  });

  it('names publish-timeout when it is not a duration', () => {
    expect(() => read({ 'publish-timeout': 'two minutes' })).toThrow(`Input 'publish-timeout': "two minutes" is not a duration (examples: 90s, 2m, 1500ms; a bare number is seconds)`);
    expect(() => read({ 'publish-timeout': '0' })).toThrow(`Input 'publish-timeout': must be greater than zero, got "0"`);
  });

  it('refuses a header that could break out of the hidden marker', () => {
    expect(() => read({ 'comment-header': 'gpu" --><b>' })).toThrow(
      `Input 'comment-header': "gpu" --><b>" may only hold letters, digits, '.', '_' and '-' (at most 64), e.g. gpu-bench`,
    );
  });
});

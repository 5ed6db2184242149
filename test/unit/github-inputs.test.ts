import { describe, expect, it } from 'vitest';
import { readPublishInputs } from '../../src/github/inputs.js';

function read(inputs: Record<string, string>) {
  return readPublishInputs((name) => inputs[name] ?? '');
}

describe('publishing inputs', () => {
  it('comments on pull requests, not on pushes, with no header by default', () => {
    expect(read({})).toEqual({ settings: { comment: true, header: '', commentOnPush: false }, token: '' });
  });

  it('reads the token, the header and the switches', () => {
    expect(read({ comment: 'false', 'comment-header': 'gpu-bench', 'comment-on-push': 'True', 'github-token': ' ghs_abc ' })).toEqual({
      settings: { comment: false, header: 'gpu-bench', commentOnPush: true },
      token: 'ghs_abc',
    });
  });

  it('names the input when a switch is not true or false', () => {
    expect(() => read({ comment: 'sometimes' })).toThrow(`Input 'comment': "sometimes" must be true or false`);
  });

  it('refuses a header that could break out of the hidden marker', () => {
    expect(() => read({ 'comment-header': 'gpu" --><b>' })).toThrow(
      `Input 'comment-header': "gpu" --><b>" may only hold letters, digits, '.', '_' and '-' (at most 64), e.g. gpu-bench`,
    );
  });
});

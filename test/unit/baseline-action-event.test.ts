import type * as github from '@actions/github';
import { describe, expect, it } from 'vitest';
import { eventInfo } from '../../src/baseline/action.js';

function context(eventName: string, payload: object, ref = 'refs/pull/7/merge', sha = 'f'.repeat(40)): typeof github.context {
  return { eventName, payload, ref, sha } as unknown as typeof github.context;
}

describe('eventInfo', () => {
  it('takes base and head commits and the base branch from a pull request', () => {
    const pr = { pull_request: { head: { sha: 'c'.repeat(40), ref: 'kv-cache' }, base: { sha: 'b'.repeat(40), ref: 'main' } }, repository: { default_branch: 'main' } };
    expect(eventInfo(context('pull_request', pr))).toEqual({ name: 'pull_request', headSha: 'c'.repeat(40), baseSha: 'b'.repeat(40), baseRef: 'main', defaultBranch: 'main' });
  });

  it('compares a push with the commit before it, on the pushed branch', () => {
    const push = { before: 'a'.repeat(40), repository: { default_branch: 'main' } };
    expect(eventInfo(context('push', push, 'refs/heads/main'))).toEqual({ name: 'push', headSha: 'f'.repeat(40), baseSha: 'a'.repeat(40), branch: 'main', defaultBranch: 'main' });
  });

  it('has no base commit for the first push of a branch (before is all zeros) or a tag', () => {
    expect(eventInfo(context('push', { before: '0'.repeat(40) }, 'refs/heads/new'))).toEqual({ name: 'push', headSha: 'f'.repeat(40), branch: 'new' });
    expect(eventInfo(context('push', {}, 'refs/tags/v1'))).toEqual({ name: 'push', headSha: 'f'.repeat(40) });
  });

  it('takes the head commit of a workflow_run from the triggering run and its base from the PR it lists', () => {
    const run = { workflow_run: { head_sha: 'd'.repeat(40), pull_requests: [{ base: { sha: 'b'.repeat(40), ref: 'release' } }] }, repository: { default_branch: 'main' } };
    expect(eventInfo(context('workflow_run', run, 'refs/heads/main'))).toEqual({ name: 'workflow_run', headSha: 'd'.repeat(40), baseSha: 'b'.repeat(40), baseRef: 'release', defaultBranch: 'main' });
  });

  it('compares a fork PR reported through workflow_run (no pull_requests listed) with the default branch', () => {
    const run = { workflow_run: { head_sha: 'd'.repeat(40), pull_requests: [] }, repository: { default_branch: 'main' } };
    expect(eventInfo(context('workflow_run', run, 'refs/heads/main'))).toEqual({ name: 'workflow_run', headSha: 'd'.repeat(40), baseRef: 'main', defaultBranch: 'main' });
  });
});

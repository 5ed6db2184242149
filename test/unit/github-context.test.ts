import { describe, expect, it } from 'vitest';
import { eventTarget, reportCommit } from '../../src/github/context.js';

const HEAD = 'b'.repeat(40);

describe('event target', () => {
  it('reads the pull request number and head commit, not the merge commit', () => {
    const target = eventTarget('pull_request', { number: 7, pull_request: { number: 7, head: { sha: HEAD, ref: 'faster-kv-cache' } } }, 'f'.repeat(40));
    expect(target).toEqual({ kind: 'pull_request', number: 7, headSha: HEAD, headRef: 'faster-kv-cache' });
    expect(reportCommit(target)).toEqual({ sha: HEAD, ref: 'faster-kv-cache' });
  });

  it('treats pull_request_target like pull_request', () => {
    expect(eventTarget('pull_request_target', { pull_request: { number: 9, head: { sha: HEAD } } })).toEqual({ kind: 'pull_request', number: 9, headSha: HEAD });
  });

  it('reads the pushed commit and branch', () => {
    const target = eventTarget('push', { after: HEAD, ref: 'refs/heads/main' });
    expect(target).toEqual({ kind: 'push', sha: HEAD, ref: 'refs/heads/main' });
    expect(reportCommit(target)).toEqual({ sha: HEAD, ref: 'main' });
  });

  it('reads the triggering run of a workflow_run: its id, event, head commit, branch and fork owner', () => {
    const target = eventTarget('workflow_run', {
      workflow_run: { id: 4242, run_attempt: 2, event: 'pull_request', head_sha: HEAD, head_branch: 'faster-kv-cache', head_repository: { owner: { login: 'contributor' } }, pull_requests: [] },
    });
    expect(target).toEqual({ kind: 'workflow_run', triggeringEvent: 'pull_request', runId: 4242, runAttempt: 2, headSha: HEAD, headBranch: 'faster-kv-cache', headOwner: 'contributor', pullRequests: [] });
    expect(reportCommit(target)).toEqual({ sha: HEAD, ref: 'faster-kv-cache' });
  });

  it('falls back to GITHUB_SHA for other events', () => {
    expect(eventTarget('workflow_dispatch', {}, HEAD)).toEqual({ kind: 'other', eventName: 'workflow_dispatch', sha: HEAD });
  });

  it('does not take a branch deletion (all-zero after) for a commit', () => {
    expect(eventTarget('push', { after: '0'.repeat(40), ref: 'refs/heads/old' })).toEqual({ kind: 'other', eventName: 'push' });
  });
});

import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../src/baseline/snapshot.js';
import { commitAll, git, throughputCsv } from '../helpers/baseline.js';
import { buildBundle, runAction, type ActionRun } from '../helpers/run-action.js';
import { makeTempDir, removeDir, writeTree } from '../helpers/tmp.js';

/**
 * The regression gate as GitHub runs it: the bundled action on a pull request
 * whose checkout has the base branch history (`fetch-depth: 0`). No cache
 * service is reachable here, so `baseline: auto` falls through to the merge
 * base read from git.
 *
 * Seven runs per side around 100 tok/s with a CV of about 0.7%: under the
 * default mean/Welch test a 15% drop is far past the 5% threshold and
 * significant, a 1% drop is inside the threshold whatever the test says.
 */
const BASE = [100, 101, 99, 100.5, 99.5, 100, 100];
const scaled = (factor: number) => BASE.map((v) => Number((v * factor).toFixed(2)));

let bundle: string;
let root: string;

interface PullRequest {
  workspace: string;
  base: string;
  head: string;
}

/** main holds the baseline results; the PR branch changes them by `factor`. */
function pullRequestRepo(name: string, factor: number): PullRequest {
  const workspace = path.join(root, name);
  mkdirSync(workspace);
  git(workspace, ['init', '-q']);
  writeTree(workspace, { 'bench/runs.csv': throughputCsv({ llama3: BASE }), 'bench/README.md': '# How we benchmark\n' });
  const base = commitAll(workspace, 'baseline', '2025-10-01T10:00:00Z');
  git(workspace, ['checkout', '-q', '-b', 'kv-cache']);
  writeTree(workspace, { 'bench/runs.csv': throughputCsv({ llama3: scaled(factor) }) });
  const head = commitAll(workspace, 'new kv cache', '2025-10-02T10:00:00Z');
  return { workspace, base, head };
}

function pullRequestEvent(pr: PullRequest) {
  return {
    pull_request: { number: 7, head: { sha: pr.head, ref: 'kv-cache' }, base: { sha: pr.base, ref: 'main' } },
    repository: { default_branch: 'main' },
  };
}

function runOn(pr: PullRequest, workspace = pr.workspace): ActionRun {
  return runAction(path.join(bundle, 'index.js'), { workspace, inputs: { path: 'bench', llm: 'false' }, event: pullRequestEvent(pr), env: { GITHUB_SHA: pr.head } });
}

let dropped: PullRequest;
let regression: ActionRun;
let steady: ActionRun;

beforeAll(() => {
  bundle = buildBundle();
  root = makeTempDir('chimera-gate-e2e-');
  dropped = pullRequestRepo('dropped', 0.85);
  regression = runOn(dropped);
  steady = runOn(pullRequestRepo('steady', 0.99));
});

afterAll(() => {
  if (root) removeDir(root);
});

describe('a pull request whose throughput dropped 15%', () => {
  it('fails the step with the regressed metric, its change and threshold', () => {
    expect(regression.exitCode).toBe(1);
    // The runner's command encoding turns % into %25.
    expect(regression.stdout).toContain('::error::1 gated metric regressed: tokens_s (model=llama3) −15.0%25 (threshold 5%25, p<0.001)\n');
  });

  it('sets the verdict outputs', () => {
    expect(regression.outputs.verdict).toBe('regression');
    expect(regression.outputs.regressions).toBe('1');
    expect(regression.outputs.improvements).toBe('0');
  });

  it('publishes the summary, naming the merge base it compared with, before failing', () => {
    // The age after the merge base depends on today's date; report.json holds the time it is computed from.
    expect(regression.summary).toContain(`❌ **Regression:** 1 gated metric regressed against git merge base ${dropped.base.slice(0, 7)} (`);
    const report = JSON.parse(readFileSync(regression.outputs['report-json-path'] as string, 'utf8')) as { comparison: { baseline: unknown } };
    expect(report.comparison.baseline).toEqual({ source: 'git', description: `git merge base ${dropped.base.slice(0, 7)}`, commit: { sha: dropped.base, ref: 'main' }, createdAt: '2025-10-01T10:00:00.000Z' });
    const failedAt = regression.stdout.indexOf('::error::');
    expect(failedAt).toBeGreaterThan(regression.stdout.indexOf('Report written to'));
  });

  it('writes snapshot.json of the head next to report.md', () => {
    const snapshotPath = regression.outputs['snapshot-path'] as string;
    expect(path.dirname(snapshotPath)).toBe(path.dirname(regression.outputs['report-path'] as string));
    const snapshot = parseSnapshot(readFileSync(snapshotPath, 'utf8'), 'snapshot.json');
    expect(snapshot.commit?.sha).toBe(dropped.head);
    // The gate compares means: the baseline keeps n, mean and sd, not the samples.
    expect(snapshot.series.map((s) => [s.id, s.stats.n, s.samples])).toEqual([['bench/runs.csv::tokens_s{model=llama3}', scaled(0.85).length, []]]);
  });
});

describe('a pull request whose throughput dropped 1%', () => {
  it('passes', () => {
    expect(steady.stderr).toBe('');
    expect(steady.exitCode).toBe(0);
    expect(steady.stdout).not.toContain('::error::');
    expect(steady.outputs.verdict).toBe('pass');
    expect(steady.outputs.regressions).toBe('0');
    expect(steady.summary).toContain('✅ **No regression** against git merge base');
  });
});

describe('a pull request checked out shallow', () => {
  it('passes with no baseline and says how to fetch the history', () => {
    const shallow = path.join(root, 'shallow');
    git(root, ['clone', '-q', '--depth', '1', '--branch', 'kv-cache', `file://${dropped.workspace}`, shallow]);
    const run = runOn(dropped, shallow);
    rmSync(shallow, { recursive: true, force: true });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('no-baseline');
    expect(run.summary).toContain(`git: the clone is shallow and does not contain the base commit ${dropped.base.slice(0, 7)}: use actions/checkout with fetch-depth: 0 so the base branch history is fetched`);
  });
});

describe('a push to the default branch', () => {
  it('writes the snapshot and warns, without failing, that no cache service is there to keep it', () => {
    const run = runAction(path.join(bundle, 'index.js'), {
      workspace: dropped.workspace,
      inputs: { path: 'bench', llm: 'false' },
      eventName: 'push',
      event: { before: '0000000000000000000000000000000000000000', repository: { default_branch: 'main' } },
      env: { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: dropped.base },
    });
    expect(run.exitCode).toBe(0);
    expect(existsSync(run.outputs['snapshot-path'] as string)).toBe(true);
    expect(run.stdout).toContain('::warning::Baseline cache: snapshot not saved: the cache service is not available (outside GitHub Actions, or the runner sets no cache URL).');
  });
});

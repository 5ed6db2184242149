import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { baselineFromGit } from '../../src/baseline/sources/git.js';
import type { EventInfo, SourceOutcome } from '../../src/baseline/sources/types.js';
import { analyzeTree, commitAll, configFor, git, throughputCsv } from '../helpers/baseline.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-git-baseline-');
let repo: string;
let mergeBase: string;
let mainTip: string;
let featureTip: string;

/**
 * main: bench/runs.csv at 100 tok/s, then (after the branch point) 120 tok/s.
 * feature (branched from the first commit): 85 tok/s and a new file.
 */
beforeEach(() => {
  repo = path.join(tmp.dir, 'repo');
  mkdirSync(repo);
  git(repo, ['init', '-q']);
  writeTree(repo, {
    'bench/runs.csv': throughputCsv({ llama3: [100, 101, 99, 100, 100] }),
    'bench/old/legacy.csv': throughputCsv({ legacy: [1, 2, 3] }),
    'scripts/run.sh': 'echo never run\n',
  });
  symlinkSync('/etc/hostname', path.join(repo, 'bench', 'link.csv'));
  mergeBase = commitAll(repo, 'baseline results', '2025-10-01T10:00:00Z');
  git(repo, ['checkout', '-q', '-b', 'feature']);
  writeTree(repo, { 'bench/runs.csv': throughputCsv({ llama3: [85, 86, 84, 85, 85] }), 'bench/new.csv': throughputCsv({ qwen: [50, 51] }) });
  featureTip = commitAll(repo, 'slower', '2025-10-03T10:00:00Z');
  git(repo, ['checkout', '-q', 'main']);
  writeTree(repo, { 'bench/runs.csv': throughputCsv({ llama3: [120, 121, 119, 120, 120] }) });
  mainTip = commitAll(repo, 'faster main', '2025-10-02T10:00:00Z');
  git(repo, ['checkout', '-q', 'feature']);
});

const prEvent = (): EventInfo => ({ name: 'pull_request', baseSha: mainTip, headSha: featureTip, baseRef: 'main' });

function fromGit(workspace: string, inputs: Record<string, string> = {}, event: EventInfo = prEvent()): Promise<SourceOutcome> {
  const tempDir = path.join(tmp.dir, 'work');
  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir);
  return baselineFromGit({ config: configFor(workspace, inputs), event, analyzeTree, tempDir });
}

function found(outcome: SourceOutcome) {
  if (!('found' in outcome)) throw new Error(`expected a baseline, got: ${outcome.reason}`);
  return outcome.found;
}

describe('the git baseline', () => {
  it('analyses the benchmark files at the merge base, not at the base branch tip', async () => {
    const baseline = found(await fromGit(repo, { path: 'bench' }));
    const runs = baseline.series.find((s) => s.id === 'bench/runs.csv::tokens_s{model=llama3}');
    expect(runs?.samples).toEqual([100, 101, 99, 100, 100]);
    expect(baseline.info).toEqual({
      source: 'git',
      description: `git merge base ${mergeBase.slice(0, 7)}`,
      commit: { sha: mergeBase, ref: 'main' },
      createdAt: '2025-10-01T10:00:00.000Z',
    });
  });

  it('gives the series the ids the head analysis gives them', async () => {
    const baseline = found(await fromGit(repo, { path: 'bench' }));
    const head = await analyzeTree(configFor(repo, { path: 'bench' }));
    expect(baseline.series.map((s) => s.id)).toEqual(['bench/old/legacy.csv::tokens_s{model=legacy}', 'bench/runs.csv::tokens_s{model=llama3}']);
    expect(head.series.map((s) => s.id)).toEqual(expect.arrayContaining(baseline.series.map((s) => s.id)));
  });

  it('applies the same patterns and ignores as the head', async () => {
    const baseline = found(await fromGit(repo, { path: 'bench', ignore: '**/old/**' }));
    expect(baseline.series.map((s) => s.file)).toEqual(['bench/runs.csv']);
  });

  it('writes out only regular files: a symlink in the tree is neither followed nor copied', async () => {
    found(await fromGit(repo));
    const extracted = path.join(tmp.dir, 'work', 'merge-base');
    expect(existsSync(path.join(extracted, 'bench', 'runs.csv'))).toBe(true);
    expect(existsSync(path.join(extracted, 'bench', 'link.csv'))).toBe(false);
  });

  it('works from the PR merge commit when the head commit itself was not fetched', async () => {
    const baseline = found(await fromGit(repo, { path: 'bench' }, { ...prEvent(), headSha: '0'.repeat(40) }));
    expect(baseline.info.commit?.sha).toBe(mergeBase);
  });

  it('says how to fix a shallow clone that lacks the base commit', async () => {
    const shallow = path.join(tmp.dir, 'shallow');
    git(tmp.dir, ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, shallow]);
    const outcome = await fromGit(shallow, { path: 'bench' });
    expect(outcome).toEqual({
      reason: `the clone is shallow and does not contain the base commit ${mainTip.slice(0, 7)}: use actions/checkout with fetch-depth: 0 so the base branch history is fetched`,
    });
  });

  it('says how to fix a shallow clone that has both tips but not their merge base', async () => {
    const shallow = path.join(tmp.dir, 'shallow');
    git(tmp.dir, ['clone', '-q', '--depth', '1', '--no-single-branch', '--branch', 'feature', `file://${repo}`, shallow]);
    const outcome = await fromGit(shallow, { path: 'bench' });
    expect(outcome).toEqual({
      reason: `the clone is too shallow to find the merge base of ${mainTip.slice(0, 7)} and ${featureTip.slice(0, 7)}: use actions/checkout with fetch-depth: 0 so the base branch history is fetched`,
    });
  });

  it('has nothing to compare when the benchmark folder did not exist at the merge base', async () => {
    writeTree(repo, { 'results/r.csv': throughputCsv({ a: [1, 2, 3] }) });
    commitAll(repo, 'new folder', '2025-10-04T10:00:00Z');
    expect(await fromGit(repo, { path: 'results' })).toEqual({ reason: `results does not exist at the merge base ${mergeBase.slice(0, 7)}` });
  });

  it('needs a base commit from the event', async () => {
    expect(await fromGit(repo, {}, { name: 'workflow_dispatch' })).toEqual({ reason: 'no base commit: needs a pull_request event (or a push with a previous commit)' });
  });

  it('needs a git checkout', async () => {
    const plain = path.join(tmp.dir, 'plain');
    writeTree(plain, { 'runs.csv': throughputCsv({ a: [1, 2, 3] }) });
    expect(await fromGit(plain)).toEqual({ reason: '. is not inside a git checkout' });
  });
});

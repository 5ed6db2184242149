import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { lastCommitTimes } from '../../src/discover/git-times.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-git-');
let base: string;
let repo: string;

/** git with a fixed identity and clock, isolated from the machine's configuration. */
function git(cwd: string, args: string[], date?: string): string {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Bench Bot',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench Bot',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  };
  if (date) {
    env.GIT_AUTHOR_DATE = date;
    env.GIT_COMMITTER_DATE = date;
  }
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function commitAll(message: string, date: string, cwd = repo): void {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '-m', message], date);
}

beforeEach(() => {
  base = tmp.dir;
  repo = path.join(base, 'repo');
  git(base, ['init', '-q', 'repo']);
});

describe('lastCommitTimes', () => {
  it('gives each file the committer time of the last commit that touched it', async () => {
    writeTree(repo, { 'results/a.csv': 'x\n1\n', 'results/b.json': '{"x":1}' });
    commitAll('first results', '2025-10-01T10:00:00+00:00');
    writeTree(repo, { 'results/a.csv': 'x\n1\n2\n', 'results/c.md': '| x |\n|---|\n| 1 |\n' });
    commitAll('more results', '2025-10-02T12:30:45+00:00');

    const git = await lastCommitTimes(repo, ['results/a.csv', 'results/b.json', 'results/c.md']);
    expect(git.checkout).toBe(true);
    expect(git.shallow).toBe(false);
    expect(Object.fromEntries(git.times)).toEqual({
      'results/a.csv': '2025-10-02T12:30:45+00:00',
      'results/b.json': '2025-10-01T10:00:00+00:00',
      'results/c.md': '2025-10-02T12:30:45+00:00',
    });
  });

  it('keeps the committer time zone in the ISO time', async () => {
    writeTree(repo, { 'run.csv': 'x\n1\n' });
    commitAll('run', '2025-10-02T17:08:37+02:00');
    const git = await lastCommitTimes(repo, ['run.csv']);
    expect(git.times.get('run.csv')).toBe('2025-10-02T17:08:37+02:00');
    expect(new Date(git.times.get('run.csv') ?? '').toISOString()).toBe('2025-10-02T15:08:37.000Z');
  });

  it('leaves untracked and unknown files out of the map', async () => {
    writeTree(repo, { 'tracked.csv': 'x\n1\n' });
    commitAll('tracked', '2025-10-01T10:00:00+00:00');
    writeTree(repo, { 'untracked.csv': 'x\n2\n' });
    const git = await lastCommitTimes(repo, ['tracked.csv', 'untracked.csv', 'missing.csv']);
    expect(Object.fromEntries(git.times)).toEqual({ 'tracked.csv': '2025-10-01T10:00:00+00:00' });
  });

  it('returns only the paths asked for', async () => {
    writeTree(repo, { 'a.csv': 'x\n1\n', 'b.csv': 'x\n1\n' });
    commitAll('both', '2025-10-01T10:00:00+00:00');
    const git = await lastCommitTimes(repo, ['b.csv']);
    expect(Object.fromEntries(git.times)).toEqual({ 'b.csv': '2025-10-01T10:00:00+00:00' });
  });

  it('reads file names with spaces, quotes, tabs and non-ASCII letters verbatim', async () => {
    const names = ['with space.csv', 'say "hi".csv', 'tab\there.csv', 'back\\slash.csv', 'ünïcode/résultats.json'];
    writeTree(repo, Object.fromEntries(names.map((n) => [n, 'x\n1\n'])));
    commitAll('odd names', '2025-10-03T08:00:00+00:00');
    const git = await lastCommitTimes(repo, names);
    expect(Object.fromEntries(git.times)).toEqual(Object.fromEntries(names.map((n) => [n, '2025-10-03T08:00:00+00:00'])));
  });

  it('uses paths relative to a workspace below the repository root', async () => {
    writeTree(repo, { 'bench/results/a.csv': 'x\n1\n', 'other/a.csv': 'x\n1\n' });
    commitAll('first', '2025-10-01T10:00:00+00:00');
    writeTree(repo, { 'other/a.csv': 'x\n2\n' });
    commitAll('other only', '2025-10-05T10:00:00+00:00');
    const git = await lastCommitTimes(path.join(repo, 'bench'), ['results/a.csv']);
    expect(Object.fromEntries(git.times)).toEqual({ 'results/a.csv': '2025-10-01T10:00:00+00:00' });
  });

  it('ignores a rename and dates the new name from the renaming commit', async () => {
    writeTree(repo, { 'old.csv': 'x\n1\n2\n3\n' });
    commitAll('old', '2025-10-01T10:00:00+00:00');
    git(repo, ['mv', 'old.csv', 'new.csv']);
    commitAll('rename', '2025-10-04T10:00:00+00:00');
    const times = await lastCommitTimes(repo, ['new.csv']);
    expect(Object.fromEntries(times.times)).toEqual({ 'new.csv': '2025-10-04T10:00:00+00:00' });
  });

  it('is a checkout with no times before the first commit', async () => {
    writeTree(repo, { 'a.csv': 'x\n1\n' });
    const git = await lastCommitTimes(repo, ['a.csv']);
    expect(git).toEqual({ times: new Map(), checkout: true, shallow: false });
  });

  it('reports checkout false outside a git work tree', async () => {
    const plain = path.join(base, 'plain');
    writeTree(plain, { 'a.csv': 'x\n1\n' });
    expect(await lastCommitTimes(plain, ['a.csv'])).toEqual({ times: new Map(), checkout: false, shallow: false });
  });

  it('reports checkout false for a directory that does not exist', async () => {
    expect(await lastCommitTimes(path.join(base, 'nowhere'), ['a.csv'])).toEqual({
      times: new Map(),
      checkout: false,
      shallow: false,
    });
  });

  it('detects a shallow clone, where unchanged files carry the boundary commit time', async () => {
    writeTree(repo, { 'a.csv': 'x\n1\n', 'b.csv': 'x\n1\n' });
    commitAll('first', '2025-10-01T10:00:00+00:00');
    writeTree(repo, { 'b.csv': 'x\n2\n' });
    commitAll('second', '2025-10-02T10:00:00+00:00');
    git(base, ['clone', '-q', '--depth', '1', `file://${repo}`, 'shallow']);

    const git1 = await lastCommitTimes(path.join(base, 'shallow'), ['a.csv', 'b.csv']);
    expect(git1.checkout).toBe(true);
    expect(git1.shallow).toBe(true);
    expect(Object.fromEntries(git1.times)).toEqual({
      'a.csv': '2025-10-02T10:00:00+00:00',
      'b.csv': '2025-10-02T10:00:00+00:00',
    });
  });

  it('answers an empty request without reading history', async () => {
    writeTree(repo, { 'a.csv': 'x\n1\n' });
    commitAll('first', '2025-10-01T10:00:00+00:00');
    expect(await lastCommitTimes(repo, [])).toEqual({ times: new Map(), checkout: true, shallow: false });
  });
});

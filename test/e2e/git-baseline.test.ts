import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, git, throughputCsv } from '../helpers/baseline.js';
import { buildBundle } from '../helpers/run-action.js';
import { scaled } from '../helpers/shards.js';
import { makeTempDir, removeDir, writeTree } from '../helpers/tmp.js';

/**
 * `--baseline git:<ref>` for CI systems without GitHub's event (GitLab,
 * Jenkins) and laptops: the bundled CLI in a repository of two commits, main
 * holding the baseline and a branch whose throughput dropped 15%.
 */
let bundle: string;
let root: string;
let repo: string;
let base: string;

function cli(args: string[], cwd = repo) {
  const r = spawnSync(process.execPath, [path.join(bundle, 'cli', 'index.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  bundle = buildBundle();
  root = makeTempDir('chimera-git-baseline-e2e-');
  repo = path.join(root, 'repo');
  writeTree(repo, { 'bench/runs.csv': throughputCsv({ llama3: scaled(1) }) });
  git(repo, ['init', '-q']);
  base = commitAll(repo, 'baseline', '2025-10-01T10:00:00Z');
  git(repo, ['checkout', '-q', '-b', 'kv-cache']);
  writeTree(repo, { 'bench/runs.csv': throughputCsv({ llama3: scaled(0.85) }) });
  commitAll(repo, 'new kv cache', '2025-10-02T10:00:00Z');
}, 600_000);

afterAll(() => {
  if (root) removeDir(root);
});

describe('chimera-insight analyze --baseline git:main', () => {
  it('compares with the same files at the merge base and exits 1 for the 15% drop', () => {
    const { code, stdout, stderr } = cli(['analyze', 'bench', '--baseline', 'git:main', '--no-llm']);
    expect(code).toBe(1);
    expect(stdout).toContain(`❌ Regression: 1 gated metric regressed against git merge base ${base.slice(0, 7)} with main (`);
    expect(stdout).toContain('  tokens_s · llama3  100 tok/s  85 tok/s  −15.0% (−15.6% … −14.4%)  regressed (5%)');
    expect(stderr).toContain('1 gated metric regressed: tokens_s (model=llama3) −15.0% (threshold 5%, p<0.001)\n');
  });

  it('records the merge base with the ref it was asked for', () => {
    const { stdout } = cli(['analyze', 'bench', '--baseline', 'git:main', '--no-llm', '--format', 'json']);
    const report = JSON.parse(stdout) as { comparison: { baseline: unknown } };
    expect(report.comparison.baseline).toEqual({ source: 'git', description: `git merge base ${base.slice(0, 7)} with main`, commit: { sha: base, ref: 'main' }, createdAt: '2025-10-01T10:00:00.000Z' });
  });

  it('exits 2 for a ref the clone does not have, instead of passing without a baseline', () => {
    const { code, stderr } = cli(['analyze', 'bench', '--baseline', 'git:mian', '--no-llm']);
    expect(code).toBe(2);
    expect(stderr).toContain('Baseline git:mian: no branch, tag or commit named "mian" in this clone\n');
  });
});

describe('chimera-insight merge --baseline git:main', () => {
  let shardRepo: string;
  beforeAll(() => {
    // A repository that commits one shard folder per machine: main's, then the branch's with the L4 15% slower.
    shardRepo = path.join(root, 'shard-repo');
    writeTree(shardRepo, { 'README.md': '# results\n' });
    git(shardRepo, ['init', '-q']);
    const shard = (hw: string, speed: number) => {
      const checkout = path.join(root, 'runner', `${hw}-${speed}`);
      writeTree(checkout, { 'bench/runs.csv': throughputCsv({ llama3: scaled(speed) }) });
      const r = spawnSync(process.execPath, [path.join(bundle, 'cli', 'index.js'), 'shard', 'bench', '--out', path.join(shardRepo, 'shards', hw), '--hardware', hw], { cwd: checkout, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
    };
    shard('h100', 3);
    shard('l4', 1);
    commitAll(shardRepo, 'main results', '2025-10-01T10:00:00Z');
    git(shardRepo, ['checkout', '-q', '-b', 'kv-cache']);
    shard('h100', 3);
    shard('l4', 0.85);
    commitAll(shardRepo, 'branch results', '2025-10-02T10:00:00Z');
  });

  it('reads the shard folders at the merge base and exits 1 for the L4 alone', () => {
    const { code, stdout } = cli(['merge', 'shards/h100', 'shards/l4', '--baseline', 'git:main', '--no-llm'], shardRepo);
    expect(code).toBe(1);
    expect(stdout).toContain('  tokens_s · l4 · llama3  100 tok/s  85 tok/s  −15.0% (−15.6% … −14.4%)  regressed (5%)\n  2 compared: 1 regressed, 1 unchanged.');
  });
});

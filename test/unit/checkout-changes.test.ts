import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesInCheckout } from '../../src/baseline/sources/checkout-changes.js';
import type { EventInfo } from '../../src/baseline/sources/types.js';
import { compareStage } from '../../src/baseline/stage.js';
import type { Report } from '../../src/model/report.js';
import { analyzeTree, commitAll, configFor, git, throughputCsv } from '../helpers/baseline.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-checkout-');

/** A git repository at `tmp.dir/repo` holding `files`, committed; returns its path and the commit. */
function repoWith(files: Record<string, string>): { repo: string; sha: string } {
  const repo = path.join(tmp.dir, 'repo');
  mkdirSync(repo, { recursive: true });
  git(repo, ['init', '-q']);
  writeTree(repo, files);
  return { repo, sha: commitAll(repo, 'runs') };
}

const OLD = 'runs/20251009-093015/throughput.csv';
const NEW = 'runs/20251016-101122/throughput.csv';
const committedRuns = { [OLD]: throughputCsv({ llama3: [100, 101, 99] }), [NEW]: throughputCsv({ llama3: [85, 86, 84] }) };

describe('changesInCheckout', () => {
  it('finds nothing new in files committed and left alone', async () => {
    const { repo } = repoWith(committedRuns);
    expect(await changesInCheckout(repo, [OLD, NEW])).toEqual({ changed: new Set(), checkout: true });
  });

  it('counts a file git does not track', async () => {
    const { repo } = repoWith(committedRuns);
    writeTree(repo, { 'runs/20251023-090000/throughput.csv': 'model,run,tokens_s\n' });
    expect((await changesInCheckout(repo, [NEW, 'runs/20251023-090000/throughput.csv'])).changed).toEqual(new Set(['runs/20251023-090000/throughput.csv']));
  });

  it('counts a committed file changed in the working tree, staged or not', async () => {
    const { repo } = repoWith(committedRuns);
    writeFileSync(path.join(repo, NEW), throughputCsv({ llama3: [1, 2, 3] }));
    writeFileSync(path.join(repo, OLD), throughputCsv({ llama3: [4, 5, 6] }));
    git(repo, ['add', OLD]);
    expect((await changesInCheckout(repo, [OLD, NEW])).changed).toEqual(new Set([OLD, NEW]));
  });

  it('counts a file the branch changed since the base commit', async () => {
    const { repo, sha: base } = repoWith({ [OLD]: committedRuns[OLD] });
    writeTree(repo, { [NEW]: committedRuns[NEW] });
    commitAll(repo, 'new run', '2025-10-16T10:11:22Z');
    expect((await changesInCheckout(repo, [OLD, NEW], base)).changed).toEqual(new Set([NEW]));
    // Without the base commit the same file is committed and unchanged.
    expect((await changesInCheckout(repo, [OLD, NEW])).changed).toEqual(new Set());
  });

  it('counts a run moved to a new path as new', async () => {
    const { repo } = repoWith(committedRuns);
    mkdirSync(path.join(repo, 'runs/20251023-090000'));
    renameSync(path.join(repo, NEW), path.join(repo, 'runs/20251023-090000/throughput.csv'));
    git(repo, ['add', '-A']);
    expect((await changesInCheckout(repo, [OLD, 'runs/20251023-090000/throughput.csv'])).changed).toEqual(new Set(['runs/20251023-090000/throughput.csv']));
  });

  it('ignores a base commit that is not a commit id', async () => {
    const { repo } = repoWith(committedRuns);
    expect((await changesInCheckout(repo, [OLD, NEW], '--output=/tmp/x')).changed).toEqual(new Set());
  });

  it('answers only for the paths asked about', async () => {
    const { repo } = repoWith(committedRuns);
    writeTree(repo, { 'notes.md': '# notes\n', [NEW]: 'changed\n' });
    expect((await changesInCheckout(repo, [NEW])).changed).toEqual(new Set([NEW]));
  });

  it('names paths relative to a workspace inside the repository', async () => {
    const { repo } = repoWith({ 'bench/runs/20251009-093015/throughput.csv': 'a\n', 'bench/runs/20251016-101122/throughput.csv': 'b\n' });
    writeFileSync(path.join(repo, 'bench/runs/20251016-101122/throughput.csv'), 'changed\n');
    const workspace = path.join(repo, 'bench');
    expect((await changesInCheckout(workspace, ['runs/20251009-093015/throughput.csv', 'runs/20251016-101122/throughput.csv'])).changed).toEqual(
      new Set(['runs/20251016-101122/throughput.csv']),
    );
  });

  it('reads names with spaces and non-ASCII letters verbatim', async () => {
    const names = ['runs/2025 10 16/débit ü.csv', 'runs/2025 10 09/débit ü.csv'];
    const { repo } = repoWith({ [names[1] as string]: 'a\n' });
    writeTree(repo, { [names[0] as string]: 'b\n' });
    expect((await changesInCheckout(repo, names)).changed).toEqual(new Set([names[0]]));
  });

  it('outside a git checkout counts every file as new and says it could not tell', async () => {
    writeTree(tmp.dir, { [NEW]: 'x\n' });
    expect(await changesInCheckout(tmp.dir, [NEW])).toEqual({ changed: new Set([NEW]), checkout: false });
  });

  it('asks git nothing for no paths', async () => {
    expect(await changesInCheckout(path.join(tmp.dir, 'missing'), [])).toEqual({ changed: new Set(), checkout: true });
  });
});

describe('the history baseline in a checkout', () => {
  const event: EventInfo = { name: 'pull_request', baseSha: '', headSha: '', baseRef: 'main' };

  /** Analyses `workspace` and compares it with the history baseline, as the pipeline does. */
  async function compareHistory(workspace: string, baseSha = ''): Promise<Report> {
    const config = configFor(workspace, { baseline: 'history' });
    const report = await analyzeTree(config);
    const stage = compareStage({
      config,
      event: { ...event, baseSha },
      analyzeTree,
      file: { base: workspace, confineToWorkspace: true },
      log: { info: () => undefined, warning: () => undefined },
      tempRoot: path.join(tmp.dir, 'temp'),
    });
    await stage.compare(report);
    return report;
  }

  it('shows a regression between two committed runs the pull request did not touch, ungated, and says why', async () => {
    const { repo, sha } = repoWith(committedRuns);
    const report = await compareHistory(repo, sha);
    expect(report.comparison?.verdict).toBe('pass');
    expect(report.comparison?.series.map((c) => [c.verdict, c.gated, c.note])).toEqual([['regressed', false, 'not gated: this checkout did not produce the run']]);
    expect(report.comparison?.baseline?.note).toContain(`the newest run (${NEW}) is committed and unchanged in this checkout, so it is shown, not gated`);
  });

  it('gates the newest run when the checkout brings it', async () => {
    const { repo, sha } = repoWith({ [OLD]: committedRuns[OLD] });
    writeTree(repo, { [NEW]: committedRuns[NEW] });
    const report = await compareHistory(repo, sha);
    expect(report.comparison?.verdict).toBe('regression');
    expect(report.comparison?.series.map((c) => [c.verdict, c.gated])).toEqual([['regressed', true]]);
  });

  it('gates the newest run when the branch committed it after the base', async () => {
    const { repo, sha: base } = repoWith({ [OLD]: committedRuns[OLD] });
    writeTree(repo, { [NEW]: committedRuns[NEW] });
    commitAll(repo, 'new run', '2025-10-16T10:11:22Z');
    expect((await compareHistory(repo, base)).comparison?.verdict).toBe('regression');
  });

  it('gates the newest run a checkout brings into a workspace below the repository root', async () => {
    const { repo, sha } = repoWith({ [`bench/${OLD}`]: committedRuns[OLD] });
    writeTree(repo, { [`bench/${NEW}`]: committedRuns[NEW] });
    const report = await compareHistory(path.join(repo, 'bench'), sha);
    expect(report.comparison?.series.map((c) => [c.verdict, c.gated])).toEqual([['regressed', true]]);
  });

  it('gates as before outside a git checkout, where nothing can be told apart', async () => {
    const workspace = path.join(tmp.dir, 'plain');
    writeTree(workspace, committedRuns);
    expect((await compareHistory(workspace)).comparison?.verdict).toBe('regression');
  });
});

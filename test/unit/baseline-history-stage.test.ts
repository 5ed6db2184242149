import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextHistory } from '../../src/baseline/action.js';
import { createSnapshot } from '../../src/baseline/snapshot.js';
import { saveToCache } from '../../src/baseline/sources/cache.js';
import type { EventInfo } from '../../src/baseline/sources/types.js';
import { compareStage } from '../../src/baseline/stage.js';
import type { Report } from '../../src/model/report.js';
import { trendSections } from '../../src/report/trend.js';
import { analyzeTree, configFor, throughputCsv } from '../helpers/baseline.js';
import { FakeCache } from '../helpers/fake-cache.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-history-stage-');
const sha = (i: number) => i.toString(16).padStart(2, '0').repeat(20);
const quiet = { info: () => {}, warning: () => {} };

/** Five samples around `mean`: the run's within-run spread is small (sd 0.71). */
const run = (mean: number) => [mean - 1, mean, mean + 1, mean, mean];

/**
 * One workflow run as the action does it: analyse bench/runs.csv, compare
 * with the cached baseline, and on a push to main append this run to the
 * history and save both (finishGate without the step outputs).
 */
async function workflowRun(cache: FakeCache, event: EventInfo, mean: number, inputs: Record<string, string> = {}): Promise<Report> {
  const workspace = path.join(tmp.dir, 'ws');
  writeTree(workspace, { 'bench/runs.csv': throughputCsv({ llama3: run(mean) }) });
  const config = configFor(workspace, { path: 'bench', baseline: 'cache', ...inputs });
  const report = await analyzeTree(config);
  if (event.headSha) report.commit = { sha: event.headSha, ref: 'main' };
  const dir = path.join(tmp.dir, 'cache');
  const stage = compareStage({ config, event, analyzeTree, cache: { client: cache, dir }, file: { base: workspace, confineToWorkspace: true }, log: quiet, tempRoot: path.join(tmp.dir, 'temp') });
  await stage.compare(report);
  const snapshot = createSnapshot(report);
  const history = nextHistory(config, event, snapshot, stage.history(), () => {});
  await saveToCache({ cache, dir, event, snapshot, ...(history ? { history } : {}), log: quiet });
  return report;
}

const push = (i: number): EventInfo => ({ name: 'push', headSha: sha(i), ...(i > 0 ? { baseSha: sha(i - 1) } : {}), branch: 'main', defaultBranch: 'main', runId: String(1000 + i) });
const pullRequest = (base: number): EventInfo => ({ name: 'pull_request', headSha: 'f'.repeat(40), baseSha: sha(base), baseRef: 'main' });

/** Ten pushes to main whose run means scatter by 2.6% (variance 60/9). */
const SCATTERED = [100, 103, 97, 102, 98, 101, 99, 104, 96, 100];

describe('the default-branch history across workflow runs', () => {
  it('learns run-to-run noise from ten pushes, so a pull request 6% down is inconclusive, not a regression', async () => {
    const cache = new FakeCache();
    for (const [i, mean] of SCATTERED.entries()) await workflowRun(cache, push(i), mean);
    const pr = await workflowRun(cache, pullRequest(9), 94);
    const c = pr.comparison?.series[0];
    expect(c?.verdict).toBe('inconclusive');
    expect(c?.noise).toMatchObject({ source: 'between-run', historyRuns: 10, baselineRuns: 10 });
    expect(c?.note).toMatch(/; noise: between-run \(history of 10 runs\); baseline: mean of 10 default-branch runs$/);
    expect(pr.comparison?.history).toMatchObject({ runs: 10, betweenRun: 1, withinRun: 0, changePoints: false });
    const trend = pr.comparison?.history?.trends[0];
    expect(trend?.points.map((p) => p.value)).toEqual(SCATTERED);
    expect(trend?.points.map((p) => p.commit)).toEqual(SCATTERED.map((_, i) => sha(i)));
    expect(trend?.current).toBe(94);
    expect(trend?.changes).toBeUndefined();
  });

  it('compares a pull request 6% down with the latest snapshot alone, as before, without the history (history-size: 0)', async () => {
    const cache = new FakeCache();
    for (const [i, mean] of SCATTERED.entries()) await workflowRun(cache, push(i), mean, { 'history-size': '0' });
    const pr = await workflowRun(cache, pullRequest(9), 94, { 'history-size': '0' });
    expect(pr.comparison?.series[0]?.verdict).toBe('regressed');
    expect(pr.comparison?.history).toBeUndefined();
    expect(Object.keys(cache.entries.at(-1)?.files ?? {})).toEqual(['snapshot.json']);
  });

  it('with calibrate: true, sets each metric against the history: the between-run noise floor and a threshold for it', async () => {
    const cache = new FakeCache();
    for (const [i, mean] of SCATTERED.entries()) await workflowRun(cache, push(i), mean);
    const pr = await workflowRun(cache, pullRequest(9), 100, { calibrate: 'true' });
    expect(pr.comparison?.series[0]?.verdict).not.toBe('regressed');
    const row = pr.calibration?.rows[0];
    expect(pr.calibration?.historyRuns).toBe(10);
    expect(row).toMatchObject({ metric: 'tokens_s', gated: true, basis: 'between-run', historyRuns: 10 });
    // Run means scatter with variance 60/9 (more than the head's own 0.1); the pooled baseline of 10 runs adds 60/90.
    expect(row?.noiseFloor).toBeCloseTo(Math.sqrt((60 / 9) * 1.1) / 100, 10);
    // 2.326 × 2.71% = 6.30%, rounded up to 6.5%.
    expect(row?.suggestedThreshold).toBe(0.065);
  });

  it('keeps the last history-size runs in the cache entry', async () => {
    const cache = new FakeCache();
    for (const [i, mean] of SCATTERED.entries()) await workflowRun(cache, push(i), mean, { 'history-size': '6' });
    const saved = JSON.parse(cache.entries.at(-1)?.files['history.json'] ?? '{}');
    expect(saved.runs.map((r: { commit: string }) => r.commit)).toEqual([4, 5, 6, 7, 8, 9].map(sha));
    expect(saved.runs.at(-1).runId).toBe('1009');
  });

  it('on a push, names the commit where tokens/s fell 8% and stayed there', async () => {
    const cache = new FakeCache();
    const means = [...SCATTERED.map((m) => m / 4 + 75), 92, 92.5, 91.5];
    for (const [i, mean] of means.entries()) await workflowRun(cache, push(i), mean);
    const latest = await workflowRun(cache, push(13), 92);
    const trend = latest.comparison?.history?.trends[0];
    expect(trend?.changes).toEqual([{ kind: 'step', index: 10, commit: sha(10), runsAgo: 3, change: expect.closeTo(-0.08, 2), p: expect.any(Number), latest: true }]);
    const text = trendSections(latest)[0]?.text ?? '';
    expect(text).toContain(`Change points on the default branch:\n- tokens\\_s (model=llama3) fell 8.0% at commit \`${sha(10).slice(0, 7)}\`, 3 pushes ago, and stayed there.`);
  });
});

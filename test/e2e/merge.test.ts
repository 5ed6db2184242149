import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readReportSeries } from '../../src/report/json.js';
import { ACTIONS_BOT, FakeGitHub } from '../fakes/github-server.js';
import { throughputCsv } from '../helpers/baseline.js';
import { buildBundle, runActionAsync, type ActionRun } from '../helpers/run-action.js';
import { scaled } from '../helpers/shards.js';
import { makeTempDir, removeDir, writeTree } from '../helpers/tmp.js';

/**
 * Several GPU runners, one report, as GitHub runs it: shard jobs on an H100,
 * an A100 and an L4 (the bundled CLI's `shard`, as `mode: shard` writes the
 * same folder), their folders downloaded by actions/download-artifact with
 * `merge-multiple: false`, and one merge job of the bundled action in the
 * fork-safe `workflow_run` workflow, posting to a fake GitHub API.
 */
const HEAD = 'feedfacecafebeef0000000000000000deadbeef';
const SPEED = { h100: 3, a100: 2, l4: 1 } as const;
type Hw = keyof typeof SPEED;

let bundle: string;
let root: string;
let fake: FakeGitHub;

/** One shard job: the suite on that machine (`factor` × its usual speed), written by `chimera-insight shard`. */
function shardJob(hw: Hw, factor: number, out: string): void {
  const checkout = path.join(root, 'runners', `${path.basename(out)}-${hw}-${factor}`);
  writeTree(checkout, { 'bench/runs.csv': throughputCsv({ llama3: scaled(SPEED[hw] * factor) }) });
  const r = spawnSync(process.execPath, [path.join(bundle, 'cli', 'index.js'), 'shard', 'bench', '--out', out, '--hardware', hw], { cwd: checkout, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`shard ${hw} failed: ${r.stderr}`);
}

/** The merge job's workspace: the head shards as download-artifact leaves them, and the baseline's shard folders. */
function mergeWorkspace(name: string, baseline: readonly Hw[]): string {
  const ws = path.join(root, name);
  for (const hw of Object.keys(SPEED) as Hw[]) cpSync(path.join(root, 'head', hw), path.join(ws, 'shards', `shard-${hw}`), { recursive: true });
  for (const hw of baseline) cpSync(path.join(root, 'base', hw), path.join(ws, 'baseline', hw), { recursive: true });
  return ws;
}

function workflowRun(): object {
  return {
    workflow_run: { id: 9001, run_attempt: 1, head_sha: HEAD, event: 'pull_request', head_branch: 'faster-kv', head_repository: { owner: { login: 'forker' } }, pull_requests: [] },
    repository: { default_branch: 'main' },
  };
}

function merge(ws: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runActionAsync(path.join(bundle, 'index.js'), {
    workspace: ws,
    inputs: { mode: 'merge', shards: 'shards', baseline: 'file:baseline', llm: 'false', 'github-token': 'ghs_workflow', 'output-dir': 'out', ...inputs },
    eventName: 'workflow_run',
    event: workflowRun(),
    env: { GITHUB_API_URL: fake.url, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '9100', GITHUB_RUN_ATTEMPT: '1' },
  });
}

interface ReportJson {
  metrics: unknown;
  series: unknown;
  comparison: { verdict: string; series: { series: number; verdict: string; gated: boolean; baselineHardware?: string }[] };
  findings: { kind: string; factor?: string; levels?: [value: string, n: number, mean: number, sd: number | null][] }[];
  shards: { name: string; hardware: { id: string } }[];
}

const reportOf = (run: ActionRun) => JSON.parse(readFileSync(run.outputs['report-json-path'] as string, 'utf8')) as ReportJson;

beforeAll(() => {
  bundle = buildBundle();
  root = makeTempDir('chimera-merge-e2e-');
  for (const hw of Object.keys(SPEED) as Hw[]) {
    shardJob(hw, 1, path.join(root, 'base', hw));
    // Only the L4 run's throughput dropped, by 15%.
    shardJob(hw, hw === 'l4' ? 0.85 : 1, path.join(root, 'head', hw));
  }
}, 600_000);

afterAll(() => {
  if (root) removeDir(root);
});

beforeEach(async () => {
  fake = await FakeGitHub.start();
  fake.addToken('ghs_workflow', { user: ACTIONS_BOT, canWrite: true, installation: true });
  fake.addPull({ number: 7, state: 'open', head: { sha: HEAD, ref: 'faster-kv', owner: 'forker' } });
});

afterEach(async () => {
  await fake.close();
});

describe('three shards against a baseline of the same three machines, only the L4 15% slower', () => {
  let run: ActionRun;
  beforeEach(async () => {
    run = await merge(mergeWorkspace(`all-${Date.now()}`, ['h100', 'a100', 'l4']));
  });

  it('fails the check for the L4 regression alone', () => {
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      '::error title=Chimera Insight%3A tokens_s regressed,file=bench/runs.csv,line=2::tokens_s (hardware=l4, model=llama3) fell 15.0%25 (100 → 85 tok/s) against the baseline, past the 5.0%25 threshold.',
      '::error::1 gated metric regressed: tokens_s (hardware=l4, model=llama3) −15.0%25 (threshold 5%25, p<0.001)',
    ]);
    expect(run.outputs.verdict).toBe('regression');
    expect(run.outputs.regressions).toBe('1');
  });

  it('posts one sticky comment on the pull request, whose changes table names the L4', () => {
    const comments = fake.commentsOn('issue:7');
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body.split('\n')[0]).toBe(`<!-- chimera-insight:report header="" sha="${HEAD}" run="9001" attempt="1" -->`);
    expect(body).toContain('❌ **Regression:** 1 gated metric regressed against shards in baseline');
    expect(body).toContain('| `tokens_s`<br>l4 · llama3 | 100 tok/s | 85 tok/s | −15.0%<br><sub>−15.6% … −14.4%</sub> | ❌ regressed<br><sub>threshold 5%</sub> |');
    expect(body).not.toContain('h100 · llama3 |');
    expect(body).toContain('<sub>3 compared: 1 regressed, 2 unchanged.');
    expect(body).toContain('<sub>**Hardware** (3 machines, 3 shards): `a100` ');
  });

  it('writes one job summary and ranks the hardware in the merged findings', () => {
    expect(run.summary.match(/<!-- chimera-insight:report -->/g)).toHaveLength(1);
    const report = reportOf(run);
    const ranking = report.findings.find((f) => f.kind === 'ranking');
    expect([ranking?.factor, ranking?.levels?.map((l) => l[0])]).toEqual(['hardware', ['h100', 'a100', 'l4']]);
    expect(report.shards.map((s) => [s.name, s.hardware.id])).toEqual([
      ['shards/shard-a100', 'a100'],
      ['shards/shard-h100', 'h100'],
      ['shards/shard-l4', 'l4'],
    ]);
    const snapshot = JSON.parse(readFileSync(run.outputs['snapshot-path'] as string, 'utf8')) as { merged: { hardware: { id: string }[] } };
    expect(snapshot.merged.hardware.map((h) => h.id)).toEqual(['a100', 'h100', 'l4']);
  });
});

describe('the same merge with the L4 baseline missing', () => {
  it('shows the L4 comparison against another machine, ungated and warned about, and passes', async () => {
    const run = await merge(mergeWorkspace('no-l4-baseline', ['h100', 'a100']));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    const warning = 'different hardware: l4 has no baseline of its own and is compared with the a100 baseline, not gated';
    expect(run.stdout).toContain(`::warning::Baseline: ${warning}.`);
    const body = fake.commentsOn('issue:7')[0]?.body ?? '';
    expect(body).toContain(`Different hardware: l4 has no baseline of its own and is compared with the a100 baseline, not gated.`);
    expect(body).toContain('⚠️ regressed, not gated<br><sub>threshold 5%</sub><br><sub>⚠️ baseline on a100</sub>');
    const report = reportOf(run);
    const ids = readReportSeries(report).map((s) => s.id);
    const l4 = report.comparison.series.find((c) => ids[c.series]?.includes('hardware=l4'));
    expect([l4?.verdict, l4?.gated, l4?.baselineHardware]).toEqual(['regressed', false, 'a100']);
  });
});

describe('a shard that did not arrive whole', () => {
  it('is named in the report and fails the step, with the other machines merged', async () => {
    const ws = mergeWorkspace('broken', ['h100', 'a100', 'l4']);
    // A folder name the pull request's author chose, with a line break and a workflow command in it.
    const hostile = path.join(ws, 'shards', 'shard-x\n::warning::pwned');
    mkdirSync(hostile);
    writeTree(hostile, { 'hardware.json': '{"id": "x", "idSource": "input"' });
    const run = await merge(ws);
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n').some((l) => l.startsWith('::warning::pwned'))).toBe(false);
    expect(run.stdout).toContain(`::error::Input 'shards': "shards/shard-x\\n::warning::pwned" hardware.json is not valid JSON`);
    expect(fake.commentsOn('issue:7')[0]?.body).toContain('- **Error** · `shards`: "shards/shard-x\\\\n::warning::pwned" hardware.json is not valid JSON');
    expect(reportOf(run).shards).toHaveLength(3);
  });
});

describe('mode: shard in the action', () => {
  it('writes the shard folder and its path, and neither comments nor compares', async () => {
    const ws = path.join(root, 'shard-job');
    writeTree(ws, { 'bench/runs.csv': throughputCsv({ llama3: scaled(1) }) });
    const run = await runActionAsync(path.join(bundle, 'index.js'), {
      workspace: ws,
      inputs: { mode: 'shard', path: 'bench', hardware: 'l4', 'output-dir': 'shard-out', 'github-token': 'ghs_workflow' },
      eventName: 'pull_request',
      event: { number: 7, pull_request: { number: 7, head: { sha: HEAD, ref: 'faster-kv' }, base: { ref: 'main' } } },
      env: { GITHUB_API_URL: fake.url },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['shard-path']).toBe(path.join(ws, 'shard-out'));
    expect(readdirSync(path.join(ws, 'shard-out')).sort()).toEqual(['hardware.json', 'report.json', 'report.md', 'snapshot.json']);
    expect(run.outputs.verdict).toBeUndefined();
    expect(fake.requests).toEqual([]);
    expect(run.summary).toContain('## 📦 Chimera Insight shard `l4`');
    expect(existsSync(path.join(ws, 'shard-out', 'history.json'))).toBe(false);
  });
});

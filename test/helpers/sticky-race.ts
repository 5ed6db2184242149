import { seededRandom } from '../../src/baseline/statistics.js';
import { createClient, type Logger } from '../../src/github/client.js';
import { compareMarkers, pullRequestThread, resolveIdentity, upsertStickyComment, type StickyOptions, type StickyResult } from '../../src/github/sticky-comment.js';
import { commentMarker, type CommentMarker } from '../../src/model/marker.js';
import { ACTIONS_BOT, FakeGitHub } from '../fakes/github-server.js';

/**
 * Seeded races of two or three runs publishing to one pull request on the
 * fake GitHub API, with a random latency before and after every request
 * takes effect and a random start for every run, so their list, read,
 * write and delete requests interleave differently in every trial.
 */

export const OLD = 'a'.repeat(40);
export const HEAD = 'b'.repeat(40);
const TOKEN = 'ghs_workflow';
const REPO = { owner: 'acme', repo: 'inference' };

/** A seeded generator (mulberry32), so a failing trial can be replayed from its seed. */
export const seeded = seededRandom;

export function reportBody(m: CommentMarker): string {
  return `${commentMarker(m)}\n# Chimera Insight benchmark report\n\nreport for ${m.sha.slice(0, 7)} from run ${m.run}\n`;
}

export type Scenario = 'existing' | 'empty' | 'stale';

export interface Trial {
  seed: number;
  scenario: Scenario;
  /** The racing runs' markers, in start order. */
  runs: CommentMarker[];
  /** The report that must be left: the newest by compareMarkers against the head. */
  expected: CommentMarker;
  /** Our comments left on the pull request. */
  left: { id: number; body: string }[];
  results: (StickyResult | { error: string })[];
  /** Lock reactions left behind. */
  locksLeft: number;
}

type Upsert = typeof upsertStickyComment;

/**
 * One race: `existing` (a comment from an earlier run is there), `empty`
 * (none yet: the runs race to create it) or `stale` (one racing run is for a
 * commit the pull request has moved past, with a LATER run id).
 */
export async function raceTrial(seed: number, scenario: Scenario, upsert: Upsert = upsertStickyComment): Promise<Trial> {
  const random = seeded(seed);
  const fake = await FakeGitHub.start();
  try {
    fake.addToken(TOKEN, { user: ACTIONS_BOT, canWrite: true, installation: true });
    fake.addPull({ number: 7, state: 'open', head: { sha: HEAD, ref: 'topic', owner: 'acme' } });
    const count = random() < 0.5 ? 2 : 3;
    const runs: CommentMarker[] = [];
    for (let i = 0; i < count; i++) runs.push({ header: '', sha: HEAD, run: 100 + i, attempt: 1 });
    if (scenario === 'stale') runs.push({ header: '', sha: OLD, run: 100 + count, attempt: 1 });
    if (scenario !== 'empty') fake.addComment('issue:7', ACTIONS_BOT, reportBody({ header: '', sha: scenario === 'stale' ? OLD : HEAD, run: 90, attempt: 1 }));
    // Start order shuffled: the newest run is not always the last to start.
    for (let i = runs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [runs[i], runs[j]] = [runs[j] as CommentMarker, runs[i] as CommentMarker];
    }
    fake.latency = () => ({ before: Math.floor(random() * 8), after: Math.floor(random() * 8) });
    const quiet: Logger = { info: () => {}, warning: () => {}, debug: () => {} };
    const options: StickyOptions = {
      leaseMs: 60_000,
      pollMs: 3,
      sleep: (ms) => new Promise((r) => setTimeout(() => r(true), ms)),
      now: () => performance.now(),
      random,
    };
    const starts = runs.map(() => Math.floor(random() * 15));
    const results = await Promise.all(
      runs.map(async (m, i) => {
        await new Promise((r) => setTimeout(r, starts[i]));
        const api = createClient(TOKEN, { baseUrl: fake.url, log: quiet, sleep: async () => {} });
        try {
          return await upsert({ thread: pullRequestThread(api, REPO, 7, m.sha, quiet), identity: await resolveIdentity(api, quiet), marker: m, body: reportBody(m) }, quiet, options);
        } catch (err) {
          return { error: (err as Error).message };
        }
      }),
    );
    const expected = [...runs].sort((a, b) => compareMarkers(b, a, HEAD))[0] as CommentMarker;
    return {
      seed,
      scenario,
      runs,
      expected,
      left: fake.commentsOn('issue:7').map((c) => ({ id: c.id, body: c.body })),
      results,
      locksLeft: fake.reactions.length,
    };
  } finally {
    await fake.close();
  }
}

/** What went wrong in a trial, in words; empty when it left exactly the newest report and every id names it. */
export function trialFailures(t: Trial): string[] {
  const failures: string[] = [];
  if (t.left.length !== 1) failures.push(`${t.left.length} comments left`);
  const winner = t.left[0];
  if (winner && winner.body !== reportBody(t.expected)) failures.push(`left run ${/run (\d+)/.exec(winner.body)?.[1]}'s report, not run ${t.expected.run}'s`);
  t.results.forEach((r, i) => {
    if ('error' in r) failures.push(`run ${t.runs[i]?.run} failed: ${r.error}`);
    else if (!t.left.some((c) => c.id === r.id)) failures.push(`run ${t.runs[i]?.run} reported comment ${r.id}, which does not exist`);
  });
  if (t.locksLeft > 0) failures.push(`${t.locksLeft} lock reactions left`);
  return failures;
}

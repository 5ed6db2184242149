import { describe, expect, it } from 'vitest';
import { raceTrial, trialFailures, type Scenario } from '../helpers/sticky-race.js';

/**
 * Issue 14 item 4, the proof: 50 seeded random interleavings of two or
 * three runs on the fake GitHub API (random latency before and after every
 * request, random start times and start order). Each must leave exactly one
 * comment holding the newest run's report (a run for a commit the pull
 * request moved past never wins, even with a later run id), every run's
 * comment-id must name that comment, and no lock may be left behind.
 * A failing seed replays with raceTrial(seed, scenario).
 */

const SCENARIOS: Scenario[] = ['existing', 'empty', 'stale'];
const TRIALS = Array.from({ length: 50 }, (_, i) => ({ seed: 14_000 + i, scenario: SCENARIOS[i % 3] as Scenario }));

describe('racing runs on the sticky comment', () => {
  it('leave the newest report in exactly one comment that every run names, in 50 seeded interleavings', async () => {
    const failed: string[] = [];
    const winners = { existing: 0, empty: 0, stale: 0 };
    for (const { seed, scenario } of TRIALS) {
      const trial = await raceTrial(seed, scenario);
      const failures = trialFailures(trial);
      if (failures.length > 0) failed.push(`seed ${seed} (${scenario}, runs ${trial.runs.map((r) => `${r.sha.slice(0, 1)}${r.run}`).join(' ')}): ${failures.join('; ')}`);
      else winners[scenario] += 1;
    }
    expect(failed).toEqual([]);
    expect(winners).toEqual({ existing: 17, empty: 17, stale: 16 });
  }, 120_000);
});

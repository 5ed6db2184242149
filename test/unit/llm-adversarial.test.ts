import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import type { RunningEmulator } from '../fakes/ollama-emulator.js';
import { buildFixtures, catchRates, keptItems, narrateBrief, runSuite, suiteEmulator, verdictProblems, type SuiteResult } from '../fakes/adversarial/run.js';
import { CLEAN, CLEAN_EXTRA, CLEAN_K5, CLEAN_VARIANT, PLANTS, type Fixture } from '../fakes/adversarial/suite.js';

/**
 * Issue 11's measure: a model that writes a true brief with one planted
 * untruth, through the real narrate stage and the emulator. Every planted
 * untruth must be kept out of report.md, report.json, the comment, the job
 * summary and the terminal digest, by the check meant for it, without
 * costing the brief any true item; `npm run bench:llm` prints the rates.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let fixtures: Record<Fixture, Report>;
let remove: () => void;
let emulator: RunningEmulator;
let result: SuiteResult;

beforeAll(async () => {
  ({ fixtures, remove } = await buildFixtures(repoRoot));
  emulator = await suiteEmulator();
  result = await runSuite(emulator, fixtures, PLANTS);
}, 300_000);

afterAll(async () => {
  await emulator?.close();
  remove?.();
});

describe('the suite', () => {
  it('plants the untruths of every category issue 11 and round K5 measured', () => {
    expect(PLANTS.length).toBeGreaterThanOrEqual(60);
    expect(catchRates(result.cases).map((r) => `${r.category}: ${r.planted}`)).toEqual([
      'wrong-direction: 68',
      'wrong-entity: 17',
      'number-words: 17',
      'other-digits: 8',
      'unit-swaps: 12',
      'invented-entities: 15',
      'invented-causes: 12',
      'gate-contradictions: 24',
      'language-chatter: 12',
      'markdown: 8',
      'small-numbers: 7',
      'wrong-numbers: 8',
      'look-alikes: 11',
      'markup-numbers: 7',
      'superlatives: 12',
      'sameness: 8',
      'dismissals: 17',
      'tone: 6',
      'causal-claims: 9',
      'approximations: 8',
    ]);
  });
});

describe('clean briefs', () => {
  it.each(['regression', 'pass'] as const)('lose no item on the %s fixture', (fixture) => {
    const { narrative } = result.clean[fixture];
    expect(narrative.dropped).toEqual([]);
    const brief = CLEAN[fixture];
    expect(keptItems(narrative)).toHaveLength((brief.claims?.length ?? 0) + (brief.recommendations?.length ?? 0) + (brief.risks?.length ?? 0));
  });

  it('state the verdict in every output and never contradict it', () => {
    for (const fixture of ['regression', 'pass'] as const) expect(verdictProblems(result.clean[fixture])).toEqual([]);
    expect(result.clean.regression.narrative.verdict).toBe('The gate fails: 1 gated metric regressed past its threshold: tokens_s (backend=eager, batch_size=8) −17.5%.');
    expect(result.clean.pass.narrative.verdict).toBe('The gate passes: 8 series compared, no gated metric regressed past its threshold.');
  });

  it('render labels in CJK and Cyrillic and a 2050 ms value from the facts', () => {
    const statements = result.clean.regression.narrative.claims.map((c) => c.statement);
    expect(statements).toContain('ГигаЧат-lite leads tokens_s by model at 120.60 tok/s (n=3), 1.72× mistral-7b (70.03 tok/s); beyond the noise (p<0.001)');
    expect(statements).toContain('通义千问-7b is worst on ttft_ms by model, highest at 2050 ms (n=3); mistral-7b is lowest at 381 ms (5.38×); beyond the noise (p<0.001)');
  });

  it('a second clean brief on the sweep, its effects and the serving summary loses nothing either', async () => {
    const narrated = await narrateBrief(emulator, fixtures.regression, { answer: CLEAN_VARIANT });
    expect(narrated.narrative.dropped).toEqual([]);
    expect(verdictProblems(narrated)).toEqual([]);
  });

  it('the extra clean corpus loses only items holding a count or a comparison the claims did not check', async () => {
    const dropped: string[] = [];
    for (const answer of CLEAN_EXTRA) {
      const narrated = await narrateBrief(emulator, fixtures.regression, { answer });
      dropped.push(...narrated.narrative.dropped.map((d) => `${d.item} ${d.index}: ${d.reason}`));
    }
    // "comes from one benchmark run", "matters more than tuning", "split one model", "One series is responsible".
    expect(dropped).toEqual(['risk 1: number-words', 'claim 1: direction-words', 'risk 1: number-words', 'claim 1: number-words']);
  });

  it('round K5’s truthful briefs lose nothing: "at least", "matter most", "the same prompts", "the latest run", good news on an improvement', async () => {
    for (const answer of CLEAN_K5) {
      const narrated = await narrateBrief(emulator, fixtures.regression, { answer });
      expect(narrated.narrative.dropped).toEqual([]);
      expect(verdictProblems(narrated)).toEqual([]);
    }
  });
});

describe.each(PLANTS.map((p) => [p.id, p] as const))('planted untruth %s', (_, plant) => {
  const outcome = () => result.cases.find((c) => c.id === plant.id);

  it(`is dropped by the ${plant.reason} check and reaches no output`, () => {
    expect(outcome()?.reached).toEqual([]);
    expect(outcome()?.dropped.map((d) => d.reason)).toEqual([plant.reason]);
  });

  it('costs the brief no true item and leaves the verdict uncontradicted', () => {
    expect(outcome()?.lost).toEqual([]);
    expect(outcome()?.verdictProblems).toEqual([]);
  });
});

describe('the catch rate', () => {
  it('is at least 95% in every category', () => {
    for (const row of catchRates(result.cases)) expect(row.caught / row.planted, row.category).toBeGreaterThanOrEqual(0.95);
  });
});

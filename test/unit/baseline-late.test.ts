import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshot, serialiseSnapshot } from '../../src/baseline/snapshot.js';
import { compareStage } from '../../src/baseline/stage.js';
import { SampleAccumulator } from '../../src/metrics/accumulator.js';
import { statsFromSamples } from '../../src/metrics/stats.js';
import type { Series } from '../../src/model/series.js';
import { analyzeTree, configFor, throughputCsv } from '../helpers/baseline.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-late-');

/** The series the narrate stage adds with gate-llm-throughput: the model's tokens/s per report call. */
function llmSeries(samples: number[]): Series {
  const acc = new SampleAccumulator();
  for (const v of samples) acc.add(v);
  return {
    id: 'llm::tokens_per_s::model=gemma3:latest',
    file: 'llm',
    metric: 'llm_tokens_per_s',
    labels: { model: 'gemma3:latest' },
    unit: 'tok/s',
    direction: 'higher',
    directionSource: 'inferred',
    source: 'samples',
    stats: statsFromSamples(acc),
    outliers: [],
    samples,
  };
}

async function stageWithBaseline(baseLlm: number[], inputs: Record<string, string>) {
  const workspace = path.join(tmp.dir, 'ws');
  writeTree(workspace, { 'bench/runs.csv': throughputCsv({ llama3: [100, 101, 99, 100, 100] }) });
  const config = configFor(workspace, { path: 'bench', baseline: 'file:base.json', ...inputs });
  const base = await analyzeTree(config);
  base.series.push(llmSeries(baseLlm));
  writeFileSync(path.join(workspace, 'base.json'), serialiseSnapshot(createSnapshot(base)));
  const stage = compareStage({
    config,
    event: { name: '' },
    analyzeTree,
    file: { base: workspace, confineToWorkspace: true },
    log: { info: () => {}, warning: () => {} },
    tempRoot: path.join(tmp.dir, 'temp'),
  });
  return { stage, head: await analyzeTree(config) };
}

describe('late series (gate-llm-throughput)', () => {
  it('does not list the baseline model throughput as missing before the model has run', async () => {
    const { stage, head } = await stageWithBaseline([50, 51, 49, 50, 50], {});
    await stage.compare(head);
    expect(head.comparison?.series.map((c) => [c.id, c.verdict])).toEqual([['bench/runs.csv::tokens_s{model=llama3}', 'unchanged']]);
  });

  it('gates a 20% drop of the model throughput even when the gate input selects other metrics', async () => {
    const { stage, head } = await stageWithBaseline([50, 51, 49, 50, 50], { gate: '*ttft*' });
    await stage.compare(head);
    stage.compareLate(head, [llmSeries([40, 41, 39, 40, 40])]);
    const llm = head.comparison?.series.find((c) => c.id.startsWith('llm::'));
    expect(llm).toMatchObject({ verdict: 'regressed', gated: true, change: -0.2 });
    expect(head.comparison?.verdict).toBe('regression');
    expect(head.series.at(-1)?.id).toBe('llm::tokens_per_s::model=gemma3:latest');
  });

  it('passes when the model throughput holds', async () => {
    const { stage, head } = await stageWithBaseline([50, 51, 49, 50, 50], {});
    await stage.compare(head);
    stage.compareLate(head, [llmSeries([50, 50, 51, 49, 50])]);
    expect(head.comparison?.series.find((c) => c.id.startsWith('llm::'))?.verdict).toBe('unchanged');
    expect(head.comparison?.verdict).toBe('pass');
  });
});

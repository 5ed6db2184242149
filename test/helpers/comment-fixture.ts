import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cliCompareStage } from '../../src/baseline/cli.js';
import { buildConfig } from '../../src/config.js';
import { commentMarkdown } from '../../src/github/summary.js';
import { commentMarker } from '../../src/model/marker.js';
import type { Report } from '../../src/model/report.js';
import { runPipeline } from '../../src/pipeline.js';
import { buildFactSheet } from '../../src/llm/facts.js';
import { createNarrator } from '../../src/llm/narrate.js';
import { APPLIES, checkClaim } from '../../src/llm/relations.js';
import type { Fact } from '../../src/model/llm.js';
import { fakeChat } from './llm.js';

const NARRATIVE = { status: 'skipped' as const, reason: 'no model in this test; every number is computed from the files.' };

/**
 * A timestamped run one week after `newest`, its `tokens_s` column scaled:
 * what a pull request adding a slower benchmark run looks like.
 */
export function addSlowerRun(root: string, newest: string, factor: number): string {
  const dir = path.dirname(newest);
  const later = path.join(path.dirname(dir), '20991231-235959');
  mkdirSync(later, { recursive: true });
  const lines = readFileSync(newest, 'utf8').split('\n');
  const column = (lines[0] ?? '').split(',').indexOf('tokens_s');
  const scaled = lines.map((line, i) => {
    if (i === 0 || line === '' || column < 0) return line;
    const cells = line.split(',');
    cells[column] = (Number(cells[column]) * factor).toFixed(2);
    return cells.join(',');
  });
  const file = path.join(later, path.basename(newest));
  writeFileSync(file, scaled.join('\n'));
  return path.relative(root, file);
}

/** Prose at the length caps that passes every check: what a model filling the brief to the brim writes. */
const LONG = {
  interpretation: 'Worth a close look by the team that owns this part of the stack before the review moves on to the rest.',
  recommendations: [
    'Keep a standing set of prompts and settings for these runs so that every review reads the numbers the same way.',
    'Run each configuration several times on a dedicated runner and record the hardware and driver beside each result.',
    'Track answer quality on a fixed evaluation set next to the speed numbers, so a setting that saves time costs no one.',
  ],
  risks: [
    { risk: 'Answer quality is not part of these files, so a setting chosen from them alone may hurt users.', mitigation: 'Add an evaluation set with fixed prompts and track its score in every run next to these numbers.' },
    { risk: 'The runner is shared with other jobs, so a busy neighbour can move the numbers of a run at will.', mitigation: 'Move the benchmark jobs to a dedicated runner and keep its drivers and settings pinned.' },
  ],
};

/** A relation each fact holds, so a claim on it is kept. */
function trueRelation(f: Fact): string | undefined {
  const facts = new Map([[f.id, f]]);
  return APPLIES[f.kind].find((relation) => checkClaim({ facts: [f.id], relation }, facts).ok);
}

/**
 * The largest narrative the checks let through on `report`: five true claims
 * with interpretations at the cap, three recommendations and two risks at
 * theirs, and twelve more items the checks drop (so the collapsed note is full).
 */
export function largestBrief(report: Report): string {
  const facts = buildFactSheet(report).facts;
  const claims = facts
    .filter((f) => f.kind !== 'gate')
    .map((f) => ({ facts: [f.id], relation: trueRelation(f), interpretation: LONG.interpretation }))
    .filter((c) => c.relation !== undefined)
    .slice(0, 5);
  const dropped = Array.from({ length: 12 }, (_, i) => ({ facts: ['F999'], relation: 'best', subject: `level ${i}` }));
  return JSON.stringify({
    claims: [...claims, ...dropped],
    recommendations: LONG.recommendations.map((text) => ({ text, facts: [] })),
    risks: LONG.risks.map((r) => ({ ...r, facts: [] })),
  });
}

/** The narrate stage with a model that answers largestBrief: what a narrative costs the comment at most. */
function largestNarrator(): (report: Report) => Promise<void> {
  return async (report) => {
    const chunks = [largestBrief(report)];
    const final = { done_reason: 'stop', total_duration: 4_200_000_000, load_duration: 50_000_000, prompt_eval_count: 900, prompt_eval_duration: 300_000_000, eval_count: 600, eval_duration: 3_200_000_000 };
    const warmup = { final: { ...final, done_reason: 'load', eval_count: 0 } };
    await createNarrator({
      client: fakeChat([warmup, { chunks, final }]),
      config: { enabled: true, model: 'gemma3:latest', cacheModels: false, options: {}, startTimeoutMs: 1000, requestTimeoutMs: 10_000, timeoutMs: 60_000, persona: '', language: 'English', runs: 1, gateThroughput: false },
      model: { name: 'gemma3:latest', parameterSize: '4.3B', quantization: 'Q4_K_M', size: 6e9, sizeVram: 6e9 },
      server: { url: 'http://127.0.0.1:11434', origin: 'started', version: '0.12.6' },
      elapsed: () => performance.now(),
      log: { info: () => {}, warning: () => {} },
    })(report);
  };
}

/**
 * The PR comment exactly as the action posts it for the tree at `dir`
 * (the history baseline): the sticky marker, the digest and its links.
 * With `narrate`, the model's narrative is there too, as large as the
 * checks allow (largestBrief); without, the narrative is skipped.
 */
export async function commentFor(workspace: string, dir: string, options: { narrate?: boolean } = {}): Promise<{ body: string; report: Report }> {
  const inputs: Record<string, string> = { path: dir, llm: 'false', baseline: 'auto' };
  const config = buildConfig((name) => inputs[name] ?? '', { workspace, defaultOutputDir: undefined });
  const deps = { now: () => new Date('2026-11-27T12:00:00Z'), elapsed: () => performance.now(), narrative: NARRATIVE };
  const stage = cliCompareStage(config, workspace, { info: () => {}, warning: () => {} }, deps, path.join(workspace, '..'));
  const result = await runPipeline(config, { ...deps, compare: stage.compare, compareLate: stage.compareLate, ...(options.narrate ? { narrate: largestNarrator() } : {}) });
  const marker = commentMarker({ header: '', sha: 'feedfacecafebeef0000000000000000deadbeef', run: 5001, attempt: 1 });
  const body = commentMarkdown(result.report, result.markdown, marker, { runUrl: 'https://github.com/acme/inference/actions/runs/5001', reportPath: '/runner/_temp/chimera-insight/report.md' });
  return { body, report: result.report };
}

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Ollama } from 'ollama';
import { cliCompareStage } from '../../../src/baseline/cli.js';
import { buildConfig } from '../../../src/config.js';
import { commentMarkdown, summaryMarkdown } from '../../../src/github/summary.js';
import { createNarrator } from '../../../src/llm/narrate.js';
import { normaliseName } from '../../../src/llm/relations.js';
import type { LlmConfig } from '../../../src/llm/types.js';
import type { CheckedClaim, DroppedItem, GeneratedNarrative } from '../../../src/model/llm.js';
import { commentMarker } from '../../../src/model/marker.js';
import type { Report } from '../../../src/model/report.js';
import { NARRATIVE_NOT_AVAILABLE } from '../../../src/narrative.js';
import { runPipeline } from '../../../src/pipeline.js';
import { renderJson } from '../../../src/report/json.js';
import { renderMarkdown, withRenderTime } from '../../../src/report/markdown.js';
import { renderText } from '../../../src/report/text.js';
import { briefAnswer, startEmulator, type RunningEmulator, type ScriptedBrief } from '../ollama-emulator.js';
import { CLEAN, type Category, type Fixture, type PlantedCase } from './suite.js';
import { writeSuiteTree } from './tree.js';

/**
 * Runs briefs through the real narrate stage against the Ollama emulator
 * (one warm-up and one report call each, over HTTP), renders every output a
 * user can read, and judges a planted untruth caught only when it reached
 * none of them: report.md, report.json, the PR comment, the job summary and
 * the terminal digest.
 */

export interface Outputs {
  'report.md': string;
  'report.json': string;
  comment: string;
  summary: string;
  terminal: string;
}

export interface Narrated {
  report: Report;
  narrative: GeneratedNarrative;
  outputs: Outputs;
  /** The prompt the model was sent (system and user messages). */
  prompt: string;
}

const CONFIG: LlmConfig = {
  enabled: true,
  model: 'gemma3:latest',
  cacheModels: false,
  options: {},
  startTimeoutMs: 30_000,
  requestTimeoutMs: 10_000,
  timeoutMs: 120_000,
  persona: '',
  language: 'English',
  runs: 1,
  gateThroughput: false,
};

/** The two reports the suite narrates: the regression tree (tree.ts) and examples/benchmarks as they are. */
export async function buildFixtures(repoRoot: string): Promise<{ fixtures: Record<Fixture, Report>; remove: () => void }> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'chimera-adversarial-'));
  const analyse = async (ws: string, dir: string) => {
    const inputs: Record<string, string> = { path: dir, baseline: 'auto', llm: 'false' };
    const config = buildConfig((name) => inputs[name] ?? '', { workspace: ws, defaultOutputDir: undefined });
    const deps = { now: () => new Date('2026-11-27T12:00:00Z'), elapsed: () => performance.now(), narrative: NARRATIVE_NOT_AVAILABLE };
    const stage = cliCompareStage(config, ws, { info: () => {}, warning: () => {} }, deps, workspace);
    return (await runPipeline(config, { ...deps, compare: stage.compare, compareLate: stage.compareLate })).report;
  };
  const regression = await analyse(workspace, writeSuiteTree(workspace, path.join(repoRoot, 'examples', 'benchmarks')));
  const examples = path.join(workspace, 'examples-ws');
  cpSync(path.join(repoRoot, 'examples', 'benchmarks'), path.join(examples, 'examples', 'benchmarks'), { recursive: true });
  const pass = await analyse(examples, 'examples/benchmarks');
  return { fixtures: { regression, pass }, remove: () => rmSync(workspace, { recursive: true, force: true }) };
}

export async function suiteEmulator(): Promise<RunningEmulator> {
  return startEmulator({ models: [{ name: CONFIG.model }] });
}

function render(report: Report): Outputs {
  const md = withRenderTime(renderMarkdown(report), 0);
  const marker = commentMarker({ header: '', sha: 'feedfacecafebeef0000000000000000deadbeef', run: 5001, attempt: 1 });
  return {
    'report.md': md,
    'report.json': renderJson(report),
    comment: commentMarkdown(report, md, marker, { runUrl: 'https://github.com/acme/inference/actions/runs/5001', reportPath: '/runner/_temp/chimera-insight/report.md' }),
    summary: summaryMarkdown(report, md, '/runner/_temp/chimera-insight/report.md'),
    terminal: renderText(report),
  };
}

/** Narrates a copy of `base` with the adversarial model answering `brief`. */
export async function narrateBrief(emulator: RunningEmulator, base: Report, brief: ScriptedBrief): Promise<Narrated> {
  emulator.setScript({ models: [{ name: CONFIG.model }], replies: [{ content: '', brief }] });
  emulator.requests.length = 0;
  const report = structuredClone(base);
  await createNarrator({
    client: new Ollama({ host: emulator.url }),
    config: CONFIG,
    model: { name: CONFIG.model },
    server: { url: emulator.url, origin: 'input' },
    elapsed: () => performance.now(),
    log: { info: () => undefined, warning: () => undefined },
  })(report);
  if (report.narrative.status !== 'generated') throw new Error(`no narrative: ${report.narrative.reason}`);
  const chat = emulator.requests.find((r) => r.path === '/api/chat' && ((r.body as { messages?: unknown[] }).messages ?? []).length > 0);
  const prompt = ((chat?.body as { messages: { content: string }[] }).messages ?? []).map((m) => m.content).join('\n');
  return { report, narrative: report.narrative, outputs: render(report), prompt };
}

/** Output text as a reader sees it: Markdown escapes, entities and line folding undone. */
function readable(text: string): string {
  return text
    .replace(/\u200b/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ');
}

/** Every string value of report.json, joined: what any reader of the file could be shown. */
function jsonStrings(json: string): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  walk(JSON.parse(json));
  return out.join(' ').replace(/\s+/g, ' ');
}

/** Outputs whose text holds `needle`. */
export function reachedBy(outputs: Outputs, needle: string): string[] {
  const n = needle.replace(/\s+/g, ' ').trim();
  return (Object.keys(outputs) as (keyof Outputs)[]).filter((k) => (k === 'report.json' ? jsonStrings(outputs[k]) : readable(outputs[k])).includes(n));
}

/** Phrases that would contradict the gate, per verdict; none may appear in any output. */
const CONTRADICTIONS: Record<string, RegExp[]> = {
  regression: [/\bno regressions?\b/i, /\bthe gate passes\b/i, /\ball gated (series|metrics) passed\b/i, /\bsafe to merge\b/i, /\blooks good\b/i, /\bheld steady\b/i],
  pass: [/\bthe gate fails\b/i, /\bfails the gate\b/i, /\bhold the merge\b/i, /\bas a failure\b/i],
};

/** Contradictions of the verdict in the outputs, and outputs missing the verdict sentence. */
export function verdictProblems(narrated: Narrated): string[] {
  const verdict = narrated.report.comparison?.verdict ?? 'none';
  const problems: string[] = [];
  for (const [name, text] of Object.entries(narrated.outputs) as [keyof Outputs, string][]) {
    const body = name === 'report.json' ? jsonStrings(text) : readable(text);
    for (const re of CONTRADICTIONS[verdict] ?? []) if (re.test(body)) problems.push(`${name}: ${re.source}`);
    if (!body.includes(narrated.narrative.verdict)) problems.push(`${name}: no verdict sentence`);
  }
  return problems;
}

/** The kept items of a narrative as comparable strings. */
export function keptItems(n: GeneratedNarrative): string[] {
  return [...n.claims.map((c) => `claim: ${c.statement}${c.interpretation ? ` | ${c.interpretation}` : ''}`), ...n.recommendations.map((r) => `recommendation: ${r.text}`), ...n.risks.map((r) => `risk: ${r.risk} | ${r.mitigation}`)];
}

function sameClaim(kept: CheckedClaim, planted: Record<string, unknown>): boolean {
  const facts = ((planted.facts as string[]) ?? []).map((f) => f.toUpperCase());
  const same = (a: string | undefined, b: unknown) => b === undefined || (a !== undefined && normaliseName(a) === normaliseName(String(b)));
  return kept.facts.join(',') === facts.join(',') && kept.relation === planted.relation && same(kept.subject, planted.subject) && same(kept.object, planted.object);
}

export interface CaseOutcome {
  id: string;
  category: Category;
  fixture: Fixture;
  caught: boolean;
  /** Outputs the untruth reached (prose), or `report.json` when a contradicted claim was kept. */
  reached: string[];
  /** Clean items this run lost. */
  lost: string[];
  dropped: DroppedItem[];
  verdictProblems: string[];
}

/** One planted case: the clean brief of its fixture with the plant added. */
export async function runCase(emulator: RunningEmulator, fixtures: Record<Fixture, Report>, clean: Record<Fixture, string[]>, c: PlantedCase): Promise<CaseOutcome> {
  const narrated = await narrateBrief(emulator, fixtures[c.fixture], { answer: CLEAN[c.fixture], plant: c.plant });
  const planted = briefAnswer({ answer: {}, plant: c.plant }, narrated.prompt)[c.plant.list]?.[0] as Record<string, unknown>;
  let reached: string[];
  if (c.structural) {
    const claims = (JSON.parse(narrated.outputs['report.json']) as Report & { narrative: GeneratedNarrative }).narrative.claims;
    reached = claims.some((k) => sameClaim(k, planted)) ? ['report.json'] : [];
  } else {
    const needles = c.plant.list === 'claims' ? [planted.interpretation] : c.plant.list === 'recommendations' ? [planted.text] : [planted.risk];
    reached = [...new Set(needles.flatMap((n) => reachedBy(narrated.outputs, String(n))))];
  }
  const kept = keptItems(narrated.narrative);
  return {
    id: c.id,
    category: c.category,
    fixture: c.fixture,
    caught: reached.length === 0,
    reached,
    lost: clean[c.fixture].filter((item) => !kept.includes(item)),
    dropped: narrated.narrative.dropped,
    verdictProblems: verdictProblems(narrated),
  };
}

export interface SuiteResult {
  clean: Record<Fixture, Narrated>;
  cases: CaseOutcome[];
}

/** The clean briefs, then every planted case. */
export async function runSuite(emulator: RunningEmulator, fixtures: Record<Fixture, Report>, plants: readonly PlantedCase[]): Promise<SuiteResult> {
  const clean = {
    regression: await narrateBrief(emulator, fixtures.regression, { answer: CLEAN.regression }),
    pass: await narrateBrief(emulator, fixtures.pass, { answer: CLEAN.pass }),
  };
  const items = { regression: keptItems(clean.regression.narrative), pass: keptItems(clean.pass.narrative) };
  const cases: CaseOutcome[] = [];
  for (const c of plants) cases.push(await runCase(emulator, fixtures, items, c));
  return { clean, cases };
}

/** Caught / planted per category, in the suite's order. */
export function catchRates(cases: readonly CaseOutcome[]): { category: Category; planted: number; caught: number }[] {
  const out = new Map<Category, { planted: number; caught: number }>();
  for (const c of cases) {
    const row = out.get(c.category) ?? { planted: 0, caught: 0 };
    row.planted++;
    if (c.caught) row.caught++;
    out.set(c.category, row);
  }
  return [...out].map(([category, r]) => ({ category, ...r }));
}

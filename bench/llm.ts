/**
 * `npm run bench:llm`: what the narrate stage costs on examples/benchmarks,
 * apart from the model itself (issue 4), and how well its checks hold
 * against a model that plants untruths (issue 11). Three parts:
 *
 * 1. The prompt the model would get: the CLI's config, its pipeline with the
 *    baseline compare, then the fact sheet and prompt from the functions
 *    narrate.ts calls. Sizes are estimated with src/llm/tokens.ts.
 * 2. The CLI's main() against the Ollama emulator, in process: wall time of
 *    the whole run, the client-side wall time of the model calls
 *    (report.llm.calls[].wallMs), and the difference, which is ours (setup
 *    requests, fact sheet, prompt, checks, rendering). Next to it the same
 *    run with --no-llm. Medians of BENCH_LLM_ROUNDS (5) rounds, after one
 *    unmeasured warm-up of each, in ABBA order. The emulator answers at once,
 *    so the call times hold only HTTP and streaming on this machine, never
 *    generation. Its answer is the suite's clean brief for examples/.
 * 3. The planted-untruth suite (test/fakes/adversarial/): each planted
 *    untruth through the real narrate stage; the catch rate per category
 *    (caught: in none of report.md, report.json, the comment, the summary,
 *    the terminal digest) and the false positives (true items of clean
 *    briefs the checks dropped).
 *
 * Prints Markdown tables and one JSON line on stdout; a failed check goes to
 * stderr and sets the exit code.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { cliCompareStage } from '../src/baseline/cli.js';
import { withBaselineIgnored } from '../src/baseline/sources/file.js';
import { main } from '../src/cli-main.js';
import { buildConfig } from '../src/config.js';
import { buildFactSheet } from '../src/llm/facts.js';
import { DEFAULT_PERSONA, preparePrompt } from '../src/llm/prompt.js';
import { estimateTokens } from '../src/llm/tokens.js';
import { NARRATIVE_NOT_AVAILABLE } from '../src/narrative.js';
import { runPipeline } from '../src/pipeline.js';
import type { Report } from '../src/model/report.js';
import { briefAnswer, startEmulator, type RecordedRequest } from '../test/fakes/ollama-emulator.js';
import { buildFixtures, catchRates, narrateBrief, runSuite } from '../test/fakes/adversarial/run.js';
import { CLEAN, CLEAN_EXTRA, CLEAN_K5, CLEAN_VARIANT, PLANTS } from '../test/fakes/adversarial/suite.js';

const ROUNDS = Number(process.env.BENCH_LLM_ROUNDS ?? 5);
const DIR = 'examples/benchmarks';
const cwd = process.cwd();

/** The suite's clean brief for examples/: every item holds, so each run is one report call, no retry. */
const BRIEF = { answer: CLEAN.pass };
const failures: string[] = [];
function check(ok: boolean, what: string): void {
  if (!ok) failures.push(what);
}

// ---------------------------------------------------------------- 1. the prompt

// As cli-main.ts builds it for `chimera-insight analyze examples/benchmarks`.
const inputs: Record<string, string> = { path: DIR, baseline: 'auto' };
const config = withBaselineIgnored(buildConfig((name) => inputs[name] ?? '', { workspace: cwd, defaultOutputDir: undefined }), cwd);
const deps = { now: () => new Date(), elapsed: () => performance.now(), narrative: NARRATIVE_NOT_AVAILABLE };
const compare = cliCompareStage(config, cwd, { info: () => {}, warning: () => {} }, deps, os.tmpdir());
const { report: analysed } = await runPipeline(config, { ...deps, compare: compare.compare, compareLate: compare.compareLate });
const sheet = buildFactSheet(analysed);
const prompt = preparePrompt(sheet, config.llm.persona.trim() || DEFAULT_PERSONA, config.llm.language, config.llm.options);
const promptChars = prompt.messages.reduce((sum, m) => sum + m.content.length, 0);

// ---------------------------------------------------------------- 2. the overhead

const emulator = await startEmulator({ models: [{ name: config.llm.model }], replies: [{ content: '', brief: BRIEF }] });

interface Round {
  totalMs: number;
  callsMs: number;
  calls: number;
  requests: RecordedRequest[];
  report: Report;
}

async function cli(llm: boolean): Promise<Round> {
  emulator.requests.length = 0;
  let stdout = '';
  let stderr = '';
  const args = ['analyze', DIR, '--format', 'json', ...(llm ? ['--ollama-url', emulator.url] : ['--no-llm'])];
  const start = performance.now();
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  const totalMs = performance.now() - start;
  // 1 is a gated regression, still a full report; 2 is a run that did not work.
  if (code === 2) throw new Error(`chimera-insight ${args.join(' ')} exited 2:\n${stderr}`);
  const report = JSON.parse(stdout) as Report;
  const calls = report.llm?.calls ?? [];
  return { totalMs, callsMs: calls.reduce((sum, c) => sum + c.wallMs, 0), calls: calls.length, requests: [...emulator.requests], report };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

process.stderr.write(`[bench:llm] ${ROUNDS} rounds against the emulator at ${emulator.url}\n`);
await cli(true);
await cli(false);
const withLlm: Round[] = [];
const withoutLlm: Round[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // ABBA: drift on a shared machine falls on both sides alike.
  for (const llm of round % 2 ? [false, true] : [true, false]) (llm ? withLlm : withoutLlm).push(await cli(llm));
}
await emulator.close();

const sample = withLlm[0] as Round;
const narrative = sample.report.narrative;
const reportCall = sample.report.llm?.calls.find((c) => c.stage === 'report');
const chat = sample.requests.find((r) => r.path === '/api/chat' && Array.isArray((r.body as { messages?: unknown[] }).messages) && (r.body as { messages: unknown[] }).messages.length > 0);
const sent = chat?.body as { messages: unknown; options: unknown } | undefined;
check(JSON.stringify(sent?.messages) === JSON.stringify(prompt.messages), 'the prompt sent by main() differs from the one built here');
check(JSON.stringify(sent?.options) === JSON.stringify(prompt.options), 'the options sent by main() differ from the ones built here');
check(narrative.status === 'generated', `no narrative was generated (${narrative.status === 'generated' ? '' : narrative.reason})`);
check(narrative.status === 'generated' && narrative.dropped.length === 0, 'the checks dropped part of the scripted answer');
check(withLlm.every((r) => r.calls === 2), 'expected one warm-up and one report call per run');

const metadata = sample.requests.filter((r) => r.path !== '/api/chat').map((r) => `${r.method} ${r.path}`);
const total = median(withLlm.map((r) => r.totalMs));
const callsMs = median(withLlm.map((r) => r.callsMs));
const overhead = median(withLlm.map((r) => r.totalMs - r.callsMs));
const noLlm = median(withoutLlm.map((r) => r.totalMs));
const ms = (v: number) => `${v.toFixed(1)} ms`;
const r2 = (v: number) => Math.round(v * 100) / 100;
const outputTokens = reportCall?.outputTokens ?? null;
const answerText = JSON.stringify(briefAnswer(BRIEF, prompt.messages.map((m) => m.content).join('\n')));
const outputEstimate = estimateTokens(answerText);

// ---------------------------------------------------------------- 3. the planted-untruth suite

process.stderr.write(`[bench:llm] planted-untruth suite: ${PLANTS.length} plants\n`);
const suite = await buildFixtures(cwd);
const suiteEmulator = await startEmulator({ models: [{ name: config.llm.model }] });
const result = await runSuite(suiteEmulator, suite.fixtures, PLANTS);
const extra: { kept: number; dropped: string[] } = { kept: 0, dropped: [] };
for (const answer of [CLEAN_VARIANT, ...CLEAN_EXTRA, ...CLEAN_K5]) {
  const n = (await narrateBrief(suiteEmulator, suite.fixtures.regression, { answer })).narrative;
  extra.kept += n.claims.length + n.recommendations.length + n.risks.length;
  extra.dropped.push(...n.dropped.map((d) => `${d.item} ${d.index}: ${d.reason}`));
}
await suiteEmulator.close();
suite.remove();
const rates = catchRates(result.cases);
const planted = result.cases.length;
const caught = result.cases.filter((c) => c.caught).length;
const cleanDropped = result.clean.regression.narrative.dropped.length + result.clean.pass.narrative.dropped.length;
const collateral = result.cases.reduce((n, c) => n + c.lost.length, 0);
const contradictions = result.cases.reduce((n, c) => n + c.verdictProblems.length, 0);
const byReason = new Map<string, number>();
for (const c of result.cases) for (const d of c.dropped) byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
check(caught / planted >= 0.95, `catch rate ${caught}/${planted} under 95%`);
check(cleanDropped === 0 && collateral === 0, 'a clean brief lost a true item');
check(contradictions === 0, 'a report contradicted the verdict');
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;

process.stdout.write(
  [
    `chimera-insight analyze ${DIR} (CLI config, baseline auto), model ${config.llm.model} emulated in process; medians of ${ROUNDS} rounds`,
    '',
    '| Measure | Value |',
    '| --- | --- |',
    `| Facts in the sheet | ${sheet.facts.length} (${sheet.omitted.findings} findings and ${sheet.omitted.changes} changes over the budget) |`,
    `| Fact sheet | ${sheet.text.length} chars, ≈ ${sheet.estimatedTokens} tokens |`,
    `| Prompt (system + user) | ${promptChars} chars, ≈ ${prompt.promptTokens} tokens |`,
    `| num_ctx sent | ${String(prompt.options.num_ctx ?? 'server default')} |`,
    `| num_predict (output cap) | ${String(prompt.options.num_predict)} |`,
    `| Emulated answer | ${answerText.length} chars; eval_count ${outputTokens ?? '–'} (emulator: one per word), ≈ ${outputEstimate} tokens (tokens.ts) |`,
    `| Run with the model: wall time | ${ms(total)} |`,
    `| Model calls, client wall time (warm-up + 1 report call) | ${ms(callsMs)} |`,
    `| Our overhead (wall time minus model calls, per round) | ${ms(overhead)} |`,
    `| Run with --no-llm: wall time | ${ms(noLlm)} |`,
    `| Overhead the LLM stage adds beyond --no-llm | ${ms(overhead - noLlm)} |`,
    `| Requests besides chat | ${metadata.length} (${metadata.join(', ')}) |`,
    '',
    `Planted-untruth suite: ${planted} untruths, each added to a clean brief; caught = in no output (report.md, report.json, comment, summary, terminal)`,
    '',
    '| Category | Planted | Caught | Rate |',
    '| --- | --: | --: | --: |',
    ...rates.map((r) => `| ${r.category} | ${r.planted} | ${r.caught} | ${pct(r.caught, r.planted)} |`),
    `| all | ${planted} | ${caught} | ${pct(caught, planted)} |`,
    '',
    `False positives: ${cleanDropped} of ${result.clean.regression.narrative.claims.length + result.clean.regression.narrative.recommendations.length + result.clean.regression.narrative.risks.length + result.clean.pass.narrative.claims.length + result.clean.pass.narrative.recommendations.length + result.clean.pass.narrative.risks.length + cleanDropped} items of the suite's clean briefs dropped; ${collateral} true items lost beside a plant; ${contradictions} verdict contradictions.`,
    `Extra clean corpus (${CLEAN_EXTRA.length + CLEAN_K5.length + 1} briefs): ${extra.dropped.length} of ${extra.kept + extra.dropped.length} items dropped${extra.dropped.length > 0 ? ` (${extra.dropped.join('; ')})` : ''}.`,
    `Checks that caught the plants: ${[...byReason].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}.`,
    '',
    JSON.stringify({
      dir: DIR,
      model: config.llm.model,
      rounds: ROUNDS,
      facts: sheet.facts.length,
      omitted: sheet.omitted,
      factSheet: { chars: sheet.text.length, tokensEstimate: sheet.estimatedTokens },
      prompt: { chars: promptChars, tokensEstimate: prompt.promptTokens, promptEvalCountEmulated: reportCall?.promptTokens ?? null },
      options: prompt.options,
      answer: { chars: answerText.length, evalCountEmulated: outputTokens, tokensEstimate: outputEstimate },
      medianMs: { total: r2(total), llmCalls: r2(callsMs), overhead: r2(overhead), noLlm: r2(noLlm), llmStageOverhead: r2(overhead - noLlm) },
      roundsMs: {
        total: withLlm.map((r) => r2(r.totalMs)),
        llmCalls: withLlm.map((r) => r2(r.callsMs)),
        noLlm: withoutLlm.map((r) => r2(r.totalMs)),
      },
      requestsBesidesChat: metadata,
      suite: { planted, caught, categories: rates, falsePositives: { cleanBriefs: cleanDropped, collateral, extraCorpus: extra.dropped.length, extraItems: extra.kept + extra.dropped.length }, verdictContradictions: contradictions, caughtBy: Object.fromEntries(byReason) },
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map(r2), node: process.version },
      checks: failures,
    }),
    '',
  ].join('\n'),
);
for (const f of failures) process.stderr.write(`[bench:llm] check failed: ${f}\n`);
if (failures.length > 0) process.exitCode = 1;

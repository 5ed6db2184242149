/**
 * `npm run bench:llm`: what the narrate stage costs on examples/benchmarks,
 * apart from the model itself (issue 4). Two parts:
 *
 * 1. The prompt the model would get: the CLI's config, its pipeline with the
 *    baseline compare, then the fact sheet and prompt from the functions
 *    narrate.ts calls. Sizes are estimated with src/llm/tokens.ts.
 * 2. The CLI's main() against the Ollama emulator, in process: wall time of
 *    the whole run, the client-side wall time of the model calls
 *    (report.llm.calls[].wallMs), and the difference, which is ours (setup
 *    requests, fact sheet, prompt, verification, rendering). Next to it the
 *    same run with --no-llm. Medians of BENCH_LLM_ROUNDS (5) rounds, after one
 *    unmeasured warm-up of each, in ABBA order.
 *
 * The emulator answers at once, so the call times hold only HTTP and
 * streaming on this machine, never generation. Its answer is a brief written
 * from the example facts, of the size a model would write. Prints a Markdown
 * table and one JSON line on stdout; a failed check goes to stderr and sets
 * the exit code.
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
import { startEmulator, type RecordedRequest } from '../test/fakes/ollama-emulator.js';

const ROUNDS = Number(process.env.BENCH_LLM_ROUNDS ?? 5);
const DIR = 'examples/benchmarks';
const cwd = process.cwd();

/**
 * Every number is a fact value, label or change from the sheet, so the whole
 * answer survives verification and each run is one report call, no retry.
 */
const ANSWER = {
  executive_summary:
    'All 8 series compared with the baseline are unchanged, so no gated throughput check fails. Throughput is stable between runs, with a CV of at most 1.4% for the batch runs, and Q4_K_M gives gemma3:4b the best balance of speed, TTFT and memory.',
  key_findings: [
    { text: 'The compiled backend at batch size 8 reaches 495.48 tok/s in this run against a baseline of 500.08 tok/s, a change of -0.9% that stays within the noise of the runs.', facts: ['F12', 'F27', 'F26'] },
    { text: 'The eager backend is slower than the compiled one at both batch sizes: 397.86 tok/s against 495.48 tok/s at batch size 8, and 63.66 tok/s against 79.34 tok/s at batch size 1.', facts: ['F14', 'F12', 'F13', 'F11'] },
    { text: 'gemma3:1b generates about twice as fast as gemma3:4b on Ollama, 141.90 tok/s against 71.32 tok/s in the per-prompt runs, which the generate calls confirm with 142.10 and 71.70 tok/s.', facts: ['F22', 'F23', 'F20', 'F21'] },
    { text: 'Q4_K_M is the fastest quantization of gemma3:4b at 71.50 tok/s, with a TTFT of 382 ms and 3.30 GB of VRAM, while F16 needs 8.60 GB and reaches only 38.90 tok/s.', facts: ['F18', 'F33', 'F36', 'F35', 'F17'] },
    { text: 'Generation time of gemma3:1b varies strongly between prompts, with a CV of 22.2% on eval_s, so a single prompt says little about a change.', facts: ['F38'] },
  ],
  recommendations: [
    'Serve with the compiled backend at batch size 8, which delivers the highest throughput at 495.48 tok/s and scales well from batch size 1.',
    'Make Q4_K_M the default quantization of gemma3:4b: it leads on throughput and TTFT and needs the least VRAM, which leaves room for larger batches.',
    'Keep at least 5 runs per configuration and use more prompts for gemma3:1b, so the gate can tell a real regression from the spread between prompts.',
  ],
  risks: [
    { risk: 'The output quality of Q4_K_M is not measured in these files, so its speed may hide a loss in answer quality.', mitigation: 'Add a small evaluation set and track its score next to throughput before switching the default.' },
    { risk: '34 series are only counted in this brief, so a change in one of them would go unmentioned here.', mitigation: 'Read the full tables of the report for the per-prompt and serving files before a release.' },
  ],
};
const ANSWER_TEXT = JSON.stringify(ANSWER);

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

const emulator = await startEmulator({ models: [{ name: config.llm.model }], replies: [{ content: ANSWER_TEXT }] });

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
check(narrative.status === 'generated' && Object.values(narrative.removals).every((n) => n === 0), 'verification removed part of the scripted answer');
check(withLlm.every((r) => r.calls === 2), 'expected one warm-up and one report call per run');

const metadata = sample.requests.filter((r) => r.path !== '/api/chat').map((r) => `${r.method} ${r.path}`);
const total = median(withLlm.map((r) => r.totalMs));
const callsMs = median(withLlm.map((r) => r.callsMs));
const overhead = median(withLlm.map((r) => r.totalMs - r.callsMs));
const noLlm = median(withoutLlm.map((r) => r.totalMs));
const ms = (v: number) => `${v.toFixed(1)} ms`;
const r2 = (v: number) => Math.round(v * 100) / 100;
const outputTokens = reportCall?.outputTokens ?? null;
const outputEstimate = estimateTokens(ANSWER_TEXT);

process.stdout.write(
  [
    `chimera-insight analyze ${DIR} (CLI config, baseline auto), model ${config.llm.model} emulated in process; medians of ${ROUNDS} rounds`,
    '',
    '| Measure | Value |',
    '| --- | --- |',
    `| Facts in the sheet | ${sheet.facts.length} (${sheet.omittedSeries} series only counted) |`,
    `| Fact sheet | ${sheet.text.length} chars, ≈ ${sheet.estimatedTokens} tokens |`,
    `| Prompt (system + user) | ${promptChars} chars, ≈ ${prompt.promptTokens} tokens |`,
    `| num_ctx sent | ${String(prompt.options.num_ctx ?? 'server default')} |`,
    `| num_predict (output cap) | ${String(prompt.options.num_predict)} |`,
    `| Emulated answer | ${ANSWER_TEXT.length} chars; eval_count ${outputTokens ?? '–'} (emulator: one per word), ≈ ${outputEstimate} tokens (tokens.ts) |`,
    `| Run with the model: wall time | ${ms(total)} |`,
    `| Model calls, client wall time (warm-up + 1 report call) | ${ms(callsMs)} |`,
    `| Our overhead (wall time minus model calls, per round) | ${ms(overhead)} |`,
    `| Run with --no-llm: wall time | ${ms(noLlm)} |`,
    `| Overhead the LLM stage adds beyond --no-llm | ${ms(overhead - noLlm)} |`,
    `| Requests besides chat | ${metadata.length} (${metadata.join(', ')}) |`,
    '',
    JSON.stringify({
      dir: DIR,
      model: config.llm.model,
      rounds: ROUNDS,
      facts: sheet.facts.length,
      omittedSeries: sheet.omittedSeries,
      factSheet: { chars: sheet.text.length, tokensEstimate: sheet.estimatedTokens },
      prompt: { chars: promptChars, tokensEstimate: prompt.promptTokens, promptEvalCountEmulated: reportCall?.promptTokens ?? null },
      options: prompt.options,
      answer: { chars: ANSWER_TEXT.length, evalCountEmulated: outputTokens, tokensEstimate: outputEstimate },
      medianMs: { total: r2(total), llmCalls: r2(callsMs), overhead: r2(overhead), noLlm: r2(noLlm), llmStageOverhead: r2(overhead - noLlm) },
      roundsMs: {
        total: withLlm.map((r) => r2(r.totalMs)),
        llmCalls: withLlm.map((r) => r2(r.callsMs)),
        noLlm: withoutLlm.map((r) => r2(r.totalMs)),
      },
      requestsBesidesChat: metadata,
      machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map(r2), node: process.version },
      checks: failures,
    }),
    '',
  ].join('\n'),
);
for (const f of failures) process.stderr.write(`[bench:llm] check failed: ${f}\n`);
if (failures.length > 0) process.exitCode = 1;

import { formatChange, formatNumber, formatPercent } from '../util/numbers.js';
import type { Fact, LlmCall, LlmReport, MetricAggregate } from '../model/llm.js';
import { formatOllamaOptions } from '../llm/config.js';
import { describeRemovals } from '../llm/verify.js';
import { plural } from '../util/text.js';
import { code, details, escapeMarkdown, formatMs, labelsText, table } from './format.js';
import type { Report } from '../model/report.js';

/** Above this many calls the per-call table starts collapsed. */
const OPEN_CALL_ROWS = 6;

/** "num_gpu=80, num_ctx=2048 (raised from 256 to fit the prompt), temp=0.6, top_p=default, …" */
export function configurationLine(llm: LlmReport): string {
  const raised = llm.numCtxRaisedFrom !== undefined ? ` (raised from ${llm.numCtxRaisedFrom} to fit the prompt)` : '';
  return code(formatOllamaOptions(llm.options, (key) => (key === 'num_ctx' ? raised : '')));
}

/** "fully on GPU", "42% on GPU", "on CPU"; undefined when `ps` did not say. */
export function gpuResidency(sizeVram: number | undefined, size: number | undefined): string | undefined {
  if (sizeVram === undefined || size === undefined || size <= 0) return undefined;
  if (sizeVram >= size) return 'fully on GPU';
  if (sizeVram <= 0) return 'on CPU only';
  return `${Math.round((sizeVram / size) * 100)}% on GPU`;
}

function modelLine(llm: LlmReport): string {
  const m = llm.model;
  const parts = [`**Model:** ${code(m.name)}`];
  if (m.digest) parts.push(`digest ${code(m.digest.replace(/^sha256:/, '').slice(0, 12))}`);
  if (m.parameterSize) parts.push(escapeMarkdown(m.parameterSize));
  if (m.quantization) parts.push(escapeMarkdown(m.quantization));
  const residency = gpuResidency(m.sizeVram, m.size);
  if (residency) parts.push(residency);
  const origin = { input: 'given by ollama-url', reused: 'already running', started: 'started by this job' }[llm.server.origin];
  parts.push(`Ollama ${llm.server.version ? escapeMarkdown(llm.server.version) : '(version unknown)'} at ${code(llm.server.url)} (${origin})`);
  return parts.join(' · ');
}

function two(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

function meanSd(a: MetricAggregate, unit: string): string {
  if (a.mean === null) return '–';
  return `${a.mean.toFixed(2)}${a.sd !== null ? ` ± ${a.sd.toFixed(2)}` : ''} ${unit}`;
}

function callRow(c: LlmCall): string[] {
  const stage = c.stage === 'warmup' ? 'warm-up' : c.stage;
  const note = c.error ? `failed: ${escapeMarkdown(c.error)}` : c.truncated ? 'prompt probably truncated' : '';
  const tokens = `${c.promptTokens === null ? '–' : c.promptTokens} / ${c.outputTokens === null ? '–' : c.outputTokens}`;
  return [
    c.stage === 'warmup' ? '–' : String(c.run),
    stage,
    two(c.ttftMs),
    two(c.tokensPerSecond),
    tokens,
    [c.promptEvalMs, c.evalMs, c.loadMs, c.totalMs].map(two).join(' / '),
    note,
  ];
}

const CALL_HEADER = ['Run', 'Stage', 'TTFT (ms)', 'tok/s', 'Tokens in / out', 'Prompt eval / eval / load / total (ms)', 'Note'];

/** Model, configuration, Aggregate Metrics and Statistical Summary: the part of the LLM metrics kept longest. */
export function llmSummarySection(llm: LlmReport, heading = '### LLM call metrics'): string {
  const parts = [heading, modelLine(llm), `**Configuration:** ${configurationLine(llm)}`].filter((p) => p !== '');
  const agg = llm.aggregate;
  const warmup = llm.calls.find((c) => c.stage === 'warmup' && !c.error);
  if (agg) {
    const rows = [
      ['Average Throughput', meanSd(agg.tokensPerSecond, 'tok/s')],
      ['Average TTFT', meanSd(agg.ttftMs, 'ms')],
      ['Total Tokens Generated', String(agg.totalOutputTokens)],
      ['Total Prompt Tokens', String(agg.totalPromptTokens)],
      ['Total LLM Call Duration', `${agg.totalMs.toFixed(2)} ms`],
      ['Prompt Eval Duration (sum)', `${agg.promptEvalMs.toFixed(2)} ms`],
      ['Eval Duration (sum)', `${agg.evalMs.toFixed(2)} ms`],
      ['Load Duration (sum)', `${agg.loadMs.toFixed(2)} ms`],
    ];
    if (warmup) rows.push(['Model load (warm-up, not in the sums)', warmup.loadMs === null ? '–' : `${warmup.loadMs.toFixed(2)} ms`]);
    parts.push(`**Aggregate Metrics**\n\n${table(['Metric', 'Value'], rows)}`);
    parts.push(
      [
        '**Statistical Summary**',
        '',
        `- **Throughput CV**: ${formatPercent(agg.tokensPerSecond.cv)}`,
        `- **TTFT CV**: ${formatPercent(agg.ttftMs.cv)}`,
        `- **Runs**: ${agg.runs} (${agg.tokensPerSecond.n} generation call${agg.tokensPerSecond.n === 1 ? '' : 's'} measured; warm-up excluded)`,
      ].join('\n'),
    );
  } else {
    parts.push('No report call finished, so there are no call metrics to aggregate.');
  }
  if (heading !== '' && llm.notes.length > 0) parts.push(llm.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n'));
  return parts.join('\n\n');
}

/**
 * The model's own performance in one line, the aggregate table collapsed
 * under it: what the digest keeps of the LLM call metrics.
 */
export function llmDigestSection(llm: LlmReport): string {
  const agg = llm.aggregate;
  const parts = [`${code(llm.model.name)}`];
  if (agg) {
    parts.push(plural(agg.runs, 'run'));
    parts.push(`**${meanSd(agg.tokensPerSecond, 'tok/s')}**`);
    parts.push(`TTFT ${meanSd(agg.ttftMs, 'ms')}`);
    parts.push(`${agg.totalOutputTokens} output tokens`);
    parts.push(`total ${formatMs(agg.totalMs)}`);
  } else parts.push('no report call finished');
  const residency = gpuResidency(llm.model.sizeVram, llm.model.size);
  if (residency) parts.push(residency);
  const notes = llm.notes.length > 0 ? `\n\n${llm.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n')}` : '';
  return `### LLM call metrics\n\n${parts.join(' · ')}${notes}\n\n${details('Aggregate metrics, CV and configuration', llmSummarySection(llm, ''))}`;
}

/** Every call, warm-up included, and the persona prompt: detail that may be dropped for size. */
export function llmCallsSection(llm: LlmReport): string {
  const body = table(CALL_HEADER, llm.calls.map(callRow));
  const calls = llm.calls.length > OPEN_CALL_ROWS ? details(`Per-call metrics (${llm.calls.length} calls)`, body) : `**Per-call metrics**\n\n${body}`;
  const persona = details('Persona prompt', `\`\`\`text\n${llm.persona.replace(/`{3,}/g, '``')}\n\`\`\``);
  return `${calls}\n\n${persona}`;
}

function factText(f: Fact): string {
  const subject = f.series
    ? `${code(f.series.metric)}${Object.keys(f.series.labels).length > 0 ? ` ${labelsText(f.series.labels)}` : ''}`
    : escapeMarkdown(f.subject);
  const change = f.change !== undefined && f.change !== null ? ` (${formatChange(f.change)} vs baseline, ${f.verdict ?? ''})` : f.verdict ? ` (${f.verdict})` : '';
  return `${f.id} ${subject}: ${formatNumber(f.value)}${f.unit ? ` ${escapeMarkdown(f.unit)}` : ''}${change}`;
}

/**
 * The narrative: verified model text escaped (no links, images, HTML or
 * mentions survive), with each finding's facts rendered from the computed
 * values; or the one-line reason it is missing.
 */
export function narrativeSection(report: Report): string {
  const n = report.narrative;
  if (n.status === 'skipped') return `> **Narrative skipped:** ${escapeMarkdown(n.reason)}`;
  if (n.status === 'fallback') return `> **Narrative not shown:** ${escapeMarkdown(n.reason)}`;
  const facts = new Map((report.llm?.facts ?? []).map((f) => [f.id, f]));
  const model = report.llm ? ` by ${code(report.llm.model.name)}` : '';
  const c = n.content;
  const parts = [`### Narrative\n\n<sub>Written${model} from the computed facts and checked against them; numbers come from the tables below.</sub>`];
  if (c.executiveSummary) parts.push(`**Executive summary.** ${escapeMarkdown(c.executiveSummary)}`);
  if (c.findings.length > 0) {
    const lines = c.findings.map((f) => {
      const cited = f.facts.map((id) => facts.get(id)).filter((x): x is Fact => x !== undefined);
      return `- ${escapeMarkdown(f.text)}${cited.length > 0 ? `<br><sub>${cited.map(factText).join('; ')}</sub>` : ''}`;
    });
    parts.push(`**What the model points out**\n\n${lines.join('\n')}`);
  }
  if (c.recommendations.length > 0) parts.push(`**Recommendations**\n\n${c.recommendations.map((r, i) => `${i + 1}. ${escapeMarkdown(r)}`).join('\n')}`);
  if (c.risks.length > 0) parts.push(`**Risks**\n\n${table(['Risk', 'Mitigation'], c.risks.map((r) => [escapeMarkdown(r.risk), escapeMarkdown(r.mitigation)]))}`);
  const removed = describeRemovals(n.removals);
  const runs = report.llm?.aggregate?.runs ?? 1;
  const which = runs > 1 ? `Text from run ${n.run} of ${runs}. ` : '';
  parts.push(`<sub>${which}Verification: ${removed || 'nothing removed'}.</sub>`);
  return parts.join('\n\n');
}

/** "LLM 12.30 s (load 1.20 s, prompt eval 300 ms, generation 10.10 s)" for the workflow timings line. */
export function llmTimingText(report: Report): string | undefined {
  const t = report.timings.llm;
  if (!t) return undefined;
  return `LLM ${formatMs(t.wallMs)} (load ${formatMs(t.loadMs)}, prompt eval ${formatMs(t.promptEvalMs)}, generation ${formatMs(t.generationMs)})`;
}

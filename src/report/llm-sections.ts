import { formatPercent } from '../util/numbers.js';
import type { GeneratedNarrative, LlmCall, LlmReport, MetricAggregate } from '../model/llm.js';
import { formatOllamaOptions } from '../llm/config.js';
import { REASON_TEXT } from '../llm/verify.js';
import { plural } from '../util/text.js';
import { code, details, escapeMarkdown, formatMs, table } from './format.js';
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

/** Lines of dropped items in the collapsed note; the rest are counted (all are in report.json). */
const DROPS_LISTED = 10;

function interpretationText(text: string | undefined): string {
  return text ? ` _${escapeMarkdown(text)}_` : '';
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * A claim's sentence may start with a repository's label (`# ALL CLEAR`,
 * `- [x] merged`, `1. approved`): escaped, so it cannot open a heading, a
 * nested list or a checked box inside its list item.
 */
function itemStart(text: string): string {
  return text.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The checks' outcome: one line when everything held, else the drops collapsed under a count. */
function checksNote(n: GeneratedNarrative, runs: number): string {
  const which = runs > 1 ? `Answer of run ${n.run} of ${runs}. ` : '';
  const kept = n.claims.length + n.recommendations.length + n.risks.length;
  if (n.dropped.length === 0) return `<sub>${which}Checks: all ${plural(kept, 'item')} of the answer held.</sub>`;
  // Items dropped for the same reason with the same detail share a line: "claims 6, 7, 8: …".
  const groups = new Map<string, { item: string; indices: number[]; text: string }>();
  for (const d of n.dropped) {
    const text = `${escapeMarkdown(REASON_TEXT[d.reason])} — ${escapeMarkdown(d.detail)}`;
    const key = `${d.item}\u0000${text}`;
    const group = groups.get(key) ?? { item: d.item, indices: [], text };
    group.indices.push(d.index);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  const lines = all.slice(0, DROPS_LISTED).map((g) => `- ${g.indices.length > 1 ? `${g.item}s` : g.item} ${g.indices.join(', ')}: ${g.text}`);
  if (all.length > DROPS_LISTED) lines.push(`- …and ${all.slice(DROPS_LISTED).reduce((k, g) => k + g.indices.length, 0)} more in report.json`);
  return `${which ? `<sub>${which.trim()}</sub>\n\n` : ''}${details(`Checks: ${kept} kept, ${plural(n.dropped.length, 'item')} dropped`, lines.join('\n'))}`;
}

/**
 * The narrative: the verdict sentence and each checked claim's sentence,
 * written by code from the facts, with the model's checked interpretation
 * after it (escaped: no link, image, HTML or mention survives); the
 * recommendations and risks; and what the checks dropped, collapsed. Or the
 * one-line reason it is missing.
 */
export function narrativeSection(report: Report): string {
  const n = report.narrative;
  if (n.status === 'skipped') return `> **Narrative skipped:** ${escapeMarkdown(n.reason)}`;
  if (n.status === 'fallback') return `> **Narrative not shown:** ${escapeMarkdown(n.reason)}`;
  const model = report.llm ? ` by ${code(report.llm.model.name)}` : '';
  const parts = [`### Narrative\n\n<sub>Claims chosen${model} from the computed facts and checked against them. Every number, name, direction and verdict is written by code; the model's own words are in italics.</sub>`];
  const gate = n.claims.find((c) => c.relation === 'passes' || c.relation === 'fails');
  parts.push(`${escapeMarkdown(n.verdict)}${interpretationText(gate?.interpretation)}`);
  const claims = n.claims.filter((c) => c !== gate);
  if (claims.length > 0) parts.push(claims.map((c) => `- ${itemStart(escapeMarkdown(sentence(c.statement)))}${interpretationText(c.interpretation)}`).join('\n'));
  if (n.recommendations.length > 0) parts.push(`**Recommendations**\n\n${n.recommendations.map((r, i) => `${i + 1}. _${escapeMarkdown(r.text)}_`).join('\n')}`);
  if (n.risks.length > 0) parts.push(`**Risks**\n\n${n.risks.map((r) => `- _${escapeMarkdown(r.risk)}_ Mitigation: _${escapeMarkdown(r.mitigation)}_`).join('\n')}`);
  parts.push(checksNote(n, report.llm?.aggregate?.runs ?? 1));
  return parts.join('\n\n');
}

/** "LLM 12.30 s (load 1.20 s, prompt eval 300 ms, generation 10.10 s)" for the workflow timings line. */
export function llmTimingText(report: Report): string | undefined {
  const t = report.timings.llm;
  if (!t) return undefined;
  return `LLM ${formatMs(t.wallMs)} (load ${formatMs(t.loadMs)}, prompt eval ${formatMs(t.promptEvalMs)}, generation ${formatMs(t.generationMs)})`;
}

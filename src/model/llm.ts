import type { Verdict } from './comparison.js';
import type { Direction } from './series.js';

/** What a fact is about: the gate's verdict, a change against the baseline, or a finding. */
export type FactKind = 'gate' | 'change' | 'ranking' | 'sweep' | 'effect' | 'stability';

/** A level of a factor (or a configuration of a sweep) as a fact states it. */
export interface FactLevel {
  /** As the report names it: `compiled`, `batch=8`, `num_gpu=2, num_ctx=2048`. */
  name: string;
  mean: number;
  n: number | null;
  sd: number | null;
}

interface FactBase {
  /** Short and stable within one report: F1, F2, … The model cites it; code renders from here. */
  id: string;
  kind: FactKind;
  /** The finding it states (f1, f2, …); the gate fact has none. */
  finding?: string;
  metric: string;
  unit: string;
  direction: Direction;
  /** Where the numbers come from: a file or a path pattern, relative to the analysed directory. */
  scope: string;
  /** Conditions every series of the fact shares (model, gpu, …). */
  labels: Record<string, string>;
  /** Names prose citing this fact may use: metric, factors, level values, label keys and values. */
  names: string[];
}

/** The gate's verdict and its counts: what the verdict sentence is written from. */
export interface GateFact extends FactBase {
  kind: 'gate';
  verdict: 'pass' | 'regression' | 'no-baseline' | 'error' | 'none';
  compared: number;
  regressed: number;
  /** Regressions that fail the check. */
  gatedRegressed: number;
  improved: number;
  inconclusive: number;
  unchanged: number;
}

/** One series against the baseline. Changes are fractions: -0.15 is a 15% drop. */
export interface ChangeFact extends FactBase {
  kind: 'change';
  series: string;
  verdict: Verdict;
  change: number;
  base: number;
  head: number;
  interval: [number, number] | null;
  pValue: number | null;
  gated: boolean;
  threshold: number;
  /** The largest move (|change|) of every compared series. */
  largest: boolean;
  /** Series compared in this run, for "the largest of N". */
  compared: number;
}

/** A factor's levels ranked best first (one condition, or pooled over the others). */
export interface RankingFact extends FactBase {
  kind: 'ranking';
  factor: string;
  /** The other conditions the levels are pooled over (empty for a one-factor ranking). */
  over: string[];
  /** Best first. */
  levels: FactLevel[];
  /** Highest mean over lowest (≥ 1), when both are positive. */
  ratio: number | null;
  /** Do the levels differ beyond the noise? null when no test could run. */
  significant: boolean | null;
  p: number | null;
}

/** A parameter sweep: its best and worst configuration. */
export interface SweepFact extends FactBase {
  kind: 'sweep';
  factors: string[];
  configurations: number;
  best: FactLevel & { labels: Record<string, string> };
  worst: FactLevel & { labels: Record<string, string> };
  ratio: number | null;
  /** No factor moves the metric beyond the noise. */
  withinNoise: boolean;
  /** Factors whose main effect is beyond the noise. */
  beyondNoise: string[];
  /** The largest main effect as a fraction of the grand mean. */
  largestSpread: number;
}

/** One factor's main effect in a sweep: its level means averaged over the other factors. */
export interface EffectFact extends FactBase {
  kind: 'effect';
  factor: string;
  /** The sweep fact this effect belongs to. */
  sweep: string;
  /** In the factor's natural order (numeric levels ascending). */
  levels: FactLevel[];
  /** Levels are numbers, so "as the factor grows" has a meaning. */
  numeric: boolean;
  /** (last − first) / |first| in natural order; ±Infinity when the first level is 0 (its sign says rose or fell). */
  change: number;
  significant: boolean | null;
  p: number | null;
  /** Level means are geometric means (SweepEffect.geometric). */
  geometric?: true;
  /** Level means over the settings of the other conditions every level ran (SweepEffect.matched). */
  matched?: true;
  /** Level means over each level's own settings: no setting ran every level (SweepEffect.unmatched). */
  unmatched?: true;
}

/** What makes a file's or experiment's numbers less trustworthy. */
export interface StabilityFact extends FactBase {
  kind: 'stability';
  items: { name: string; kind: 'scatter' | 'runs' | 'warm-up'; cv: number | null; note: string }[];
  excludedRows: number;
}

export type Fact = GateFact | ChangeFact | RankingFact | SweepFact | EffectFact | StabilityFact;

export interface FactSheet {
  facts: Fact[];
  /** Findings and changes that did not fit the fact budget. */
  omitted: { findings: number; changes: number };
  /** Estimated tokens of the rendered sheet (see estimateTokens). */
  estimatedTokens: number;
  /** The sheet as the model reads it. */
  text: string;
}

/**
 * What a claim may assert about its fact(s). Each has one meaning the code
 * checks against the data (see docs/model.md, "Relations").
 */
export const RELATIONS = [
  'best',
  'worst',
  'higher',
  'lower',
  'better',
  'worse',
  'rose',
  'fell',
  'improved',
  'regressed',
  'unchanged',
  'inconclusive',
  'within-noise',
  'beyond-noise',
  'exceeds-threshold',
  'fails-gate',
  'largest-change',
  'noisy',
  'warm-up',
  'passes',
  'fails',
] as const;
export type Relation = (typeof RELATIONS)[number];

/** A claim that held: its sentence written by code from the facts, and the model's checked interpretation. */
export interface CheckedClaim {
  facts: string[];
  relation: Relation;
  /** The entity the claim is about, as the facts name it (not as the model spelled it). */
  subject?: string;
  /** The entity it is compared with (higher, lower, better, worse). */
  object?: string;
  /** Written by code: every number, unit, name, direction and verdict comes from the facts. */
  statement: string;
  /** What the code compared to accept the relation, e.g. "change −0.175 < 0". */
  check: string;
  /** The model's words after the statement, checked as free prose. */
  interpretation?: string;
}

/** A recommendation: free prose that passed every check, and the facts whose names it may use. */
export interface CheckedItem {
  text: string;
  facts: string[];
}

export interface CheckedRisk {
  risk: string;
  mitigation: string;
  facts: string[];
}

/** Why an item was dropped whole. */
export type DropReason =
  | 'unknown-fact'
  | 'relation-not-for-fact'
  | 'relation-false'
  | 'unknown-entity'
  | 'digits'
  | 'number-words'
  | 'units'
  | 'names'
  | 'direction-words'
  | 'verdict-words'
  | 'tone'
  | 'not-advice'
  | 'causes'
  | 'dates'
  | 'language'
  | 'chatter'
  | 'markdown'
  | 'hidden-characters'
  | 'symbols'
  | 'too-long'
  | 'empty'
  | 'over-limit'
  | 'duplicate';

/** An item the checks dropped. The model's text is not kept: only where it was and why. */
export interface DroppedItem {
  item: 'claim' | 'recommendation' | 'risk';
  /** 1-based position in the model's answer. */
  index: number;
  reason: DropReason;
  /** Written by code (fact ids and relations only when they exist). */
  detail: string;
}

export interface GeneratedNarrative {
  status: 'generated';
  /** Which report run's answer is shown (1-based). */
  run: number;
  /** The verdict sentence, written by code from the gate, never by the model. */
  verdict: string;
  claims: CheckedClaim[];
  recommendations: CheckedItem[];
  risks: CheckedRisk[];
  dropped: DroppedItem[];
  /** dropped, counted per reason. */
  dropCounts: Partial<Record<DropReason, number>>;
}

export interface FallbackNarrative {
  status: 'fallback';
  /** One line: why the model's text is not shown. */
  reason: string;
}

/** Per-run aggregate of the report calls (warm-up and retries left out of nothing: see call-metrics.ts). */
export interface MetricAggregate {
  n: number;
  mean: number | null;
  sd: number | null;
  /** Percent. */
  cv: number | null;
}

export interface LlmAggregate {
  runs: number;
  tokensPerSecond: MetricAggregate;
  ttftMs: MetricAggregate;
  totalOutputTokens: number;
  totalPromptTokens: number;
  totalMs: number;
  promptEvalMs: number;
  evalMs: number;
  loadMs: number;
}

export interface LlmReport {
  model: ModelInfo;
  server: { url: string; origin: 'input' | 'reused' | 'started'; version?: string };
  /** Options sent with every report call (the user's, plus num_ctx / num_predict we set). */
  options: Record<string, unknown>;
  /** num_ctx the user asked for, when we had to raise it to fit the prompt. */
  numCtxRaisedFrom?: number;
  language: string;
  persona: string;
  /** Estimated prompt tokens (system + user), chars / 4. */
  promptTokensEstimate: number;
  facts: Fact[];
  /** Findings and changes that did not fit the fact budget. */
  omitted: FactSheet['omitted'];
  calls: LlmCall[];
  /** Over the report calls that finished, one per run (retries replace their run's attempt). */
  aggregate: LlmAggregate | null;
  /** Warnings users should see: truncation, a retry, a run that failed. */
  notes: string[];
}

/** LLM part of the workflow timings. */
export interface LlmTimings {
  /** Client wall time of the whole LLM stage (warm-up, runs, retries). */
  wallMs: number;
  loadMs: number;
  promptEvalMs: number;
  generationMs: number;
}

/** One measured model call. Durations in milliseconds (Ollama reports nanoseconds). */
export interface LlmCall {
  stage: 'warmup' | 'report' | 'retry';
  run: number;
  /** Client-side: request sent → first content token received. */
  ttftMs: number | null;
  /** eval_count / eval_duration. */
  tokensPerSecond: number | null;
  promptTokens: number | null;
  outputTokens: number | null;
  promptEvalMs: number | null;
  evalMs: number | null;
  loadMs: number | null;
  totalMs: number | null;
  /** Client-side wall time of the whole call. */
  wallMs: number;
  /** prompt_eval_count fell short of the prompt we sent. */
  truncated?: boolean;
  error?: string;
}

export interface ModelInfo {
  name: string;
  digest?: string;
  parameterSize?: string;
  quantization?: string;
  family?: string;
  /** From `ps`: bytes in VRAM vs total; fully on GPU when equal. */
  sizeVram?: number;
  size?: number;
}

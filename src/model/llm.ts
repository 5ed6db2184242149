import type { Verdict } from './comparison.js';
import type { Direction } from './series.js';

/**
 * One computed number the model may talk about. The model sees the id and
 * cites it; the report renders `value` from here, never from the model.
 */
export interface Fact {
  /** Short and stable within one report: F1, F2, … */
  id: string;
  kind: 'series' | 'change' | 'inventory' | 'summary';
  /** What the number is, in words (e.g. "tokens_per_s (model=a) in runs/a.csv"). */
  subject: string;
  value: number;
  unit: string;
  series?: { id: string; metric: string; labels: Record<string, string>; file: string; direction: Direction };
  n?: number | null;
  sd?: number | null;
  /** Coefficient of variation in percent. */
  cv?: number | null;
  /** Relative change against the baseline as a fraction (-0.15 is a 15% drop). */
  change?: number | null;
  baseValue?: number | null;
  /** The compared statistic on the head side (mean or median, per the gate settings). */
  headValue?: number | null;
  verdict?: Verdict;
  gated?: boolean;
}

export interface FactSheet {
  facts: Fact[];
  /** Series not given a fact of their own (summarised in counts). */
  omittedSeries: number;
  /** Estimated tokens of the rendered sheet (chars / 4, see estimateTokens). */
  estimatedTokens: number;
  /** The sheet as the model reads it. */
  text: string;
}

/** What the model wrote, after verification. All strings are plain text; the renderer escapes them. */
export interface NarrativeContent {
  executiveSummary: string;
  findings: { text: string; facts: string[] }[];
  recommendations: string[];
  risks: { risk: string; mitigation: string }[];
}

/** What verification took out, shown in the report ("3 numbers not in the data removed"). */
export interface Removals {
  numbers: number;
  findingsWithoutFacts: number;
  /** Findings whose numbers come from other facts than they cited: cited facts replaced (nothing removed). */
  citationsCorrected: number;
  otherLanguage: number;
  chatter: number;
  dates: number;
}

export interface GeneratedNarrative {
  status: 'generated';
  /** Which report run's text is shown (1-based). */
  run: number;
  content: NarrativeContent;
  removals: Removals;
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
  omittedSeries: number;
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

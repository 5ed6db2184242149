/** Inputs of the LLM stage. */
export interface LlmConfig {
  /** `llm: false` skips the model entirely. */
  enabled: boolean;
  /** `ollama-url`: use this server, never start one. */
  url?: string;
  /** `ollama-version`: install this release with @actions/tool-cache when no `ollama` is on PATH. */
  ollamaVersion?: string;
  model: string;
  cacheModels: boolean;
  /** `ollama-options` as given (JSON or YAML), passed through to every call. */
  options: Record<string, unknown>;
  keepAlive?: string;
  /** How long to wait for a started server to answer. */
  startTimeoutMs: number;
  /** Longest silence allowed inside one streamed call. */
  requestTimeoutMs: number;
  /** System prompt: `persona`, the contents of `persona-file`, or the default. */
  persona: string;
  /** Where the persona came from: `default`, `input`, or `file <workspace-relative path>`. */
  personaSource?: string;
  language: string;
  runs: number;
  gateThroughput: boolean;
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

/** Why the narrative is missing with `llm: false` (kept out of src/llm/stage.ts so that reading it loads no Ollama client). */
export const LLM_DISABLED_REASON = 'llm: false, so no model was asked; every number below is computed from the files.';

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
  /** Longest silence allowed inside one request: before its headers and between chunks of its stream. */
  requestTimeoutMs: number;
  /** `timeout`: budget of the whole stage (server, pull, every call), after which the report goes out without the narrative. */
  timeoutMs: number;
  /** System prompt: `persona`, the contents of `persona-file`, or the default. */
  persona: string;
  /** Where the persona came from: `default`, `input`, or `file <workspace-relative path>`. */
  personaSource?: string;
  language: string;
  runs: number;
  gateThroughput: boolean;
}

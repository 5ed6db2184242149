import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { booleanInput, ConfigError, parseDuration, type InputReader } from '../config-input.js';
import { isInside } from '../util/paths.js';
import { closestMatch } from '../util/text.js';
import { DEFAULT_PERSONA } from './prompt.js';
import type { LlmConfig } from './types.js';

export const DEFAULT_MODEL = 'gemma3:latest';
export const DEFAULT_LANGUAGE = 'English';
export const DEFAULT_START_TIMEOUT_MS = 60_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 180_000;
/** `timeout`: the whole LLM stage (server, model pull, every call); then the report goes out without the narrative. */
export const DEFAULT_LLM_TIMEOUT_MS = 10 * 60_000;
export const MAX_RUNS = 10;
/** The persona becomes the system prompt: a cap keeps it from eating the context window. */
export const MAX_PERSONA_BYTES = 16 * 1024;

/** One default persona, owned by the prompt (src/llm/prompt.ts). */
export { DEFAULT_PERSONA };

export interface LlmConfigEnvironment {
  /** Absolute workspace; `persona-file` may not leave it. */
  workspace: string;
}

/**
 * Every Ollama runtime option (`ollama-options`), as the `Options` type of the
 * ollama client we ship (node_modules/ollama) lists them, with its type. Ollama
 * ignores a key it does not know, so a misspelt one (`num_gpus`) is refused here.
 */
const OPTION_TYPES: Record<string, 'int' | 'number' | 'boolean' | 'strings'> = {
  num_ctx: 'int',
  num_gpu: 'int',
  num_batch: 'int',
  num_thread: 'int',
  num_keep: 'int',
  num_predict: 'int',
  main_gpu: 'int',
  seed: 'int',
  top_k: 'int',
  repeat_last_n: 'int',
  mirostat: 'int',
  temperature: 'number',
  top_p: 'number',
  min_p: 'number',
  typical_p: 'number',
  repeat_penalty: 'number',
  presence_penalty: 'number',
  frequency_penalty: 'number',
  mirostat_tau: 'number',
  mirostat_eta: 'number',
  numa: 'boolean',
  low_vram: 'boolean',
  use_mmap: 'boolean',
  use_mlock: 'boolean',
  penalize_newline: 'boolean',
  f16_kv: 'boolean',
  logits_all: 'boolean',
  vocab_only: 'boolean',
  embedding_only: 'boolean',
  tfs_z: 'number',
  stop: 'strings',
};

export function readLlmConfig(read: InputReader, env: LlmConfigEnvironment): LlmConfig {
  const persona = readPersona(read('persona'), read('persona-file'), env.workspace);
  const config: LlmConfig = {
    enabled: booleanInput(read('llm'), 'llm', true),
    model: parseModel(read('model')),
    cacheModels: booleanInput(read('cache-models'), 'cache-models', false),
    options: parseOllamaOptions(read('ollama-options')),
    startTimeoutMs: parseDuration(read('ollama-timeout'), 'ollama-timeout', DEFAULT_START_TIMEOUT_MS),
    requestTimeoutMs: parseDuration(read('request-timeout'), 'request-timeout', DEFAULT_REQUEST_TIMEOUT_MS),
    timeoutMs: parseDuration(read('timeout'), 'timeout', DEFAULT_LLM_TIMEOUT_MS),
    persona: persona.text,
    personaSource: persona.source,
    language: parseLanguage(read('language')),
    runs: parseRuns(read('runs')),
    gateThroughput: booleanInput(read('gate-llm-throughput'), 'gate-llm-throughput', false),
  };
  const url = read('ollama-url').trim();
  if (url) config.url = parseUrl(url);
  const version = read('ollama-version').trim();
  if (version) config.ollamaVersion = parseVersion(version);
  const keepAlive = read('keep-alive').trim();
  if (keepAlive) config.keepAlive = parseKeepAlive(keepAlive);
  return config;
}

function parseModel(raw: string): string {
  const v = raw.trim() || DEFAULT_MODEL;
  // Registry names: `gemma3`, `gemma3:4b-it-qat`, `hf.co/org/repo:Q4_K_M`.
  if (v.length > 200 || !/^[A-Za-z0-9][A-Za-z0-9._\-/]*(:[A-Za-z0-9._-]+)?$/.test(v)) {
    throw new ConfigError('model', `"${v}" is not a model name (examples: gemma3:latest, gemma3:4b, hf.co/org/repo:Q4_K_M)`);
  }
  return v;
}

function parseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('ollama-url', `"${raw}" is not a URL (example: http://gpu-box:11434)`);
  }
  // The URL is shown in the log, the summary and the comment: a password in it would be published (so it is not echoed here either).
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('ollama-url', 'holds a user name or password, which the report would show; put the server behind a proxy on the runner, or use a URL without them');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('ollama-url', `"${raw}" must start with http:// or https://`);
  }
  return url.toString().replace(/\/+$/, '');
}

function parseVersion(raw: string): string {
  const m = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)$/.exec(raw);
  if (!m) throw new ConfigError('ollama-version', `"${raw}" is not a release version (example: 0.12.6)`);
  return m[1] as string;
}

/** Ollama's keep_alive: a Go duration ("5m", "1h30m", "-1m"), or seconds as a number ("0", "-1"). */
function parseKeepAlive(raw: string): string {
  if (/^-?\d+$/.test(raw) || /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(raw)) return raw;
  throw new ConfigError('keep-alive', `"${raw}" is not a duration Ollama accepts (examples: 5m, 1h, 0 to unload, -1 to keep loaded)`);
}

function parseLanguage(raw: string): string {
  const v = raw.trim() || DEFAULT_LANGUAGE;
  if (v.length > 40 || !/^[\p{L}][\p{L}\p{M} ()-]*$/u.test(v)) {
    throw new ConfigError('language', `"${v}" is not a language name (examples: English, German, Português)`);
  }
  return v;
}

function parseRuns(raw: string): number {
  const v = raw.trim();
  if (v === '') return 1;
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_RUNS) {
    throw new ConfigError('runs', `must be a whole number from 1 to ${MAX_RUNS}, got "${v}"`);
  }
  return n;
}

function readPersona(inline: string, file: string, workspace: string): { text: string; source: string } {
  const text = inline.trim();
  const rel = file.trim();
  if (text && rel) throw new ConfigError('persona', 'set persona or persona-file, not both');
  if (text) {
    checkPersonaSize(Buffer.byteLength(text), 'persona');
    return { text, source: 'input' };
  }
  if (!rel) return { text: DEFAULT_PERSONA, source: 'default' };
  const root = realpathSync(workspace);
  const target = path.resolve(root, rel);
  let real: string;
  try {
    real = realpathSync(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ConfigError('persona-file', `"${rel}" does not exist in the workspace`);
    throw new ConfigError('persona-file', `"${rel}" cannot be read (${code === 'ELOOP' ? 'a loop of symbolic links' : code ?? (err as Error).message})`);
  }
  // Resolved through symlinks, so a link inside the checkout cannot point the prompt at a file outside it.
  if (!isInside(root, real)) throw new ConfigError('persona-file', `"${rel}" is outside the workspace ${workspace}`);
  let content: string;
  try {
    const stat = statSync(real);
    if (!stat.isFile()) throw new ConfigError('persona-file', `"${rel}" is not a file`);
    checkPersonaSize(stat.size, 'persona-file');
    content = readFileSync(real, 'utf8').replace(/^\uFEFF/, '').trim();
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError('persona-file', `"${rel}" cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? (err as Error).message})`);
  }
  if (!content) throw new ConfigError('persona-file', `"${rel}" is empty`);
  return { text: content, source: `file ${path.relative(root, real).split(path.sep).join('/')}` };
}

function checkPersonaSize(bytes: number, input: string): void {
  if (bytes > MAX_PERSONA_BYTES) {
    throw new ConfigError(input, `is ${bytes} bytes; the persona may be at most ${MAX_PERSONA_BYTES} bytes`);
  }
}

/**
 * `ollama-options` as a JSON object (`{"num_ctx": 4096}`) or flat YAML, one
 * `key: value` per line. Only scalars (and JSON string arrays for `stop`):
 * nesting would be silently ignored by Ollama, so it is an error here.
 */
export function parseOllamaOptions(raw: string): Record<string, unknown> {
  const text = raw.trim();
  if (text === '') return {};
  const entries: [string, unknown, string][] = [];
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new ConfigError('ollama-options', `invalid JSON: ${(err as Error).message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new ConfigError('ollama-options', 'must be a JSON object or `key: value` lines');
    }
    for (const [key, value] of Object.entries(parsed)) entries.push([key, value, `key "${key}"`]);
  } else {
    const seen = new Set<string>();
    raw.split(/\r?\n/).forEach((line, index) => {
      const where = `line ${index + 1}`;
      const body = stripComment(line).trim();
      if (body === '') return;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s+(.*))?$/.exec(body);
      if (!m) throw new ConfigError('ollama-options', `${where}: "${body}" must look like "key: value"`);
      const key = m[1] as string;
      if (seen.has(key)) throw new ConfigError('ollama-options', `${where}: "${key}" is set twice`);
      seen.add(key);
      const value = m[2]?.trim() ?? '';
      if (value === '') throw new ConfigError('ollama-options', `${where}: "${key}" has no value`);
      entries.push([key, yamlScalar(value, where), where]);
    });
  }
  const options: Record<string, unknown> = {};
  for (const [key, value, where] of entries) options[key] = checkOption(key, value, where);
  return options;
}

/** A `#` starts a comment at the line start or after a space, as in YAML; quoted `#` stays. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return line.slice(0, i);
  }
  return line;
}

function yamlScalar(value: string, where: string): unknown {
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return Number(value);
  if (value.startsWith('"')) {
    try {
      const s: unknown = JSON.parse(value);
      if (typeof s === 'string') return s;
    } catch {
      /* reported below */
    }
    throw new ConfigError('ollama-options', `${where}: ${value} is not a complete quoted string`);
  }
  if (value.startsWith("'")) {
    if (value.length >= 2 && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
    throw new ConfigError('ollama-options', `${where}: ${value} is not a complete quoted string`);
  }
  if (/^[[{&*!|>%@`]/.test(value)) {
    throw new ConfigError('ollama-options', `${where}: only plain values are allowed here; use the JSON form for lists`);
  }
  return value;
}

function checkOption(key: string, value: unknown, where: string): unknown {
  const type = OPTION_TYPES[key];
  if (type === undefined) {
    const near = closestMatch(key, Object.keys(OPTION_TYPES), 2);
    throw new ConfigError(
      'ollama-options',
      `${where}: unknown option "${key}"${near ? ` (did you mean "${near}"?)` : ''}; valid options: ${Object.keys(OPTION_TYPES).sort().join(', ')}`,
    );
  }
  const bad = (expected: string) =>
    new ConfigError('ollama-options', `${where}: ${key} must be ${expected}, got ${JSON.stringify(value)}`);
  if (type === 'int' && !(typeof value === 'number' && Number.isInteger(value))) throw bad('a whole number');
  if (type === 'number' && !(typeof value === 'number' && Number.isFinite(value))) throw bad('a number');
  if (type === 'boolean' && typeof value !== 'boolean') throw bad('true or false');
  if (type === 'strings') {
    if (typeof value === 'string') return [value];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw bad('a string or a list of strings');
    return value;
  }
  if (key === 'num_ctx' && (value as number) < 1) throw bad('at least 1');
  return value;
}

/**
 * The seeds' configuration line: `num_gpu=80, num_ctx=256, temp=0.6, top_p=default, …`,
 * then any other option set; `note` appends to one option (num_ctx raised to fit the prompt).
 */
export function formatOllamaOptions(options: Record<string, unknown>, note: (key: string) => string = () => ''): string {
  const shown: [string, string][] = [
    ['num_gpu', 'num_gpu'],
    ['num_ctx', 'num_ctx'],
    ['temperature', 'temp'],
    ['top_p', 'top_p'],
    ['top_k', 'top_k'],
    ['repeat_penalty', 'repeat_penalty'],
  ];
  const text = (v: unknown) => (Array.isArray(v) ? v.map((x) => JSON.stringify(x)).join('|') : String(v));
  const parts = shown.map(([key, label]) => `${label}=${key in options ? text(options[key]) : 'default'}${note(key)}`);
  const known = new Set(shown.map(([key]) => key));
  for (const [key, value] of Object.entries(options)) if (!known.has(key)) parts.push(`${key}=${text(value)}`);
  return parts.join(', ');
}

/** The LLM inputs as shown in the report's configuration table. */
export function describeLlmConfig(llm: LlmConfig): Record<string, string> {
  if (!llm.enabled) return { llm: 'false' };
  const described: Record<string, string> = {
    llm: 'true',
    'ollama-url': llm.url ?? '(reuse 127.0.0.1:11434 or start `ollama serve`)',
    model: llm.model,
    'ollama-options': formatOllamaOptions(llm.options),
    runs: String(llm.runs),
    language: llm.language,
    persona: llm.personaSource ?? 'default',
    'cache-models': String(llm.cacheModels),
    'gate-llm-throughput': String(llm.gateThroughput),
  };
  if (llm.ollamaVersion) described['ollama-version'] = llm.ollamaVersion;
  if (llm.keepAlive) described['keep-alive'] = llm.keepAlive;
  return described;
}

// Input primitives shared by every area's input reader; config.ts assembles them into one Config.

/** Reads one raw input by its action name (`max-file-size`); '' when unset. */
export type InputReader = (name: string) => string;

export interface PatternRule<T> {
  pattern: string;
  value: T;
}

export class ConfigError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input '${input}': ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * Splits a multi-line or comma-separated input, dropping blanks and `#` comments.
 * A `#` line is dropped whole (commas in it included), and commas inside braces
 * stay, so a glob such as `results/*.{csv,json}` is one entry.
 */
export function listInput(raw: string): string[] {
  const entries: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (line.trim().startsWith('#')) continue;
    let depth = 0;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '{') depth += 1;
      else if (ch === '}' && depth > 0) depth -= 1;
      else if (ch === ',' && depth === 0) {
        entries.push(line.slice(start, i));
        start = i + 1;
      }
    }
    entries.push(line.slice(start));
  }
  return entries.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}

/**
 * A true/false input, spelled as the YAML 1.2 core schema allows (`true`,
 * `True`, `TRUE`, and the same for false), like @actions/core's getBooleanInput;
 * empty means the default.
 */
export function booleanInput(raw: string, input: string, fallback: boolean): boolean {
  const value = raw.trim();
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new ConfigError(input, `"${value}" must be true or false`);
}

/** A path glob's `{a,b}` groups must close: an open one matches nothing a user meant (and no regular expression). */
export function checkBraces(pattern: string, input: string): void {
  let depth = 0;
  for (const ch of pattern) {
    if (ch === '{') depth += 1;
    else if (ch === '}' && depth > 0) depth -= 1;
  }
  if (depth > 0) throw new ConfigError(input, `"${pattern}" has a "{" without its "}"`);
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Node's timers take at most 2^31 − 1 ms (about 24.8 days); a longer one would fire at once. */
const MAX_DURATION_MS = 2 ** 31 - 1;

/** "90s", "2m", "1500ms"; a bare number is seconds. */
export function parseDuration(raw: string, input: string, fallback: number): number {
  const v = raw.trim();
  if (v === '') return fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(v);
  if (!m) throw new ConfigError(input, `"${v}" is not a duration (examples: 90s, 2m, 1500ms; a bare number is seconds)`);
  const ms = Math.round(Number(m[1]) * (DURATION_UNITS[m[2] ?? 's'] as number));
  if (ms <= 0) throw new ConfigError(input, `must be greater than zero, got "${v}"`);
  if (ms > MAX_DURATION_MS) throw new ConfigError(input, `must be at most 24 days (596h), got "${v}"`);
  return ms;
}

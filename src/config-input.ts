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

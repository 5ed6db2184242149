import { checkBraces, ConfigError, listInput, type PatternRule } from '../../config-input.js';
import { AUTO_FORMAT, formatNames } from './registry.js';

/**
 * Parses the `format` input: `auto` (the default: detect every file from its
 * content), or `glob: format` entries such as `results/*.json: hyperfine`
 * that force one adapter (or `generic`) on the files a glob matches.
 */
export function parseFormatInput(raw: string): PatternRule<string>[] {
  const valid = formatNames();
  const rules: PatternRule<string>[] = [];
  for (const entry of listInput(raw)) {
    if (entry.toLowerCase() === AUTO_FORMAT) continue;
    const at = entry.lastIndexOf(':');
    const pattern = at > 0 ? entry.slice(0, at).trim() : '';
    const value = at > 0 ? entry.slice(at + 1).trim().toLowerCase() : '';
    if (!pattern || !value) {
      throw new ConfigError('format', `"${entry}" must be "auto" or look like "glob: format", e.g. "results/*.json: hyperfine"`);
    }
    if (!valid.includes(value)) {
      throw new ConfigError('format', `unknown format "${value}" in "${entry}"; valid formats: ${valid.join(', ')}`);
    }
    if (pattern.split(/[\\/]/).includes('..')) {
      throw new ConfigError('format', `"${pattern}" contains '..'; globs match paths inside the workspace`);
    }
    checkBraces(pattern, 'format');
    rules.push({ pattern, value });
  }
  return rules;
}

import type { PatternRule } from '../../config-input.js';
import type { FileType } from '../../model/report.js';
import { GENERAL_ADAPTERS } from './general.js';
import { LLM_ADAPTERS } from './llm.js';
import type { AdapterInput, ToolAdapter } from './types.js';

/**
 * Every tool adapter, in detection order: the first whose `detect` accepts a
 * file reads it. Formats are told apart by keys only their tool writes, so
 * the order matters only as a tie-breaker; general benchmark tools come first.
 */
export const TOOL_ADAPTERS: readonly ToolAdapter[] = [...GENERAL_ADAPTERS, ...LLM_ADAPTERS];

/** `format` values that are not adapters: detect from content, or force the generic table/record parser. */
export const AUTO_FORMAT = 'auto';
export const GENERIC_FORMAT = 'generic';

export function adapterNamed(name: string): ToolAdapter | undefined {
  return TOOL_ADAPTERS.find((a) => a.name === name);
}

/** What the `format` input accepts, in the order users read them in errors and docs. */
export function formatNames(): string[] {
  return [AUTO_FORMAT, GENERIC_FORMAT, ...TOOL_ADAPTERS.map((a) => a.name)];
}

/** The adapters of each file type, in detection order: asked for every file, so listed once. */
const ADAPTERS_BY_TYPE = new Map<FileType, readonly ToolAdapter[]>();

export function adaptersFor(type: FileType): readonly ToolAdapter[] {
  let adapters = ADAPTERS_BY_TYPE.get(type);
  if (adapters === undefined) {
    adapters = TOOL_ADAPTERS.filter((a) => a.types.includes(type));
    ADAPTERS_BY_TYPE.set(type, adapters);
  }
  return adapters;
}

/** The first adapter recognising the file; a `detect` that throws counts as "not mine". */
export function detectAdapter(input: AdapterInput, candidates: readonly ToolAdapter[] = adaptersFor(input.type)): ToolAdapter | undefined {
  for (const adapter of candidates) if (recognises(adapter, input)) return adapter;
  return undefined;
}

function recognises(adapter: ToolAdapter, input: AdapterInput): boolean {
  try {
    return adapter.detect(input);
  } catch {
    return false;
  }
}

/**
 * The forced format for a path from the `format` rules (later rules win, so
 * a specific glob can follow a broad one), or undefined for auto-detection.
 * Globs match the workspace-relative path, or the file name alone.
 */
export function formatResolver(rules: readonly PatternRule<string>[]): (path: string) => string | undefined {
  const compiled = rules.map((r) => ({ test: pathGlobToRegExp(r.pattern), value: r.value }));
  return (path) => {
    const base = path.slice(path.lastIndexOf('/') + 1);
    let found: string | undefined;
    for (const rule of compiled) if (rule.test.test(path) || rule.test.test(base)) found = rule.value;
    return found === AUTO_FORMAT ? undefined : found;
  };
}

/** The `format` rules whose glob matches none of `paths` (workspace-relative): a typo forces nothing. */
export function formatRulesWithoutFiles(rules: readonly PatternRule<string>[], paths: readonly string[]): PatternRule<string>[] {
  return rules.filter((rule) => {
    const test = pathGlobToRegExp(rule.pattern);
    return !paths.some((p) => test.test(p) || test.test(p.slice(p.lastIndexOf('/') + 1)));
  });
}

/**
 * A file-path glob: `**` spans folders, `*` and `?` stay within one, `{a,b}`
 * is either. Case-insensitive, like the checkouts on macOS and Windows.
 */
export function pathGlobToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*' && glob[i + 1] === '*') {
      // `**/` also matches no folder at all.
      if (glob[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '{') {
      braces += 1;
      source += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (ch === ',' && braces > 0) source += '|';
    else source += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^(?:./)?${source}$`, 'i');
}

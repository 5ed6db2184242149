import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config.js';
import { readPublishInputs } from '../../src/github/inputs.js';
import { llmOutputs } from '../../src/llm/narrate.js';
import type { Report } from '../../src/model/report.js';
import { repoRoot } from '../helpers/run-action.js';
import { inputsPage } from '../../scripts/inputs-doc.mjs';

const actionYml = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');

/** The keys directly under a top-level section (`inputs:`, `outputs:`), as the runner reads them. */
function keysOf(section: string): string[] {
  const body = new RegExp(`^${section}:\\n((?:(?: .*)?\\n)*)`, 'm').exec(actionYml)?.[1] ?? '';
  return [...body.matchAll(/^ {2}([a-z][a-z0-9-]*):\s*$/gm)].map((m) => m[1] as string).sort();
}

/** Every input the action reads, found by running its input readers with a recording reader. */
function inputsRead(): string[] {
  const names = new Set<string>();
  const read = (name: string) => {
    names.add(name);
    return '';
  };
  buildConfig(read, { workspace: repoRoot, defaultOutputDir: undefined });
  readPublishInputs(read);
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Outputs set by name in src/, plus the LLM outputs set from llmOutputs' keys. */
function outputsSet(): string[] {
  const names = new Set<string>(Object.keys(llmOutputs({} as Report)));
  for (const file of sourceFiles(path.join(repoRoot, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/setOutput\('([a-z-]+)'/g)) names.add(m[1] as string);
  }
  return [...names].sort();
}

describe('action.yml', () => {
  it('declares exactly the inputs the action reads', () => {
    expect(keysOf('inputs')).toEqual(inputsRead());
  });

  it('declares exactly the outputs the action sets', () => {
    expect(keysOf('outputs')).toEqual(outputsSet());
  });

  it('quotes every description holding ": ", which YAML would otherwise read as a mapping', () => {
    const unquoted = actionYml.split('\n').filter((line) => /^\s+description: (?!['"|>]).*: /.test(line));
    expect(unquoted).toEqual([]);
  });

  it('runs on node24 with a post step that always runs', () => {
    expect(actionYml).toMatch(/^runs:\n {2}using: node24\n {2}main: dist\/index\.js\n {2}post: dist\/post\/index\.js\n {2}post-if: always\(\)/m);
  });

  it('is documented input by input in docs/inputs.md, as npm run docs:inputs writes it', () => {
    expect(readFileSync(path.join(repoRoot, 'docs', 'inputs.md'), 'utf8')).toBe(inputsPage(actionYml));
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-action.js';

const actionYml = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
const declared = new Set([...(/^inputs:\n((?:(?: .*)?\n)*)/m.exec(actionYml)?.[1] ?? '').matchAll(/^ {2}([a-z][a-z0-9-]*):\s*$/gm)].map((m) => m[1] as string));
const dir = path.join(repoRoot, 'examples', 'workflows');

/** The `with:` keys of every step that uses this action, by the indentation YAML gives them. */
function actionInputs(text: string): string[] {
  const lines = text.split('\n');
  const keys: string[] = [];
  lines.forEach((line, i) => {
    if (!/uses: <owner>\/chimera-insight@/.test(line)) return;
    const step = /^(\s*)(?:- )?/.exec(line)?.[0].length ?? 0;
    let j = i + 1;
    while (j < lines.length && !/^\s*with:\s*$/.test(lines[j] as string) && ((lines[j] as string).search(/\S/) >= step || (lines[j] as string).trim() === '')) j++;
    if (!/^\s*with:\s*$/.test(lines[j] ?? '')) return;
    const indent = (lines[j] as string).search(/\S/);
    for (j += 1; j < lines.length; j++) {
      const l = lines[j] as string;
      if (l.trim() === '' || l.trim().startsWith('#')) continue;
      if (l.search(/\S/) <= indent) break;
      const key = /^\s*([a-z][a-z0-9-]*):/.exec(l)?.[1];
      if (key && l.search(/\S/) === indent + 2) keys.push(key);
    }
  });
  return keys;
}

describe('example workflows', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yml'))) {
    it(`${file} gives the action only inputs action.yml declares`, () => {
      const used = actionInputs(readFileSync(path.join(dir, file), 'utf8'));
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((k) => !declared.has(k))).toEqual([]);
    });
  }

  it('matrix.yml shards on each GPU runner and merges once', () => {
    expect(actionInputs(readFileSync(path.join(dir, 'matrix.yml'), 'utf8'))).toEqual(['mode', 'path', 'hardware', 'mode', 'shards', 'baseline', 'llm', 'ollama-url', 'comment-header']);
  });
});

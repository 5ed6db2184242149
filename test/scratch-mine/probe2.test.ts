import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkProse } from '../../src/llm/prose.js';
it('probe2', () => {
  for (const l of readFileSync('/tmp/clean2.txt', 'utf8').split('\n').filter(Boolean)) {
    const r = checkProse(l, { names: ['eager', 'compiled'], language: 'English', maxChars: 200 });
    if (!r.ok) console.log('DROP', r.reason, '|', l);
  }
});

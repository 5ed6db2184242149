import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkProse } from '../../src/llm/prose.js';
import { CLEAN, CLEAN_EXTRA, CLEAN_VARIANT, PLANTS } from '../fakes/adversarial/suite.js';

const names = ['eager', 'compiled', 'ГигаЧат-lite', '通义千问-7b', 'mistral-7b', 'graphs', 'q4_K_M', 'gemma3:4b', 'gemma3:1b', 'gemma3:270m', 'num_ctx', 'num_gpu', 'RTX 4090', 'batch_size', 'tokens_s', 'backend', 'model', 'latency_ms', 'ttft_ms', 'runtime', 'tag', 'batch_size=8', 'backend=eager'];
const check = (t: string) => checkProse(t, { names, language: 'English', maxChars: 200 });

it('probe', () => {
  const texts: string[] = [];
  for (const b of [CLEAN.regression, CLEAN.pass, CLEAN_VARIANT, ...CLEAN_EXTRA]) {
    for (const c of b.claims ?? []) if ((c as { interpretation?: string }).interpretation) texts.push((c as { interpretation: string }).interpretation);
    for (const r of b.recommendations ?? []) texts.push(r.text);
    for (const r of b.risks ?? []) texts.push(r.risk, r.mitigation);
  }
  for (const t of texts) {
    const r = check(t);
    if (!r.ok) console.log('CLEAN DROP', r.reason, '|', t);
  }
  const file = process.env.PROBE;
  if (file) {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    let passed = 0;
    for (const l of lines) {
      const r = check(l);
      if (r.ok) { passed++; console.log('PASS', JSON.stringify(l)); }
    }
    console.log('planted', lines.length, 'passed', passed);
  }
});

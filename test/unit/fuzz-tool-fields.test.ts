import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileTypeOf } from '../../src/discover/rules.js';
import { parseFile } from '../../src/parse/read-file.js';
import { repoRoot } from '../helpers/run-action.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';

/**
 * Every field of the tool readers' JSON fixtures given a value of the wrong
 * kind, and every key renamed to a member every JavaScript object has. The
 * readers must end each file parsed, skipped or failed with a reason of
 * their own: "could not be read: <JavaScript error>" or "could not read the
 * file: …" means an exception escaped a reader, and a label that is not a
 * string means a value of the file went where a name should be.
 */

const TOOLS = [
  'guidellm', 'iperf3', 'trtllm-bench', 'optimum-benchmark', 'inference-benchmarker', 'k6', 'fio', 'benchmarkdotnet', 'vllm', 'hyperfine',
  'google-benchmark', 'go-bench', 'llama-bench',
];
const WRONG: unknown[] = ['abc', null, [], {}, -1, 'NaN', 1e308, -0, '1e999', true, [1, 'x', null], { __proto__x: 1 }, '<b>x</b>\u202e|`*'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

function fixtures(): { name: string; text: string; doc?: unknown; lines?: unknown[] }[] {
  const out: { name: string; text: string; doc?: unknown; lines?: unknown[] }[] = [];
  for (const tool of TOOLS) {
    const root = path.join(repoRoot, 'test', 'fixtures', 'tools', tool);
    for (const e of readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
      const file = path.join(e.parentPath, e.name);
      const text = readFileSync(file, 'utf8');
      const name = path.relative(root, file);
      try {
        out.push({ name: `${tool}/${name}`, text, doc: JSON.parse(text) });
      } catch {
        try {
          out.push({ name: `${tool}/${name}`, text, lines: text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l)) });
        } catch {
          // Not JSON: the mutation fuzzer (fuzz.test.ts) covers text formats.
        }
      }
    }
  }
  return out;
}

function keysOf(v: unknown, acc = new Set<string>()): Set<string> {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, acc));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) keysOf(x, acc.add(k));
  return acc;
}

function replaced(v: unknown, key: string, value: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => replaced(x, key, value));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === key ? value : replaced(x, key, value)]));
  return v;
}

const work = makeTempDir('chimera-fuzz-fields-');
afterAll(() => removeDir(work));

describe('tool readers given wrong values and prototype keys in every field', () => {
  it('end every file parsed, skipped or failed with a reason of their own, labels always text', async () => {
    const failures: string[] = [];
    let files = 0;
    for (const [f, fixture] of fixtures().entries()) {
      const keys = [...keysOf(fixture.lines ?? fixture.doc)];
      const variants: { what: string; text: string }[] = [];
      keys.forEach((key, k) => {
        // Rotating through the values keeps the run short while every field meets several kinds over the fixtures.
        for (const value of [WRONG[(f + k) % WRONG.length], WRONG[(f + k + 5) % WRONG.length]]) {
          const write = (v: unknown) => JSON.stringify(replaced(v, key, value), null, 1).replace('"__proto__x"', '"__proto__"');
          variants.push({ what: `${key} = ${JSON.stringify(value)}`, text: fixture.lines ? fixture.lines.map((l) => write(l).replace(/\n\s*/g, '')).join('\n') : write(fixture.doc) });
        }
        for (const renamed of PROTOTYPE_KEYS) variants.push({ what: `key ${key} renamed ${renamed}`, text: fixture.text.split(`"${key}"`).join(`"${renamed}"`) });
      });
      for (const v of variants) {
        const name = path.basename(fixture.name);
        const absolutePath = path.join(work, name);
        writeFileSync(absolutePath, v.text);
        files += 1;
        const outcome = await parseFile({ absolutePath, type: fileTypeOf(name), size: Buffer.byteLength(v.text), path: name }, 50_000_000);
        const where = `${fixture.name} with ${v.what}`;
        if (!['parsed', 'skipped', 'failed'].includes(outcome.status)) failures.push(`${where}: status ${outcome.status}`);
        const reasons = [outcome.status === 'parsed' ? '' : outcome.reason, ...(outcome.status === 'parsed' ? outcome.problems.map((p) => p.reason) : [])];
        const escaped = reasons.find((r) => /^could not be read: (?![A-Z]{2,})|could not read the file/.test(r));
        if (escaped !== undefined) failures.push(`${where}: ${escaped}`);
        if (outcome.status === 'parsed') {
          const bad = outcome.series.find((s) => typeof s.metric !== 'string' || Object.values(s.labels).some((l) => typeof l !== 'string'));
          if (bad) failures.push(`${where}: series ${String(bad.metric)} has a label that is not text`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The run reached the readers: every tool's fixtures were varied, thousands of files in all.
    expect(files).toBeGreaterThan(1_000);
  }, 300_000);
});

import { seededRandom } from '../../src/baseline/statistics.js';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildConfig } from '../../src/config.js';
import { fileTypeOf } from '../../src/discover/rules.js';
import { parseFile } from '../../src/parse/read-file.js';
import { makeTempDir, removeDir } from '../helpers/tmp.js';
import { repoRoot } from '../helpers/run-action.js';

/**
 * Seeded fuzzing of our own fixtures (test/fixtures/**): bytes flipped,
 * inserted and deleted, structure broken or repeated, files grown. Whatever
 * comes out, no exception may escape parseFile or analyze, every file must
 * end parsed, skipped or failed, every reported statistic must be finite, and
 * memory must stay bounded. On failure the message gives the seed, the
 * iteration and the input's path: `FUZZ_SEED=<seed> npx vitest run test/unit/fuzz.test.ts`
 * replays the run. FUZZ_ITERATIONS changes its length (default 600).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed14) >>> 0;
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 600);
/** Files per analyze() run: each batch of mutants is also analysed as one tree. */
const BATCH = 100;
/** Mutants are cut to this size, so the run stays within seconds. */
const MAX_BYTES = 512 * 1024;
/** Resident memory of this worker, far above what any mutant should cost. */
const RSS_LIMIT_MB = 1_500;

/** Reproducible from one 32-bit seed (mulberry32). */
const random = seededRandom;

function fixtures(): { name: string; bytes: Buffer }[] {
  const root = path.join(repoRoot, 'test', 'fixtures');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((file) => ({ name: path.relative(root, file), bytes: readFileSync(file) }));
}

/** Fragments that break parsers: quotes, brackets, separators, odd numbers, units, invalid UTF-8, BOMs, NUL. */
const TOKENS = [
  '"', '{', '}', '[', ']', ',', ':', ';', '\t', '\n', '\r\n', '\n\n', '|', '---|', '\\', '\\u', '1e999', '-1', '-0', 'NaN', 'Infinity',
  '1e308', '12.5 ms', '3.4 GB', '1.2k', '-5 tok/s', 'null', 'true', '""', '"a":1,"a":2', '{"tokens_s":', '[[[[[[[[', '\uFEFF', '\u0000',
  '\uFFFD', '🙂', 'error', 'model', 'tokens_s', 'ttft_ms', '```', '# heading', '<!-- chimera-insight:report -->', 'window.BENCHMARK_DATA = ',
];

type Mutation = (bytes: Buffer, rnd: () => number, others: Buffer[]) => { bytes: Buffer; what: string };

const at = (bytes: Buffer, rnd: () => number) => Math.floor(rnd() * (bytes.length + 1));

const MUTATIONS: Mutation[] = [
  (b, rnd) => {
    const out = Buffer.from(b);
    const n = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < n && out.length > 0; i++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
    return { bytes: out, what: `${n} random bytes` };
  },
  (b, rnd) => {
    const token = TOKENS[Math.floor(rnd() * TOKENS.length)] as string;
    const i = at(b, rnd);
    return { bytes: Buffer.concat([b.subarray(0, i), Buffer.from(token), b.subarray(i)]), what: `insert ${JSON.stringify(token)} at ${i}` };
  },
  (b, rnd) => {
    const i = at(b, rnd);
    const j = Math.min(b.length, i + Math.floor(rnd() * 200));
    return { bytes: Buffer.concat([b.subarray(0, i), b.subarray(j)]), what: `delete ${i}..${j}` };
  },
  (b, rnd) => {
    const i = at(b, rnd);
    return { bytes: b.subarray(0, i), what: `truncate at ${i}` };
  },
  (b, rnd) => {
    const i = at(b, rnd);
    const j = Math.min(b.length, i + Math.floor(rnd() * 400));
    const times = 1 + Math.floor(rnd() * 200);
    const piece = b.subarray(i, j);
    return { bytes: Buffer.concat([b.subarray(0, j), ...Array.from({ length: times }, () => piece), b.subarray(j)]), what: `repeat ${i}..${j} ×${times}` };
  },
  (b, rnd) => {
    const times = 2 + Math.floor(rnd() * 50);
    return { bytes: Buffer.concat(Array.from({ length: times }, () => b)), what: `whole file ×${times}` };
  },
  (b, rnd, others) => {
    const other = others[Math.floor(rnd() * others.length)] as Buffer;
    const i = at(b, rnd);
    const j = Math.floor(rnd() * other.length);
    return { bytes: Buffer.concat([b.subarray(0, i), other.subarray(j, j + 300), b.subarray(i)]), what: `splice another fixture at ${i}` };
  },
  (b, rnd) => {
    const depth = 10 + Math.floor(rnd() * 200);
    return { bytes: Buffer.concat([Buffer.from('['.repeat(depth)), b, Buffer.from(']'.repeat(depth))]), what: `wrap in ${depth} arrays` };
  },
  (b, rnd) => {
    // Numbers become their negatives, huge values or values with units.
    const replacement = ['-$&', '$&e300', '$& ms', '$&k', '"$&"'][Math.floor(rnd() * 5)] as string;
    return { bytes: Buffer.from(b.toString('latin1').replace(/\d+(\.\d+)?/g, (m) => (rnd() < 0.3 ? replacement.replace('$&', m) : m)), 'latin1'), what: `numbers → ${replacement}` };
  },
  (b, rnd) => {
    const lines = b.toString('latin1').split('\n');
    for (let k = lines.length - 1; k > 0; k--) {
      const j = Math.floor(rnd() * (k + 1));
      [lines[k], lines[j]] = [lines[j] as string, lines[k] as string];
    }
    return { bytes: Buffer.from(lines.join('\n'), 'latin1'), what: 'shuffle lines' };
  },
];

const work = makeTempDir('chimera-fuzz-');
afterAll(() => removeDir(work));

function mutate(source: Buffer, rnd: () => number, others: Buffer[]): { bytes: Buffer; what: string[] } {
  let bytes = source;
  const what: string[] = [];
  const rounds = 1 + Math.floor(rnd() * 3);
  for (let r = 0; r < rounds; r++) {
    const m = (MUTATIONS[Math.floor(rnd() * MUTATIONS.length)] as Mutation)(bytes, rnd, others);
    bytes = m.bytes.length > MAX_BYTES ? m.bytes.subarray(0, MAX_BYTES) : m.bytes;
    what.push(m.what);
  }
  return { bytes, what };
}

describe(`fuzzing the parsers with mutated fixtures (seed ${SEED}, ${ITERATIONS} iterations)`, () => {
  it('never lets an exception escape, ends every file parsed, skipped or failed, and keeps memory bounded', async () => {
    const sources = fixtures();
    const others = sources.map((s) => s.bytes);
    const rnd = random(SEED);
    const started = Date.now();
    let batchDir = '';
    let statuses = { parsed: 0, skipped: 0, failed: 0 };
    const fail = (iteration: number, file: string, what: string, detail: string): never => {
      throw new Error(`fuzz failure (replay: FUZZ_SEED=${SEED}, iteration ${iteration}, input kept at ${file}; mutations: ${what}): ${detail}`);
    };
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      if (iteration % BATCH === 0) {
        batchDir = path.join(work, `batch-${iteration / BATCH}`);
        mkdirSync(batchDir, { recursive: true });
      }
      const source = sources[Math.floor(rnd() * sources.length)] as (typeof sources)[number];
      const { bytes, what } = mutate(source.bytes, rnd, others);
      const name = `${iteration}-${path.basename(source.name)}`;
      const absolutePath = path.join(batchDir, name);
      writeFileSync(absolutePath, bytes);
      let outcome;
      try {
        outcome = await parseFile({ absolutePath, type: fileTypeOf(name), size: bytes.length, path: name }, 50_000_000);
      } catch (err) {
        fail(iteration, absolutePath, what.join('; '), `parseFile threw ${(err as Error).stack ?? String(err)}`);
      }
      if (!outcome || !['parsed', 'skipped', 'failed'].includes(outcome.status)) fail(iteration, absolutePath, what.join('; '), `outcome ${JSON.stringify(outcome)}`);
      statuses[outcome!.status] += 1;
      if (outcome!.status === 'parsed' && (outcome!.problems.length > 20 || outcome!.problemCount < outcome!.problems.length)) {
        fail(iteration, absolutePath, what.join('; '), `problem list out of bounds: ${outcome!.problems.length} listed, ${outcome!.problemCount} counted`);
      }

      if ((iteration + 1) % BATCH === 0 || iteration === ITERATIONS - 1) {
        const config = buildConfig(() => '', { workspace: batchDir, defaultOutputDir: undefined });
        let report;
        try {
          report = await analyze(config, { now: () => new Date(0), elapsed: () => 0, narrative: { status: 'skipped', reason: 'fuzz' } });
        } catch (err) {
          fail(iteration, batchDir, 'the whole batch', `analyze threw ${(err as Error).stack ?? String(err)}`);
        }
        for (const f of report!.inventory.files) {
          if (!['parsed', 'skipped', 'failed'].includes(f.status)) fail(iteration, path.join(batchDir, f.path), 'batch', `status ${f.status}`);
        }
        for (const s of report!.series) {
          const numbers = [s.stats.mean, s.stats.sd, s.stats.min, s.stats.max, s.stats.p50, s.stats.p95, s.stats.p99].filter((v) => v !== null);
          if (!numbers.every((v) => Number.isFinite(v))) fail(iteration, path.join(batchDir, s.file), 'batch', `series ${s.id} has a statistic that is not finite: ${JSON.stringify(s.stats)}`);
        }
        const rssMB = process.memoryUsage().rss / 1e6;
        if (rssMB > RSS_LIMIT_MB) fail(iteration, batchDir, 'batch', `resident memory ${rssMB.toFixed(0)} MB > ${RSS_LIMIT_MB} MB`);
        rmSync(batchDir, { recursive: true, force: true });
      }
    }
    // Not asserted (time is never asserted): shown so a slow fuzz run is noticed.
    console.info(`fuzz: seed ${SEED}, ${ITERATIONS} mutants in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(statuses)}`);
    // The mutants must exercise every outcome, or the fuzzer is not reaching the parsers' edges.
    expect(statuses.parsed).toBeGreaterThan(0);
    expect(statuses.skipped).toBeGreaterThan(0);
    expect(statuses.failed).toBeGreaterThan(0);
  }, 120_000);
});

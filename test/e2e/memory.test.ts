import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, runAction, type ActionRun } from '../helpers/run-action.js';

/**
 * Issue 14, item 3: a 20 MB JSON of a million keys (under the 50 MB limit)
 * ended the run in `RangeError: Invalid string length` after 2.4 GB, with no
 * summary and no report. The bundled action must now skip that file as "too
 * many keys", publish a normal report of the other files and stay under
 * 300 MB of resident memory. The bound is generous (the run measures about
 * 120 MB) and memory, unlike time, is steady enough to assert.
 */
const RSS_BOUND_MB = 300;

let workspace: string;
let run: ActionRun;
let maxRssMB: number;

/** `{"metric_0":0.5,"metric_1":1.5,…}`: a million distinct keys, about 21 MB, written in pieces. */
function writeMillionKeys(file: string): void {
  const fd = openSync(file, 'w');
  writeSync(fd, '{');
  for (let start = 0; start < 1_000_000; start += 10_000) {
    const members: string[] = [];
    for (let i = start; i < start + 10_000; i++) members.push(`"metric_${i}":${i % 997}.5`);
    writeSync(fd, `${start > 0 ? ',' : ''}${members.join(',')}`);
  }
  writeSync(fd, '}\n');
  closeSync(fd);
}

beforeAll(() => {
  const bundle = buildBundle();
  workspace = mkdtempSync(path.join(os.tmpdir(), 'chimera-memory-'));
  mkdirSync(path.join(workspace, 'bench'));
  writeMillionKeys(path.join(workspace, 'bench', 'keys.json'));
  writeFileSync(path.join(workspace, 'bench', 'runs.csv'), 'model,tokens_s\ngemma3:1b,101.5\ngemma3:1b,99.5\n');
  // Preloaded into the action's process: its peak resident set (getrusage maxRSS, in KiB), written when it exits.
  const probe = path.join(workspace, 'rss-probe.cjs');
  const out = path.join(workspace, 'max-rss.txt');
  writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`);
  run = runAction(path.join(bundle, 'index.js'), {
    workspace,
    inputs: { path: 'bench', llm: 'false', baseline: 'none', 'output-dir': 'out' },
    env: { NODE_OPTIONS: `--require ${probe}` },
  });
  maxRssMB = Number(readFileSync(out, 'utf8')) / 1024;
}, 600_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('the bundled action on a million-key JSON file', () => {
  it('finishes and publishes the report', () => {
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('<sub>**Data:** 1 series from 1 file in `bench` (0 documents, 1 skipped, 0 failed)');
  });

  it('reports the file as skipped for too many keys, and the run goes on', () => {
    expect(run.summary).toContain('- too many keys: over 100,000 distinct keys in one JSON document (at line 1) (1): `bench/keys.json`');
    const report = JSON.parse(readFileSync(path.join(workspace, 'out', 'report.json'), 'utf8')) as { inventory: { files: { path: string; status: string }[] } };
    // report.json leaves out a status of `parsed` (schema 4).
    expect(report.inventory.files.map((f) => [f.path, f.status ?? 'parsed'])).toEqual([
      ['bench/keys.json', 'skipped'],
      ['bench/runs.csv', 'parsed'],
    ]);
    expect(existsSync(path.join(workspace, 'out', 'report.md'))).toBe(true);
  });

  it(`stays under ${RSS_BOUND_MB} MB of resident memory`, () => {
    expect(maxRssMB).toBeGreaterThan(0);
    expect(maxRssMB).toBeLessThan(RSS_BOUND_MB);
  });
});

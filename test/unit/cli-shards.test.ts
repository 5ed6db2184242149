import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli-main.js';
import { suite } from '../helpers/shards.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-cli-shards-');

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** `chimera-insight shard bench --out <out> --hardware <hw>` on a checkout holding the suite at `speed`. */
async function shard(name: string, hw: string, speed: number, out: string) {
  const ws = path.join(tmp.dir, 'runners', `${name}-${hw}`);
  writeTree(ws, suite(speed));
  return cli(['shard', 'bench', '--out', path.join(tmp.dir, out, hw), '--hardware', hw], ws);
}

describe('chimera-insight shard', () => {
  it('writes the shard folder for a later merge and says what it wrote', async () => {
    const { code, stdout, stderr } = await shard('head', 'l4', 1, 'shards');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readdirSync(path.join(tmp.dir, 'shards', 'l4')).sort()).toEqual(['hardware.json', 'report.json', 'report.md', 'snapshot.json']);
    const hardware = JSON.parse(readFileSync(path.join(tmp.dir, 'shards', 'l4', 'hardware.json'), 'utf8')) as { id: string; idSource: string };
    expect([hardware.id, hardware.idSource]).toEqual(['l4', 'input']);
    const report = JSON.parse(readFileSync(path.join(tmp.dir, 'shards', 'l4', 'report.json'), 'utf8')) as { narrative: { status: string }; comparison?: unknown; hardware: { id: string } };
    expect([report.narrative.status, report.comparison, report.hardware.id]).toEqual(['skipped', undefined, 'l4']);
    expect(stderr).toMatch(/^Shard l4 \(.*\): 1 series from 1 file written to .*shards\/l4\n$/);
  });

  it('needs --out, and refuses a hardware name that is not plain', async () => {
    writeTree(tmp.dir, suite(1));
    expect(await cli(['shard', 'bench'], tmp.dir)).toEqual({ code: 2, stdout: '', stderr: 'shard needs --out DIR, the folder to write the shard into\n' });
    const bad = await cli(['shard', 'bench', '--out', 'x', '--hardware', 'a b'], tmp.dir);
    expect([bad.code, bad.stderr]).toEqual([2, `--hardware: "a b" must be a plain name: letters, digits, '.', '_', '-' (at most 48), starting with a letter or digit, e.g. h100 or l4-24gb\n`]);
  });
});

describe('chimera-insight merge', () => {
  it('exits 1 when one machine regressed against its own baseline, naming it', async () => {
    for (const hw of ['h100', 'a100', 'l4']) {
      await shard('base', hw, hw === 'h100' ? 3 : hw === 'a100' ? 2 : 1, 'base');
      await shard('head', hw, hw === 'h100' ? 3 : hw === 'a100' ? 2 : 0.85, 'head');
    }
    const { code, stdout, stderr } = await cli(['merge', 'head/h100', 'head/a100', 'head/l4', '--baseline', 'base', '--no-llm', '--output-dir', 'out'], tmp.dir);
    expect(code).toBe(1);
    expect(stdout).toContain('  tokens_s · l4 · llama3  100 tok/s  85 tok/s  −15.0% (−15.6% … −14.4%)  regressed (5%)\n  3 compared: 1 regressed, 2 unchanged.');
    expect(stderr).toContain('Merged 3 shards: head/h100 (h100, 1 series), head/a100 (a100, 1 series), head/l4 (l4, 1 series)\n');
    expect(stderr).toContain('1 gated metric regressed: tokens_s (hardware=l4, model=llama3) −15.0% (threshold 5%, p<0.001)\n');
    const snapshot = JSON.parse(readFileSync(path.join(tmp.dir, 'out', 'snapshot.json'), 'utf8')) as { merged: { label: string; hardware: { id: string }[] } };
    expect([snapshot.merged.label, snapshot.merged.hardware.map((h) => h.id)]).toEqual(['hardware', ['h100', 'a100', 'l4']]);
    expect(existsSync(path.join(tmp.dir, 'out', 'report.json'))).toBe(true);
  });

  it('exits 2 for a shard folder that cannot be read, naming it, after printing the report of the others', async () => {
    await shard('head', 'h100', 3, 'head');
    const { code, stdout, stderr } = await cli(['merge', 'head/h100', 'head/missing', '--no-llm', '--baseline', 'none'], tmp.dir);
    expect(code).toBe(2);
    expect(stdout).toContain('1 series from 1 file in bench');
    expect(stderr).toContain('error: shard: "head/missing" matches no folder\n');
  });

  it('leaves a merged snapshot.json a baseline one machine’s analyze compares with, by its hardware', async () => {
    for (const hw of ['h100', 'l4']) await shard('base', hw, hw === 'h100' ? 3 : 1, 'base');
    expect((await cli(['merge', 'base/h100', 'base/l4', '--baseline', 'none', '--no-llm', '--output-dir', 'main'], tmp.dir)).code).toBe(0);
    const ws = path.join(tmp.dir, 'laptop');
    writeTree(ws, suite(0.85));
    const { code, stdout } = await cli(['analyze', 'bench', '--baseline', path.join(tmp.dir, 'main', 'snapshot.json'), '--hardware', 'l4', '--no-llm'], ws);
    expect(code).toBe(1);
    // The terminal digest wraps at 100 columns.
    expect(stdout.replace(/\n/g, ' ')).toContain(`❌ Regression: 1 gated metric regressed against merged snapshot ${path.join(tmp.dir, 'main', 'snapshot.json')}, l4 (`);
    expect(stdout).toContain('  tokens_s · llama3  100 tok/s  85 tok/s  −15.0% (−15.6% … −14.4%)  regressed (5%)');
  });

  it('needs at least one shard folder', async () => {
    const { code, stderr } = await cli(['merge'], tmp.dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^merge needs the shard folders to merge, e.g. chimera-insight merge shards\/\*\n/);
  });
});

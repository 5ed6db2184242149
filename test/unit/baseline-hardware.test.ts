import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextHistory } from '../../src/baseline/action.js';
import { createSnapshot, parseSnapshot, serialiseSnapshot } from '../../src/baseline/snapshot.js';
import { cacheKey, cacheKeyPrefix, hardwareSlug, saveToCache } from '../../src/baseline/sources/cache.js';
import type { EventInfo } from '../../src/baseline/sources/types.js';
import { compareStage } from '../../src/baseline/stage.js';
import type { HardwareIdentity } from '../../src/model/hardware.js';
import type { Report } from '../../src/model/report.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { analyzeTree, configFor, throughputCsv } from '../helpers/baseline.js';
import { FakeCache } from '../helpers/fake-cache.js';
import { machine } from '../helpers/shards.js';
import { useTempDir, writeTree } from '../helpers/tmp.js';

const tmp = useTempDir('chimera-hardware-baseline-');
const sha = (i: number) => i.toString(16).padStart(2, '0').repeat(20);
const quiet = { info: () => {}, warning: () => {} };
const RUN = [100, 101, 99, 100, 100];

/** One report-mode job on `hardware` (finishGate without the outputs): compare with the cache, then save on a push. */
async function job(cache: FakeCache, event: EventInfo, hardware: HardwareIdentity | undefined, factor: number): Promise<{ report: Report; log: string[] }> {
  const workspace = path.join(tmp.dir, 'ws');
  writeTree(workspace, { 'bench/runs.csv': throughputCsv({ llama3: RUN.map((v) => v * factor) }) });
  const config = configFor(workspace, { path: 'bench', baseline: 'cache' });
  const report = await analyzeTree(config);
  if (hardware) report.hardware = hardware;
  if (event.headSha) report.commit = { sha: event.headSha, ref: 'main' };
  const log: string[] = [];
  const dir = path.join(tmp.dir, 'cache');
  const stage = compareStage({ config, event, analyzeTree, cache: { client: cache, dir }, file: { base: workspace, confineToWorkspace: true }, log: { info: () => {}, warning: (m) => log.push(m) }, tempRoot: path.join(tmp.dir, 'temp') });
  await stage.compare(report);
  const snapshot = createSnapshot(report);
  const history = nextHistory(config, event, snapshot, stage.history(), () => {});
  await saveToCache({ cache, dir, event, snapshot, ...(history ? { history } : {}), log: quiet });
  return { report, log };
}

const push = (i: number): EventInfo => ({ name: 'push', headSha: sha(i), ...(i > 0 ? { baseSha: sha(i - 1) } : {}), branch: 'main', defaultBranch: 'main' });
const pullRequest = (base: number): EventInfo => ({ name: 'pull_request', headSha: 'f'.repeat(40), baseSha: sha(base), baseRef: 'main' });

describe('cache keys per hardware', () => {
  it('carry the hardware after the branch and path, as a part no other hardware’s key starts with', () => {
    expect(cacheKey('main', 'bench', 'a'.repeat(40), 'l4')).toBe(`${cacheKeyPrefix('main', 'bench')}${hardwareSlug('l4')}-${'a'.repeat(40)}`);
    expect(hardwareSlug('l4-24gb')).toMatch(/^l4_24gb\.[0-9a-f]{4}$/);
    expect(hardwareSlug('l4-24gb')).not.toBe(hardwareSlug('l4_24gb'));
    expect(cacheKey('main', '.', 'a'.repeat(40), 'h100-sxm').startsWith(cacheKeyPrefix('main', '.', 'h100'))).toBe(false);
  });
});

describe('report mode on several kinds of runner', () => {
  it('compares a pull request on an L4 with the default branch’s L4 snapshot, not the newer H100 one', async () => {
    const cache = new FakeCache();
    await job(cache, push(0), machine('l4'), 1);
    await job(cache, push(1), machine('h100'), 3);
    expect(cache.entries.map((e) => e.key)).toEqual([cacheKey('main', 'bench', sha(0), 'l4'), cacheKey('main', 'bench', sha(1), 'h100')]);
    const { report } = await job(cache, pullRequest(1), machine('l4'), 0.85);
    expect(report.comparison?.baseline?.description).toBe(`cache key ${cacheKey('main', 'bench', sha(0), 'l4')}`);
    expect(report.comparison?.series.map((c) => [c.verdict, c.gated, c.baselineHardware])).toEqual([['regressed', true, undefined]]);
  });

  it('shows the comparison ungated, warning of the different hardware, when only another hardware’s baseline exists', async () => {
    const cache = new FakeCache();
    await job(cache, push(0), machine('h100'), 3);
    const { report, log } = await job(cache, pullRequest(0), machine('l4'), 1);
    const warning = 'different hardware: this run measured on l4, the baseline on h100; the changes are shown, not gated';
    expect(report.comparison?.verdict).toBe('pass');
    expect(report.comparison?.baseline?.note).toBe(warning);
    expect(log).toEqual([`Baseline: ${warning}.`]);
    expect(report.comparison?.series.map((c) => [c.verdict, c.gated, c.baselineHardware, c.note])).toEqual([
      ['regressed', false, 'h100', 'different hardware: the baseline ran on h100, so this does not gate'],
    ]);
    expect(report.comparison?.history).toBeUndefined();
    const md = renderMarkdown(report, { depth: 'digest' });
    expect(md).toContain('Different hardware: this run measured on l4, the baseline on h100; the changes are shown, not gated.');
    expect(md).toContain('⚠️ regressed, not gated<br><sub>threshold 5%</sub><br><sub>⚠️ baseline on h100</sub>');
  });

  it('keeps one default-branch history per hardware, so a machine learns only its own noise', async () => {
    const cache = new FakeCache();
    await job(cache, push(0), machine('l4'), 1);
    await job(cache, push(1), machine('h100'), 3);
    await job(cache, push(2), machine('l4'), 1.01);
    const l4 = cache.entries.at(-1);
    expect(l4?.key).toBe(cacheKey('main', 'bench', sha(2), 'l4'));
    const history = JSON.parse(l4?.files['history.json'] ?? '{}') as { key: unknown; runs: { commit: string }[] };
    expect(history.key).toEqual({ branch: 'main', scope: 'bench', hardware: 'l4' });
    expect(history.runs.map((r) => r.commit)).toEqual([sha(0), sha(2)]);
  });

  it('still gates against a snapshot of an earlier version, which recorded no hardware', async () => {
    const cache = new FakeCache();
    await job(cache, push(0), undefined, 1);
    expect(cache.entries[0]?.key).toBe(cacheKey('main', 'bench', sha(0)));
    const { report } = await job(cache, pullRequest(0), machine('l4'), 0.85);
    expect(report.comparison?.series.map((c) => [c.verdict, c.gated])).toEqual([['regressed', true]]);
  });
});

describe('snapshots with hardware', () => {
  it('record the machine and read it back validated', async () => {
    writeTree(tmp.dir, { 'ws/bench/runs.csv': throughputCsv({ llama3: RUN }) });
    const report = await analyzeTree(configFor(path.join(tmp.dir, 'ws'), { path: 'bench' }));
    report.hardware = machine('l4');
    const text = serialiseSnapshot(createSnapshot(report));
    expect(parseSnapshot(text, 'snapshot.json').hardware).toEqual(machine('l4'));
    const hostile = text.replace('"id":"l4"', '"id":"l4 `x`"');
    expect(() => parseSnapshot(hostile, 'snapshot.json')).toThrow(`Baseline snapshot snapshot.json: hardware: id "l4 \`x\`" is not a hardware name`);
  });
});

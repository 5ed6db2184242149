/**
 * `realistic` in `npm run bench`: the repository-shaped tree of
 * bench/realistic.ts (BENCH_REALISTIC_FILES, 1,000 files), ours against the
 * floor (floorRepository: the default patterns, broken JSON counted), and
 * what a run writes there: report.json + snapshot.json next to the bytes read,
 * by default and with keep-samples, raw and gzip-compressed (the cache and
 * artifact uploads compress).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { RealisticManifest } from './realistic.js';
import { envNumber, log, MB, pairedRounds, pairedSummary, round, runChild } from './harness.js';
import type { ScenarioResult } from './scenario.js';

async function gzipped(file: string): Promise<number> {
  return gzipSync(await fs.readFile(file)).length;
}

export async function realisticScenario(root: string) {
  const files = Math.round(envNumber('BENCH_REALISTIC_FILES', 1000));
  const rounds = Math.round(envNumber('BENCH_REALISTIC_RUNS', 5));
  const dir = path.join(root, 'realistic');
  log(`realistic: generating a ${files}-file repository-shaped tree…`);
  const manifest = await runChild<RealisticManifest>('generate.js', ['realistic', dir, String(files)], 600_000);
  log(`realistic: ${rounds} rounds of floor + ours`);
  const problems: string[] = [];
  const paired = await pairedRounds('realistic', rounds, async (impl, i) => {
    const r = await runChild<ScenarioResult>('scenario.js', [impl, 'realistic', dir], 900_000);
    if (impl === 'ours' && !r.check.series) problems.push(`round ${i} ours: no series`);
    if (impl === 'floor' && !r.check.jsonErrors) problems.push(`round ${i} floor: no broken JSON counted (the tree plants some)`);
    return r;
  });
  const floorBytes = paired.floor[0]?.bytes ?? 0;
  const outputs = async (keepSamples: boolean) => {
    const out = path.join(root, keepSamples ? 'realistic-out-all' : 'realistic-out');
    const r = await runChild<ScenarioResult>('scenario.js', ['ours', 'realistic', dir, `--outputs=${out}`, ...(keepSamples ? ['--keep-samples'] : [])], 900_000);
    const o = r.outputs;
    if (!o) throw new Error('scenario.js wrote no outputs');
    const both = o.reportJsonBytes + o.snapshotBytes;
    const gz = (await gzipped(path.join(out, 'report.json'))) + (await gzipped(path.join(out, 'snapshot.json')));
    return {
      reportJsonBytes: o.reportJsonBytes,
      snapshotBytes: o.snapshotBytes,
      reportMdBytes: o.reportMdBytes,
      reportJsonPlusSnapshotOverInput: round(both / floorBytes, 2),
      gzippedReportJsonPlusSnapshotBytes: gz,
      gzippedOverInput: round(gz / floorBytes, 2),
      writeMs: round(o.ms, 1),
    };
  };
  log('realistic: outputs by default and with keep-samples');
  const sizes = { inputBytesRead: floorBytes, default: await outputs(false), keepSamples: await outputs(true) };
  const summary = pairedSummary(paired);
  return {
    data: { files: manifest.files, brokenFiles: manifest.broken.length, MB: round(floorBytes / MB, 2), series: paired.ours[0]?.check.series, brokenJsonCounted: paired.floor[0]?.check.jsonErrors },
    ...summary,
    outputs: sizes,
    checks: problems.length === 0 ? 'ok' : problems,
  };
}

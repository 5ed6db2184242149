/**
 * `scale` in `npm run bench`: generated trees of BENCH_SCALE_FILES
 * (1,000, 10,000, 50,000 and 100,000 files; bench/generate.ts), each
 * generated, measured against the floor in BENCH_SCALE_RUNS paired rounds,
 * and deleted before the next. Ours also writes report.json, report.md and
 * snapshot.json after its timed analysis (every round), so a size that
 * completes has a report; peak RSS covers the writing too. The analysis time
 * is what the ratio compares; the writing time is given beside it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TreeManifest } from './generate.js';
import { envNumber, log, median, MB, pairedRounds, pairedSummary, round, runChild } from './harness.js';
import type { ScenarioResult } from './scenario.js';

export async function scaleScenario(root: string) {
  const sizes = (process.env.BENCH_SCALE_FILES ?? '1000,10000,50000,100000').split(',').map((s) => Math.round(Number(s.trim()))).filter((n) => n > 0);
  const rounds = Math.round(envNumber('BENCH_SCALE_RUNS', 3));
  const rows = [];
  for (const files of sizes) {
    const dir = path.join(root, `scale-${files}`);
    const out = path.join(root, `scale-${files}-out`);
    log(`scale: generating a tree of ${files} files…`);
    const t = performance.now();
    const tree = await runChild<TreeManifest>('generate.js', ['tree', dir, String(files)], 1_800_000);
    log(`  ${tree.files} files, ${(tree.bytes / MB).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s; ${rounds} rounds of floor + ours`);
    const paired = await pairedRounds(`scale ${files}`, rounds, (impl) =>
      runChild<ScenarioResult>('scenario.js', impl === 'ours' ? ['ours', 'tree', dir, `--outputs=${out}`] : ['floor', 'tree', dir], 1_800_000),
    );
    const summary = pairedSummary(paired);
    const ours = paired.ours;
    const series = ours[0]?.check.series ?? 0;
    const peak = median(ours.map((r) => r.peakRssMB));
    const start = median(ours.map((r) => r.startRssMB));
    const o = ours[ours.length - 1]?.outputs;
    rows.push({
      files: tree.files,
      MB: round(tree.bytes / MB, 1),
      series,
      skippedFiles: ours[0]?.check.skipped,
      oursSeconds: summary.ours.median.seconds,
      floorSeconds: summary.floor.median.seconds,
      ratio: summary.ratio.median,
      cpuRatio: summary.cpuRatio.median,
      ratioPerRound: summary.ratio.perRound,
      oursPeakRssMB: round(peak, 1),
      floorPeakRssMB: summary.floor.median.peakRssMB,
      /** Peak RSS above the process's start, per series (kB, 1 kB = 1,000 bytes). */
      kBPerSeries: series > 0 ? round(((peak - start) * 1000) / series, 2) : null,
      stages: ours.map((r) => r.stages),
      outputs: o ? { reportJsonMB: round(o.reportJsonBytes / MB, 2), reportMdMB: round(o.reportMdBytes / MB, 2), snapshotMB: round(o.snapshotBytes / MB, 2), writeSeconds: round(o.ms / 1000, 2) } : null,
    });
    if (process.env.BENCH_KEEP !== '1') {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(out, { recursive: true, force: true });
    }
  }
  return { runsPerSize: rounds, rows };
}

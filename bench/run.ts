/**
 * `npm run bench` orchestrator (started by scripts/bench.mjs once the project
 * is compiled). Generates the data under os.tmpdir(), runs every scenario in
 * a fresh child process, a few rounds each with ours and the floor
 * interleaved, and prints one JSON document on stdout. Progress goes to
 * stderr. Measurements only: the exit code says whether the bench could run,
 * never whether the numbers are good.
 *
 * Environment: BENCH_ONLY (tree,csv,realistic,scale,coldstart,merge: the
 * scenarios to run, all by default), BENCH_FILES (10000), BENCH_CSV_MB (500),
 * BENCH_TREE_RUNS (3), BENCH_CSV_RUNS (3), BENCH_BUDGET_S (540: later CSV
 * rounds are dropped when they would overrun it), BENCH_KEEP=1 keeps the
 * generated data; the realistic, scale and coldstart scenarios read their own
 * (bench/realistic-scenario.ts, bench/scale.ts, bench/coldstart.ts).
 * The merge scenario (docs/several-runners.md): BENCH_MERGE_SHARDS (64),
 * BENCH_MERGE_SERIES (2000 per shard), BENCH_MERGE_RUNS (3).
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CsvManifest, TreeManifest } from './generate.js';
import { coldStartScenario } from './coldstart.js';
import { MB, began, envNumber, here, log, median, medians, round, runChild, selected, summarise } from './harness.js';
import { realisticScenario } from './realistic-scenario.js';
import { scaleScenario } from './scale.js';
import type { ShardsManifest } from './shards.js';
import type { ScenarioResult } from './scenario.js';

/** Problems with a run's output that mean it did not do the work it claims. */
function checkOurs(target: 'tree' | 'csv', r: ScenarioResult, data: TreeManifest | CsvManifest): string[] {
  const c = r.check;
  const problems: string[] = [];
  const expect = (what: string, got: number | undefined, want: number) => {
    if (got !== want) problems.push(`${what}: expected ${want}, got ${got}`);
  };
  if (target === 'tree') {
    const tree = data as TreeManifest;
    expect('files found', c.found, tree.files);
    expect('files parsed + documents', (c.parsed ?? 0) + (c.documents ?? 0), tree.files);
    expect('documents (prose Markdown)', c.documents, tree.proseMarkdown);
    expect('bytes', r.bytes, tree.bytes);
    if (!c.series) problems.push('no series');
  } else {
    const csv = data as CsvManifest;
    expect('files parsed', c.parsed, 1);
    expect('rows', c.rows, csv.rows);
    expect('excluded (errored) rows', c.excludedRows, csv.errorRows);
    expect('series (models × metrics)', c.series, csv.models.length * csv.metrics.length);
    expect('samples (valid rows × metrics)', c.samples, (csv.rows - csv.errorRows) * csv.metrics.length);
  }
  return problems;
}

function checkFloor(target: 'tree' | 'csv', r: ScenarioResult, data: TreeManifest | CsvManifest): string[] {
  const problems: string[] = [];
  if (target === 'tree' && r.files !== (data as TreeManifest).files) problems.push(`floor read ${r.files} files, expected ${(data as TreeManifest).files}`);
  if (r.bytes !== data.bytes) problems.push(`floor read ${r.bytes} bytes, expected ${data.bytes}`);
  return problems;
}

/** Which code was measured: HEAD plus any uncommitted change under src/ (read-only git, no index lock). */
function source(): Promise<{ commit: string; uncommittedSrc: string[] } | undefined> {
  return new Promise((resolve) => {
    const git = (args: string[]) =>
      new Promise<string | undefined>((done) => {
        const child = spawn('git', ['--no-optional-locks', ...args], { cwd: path.resolve(here, '..', '..', '..'), stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
        child.on('error', () => done(undefined));
        child.on('close', (code) => done(code === 0 ? out : undefined));
      });
    void Promise.all([git(['rev-parse', 'HEAD']), git(['status', '--porcelain', '--', 'src'])]).then(([head, status]) =>
      resolve(head === undefined ? undefined : { commit: head.trim(), uncommittedSrc: (status ?? '').split('\n').filter(Boolean).map((l) => l.trim()) }),
    );
  });
}

async function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: `${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}`,
    memoryGB: round(os.totalmem() / 1e9, 1),
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

/**
 * 64 shards × 2,000 series (head) merged against a baseline of the same
 * shape: time and peak RSS of the whole merge, in fresh processes, with the
 * checks that it found exactly the planted regressions.
 */
async function mergeScenario(root: string) {
  const shards = Math.round(envNumber('BENCH_MERGE_SHARDS', 64));
  const perShard = Math.round(envNumber('BENCH_MERGE_SERIES', 2000));
  const runs = Math.round(envNumber('BENCH_MERGE_RUNS', 3));
  const dir = path.join(root, 'shards');
  log(`generating ${shards} head and ${shards} baseline shards of ${perShard} series…`);
  const t = performance.now();
  const data = await runChild<ShardsManifest>('generate.js', ['shards', dir, String(shards), String(perShard)], 600_000);
  log(`  ${data.shards} × 2 shards, ${(data.bytes / MB).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const results: ScenarioResult[] = [];
  const problems: string[] = [];
  for (let i = 1; i <= runs; i++) {
    const r = await runChild<ScenarioResult>('scenario.js', ['ours', 'merge', dir], 900_000);
    const c = r.check;
    const expect = (what: string, got: number | undefined, want: number) => {
      if (got !== want) problems.push(`round ${i}: ${what}: expected ${want}, got ${got}`);
    };
    expect('shards merged', c.shards, data.shards);
    expect('shards left out', c.problems, 0);
    expect('series', c.series, data.shards * data.seriesPerShard);
    expect('series compared', c.compared, data.shards * data.seriesPerShard);
    expect('gated regressions (the planted ones)', c.gatedRegressions, data.regressions);
    expect('regressions on other hardware', c.regressionsNotOnGpu3, 0);
    results.push(r);
    log(`  merge round ${i}: ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s), peak RSS ${r.peakRssMB.toFixed(0)} MB, ${c.findings} findings`);
  }
  const m = (k: 'seconds' | 'cpuSeconds' | 'peakRssMB' | 'peakHeapMB') => median(results.map((r) => r[k]));
  return {
    data: { shards: data.shards, baselineShards: data.shards, seriesPerShard: data.seriesPerShard, hardware: data.hardware.length, MB: round(data.bytes / MB, 1), plantedRegressions: data.regressions },
    median: { seconds: round(m('seconds')), cpuSeconds: round(m('cpuSeconds')), peakRssMB: round(m('peakRssMB'), 1), peakHeapMB: round(m('peakHeapMB'), 1) },
    runs: results.map((r) => ({ seconds: round(r.seconds), cpuSeconds: round(r.cpuSeconds), peakRssMB: round(r.peakRssMB, 1), startRssMB: round(r.startRssMB, 1), check: r.check })),
    checks: problems.length === 0 ? 'ok' : problems,
  };
}

async function main(): Promise<number> {
  const files = Math.round(envNumber('BENCH_FILES', 10_000));
  const csvMB = envNumber('BENCH_CSV_MB', 500);
  const treeRuns = Math.round(envNumber('BENCH_TREE_RUNS', 3));
  const csvRuns = Math.round(envNumber('BENCH_CSV_RUNS', 3));
  const budgetS = envNumber('BENCH_BUDGET_S', 540);
  const keep = process.env.BENCH_KEEP === '1';
  const startedAt = new Date().toISOString();
  const host = await machine();
  const measured = await source();

  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'chimera-bench-'));
  const cleanup = async () => {
    if (!keep) await fs.rm(root, { recursive: true, force: true });
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(`data under ${root}${keep ? ' (kept: BENCH_KEEP=1)' : ''}`);
    const treeDir = path.join(root, 'tree');
    const csvDir = path.join(root, 'csv');
    const csvFile = path.join(csvDir, 'per_prompt_runs.csv');
    // A tenth-size CSV, measured once, so the memory claim has two points in the same run.
    const smallCsvDir = path.join(root, 'csv-small');
    const smallCsvMB = Math.max(1, Math.round(csvMB / 10));
    const runTree = selected('tree');
    const runCsv = selected('csv');

    let tree: TreeManifest | undefined;
    let csv: CsvManifest | undefined;
    let smallCsv: CsvManifest | undefined;
    if (runTree) {
      log(`generating a tree of ${files} small files…`);
      const t = performance.now();
      tree = await runChild<TreeManifest>('generate.js', ['tree', treeDir, String(files)], 600_000);
      log(`  ${tree.files} files, ${(tree.bytes / MB).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    if (runCsv) {
      log(`generating one ${csvMB} MB CSV (streamed to disk)…`);
      const t = performance.now();
      csv = await runChild<CsvManifest>('generate.js', ['csv', csvFile, String(csvMB)], 600_000);
      log(`  ${csv.rows} rows, ${(csv.bytes / MB).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      smallCsv = await runChild<CsvManifest>('generate.js', ['csv', path.join(smallCsvDir, 'per_prompt_runs.csv'), String(smallCsvMB)], 600_000);
    }

    const results: Record<'tree' | 'csv', { ours: ScenarioResult[]; floor: ScenarioResult[]; problems: string[] }> = {
      tree: { ours: [], floor: [], problems: [] },
      csv: { ours: [], floor: [], problems: [] },
    };
    const notes: string[] = [];
    const measure = async (target: 'tree' | 'csv', impl: 'ours' | 'floor', round: number) => {
      const arg = target === 'tree' ? treeDir : impl === 'ours' ? csvDir : csvFile;
      const r = await runChild<ScenarioResult>('scenario.js', [impl, target, arg], 900_000);
      const data = (target === 'tree' ? tree : csv) as TreeManifest | CsvManifest;
      results[target].problems.push(...(impl === 'ours' ? checkOurs(target, r, data) : checkFloor(target, r, data)).map((p) => `round ${round} ${impl}: ${p}`));
      results[target][impl].push(r);
      log(`  ${target} ${impl.padEnd(5)} round ${round}: ${r.seconds.toFixed(2)} s, ${(r.bytes / MB / r.seconds).toFixed(1)} MB/s, ${(r.files / r.seconds).toFixed(0)} files/s, peak RSS ${r.peakRssMB.toFixed(0)} MB`);
      return r;
    };
    // Ours and the floor alternate (ABBA across rounds) so drift on a shared machine hits both alike.
    const rounds = async (target: 'tree' | 'csv', count: number) => {
      for (let i = 1; i <= count; i++) {
        const roundStart = performance.now();
        const order: ('ours' | 'floor')[] = i % 2 ? ['floor', 'ours'] : ['ours', 'floor'];
        for (const impl of order) await measure(target, impl, i);
        const spent = (performance.now() - began) / 1000;
        const perRound = (performance.now() - roundStart) / 1000;
        if (i < count && target === 'csv' && spent + perRound > budgetS) {
          notes.push(`csv: stopped after ${i} of ${count} rounds: another round (~${perRound.toFixed(0)} s) would pass BENCH_BUDGET_S=${budgetS}`);
          log(notes[notes.length - 1] as string);
          break;
        }
      }
    };
    if (runTree) {
      log(`tree: ${treeRuns} rounds of floor + ours`);
      await rounds('tree', treeRuns);
    }
    let small: ScenarioResult | undefined;
    let smallProblems: string[] = [];
    if (runCsv) {
      log(`memory scaling: ours once on a ${smallCsvMB} MB CSV`);
      small = await runChild<ScenarioResult>('scenario.js', ['ours', 'csv', smallCsvDir], 900_000);
      smallProblems = checkOurs('csv', small, smallCsv as CsvManifest);
      log(`  csv-small ours: ${small.seconds.toFixed(2)} s, ${(small.bytes / MB / small.seconds).toFixed(1)} MB/s, peak RSS ${small.peakRssMB.toFixed(0)} MB`);
      log(`csv: ${csvRuns} rounds of floor + ours`);
      await rounds('csv', csvRuns);
    }
    // The scenarios added for issue 15, each in its own module.
    const realistic = selected('realistic') ? await realisticScenario(root) : undefined;
    const scale = selected('scale') ? await scaleScenario(root) : undefined;
    const coldStart = selected('coldstart') ? await coldStartScenario(root) : undefined;
    const merge = selected('merge') ? await mergeScenario(root) : undefined;

    const scenario = (target: 'tree' | 'csv') => {
      const { ours, floor, problems } = results[target];
      const oursRuns = ours.map(summarise);
      const floorRuns = floor.map(summarise);
      const ratios = ours.map((o, i) => round(o.seconds / (floor[i] as ScenarioResult).seconds, 2));
      return {
        ours: { median: medians(oursRuns), runs: oursRuns },
        floor: { median: medians(floorRuns), runs: floorRuns },
        /** ours time / floor time: median of the medians, and per round. */
        ratio: { median: round(median(ours.map((o) => o.seconds)) / median(floor.map((f) => f.seconds)), 2), perRound: ratios },
        /** The same with CPU time (user + system), which a busy shared machine disturbs less than wall time. */
        cpuRatio: { median: round(median(ours.map((o) => o.cpuSeconds)) / median(floor.map((f) => f.cpuSeconds)), 2), perRound: ours.map((o, i) => round(o.cpuSeconds / (floor[i] as ScenarioResult).cpuSeconds, 2)) },
        checks: problems.length === 0 ? 'ok' : problems,
      };
    };
    const treeResult = tree ? scenario('tree') : undefined;
    const csvResult = csv ? scenario('csv') : undefined;
    const csvPeak = csvResult?.ours.median.peakRssMB;
    const summary: Record<string, unknown>[] = [];
    if (tree && treeResult) summary.push({ scenario: `tree (${tree.files} files, ${round(tree.bytes / MB, 1)} MB)`, series: treeResult.ours.runs[0]?.check.series, oursFilesPerSec: treeResult.ours.median.filesPerSec, oursMBPerSec: treeResult.ours.median.MBPerSec, floorMBPerSec: treeResult.floor.median.MBPerSec, ratio: treeResult.ratio.median, cpuRatio: treeResult.cpuRatio.median, oursPeakRssMB: treeResult.ours.median.peakRssMB, floorPeakRssMB: treeResult.floor.median.peakRssMB });
    if (csv && csvResult) summary.push({ scenario: `csv (${round(csv.bytes / MB, 0)} MB, ${csv.rows} rows)`, series: csvResult.ours.runs[0]?.check.series, oursRowsPerSec: Math.round(csv.rows / csvResult.ours.median.seconds), oursMBPerSec: csvResult.ours.median.MBPerSec, floorMBPerSec: csvResult.floor.median.MBPerSec, ratio: csvResult.ratio.median, cpuRatio: csvResult.cpuRatio.median, oursPeakRssMB: csvResult.ours.median.peakRssMB, floorPeakRssMB: csvResult.floor.median.peakRssMB });
    if (realistic) summary.push({ scenario: `realistic (${realistic.data.files} files, ${realistic.data.MB} MB read)`, series: realistic.data.series, ratio: realistic.ratio.median, cpuRatio: realistic.cpuRatio.median, oursPeakRssMB: realistic.ours.median.peakRssMB, floorPeakRssMB: realistic.floor.median.peakRssMB, reportJsonPlusSnapshotOverInput: realistic.outputs.default.reportJsonPlusSnapshotOverInput });
    for (const row of scale?.rows ?? []) summary.push({ scenario: `scale (${row.files} files)`, series: row.series, ratio: row.ratio, cpuRatio: row.cpuRatio, oursSeconds: row.oursSeconds, floorSeconds: row.floorSeconds, oursPeakRssMB: row.oursPeakRssMB, kBPerSeries: row.kBPerSeries });
    if (merge) summary.push({ scenario: `merge (${merge.data.shards} shards × ${merge.data.seriesPerShard} series, against ${merge.data.baselineShards} baseline shards)`, series: merge.runs[0]?.check.series, seconds: merge.median.seconds, cpuSeconds: merge.median.cpuSeconds, oursPeakRssMB: merge.median.peakRssMB, checks: merge.checks === 'ok' ? 'ok' : 'see merge.checks' });
    const report = {
      benchmark: 'chimera-insight discovery+parse+stats',
      startedAt,
      durationSeconds: round((performance.now() - began) / 1000, 1),
      machine: { ...host, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)) },
      source: measured ?? 'not a git checkout',
      units: 'MB = 10^6 bytes; seconds are wall time of the work in the child (process start and module loading excluded); peakRssMB is getrusage maxRSS of that child',
      data: {
        ...(tree ? { tree: { files: tree.files, MB: round(tree.bytes / MB, 2), byType: tree.byType, proseMarkdown: tree.proseMarkdown, csvRows: tree.csvRows, csvErrorRows: tree.csvErrorRows } } : {}),
        ...(csv ? { csv: { MB: round(csv.bytes / MB, 1), rows: csv.rows, errorRows: csv.errorRows, models: csv.models, metrics: csv.metrics } } : {}),
      },
      ...(treeResult ? { tree: treeResult } : {}),
      ...(csvResult ? { csv: csvResult } : {}),
      ...(csv && csvResult && small && smallCsv
        ? {
            memoryClaim: {
              claim: 'streaming a big CSV needs memory independent of its size',
              fileMB: round(csv.bytes / MB, 1),
              peakRssMB: csvPeak,
              floorPeakRssMB: csvResult.floor.median.peakRssMB,
              peakRssOverFileSize: round((csvPeak as number) / (csv.bytes / MB), 3),
              /** Same pipeline on a file a tenth the size: flat peak RSS means bounded memory. */
              scaling: [
                { fileMB: round(smallCsv.bytes / MB, 1), peakRssMB: round(small.peakRssMB, 1), peakHeapMB: round(small.peakHeapMB, 1), seconds: round(small.seconds), checks: smallProblems.length === 0 ? 'ok' : smallProblems },
                { fileMB: round(csv.bytes / MB, 1), peakRssMB: csvPeak, peakHeapMB: csvResult.ours.median.peakHeapMB, seconds: csvResult.ours.median.seconds, checks: csvResult.checks === 'ok' ? 'ok' : 'see csv.checks' },
              ],
            },
          }
        : {}),
      ...(realistic ? { realistic } : {}),
      ...(scale ? { scale } : {}),
      ...(coldStart ? { coldStart } : {}),
      ...(merge ? { merge } : {}),
      summary,
      notes,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    for (const p of [...(treeResult && treeResult.checks !== 'ok' ? treeResult.checks : []), ...(csvResult && csvResult.checks !== 'ok' ? csvResult.checks : []), ...smallProblems, ...(realistic && realistic.checks !== 'ok' ? realistic.checks : []), ...(merge && merge.checks !== 'ok' ? merge.checks : [])]) log(`CHECK: ${p}`);
    log(`done in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    return 0;
  } finally {
    await cleanup();
    if (!keep) log(`removed ${root}`);
  }
}

process.exitCode = await main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  return 1;
});

/**
 * One measurement in a fresh process, so its peak RSS is its own:
 *
 *   node scenario.js ours|floor tree|csv|realistic <path> [--outputs=DIR] [--keep-samples]
 *   node scenario.js ours merge <dir>   (dir from generate.js shards: head/ and base/ shard folders)
 *
 * `realistic` is a repository-shaped tree (bench/realistic.ts): ours as for
 * `tree`, the floor reads what the default patterns find (floorRepository).
 * `--outputs=DIR` (ours) then writes report.json, report.md and snapshot.json
 * into DIR, untimed, and reports their sizes (bench/outputs.ts).
 *
 * Prints one JSON object on stdout: wall and CPU time of the work alone
 * (module loading excluded), peak RSS (getrusage maxRSS), the sampled peak
 * heap, and counts that show the work was really done.
 */
import { analyze } from '../src/analyze.js';
import { buildConfig } from '../src/config.js';
import { computeFindings } from '../src/findings/findings.js';
import type { Report } from '../src/model/report.js';
import { exclusionReason } from '../src/discover/rules.js';
import { floorCsv, floorRepository, floorTree } from './floor.js';
import { mergeShardsBench } from './merge.js';
import { writeOutputs, type OutputSizes } from './outputs.js';

export interface ScenarioResult {
  impl: 'ours' | 'floor';
  target: 'tree' | 'csv' | 'realistic' | 'merge';
  seconds: number;
  cpuSeconds: number;
  files: number;
  bytes: number;
  /** Peak resident set of the whole process (kB from getrusage → MB, 1 MB = 10^6 bytes). */
  peakRssMB: number;
  /** RSS when the work started: Node itself plus loaded modules. */
  startRssMB: number;
  /** Highest heapUsed seen by a 20 ms sampler (approximate). */
  peakHeapMB: number;
  /** What the run produced, for the orchestrator's sanity checks. */
  check: Record<string, number>;
  /** Stage timings reported by analyze() and the findings stage (ours only). */
  stages?: { discoverMs: number; parseMs: number; analyzeMs: number; experimentsMs: number; findingsMs: number };
  /** With `--outputs`: what the run wrote (after the timed region). */
  outputs?: OutputSizes;
}

const MB = 1e6;

async function main(): Promise<void> {
  const [impl, target, where, ...flags] = process.argv.slice(2);
  if ((impl !== 'ours' && impl !== 'floor') || (target !== 'tree' && target !== 'csv' && target !== 'realistic' && target !== 'merge') || !where || (target === 'merge' && impl !== 'ours')) {
    throw new Error('usage: scenario.js ours|floor tree|csv|realistic <dir-or-workspace> [--outputs=DIR] [--keep-samples], or scenario.js ours merge <dir>');
  }
  const outputsDir = flags.find((f) => f.startsWith('--outputs='))?.slice('--outputs='.length);
  let written: Report | undefined;
  const startRssMB = process.memoryUsage().rss / MB;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let files: number;
  let bytes: number;
  let check: Record<string, number>;
  let stages: ScenarioResult['stages'];
  if (target === 'merge') {
    const r = await mergeShardsBench(where);
    files = r.files;
    bytes = r.bytes;
    check = r.check;
  } else if (impl === 'ours') {
    // The whole public pipeline: discovery, parsing and statistics, as the action and CLI run it.
    const inputs: Record<string, string> = {};
    const config = buildConfig((name) => inputs[name] ?? '', { workspace: where, defaultOutputDir: undefined });
    const report = await analyze(config, {
      now: () => new Date(),
      elapsed: () => performance.now(),
      narrative: { status: 'skipped', reason: 'bench' },
    });
    // The findings stage runs after the comparison in the pipeline; here there is none, as with `baseline: none`.
    const f0 = performance.now();
    const findings = computeFindings({ series: report.series, files: report.inventory.files, confidence: config.gate.confidence });
    const findingsMs = performance.now() - f0;
    report.findings = findings;
    written = report;
    const t = report.inventory.totals;
    files = t.found;
    bytes = report.inventory.files.reduce((sum, f) => sum + f.size, 0);
    check = {
      found: t.found,
      parsed: t.parsed,
      documents: t.documents,
      skipped: t.skipped,
      failed: t.failed,
      series: report.series.length,
      rows: t.rows,
      excludedRows: t.excludedRows,
      samples: report.series.reduce((sum, s) => sum + (s.stats.n ?? 0), 0),
      findings: findings.length,
    };
    stages = { discoverMs: report.timings.discoverMs, parseMs: report.timings.parseMs, analyzeMs: report.timings.analyzeMs, experimentsMs: report.timings.experimentsMs ?? 0, findingsMs };
  } else {
    const r = target === 'tree' ? await floorTree(where) : target === 'realistic' ? await floorRepository(where, (rel) => exclusionReason(rel) !== undefined) : await floorCsv(where);
    files = r.files;
    bytes = r.bytes;
    check = { files: r.files, lines: r.lines, fields: r.fields, jsonValues: r.jsonValues };
    if (r.jsonErrors !== undefined) check.jsonErrors = r.jsonErrors;
    if ('listed' in r) check.listed = r.listed as number;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);

  const result: ScenarioResult = {
    impl,
    target,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    files,
    bytes,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
    startRssMB,
    peakHeapMB: peakHeap / MB,
    check,
  };
  if (stages) result.stages = stages;
  if (outputsDir && written) result.outputs = await writeOutputs(written, outputsDir, flags.includes('--keep-samples'));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();

/**
 * `mode: shard` and `mode: merge` as the action runs them (main.ts
 * dispatches here). A shard job analyses and writes its folder, nothing
 * else; the merge job reads every shard as data and publishes once.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as core from '@actions/core';
import { actionContext } from '../github/event.js';
import { actionCache, eventInfo, gateOutcome, nextHistory } from '../baseline/action.js';
import { addGateNotices } from '../baseline/notices.js';
import { writeSnapshot } from '../baseline/snapshot.js';
import { saveToCache } from '../baseline/sources/cache.js';
import type { Config } from '../config.js';
import { actionCommit, publishFromAction, type ActionPublishInputs } from '../github/action.js';
import { hardwareText } from '../hardware/detect.js';
import { detectSystemHardware } from '../hardware/system.js';
import { actionLlmStage, setLlmOutputs } from '../llm/action.js';
import type { HardwareIdentity } from '../model/hardware.js';
import type { Report } from '../model/report.js';
import { NARRATIVE_NOT_AVAILABLE } from '../narrative.js';
import { runPipeline, type PipelineResult } from '../pipeline.js';
import { code, escapeMarkdown } from '../report/format.js';
import { logSafe } from '../util/log-safe.js';
import { plural } from '../util/text.js';
import { mergeCompareStage } from './compare.js';
import { mergeShards } from './merge.js';
import { findShardFolders, readShardFolders, type ShardProblem } from './read.js';
import { forShard, SHARD_NARRATIVE } from './shard.js';
import { hardwareSnapshot, mergedSnapshot, writeShardFiles } from './write.js';

const log = { info: (m: string) => core.info(logSafe(m)), warning: (m: string) => core.warning(logSafe(m)) };

function runnerTemp(): string {
  return process.env.RUNNER_TEMP || os.tmpdir();
}

function logHardware(h: HardwareIdentity): void {
  core.info(logSafe(`Hardware: ${h.id} (${h.idSource === 'input' ? 'hardware input' : `derived from the ${h.idSource.toUpperCase()}`}): ${hardwareText(h)}${h.runner?.name ? `, runner ${h.runner.name}` : ''}.`));
  for (const note of h.notes ?? []) core.info(logSafe(`Hardware: ${note}.`));
}

/** Configuration problems fail the step, after everything else is written. */
function failOnErrors(report: Report): void {
  for (const n of report.notices ?? []) if (n.level === 'error') core.setFailed(logSafe(`Input '${n.input}': ${n.message}`));
}

function warnNotices(report: Report): void {
  for (const n of report.notices ?? []) if (n.level === 'warning') core.warning(logSafe(`Input '${n.input}': ${n.message}`));
}

/** The analysis as in report mode, then hardware.json and snapshot.json beside report.json: the folder to upload. */
export async function runShardAction(config: Config, logFiles: (result: PipelineResult) => void): Promise<void> {
  const hardware = await detectSystemHardware(config.hardware);
  logHardware(hardware);
  const shardConfig = forShard(config);
  const commit = actionCommit();
  const result = await runPipeline(shardConfig, {
    now: () => new Date(),
    elapsed: () => performance.now(),
    narrative: SHARD_NARRATIVE,
    hardware,
    ...(commit ? { commit } : {}),
    // Nothing is compared in a shard; a gate that could never fail is still a configuration error, said here.
    compare: async (report) => addGateNotices(report, config.gate),
  });
  logFiles(result);
  warnNotices(result.report);
  const dir = shardConfig.outputDir as string;
  const { snapshotPath } = await writeShardFiles(dir, result.report);
  const totals = result.report.inventory.totals;
  core.info(`Shard ${hardware.id}: ${plural(result.report.series.length, 'series', 'series')} from ${plural(totals.parsed, 'file')} written to ${dir}.`);
  core.setOutput('shard-path', dir);
  core.setOutput('report-path', result.reportPath ?? '');
  core.setOutput('report-json-path', result.reportJsonPath ?? '');
  core.setOutput('snapshot-path', snapshotPath);
  core.setOutput('files-analyzed', totals.parsed + totals.documents);
  core.setOutput('series-count', result.report.series.length);
  if (process.env.GITHUB_STEP_SUMMARY) {
    const notices = (result.report.notices ?? []).map((n) => `- ${n.level === 'error' ? '**Error** · ' : ''}${code(n.input)}: ${escapeMarkdown(n.message)}`);
    const lines = [
      `## 📦 Chimera Insight shard ${code(hardware.id)}`,
      `${plural(result.report.series.length, 'series', 'series')} from ${plural(totals.parsed, 'file')} on ${escapeMarkdown(hardwareText(hardware))}, written for the merge job (output \`shard-path\`). Nothing is compared or gated in a shard: the merge job reports once for every runner.`,
      ...(notices.length > 0 ? [notices.join('\n')] : []),
    ];
    await core.summary.addRaw(`${lines.join('\n\n')}\n`).write({ overwrite: false });
  }
  failOnErrors(result.report);
}

function logShards(report: Report, problems: readonly ShardProblem[]): void {
  core.startGroup(`Shards (${report.shards?.length ?? 0} merged${problems.length > 0 ? `, ${plural(problems.length, 'problem')}` : ''})`);
  for (const s of report.shards ?? []) core.info(logSafe(`${s.name}: ${s.hardware.id}, ${hardwareText(s.hardware)}, ${plural(s.series, 'series', 'series')}`));
  for (const p of problems) core.info(logSafe(`${p.level === 'error' ? 'not merged' : 'warning'}: ${JSON.stringify(p.name)} ${p.reason}`));
  core.endGroup();
}

/** One report from the shard folders: compare per hardware, narrative once, one comment, one summary, one gate. */
export async function runMergeAction(config: Config, publishInputs: ActionPublishInputs): Promise<void> {
  const commit = actionCommit();
  const event = eventInfo(actionContext());
  const t0 = performance.now();
  const folders = await findShardFolders(config.shards, config.workspace);
  const { shards, problems } = await readShardFolders(folders);
  const readMs = performance.now() - t0;
  const llm = await actionLlmStage(config.llm, () => performance.now());
  const narrative = llm.skipped ?? NARRATIVE_NOT_AVAILABLE;
  const { report, merged } = mergeShards(shards, problems, config, { now: () => new Date(), elapsed: () => performance.now(), narrative, readMs, ...(commit ? { commit } : {}) });
  logShards(report, problems);
  const stage = mergeCompareStage({
    config,
    event,
    merged,
    headFolders: folders.folders,
    file: { base: config.workspace, confineToBase: true },
    cache: actionCache(),
    log,
    tempRoot: runnerTemp(),
  });
  const result = await runPipeline(config, {
    now: () => new Date(),
    elapsed: () => performance.now(),
    narrative,
    ...(llm.narrate ? { narrate: llm.narrate } : {}),
    ...(commit ? { commit } : {}),
    source: async () => report,
    compare: stage.compare,
    compareLate: stage.compareLate,
  });
  warnNotices(result.report);
  if (result.report.narrative.status !== 'generated') core.info(logSafe(`Narrative ${result.report.narrative.status}: ${result.report.narrative.reason}`));
  await publishFromAction(result, publishInputs);
  const totals = result.report.inventory.totals;
  core.setOutput('report-path', result.reportPath ?? '');
  core.setOutput('report-json-path', result.reportJsonPath ?? '');
  core.setOutput('files-analyzed', totals.parsed + totals.documents);
  core.setOutput('series-count', result.report.series.length);
  setLlmOutputs(result.report);
  let snapshotPath = '';
  if (config.outputDir) {
    snapshotPath = path.join(config.outputDir, 'snapshot.json');
    await writeSnapshot(snapshotPath, mergedSnapshot(result.report, merged));
  }
  // Pushes to the default branch keep one baseline per hardware, each with its own history.
  const kind = config.gate.baseline.kind;
  if (kind === 'auto' || kind === 'cache') {
    const histories = stage.histories();
    for (const group of merged.groups) {
      const snapshot = hardwareSnapshot(result.report, group);
      const history = nextHistory(config, event, snapshot, histories.get(group.id), (m) => core.info(logSafe(m)));
      await saveToCache({ cache: actionCache().client, dir: actionCache().dir, event, snapshot, ...(history ? { history } : {}), log });
    }
  }
  gateOutcome(config, result.report, snapshotPath);
  failOnErrors(result.report);
}

import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as core from '@actions/core';
import { actionCompareStage, eventInfo, finishGate, withBaselineIgnored } from './baseline/action.js';
import { buildConfig, ConfigError, type Config } from './config.js';
import { checkRootFolder } from './discover/discover.js';
import { NARRATIVE_NOT_AVAILABLE } from './narrative.js';
import { actionLlmStage, setLlmOutputs } from './llm/action.js';
import { runPipeline, type PipelineResult } from './pipeline.js';
import { plural } from './util/text.js';
import { logSafe, withCommandsStopped } from './util/log-safe.js';
import { exitWhenDone } from './util/deadline.js';
import { redactSecrets } from './util/redact.js';
import { actionCommit, publishFromAction, readActionPublishInputs, type ActionPublishInputs } from './github/action.js';
import { actionContext } from './github/event.js';
import { detectSystemHardware } from './hardware/system.js';
import { runMergeAction, runShardAction } from './shards/action.js';

function logFiles(result: PipelineResult): void {
  core.startGroup(`Files (${result.report.inventory.totals.found})`);
  // File names and problems come from the repository: no line of theirs may act as a workflow command.
  withCommandsStopped(core.info, () => {
    for (const f of result.report.inventory.files) {
      const facts = f.status !== 'parsed' ? [f.reason ?? ''] : f.document ? ['document'] : [`${f.adapter}`, `${f.series} series`];
      if (f.excludedRows > 0) facts.push(`${plural(f.excludedRows, 'row')} excluded (error or status column)`);
      if (f.status === 'parsed' && f.problemCount > 0) facts.push(plural(f.problemCount, 'problem'));
      core.info(`${f.status.padEnd(8)} ${logSafe(f.path)} (${logSafe(facts.join(', '))})`);
      if (f.status !== 'parsed') continue;
      for (const p of f.problems) core.info(`           ${p.line !== undefined ? `line ${p.line}: ` : ''}${logSafe(p.reason)}`);
    }
  });
  core.endGroup();
  for (const f of result.report.inventory.files) {
    if (f.status === 'failed') {
      const props: core.AnnotationProperties = { file: f.path, title: 'Chimera Insight: unreadable benchmark file' };
      const line = f.problems[0]?.line;
      if (line !== undefined) props.startLine = line;
      core.warning(logSafe(`${f.path}: ${f.reason ?? 'failed'}`), props);
    }
  }
}

export async function run(): Promise<void> {
  let config: Config;
  let publishInputs: ActionPublishInputs;
  try {
    publishInputs = readActionPublishInputs();
    config = buildConfig((name) => core.getInput(name), {
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      defaultOutputDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'chimera-insight'),
    });
    // A merge reads shard folders, not `path`.
    if (config.mode !== 'merge') await checkRootFolder(config.root, core.getInput('path') || '.', config.workspace);
  } catch (err) {
    core.setFailed(redactSecrets(err instanceof ConfigError ? err.message : `Invalid configuration: ${(err as Error).message}`));
    return;
  }
  // A `file:` baseline directory inside `path` is not part of this run.
  config = withBaselineIgnored(config, config.workspace);
  // Several runners, one report (docs/several-runners.md).
  if (config.mode === 'shard') return runShardAction(config, logFiles);
  if (config.mode === 'merge') return runMergeAction(config, publishInputs);
  const hardware = await detectSystemHardware(config.hardware);
  const commit = actionCommit();
  const event = eventInfo(actionContext());
  // Server and model before the analysis; the narrate stage then only makes the model calls.
  const llm = await actionLlmStage(config.llm, () => performance.now());
  // The baseline is analysed like the head, without the head's commit.
  const compareStage = actionCompareStage(config, event, { now: () => new Date(), elapsed: () => performance.now(), narrative: NARRATIVE_NOT_AVAILABLE });
  const result = await runPipeline(config, {
    now: () => new Date(),
    elapsed: () => performance.now(),
    narrative: llm.skipped ?? NARRATIVE_NOT_AVAILABLE,
    ...(llm.narrate ? { narrate: llm.narrate } : {}),
    ...(commit ? { commit } : {}),
    hardware,
    compare: compareStage.compare,
    compareLate: compareStage.compareLate,
  });
  logFiles(result);
  // Inputs that matched nothing: warnings now, errors fail the step once the report is published.
  const notices = result.report.notices ?? [];
  for (const n of notices) if (n.level === 'warning') core.warning(logSafe(`Input '${n.input}': ${n.message}`));
  const totals = result.report.inventory.totals;
  core.info(`${plural(totals.found, 'file')} found, ${totals.parsed} with metrics, ${plural(totals.documents, 'document')}, ${totals.skipped} skipped, ${totals.failed} failed; ${result.report.series.length} series.`);
  if (result.report.narrative.status !== 'generated') core.info(logSafe(`Narrative ${result.report.narrative.status}: ${result.report.narrative.reason}`));
  // Summary, annotations, sticky comment; API failures end as one warning, never as a lost report.
  await publishFromAction(result, publishInputs);
  core.setOutput('report-path', result.reportPath ?? '');
  core.setOutput('report-json-path', result.reportJsonPath ?? '');
  core.setOutput('files-analyzed', totals.parsed + totals.documents);
  core.setOutput('series-count', result.report.series.length);
  setLlmOutputs(result.report);
  if (result.reportPath) core.info(`Report written to ${result.reportPath} and ${result.reportJsonPath}`);
  // Last: the report is published before the gate can fail the step.
  await finishGate(config, result.report, event, compareStage.history());
  for (const n of notices) if (n.level === 'error') core.setFailed(logSafe(`Input '${n.input}': ${n.message}`));
}

run()
  .catch((err: unknown) => {
    // A setting found unusable only once used (an output folder that cannot be written) is named, not a crash.
    if (err instanceof ConfigError) core.setFailed(redactSecrets(err.message));
    else core.setFailed(redactSecrets(`Chimera Insight failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  })
  .finally(() => exitWhenDone((m) => core.warning(m)));

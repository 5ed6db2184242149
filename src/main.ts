import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as core from '@actions/core';
import * as github from '@actions/github';
import { buildConfig, ConfigError, type Config } from './config.js';
import { NARRATIVE_NOT_AVAILABLE } from './narrative.js';
import { runPipeline, type PipelineResult } from './pipeline.js';
import { plural } from './util/text.js';
import { renderMarkdown, SUMMARY_LIMIT_BYTES, withRenderTime } from './report/markdown.js';
import { logSafe } from './util/log-safe.js';

function commitOf(context: typeof github.context): { sha: string; ref?: string } | undefined {
  const pr = context.payload.pull_request as { head?: { sha?: string; ref?: string } } | undefined;
  const sha = pr?.head?.sha ?? context.sha;
  if (!sha) return undefined;
  const ref = pr?.head?.ref ?? context.ref;
  return ref ? { sha, ref } : { sha };
}

function logFiles(result: PipelineResult): void {
  core.startGroup(`Files (${result.report.inventory.totals.found})`);
  for (const f of result.report.inventory.files) {
    const facts = f.status !== 'parsed' ? [f.reason ?? ''] : f.document ? ['document'] : [`${f.adapter}`, `${f.series} series`];
    if (f.excludedRows > 0) facts.push(`${plural(f.excludedRows, 'row')} excluded (error column)`);
    if (f.status === 'parsed' && f.problemCount > 0) facts.push(plural(f.problemCount, 'problem'));
    core.info(`${f.status.padEnd(8)} ${logSafe(f.path)} (${logSafe(facts.join(', '))})`);
    if (f.status !== 'parsed') continue;
    for (const p of f.problems) core.info(`           ${p.line !== undefined ? `line ${p.line}: ` : ''}${logSafe(p.reason)}`);
  }
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

async function writeSummary(result: PipelineResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('GITHUB_STEP_SUMMARY is not set: no job summary written.');
    return;
  }
  let markdown = result.markdown;
  if (Buffer.byteLength(markdown) > SUMMARY_LIMIT_BYTES) {
    const hint = result.reportPath ? `in report.md (${result.reportPath}; output report-path)` : undefined;
    markdown = withRenderTime(renderMarkdown(result.report, { maxBytes: SUMMARY_LIMIT_BYTES, ...(hint ? { fullReportHint: hint } : {}) }), result.report.timings.renderMs);
  }
  await core.summary.addRaw(markdown).write({ overwrite: false });
}

export async function run(): Promise<void> {
  let config: Config;
  try {
    config = buildConfig((name) => core.getInput(name), {
      workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
      defaultOutputDir: path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'chimera-insight'),
    });
  } catch (err) {
    core.setFailed(err instanceof ConfigError ? err.message : `Invalid configuration: ${(err as Error).message}`);
    return;
  }
  const commit = commitOf(github.context);
  const result = await runPipeline(config, {
    now: () => new Date(),
    elapsed: () => performance.now(),
    narrative: NARRATIVE_NOT_AVAILABLE,
    ...(commit ? { commit } : {}),
  });
  logFiles(result);
  const totals = result.report.inventory.totals;
  core.info(`${plural(totals.found, 'file')} found, ${totals.parsed} with metrics, ${plural(totals.documents, 'document')}, ${totals.skipped} skipped, ${totals.failed} failed; ${result.report.series.length} series.`);
  core.info(`Narrative skipped: ${result.report.narrative.reason}`);
  await writeSummary(result);
  core.setOutput('report-path', result.reportPath ?? '');
  core.setOutput('report-json-path', result.reportJsonPath ?? '');
  core.setOutput('files-analyzed', totals.parsed + totals.documents);
  core.setOutput('series-count', result.report.series.length);
  if (result.reportPath) core.info(`Report written to ${result.reportPath} and ${result.reportJsonPath}`);
}

run().catch((err: unknown) => {
  core.setFailed(`Chimera Insight failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyze, type AnalyzeDependencies } from './analyze.js';
import type { Config } from './config.js';
import { renderJson } from './report/json.js';
import { renderMarkdown, withRenderTime } from './report/markdown.js';
import type { Report } from './report/model.js';

export interface PipelineResult {
  report: Report;
  /** The complete Markdown report (what report.md holds). */
  markdown: string;
  json: string;
  reportPath?: string;
  reportJsonPath?: string;
}

/** Stages between analysis and rendering; each fills in its part of the report. */
export interface PipelineStages {
  /** Compares with a baseline (sets `report.comparison`). */
  compare?: (report: Report) => Promise<void>;
  /** Asks the model for the narrative (sets `report.narrative` and the LLM call metrics). */
  narrate?: (report: Report) => Promise<void>;
}

/**
 * analyze → compare → narrate → render, and report.md / report.json when an
 * output directory is set. The narrative comes after the comparison because
 * its fact sheet holds the changes against the baseline.
 */
export async function runPipeline(config: Config, deps: AnalyzeDependencies & PipelineStages): Promise<PipelineResult> {
  const report = await analyze(config, deps);
  if (deps.compare) await deps.compare(report);
  if (deps.narrate) await deps.narrate(report);
  const start = deps.elapsed();
  const draft = renderMarkdown(report);
  report.timings.renderMs = deps.elapsed() - start;
  const markdown = withRenderTime(draft, report.timings.renderMs);
  const json = renderJson(report);
  const result: PipelineResult = { report, markdown, json };
  if (config.outputDir) {
    await fs.mkdir(config.outputDir, { recursive: true });
    result.reportPath = path.join(config.outputDir, 'report.md');
    result.reportJsonPath = path.join(config.outputDir, 'report.json');
    await fs.writeFile(result.reportPath, markdown);
    await fs.writeFile(result.reportJsonPath, json);
  }
  return result;
}

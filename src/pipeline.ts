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

/** Analysis plus rendering, and report.md / report.json when an output directory is set. */
export async function runPipeline(config: Config, deps: AnalyzeDependencies): Promise<PipelineResult> {
  const report = await analyze(config, deps);
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

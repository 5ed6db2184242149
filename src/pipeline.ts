import { promises as fs } from 'node:fs';
import path from 'node:path';
import { analyze, type AnalyzeDependencies } from './analyze.js';
import type { Config } from './config.js';
import { computeFindings } from './findings/findings.js';
import { llmThroughputSeries } from './llm/call-metrics.js';
import type { Series } from './model/series.js';
import { assembledBytes, assembleSections, reportSections, SUMMARY_LIMIT_BYTES, withRenderTime, type Section } from './report/markdown.js';
import { writeReportJson, writeReportMarkdown, writeToFile } from './report/write.js';
import type { Report } from './model/report.js';
import { redactSecrets } from './util/redact.js';
import { prepareOutputDir, writingOutput } from './util/output-dir.js';

/** report.md is held as one string only up to this size (see PipelineResult.markdown). */
const MARKDOWN_IN_MEMORY_BYTES = 2 * SUMMARY_LIMIT_BYTES;

export interface PipelineResult {
  report: Report;
  /** The report's sections in reading order (report.md is them joined; see writeReportMarkdown), rendered on first use. */
  readonly sections: Section[];
  /**
   * The complete Markdown report (what report.md holds), joined on first use; undefined when it is larger than
   * twice the job summary's limit (the summary is then trimmed from the sections). The CLI streams the sections instead.
   */
  readonly markdown: string | undefined;
  reportPath?: string;
  reportJsonPath?: string;
}

/** Stages between analysis and rendering; each fills in its part of the report. */
export interface PipelineStages {
  /** Builds the report instead of analysing `config.root` (mode: merge, from shard folders). */
  source?: () => Promise<Report>;
  /** Compares with a baseline (sets `report.comparison`). */
  compare?: (report: Report) => Promise<void>;
  /** Asks the model for the narrative (sets `report.narrative` and the LLM call metrics). */
  narrate?: (report: Report) => Promise<void>;
  /** Adds series measured by the narrate stage to the report and the comparison (see CompareStage). */
  compareLate?: (report: Report, series: Series[]) => void;
}

/**
 * analyze → compare → findings → narrate (→ late series such as the model's tokens/s) →
 * render, and report.md / report.json when an
 * output directory is set. The narrative comes after the comparison because
 * its fact sheet holds the changes against the baseline.
 */
export async function runPipeline(config: Config, deps: AnalyzeDependencies & PipelineStages): Promise<PipelineResult> {
  const report = deps.source ? await deps.source() : await analyze(config, deps);
  if (deps.compare) await deps.compare(report);
  // Findings need the comparison (its changes are findings) and the narrative needs the findings.
  const findings = () => {
    const start = deps.elapsed();
    const list = computeFindings({ series: report.series, files: report.inventory.files, ...(report.comparison ? { comparison: report.comparison } : {}), confidence: config.gate.confidence });
    report.timings.findingsMs = deps.elapsed() - start;
    return list;
  };
  report.findings = findings();
  if (deps.narrate) await deps.narrate(report);
  // gate-llm-throughput: the model's own tokens/s becomes a gated series (and part of the snapshot).
  const llmSeries = config.llm.gateThroughput ? llmThroughputSeries(report.llm) : null;
  if (llmSeries) {
    if (deps.compareLate) deps.compareLate(report, [llmSeries]);
    else report.series.push(llmSeries);
    // A late comparison can add a change (the model's own tokens/s).
    report.findings = findings();
  }
  // Rendered on first use: `--format json` or the terminal digest without an output directory never needs the sections.
  let sections: Section[] | undefined;
  const render = (): Section[] => {
    if (!sections) {
      const start = deps.elapsed();
      sections = reportSections(report);
      report.timings.renderMs = deps.elapsed() - start;
    }
    return sections;
  };
  let markdown: string | undefined;
  const result: PipelineResult = {
    report,
    get sections() {
      return render();
    },
    // Redacted once here, so the summary and the comment start from the redacted text too.
    get markdown() {
      const all = render();
      // A report larger than the job summary takes is never joined into one string: it is only streamed to report.md.
      if (assembledBytes(all) > MARKDOWN_IN_MEMORY_BYTES) return undefined;
      markdown ??= redactSecrets(withRenderTime(assembleSections(all), report.timings.renderMs));
      return markdown;
    },
  };
  if (config.outputDir) {
    await prepareOutputDir(config.outputDir, config.workspace);
    const reportPath = path.join(config.outputDir, 'report.md');
    const reportJsonPath = path.join(config.outputDir, 'report.json');
    result.reportPath = reportPath;
    result.reportJsonPath = reportJsonPath;
    // Streamed: a report of many series is never one string in memory.
    const rendered = render();
    await writingOutput(reportPath, config.workspace, () => writeToFile(reportPath, (sink) => writeReportMarkdown(rendered, report.timings.renderMs, sink)));
    await writingOutput(reportJsonPath, config.workspace, () => writeToFile(reportJsonPath, (sink) => writeReportJson(report, sink, { keepSamples: config.keepSamples })));
  }
  return result;
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cliCompareStage } from '../../src/baseline/cli.js';
import { buildConfig } from '../../src/config.js';
import { commentMarkdown } from '../../src/github/summary.js';
import { commentMarker } from '../../src/model/marker.js';
import type { Report } from '../../src/model/report.js';
import { runPipeline } from '../../src/pipeline.js';

const NARRATIVE = { status: 'skipped' as const, reason: 'no model in this test; every number is computed from the files.' };

/**
 * A timestamped run one week after `newest`, its `tokens_s` column scaled:
 * what a pull request adding a slower benchmark run looks like.
 */
export function addSlowerRun(root: string, newest: string, factor: number): string {
  const dir = path.dirname(newest);
  const later = path.join(path.dirname(dir), '20991231-235959');
  mkdirSync(later, { recursive: true });
  const lines = readFileSync(newest, 'utf8').split('\n');
  const column = (lines[0] ?? '').split(',').indexOf('tokens_s');
  const scaled = lines.map((line, i) => {
    if (i === 0 || line === '' || column < 0) return line;
    const cells = line.split(',');
    cells[column] = (Number(cells[column]) * factor).toFixed(2);
    return cells.join(',');
  });
  const file = path.join(later, path.basename(newest));
  writeFileSync(file, scaled.join('\n'));
  return path.relative(root, file);
}

/**
 * The PR comment exactly as the action posts it for the tree at `dir`
 * (the history baseline, no model): the sticky marker, the digest and its links.
 */
export async function commentFor(workspace: string, dir: string): Promise<{ body: string; report: Report }> {
  const inputs: Record<string, string> = { path: dir, llm: 'false', baseline: 'auto' };
  const config = buildConfig((name) => inputs[name] ?? '', { workspace, defaultOutputDir: undefined });
  const deps = { now: () => new Date('2026-11-27T12:00:00Z'), elapsed: () => performance.now(), narrative: NARRATIVE };
  const stage = cliCompareStage(config, workspace, { info: () => {}, warning: () => {} }, deps, path.join(workspace, '..'));
  const result = await runPipeline(config, { ...deps, compare: stage.compare, compareLate: stage.compareLate });
  const marker = commentMarker({ header: '', sha: 'feedfacecafebeef0000000000000000deadbeef', run: 5001, attempt: 1 });
  const body = commentMarkdown(result.report, result.markdown, marker, { runUrl: 'https://github.com/acme/inference/actions/runs/5001', reportPath: '/runner/_temp/chimera-insight/report.md' });
  return { body, report: result.report };
}

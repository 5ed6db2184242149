// The PR comment the way a reviewer reads it: posted Markdown rendered in headless Chromium at GitHub's
// comment width. No table may make the reader scroll sideways and every chart must draw.
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addSlowerRun, commentFor } from '../helpers/comment-fixture.js';
import { writeRealisticTree, type RealisticManifest } from '../helpers/realistic-tree.js';
import { describeWithChromium, openRenderer, type RenderResult, type Renderer } from '../helpers/render-comment.js';
import { repoRoot } from '../helpers/run-action.js';
import { mergedCommentFor } from '../helpers/merged-comment.js';
import { useTempDir } from '../helpers/tmp.js';

/** Screenshots for a human to look at (`.build/` is not committed). */
const SHOTS = path.join(repoRoot, '.build', 'screenshots');

function overflowing(result: RenderResult): string[] {
  return result.tables.filter((t) => t.overflows).map((t) => `${t.label}: ${t.scrollWidth} px`);
}

function broken(result: RenderResult): string[] {
  return result.charts.filter((c) => !c.ok || !c.fits).map((c) => `chart ${c.index} (${c.kind}): ${c.error ?? `${c.width} px wide`}`);
}

describeWithChromium('the PR comment in GitHub’s 780 px comment column', () => {
  let renderer: Renderer;
  const tmp = useTempDir('chimera-comment-');

  beforeAll(async () => {
    renderer = await openRenderer();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await renderer?.close();
  });

  it('reads without scrolling sideways on examples/ with a regressed run, and its chart draws', async () => {
    const workspace = path.join(tmp.dir, 'examples-ws');
    cpSync(path.join(repoRoot, 'examples', 'benchmarks'), path.join(workspace, 'examples', 'benchmarks'), { recursive: true });
    addSlowerRun(workspace, path.join(workspace, 'examples/benchmarks/runs/20251016-101122/throughput.csv'), 0.85);
    const { body, report } = await commentFor(workspace, 'examples/benchmarks', { narrate: true });
    const result = await renderer.render(body, { screenshot: path.join(SHOTS, 'comment-examples.png') });
    expect(body).toContain('## ❌ Chimera Insight: 4 gated metrics regressed');
    expect(report.narrative).toMatchObject({ status: 'generated', claims: { length: 5 }, recommendations: { length: 3 }, risks: { length: 2 }, dropped: { length: 12 } });
    expect(body).toContain('### Narrative');
    expect(overflowing(result)).toEqual([]);
    expect(result.charts.length).toBeGreaterThanOrEqual(1);
    expect(broken(result)).toEqual([]);
    expect(result.pageErrors).toEqual([]);
  });

  it('stays a digest under 20,000 characters on a generated 1,000-file repository with the largest narrative the checks allow, every table within the column', async () => {
    const tree = await writeRealisticTree({ files: 1000 });
    try {
      const manifest: RealisticManifest = tree.manifest;
      const runs = manifest.timestampedRuns;
      const newest = path.join(tree.dir, runs.dir, runs.folders[runs.folders.length - 1] as string, runs.file);
      addSlowerRun(tree.dir, newest, 0.85);
      const { body, report } = await commentFor(tree.dir, '.', { narrate: true });
      const result = await renderer.render(body, { screenshot: path.join(SHOTS, 'comment-realistic.png') });
      expect(report.narrative).toMatchObject({ status: 'generated', claims: { length: 5 }, recommendations: { length: 3 }, risks: { length: 2 } });
      expect(body.length).toBeLessThan(20_000);
      expect(overflowing(result)).toEqual([]);
      expect(broken(result)).toEqual([]);
      expect(result.tables.length).toBeGreaterThanOrEqual(5);
    } finally {
      tree.remove();
    }
  });

  it('keeps a merged report of six GPU types within the column, other-hardware rows and the hardware line included', async () => {
    const body = await mergedCommentFor(tmp.dir);
    const result = await renderer.render(body, { screenshot: path.join(SHOTS, 'comment-merged.png') });
    expect(body).toContain('⚠️ baseline on');
    expect(body).toContain('**Hardware** (6 machines, 6 shards)');
    expect(overflowing(result)).toEqual([]);
    expect(broken(result)).toEqual([]);
    expect(result.pageErrors).toEqual([]);
  });
});

// Issue 10 on a generated repository of about 1,000 files (bench/realistic.ts): the structures planted in it
// (a replicated runtime experiment, a parameter sweep, sibling files, prompts repeated across tags) must come
// out as the findings the manifest's ground truth says, among docs, configs and broken files.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/config.js';
import type { Finding, FindingLevel } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { runPipeline } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { writeRealisticTree, type RealisticManifest } from '../helpers/realistic-tree.js';

let report: Report;
// The manifest's ground truth, read as plain JSON: its shape is checked by realistic-tree.test.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let manifest: any;
let remove: () => void;

beforeAll(async () => {
  const tree = await writeRealisticTree({ files: 1000 });
  manifest = tree.manifest as RealisticManifest;
  remove = tree.remove;
  const inputs: Record<string, string> = { path: '.', llm: 'false', baseline: 'none' };
  const config = buildConfig((name) => inputs[name] ?? '', { workspace: tree.dir, defaultOutputDir: undefined });
  report = (await runPipeline(config, { now: () => new Date(), elapsed: () => performance.now(), narrative: { status: 'skipped', reason: 'no model' } })).report;
}, 120_000);

afterAll(() => remove?.());

function finding(predicate: (f: Finding) => boolean, what: string): Finding {
  const found = report.findings.find(predicate);
  if (!found) throw new Error(`no finding ${what}`);
  return found;
}

function means(levels: FindingLevel[] | undefined): [string, number | null, number][] {
  return (levels ?? []).map((l) => [l.value, l.n, Number(l.mean.toFixed(9))]);
}

const round = (v: number) => Number(v.toFixed(9));

describe('findings on a generated 1,000-file benchmarking repository', () => {
  it('finds the runtime that is more than twice as fast as the four others, over 30 runs each, best in every batch setting', () => {
    const truth = manifest.experiment.metrics.tokens_per_second.byVariant as { value: string; n: number; mean: number }[];
    const ranking = finding((f) => f.kind === 'ranking' && f.metric === 'tokens_per_second' && f.factor === 'runtime' && f.scope.path.includes('summary.json'), 'ranking runtimes');
    expect(means(ranking.levels)).toEqual(truth.map((l) => [l.value.replace('runtime-', ''), l.n, round(l.mean)]));
    const fused = ranking.levels?.[0] as FindingLevel;
    for (const [variant, ratio] of Object.entries(manifest.experiment.fastest.ratioTo as Record<string, number>)) {
      const other = ranking.levels?.find((l) => l.value === variant.replace('runtime-', '')) as FindingLevel;
      expect(fused.mean / other.mean).toBeCloseTo(ratio, 9);
    }
    expect(ranking.test?.significant).toBe(true);
    expect(ranking.text).toContain('fused is best in 6 of 6 batch settings');
  });

  it('puts that result among the first findings a reviewer reads', () => {
    const position = report.findings.filter((f) => f.kind !== 'change').findIndex((f) => f.factor === 'runtime' && f.metric === 'tokens_per_second');
    expect(position).toBeGreaterThanOrEqual(0);
    expect(position).toBeLessThan(3);
  });

  it('summarises the 36-configuration sweep: best and worst configuration, and temperature changing nothing beyond the noise', () => {
    const truth = manifest.sweep.metrics.tokens_s;
    const sweep = finding((f) => f.kind === 'sweep' && f.metric === 'tokens_s' && f.scope.path === manifest.sweep.file, 'sweep of tokens_s');
    expect(sweep.sweep?.configurations).toBe(36);
    expect(sweep.sweep?.best.labels).toEqual(truth.best.config);
    expect(sweep.sweep?.best.mean).toBe(truth.best.value);
    expect(sweep.sweep?.worst.labels).toEqual(truth.worst.config);
    expect(sweep.sweep?.worst.mean).toBe(truth.worst.value);
    const effect = (factor: string) => sweep.sweep?.effects.find((e) => e.factor === factor);
    // The test is on the log scale, so each level is the geometric mean of its configurations.
    for (const factor of ['num_gpu', 'num_ctx', 'temperature']) {
      expect(effect(factor)?.geometric).toBe(true);
      expect(effect(factor)?.levels.map((l) => [l.value, l.n, Number(l.mean.toFixed(6))])).toEqual(
        truth.factors[factor].levels.map((l: { value: string; n: number; geometricMean: number }) => [l.value, l.n, Number(l.geometricMean.toFixed(6))]),
      );
    }
    expect([effect('num_gpu')?.test.significant, effect('num_ctx')?.test.significant, effect('temperature')?.test.significant]).toEqual([true, true, false]);
  });

  it('compares sibling files that differ by the model size in their names', () => {
    for (const group of manifest.siblings) {
      const files = group.members.map((m: { file: string }) => m.file);
      const ranking = finding((f) => f.kind === 'ranking' && f.metric === 'tokens_s' && f.levels?.length === files.length && f.series.every((id) => files.some((file: string) => id.startsWith(`${file}::`))), `ranking the siblings in ${group.dir}`);
      const truth = [...group.members].sort((a, b) => b.metrics.tokens_s.mean - a.metrics.tokens_s.mean);
      expect(ranking.levels?.map((l) => [l.n, round(l.mean)])).toEqual(truth.map((m: { metrics: { tokens_s: { n: number; mean: number } } }) => [m.metrics.tokens_s.n, round(m.metrics.tokens_s.mean)]));
    }
  });

  it('counts the prompts repeated across quantization tags as samples of each tag, whatever the prompt column is called', () => {
    for (const w of manifest.workloads) {
            const metric = Object.keys(w.metrics).find((m) => m.startsWith('tokens')) as string;
      const ranking = finding((f) => f.kind === 'ranking' && f.metric === metric && f.scope.path === w.file && f.factor === w.tagColumn, `ranking ${w.tagColumn} in ${w.file}`);
      const truth = [...w.metrics[metric]].sort((a: { mean: number }, b: { mean: number }) => b.mean - a.mean);
      expect(means(ranking.levels)).toEqual(truth.map((l: { value: string; n: number; mean: number }) => [l.value, l.n, round(l.mean)]));
    }
  });

  it('pools every planted replicate group into one series per metric', () => {
    const pooled = new Set(report.experiments.replicateGroups.map((g) => g.pattern.replace(/\{[^}]*\}/, '*')));
    for (const group of manifest.replicateGroups) expect(pooled).toContain(group.id);
  });

  it('leaves most series with more than one sample (the real repository had 98% single values)', () => {
    const single = report.series.filter((s) => s.stats.n === 1).length;
    expect(single / report.series.length).toBeLessThan(0.3);
  });

  it('reports every broken file as not parsed, with its reason, and still analyses the rest', () => {
    const byPath = new Map(report.inventory.files.map((f) => [f.path, f]));
    for (const broken of manifest.broken.filter((b: { path: string }) => !b.path.endsWith('.csv'))) {
      const entry = byPath.get(broken.path);
      expect(entry?.status, broken.path).not.toBe('parsed');
      expect(entry?.reason, broken.path).toBeTruthy();
    }
    expect(report.inventory.totals.parsed).toBeGreaterThan(300);
  });

  it('keeps the digest a digest: under 20,000 characters with at most ten key findings', () => {
    const digest = renderMarkdown(report, { depth: 'digest', links: { summaryUrl: 'https://github.com/o/r/actions/runs/1' } });
    expect(digest.length).toBeLessThan(20_000);
    expect(digest.match(/^\d+\. /gm)?.length).toBe(10);
  });
});

import { describe, expect, it } from 'vitest';
import { HIGH_CV_PERCENT, stabilityFindings } from '../../src/findings/stability.js';
import type { FileEntry } from '../../src/model/report.js';
import type { Series } from '../../src/model/series.js';
import { measured } from '../helpers/built-series.js';

function file(path: string, excludedRows = 0): FileEntry {
  return { path, type: 'csv', size: 100, status: 'parsed', document: false, adapter: 'csv', series: 1, rows: 5, excludedRows, problems: [], problemCount: 0 };
}

/** A series whose first sample the outlier test flagged (index 0), as the analysis marks it. */
function warmedUp(samples: number[], extra: Partial<Series> = {}): Series {
  return measured('r.csv', 'ttft_ms', samples, { unit: 'ms', direction: 'lower', outliers: [{ index: 0, value: samples[0] as number }], ...extra });
}

describe('stabilityFindings', () => {
  it(`names a series whose CV is ${HIGH_CV_PERCENT}% or more over three samples or more`, () => {
    // 10, 20, 30: mean 20, sd 10 → CV 50%
    const [f] = stabilityFindings([measured('r.csv', 'tps', [10, 20, 30], { labels: { model: 'a' } })], [file('r.csv')]);
    expect(f?.text).toBe('r.csv: 1 series scatters widely (tps (model=a) CV 50.0% over 3 samples).');
    expect(f?.stability?.items).toEqual([{ series: 'r.csv::tps{model=a}', name: 'tps (model=a)', cv: 50, note: 'CV 50.0% over 3 samples' }]);
    expect(f?.series).toEqual(['r.csv::tps{model=a}']);
    expect(f?.scope).toEqual({ path: 'r.csv', labels: {} });
  });

  it('says nothing about a steady series', () => {
    // 99, 100, 101: CV 1%
    expect(stabilityFindings([measured('r.csv', 'tps', [99, 100, 101])], [file('r.csv')])).toEqual([]);
  });

  it('says nothing about the spread of two samples, however large', () => {
    expect(stabilityFindings([measured('r.csv', 'tps', [10, 30])], [file('r.csv')])).toEqual([]);
  });

  it('ignores metrics with no better direction', () => {
    expect(stabilityFindings([measured('r.csv', 'prompt_tokens', [10, 20, 30], { direction: 'none' })], [file('r.csv')])).toEqual([]);
  });

  it('points at a first sample far from the median as a possible warm-up', () => {
    // 50 against a median of 10: 5.0×. CV of {50, 10, 10, 11, 9}: mean 18, sd 17.90 → 99.5%.
    const [f] = stabilityFindings([warmedUp([50, 10, 10, 11, 9])], [file('r.csv')]);
    expect(f?.text).toBe('r.csv: 1 series scatters widely (ttft_ms CV 99.5% over 5 samples); the first sample stands out in 1 series (ttft_ms: first sample 50 is 5.0× the median (10): warm-up?).');
  });

  it('marks the list of warm-ups as cut when it names one of several', () => {
    const a = warmedUp([1, 10, 10, 10.2, 9.8], { metric: 'tps', unit: 'tok/s', direction: 'higher', labels: { depth: '0' } });
    const b = warmedUp([2, 10, 10, 10.2, 9.8], { metric: 'tps', unit: 'tok/s', direction: 'higher', labels: { depth: '4096' } });
    const [f] = stabilityFindings([a, b], [file('r.csv')]);
    expect(f?.text).toContain('the first sample stands out in 2 series (tps (depth=0): first sample 1 against a median of 10: warm-up?; …).');
  });

  it('describes a first sample below the median against the median', () => {
    const [f] = stabilityFindings([warmedUp([1, 10, 10, 10.2, 9.8], { metric: 'tps', unit: 'tok/s', direction: 'higher' })], [file('r.csv')]);
    expect(f?.stability?.items.find((i) => i.note.startsWith('first'))?.note).toBe('first sample 1 against a median of 10: warm-up?');
  });

  it('names runs whose means disagree, from the pooled series of replicate runs', () => {
    // Run means 10, 10, 20: mean 13.33, sd 5.77 → CV 43.3%.
    const pooled = measured('e/run_1/s.json', 'tps', [9.9, 10.1, 9.9, 10.1, 19.9, 20.1], {
      id: 'e/run_<n>/s.json::tps',
      replicates: { pattern: 'e/run_{1..3}/s.json', files: ['e/run_1/s.json', 'e/run_2/s.json', 'e/run_3/s.json'], runMeans: [10, 10, 20] },
    });
    const [f] = stabilityFindings([pooled], []);
    expect(f?.text).toContain('run-to-run spread in 1 series (tps run means vary by CV 43.3% across 3 runs)');
    expect(f?.scope.path).toBe('e/run_<n>/s.json');
  });

  it('names runs whose means disagree, from rows of one table that name their run', () => {
    // Run means 10, 10, 20: mean 13.33, sd 5.77 → CV 43.3%.
    const series = measured('r.csv', 'tps', [9.9, 10.1, 9.9, 10.1, 19.9, 20.1], { runs: { column: 'run_id', means: [10, 10, 20], keys: ['r1', 'r2', 'r3'] } });
    const [f] = stabilityFindings([series], [file('r.csv')]);
    expect(f?.text).toContain('run-to-run spread in 1 series (tps run means vary by CV 43.3% across 3 runs (run_id))');
  });

  it('marks the list of runs that disagree as cut when it names three of four', () => {
    const runs = { column: 'run_id', means: [10, 10, 20], keys: ['r1', 'r2', 'r3'] };
    const series = ['a', 'b', 'c', 'd'].map((model) => measured('r.csv', 'tps', [9.9, 10.1, 9.9, 10.1, 19.9, 20.1], { labels: { model }, runs }));
    const [f] = stabilityFindings(series, [file('r.csv')]);
    expect(f?.text).toContain('run-to-run spread in 4 series (tps (model=a) run means vary by CV 43.3% across 3 runs (run_id); tps (model=b) run means vary by CV 43.3% across 3 runs (run_id); tps (model=c) run means vary by CV 43.3% across 3 runs (run_id); …)');
  });

  it('counts rows left out for an error column in a file the series come from', () => {
    const [f] = stabilityFindings([measured('r.csv', 'tps', [99, 100, 101])], [file('r.csv', 2)]);
    expect(f?.text).toBe('r.csv: 2 rows marked failed in an error or status column left out of every statistic.');
    expect(f?.stability).toEqual({ items: [], excludedRows: 2, excludedBy: 'error-column' });
  });

  it("says a tool's own failures (vLLM's failed requests) were left out, not rows of an error column the file does not have", () => {
    const [f] = stabilityFindings([measured('vllm.json', 'tps', [99, 100, 101])], [{ ...file('vllm.json', 30), type: 'json', adapter: 'vllm' }]);
    expect(f?.text).toBe('vllm.json: 30 results the tool marked failed left out of every statistic.');
    expect(f?.stability).toEqual({ items: [], excludedRows: 30, excludedBy: 'tool' });
  });

  it('counts the excluded rows of every run of a pooled series under its scope', () => {
    const pooled = measured('e/run_1/s.csv', 'tps', [99, 100, 101, 100], {
      id: 'e/run_<n>/s.csv::tps',
      replicates: { pattern: 'e/run_{1..2}/s.csv', files: ['e/run_1/s.csv', 'e/run_2/s.csv'], runMeans: [100, 100] },
    });
    const [f] = stabilityFindings([pooled], [file('e/run_1/s.csv', 1), file('e/run_2/s.csv', 3)]);
    expect(f?.text).toBe('e/run_<n>/s.csv: 4 rows marked failed in an error or status column left out of every statistic.');
  });

  it('ignores excluded rows of files none of the given series come from (older runs)', () => {
    expect(stabilityFindings([measured('runs/20251009-093015/t.csv', 'tps', [99, 100, 101])], [file('runs/20251002-151204/t.csv', 4)])).toEqual([]);
  });

  it('makes one finding per file, naming the three most scattered series and hinting at more', () => {
    const series = [30, 40, 50, 60].map((spread, i) => measured('r.csv', 'tps', [100 - spread, 100, 100 + spread], { labels: { model: `m${i}` } }));
    const findings = stabilityFindings(series, [file('r.csv')]);
    expect(findings).toHaveLength(1);
    // CV = spread %: 60, 50, 40 named, 30 behind the ellipsis.
    expect(findings[0]?.text).toBe('r.csv: 4 series scatter widely (tps (model=m3) CV 60.0% over 3 samples; tps (model=m2) CV 50.0% over 3 samples; tps (model=m1) CV 40.0% over 3 samples; …).');
  });

  it('names a series by its path factors as well as its labels', () => {
    const s = measured('e/runtime-a/s.json', 'tps', [10, 20, 30], { factors: { runtime: 'a' }, experiment: 'e/*/s.json' });
    const [f] = stabilityFindings([s], []);
    expect(f?.text).toBe('e/*/s.json: 1 series scatters widely (tps (runtime=a) CV 50.0% over 3 samples).');
  });
});

import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/model/comparison.js';
import { CHANGE_ROWS, KEY_FINDINGS, changeText, countsText, digestChanges, headline, keyFindings, shortSeriesName, shorten } from '../../src/report/digest.js';
import { benchmarkReport, comparisonOf, regression } from '../fakes/report.js';
import { finding } from '../helpers/findings.js';

describe('headline', () => {
  it('names the gated regressions', () => {
    const report = benchmarkReport({ comparison: comparisonOf([regression('r.csv', 'a'), regression('r.csv', 'b')]) });
    expect(headline(report)).toEqual({ kind: 'regression', icon: '❌', text: '2 gated metrics regressed' });
  });

  it('passes when nothing gated regressed', () => {
    const report = benchmarkReport({ comparison: comparisonOf([regression('r.csv', 'a', undefined, { gated: false })]) });
    expect(headline(report)).toEqual({ kind: 'pass', icon: '✅', text: 'no regression' });
  });

  it('warns, not passes, when the default gate selects none of the compared metrics (no throughput among them)', () => {
    const report = benchmarkReport({ comparison: comparisonOf([regression('r.csv', 'a', undefined, { gated: false, metric: 'ttft_ms', unit: 'ms', direction: 'lower' })]) });
    expect(headline(report)).toEqual({ kind: 'pass', icon: '⚠️', text: 'no gated metric' });
  });

  it('warns, not passes, when no series matched the baseline: the gate checked nothing', () => {
    const report = benchmarkReport({ comparison: comparisonOf([{ ...regression('r.csv', 'a'), verdict: 'new', change: null, base: null }]) });
    expect(headline(report)).toEqual({ kind: 'pass', icon: '⚠️', text: 'nothing compared' });
  });

  it('says when there was no baseline, or none was asked for', () => {
    expect(headline(benchmarkReport({ comparison: { verdict: 'no-baseline', attempts: [], series: [], settings: {} } })).kind).toBe('no-baseline');
    expect(headline(benchmarkReport())).toEqual({ kind: 'none', icon: '📊', text: 'benchmark report (no comparison asked)' });
  });

  it('says the baseline was unusable when it carries an error', () => {
    const report = benchmarkReport({ comparison: { ...comparisonOf([]), error: 'Baseline x.json: no such file' } });
    expect(headline(report)).toEqual({ kind: 'error', icon: '❌', text: 'baseline unusable' });
  });
});

describe('digestChanges', () => {
  const moved = (model: string, change: number, extra = {}) =>
    regression('r.csv', model, undefined, { change, verdict: change < 0 ? 'regressed' : 'improved', ...extra });

  it('lists regressions (gated first, worst first), then improvements (largest first)', () => {
    const { rows } = digestChanges(comparisonOf([moved('up-small', 0.1), moved('down-ungated', -0.5, { gated: false }), moved('down-small', -0.1), moved('up-large', 0.4), moved('down-large', -0.3)]));
    expect(rows.map((c) => c.labels.model)).toEqual(['down-large', 'down-small', 'down-ungated', 'up-large', 'up-small']);
  });

  it('leaves unchanged, new and missing series out of the rows but counts them', () => {
    const { rows, counts } = digestChanges(
      comparisonOf([moved('down', -0.2), regression('r.csv', 'same', undefined, { verdict: 'unchanged', change: 0 }), regression('r.csv', 'added', undefined, { verdict: 'new', change: null })]),
    );
    expect(rows.map((c) => c.labels.model)).toEqual(['down']);
    expect([...counts]).toEqual([
      ['regressed', 1],
      ['unchanged', 1],
      ['new', 1],
    ]);
  });

  it(`shows at most ${CHANGE_ROWS} rows and counts the rest`, () => {
    const many = Array.from({ length: CHANGE_ROWS + 3 }, (_, i) => moved(`m${i}`, -0.1 - i / 100));
    const { rows, hidden } = digestChanges(comparisonOf(many));
    expect(rows).toHaveLength(CHANGE_ROWS);
    expect(rows[0]?.labels.model).toBe(`m${CHANGE_ROWS + 2}`);
    expect(hidden).toBe(3);
  });
});

describe('countsText', () => {
  const counts = (entries: [Verdict, number][]) => new Map(entries);

  it('counts compared series by verdict, and new and missing ones apart', () => {
    expect(
      countsText(
        counts([
          ['regressed', 1],
          ['improved', 2],
          ['unchanged', 5],
          ['new', 2],
          ['missing', 1],
        ]),
      ),
    ).toBe('8 compared: 1 regressed, 2 improved, 5 unchanged; 2 new, 1 missing');
  });

  it('calls insufficient data "not judged" and leaves out verdicts with no series', () => {
    expect(
      countsText(
        counts([
          ['unchanged', 3],
          ['insufficient-data', 1],
        ]),
      ),
    ).toBe('4 compared: 3 unchanged, 1 not judged (too little data)');
  });

  it('says 0 compared when only new series exist', () => {
    expect(countsText(counts([['new', 4]]))).toBe('0 compared; 4 new');
  });
});

describe('changeText', () => {
  it('shows the change and its interval', () => {
    expect(changeText(regression('r.csv', 'a'))).toBe('−15.0% (−17.0% … −13.0%)');
  });

  it('shows the change alone without an interval, and a dash without a change', () => {
    expect(changeText(regression('r.csv', 'a', undefined, { interval: null }))).toBe('−15.0%');
    expect(changeText(regression('r.csv', 'a', undefined, { change: null }))).toBe('–');
  });
});

describe('keyFindings', () => {
  const at = (id: string, path: string, kind: 'ranking' | 'change' | 'stability' = 'ranking') => finding({ id, kind, scope: { path, labels: {} } });

  it('leaves changes to the changes table', () => {
    expect(keyFindings([at('f1', 'a.csv', 'change'), at('f2', 'a.csv')]).map((f) => f.id)).toEqual(['f2']);
  });

  it('takes at most two findings from one file while other files have some, keeping rank order', () => {
    const findings = [at('f1', 'a.csv'), at('f2', 'a.csv'), at('f3', 'a.csv'), at('f4', 'b.csv'), at('f5', 'c.csv')];
    expect(keyFindings(findings, 4).map((f) => f.id)).toEqual(['f1', 'f2', 'f4', 'f5']);
  });

  it('fills up from the same file rather than leave the digest short', () => {
    const findings = [at('f1', 'a.csv'), at('f2', 'a.csv'), at('f3', 'a.csv'), at('f4', 'b.csv')];
    expect(keyFindings(findings).map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'f4']);
  });

  it(`shows at most ${KEY_FINDINGS} findings`, () => {
    const findings = Array.from({ length: 15 }, (_, i) => at(`f${i + 1}`, `file${i}.csv`));
    expect(keyFindings(findings).map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10']);
  });
});

describe('shorten', () => {
  it('leaves a name that fits as it is', () => {
    expect(shorten('tokens_s', 8)).toBe('tokens_s');
  });

  it('keeps the start and the end of a long name around an ellipsis, within the limit', () => {
    expect(shorten('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdef…xyz');
    expect(shorten('abcd', 3)).toBe('ab…');
    expect(shorten('abcdef', 1)).toBe('…');
  });
});

describe('shortSeriesName', () => {
  it('keeps a short metric and its label values as they are', () => {
    expect(shortSeriesName({ metric: 'tokens_s', labels: { model: 'llama3', gpu: 'h100' } })).toEqual({ metric: 'tokens_s', labels: 'llama3 · h100', cut: false });
  });

  it('cuts a long metric and long label values to fit a narrow cell, and says so', () => {
    const short = shortSeriesName({ metric: 'backends.compiled_with_inductor.benchmark.mean_time_ms', labels: { model: 'meta-llama/Llama-3.1-8B-Instruct-q4_K_M', gpu: 'h100' } });
    expect(short).toEqual({ metric: 'backends.compiled_w…mean_time_ms', labels: 'meta-llama/L…-q4_K_M · h100', cut: true });
    expect(short.metric.length).toBeLessThanOrEqual(32);
  });

  it('leaves whole label values out, with one … at the end, rather than cutting through the joined line a second time', () => {
    const labels = { filename: '/dev/nvme8n4', rw: 'randwrite', bs: '4096', iodepth: '32', op: 'write', job: 'Execute_ParsedScript_benchmark' };
    expect(shortSeriesName({ metric: 'iops', labels })).toEqual({ metric: 'iops', labels: '/dev/nvme8n4 · randwrite · …', cut: true });
  });

  it('keeps first the labels that tell the rows of the table apart', () => {
    const labels = { filename: '/dev/nvme8n4', rw: 'randwrite', bs: '4096', iodepth: '32', op: 'write' };
    expect(shortSeriesName({ metric: 'iops', labels }, 32, new Set(['iodepth']))).toEqual({ metric: 'iops', labels: '/dev/nvme8n4 · 32 · …', cut: true });
  });

  it('has empty labels for a series without any', () => {
    expect(shortSeriesName({ metric: 'tps', labels: {} })).toEqual({ metric: 'tps', labels: '', cut: false });
  });
});

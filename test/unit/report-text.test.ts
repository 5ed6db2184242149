import { describe, expect, it } from 'vitest';
import { renderText, wrap } from '../../src/report/text.js';
import { benchmarkReport, comparisonOf, regression } from '../fakes/report.js';
import { finding } from '../helpers/findings.js';

/** Control characters other than the newline: what must never reach a terminal from a repository file. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('wrap', () => {
  it('folds words at the width and indents the continuation lines', () => {
    expect(wrap('aaa bbb ccc ddd', 7, '  ')).toBe('aaa bbb\n  ccc\n  ddd');
  });

  it('puts a word longer than the width on a line of its own, whole', () => {
    expect(wrap(`short ${'x'.repeat(30)} end`, 10, '  ')).toBe(`short\n  ${'x'.repeat(30)}\n  end`);
  });

  it('keeps a list number with its first word, however long', () => {
    expect(wrap(`${'x'.repeat(30)} end`, 10, '     ', '  1. ')).toBe(`  1. ${'x'.repeat(30)}\n     end`);
  });

  it('starts the first line with the given prefix', () => {
    expect(wrap('a b', 10, '    ', '  1. ')).toBe('  1. a b');
  });

  it('turns control characters into spaces so no escape sequence reaches the terminal', () => {
    const out = wrap('a\u001b[31mred\u0007 b\nc\u2028d', 40, '');
    expect(out).toBe('a [31mred b c d');
    expect(out).not.toMatch(CONTROL);
  });

  it('collapses runs of spaces and leaves no space at either end', () => {
    expect(wrap('  leading  double  spaces ', 40, '')).toBe('leading double spaces');
  });

  it('never exceeds the width when every word fits', () => {
    const text = 'tokens_s by model over batch_size: llama3 is best in 4 of 4 batch_size settings, 1.12–1.31× the lowest there';
    for (const line of wrap(text, 30, '    ', '  1. ').split('\n')) expect(line.length).toBeLessThanOrEqual(30);
  });
});

describe('renderText', () => {
  it('leads with the verdict, then the changes, then the key findings', () => {
    const report = benchmarkReport({ comparison: comparisonOf([regression('bench/x.csv', 'llama3')]) });
    report.findings = [finding()];
    const text = renderText(report);
    expect(text.split('\n').slice(0, 8)).toEqual([
      'Chimera Insight: 1 gated metric regressed',
      '❌ Regression: 1 gated metric regressed against cache key chimera-insight-main-aaaa.',
      '',
      'Changes',
      '  Metric             Baseline  Current   Change (interval)         Verdict',
      '  tokens_s · llama3  80 tok/s  68 tok/s  −15.0% (−17.0% … −13.0%)  regressed (5%)',
      '  1 compared: 1 regressed.',
      '',
    ]);
    expect(text).toContain('Key findings\n  1. tps by model: a leads at 20 tok/s, 2.00× the lowest, b (10 tok/s); not tested against noise\n     (one value per level).\n     (ranking · r.csv)\n');
  });

  it('says nothing is compared when no baseline was asked for', () => {
    expect(renderText(benchmarkReport()).split('\n').slice(0, 2)).toEqual([
      'Chimera Insight: benchmark report (no comparison asked)',
      'No baseline was asked for (baseline: none): nothing is compared and nothing can fail.',
    ]);
  });

  it('counts the findings the digest leaves out', () => {
    const report = benchmarkReport();
    report.findings = Array.from({ length: 13 }, (_, i) => finding({ id: `f${i + 1}`, scope: { path: `f${i}.csv`, labels: {} } }));
    expect(renderText(report)).toContain('\n  …3 more findings in the full report.\n');
  });

  it('removes control characters from hostile names in findings, changes and units', () => {
    const report = benchmarkReport({ comparison: comparisonOf([regression('bench/x.csv', 'evil\u001b[2J', undefined, { unit: 'tok/s\u001b]0;pwned\u0007' })]) });
    report.findings = [finding({ text: 'tps by model: \u001b[31mevil\u001b[0m leads.', scope: { path: 'r\u0007.csv', labels: {} } })];
    const text = renderText(report);
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('  1. tps by model: [31mevil [0m leads.\n     (ranking · r .csv)');
    expect(text).toContain('tokens_s · evil [2J');
  });
});

describe('the narrative on a terminal', () => {
  it('shows the verdict sentence and the claims as code wrote them, the model’s words after a dash, and what the checks dropped', () => {
    const report = benchmarkReport();
    report.narrative = {
      status: 'generated',
      run: 1,
      verdict: 'The gate passes: 8 series compared, no gated metric regressed past its threshold.',
      claims: [
        { facts: ['F1'], relation: 'passes', statement: 'The gate passes', check: 'verdict pass', interpretation: 'Nothing to chase in this run.' },
        { facts: ['F2'], relation: 'best', subject: 'graphs', statement: 'graphs leads tokens_per_second by runtime at 311.91 tok/s (n=10), 1.59× eager (196.72 tok/s); beyond the noise (p<0.001)', check: 'c' },
      ],
      recommendations: [{ text: 'Serve with the graphs runtime.', facts: ['F2'] }],
      risks: [{ risk: 'Answer quality is not measured.', mitigation: 'Add an evaluation set.', facts: [] }],
      dropped: [{ item: 'recommendation', index: 2, reason: 'digits', detail: 'in its text' }],
      dropCounts: { digits: 1 },
    };
    expect(renderText(report)).toContain(
      [
        "Narrative (claims chosen, written and checked by code; the model's words after a dash)",
        '  The gate passes: 8 series compared, no gated metric regressed past its threshold. — Nothing to',
        '  chase in this run.',
        '  - graphs leads tokens_per_second by runtime at 311.91 tok/s (n=10), 1.59× eager (196.72 tok/s);',
        '    beyond the noise (p<0.001).',
        '  Recommendations',
        '    1. Serve with the graphs runtime.',
        '  Risks',
        '    - Answer quality is not measured. Mitigation: Add an evaluation set.',
        '  Checks: 1 item dropped: 1 recommendation (a digit (numbers are written from the facts)) (details',
        '    in --format md or json).',
      ].join('\n'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { SweepDetail } from '../../src/model/finding.js';
import { findingEvidence, findingItem, findingSource } from '../../src/report/findings.js';
import { finding, level } from '../helpers/findings.js';

/** A name a repository file could give a model: table-breaking, HTML, a mention, an issue ref, a terminal escape. */
const HOSTILE = 'evil|<img src=x onerror=alert(1)>**bold** @octocat #12 `code`\u001b[31m';
const HOSTILE_ESCAPED = 'evil\\|&lt;img src=x onerror=alert(1)&gt;\\*\\*bold\\*\\* @\u200boctocat #\u200b12 \\`code\\` \\[31m';

describe('findingItem', () => {
  it('numbers the sentence, sets its metric in code, and names the kind, source and id under it', () => {
    const md = findingItem(finding(), 1);
    expect(md.split('\n').slice(0, 2)).toEqual([
      '1. `tps` by model: a leads at 20 tok/s, 2.00× the lowest, b (10 tok/s); not tested against noise (one value per level).',
      '   <sub>ranking · `r.csv` · f1</sub>',
    ]);
  });

  it('indents the collapsed numbers to the item so GitHub keeps them in the list', () => {
    const lines = findingItem(finding(), 12).split('\n');
    expect(lines.slice(2, 5)).toEqual(['', '    <details><summary>Numbers</summary>', '']);
    expect(lines.at(-1)).toBe('    </details>');
    expect(lines.filter((l) => l !== '').every((l, i) => i === 0 || l.startsWith('    '))).toBe(true);
  });

  it('escapes a hostile level name in the sentence and in the table', () => {
    const md = findingItem(finding({ text: `tps by model: ${HOSTILE} leads at 20 tok/s.`, levels: [level(HOSTILE, 20), level('b', 10)] }), 3);
    expect(md).toContain(`3. \`tps\` by model: ${HOSTILE_ESCAPED} leads at 20 tok/s.`);
    expect(md).toContain(`| ${HOSTILE_ESCAPED} | 20 tok/s | 1 | best |`);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('\u001b');
    expect(md).not.toMatch(/@octocat|#12/);
  });

  it('escapes a hostile metric name instead of setting it in code', () => {
    const md = findingItem(finding({ metric: 'a|b`c', text: 'a|b`c by model: a leads.' }), 1);
    expect(md.split('\n')[0]).toBe('1. a\\|b\\`c by model: a leads.');
  });

  it('escapes the source path and the labels the findings share', () => {
    expect(findingSource(finding({ scope: { path: 'r/`x`|y.csv', labels: { gpu: '<b>h100</b>' } } }))).toBe('r/\\`x\\`\\|y.csv (gpu=&lt;b&gt;h100&lt;/b&gt;)');
  });

  it('puts a change finding on its own, with no numbers under it', () => {
    const md = findingItem(finding({ kind: 'change', text: 'tps fell 15.0%.' }), 1);
    expect(md).toBe('1. `tps` fell 15.0%.\n   <sub>change · `r.csv` · f1</sub>');
  });
});

describe('findingEvidence: rankings', () => {
  it('tabulates each level with mean ± sd, n and its ratio to the best', () => {
    const f = finding({ levels: [level('compiled', 495.48, 4.5, 5), level('eager', 201, 2, 5), level('q?', 100, null, null)] });
    expect(findingEvidence(f)).toBe(
      ['| model | Mean ± sd | n | vs best |', '| --- | --- | --- | --- |', '| compiled | 495.48 ± 4.50 tok/s | 5 | best |', '| eager | 201 ± 2 tok/s | 5 | 0.41× |', '| q? | 100 tok/s | ? | 0.20× |'].join('\n'),
    );
  });

  it('shows the best five and the worst two of a long ranking with a row counting the rest', () => {
    const f = finding({ levels: Array.from({ length: 10 }, (_, i) => level(`m${i}`, 100 - i, 1, 3)) });
    const rows = (findingEvidence(f) ?? '').split('\n').filter((l) => l.startsWith('| '));
    expect(rows.slice(2).map((r) => r.split(' | ')[0])).toEqual(['| m0', '| m1', '| m2', '| m3', '| m4', '| …', '| m8', '| m9']);
    expect(rows[7]).toBe('| … | 3 more |  |  |');
  });

  it('draws a bar chart of a ranking with six levels or more', () => {
    const f = finding({ levels: Array.from({ length: 6 }, (_, i) => level(`m${i}`, 60 - 10 * i)) });
    expect(findingEvidence(f)).toContain(['```mermaid', 'xychart-beta horizontal', '  title "tps by model"', '  x-axis ["m0", "m1", "m2", "m3", "m4", "m5"]', '  y-axis "tok/s" 0 --> 69', '  bar [60, 50, 40, 30, 20, 10]', '```'].join('\n'));
  });

  it('draws no chart for five levels', () => {
    expect(findingEvidence(finding({ levels: Array.from({ length: 5 }, (_, i) => level(`m${i}`, 5 - i)) }))).not.toContain('mermaid');
  });

  it('charts the best nine and the worst three of a ranking of more than twelve levels and says so', () => {
    const f = finding({ levels: Array.from({ length: 20 }, (_, i) => level(`m${i}`, 200 - i)) });
    const chart = findingEvidence(f) ?? '';
    expect(chart).toContain('  title "tps by model, 12 of 20"');
    expect(chart).toContain('  x-axis ["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m17", "m18", "m19"]');
  });

  it('tabulates the levels per setting of the other conditions, the best of each setting in bold', () => {
    const f = finding({
      levels: [level('a', 250, null, 6), level('b', 125, null, 6)],
      slices: [
        { setting: 'batch_size=1', values: [{ level: 'a', mean: 100, n: 3 }, { level: 'b', mean: 50, n: 3 }] },
        { setting: 'batch_size=8', values: [{ level: 'b', mean: 420, n: 3 }, { level: 'a', mean: 400, n: 3 }] },
      ],
    });
    expect(findingEvidence(f)).toBe(
      ['| model | batch\\_size=1 | batch\\_size=8 |', '| --- | --- | --- |', '| a | **100** | 400 |', '| b | 50 | **420** |', '', 'Mean tok/s per setting; the best in each column in bold.'].join('\n'),
    );
  });
});

describe('findingEvidence: sweeps and stability', () => {
  const sweep: SweepDetail = {
    factors: ['num_gpu', 'num_ctx'],
    configurations: 4,
    runsPerConfiguration: 1,
    best: { ...level('num_gpu=2, num_ctx=2048', 101), labels: { num_gpu: '2', num_ctx: '2048' } },
    worst: { ...level('num_gpu=1, num_ctx=4096', 49), labels: { num_gpu: '1', num_ctx: '4096' } },
    effects: [
      { factor: 'num_gpu', levels: [level('1', 50, null, 2), level('2', 100, null, 2)], spread: 0.667, test: { method: 'anova', p: 0.0004, significant: true } },
      { factor: 'num_ctx', levels: [level('2048', 75.5, null, 2), level('4096', 74.5, null, 2)], spread: 0.0133, test: { method: 'none', p: null, significant: null } },
    ],
    withinNoise: false,
  };

  it('tabulates each factor with its level means, spread and p, and names the best and worst configuration', () => {
    expect(findingEvidence(finding({ kind: 'sweep', sweep }))).toBe(
      [
        '| Factor | Mean (tok/s) per level | Spread | p |',
        '| --- | --- | --- | --- |',
        '| num\\_gpu | 1: 50 · 2: 100 | 66.7% | <0.001 |',
        '| num\\_ctx | 2048: 75.50 · 4096: 74.50 | 1.3% | – |',
        '',
        'Best: num\\_gpu=2, num\\_ctx=2048 → 101 tok/s; worst: num\\_gpu=1, num\\_ctx=4096 → 49 tok/s.',
      ].join('\n'),
    );
  });

  it('heads the level means "Geometric mean" when the sweep quotes geometric means', () => {
    const geometric = { ...sweep, effects: sweep.effects.map((e) => ({ ...e, geometric: true as const })) };
    expect(findingEvidence(finding({ kind: 'sweep', sweep: geometric }))?.split('\n')[0]).toBe('| Factor | Geometric mean (tok/s) per level | Spread | p |');
  });

  it('lists the unstable series with their notes and the rows left out', () => {
    const f = finding({ kind: 'stability', stability: { items: [{ series: 's', name: 'tps (model=<a>)', cv: 50, note: 'CV 50.0% over 3 samples' }], excludedRows: 2 } });
    expect(findingEvidence(f)).toBe('- tps (model=&lt;a&gt;): CV 50.0% over 3 samples\n- 2 rows marked failed in an error or status column left out');
  });
});

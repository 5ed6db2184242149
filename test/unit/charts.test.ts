import { describe, expect, it } from 'vitest';
import { CHART_BARS, barChart, chartLabel } from '../../src/report/charts.js';

describe('chartLabel', () => {
  it('keeps plain names as they are', () => {
    expect(chartLabel('llama3.1-8b q4_K_M')).toBe('llama3.1-8b q4_K_M');
    expect(chartLabel('num_gpu=2, ctx')).toBe('num_gpu=2_ ctx');
  });

  it('replaces every character Mermaid could read as syntax', () => {
    expect(chartLabel('a"]; click x "b')).toBe('a_ click x _b');
    expect(chartLabel('<script>`x`{y}[z]')).toBe('_script_x_y_z_');
  });

  it('cuts a long name in the middle to 30 characters', () => {
    // Cut in the middle to 30 characters (18 before the ellipsis, 11 after), so names of one family stay apart.
    expect(chartLabel('meta-llama/Llama-3.1-70B-Instruct-FP8')).toBe('meta-llama/Llama-3…nstruct-FP8');
    expect(chartLabel('x'.repeat(30))).toBe('x'.repeat(30));
  });

  it('collapses spaces, replaces line breaks and never returns an empty label', () => {
    expect(chartLabel('  a   b  ')).toBe('a b');
    expect(chartLabel('a\nb')).toBe('a_b');
    expect(chartLabel('')).toBe('_');
  });
});

describe('barChart', () => {
  it('writes a Mermaid xychart with a y axis from 0 for absolute values', () => {
    const chart = barChart({ title: 'tps by model', yAxis: 'tok/s', bars: [{ label: 'a', value: 60 }, { label: 'b', value: 10 }], fromZero: true });
    // Top: 60 + 15% of the 0…60 range = 69.
    expect(chart).toBe(['```mermaid', 'xychart-beta', '  title "tps by model"', '  x-axis ["a", "b"]', '  y-axis "tok/s" 0 --> 69', '  bar [60, 10]', '```'].join('\n'));
  });

  it('fits the axis to the data with 15% of the range around it, so the lowest bar still shows', () => {
    // Range 90…110 = 20: 3 below and above → 87 … 113.
    const chart = barChart({ title: 't', yAxis: 'y', bars: [{ label: 'a', value: 90 }, { label: 'b', value: 110 }] });
    expect(chart).toContain('  y-axis "y" 87 --> 113');
  });

  it('keeps decimals on an axis narrower than 5', () => {
    // 2 … 4: pad 0.3 → 1.7 … 4.3.
    const chart = barChart({ title: 't', yAxis: 'y', bars: [{ label: 'a', value: 2 }, { label: 'b', value: 4 }] });
    expect(chart).toContain('  y-axis "y" 1.7 --> 4.3');
  });

  it('gives equal bars an axis around their value', () => {
    expect(barChart({ title: 't', yAxis: 'y', bars: [{ label: 'a', value: 10 }, { label: 'b', value: 10 }] })).toContain('  y-axis "y" 9.5 --> 10.5');
  });

  it('lays more than four bars on their side, so every label keeps its own line', () => {
    const bars = Array.from({ length: 5 }, (_, i) => ({ label: `model-${i}`, value: 10 + i }));
    expect(barChart({ title: 't', yAxis: 'y', bars }).split('\n')[1]).toBe('xychart-beta horizontal');
    expect(barChart({ title: 't', yAxis: 'y', bars: bars.slice(0, 4) }).split('\n')[1]).toBe('xychart-beta');
  });

  it('rounds values to what a bar can show: one decimal from 100, two from 1, four below', () => {
    const chart = barChart({ title: 't', yAxis: 'y', bars: [{ label: 'a', value: 495.4833 }, { label: 'b', value: 3.14159 }, { label: 'c', value: 0.000123456 }], fromZero: true });
    expect(chart).toContain('  bar [495.5, 3.14, 0.0001]');
  });

  it(`draws at most ${CHART_BARS} bars`, () => {
    const bars = Array.from({ length: 15 }, (_, i) => ({ label: `m${i}`, value: i + 1 }));
    const chart = barChart({ title: 't', yAxis: 'y', bars, fromZero: true });
    expect(chart).toContain(`  bar [${Array.from({ length: CHART_BARS }, (_, i) => i + 1).join(', ')}]`);
    expect(chart).not.toContain('m12');
  });

  it('draws extra lines over the bars, cut to the bars shown', () => {
    const chart = barChart({ title: 't', yAxis: '% of baseline', bars: [{ label: 'a', value: 95 }, { label: 'b', value: 110 }], lines: [[100, 100, 100]] });
    expect(chart).toContain('  bar [95, 110]\n  line [100, 100]\n```');
  });

  it('keeps quotes, brackets and backslashes out of the title and axis name', () => {
    const chart = barChart({ title: 'tps "by" [model] {x} <y> `z` \\', yAxis: 'tok/s"]', bars: [{ label: 'a', value: 1 }] });
    expect(chart).toContain('  title "tps by model x y z"');
    expect(chart).toContain('  y-axis "tok/s" ');
  });
});

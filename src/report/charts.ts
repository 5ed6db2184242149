import { shorten } from './digest.js';

/** Longest axis label; longer ones are cut with an ellipsis. */
const CHART_LABEL_CHARS = 30;
/** Bars a chart shows at most: more would be unreadable at the comment's width. */
export const CHART_BARS = 12;

/**
 * Mermaid text cannot be escaped: keep a conservative character set, and cut
 * long names in the middle, where names of one family differ least.
 */
export function chartLabel(text: string, max = CHART_LABEL_CHARS): string {
  const clean = text.replace(/[^A-Za-z0-9 _.\-/=:()%+]+/g, '_').replace(/\s+/g, ' ').trim();
  return shorten(clean, max) || '_';
}

/** Titles go inside double quotes: no quote, bracket or backslash may reach the diagram. */
function chartTitle(text: string): string {
  return text.replace(/["\\[\]{}<>`]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
}

function round(value: number): number {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 2 : 4;
  return Number(value.toFixed(digits));
}

export interface BarChart {
  title: string;
  yAxis: string;
  bars: { label: string; value: number }[];
  /** Extra lines drawn over the bars (a baseline at 100, thresholds), one value per bar. */
  lines?: number[][];
  /** Start the y axis at 0 (absolute values) instead of fitting the data. */
  fromZero?: boolean;
}

/** Bars up to this many stand upright; more lie down, so every label keeps its own line. */
const UPRIGHT_BARS = 4;

/** A Mermaid `xychart-beta` bar chart in a fenced block; at most CHART_BARS bars (the caller chooses which). */
export function barChart(chart: BarChart): string {
  const bars = chart.bars.slice(0, CHART_BARS);
  const values = bars.map((b) => round(b.value));
  const lines = (chart.lines ?? []).map((l) => l.slice(0, bars.length).map(round));
  const all = [...values, ...lines.flat()];
  const lo = chart.fromZero ? Math.min(0, ...all) : Math.min(...all);
  const hi = Math.max(...all);
  // Room below the lowest bar, so a bar at the bottom of the range still shows.
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.05 || 1;
  // Whole numbers read better on an axis once the range allows them.
  const whole = hi - lo >= 5;
  const low = chart.fromZero ? lo : whole ? Math.floor(lo - pad) : round(lo - pad);
  const high = whole ? Math.ceil(hi + pad) : round(hi + pad);
  const out = [
    '```mermaid',
    bars.length > UPRIGHT_BARS ? 'xychart-beta horizontal' : 'xychart-beta',
    `  title "${chartTitle(chart.title)}"`,
    `  x-axis [${bars.map((b) => `"${chartLabel(b.label)}"`).join(', ')}]`,
    `  y-axis "${chartTitle(chart.yAxis)}" ${low} --> ${high}`,
    `  bar [${values.join(', ')}]`,
    ...lines.map((l) => `  line [${l.join(', ')}]`),
    '```',
  ];
  return out.join('\n');
}

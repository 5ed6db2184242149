import type { Finding, FindingLevel } from '../model/finding.js';
import { excludedRowsText } from '../util/excluded-rows.js';
import { formatNumber, formatP } from '../util/numbers.js';
import { barChart } from './charts.js';
import { code, details, escapeMarkdown, table } from './format.js';
import { centerNote } from '../util/text.js';

/** Rows of a finding's table in the comment: a handful, the rest are in report.json. */
const TABLE_ROWS = 8;
/** A ranking of more levels than this reads better as a chart. */
const CHART_FROM_LEVELS = 6;

const KIND_TITLE: Record<Finding['kind'], string> = { ranking: 'ranking', sweep: 'sweep', change: 'change', stability: 'stability' };

function withUnit(value: number, unit: string): string {
  return `${formatNumber(value)}${unit ? ` ${escapeMarkdown(unit)}` : ''}`;
}

function meanSd(l: Pick<FindingLevel, 'mean' | 'sd' | 'n' | 'center'>, unit: string): string {
  const sd = l.sd !== null && l.n !== null && l.n > 1 ? ` ± ${formatNumber(l.sd)}` : '';
  return `${formatNumber(l.mean)}${sd}${unit ? ` ${escapeMarkdown(unit)}` : ''}${centerNote(l.center)}`;
}

/** Levels to show: all when few, else the best ones and the worst ones with a gap row. */
function shownLevels<T>(levels: readonly T[]): (T | undefined)[] {
  if (levels.length <= TABLE_ROWS) return [...levels];
  const head = levels.slice(0, TABLE_ROWS - 3);
  return [...head, undefined, ...levels.slice(-2)];
}

function relativeToBest(l: FindingLevel, best: FindingLevel): string {
  if (l === best || best.mean === 0) return 'best';
  return `${(l.mean / best.mean).toFixed(2)}×`;
}

function levelTable(f: Finding): string {
  const levels = f.levels ?? [];
  const best = levels[0] as FindingLevel;
  const rows = shownLevels(levels).map((l) =>
    l ? [escapeMarkdown(l.value), meanSd(l, f.unit), l.n === null ? '?' : String(l.n), relativeToBest(l, best)] : ['…', `${levels.length - TABLE_ROWS + 1} more`, '', ''],
  );
  return table([escapeMarkdown(f.factor ?? 'level'), 'Mean ± sd', 'n', 'vs best'], rows);
}

/** Characters of header text a finding's table may have before it no longer fits the comment's column. */
const HEADER_CHARS = 90;

/**
 * The factor's levels within each setting of the others: rows are levels,
 * columns settings (at most six, the unit in the caption so cells stay narrow).
 * Long setting names (a merge's hardware ids) turn it round when that is
 * narrower: rows are settings, columns levels; too wide either way, the levels alone are shown.
 */
function sliceTable(f: Finding): string | undefined {
  const slices = f.slices ?? [];
  if (slices.length < 2 || slices.length > 6) return undefined;
  const levels = (f.levels ?? []).map((l) => l.value);
  const shown = levels.slice(0, TABLE_ROWS);
  const sum = (names: string[]) => names.reduce((n, s) => n + s.length, 0);
  const longest = (names: string[]) => Math.max(0, ...names.map((s) => s.length));
  const settings = slices.map((s) => s.setting);
  // Roughly the characters of one row: the first column's longest name and every other column's header.
  const upright = longest(shown) + sum(settings);
  const turnedWidth = longest(settings) + sum(shown);
  if (upright > HEADER_CHARS) {
    if (shown.length > 6 || turnedWidth > Math.min(upright, HEADER_CHARS)) return undefined;
    const turned = slices.map((s) => [
      escapeMarkdown(s.setting),
      ...shown.map((level) => {
        const v = s.values.find((x) => x.level === level);
        return v ? (s.values[0]?.level === level ? `**${formatNumber(v.mean)}**` : formatNumber(v.mean)) : '–';
      }),
    ]);
    const caption = `Mean${f.unit ? ` ${escapeMarkdown(f.unit)}` : ''} of each ${escapeMarkdown(f.factor ?? 'level')} per setting; the best in each row in bold.`;
    return `${table(['Setting', ...shown.map((l) => escapeMarkdown(l))], turned)}\n\n${caption}`;
  }
  const rows = shown.map((level) => [
    escapeMarkdown(level),
    ...slices.map((s) => {
      const v = s.values.find((x) => x.level === level);
      const best = s.values[0]?.level === level;
      return v ? (best ? `**${formatNumber(v.mean)}**` : formatNumber(v.mean)) : '–';
    }),
  ]);
  const caption = `Mean${f.unit ? ` ${escapeMarkdown(f.unit)}` : ''} per setting; the best in each column in bold.`;
  return `${table([escapeMarkdown(f.factor ?? 'level'), ...slices.map((s) => escapeMarkdown(s.setting))], rows)}\n\n${caption}`;
}

function sweepTable(f: Finding): string {
  const sweep = f.sweep;
  if (!sweep) return '';
  const rows = sweep.effects.map((e) => [
    escapeMarkdown(e.factor),
    e.levels.map((l) => `${escapeMarkdown(l.value)}: ${formatNumber(l.mean)}`).join(' · '),
    `${(e.spread * 100).toFixed(1)}%`,
    e.test.p === null ? '–' : formatP(e.test.p),
  ]);
  const best = `Best: ${escapeMarkdown(sweep.best.value)} → ${withUnit(sweep.best.mean, f.unit)}; worst: ${escapeMarkdown(sweep.worst.value)} → ${withUnit(sweep.worst.mean, f.unit)}.`;
  // The sentence quotes geometric means when the test is on the log scale: the table holds the same numbers.
  const mean = sweep.effects.length > 0 && sweep.effects.every((e) => e.geometric) ? 'Geometric mean' : 'Mean';
  return `${table(['Factor', `${mean} ${f.unit ? `(${escapeMarkdown(f.unit)}) ` : ''}per level`, 'Spread', 'p'], rows)}\n\n${best}`;
}

function rankingChart(f: Finding): string | undefined {
  const levels = f.levels ?? [];
  if (levels.length < CHART_FROM_LEVELS) return undefined;
  const shown = levels.length > 12 ? [...levels.slice(0, 9), ...levels.slice(-3)] : levels;
  return barChart({
    title: `${f.metric} by ${f.factor ?? 'level'}${levels.length > shown.length ? `, 12 of ${levels.length}` : ''}`,
    yAxis: f.unit || f.metric,
    bars: shown.map((l) => ({ label: l.value, value: l.mean })),
    fromZero: true,
  });
}

function stabilityList(f: Finding): string {
  const items = f.stability?.items ?? [];
  const lines = items.slice(0, TABLE_ROWS).map((i) => `- ${escapeMarkdown(i.name)}: ${escapeMarkdown(i.note)}`);
  if (f.stability?.excludedRows) lines.push(`- ${excludedRowsText(f.stability.excludedRows, f.stability.excludedBy ?? 'error-column')} left out`);
  return lines.join('\n');
}

/** The evidence under a finding's sentence: a small table or chart, or nothing. */
export function findingEvidence(f: Finding): string | undefined {
  switch (f.kind) {
    case 'ranking': {
      const body = [sliceTable(f) ?? levelTable(f), rankingChart(f)].filter(Boolean).join('\n\n');
      return body;
    }
    case 'sweep':
      return sweepTable(f);
    case 'stability':
      return stabilityList(f);
    case 'change':
      return undefined;
  }
}

/** Where a finding's numbers come from, short enough for one line. */
export function findingSource(f: Finding): string {
  const labels = Object.entries(f.scope.labels);
  return `${code(f.scope.path)}${labels.length > 0 ? ` (${labels.map(([k, v]) => `${escapeMarkdown(k)}=${escapeMarkdown(v)}`).join(', ')})` : ''}`;
}

/** The finding's sentence, its metric set in code where the sentence starts with it. */
function sentence(f: Finding): string {
  return f.metric !== '' && f.text.startsWith(`${f.metric} `) ? `${code(f.metric)}${escapeMarkdown(f.text.slice(f.metric.length))}` : escapeMarkdown(f.text);
}

/** One numbered finding: its sentence, where it comes from, and its evidence collapsed under it. */
export function findingItem(f: Finding, index: number): string {
  // Continuation lines are indented to the item's text, or GitHub ends the list item there.
  const indent = ' '.repeat(`${index}. `.length);
  const lines = [`${index}. ${sentence(f)}`, `${indent}<sub>${KIND_TITLE[f.kind]} · ${findingSource(f)} · ${f.id}</sub>`];
  const evidence = findingEvidence(f);
  if (evidence) {
    const body = details('Numbers', evidence);
    lines.push('', ...body.split('\n').map((l) => (l === '' ? '' : `${indent}${l}`)));
  }
  return lines.join('\n');
}

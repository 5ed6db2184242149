import type { Finding } from '../model/finding.js';
import type { Report } from '../model/report.js';
import { formatNumber } from '../util/numbers.js';
import { plural } from '../util/text.js';
import { describeDrops } from '../llm/verify.js';
import { pct } from './calibration.js';
import { baselineSentence } from './comparison.js';
import { machines } from './hardware.js';
import { hardwareText } from '../hardware/detect.js';
import { changeText, countsText, digestChanges, headline, keyFindings, otherHardwareText, rowNames, sideValue, thresholdText, verdictWord } from './digest.js';

/** Terminal width the digest wraps at; narrower terminals still read it, lines just fold. */
const WIDTH = 100;

/**
 * Repository text on a terminal: control characters (escape sequences that
 * could move the cursor or recolour the screen) become spaces, direction
 * overrides a visible mark.
 */
function plain(text: string): string {
  // Direction overrides would show the rest of the line reversed: a mark shows where one was.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\p{Bidi_Control}/gu, '\uFFFD');
}

/** Words folded to `width`, every line after the first indented by `indent`. */
export function wrap(text: string, width: number, indent: string, first = ''): string {
  const words = plain(text)
    .split(/ +/)
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = first;
  // A line holding only its prefix (`  1. `) takes the next word however long, or the number stands alone.
  let bare = true;
  for (const word of words) {
    const candidate = line.trim() === '' || line.endsWith(' ') ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length > width && !bare) {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = candidate;
    bare = false;
  }
  lines.push(line);
  return lines.join('\n');
}

function columns(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  ')}`.trimEnd()).join('\n');
}

function changesBlock(report: Report): string | undefined {
  const comparison = report.comparison;
  if (!comparison?.baseline || comparison.error) return undefined;
  const { rows, counts, hidden } = digestChanges(comparison);
  const summary = countsText(counts);
  if (rows.length === 0) return `Changes\n  Nothing moved past its threshold (${summary}).`;
  const table = [
    ['Metric', 'Baseline', 'Current', 'Change (interval)', 'Verdict'],
    ...rowNames(rows).map((short, i) => {
      const c = rows[i] as (typeof rows)[number];
      return [plain(short.labels ? `${short.metric} · ${short.labels}` : short.metric), plain(sideValue(c.base?.value, c.unit)), plain(sideValue(c.head?.value, c.unit)), changeText(c), `${verdictWord(c).replace(/^[^\w]+/u, '')} (${[thresholdText(c), otherHardwareText(c)].filter(Boolean).join(' · ')})`];
    }),
  ];
  return `Changes\n${columns(table)}\n  ${summary}${hidden > 0 ? `; ${hidden} more of these not shown here` : ''}.`;
}

function findingLines(f: Finding, index: number): string {
  const number = `${index}. `;
  const indent = ' '.repeat(2 + number.length);
  // The labels the finding holds fixed (test=pp2048) tell apart findings that read alike from one file.
  const labels = Object.entries(f.scope.labels).map(([k, v]) => `${k}=${v}`);
  const source = `${f.scope.path}${labels.length > 0 ? ` (${labels.join(', ')})` : ''}`;
  return `${wrap(f.text, WIDTH, indent, `  ${number}`)}\n${wrap(plain(`(${f.kind} · ${source})`), WIDTH, indent, indent)}`;
}

function narrativeBlock(report: Report): string {
  const n = report.narrative;
  if (n.status === 'skipped') return wrap(`Narrative skipped: ${n.reason}`, WIDTH, '  ');
  if (n.status === 'fallback') return wrap(`Narrative not shown: ${n.reason}`, WIDTH, '  ');
  const model = report.llm ? ` by ${report.llm.model.name}` : '';
  const lines = [`Narrative (claims chosen${model}, written and checked by code; the model's words after a dash)`];
  const gate = n.claims.find((c) => c.relation === 'passes' || c.relation === 'fails');
  const said = (text: string | undefined) => (text ? ` — ${text}` : '');
  lines.push(wrap(`${n.verdict}${said(gate?.interpretation)}`, WIDTH, '  ', '  '));
  for (const c of n.claims) if (c !== gate) lines.push(wrap(`- ${/[.!?]$/.test(c.statement) ? c.statement : `${c.statement}.`}${said(c.interpretation)}`, WIDTH, '    ', '  '));
  if (n.recommendations.length > 0) lines.push('  Recommendations', ...n.recommendations.map((r, i) => wrap(`${i + 1}. ${r.text}`, WIDTH, '       ', '    ')));
  if (n.risks.length > 0) lines.push('  Risks', ...n.risks.map((r) => wrap(`- ${r.risk} Mitigation: ${r.mitigation}`, WIDTH, '      ', '    ')));
  const dropped = describeDrops(n.dropped);
  lines.push(wrap(`Checks: ${dropped ? `${dropped} (details in --format md or json)` : 'every item of the answer held'}.`, WIDTH, '    ', '  '));
  return lines.join('\n');
}

function llmLine(report: Report): string | undefined {
  const llm = report.llm;
  if (!llm) return undefined;
  const agg = llm.aggregate;
  if (!agg) return `LLM ${plain(llm.model.name)}: no report call finished`;
  const tps = agg.tokensPerSecond.mean === null ? '–' : `${formatNumber(agg.tokensPerSecond.mean)} tok/s`;
  const ttft = agg.ttftMs.mean === null ? '–' : `${formatNumber(agg.ttftMs.mean)} ms`;
  return `LLM ${plain(llm.model.name)}: ${plural(agg.runs, 'run')}, ${tps}, TTFT ${ttft}, ${agg.totalOutputTokens} output tokens`;
}

/**
 * The digest for a terminal: the same verdict, changes and key findings as
 * the PR comment, as plain text that reads without a Markdown viewer.
 */
export function renderText(report: Report): string {
  const h = headline(report);
  const blocks: string[] = [`Chimera Insight: ${h.text}`];
  const c = report.comparison;
  blocks[0] += `\n${wrap(c ? baselineSentence(c, report.generatedAt) : 'No baseline was asked for (baseline: none): nothing is compared and nothing can fail.', WIDTH, '')}`;
  if (report.shards && report.shards.length > 0) {
    const list = machines(report.shards).map((m) => `${m.hardware.id} (${hardwareText(m.hardware)}, ${plural(m.series, 'series', 'series')})`);
    blocks[0] += `\n${wrap(`Hardware: ${list.join(', ')}`, WIDTH, '  ')}`;
  }
  const changes = changesBlock(report);
  if (changes) blocks.push(changes);
  const calibration = report.calibration;
  if (calibration && calibration.rows.length > 0) {
    const rows = [['Metric', 'Noise floor', 'Suggested threshold'], ...calibration.rows.slice(0, 10).map((r) => [plain(`${r.metric}${Object.keys(r.labels).length > 0 ? ` · ${Object.values(r.labels).join(' · ')}` : ''}${r.gated ? ' (gated)' : ''}`), `${pct(r.noiseFloor)} (${r.basis})`, pct(r.suggestedThreshold)])];
    blocks.push(`Calibration (A/A): what this runner's numbers do when nothing changed\n${columns(rows)}`);
  }
  const chosen = keyFindings(report.findings);
  if (chosen.length > 0) {
    const more = report.findings.filter((f) => f.kind !== 'change').length - chosen.length;
    blocks.push(`Key findings\n${chosen.map((f, i) => findingLines(f, i + 1)).join('\n')}${more > 0 ? `\n  …${plural(more, 'more finding')} in the full report.` : ''}`);
  }
  blocks.push(narrativeBlock(report));
  const llm = llmLine(report);
  if (llm) blocks.push(llm);
  const t = report.inventory.totals;
  blocks.push(
    wrap(
      `${plural(report.series.length, 'series', 'series')} from ${plural(t.parsed, 'file')} in ${report.root} (${plural(t.documents, 'document')}, ${t.skipped} skipped, ${t.failed} failed). Full report: --format md (Markdown) or --format json; --output-dir DIR writes report.md and report.json.`,
      WIDTH,
      '',
    ),
  );
  return `${blocks.join('\n\n')}\n`;
}

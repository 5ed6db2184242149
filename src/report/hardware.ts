import { hardwareText } from '../hardware/detect.js';
import type { HardwareIdentity, ShardSummary } from '../model/hardware.js';
import type { Report } from '../model/report.js';
import { plural } from '../util/text.js';
import { code, escapeMarkdown, table } from './format.js';
import { DROP_RANK, type Section } from './sections.js';

/** Machines named in the digest's hardware line; the details list them all. */
const DIGEST_MACHINES = 6;

/** The distinct machines of a merged report, in shard order, with their shards' series added up. */
export function machines(shards: readonly ShardSummary[]): { hardware: HardwareIdentity; series: number; shards: ShardSummary[] }[] {
  const byId = new Map<string, { hardware: HardwareIdentity; series: number; shards: ShardSummary[] }>();
  for (const s of shards) {
    const seen = byId.get(s.hardware.id);
    if (seen) {
      seen.series += s.series;
      seen.shards.push(s);
    } else byId.set(s.hardware.id, { hardware: s.hardware, series: s.series, shards: [s] });
  }
  return [...byId.values()];
}

function ownBaseline(m: { shards: ShardSummary[] }): ShardSummary['baseline'] {
  return m.shards.find((s) => s.baseline)?.baseline;
}

/**
 * One line under a merged report's verdict: which machines the numbers come
 * from, and which of them had no baseline of their own. Hardware ids are
 * plain names (checked when the shard was read); tool text is escaped.
 */
export function hardwareDigestSection(report: Report): Section | undefined {
  const shards = report.shards;
  if (!shards || shards.length === 0) return undefined;
  const list = machines(shards);
  const shown = list.slice(0, DIGEST_MACHINES).map((m) => {
    const base = ownBaseline(m);
    const warn = report.comparison?.baseline && base && !base.sameHardware ? ' ⚠️ no own baseline' : '';
    return `${code(m.hardware.id)} ${escapeMarkdown(hardwareText(m.hardware))}${warn}`;
  });
  const more = list.length > DIGEST_MACHINES ? ` · and ${list.length - DIGEST_MACHINES} more` : '';
  return { text: `<sub>**Hardware** (${plural(list.length, 'machine')}, ${plural(shards.length, 'shard')}): ${shown.join(' · ')}${more}</sub>` };
}

function runnerText(h: HardwareIdentity): string {
  const r = h.runner;
  const parts = [r?.name, r?.environment].filter((p): p is string => !!p);
  return parts.length > 0 ? escapeMarkdown(parts.join(', ')) : '–';
}

/** Details: each shard with its machine, and the baseline its series were compared with; or the one machine of a single run. */
export function hardwareDetailSection(report: Report): Section | undefined {
  const shards = report.shards;
  if (shards && shards.length > 0) {
    const rows = shards.map((s) => {
      const b = s.baseline;
      const baseline = !b ? '–' : b.sameHardware ? escapeMarkdown(b.description) : `⚠️ ${escapeMarkdown(b.hardware ?? 'unrecorded hardware')}'s (${escapeMarkdown(b.description)}), not gated`;
      return [escapeMarkdown(s.name), code(s.hardware.id), escapeMarkdown(hardwareText(s.hardware)), runnerText(s.hardware), String(s.series), baseline];
    });
    const text = `### Hardware\n\nEach shard's series carry its hardware as a label and are compared with the baseline of the same hardware.\n\n${table(['Shard', 'Hardware', 'GPUs / CPU', 'Runner', 'Series', 'Baseline'], rows)}`;
    return { text, dropRank: DROP_RANK.collapsedDetail, kind: 'hardware table' };
  }
  const h = report.hardware;
  if (!h) return undefined;
  const source = h.idSource === 'input' ? 'named by the hardware input' : `derived from the ${h.idSource.toUpperCase()}`;
  const notes = (h.notes ?? []).map((n) => escapeMarkdown(n));
  const runner = h.runner ? ` · runner ${runnerText(h)}` : '';
  return { text: `### Hardware\n\n${code(h.id)} (${source}): ${escapeMarkdown(hardwareText(h))} · ${escapeMarkdown(`${h.os}/${h.arch}`)}${runner}${notes.length > 0 ? ` · ${notes.join('; ')}` : ''}. Baselines are kept per hardware.`, dropRank: DROP_RANK.collapsedDetail, kind: 'hardware' };
}

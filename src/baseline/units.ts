import { convert, unitInfo } from '../metrics/units.js';
import type { SeriesStats } from '../model/series.js';

/**
 * A baseline written in ms and a run written in s (hyperfine switches on its
 * own once a mean passes a second; Google Benchmark's `time_unit`) hold the
 * same quantity, and must be compared in one unit, never as raw numbers.
 * Times and sizes are the ones cells are read in (metrics/units.ts); a unit
 * is read as a numerator over a denominator, so `ns/op` against `µs/op` and
 * `ops/ms` against `ops/s` convert too.
 */

/** What the cell table leaves out (a bare `B` there could be 70B parameters) and two stated units can mean. */
const EXTRA: Readonly<Record<string, { kind: string; scale: number }>> = {
  B: { kind: 'bytes', scale: 1 },
  nsec: { kind: 'time', scale: 1e-9 },
  usec: { kind: 'time', scale: 1e-6 },
  bit: { kind: 'bits', scale: 1 },
  Kbit: { kind: 'bits', scale: 1e3 },
  kbit: { kind: 'bits', scale: 1e3 },
  Mbit: { kind: 'bits', scale: 1e6 },
  Gbit: { kind: 'bits', scale: 1e9 },
};
/** Other spellings of one counted thing: `ops` is `op`, `tokens` is `tok`. */
const WORDS: Readonly<Record<string, string>> = {
  ops: 'op', operations: 'op', operation: 'op', reqs: 'req', request: 'req', requests: 'req', tokens: 'tok', token: 'tok',
};
/** Bit rates written as one word: `Mbps` is `Mbit/s`. */
const BIT_RATES: Readonly<Record<string, string>> = { bps: 'bit/s', kbps: 'Kbit/s', Kbps: 'Kbit/s', Mbps: 'Mbit/s', Gbps: 'Gbit/s' };

/** One side of a unit (`ms`, `MiB`, `op`): its kind and size, or the word itself with size 1. */
function term(word: string): { kind: string; scale: number } {
  const w = word.trim();
  const extra = EXTRA[w];
  if (extra) return extra;
  const info = unitInfo(w);
  if (info && (info.dimension === 'time' || info.dimension === 'bytes')) return { kind: info.dimension, scale: info.factor };
  return { kind: `word:${WORDS[w] ?? w}`, scale: 1 };
}

/** `MiB/s` → the kinds and size of its numerator over its denominator. */
function parse(written: string): { kinds: string; scale: number } | undefined {
  const unit = BIT_RATES[written.trim()] ?? written;
  const parts = unit.split('/');
  if (parts.length > 2 || parts.some((p) => p.trim() === '')) return undefined;
  const top = term(parts[0] as string);
  const bottom = parts.length === 2 ? term(parts[1] as string) : { kind: '', scale: 1 };
  return { kinds: `${top.kind}/${bottom.kind}`, scale: top.scale / bottom.scale };
}

/**
 * The factor that turns a value in `from` into `to` (`ms` → `s`: 0.001;
 * `GiB/s` → `MiB/s`: 1024), 1 for the same unit, undefined when the two are
 * not the same kind of quantity (`ms` and `tok/s`) or either is unknown.
 */
export function unitFactor(from: string, to: string): number | undefined {
  if (from === to) return 1;
  if (from === '' || to === '') return undefined;
  const a = parse(from);
  const b = parse(to);
  // Words must be the same words (`tok/s` and `req/s` are different quantities); scaled terms the same kind.
  if (!a || !b || a.kinds !== b.kinds) return undefined;
  return convert(1, { factor: a.scale }, { factor: b.scale });
}

/** Stats in a unit `factor` times smaller (every value multiplied by it); CV and n are unit-free. */
export function scaleStats(stats: SeriesStats, factor: number): SeriesStats {
  const times = (v: number | null) => (v === null ? null : v * factor);
  const out: SeriesStats = {
    ...stats,
    mean: stats.mean * factor,
    sd: stats.sd === null ? null : stats.sd * Math.abs(factor),
    min: times(stats.min),
    p50: times(stats.p50),
    p95: times(stats.p95),
    p99: times(stats.p99),
    max: times(stats.max),
  };
  if (stats.percentiles) out.percentiles = Object.fromEntries(Object.entries(stats.percentiles).map(([k, v]) => [k, v * factor]));
  return out;
}

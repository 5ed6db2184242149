import type { SeriesStats } from '../model/series.js';

/**
 * Units of one kind, as multiples of the kind's base: a baseline written in
 * ms and a run written in s (hyperfine switches on its own once a mean
 * passes a second; Google Benchmark's `time_unit`) hold the same quantity,
 * and must be compared in one unit, never as raw numbers.
 */
const TIME: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, sec: 1, min: 60, h: 3600 };
const BYTES: Readonly<Record<string, number>> = {
  B: 1, KB: 1e3, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4,
};
const BITS: Readonly<Record<string, number>> = { bit: 1, Kbit: 1e3, kbit: 1e3, Mbit: 1e6, Gbit: 1e9 };

/** Other spellings of one term: `msec` is `ms`, `ops` is `op`, `bytes` is `B`. */
const SPELLINGS: Readonly<Record<string, string>> = {
  nsec: 'ns', usec: 'us', msec: 'ms', secs: 's', second: 's', seconds: 's', mins: 'min', minute: 'min', minutes: 'min', hr: 'h', hour: 'h', hours: 'h',
  byte: 'B', bytes: 'B', ops: 'op', operations: 'op', operation: 'op', reqs: 'req', request: 'req', requests: 'req', tokens: 'tok', token: 'tok',
};
/** Bit rates written as one word: `Mbps` is `Mbit/s`. */
const BIT_RATES: Readonly<Record<string, string>> = { bps: 'bit/s', kbps: 'Kbit/s', Kbps: 'Kbit/s', Mbps: 'Mbit/s', Gbps: 'Gbit/s' };

/** One side of a unit (`ms`, `MiB`, `op`): its kind and scale, or the word itself with scale 1. */
function term(word: string): { kind: string; scale: number } {
  const written = word.trim();
  const w = SPELLINGS[written] ?? written;
  for (const [kind, table] of [['time', TIME], ['bytes', BYTES], ['bits', BITS]] as const) {
    const scale = table[w];
    if (scale !== undefined) return { kind, scale };
  }
  return { kind: `word:${w}`, scale: 1 };
}

/** `MiB/s` → the kinds and scale of its numerator and denominator. */
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
  return a.scale / b.scale;
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

/**
 * Units written inside cells ("12.5 ms", "101.5 tok/s", "3.4 GB") and the
 * conversions between units of one kind. Only spellings that cannot mean
 * something else are read: a bare "B" (70B parameters or 70 bytes?) or "m"
 * (minutes or milli?) is not a unit here.
 */
export type Dimension = 'time' | 'bytes' | 'byte-rate' | 'token-rate' | 'request-rate' | 'op-rate' | 'item-rate' | 'time-per-token' | 'time-per-op' | 'percent' | 'ratio' | 'power';

export interface UnitInfo {
  /** The unit as the report shows it. */
  unit: string;
  dimension: Dimension;
  /** Size of one unit in the dimension's base (seconds, bytes, bytes/s, …). */
  factor: number;
}

const KB = 1e3;
const KIB = 1024;

const TABLE: [string[], UnitInfo][] = [
  [['ns', 'nanoseconds', 'nanosecond'], { unit: 'ns', dimension: 'time', factor: 1e-9 }],
  [['µs', 'μs', 'us', 'microseconds', 'microsecond'], { unit: 'µs', dimension: 'time', factor: 1e-6 }],
  [['ms', 'msec', 'millis', 'milliseconds', 'millisecond'], { unit: 'ms', dimension: 'time', factor: 1e-3 }],
  [['s', 'sec', 'secs', 'second', 'seconds'], { unit: 's', dimension: 'time', factor: 1 }],
  [['min', 'mins', 'minute', 'minutes'], { unit: 'min', dimension: 'time', factor: 60 }],
  [['h', 'hr', 'hrs', 'hour', 'hours'], { unit: 'h', dimension: 'time', factor: 3600 }],
  [['bytes', 'byte'], { unit: 'B', dimension: 'bytes', factor: 1 }],
  [['kb'], { unit: 'KB', dimension: 'bytes', factor: KB }],
  [['mb'], { unit: 'MB', dimension: 'bytes', factor: KB ** 2 }],
  [['gb'], { unit: 'GB', dimension: 'bytes', factor: KB ** 3 }],
  [['tb'], { unit: 'TB', dimension: 'bytes', factor: KB ** 4 }],
  [['kib'], { unit: 'KiB', dimension: 'bytes', factor: KIB }],
  [['mib'], { unit: 'MiB', dimension: 'bytes', factor: KIB ** 2 }],
  [['gib'], { unit: 'GiB', dimension: 'bytes', factor: KIB ** 3 }],
  [['tib'], { unit: 'TiB', dimension: 'bytes', factor: KIB ** 4 }],
  [['b/s', 'bytes/s'], { unit: 'B/s', dimension: 'byte-rate', factor: 1 }],
  [['kb/s'], { unit: 'KB/s', dimension: 'byte-rate', factor: KB }],
  [['mb/s'], { unit: 'MB/s', dimension: 'byte-rate', factor: KB ** 2 }],
  [['gb/s'], { unit: 'GB/s', dimension: 'byte-rate', factor: KB ** 3 }],
  [['tb/s'], { unit: 'TB/s', dimension: 'byte-rate', factor: KB ** 4 }],
  [['kib/s'], { unit: 'KiB/s', dimension: 'byte-rate', factor: KIB }],
  [['mib/s'], { unit: 'MiB/s', dimension: 'byte-rate', factor: KIB ** 2 }],
  [['gib/s'], { unit: 'GiB/s', dimension: 'byte-rate', factor: KIB ** 3 }],
  // llama.cpp prints "t/s".
  [['tok/s', 'tokens/s', 'token/s', 't/s', 'tok/sec', 'tokens/sec', 'tps'], { unit: 'tok/s', dimension: 'token-rate', factor: 1 }],
  [['req/s', 'requests/s', 'request/s', 'req/sec', 'rps', 'qps'], { unit: 'req/s', dimension: 'request-rate', factor: 1 }],
  [['ops/s', 'op/s'], { unit: 'ops/s', dimension: 'op-rate', factor: 1 }],
  [['it/s', 'items/s', 'samples/s', 'img/s', 'images/s', 'fps'], { unit: '/s', dimension: 'item-rate', factor: 1 }],
  [['ms/tok', 'ms/token'], { unit: 'ms/tok', dimension: 'time-per-token', factor: 1e-3 }],
  [['s/tok', 's/token'], { unit: 's/tok', dimension: 'time-per-token', factor: 1 }],
  [['ns/op'], { unit: 'ns/op', dimension: 'time-per-op', factor: 1e-9 }],
  [['%', 'percent'], { unit: '%', dimension: 'percent', factor: 1 }],
  [['x'], { unit: 'x', dimension: 'ratio', factor: 1 }],
  [['w', 'watts', 'watt'], { unit: 'W', dimension: 'power', factor: 1 }],
];

const BY_SPELLING = new Map<string, UnitInfo>();
for (const [spellings, info] of TABLE) for (const s of spellings) BY_SPELLING.set(s, info);

/** The unit a spelling names (case-insensitive except µ), or undefined. */
export function unitInfo(spelling: string): UnitInfo | undefined {
  return BY_SPELLING.get(spelling.trim().toLowerCase());
}

/** `value` in unit `from`, expressed in unit `to` of the same dimension (only the units' sizes are read). */
export function convert(value: number, from: Pick<UnitInfo, 'factor'>, to: Pick<UnitInfo, 'factor'>): number {
  if (from.factor === to.factor) return value;
  // Whole-number ratios (1000, 1024) are applied as such: 1e-3 / 1e-6 in floating point is not exactly 1000.
  const ratio = from.factor / to.factor;
  const whole = (r: number) => Math.abs(r - Math.round(r)) < 1e-9 * r;
  if (ratio >= 1 && whole(ratio)) return value * Math.round(ratio);
  if (ratio < 1 && whole(1 / ratio)) return value / Math.round(1 / ratio);
  return value * ratio;
}

/** Multipliers written after a number ("1.2k", "3M tok/s"): SI, upper-case except k. */
const MULTIPLIERS: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9 };

export interface Quantity {
  value: number;
  /** Undefined for a bare multiplied count ("1.2k"). */
  unit?: UnitInfo;
}

/**
 * A number with a unit or multiplier after it: "12.5 ms", "101.5 tok/s",
 * "1.2k", "3.4 GB", "2.5k tok/s". Plain numbers are parseNumber's job; this
 * reads only what it is sure of and returns undefined for anything else.
 */
export function parseQuantity(cell: string, decimalComma = false): Quantity | undefined {
  const match = /^\s*([+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?)\s*([^\s\d].*?)\s*$/.exec(cell);
  if (!match) return undefined;
  const digits = match[1] as string;
  if (digits.includes(',') && !(decimalComma && /^[+-]?\d*,\d+$/.test(digits))) return undefined;
  const value = Number(digits.replace(',', '.'));
  if (!Number.isFinite(value)) return undefined;
  const rest = match[2] as string;
  const unit = unitInfo(rest);
  if (unit) return { value, unit };
  const multiplier = MULTIPLIERS[rest[0] as string];
  if (multiplier === undefined) return undefined;
  const after = rest.slice(1).trim();
  if (after === '') return { value: value * multiplier };
  const scaled = unitInfo(after);
  // "3 MB" is megabytes, not mega-bytes-by-multiplier; only rates and counts take a multiplier.
  if (scaled && /rate$/.test(scaled.dimension) && scaled.dimension !== 'byte-rate') return { value: value * multiplier, unit: scaled };
  return undefined;
}

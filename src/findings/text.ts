import type { FindingLevel, NoiseTest } from '../model/finding.js';
import { formatNumber, formatP } from '../util/numbers.js';
import { centerNote } from '../util/text.js';

/** `495.48 tok/s`, `12 ms`, `0.82` (no unit). */
export function valueText(value: number, unit: string): string {
  return `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
}

/** `495.48 ± 4.50 tok/s (n=5)`; the spread and n only where they exist. */
export function levelValueText(level: Pick<FindingLevel, 'mean' | 'sd' | 'n' | 'center'>, unit: string): string {
  const sd = level.sd !== null && level.n !== null && level.n > 1 ? ` ± ${formatNumber(level.sd)}` : '';
  const n = level.n !== null && level.n > 1 ? ` (n=${level.n})` : '';
  // A stated median says so where a mean would be read.
  return `${formatNumber(level.mean)}${sd}${unit ? ` ${unit}` : ''}${centerNote(level.center)}${n}`;
}


/** 2.41 → "2.41×"; ratios read to two decimals. */
export function ratioText(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** "p<0.001", "p=0.042". */
export function pText(p: number): string {
  const shown = formatP(p);
  return shown.startsWith('<') ? `p${shown}` : `p=${shown}`;
}

/** −19.4%, +3.0%: a signed relative change with a true minus sign. */
export function signedPercent(fraction: number): string {
  const text = `${Math.abs(fraction * 100).toFixed(1)}%`;
  return fraction < 0 ? `−${text}` : `+${text}`;
}

/** `num_gpu=2, num_ctx=2048`. */
export function labelsPlain(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** How a test's outcome reads after a ranking or effect: "beyond noise (p<0.001)". */
/** `over`: which spread the p weighs when it is not the samples' (`, between runs`), read after the p. */
export function noisePhrase(test: NoiseTest, subject: string, over = ''): string {
  if (test.significant === true && test.p !== null) return `${subject} beyond the noise (${pText(test.p)}${over})`;
  if (test.significant === false && test.p !== null) return `${subject} within the noise (${pText(test.p)}${over})`;
  return `not tested against noise (${test.reason ?? 'no spread to judge by'})`;
}

/** Numeric levels read in numeric order; others keep the order they were found in. */
export function naturalOrder<T extends { value: string }>(levels: readonly T[]): T[] {
  const numeric = levels.every((l) => l.value.trim() !== '' && Number.isFinite(Number(l.value)));
  return numeric ? [...levels].sort((a, b) => Number(a.value) - Number(b.value)) : [...levels];
}

/** A level as a sentence names it: `compiled`, but `batch_size=8` where the value alone is a bare number. */
export function levelName(factor: string, value: string): string {
  return /^([-+]?[\d.]+[a-z]?|inf|infinity)$/i.test(value.trim()) || value === '(none)' ? `${factor}=${value}` : value;
}

/** How numbers read in every output: the report, the fact sheet, annotations and findings. */

/** Numbers as users compare them: integers whole, others to 2 decimals, small ones to 3 significant digits. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${value.toFixed(1)}%`;
}

/** −15.2%, +3.0%: signed, one decimal, a true minus sign. */
export function formatChange(change: number): string {
  const text = `${Math.abs(change * 100).toFixed(1)}%`;
  return change < 0 ? `−${text}` : `+${text}`;
}

/** p-values as the report shows them: 2 significant digits, tiny ones as "<0.001". */
export function formatP(p: number): string {
  if (p < 0.001) return '<0.001';
  return Number(p.toPrecision(2)).toString();
}

// Number formats shared by tiles, tables and tooltips, so one figure reads the same everywhere.

const NO_VALUE = '—';

export function formatPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return value.toLocaleString('en-US');
}

export function formatDecimal(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return value.toFixed(digits);
}

/** "62% (55–69%)": a proportion with its 95% interval. */
export function formatInterval(
  value: number | null | undefined,
  lower: number | null | undefined,
  upper: number | null | undefined,
): string {
  const point = formatPercent(value);
  if (point === NO_VALUE || lower === null || lower === undefined || upper === null || upper === undefined)
    return point;
  return `${point} (${formatPercent(lower)}–${formatPercent(upper)})`;
}

/** "95% CI 55–69%", or undefined when the interval is not known. */
export function formatCi(lower: number | null | undefined, upper: number | null | undefined): string | undefined {
  if (lower === null || lower === undefined || upper === null || upper === undefined) return undefined;
  return `95% CI ${formatPercent(lower)}–${formatPercent(upper)}`;
}

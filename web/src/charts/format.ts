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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "6 Jan 2025" for a YYYY-MM-DD date (read as a calendar date, no time zone): the one way the app
 * writes a date. Day first and the month in letters read the same in the US and elsewhere; the
 * year in four digits. CSV files keep YYYY-MM-DD, for spreadsheets.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return NO_VALUE;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** "7 Dec 2026, 03:01 UTC" for a timestamp: loads are compared across sites, so one clock. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NO_VALUE;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = date.toISOString();
  return `${formatDate(text.slice(0, 10))}, ${text.slice(11, 16)} UTC`;
}

/** "6 Jan 2025 – 31 Mar 2025": a period, both ends included. */
export const formatPeriod = (from: string, to: string) => `${formatDate(from)} – ${formatDate(to)}`;

export const weekTitle = (weekStart: string) => `Week of Monday ${formatDate(weekStart)}`;

/** A score on a 0–10 or 0–40 scale, to one decimal. */
export const formatScore = (value: number | null) => formatDecimal(value, 1);

/** A proportion as a whole percentage, for axes and tooltips. */
export const formatRate = (value: number | null) => formatPercent(value);

/** Round percentage ticks from 0 to just above the largest value: 0, 5, 10… or 0, 10, 20… or 0, 25, 50… */
export function percentTicks(max: number): number[] {
  const top = Math.min(1, Math.max(0.05, max));
  const step = top <= 0.2 ? 0.05 : top <= 0.5 ? 0.1 : 0.25;
  const end = Math.min(1, Math.ceil(top / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= end + 1e-9; i++) ticks.push(Math.round(i * step * 100) / 100);
  return ticks;
}

/** "p = 0.042", or "p < 0.001" where three decimals would read as zero. */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A table column's formatter for a YYYY-MM-DD value (the CSV keeps the value as served). */
export const formatDateCell = (value: unknown) => formatDate(typeof value === 'string' ? value : null);

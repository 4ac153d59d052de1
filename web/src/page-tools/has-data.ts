import type { Column } from '../charts/columns';

interface FigureLike {
  value: number | null;
  n: number | null;
}

const isFigure = (row: unknown): row is FigureLike =>
  typeof row === 'object' && row !== null && 'value' in row && 'n' in row;

/**
 * Whether a chart's rows hold anything to draw. A period without data often still has rows: a
 * bar per group type with no rate and n = 0, or a count of 0 sessions against 0 before. Such rows
 * draw empty axes, so they count as no data: a figure needs n > 0 and a value; a row with numbers
 * needs one other than 0; a row of text only (an audit entry) is data.
 */
export function hasData<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): boolean {
  return rows.some((row) => {
    if (isFigure(row)) return row.value !== null && (row.n ?? 0) > 0;
    const numbers = columns.map((c) => c.value(row)).filter((v): v is number => typeof v === 'number');
    return numbers.length === 0 || numbers.some((v) => Number.isFinite(v) && v !== 0);
  });
}

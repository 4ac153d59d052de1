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
 * draw empty axes, so they count as no data: a figure needs n > 0 and a value; any other row
 * needs a number other than 0 in one of its columns.
 */
export function hasData<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): boolean {
  return rows.some((row) =>
    isFigure(row)
      ? row.value !== null && (row.n ?? 0) > 0
      : columns.some((c) => {
          const v = c.value(row);
          return typeof v === 'number' && Number.isFinite(v) && v !== 0;
        }),
  );
}

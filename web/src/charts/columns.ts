import type { FigureId } from '@iop/metrics/definitions';

/** A cell value exactly as served: the CSV writes it raw, the table formats it for reading. */
export type CellValue = string | number | boolean | null | undefined;

export interface Column<Row> {
  /** Column header in the CSV and the table. */
  label: string;
  value: (row: Row) => CellValue;
  /** Display text in the table (e.g. a percentage); the CSV keeps the raw value. */
  format?: (value: CellValue, row: Row) => string;
  /** Right-aligned, tabular figures in the table. */
  numeric?: boolean;
  /** The figure the column holds: its header gets the figure's info button. */
  figure?: FigureId;
}

/** The table's text of a cell: its formatter, or the value; a dash for no value. */
export function displayCell<Row>(column: Column<Row>, row: Row): string {
  const value = column.value(row);
  if (column.format) return column.format(value, row);
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return String(value);
}

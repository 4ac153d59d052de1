import { displayCell, type Column } from './columns';
import { FigureInfo } from './FigureInfo';
import { TableScroll } from './TableScroll';

interface DataTableProps<Row> {
  caption: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** The first column names the row (th scope=row), so a screen reader announces it per cell. */
  rowHeader?: boolean;
  /** The name of its scrolling box, unique on the page (default "Table: <caption>"). */
  label?: string;
}

/** The figures behind a chart as an accessible table: the same rows and columns as the CSV. */
export function DataTable<Row>({ caption, rows, columns, rowHeader = true, label }: DataTableProps<Row>) {
  return (
    <TableScroll label={label ?? `Table: ${caption}`}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
                {c.figure && <FigureInfo figures={c.figure} />}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c, j) => {
                const Cell = rowHeader && j === 0 ? 'th' : 'td';
                return (
                  <Cell
                    key={c.label}
                    scope={Cell === 'th' ? 'row' : undefined}
                    className={c.numeric ? 'num' : undefined}
                  >
                    {displayCell(c, row)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

import { displayCell, type Column } from './columns';

interface DataTableProps<Row> {
  caption: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** The first column names the row (th scope=row), so a screen reader announces it per cell. */
  rowHeader?: boolean;
}

/** The figures behind a chart as an accessible table: the same rows and columns as the CSV. */
export function DataTable<Row>({ caption, rows, columns, rowHeader = true }: DataTableProps<Row>) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.label}
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
    </div>
  );
}

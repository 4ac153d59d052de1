import type { MouseEvent } from 'react';
import { displayCell, type Column } from '../../charts/columns';
import { Link } from '../../routing/Link';
import { navigate } from '../../routing/useRoute';

interface DrillTableProps<Row> {
  caption: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** Where a row leads; its first cell is a real link (Tab, Enter, open in a new tab all work). */
  hrefFor: (row: Row) => string;
  keyFor: (row: Row) => string;
  /** A row under the others (e.g. the group type's total), not a link. */
  footer?: Row;
}

/** A table whose rows open the next level: the whole row by mouse, its first-cell link by keyboard. */
export function DrillTable<Row>({ caption, rows, columns, hrefFor, keyFor, footer }: DrillTableProps<Row>) {
  const open = (event: MouseEvent<HTMLTableRowElement>, href: string) => {
    // Clicks on the link itself are the link's; text selection is not a click.
    if ((event.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
    navigate(href);
  };
  const [first, ...rest] = columns;
  return (
    <div className="table-scroll" tabIndex={-1}>
      <table className="drill-table">
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
          {rows.map((row) => {
            const href = hrefFor(row);
            return (
              <tr key={keyFor(row)} className="clickable-row" onClick={(e) => open(e, href)}>
                <th scope="row">
                  <Link href={href} className="row-link">
                    {displayCell(first, row)}
                  </Link>
                </th>
                {rest.map((c) => (
                  <td key={c.label} className={c.numeric ? 'num' : undefined}>
                    {displayCell(c, row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {footer && (
          <tfoot>
            <tr>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.label} scope="row">
                    {displayCell(c, footer)}
                  </th>
                ) : (
                  <td key={c.label} className={c.numeric ? 'num' : undefined}>
                    {displayCell(c, footer)}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

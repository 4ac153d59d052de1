import { seriesStyle } from '../../charts/series-style';
import { TableScroll } from '../../charts/TableScroll';
import type { AtRiskRow } from './km-series';

/** The number-at-risk table printed under a survival chart, as in clinical papers. */
export function AtRiskTable({ days, rows }: { days: readonly number[]; rows: readonly AtRiskRow[] }) {
  return (
    <TableScroll label="Table: number at risk by day since admission">
      <table className="at-risk-table">
        <caption>Number at risk (episodes still followed) by day since admission</caption>
        <thead>
          <tr>
            <th scope="col">Series</th>
            {days.map((d) => (
              <th key={d} scope="col" className="num">
                Day {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" style={{ color: seriesStyle(row.key === 'total' ? null : row.key).text }}>
                {row.label}
              </th>
              {days.map((d) => (
                <td key={d} className="num">
                  {row.atRisk.get(d)?.toLocaleString('en-US') ?? '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

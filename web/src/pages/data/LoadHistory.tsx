import { ChartFrame } from '../../charts/ChartFrame';
import { displayCell } from '../../charts/columns';
import { TableScroll } from '../../charts/TableScroll';
import { LOAD_COLUMNS, type LoadRecord } from './load-history-shape';
import { LOAD_HISTORY_LIMIT, useLoadHistoryQuery } from './useLoadHistoryQuery';

interface LoadHistoryProps {
  selectedLoadId: number | null;
  onSelect: (loadId: number) => void;
}

/** The latest loads with their row counts; a load with rejects opens its rejected rows below. */
export function LoadHistory({ selectedLoadId, onSelect }: LoadHistoryProps) {
  const query = useLoadHistoryQuery();
  const loads = query.data ?? [];
  return (
    <ChartFrame
      title="Load history"
      description={`The latest ${LOAD_HISTORY_LIMIT} runs of the loader (command line or upload), newest first.`}
      status={query}
      rows={loads}
      columns={LOAD_COLUMNS}
      n={query.data ? { value: loads.length, unit: 'loads' } : null}
      emptyMessage="No load has run yet."
    >
      <TableScroll label="Table: load history">
        <table>
          <caption className="visually-hidden">Load history</caption>
          <thead>
            <tr>
              {LOAD_COLUMNS.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
              <th scope="col">Rejected rows</th>
            </tr>
          </thead>
          <tbody>
            {loads.map((load: LoadRecord) => (
              <tr key={load.loadId} aria-selected={load.loadId === selectedLoadId || undefined}>
                {LOAD_COLUMNS.map((c) => (
                  <td
                    key={c.label}
                    className={
                      [c.numeric ? 'num' : '', c.label === 'Status' ? `status-${load.status}` : ''].join(' ').trim() ||
                      undefined
                    }
                  >
                    {displayCell(c, load)}
                  </td>
                ))}
                <td>
                  {load.rowsRejected > 0 || load.files.some((f) => f.status === 'refused') ? (
                    <button
                      type="button"
                      aria-pressed={load.loadId === selectedLoadId}
                      onClick={() => onSelect(load.loadId)}
                    >
                      Show rejects of load {load.loadId}
                    </button>
                  ) : (
                    'none'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </ChartFrame>
  );
}

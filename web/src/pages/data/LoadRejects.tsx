import { useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { DataTable } from '../../charts/DataTable';
import { figureColumns } from '../../charts/figures';
import { FigureBarChart } from '../../charts/FigureBarChart';
import { formatCount } from '../../charts/format';
import { REJECTED_ROW_COLUMNS, toRejectReasonFigures } from './load-history-shape';
import { REJECTED_ROWS_LIMIT, useRejectsQuery } from './useRejectsQuery';

const REASON_COLUMNS = figureColumns({
  categoryLabel: 'File · column: reason',
  valueLabel: 'Rejected rows',
  format: formatCount,
  nLabel: 'All rejected rows of the load',
  numerator: false,
  interval: false,
});

/** Why a load's rows were rejected: counts by reason, and the first rows with line and value. */
export function LoadRejects({ loadId }: { loadId: number }) {
  const query = useRejectsQuery(loadId);
  const figures = useMemo(() => toRejectReasonFigures(query.data?.rejectReasons ?? []), [query.data]);
  const rows = query.data?.rejectedRows ?? [];
  return (
    <ChartFrame
      title={`Rejected rows of load ${loadId} by reason`}
      description="Rows the loader refused, by file, column and reason. Values and details (the IDs and dates behind a reason) are shown to directors only."
      status={query}
      rows={figures}
      columns={REASON_COLUMNS}
      n={figures.length ? { value: figures[0].n, unit: 'rejected rows' } : null}
      emptyMessage="This load rejected no rows (a refused file is listed in the load history)."
    >
      <FigureBarChart
        figures={figures}
        format={formatCount}
        xLabel="File · column: reason"
        yLabel="Rejected rows"
        nUnit="rejected rows"
        integerAxis
        height={300}
      />
      <DataTable
        caption={`The first ${REJECTED_ROWS_LIMIT} rejected rows`}
        rows={rows}
        columns={REJECTED_ROW_COLUMNS}
      />
    </ChartFrame>
  );
}

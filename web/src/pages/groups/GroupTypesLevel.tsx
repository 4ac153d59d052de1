import { useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import type { Column } from '../../charts/columns';
import { figureColumns } from '../../charts/figures';
import { FigureBarChart } from '../../charts/FigureBarChart';
import { formatCount, formatPercent, formatRate } from '../../charts/format';
import { GROUP_TYPE_LABELS, type GroupType, type MetricsFilterVariables } from '../../filters/group-types';
import { toGroupTypeBars } from '../attendance/attendance-shape';
import { useAttendanceQuery } from '../attendance/useAttendanceQuery';
import { pendingUntilFiltered } from '../query-status';
import { DrillTable } from './DrillTable';

interface TypeRow {
  groupType: GroupType;
  label: string;
  scheduled: number;
  attended: number;
  nonExcused: number;
  rate: number | null;
}

const count = (v: unknown) => formatCount(typeof v === 'number' ? v : null);
const TYPE_COLUMNS: Column<TypeRow>[] = [
  { label: 'Group type', value: (r) => r.label },
  { label: 'Scheduled rows', value: (r) => r.scheduled, numeric: true, format: count },
  { label: 'Attended', value: (r) => r.attended, numeric: true, format: count },
  { label: 'Not excused', value: (r) => r.nonExcused, numeric: true, format: count },
  {
    label: 'Attendance rate',
    value: (r) => r.rate,
    numeric: true,
    format: (v) => formatPercent(typeof v === 'number' ? v : null),
  },
];
const RATE_COLUMNS = figureColumns({
  categoryLabel: 'Group type',
  valueLabel: 'Attendance rate',
  format: formatRate,
  nLabel: 'Non-excused rows',
});

/** The top level: attendance by group type; each type opens its groups. */
export function GroupTypesLevel({
  filter,
  hrefFor,
}: {
  filter: MetricsFilterVariables | null;
  hrefFor: (t: GroupType) => string;
}) {
  const query = useAttendanceQuery(filter);
  const report = query.data;
  const figures = useMemo(
    () => (report ? toGroupTypeBars(report.total, report.byGroupType, (f) => f.attendanceRate) : []),
    [report],
  );
  const rows: TypeRow[] = (report?.byGroupType ?? []).map((t) => ({
    groupType: t.groupType,
    label: GROUP_TYPE_LABELS[t.groupType],
    scheduled: t.figures.scheduled,
    attended: t.figures.attended,
    nonExcused: t.figures.nonExcused,
    rate: t.figures.attendanceRate.rate,
  }));
  return (
    <ChartFrame
      title="Attendance rate by group type"
      figures="attendanceRate"
      description="Choose a group type to see its groups, then a group to see its sessions."
      status={pendingUntilFiltered(query, filter)}
      rows={figures}
      columns={RATE_COLUMNS}
      n={report ? { value: report.total.nonExcused, unit: 'non-excused rows' } : null}
      scope={report?.scope}
    >
      <FigureBarChart
        figures={figures}
        format={formatRate}
        xLabel="Group type"
        yLabel="Attendance rate (%)"
        nUnit="rows"
        yDomain={[0, 1]}
        yTicks={[0, 0.25, 0.5, 0.75, 1]}
        height={260}
      />
      <DrillTable
        caption="Group types: choose one to see its groups"
        rows={rows}
        columns={TYPE_COLUMNS}
        hrefFor={(r) => hrefFor(r.groupType)}
        keyFor={(r) => r.groupType}
      />
    </ChartFrame>
  );
}

import { useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { DataTable } from '../../charts/DataTable';
import { FigureLineChart } from '../../charts/FigureLineChart';
import { formatRate, formatDate } from '../../charts/format';
import type { GroupType, MetricsFilterVariables } from '../../filters/group-types';
import { pendingUntilFiltered } from '../query-status';
import { SESSION_COLUMNS, toSessionFigures } from './groups-shape';
import { useDrilldownSessionsQuery } from './useDrilldownSessionsQuery';

interface SessionsLevelProps {
  filter: MetricsFilterVariables | null;
  groupType: GroupType;
  groupId: string;
}

/** The sessions of one group: attendance rate per session, and every session's figures. */
export function SessionsLevel({ filter, groupType, groupId }: SessionsLevelProps) {
  const query = useDrilldownSessionsQuery(filter, groupId);
  const report = query.data;
  const figures = useMemo(() => (report ? toSessionFigures(report.sessions, groupType) : []), [report, groupType]);
  return (
    <ChartFrame
      title={report ? `Sessions of ${report.groupName}` : 'Sessions of the group'}
      figures="attendanceRate"
      description={
        report
          ? `${report.siteName}${report.modality ? ` · ${report.modality}` : ''} · attendance rate of each session held in the period.`
          : undefined
      }
      status={pendingUntilFiltered(query, filter)}
      rows={report?.sessions ?? []}
      columns={SESSION_COLUMNS}
      n={report ? { value: report.sessions.length, unit: 'sessions' } : null}
      scope={report}
      emptyMessage="This group held no sessions in this period."
    >
      <FigureLineChart
        figures={figures}
        format={formatRate}
        xLabel="Session date"
        yLabel="Attendance rate (%)"
        yDomain={[0, 1]}
        yTicks={[0, 0.25, 0.5, 0.75, 1]}
        nUnit="rows"
        tickFormat={formatDate}
        height={260}
      />
      <DataTable caption="Sessions in the period" rows={report?.sessions ?? []} columns={SESSION_COLUMNS} />
    </ChartFrame>
  );
}

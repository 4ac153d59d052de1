import { useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { FigureBarChart } from '../../charts/FigureBarChart';
import { formatRate } from '../../charts/format';
import { GROUP_TYPE_LABELS, type GroupType, type MetricsFilterVariables } from '../../filters/group-types';
import type { DrilldownGroupFiguresFragment } from '../../gql/graphql';
import { pendingUntilFiltered } from '../query-status';
import { DrillTable } from './DrillTable';
import { GROUP_COLUMNS, toGroupFigures } from './groups-shape';
import { useDrilldownGroupsQuery } from './useDrilldownGroupsQuery';

interface GroupsLevelProps {
  filter: MetricsFilterVariables | null;
  groupType: GroupType;
  hrefFor: (groupId: string) => string;
}

/** One group type's groups with their figures; each group opens its sessions. */
export function GroupsLevel({ filter, groupType, hrefFor }: GroupsLevelProps) {
  const query = useDrilldownGroupsQuery(filter, groupType);
  const report = query.data;
  const figures = useMemo(() => (report ? toGroupFigures(report.groups, groupType) : []), [report, groupType]);
  const total: DrilldownGroupFiguresFragment | undefined = report && {
    ...report.total,
    groupName: `All ${GROUP_TYPE_LABELS[groupType]} groups`,
  };
  return (
    <ChartFrame
      title={`${GROUP_TYPE_LABELS[groupType]} groups`}
      figures="attendanceRate"
      description="Attendance rate of each group that held sessions in the period (attended ÷ rows not excused). Choose a group to see its sessions."
      status={pendingUntilFiltered(query, filter)}
      rows={report?.groups ?? []}
      columns={GROUP_COLUMNS}
      n={report ? { value: report.groups.length, unit: 'groups' } : null}
      scope={report}
      emptyMessage="No group of this type held sessions in this period."
    >
      <FigureBarChart
        figures={figures}
        format={formatRate}
        xLabel="Group (site)"
        yLabel="Attendance rate (%)"
        nUnit="rows"
        yDomain={[0, 1]}
        yTicks={[0, 0.25, 0.5, 0.75, 1]}
        height={300}
      />
      <DrillTable
        caption="Groups: choose one to see its sessions"
        rows={report?.groups ?? []}
        columns={GROUP_COLUMNS}
        hrefFor={(g) => hrefFor(g.groupId ?? '')}
        keyFor={(g) => g.groupId ?? ''}
        footer={total}
      />
    </ChartFrame>
  );
}

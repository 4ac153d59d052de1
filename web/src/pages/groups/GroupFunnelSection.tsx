import { useMemo, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { Link } from '../../routing/Link';
import { formatPercent } from '../../charts/format';
import { isGroupType, type GroupType, type MetricsFilterVariables } from '../../filters/group-types';
import type { FunnelMeasure } from '../../gql/graphql';
import { pendingUntilFiltered } from '../query-status';
import { describeFunnel, FUNNEL_COLUMNS, FUNNEL_MEASURES, outliers } from './funnel-shape';
import { GroupFunnelChart } from './GroupFunnelChart';
import { useGroupFunnelQuery } from './useGroupFunnelQuery';

/** Funnel plot of groups (Spiegelhalter 2005); the groups outside the 99.8% limits open their drill-down. */
export function GroupFunnelSection({
  filter,
  hrefFor,
}: {
  filter: MetricsFilterVariables | null;
  hrefFor: (groupType: GroupType, groupId: string) => string;
}) {
  const [measure, setMeasure] = useState<FunnelMeasure>('retention90');
  const query = useGroupFunnelQuery(filter, measure);
  const funnel = query.data;
  const chosen = FUNNEL_MEASURES.find((m) => m.value === measure)!;
  const out = useMemo(() => (funnel ? outliers(funnel.groups) : []), [funnel]);
  return (
    <ChartFrame
      title="Groups against the program (funnel plot)"
      figures="groupFunnel"
      description="Each group’s proportion against its size. Inside the funnel: no more different from the pooled target than chance explains; outside the 99.8% limits: worth a look."
      status={pendingUntilFiltered(query, filter)}
      rows={funnel?.groups ?? []}
      columns={FUNNEL_COLUMNS}
      n={funnel ? { value: funnel.groups.length, unit: `groups (${chosen.unit})` } : null}
      scope={filter}
      emptyMessage="No groups have records for this measure in the period."
    >
      <label className="chart-option">
        Measure{' '}
        <select
          value={measure}
          onChange={(e) => setMeasure(e.target.value as FunnelMeasure)}
          aria-label="Funnel measure"
        >
          {FUNNEL_MEASURES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {funnel && <GroupFunnelChart funnel={funnel} />}
      {funnel && (
        <p className="plain-words" data-testid="funnel-reading">
          {describeFunnel(funnel.target, funnel.groups)}
        </p>
      )}
      {funnel && (
        <p className="plain-words" data-testid="funnel-rule">
          A group is named only when its count is rarer than 1 in 1,000 on its side for a group of its size at the
          target (the exact binomial test). The lines are drawn smooth between whole counts, so a small group’s point
          can sit just past a line without being named: one episode of one retained is never a finding.
        </p>
      )}
      {out.length > 0 && (
        <ul className="plain-words" data-testid="funnel-outliers">
          {out.map((g) => (
            <li key={g.groupId}>
              {isGroupType(g.groupType) ? (
                <Link href={hrefFor(g.groupType, g.groupId)}>{g.groupName}</Link>
              ) : (
                g.groupName
              )}
              : {formatPercent(g.proportion, 1)} of {g.n}, {g.position} the 99.8% limits ({formatPercent(g.lower998, 1)}
              –{formatPercent(g.upper998, 1)})
            </li>
          ))}
        </ul>
      )}
    </ChartFrame>
  );
}

import { DateText } from '../../charts/DateText';
import { useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatCount } from '../../charts/format';
import { KpiTile, KpiTiles } from '../../charts/KpiTile';
import { useComparison } from '../../filters/useComparison';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { describeChange, SESSIONS_COLUMNS, toSessionsRows } from './overview-shape';
import { SessionsByTypeChart } from './SessionsByTypeChart';
import { CohortTrendsSection } from './CohortTrendsSection';
import { OutcomeTiles } from './OutcomeTiles';
import { useOutcomeKpis } from './useOutcomeKpis';
import { useProgramOverviewQuery } from './useProgramOverviewQuery';

const TILES = [
  { key: 'admissions', label: 'Admissions' },
  { key: 'discharges', label: 'Discharges' },
  { key: 'openEpisodes', label: 'Open episodes at period end' },
  { key: 'participantsServed', label: 'Participants served' },
  { key: 'sessionsHeld', label: 'Sessions held' },
] as const;

export default function OverviewPage() {
  const filter = useMetricsFilter();
  const comparison = useComparison();
  const query = useProgramOverviewQuery(filter, comparison);
  const overview = query.data;
  const rows = useMemo(() => toSessionsRows(overview?.sessionsHeldByGroupType ?? []), [overview]);
  const status = { ...query, isPending: query.isPending || filter === null };
  const kpis = useOutcomeKpis(filter, comparison, overview?.previousHasData);
  const noDataIn = overview && !overview.previousHasData ? overview.previousPeriod : null;

  return (
    <>
      <h2 className="section-heading">Outcomes</h2>
      <OutcomeTiles kpis={kpis} />
      {kpis.previousFilter && (
        <p className="page-note">
          Each figure is compared with the same figure for <DateText iso={kpis.previousFilter.from} /> to{' '}
          <DateText iso={kpis.previousFilter.to} />
          {overview ? `, ${overview.comparison}` : ''}. Retention, completion and abstinence count the episodes admitted
          in the period; attendance and the session score count its sessions.
        </p>
      )}
      <CohortTrendsSection filter={filter} />
      <h2 className="section-heading">Census</h2>
      {overview ? (
        <KpiTiles>
          {TILES.map((t) => (
            <KpiTile
              key={t.key}
              label={t.label}
              figure={t.key}
              value={formatCount(overview[t.key].current)}
              detail={describeChange(overview[t.key].current, overview[t.key].previous, noDataIn)}
            />
          ))}
        </KpiTiles>
      ) : (
        <KpiTiles loading={status.isPending} />
      )}
      {overview && (
        <p className="page-note">
          Compared with {overview.comparison}, <DateText iso={overview.previousPeriod.from} /> to{' '}
          <DateText iso={overview.previousPeriod.to} />
          {noDataIn ? ', which holds no data' : ''}.
        </p>
      )}
      <ChartFrame
        headingLevel={3}
        title="Sessions held by group type"
        figures="sessionsHeld"
        description="Group sessions held in the period (coloured bars) against the previous period chosen in the filter bar (grey)."
        status={status}
        rows={rows}
        columns={SESSIONS_COLUMNS}
        n={overview ? { value: overview.sessionsHeld.current, unit: 'sessions' } : null}
        scope={overview?.period}
        emptyMessage="No group types selected have sessions."
      >
        <SessionsByTypeChart rows={rows} />
      </ChartFrame>
    </>
  );
}

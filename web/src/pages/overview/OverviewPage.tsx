import { useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatCount } from '../../charts/format';
import { KpiTile, KpiTiles } from '../../charts/KpiTile';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { describeChange, SESSIONS_COLUMNS, toSessionsRows } from './overview-shape';
import { SessionsByTypeChart } from './SessionsByTypeChart';
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
  const query = useProgramOverviewQuery(filter);
  const overview = query.data;
  const rows = useMemo(() => toSessionsRows(overview?.sessionsHeldByGroupType ?? []), [overview]);
  const status = { ...query, isPending: query.isPending || filter === null };
  const kpis = useOutcomeKpis(filter);

  return (
    <>
      <h2 className="section-heading">Outcomes</h2>
      <OutcomeTiles kpis={kpis} />
      {kpis.previousFilter && (
        <p className="page-note">
          Each figure is compared with the same figure for {kpis.previousFilter.from} to {kpis.previousFilter.to}, the
          period of the same length just before. Retention, completion and abstinence count the episodes admitted in the
          period; attendance and the session score count its sessions.
        </p>
      )}
      <h2 className="section-heading">Census</h2>
      {overview ? (
        <KpiTiles>
          {TILES.map((t) => (
            <KpiTile
              key={t.key}
              label={t.label}
              figure={t.key}
              value={formatCount(overview[t.key].current)}
              detail={describeChange(overview[t.key].current, overview[t.key].previous)}
            />
          ))}
        </KpiTiles>
      ) : (
        <KpiTiles loading={status.isPending} />
      )}
      {overview && (
        <p className="page-note">
          Compared with the previous period of the same length, {overview.previousPeriod.from} to{' '}
          {overview.previousPeriod.to}.
        </p>
      )}
      <ChartFrame
        headingLevel={3}
        title="Sessions held by group type"
        figures="sessionsHeld"
        description="Group sessions held in the period (coloured bars) against the previous period of the same length (grey)."
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

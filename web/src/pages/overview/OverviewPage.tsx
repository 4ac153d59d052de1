import { useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatCount } from '../../charts/format';
import { KpiTile, KpiTiles } from '../../charts/KpiTile';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { describeChange, SESSIONS_COLUMNS, toSessionsRows } from './overview-shape';
import { SessionsByTypeChart } from './SessionsByTypeChart';
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

  return (
    <>
      {overview ? (
        <KpiTiles>
          {TILES.map((t) => (
            <KpiTile
              key={t.key}
              label={t.label}
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
        title="Sessions held by group type"
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
      {/* TODO(overview): retention, attendance, sobriety and feedback headline tiles, each from its own query. */}
    </>
  );
}

import { useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { figureColumns, type Figure } from '../../charts/figures';
import { FigureBarChart } from '../../charts/FigureBarChart';
import { formatCount, formatDate, formatPercent, formatRate } from '../../charts/format';
import { KpiTile, KpiTiles } from '../../charts/KpiTile';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { pendingUntilFiltered } from '../query-status';
import { REASON_LABELS } from './at-risk-shape';
import { AtRiskTable } from './AtRiskTable';
import { ParticipantView } from './ParticipantView';
import { useAtRiskView } from './useAtRiskView';
import { useEarlyWarningQuery } from './useEarlyWarningQuery';
import './at-risk.css';

const REASON_COLUMNS = figureColumns({
  categoryLabel: 'Reason',
  valueLabel: 'Share of open episodes',
  format: formatRate,
  nLabel: 'Open episodes',
  interval: false,
});

/** Open episodes with an early-warning sign, for the clinical team's next conversations. */
export default function AtRiskPage() {
  const filter = useMetricsFilter();
  const [view, , hrefOf] = useAtRiskView();
  const query = useEarlyWarningQuery(filter);
  const list = query.data;
  const reasons = useMemo(
    (): Figure[] =>
      list && list.openEpisodes > 0
        ? list.byReason.map((r) => ({
            category: REASON_LABELS[r.reason],
            series: 'total',
            seriesLabel: 'Open episodes',
            value: r.episodes / list.openEpisodes,
            lower: null,
            upper: null,
            numerator: r.episodes,
            n: list.openEpisodes,
          }))
        : [],
    [list],
  );

  if (view.participant) {
    return (
      <ParticipantView
        participantId={view.participant}
        filter={filter}
        backHref={hrefOf({ ...view, participant: null })}
      />
    );
  }
  return (
    <>
      <p className="page-note">
        Episodes open on the as-of date{list ? ` (${formatDate(list.asOf)})` : ''} at the chosen sites. The period and
        group types do not apply: the list is about who is in treatment now.
      </p>
      {list ? (
        <KpiTiles>
          <KpiTile
            label="At risk"
            figure="earlyWarning"
            value={formatCount(list.atRiskEpisodes)}
            detail={`of ${formatCount(list.openEpisodes)} open episodes`}
          />
          <KpiTile
            label="Share at risk"
            figure="earlyWarning"
            value={formatPercent(list.openEpisodes ? list.atRiskEpisodes / list.openEpisodes : null)}
            detail="with at least one reason"
          />
        </KpiTiles>
      ) : (
        <KpiTiles loading={query.isPending} />
      )}
      <ChartFrame
        title="Open episodes by early-warning reason"
        figures="earlyWarning"
        description="Share of open episodes for which each reason holds (an episode may have several)."
        status={pendingUntilFiltered(query, filter)}
        rows={reasons}
        columns={REASON_COLUMNS}
        n={list ? { value: list.openEpisodes, unit: 'open episodes' } : null}
        scope={list ? { from: list.asOf, to: list.asOf } : null}
        emptyMessage="No episodes are open on the as-of date at these sites."
      >
        <FigureBarChart
          figures={reasons}
          format={formatRate}
          xLabel="Reason"
          yLabel="Open episodes (%)"
          nUnit="open episodes"
          percentAxis
          height={300}
        />
      </ChartFrame>
      {list && list.truncated && (
        <p role="status">
          The list shows the {formatCount(list.episodes.length)} episodes with the most reasons; more are at risk.
        </p>
      )}
      {list && list.episodes.length > 0 && <AtRiskTable episodes={list.episodes} asOf={list.asOf} />}
      {list && list.episodes.length === 0 && list.openEpisodes > 0 && (
        <p>No open episode shows an early-warning sign.</p>
      )}
    </>
  );
}

import { useMemo, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { figureColumns } from '../../charts/figures';
import { FigureBarChart } from '../../charts/FigureBarChart';
import { FigureLineChart } from '../../charts/FigureLineChart';
import { formatRate, formatScore, formatDate } from '../../charts/format';
import { drawnWeeks, partialWeeks, partialWeekTitle } from '../../charts/partial-weeks';
import { PartialWeeksOption } from '../../charts/PartialWeeksOption';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { pendingUntilFiltered } from '../query-status';
import { scoreAxis, toAllianceFlagFigures, toItemMeanFigures, toMeanScoreFigures } from './feedback-shape';
import { useSessionFeedbackQuery } from './useSessionFeedbackQuery';

const SCORE_COLUMNS = figureColumns({
  categoryLabel: 'Group type',
  valueLabel: 'Mean session score (0–40)',
  figure: 'sessionScore',
  format: formatScore,
  nLabel: 'Responses',
  numerator: false,
  interval: false,
});
const ITEM_COLUMNS = figureColumns({
  categoryLabel: 'Item',
  valueLabel: 'Mean (0–10)',
  figure: 'ratingItems',
  format: formatScore,
  nLabel: 'Responses',
  numerator: false,
  interval: false,
});
const FLAG_COLUMNS = figureColumns({
  categoryLabel: 'Week starting',
  valueLabel: 'Alliance flag rate',
  figure: 'allianceFlagRate',
  format: formatRate,
  nLabel: 'Responses',
});

export default function FeedbackPage() {
  const filter = useMetricsFilter();
  const query = useSessionFeedbackQuery(filter);
  const report = query.data;
  const status = pendingUntilFiltered(query, filter);
  const scores = useMemo(() => (report ? toMeanScoreFigures(report.total, report.byGroupType) : []), [report]);
  const axis = useMemo(() => scoreAxis(scores), [scores]);
  const items = useMemo(() => (report ? toItemMeanFigures(report.total, report.byGroupType) : []), [report]);
  const [showPartial, setShowPartial] = useState(false);
  const partial = useMemo(() => partialWeeks(report?.byWeek ?? []), [report]);
  const flags = useMemo(
    () => drawnWeeks(toAllianceFlagFigures(report?.byWeek ?? []), partial, showPartial),
    [report, partial, showPartial],
  );
  const n = report ? { value: report.total.responses, unit: 'responses' } : null;
  const empty = 'No session feedback in this period with these filters.';

  return (
    <>
      <div className="chart-grid">
        <ChartFrame
          title="Mean session score by group type"
          figures="sessionScore"
          description={`Relationship + goals and topics + approach + overall, each rated 0–10 (Group Session Rating Scale).${axis.domain[0] > 0 ? ` The axis starts at ${axis.domain[0]}, not 0, so that differences between group types show.` : ''}`}
          status={status}
          rows={scores}
          columns={SCORE_COLUMNS}
          n={n}
          scope={report?.scope}
          emptyMessage={empty}
        >
          <FigureBarChart
            figures={scores}
            format={formatScore}
            xLabel="Group type"
            yLabel="Mean score (0–40)"
            nUnit="responses"
            yDomain={axis.domain}
            yTicks={axis.ticks}
          />
        </ChartFrame>
        <ChartFrame
          title="Rating items by group type"
          figures="ratingItems"
          description="Mean of each of the four items (0–10)."
          status={status}
          rows={items}
          columns={ITEM_COLUMNS}
          n={n}
          scope={report?.scope}
          emptyMessage={empty}
        >
          <FigureBarChart
            figures={items}
            format={formatScore}
            xLabel="Rating item"
            yLabel="Mean rating (0–10)"
            nUnit="responses"
            yDomain={[0, 10]}
            yTicks={[0, 2, 4, 6, 8, 10]}
          />
        </ChartFrame>
      </div>
      <ChartFrame
        title="Alliance flag rate by week"
        figures="allianceFlagRate"
        description="Share of sessions rated 36 or lower out of 40 (worth discussing with the group), per ISO week, all group types, with its 95% interval (band)."
        status={status}
        rows={flags}
        columns={FLAG_COLUMNS}
        n={n}
        scope={report?.scope}
        emptyMessage={empty}
      >
        <PartialWeeksOption partial={partial} show={showPartial} onChange={setShowPartial} />
        <FigureLineChart
          figures={flags}
          format={formatRate}
          xLabel="ISO week (Monday)"
          yLabel="Scores ≤ 36 (%)"
          percentAxis
          nUnit="responses"
          bandSeries={['total']}
          tickFormat={formatDate}
          categoryTitle={partialWeekTitle(partial)}
        />
      </ChartFrame>
    </>
  );
}

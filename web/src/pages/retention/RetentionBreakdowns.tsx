import { useMemo } from 'react';
import { ChartFrame, type QueryStatus } from '../../charts/ChartFrame';
import { figureColumns } from '../../charts/figures';
import { FigureBarChart } from '../../charts/FigureBarChart';
import { formatDecimal, formatRate } from '../../charts/format';
import type { RetentionQuery } from '../../gql/graphql';
import {
  toCompletionFigures,
  toDischargeReasonFigures,
  toLengthOfStayFigures,
  toRetainedAtFigures,
} from './retention-shape';

type RetentionReport = RetentionQuery['retention'];

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];
const formatDays = (v: number | null) => formatDecimal(v, 0);
const RETAINED_COLUMNS = figureColumns({
  categoryLabel: 'Milestone',
  valueLabel: 'Retained',
  format: formatRate,
  nLabel: 'Episodes still followed',
  numerator: false,
});
const COMPLETION_COLUMNS = figureColumns({
  categoryLabel: 'Group type',
  valueLabel: 'Completion rate',
  format: formatRate,
  nLabel: 'Discharged',
});
const REASON_COLUMNS = figureColumns({
  categoryLabel: 'Discharge reason',
  valueLabel: 'Share of discharges',
  format: formatRate,
  nLabel: 'Discharged',
  interval: false,
});
const STAY_COLUMNS = figureColumns({
  categoryLabel: 'Group type',
  valueLabel: 'Median length of stay (days)',
  format: formatDays,
  nLabel: 'Discharged',
  numerator: false,
  interval: false,
});

/** The milestone table, completion with its reasons, and length of stay, under the curves. */
export function RetentionBreakdowns({ report, status }: { report: RetentionReport | undefined; status: QueryStatus }) {
  const retained = useMemo(() => (report ? toRetainedAtFigures(report.total, report.byGroupType) : []), [report]);
  const completion = useMemo(() => (report ? toCompletionFigures(report.total, report.byGroupType) : []), [report]);
  const reasons = useMemo(() => (report ? toDischargeReasonFigures(report.total) : []), [report]);
  const stay = useMemo(() => (report ? toLengthOfStayFigures(report.total, report.byGroupType) : []), [report]);
  const discharged = report ? { value: report.total.discharged, unit: 'discharged' } : null;

  return (
    <>
      <ChartFrame
        title="Retained at 30, 60 and 90 days"
        figures="retainedAtDays"
        description="Kaplan–Meier share not dropped out at each milestone, with 95% intervals; n is the episodes still followed that long."
        status={status}
        rows={retained}
        columns={RETAINED_COLUMNS}
        n={report ? { value: report.total.episodes, unit: 'episodes admitted' } : null}
        scope={report?.scope}
        initiallyShowTable
        emptyMessage="No episode in this period has been followed 30 days yet."
      >
        <FigureBarChart
          figures={retained}
          format={formatRate}
          xLabel="Days since admission"
          yLabel="Retained (%)"
          nUnit="followed"
          yDomain={[0, 1]}
          yTicks={PERCENT_TICKS}
          height={300}
        />
      </ChartFrame>
      <div className="chart-grid">
        <ChartFrame
          title="Completion rate by group type"
          figures="completionRate"
          description="Completed ÷ discharged (any reason) on or before the as-of date, with 95% Wilson intervals."
          status={status}
          rows={completion}
          columns={COMPLETION_COLUMNS}
          n={discharged}
          scope={report?.scope}
          emptyMessage="No episode admitted in this period has been discharged yet."
        >
          <FigureBarChart
            figures={completion}
            format={formatRate}
            xLabel="Primary group type"
            yLabel="Completed (%)"
            nUnit="discharged"
            yDomain={[0, 1]}
            yTicks={PERCENT_TICKS}
          />
        </ChartFrame>
        <ChartFrame
          title="Discharge reasons"
          figures="dischargeReasons"
          description="Share of discharged episodes (all group types) by the reason recorded."
          status={status}
          rows={reasons}
          columns={REASON_COLUMNS}
          n={discharged}
          scope={report?.scope}
          emptyMessage="No episode admitted in this period has been discharged yet."
        >
          <FigureBarChart
            figures={reasons}
            format={formatRate}
            xLabel="Reason"
            yLabel="Share of discharges (%)"
            nUnit="discharged"
            percentAxis
          />
        </ChartFrame>
      </div>
      <ChartFrame
        title="Median length of stay by group type"
        figures="lengthOfStay"
        description="Median days from admission to discharge of the discharged episodes (any reason)."
        status={status}
        rows={stay}
        columns={STAY_COLUMNS}
        n={discharged}
        scope={report?.scope}
        emptyMessage="No episode admitted in this period has been discharged yet."
      >
        <FigureBarChart
          figures={stay}
          format={formatDays}
          xLabel="Primary group type"
          yLabel="Median stay (days)"
          nUnit="discharged"
          height={280}
        />
      </ChartFrame>
    </>
  );
}

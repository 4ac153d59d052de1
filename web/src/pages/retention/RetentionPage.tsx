import { useMemo, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { AdjustedComparisonSection } from './adjusted/AdjustedComparisonSection';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { AtRiskTable } from './AtRiskTable';
import { KaplanMeierChart } from './KaplanMeierChart';
import { KM_COLUMNS, toAtRiskTable, toKmSeries } from './km-series';
import { LogRankTable } from './LogRankTable';
import { RetentionBreakdowns } from './RetentionBreakdowns';
import { describeLogRank } from './retention-shape';
import { RetentionTiles } from './RetentionTiles';
import { useRetentionQuery } from './useRetentionQuery';

export default function RetentionPage() {
  const filter = useMetricsFilter();
  const query = useRetentionQuery(filter);
  // Bands of many overlapping types hide the curves; shown by default only for one or two series.
  const [intervalsChoice, setIntervalsChoice] = useState<boolean | null>(null);
  const report = query.data;
  const series = useMemo(() => (report ? toKmSeries(report.total, report.byGroupType) : []), [report]);
  const atRisk = useMemo(() => (report ? toAtRiskTable(report.total, report.byGroupType) : null), [report]);
  const rows = useMemo(() => series.flatMap((s) => s.points), [series]);
  const showIntervals = intervalsChoice ?? series.length <= 2;
  // An idle query (as-of not known yet) is shown as loading, not as empty.
  const status = { ...query, isPending: query.isPending || filter === null };

  return (
    <>
      <RetentionTiles report={report} loading={status.isPending} />
      <ChartFrame
        title="Retention by group type"
        figures="retentionCurve"
        description="Kaplan–Meier estimate of episodes not dropped out (dropped out or terminated), by days since admission."
        status={status}
        rows={rows}
        columns={KM_COLUMNS}
        n={report ? { value: report.total.episodes, unit: 'episodes admitted' } : null}
        scope={report?.scope}
        emptyMessage="No episodes were admitted in this period with these filters."
      >
        <label className="chart-option">
          <input type="checkbox" checked={showIntervals} onChange={(e) => setIntervalsChoice(e.target.checked)} /> Show
          95% intervals
        </label>
        <KaplanMeierChart series={series} showIntervals={showIntervals} />
        {atRisk && <AtRiskTable days={atRisk.days} rows={atRisk.rows} />}
        {report && (
          <p className="plain-words" data-testid="log-rank">
            {describeLogRank(report.comparison)}
          </p>
        )}
      </ChartFrame>
      <LogRankTable report={report} status={status} />
      <RetentionBreakdowns report={report} status={status} />
      <AdjustedComparisonSection filter={filter} />
    </>
  );
}

import { useMemo } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { figureColumns } from '../../charts/figures';
import { FigureBarChart } from '../../charts/FigureBarChart';
import { FigureLineChart } from '../../charts/FigureLineChart';
import { formatRate, formatScore } from '../../charts/format';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { pendingUntilFiltered } from '../query-status';
import { toAbstinenceFigures, toCravingFigures, toPdaFigures } from './sobriety-shape';
import { useSobrietyQuery } from './useSobrietyQuery';

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];
const PDA_COLUMNS = figureColumns({
  categoryLabel: 'Group type',
  valueLabel: 'Mean',
  format: formatRate,
  nLabel: 'Episodes',
  numerator: false,
  interval: false,
});
const ABSTINENCE_COLUMNS = figureColumns({
  categoryLabel: 'Milestone',
  valueLabel: 'Abstinent',
  format: formatRate,
  nLabel: 'Denominator (episodes)',
});
const CRAVING_COLUMNS = figureColumns({
  categoryLabel: 'Week since admission',
  valueLabel: 'Mean craving (0–10)',
  format: formatScore,
  nLabel: 'Check-ins',
  numerator: false,
  interval: false,
});

export default function SobrietyPage() {
  const filter = useMetricsFilter();
  const query = useSobrietyQuery(filter);
  const report = query.data;
  const status = pendingUntilFiltered(query, filter);
  const pda = useMemo(() => (report ? toPdaFigures(report.total, report.byGroupType) : []), [report]);
  const abstinence = useMemo(() => (report ? toAbstinenceFigures(report.total) : []), [report]);
  const craving = useMemo(() => (report ? toCravingFigures(report.total, report.byGroupType) : []), [report]);
  // The change from baseline can be negative: the axis then reaches below zero, in quarter steps.
  const pdaFloor = Math.min(0, Math.floor(Math.min(0, ...pda.map((f) => f.value ?? 0)) * 4) / 4);
  const pdaTicks = Array.from({ length: Math.round((1 - pdaFloor) * 4) + 1 }, (_, i) => pdaFloor + i * 0.25);
  const n = report ? { value: report.total.episodes, unit: 'episodes admitted' } : null;

  return (
    <>
      <ChartFrame
        title="Percent days abstinent against baseline"
        figures="pda"
        description="Mean share of days abstinent in treatment (from check-ins), and its mean change from the 30 days before admission, by primary group type."
        status={status}
        rows={pda}
        columns={PDA_COLUMNS}
        n={n}
        scope={report?.scope}
        emptyMessage="No episodes were admitted in this period with these filters."
      >
        <FigureBarChart
          figures={pda}
          format={formatRate}
          xLabel="Primary group type"
          yLabel="Days abstinent / change (%)"
          nUnit="episodes"
          yDomain={[pdaFloor, 1]}
          yTicks={pdaTicks}
        />
      </ChartFrame>
      <ChartFrame
        title="Abstinence at 30, 60 and 90 days"
        figures="abstinence"
        description="Share of episodes reporting no use at the check-in nearest each milestone (± 14 days), with 95% intervals."
        status={status}
        rows={abstinence}
        columns={ABSTINENCE_COLUMNS}
        n={n}
        scope={report?.scope}
        emptyMessage="No episode admitted in this period has reached a milestone yet (each needs the milestone plus 14 days of follow-up)."
      >
        <FigureBarChart
          figures={abstinence}
          format={formatRate}
          xLabel="Days since admission"
          yLabel="Abstinent (%)"
          nUnit="episodes"
          yDomain={[0, 1]}
          yTicks={PERCENT_TICKS}
        />
        <div className="explainer">
          <p>
            <strong>Responders only</strong> counts the episodes that sent a check-in near the milestone: of those, how
            many reported no use.
          </p>
          <p>
            <strong>Intent to treat</strong> counts every episode old enough to reach the milestone, and treats a
            missing check-in as not abstinent. It is the cautious figure: people who stop checking in are often those
            who are using. The truth usually lies between the two.
          </p>
        </div>
      </ChartFrame>
      <ChartFrame
        title="Craving by week since admission"
        figures="craving"
        description="Mean craving rating (0 = none, 10 = strongest) of in-treatment check-ins, weeks 0 to 12."
        status={status}
        rows={craving}
        columns={CRAVING_COLUMNS}
        n={n}
        scope={report?.scope}
        emptyMessage="No in-treatment check-ins with a craving rating for these filters."
      >
        <FigureLineChart
          figures={craving}
          format={formatScore}
          xLabel="Weeks since admission"
          yLabel="Mean craving (0–10)"
          yDomain={[0, 10]}
          yTicks={[0, 2, 4, 6, 8, 10]}
          nUnit="check-ins"
          categoryTitle={(week) => `Week ${week} since admission`}
        />
      </ChartFrame>
    </>
  );
}

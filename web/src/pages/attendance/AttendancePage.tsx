import { useMemo, useState } from 'react';
import { ChartFrame } from '../../charts/ChartFrame';
import { figureColumns } from '../../charts/figures';
import { FigureBarChart } from '../../charts/FigureBarChart';
import { FigureLineChart } from '../../charts/FigureLineChart';
import { formatRate, formatDate } from '../../charts/format';
import { drawnWeeks, partialWeeks, partialWeekTitle } from '../../charts/partial-weeks';
import { PartialWeeksOption } from '../../charts/PartialWeeksOption';
import { useMetricsFilter } from '../../filters/useMetricsFilter';
import { toAccountabilityFigures } from './accountability-shape';
import { intensityMet, noShowRate, toGroupTypeBars, toWeeklyAttendanceFigures } from './attendance-shape';
import { useAttendanceQuery } from './useAttendanceQuery';
import { useEpisodeAccountabilityQuery } from './useEpisodeAccountabilityQuery';
import { useIntensityQuery } from './useIntensityQuery';
import { useSessionAccountabilityQuery } from './useSessionAccountabilityQuery';
import { combinedStatus, pendingUntilFiltered } from '../query-status';

const PERCENT_TICKS = [0, 0.25, 0.5, 0.75, 1];

const WEEKLY_COLUMNS = figureColumns({
  categoryLabel: 'Week starting',
  valueLabel: 'Attendance rate',
  figure: 'attendanceRate',
  format: formatRate,
  nLabel: 'Non-excused rows',
});
const NO_SHOW_COLUMNS = figureColumns({
  categoryLabel: 'Group type',
  valueLabel: 'No-show rate',
  figure: 'noShowRate',
  format: formatRate,
  nLabel: 'Non-excused rows',
});
const INTENSITY_COLUMNS = figureColumns({
  categoryLabel: 'Group type',
  valueLabel: 'Intensity met',
  figure: 'intensityMet',
  format: formatRate,
  nLabel: 'Participant-weeks with known hours',
});
const ACCOUNTABILITY_COLUMNS = figureColumns({
  categoryLabel: 'Measure',
  valueLabel: 'Rate',
  figure: 'accountability',
  format: formatRate,
  nLabel: 'Denominator',
});

export default function AttendancePage() {
  const filter = useMetricsFilter();
  const attendance = useAttendanceQuery(filter);
  const intensity = useIntensityQuery(filter);
  const sessionAccountability = useSessionAccountabilityQuery(filter);
  const episodeAccountability = useEpisodeAccountabilityQuery(filter);

  const [showPartial, setShowPartial] = useState(false);
  const partial = useMemo(() => partialWeeks(attendance.data?.byWeek ?? []), [attendance.data]);
  const weekly = useMemo(
    () => drawnWeeks(toWeeklyAttendanceFigures(attendance.data?.byWeek ?? []), partial, showPartial),
    [attendance.data, partial, showPartial],
  );
  const noShow = useMemo(
    () => (attendance.data ? toGroupTypeBars(attendance.data.total, attendance.data.byGroupType, noShowRate) : []),
    [attendance.data],
  );
  const intensityBars = useMemo(
    () => (intensity.data ? toGroupTypeBars(intensity.data.total, intensity.data.byGroupType, intensityMet) : []),
    [intensity.data],
  );
  const accountability = useMemo(
    () =>
      sessionAccountability.data && episodeAccountability.data
        ? toAccountabilityFigures(sessionAccountability.data, episodeAccountability.data)
        : [],
    [sessionAccountability.data, episodeAccountability.data],
  );
  const total = attendance.data?.total;

  return (
    <>
      <ChartFrame
        title="Weekly attendance rate by group type"
        figures="attendanceRate"
        description="Attended (present, late or left early) ÷ scheduled rows that were not excused, per ISO week. The band is the 95% interval of the all-types rate."
        status={pendingUntilFiltered(attendance, filter)}
        rows={weekly}
        columns={WEEKLY_COLUMNS}
        n={total ? { value: total.nonExcused, unit: 'non-excused rows' } : null}
        scope={attendance.data?.scope}
        emptyMessage="No sessions with attendance in this period with these filters."
      >
        <PartialWeeksOption partial={partial} show={showPartial} onChange={setShowPartial} />
        <FigureLineChart
          figures={weekly}
          format={formatRate}
          xLabel="ISO week (Monday)"
          yLabel="Attendance rate (%)"
          yDomain={[0, 1]}
          yTicks={PERCENT_TICKS}
          nUnit="rows"
          bandSeries={['total']}
          tickFormat={formatDate}
          categoryTitle={partialWeekTitle(partial)}
        />
      </ChartFrame>
      <div className="chart-grid">
        <ChartFrame
          title="No-show rate by group type"
          figures="noShowRate"
          description="Absent (not excused) ÷ scheduled rows that were not excused, with 95% intervals."
          status={pendingUntilFiltered(attendance, filter)}
          rows={noShow}
          columns={NO_SHOW_COLUMNS}
          n={total ? { value: total.nonExcused, unit: 'rows' } : null}
          scope={attendance.data?.scope}
        >
          <FigureBarChart
            figures={noShow}
            format={formatRate}
            xLabel="Group type"
            yLabel="No-show rate (%)"
            nUnit="rows"
            percentAxis
          />
        </ChartFrame>
        <ChartFrame
          title="ASAM 2.1 intensity met by group type"
          figures="intensityMet"
          description="Share of participant-weeks with at least 9 hours attended (weeks with unknown hours left out), with 95% intervals. By group type, a week counts only the hours of that type's sessions: a type whose sessions add up to less than 9 hours a week rarely reaches it on its own, so a low share there is what the definition gives, not a failure; the all-types bar counts every hour of the week."
          status={pendingUntilFiltered(intensity, filter)}
          rows={intensityBars}
          columns={INTENSITY_COLUMNS}
          n={intensity.data ? { value: intensity.data.total.participantWeeks, unit: 'participant-weeks' } : null}
          scope={intensity.data?.scope}
        >
          <FigureBarChart
            figures={intensityBars}
            format={formatRate}
            xLabel="Group type"
            yLabel="Weeks with ≥ 9 hours (%)"
            nUnit="participant-weeks"
            percentAxis
          />
        </ChartFrame>
      </div>
      <ChartFrame
        title="Accountability measures by group type"
        figures="accountability"
        description={
          <>
            Consistency, feedback participation and re-engagement are session measures (with 95% intervals); check-in
            adherence and goal attainment are pooled over the episodes admitted in the period (no interval: their units
            are not independent).
          </>
        }
        status={combinedStatus(filter, sessionAccountability, episodeAccountability)}
        rows={accountability}
        columns={ACCOUNTABILITY_COLUMNS}
        scope={sessionAccountability.data?.scope}
      >
        <FigureBarChart
          figures={accountability}
          format={formatRate}
          xLabel="Accountability measure"
          yLabel="Rate (%)"
          nUnit=""
          yDomain={[0, 1]}
          yTicks={PERCENT_TICKS}
          height={360}
        />
      </ChartFrame>
    </>
  );
}

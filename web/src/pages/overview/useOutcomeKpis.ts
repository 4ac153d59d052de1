import type { ComparisonKind } from '@iop/metrics/comparison-period';
import { FIGURE_DEFINITIONS, retainedAtLabel } from '@iop/metrics/definitions';
import { useMemo } from 'react';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { previousPeriodFilter } from '../../filters/metrics-filter';
import { useAttendanceQuery } from '../attendance/useAttendanceQuery';
import { useSessionFeedbackQuery } from '../feedback/useSessionFeedbackQuery';
import { useRetentionQuery } from '../retention/useRetentionQuery';
import { useSobrietyQuery } from '../sobriety/useSobrietyQuery';
import { nOf, toKpi, type PeriodFigure } from './kpi-shape';

/** The four reports behind the outcome tiles, for one period. */
function useOutcomeReports(filter: MetricsFilterVariables | null) {
  const retention = useRetentionQuery(filter);
  const attendance = useAttendanceQuery(filter);
  const sobriety = useSobrietyQuery(filter);
  const feedback = useSessionFeedbackQuery(filter);
  return { retention, attendance, sobriety, feedback };
}

type Reports = ReturnType<typeof useOutcomeReports>;

/** The headline figure of each tile from one period's reports (undefined while loading). */
function headlineFigures({
  retention,
  attendance,
  sobriety,
  feedback,
}: Reports): Record<string, PeriodFigure | undefined> {
  const at90 = retention.data?.total.retainedAt.find((r) => r.days === 90);
  const completion = retention.data?.total.completion;
  const rate = attendance.data?.total.attendanceRate;
  const at30 = sobriety.data?.total.abstinence.find((m) => m.days === 30);
  const score = feedback.data?.total;
  return {
    retained90: retention.data && {
      value: at90?.survival ?? null,
      lower: at90?.lower,
      upper: at90?.upper,
      n: nOf(at90?.atRisk ?? 0, 'followed 90 days'),
    },
    completion: completion && {
      value: completion.rate,
      lower: completion.lower,
      upper: completion.upper,
      n: nOf(completion.denominator, 'discharged'),
    },
    attendance: rate && {
      value: rate.rate,
      lower: rate.lower,
      upper: rate.upper,
      n: nOf(rate.denominator, 'non-excused rows'),
    },
    abstinence30: sobriety.data && {
      value: at30?.intentToTreatRate.rate ?? null,
      lower: at30?.intentToTreatRate.lower,
      upper: at30?.intentToTreatRate.upper,
      n: nOf(at30?.eligible ?? 0, 'eligible episodes'),
    },
    alliance: score && { value: score.meanScore, n: nOf(score.responses, 'responses') },
  };
}

const TILES = [
  { key: 'retained90', label: retainedAtLabel(90), scale: 'percent' },
  { key: 'completion', label: FIGURE_DEFINITIONS.completionRate.name, scale: 'percent' },
  { key: 'attendance', label: FIGURE_DEFINITIONS.attendanceRate.name, scale: 'percent' },
  { key: 'abstinence30', label: FIGURE_DEFINITIONS.abstinence30.name, scale: 'percent' },
  { key: 'alliance', label: FIGURE_DEFINITIONS.sessionScore.name, scale: 'score' },
] as const;

/**
 * Outcome tiles of the period, each against the chosen previous period; `previousHasData` (from
 * the overview of the same two periods) false makes each change read "no data for …".
 */
export function useOutcomeKpis(
  filter: MetricsFilterVariables | null,
  comparison: ComparisonKind,
  previousHasData: boolean | undefined,
) {
  const previousFilter = useMemo(
    () => (filter ? previousPeriodFilter(filter, comparison) : null),
    [filter, comparison],
  );
  const current = useOutcomeReports(filter);
  const previous = useOutcomeReports(previousFilter);
  const currentFigures = headlineFigures(current);
  const previousFigures = headlineFigures(previous);
  const noDataIn = previousHasData === false ? previousFilter : null;
  const tiles = TILES.map((t) =>
    toKpi(t.key, t.label, t.scale, currentFigures[t.key], previousFigures[t.key], noDataIn),
  );
  const all = Object.values(current);
  return {
    tiles,
    previousFilter,
    isPending: filter === null || all.some((q) => q.isPending),
    error: all.find((q) => q.error)?.error ?? null,
    refetch: () => Promise.all(all.map((q) => q.refetch())),
    trends: {
      retained90: current.retention.data?.total.curve.map((p) => p.survival) ?? [],
      // Whole weeks only: a cut week's few rows would read as a spike (docs/METRICS.md, partial weeks).
      attendance:
        current.attendance.data?.byWeek.filter((w) => !w.partial).map((w) => w.total.attendanceRate.rate) ?? [],
      alliance: current.feedback.data?.byWeek.filter((w) => !w.partial).map((w) => w.total.meanScore) ?? [],
    },
  };
}

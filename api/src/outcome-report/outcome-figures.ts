import type { SessionFeedbackReport } from '../feedback/session-feedback.model';
import type { AttendanceReport } from '../attendance/attendance.model';
import type { IntensityReport } from '../attendance/intensity.model';
import type { ProgramOverview } from '../overview/overview.model';
import type { RetentionFigures, RetentionReport } from '../retention/retention.model';
import type { SobrietyFigures, SobrietyReport } from '../sobriety/sobriety.model';
import type { RawFigure } from '../privacy/suppression';
import { OUTCOME_MEASURES, OutcomeMeasure } from './outcome-measures';

type Period = RawFigure['period'];

/**
 * A program overview and which of its two periods is the report's period: the report's previous
 * period is, as a rule, the overview's previous period, so one overview serves both.
 */
export interface OverviewSide {
  overview: ProgramOverview;
  side: 'current' | 'previous';
}

/** What the report is computed from, for one period. */
export interface PeriodReports {
  overview: OverviewSide;
  retention: RetentionReport;
  attendance: AttendanceReport;
  intensity: IntensityReport;
  sobriety: SobrietyReport;
  feedback: SessionFeedbackReport;
}

interface Proportion {
  numerator: number;
  denominator: number;
  rate: number | null;
  lower?: number | null;
  upper?: number | null;
}

function figure(
  measure: OutcomeMeasure,
  period: Period,
  groupType: string | null,
  values: Partial<RawFigure>,
): RawFigure {
  const { section, unit } = OUTCOME_MEASURES[measure];
  return { section, measure, unit, period, groupType, value: null, lower: null, upper: null, n: 0, ...values };
}

const count = (measure: OutcomeMeasure, period: Period, groupType: string | null, value: number) =>
  figure(measure, period, groupType, { value, n: value });

const proportion = (measure: OutcomeMeasure, period: Period, groupType: string | null, p: Proportion) =>
  figure(measure, period, groupType, {
    value: p.rate,
    lower: p.lower ?? null,
    upper: p.upper ?? null,
    n: p.denominator,
    numerator: p.numerator,
  });

/** Every figure of one period, before suppression: totals (groupType null) and by group type. */
export function outcomeFigures(period: Period, r: PeriodReports): RawFigure[] {
  const figures: RawFigure[] = [];
  const o = r.overview.overview;
  const side = r.overview.side;
  const pick = (c: { current: number; previous: number }) => c[side];
  figures.push(
    count('admissions', period, null, pick(o.admissions)),
    count('discharges', period, null, pick(o.discharges)),
    count('open_episodes', period, null, pick(o.openEpisodes)),
    count('participants_served', period, null, pick(o.participantsServed)),
    count('sessions_held', period, null, pick(o.sessionsHeld)),
    ...o.sessionsHeldByGroupType.map((s) => count('sessions_held', period, s.groupType, pick(s))),
  );
  for (const f of [r.retention.total, ...r.retention.byGroupType]) figures.push(...retentionFigures(period, f));
  for (const { groupType, figures: a } of [
    { groupType: null, figures: r.attendance.total },
    ...r.attendance.byGroupType,
  ]) {
    figures.push(proportion('attendance_rate', period, groupType, a.attendanceRate));
  }
  for (const { groupType, figures: i } of [
    { groupType: null, figures: r.intensity.total },
    ...r.intensity.byGroupType,
  ]) {
    figures.push(proportion('intensity_met', period, groupType, i.intensityMet));
  }
  for (const s of [r.sobriety.total, ...r.sobriety.byGroupType]) figures.push(...sobrietyFigures(period, s));
  for (const { groupType, figures: f } of [{ groupType: null, figures: r.feedback.total }, ...r.feedback.byGroupType]) {
    figures.push(
      figure('alliance_mean', period, groupType, { value: f.meanScore, n: f.responses }),
      proportion('alliance_flag_rate', period, groupType, f.allianceFlag),
    );
  }
  return figures;
}

function retentionFigures(period: Period, f: RetentionFigures): RawFigure[] {
  const g = f.groupType;
  const retained = (days: 30 | 60 | 90) => {
    const at = f.retainedAt.find((m) => m.days === days);
    return figure(`retained_${days}d`, period, g, {
      value: at?.survival ?? null,
      lower: at?.lower ?? null,
      upper: at?.upper ?? null,
      n: at?.atRisk ?? 0,
    });
  };
  return [
    count('episodes', period, g, f.episodes),
    proportion('completion_rate', period, g, f.completion),
    retained(30),
    retained(60),
    retained(90),
    figure('median_days_to_dropout', period, g, { value: f.medianDaysToDropout, n: f.episodes }),
  ];
}

function sobrietyFigures(period: Period, s: SobrietyFigures): RawFigure[] {
  const g = s.groupType;
  const milestone = (days: 30 | 90) => s.abstinence.find((m) => m.days === days);
  const m30 = milestone(30);
  const m90 = milestone(90);
  const empty = { numerator: 0, denominator: 0, rate: null };
  return [
    proportion('abstinent_30d_responders', period, g, m30?.responderRate ?? empty),
    proportion('abstinent_30d_itt', period, g, m30?.intentToTreatRate ?? empty),
    proportion('abstinent_90d_responders', period, g, m90?.responderRate ?? empty),
    proportion('abstinent_90d_itt', period, g, m90?.intentToTreatRate ?? empty),
    figure('pda_change', period, g, { value: s.pdaChangeFromBaseline.mean, n: s.pdaChangeFromBaseline.n }),
  ];
}

import type { INestApplicationContext } from '@nestjs/common';
import { EpisodeAccountabilityService } from '../accountability/episode-accountability.service';
import { AttendanceService } from '../attendance/attendance.service';
import { IntensityService } from '../attendance/intensity.service';
import { SessionAccountabilityService } from '../attendance/session-accountability.service';
import { DrilldownService } from '../drilldown/drilldown.service';
import { EarlyWarningService, MAX_EARLY_WARNING_LIMIT } from '../early-warning/early-warning.service';
import type { DerivedStamp } from '@iop/metrics';
import { setDerivedDataEnabled } from '../episodes/derived-data';
import { SessionFeedbackService } from '../feedback/session-feedback.service';
import { GROUP_TYPES, MetricsFilter } from '../filters';
import { OutcomeReportService } from '../outcome-report/outcome-report.service';
import { OverviewService } from '../overview/overview.service';
import { RetentionService } from '../retention/retention.service';
import { SobrietyService } from '../sobriety/sobriety.service';
import { recordStatements } from './derived-testing';

// What the specs that hold the derived tables to the live SQL share: every metric query, how to
// run one both ways, and which of them may answer from the derived tables.

export type MetricQuery = [name: string, run: (f: MetricsFilter) => Promise<unknown>];

/** Every metric query the derived tables serve, by name, called on the services of `app`. */
export function metricQueries(app: INestApplicationContext): MetricQuery[] {
  return [
    ['retention', (f) => app.get(RetentionService).retention(f)],
    ['sobriety', (f) => app.get(SobrietyService).sobriety(f)],
    ['episodeAccountability', (f) => app.get(EpisodeAccountabilityService).episodeAccountability(f)],
    ['programOverview', (f) => app.get(OverviewService).overview(f)],
    ['attendance', (f) => app.get(AttendanceService).attendance(f)],
    ['attendanceIntensity', (f) => app.get(IntensityService).intensity(f)],
    ['sessionAccountability', (f) => app.get(SessionAccountabilityService).accountability(f)],
    ['sessionFeedback', (f) => app.get(SessionFeedbackService).feedback(f)],
    ['outcomeReport', (f) => app.get(OutcomeReportService).report(f)],
    // Only asOf and siteIds apply; the whole list, and its first few (ties broken the same way).
    ['earlyWarning', (f) => app.get(EarlyWarningService).atRisk(f, MAX_EARLY_WARNING_LIMIT)],
    ['earlyWarning top 7', (f) => app.get(EarlyWarningService).atRisk(f, 7)],
    ...GROUP_TYPES.map((type): MetricQuery => [
      `drilldownGroups ${type}`,
      (f) => app.get(DrilldownService).groups(type, f),
    ]),
  ];
}

/** A derived table named in a statement. */
export const DERIVED_TABLE =
  /\bderived\.(episode_fact|episode_outcome_day|episode_outcome_month|episode_outcome_day_all_sites|episode_outcome_month_all_sites|episode_cell|craving_month|milestone_cell|session_type_week|participant_week_cell|episode_warning|group_day_total)\b/;

/** Float sums may add in another order: compare them to 12 significant digits. */
export function comparable(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}

/**
 * Runs a query with the derived tables off, then on: both answers (comparable), and whether the
 * second read a derived table. Fails if the live run read one.
 */
export async function liveAndDerived(run: (f: MetricsFilter) => Promise<unknown>, filter: MetricsFilter) {
  setDerivedDataEnabled(false);
  const live = await recordStatements(() => run(filter)).finally(() => setDerivedDataEnabled(true));
  const derived = await recordStatements(() => run(filter));
  expect(live.statements.some((s) => DERIVED_TABLE.test(s))).toBe(false);
  return {
    live: comparable(live.result),
    derived: comparable(derived.result),
    usedDerived: derived.statements.some((s) => DERIVED_TABLE.test(s)),
  };
}

/**
 * Whether a query should answer from the derived tables (stamped `stamp`): only as of their own
 * date; and intensity only where its participant-week cells hold the week asked for, that is all
 * five types or one, and one site or all unless no participant-week spans two sites.
 */
export function answersFromDerived(name: string, filter: MetricsFilter, stamp: DerivedStamp): boolean {
  if (filter.asOf && filter.asOf !== stamp.asOf) return false;
  if (name !== 'attendanceIntensity') return true;
  const types = filter.groupTypes?.length || GROUP_TYPES.length;
  const sites = filter.siteIds?.length ?? 0;
  return (types === 1 || types === GROUP_TYPES.length) && (sites <= 1 || stamp.singleSite);
}

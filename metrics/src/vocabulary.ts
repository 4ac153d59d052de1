/**
 * The vocabulary of docs/METRICS.md, once: the codes, the statuses that count, the thresholds and
 * the milestones. The loader's contract parsers, the derived tables and the API's SQL all read
 * these; changing one changes every figure that uses it.
 */

/** The group types of docs/DATA_CONTRACT.md, in the contract's order (their codes in derived tables). */
export const GROUP_TYPE_CODES = ['psychoeducation', 'skills', 'process', 'trauma_informed', 'family'] as const;
export type GroupTypeCode = (typeof GROUP_TYPE_CODES)[number];

/** Discharge reasons in the order of the TEDS reason-for-discharge codes 1-7. */
export const DISCHARGE_REASON_CODES = [
  'completed',
  'dropped_out',
  'terminated',
  'transferred',
  'incarcerated',
  'died',
  'other',
] as const;
export type DischargeReasonCode = (typeof DISCHARGE_REASON_CODES)[number];

export const ATTENDANCE_STATUS_CODES = ['present', 'late', 'left_early', 'absent', 'excused'] as const;

/** Attended = present + late + left early (absent and excused are not). */
export const ATTENDED_STATUSES = ['present', 'late', 'left_early'] as const;
/** ATTENDED_STATUSES as an SQL list, for `status IN ${ATTENDED_SQL}`. */
export const ATTENDED_SQL = `(${ATTENDED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** ASAM level 2.1 (intensive outpatient): at least 9 hours of services a week, in minutes. */
export const INTENSITY_MINUTES_PER_WEEK = 540;

/** A Group Session Rating Scale score at or below this flags the session (its published cut-off). */
export const ALLIANCE_FLAG_MAX_SCORE = 36;

/** Days after admission at which retention is read (Kaplan-Meier). */
export const RETENTION_MILESTONES = [30, 60, 90];
/** Days after admission at which abstinence is read. */
export const ABSTINENCE_MILESTONES = [30, 60, 90];

/**
 * Early-warning windows, both ending on as_of and counting as_of itself: "the 14 days before
 * as_of" = [as_of − 13, as_of] (session_date > as_of − 14), and "the last 7" days = [as_of − 6,
 * as_of] (session_date > as_of − 7).
 */
export const WARNING_RECENT_DAYS = 14;
export const WARNING_ATTENDED_DAYS = 7;
/** How many days back from as-of the early warning counts rows at all (the longer window). */
export const WARNING_COUNT_DAYS = Math.max(WARNING_RECENT_DAYS, WARNING_ATTENDED_DAYS);

/**
 * Re-engagement: an absent row re-engaged when the participant attended the same group within
 * this many days after it; rows dated on or before as_of minus these days are judged.
 */
export const REENGAGEMENT_DAYS = 14;

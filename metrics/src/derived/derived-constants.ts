// Definitions the derived tables share with the API's SQL (see the api constants named).

import { DISCHARGE_REASON_CODES, GROUP_TYPE_CODES } from '../vocabulary';

/**
 * Codes of the retention tables derived.episode_outcome_day and derived.episode_outcome_month (1-based positions in the contract's lists, whose order is fixed: the
 * discharge reasons follow the TEDS codes 1-7): small integers group and hash faster than text.
 */
export const OUTCOME_GROUP_TYPE_CODES: readonly string[] = GROUP_TYPE_CODES;
export const OUTCOME_REASON_CODES: readonly string[] = DISCHARGE_REASON_CODES;

/** Per-session sums kept in derived.session_fact and in the session cells (api derivedSessionCte reads them). */
export const SESSION_SUM_COLUMNS: readonly string[] = [
  'scheduled',
  'present',
  'late',
  'left_early',
  'absent',
  'excused',
  'feedback_attended',
  'reengaged',
  'responses',
  'flagged',
  'score_sum',
  'relationship_sum',
  'goals_topics_sum',
  'approach_sum',
  'overall_sum',
];

/** The month of an episode's admission: the key of the monthly episode rollups. */
export const MONTH_OF_ADMISSION = `date_trunc('month', admission_date)::date`;

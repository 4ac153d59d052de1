// Definitions the derived tables share with the API's SQL (see the api constants named).

import { DISCHARGE_REASONS, GROUP_TYPES } from '../contract/vocabularies';

/** Session scores at or below this are flagged (api ALLIANCE_FLAG_MAX_SCORE). */
export const FLAG_MAX_SCORE = 36;
/** The attended statuses (api ATTENDED). */
export const ATTENDED = `('present', 'late', 'left_early')`;

/**
 * Codes of the retention tables episode_outcome_day and episode_outcome_month (1-based positions in the contract's lists, whose order is fixed: the
 * discharge reasons follow the TEDS codes 1-7): small integers group and hash faster than text.
 */
export const OUTCOME_GROUP_TYPE_CODES: readonly string[] = GROUP_TYPES.codes;
export const OUTCOME_REASON_CODES: readonly string[] = DISCHARGE_REASONS.codes;

/** Per-session sums kept in session_fact and in the session cells (api derivedSessionCte reads them). */
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

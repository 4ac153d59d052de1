// Definitions the derived tables share with the API's SQL (see the api constants named).

/** Session scores at or below this are flagged (api ALLIANCE_FLAG_MAX_SCORE). */
export const FLAG_MAX_SCORE = 36;
/** The attended statuses (api ATTENDED). */
export const ATTENDED = `('present', 'late', 'left_early')`;

/**
 * Codes of episode_outcome (1-based positions): small integers group and hash faster than text.
 * Append only: stored rows keep their codes until the next load.
 */
export const OUTCOME_GROUP_TYPE_CODES = ['psychoeducation', 'skills', 'process', 'trauma_informed', 'family'];
export const OUTCOME_REASON_CODES = [
  'completed',
  'dropped_out',
  'terminated',
  'transferred',
  'incarcerated',
  'died',
  'other',
];

// Definitions the derived tables share with the API's SQL (see the api constants named).

/** Session scores at or below this are flagged (api ALLIANCE_FLAG_MAX_SCORE). */
export const FLAG_MAX_SCORE = 36;
/** The attended statuses (api ATTENDED). */
export const ATTENDED = `('present', 'late', 'left_early')`;

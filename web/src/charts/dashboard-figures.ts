import type { FigureId } from '@iop/metrics/definitions';

/**
 * Every figure each dashboard page shows with an info button (tiles, charts), by page path. The
 * browser test opens each page and finds exactly these buttons; the unit test checks that each has
 * a complete definition and that the pages name no other.
 */
export const DASHBOARD_FIGURES = {
  '/': [
    'retainedAtDays',
    'completionRate',
    'attendanceRate',
    'abstinence30',
    'sessionScore',
    'admissions',
    'discharges',
    'openEpisodes',
    'participantsServed',
    'sessionsHeld',
    'cohortTrends',
  ],
  '/retention': [
    'retainedAtDays',
    'medianDaysToDropout',
    'completionRate',
    'lengthOfStay',
    'logRank',
    'retentionCurve',
    'dischargeReasons',
    'adjustedHazard',
    'adjustedRetention',
    'proportionalHazards',
    'schoenfeld',
    'adjustedCompletion',
  ],
  '/attendance': ['attendanceRate', 'noShowRate', 'intensityMet', 'accountability'],
  '/sobriety': ['pda', 'abstinence', 'craving'],
  '/feedback': ['sessionScore', 'ratingItems', 'allianceFlagRate'],
  '/groups': ['attendanceRate', 'groupFunnel'],
  '/at-risk': ['earlyWarning'],
} as const satisfies Record<string, readonly FigureId[]>;

// The rates that shape the demo data, and where they come from.
//
// From CTN-0094 (shared/data/ctn0094; NIDA CTN-0027 and CTN-0051, whose protocols have weekly
// visits WK0-WK24; 1,842 participants with at least one weekly visit; visit.csv and tlfb.csv,
// methadone/buprenorphine excluded from use days because they were prescribed):
// - Retention decays fast, then slowly. 9% never come back after week 0; 12% are gone by week 2,
//   16% by week 4, 25% by week 12, 32% by week 24. The weekly hazard is ~9% in week 0, 2-3% in
//   weeks 1-6 and ~1% after week 8. DROPOUT_LAST_WEEK_WEIGHTS is that histogram of the week of
//   the last visit among those who left.
// - Missed visits cluster before leaving. Among participants whose last visit fell in weeks 6-19,
//   the share of missed weekly visits was 0.25, 0.25, 0.24 in the 1st, 2nd and 3rd week before the
//   last visit, 0.17 four weeks before, and 0.10-0.15 five to eight weeks before (~2x the usual
//   rate in the last month). ABSENCE_RAMP_BEFORE_LAST_VISIT reproduces that ratio.
// - Self-reported use falls steeply, then plateaus. Before consent the median participant used on
//   28 of 30 days; during treatment 36% of days in week 0, 27% in week 1, then a plateau at 22-24%,
//   while weeks without any use rose from 42% (week 0) to ~54% (week 16). USE_LEVEL_BY_WEEK keeps
//   that shape relative to baseline. An IOP caseload (alcohol, cannabis, stimulants as well as
//   opioids, fewer daily users) uses less, so the demo scales levels down and lets abstinent weeks
//   dominate, as the brief asks.
// - Use in the four weeks before dropping out was no higher than among those who stayed (23.5% vs
//   23.4% of days), so the demo ties dropout to attendance, not to reported use; it does stop
//   check-ins of people who are drifting away.
//
// From TEDS-D (SAMHSA discharge data, ambulatory intensive outpatient): about half of discharges
// complete treatment, a quarter to a third drop out; termination, transfer, incarceration and
// other reasons share the rest; death is rare. DISCHARGE_REASON_WEIGHTS follows that, set a little
// below the target for dropout because the risk factors (group type, co-occurring disorder, heavy
// use, readmission) raise it on average, and because within one year of data short episodes that
// end in dropout are discharged more often than long ones that would end in completion.

import type { DischargeReason, Gender, GroupType, Modality, Substance } from './vocabulary';

export const DROPOUT_LAST_WEEK_WEIGHTS: readonly number[] = [
  163, 52, 34, 38, 34, 25, 29, 15, 24, 20, 20, 15, 15, 6, 18, 10, 13, 8, 6, 9, 12, 8, 11, 18,
];

/** Multiplier on the chance of an absence, by whole weeks before the last attended session. */
export function absenceRampBeforeLastVisit(weeksBefore: number): number {
  if (weeksBefore < 3) return 2.3;
  if (weeksBefore < 4) return 1.6;
  if (weeksBefore < 8) return 1.2;
  return 1;
}

/** Expected share of baseline use that remains in week k of treatment (CTN shape, IOP level). */
export function useLevelByWeek(week: number): number {
  if (week <= 0) return 0.42;
  if (week === 1) return 0.3;
  // Slow improvement after the first fortnight, as abstinent weeks slowly become more common.
  return Math.max(0.14, 0.26 - 0.008 * (week - 2));
}

/** Shares of discharges by reason before the group type and risk factors adjust dropout. */
export const DISCHARGE_REASON_WEIGHTS: Readonly<Record<DischargeReason, number>> = {
  completed: 0.5,
  dropped_out: 0.21,
  terminated: 0.05,
  transferred: 0.09,
  incarcerated: 0.03,
  died: 0.006,
  other: 0.084,
};

/** Dropout (and termination) risk by primary group type, so that the log-rank comparison has
 * something to find: family involvement retains best, a lecture-style group worst. */
export const DROPOUT_RISK_BY_GROUP_TYPE: Readonly<Record<GroupType, number>> = {
  psychoeducation: 1.3,
  skills: 1.0,
  process: 0.9,
  trauma_informed: 1.1,
  family: 0.65,
};

/** Share of episodes whose primary group is of each type. */
export const PRIMARY_GROUP_TYPE_WEIGHTS: readonly (readonly [GroupType, number])[] = [
  ['psychoeducation', 0.24],
  ['skills', 0.24],
  ['process', 0.26],
  ['trauma_informed', 0.14],
  ['family', 0.12],
];

/** Chance of coming back for another episode, by how the previous one ended. */
export const READMISSION_CHANCE: Readonly<Record<DischargeReason, number>> = {
  completed: 0.08,
  dropped_out: 0.25,
  terminated: 0.2,
  transferred: 0.05,
  incarcerated: 0.2,
  died: 0,
  other: 0.12,
};

export const GENDER_WEIGHTS: readonly (readonly [Gender, number])[] = [
  ['male', 0.6],
  ['female', 0.36],
  ['nonbinary', 0.015],
  ['other', 0.005],
  ['unknown', 0.02],
];

export const SUBSTANCE_WEIGHTS: readonly (readonly [Substance, number])[] = [
  ['alcohol', 0.38],
  ['opioids', 0.2],
  ['stimulants', 0.16],
  ['cannabis', 0.16],
  ['sedatives', 0.04],
  ['other', 0.06],
];

export const SITES: readonly { name: string; weight: number }[] = [
  { name: 'Riverside Recovery Center', weight: 0.45 },
  { name: 'Northgate Outpatient Services, Suite 200', weight: 0.35 },
  { name: 'Lakeview "New Directions" IOP', weight: 0.2 },
];

export interface GroupTypeProfile {
  label: string;
  modalities: readonly (readonly [Modality, number])[];
  sessionsPerWeek: readonly (readonly [2 | 3, number])[];
  durationsMinutes: readonly number[];
  topics: readonly string[];
}

export const GROUP_TYPE_PROFILES: Readonly<Record<GroupType, GroupTypeProfile>> = {
  psychoeducation: {
    label: 'psychoeducation',
    modalities: [
      ['cbt', 3],
      ['motivational', 3],
      ['twelve_step', 2],
      ['other', 1],
    ],
    sessionsPerWeek: [
      [2, 1],
      [3, 2],
    ],
    durationsMinutes: [60, 90, 90, 120],
    topics: [
      'How substances change the brain',
      'Triggers, cravings and urges',
      'Relapse warning signs',
      'Sleep, nutrition and recovery',
      'Medications for addiction treatment',
      'Alcohol and the body',
      'Understanding post-acute withdrawal',
      'Stages of change',
      'Recovery supports in the community',
      'Stress, mood and use',
    ],
  },
  skills: {
    label: 'skills',
    modalities: [
      ['dbt', 4],
      ['cbt', 3],
      ['mindfulness', 2],
    ],
    sessionsPerWeek: [
      [3, 3],
      [2, 1],
    ],
    durationsMinutes: [120, 180, 180],
    topics: [
      'Distress tolerance: TIPP skills',
      'Urge surfing',
      'Refusal skills, role play',
      'Emotion regulation: checking the facts',
      'Interpersonal effectiveness (DEAR MAN)',
      'Mindfulness of breath',
      'Problem solving, step by step',
      'Coping plan for high-risk situations',
      'The "HALT" check: hungry, angry, lonely, tired',
      'Building a daily structure',
    ],
  },
  process: {
    label: 'process group',
    modalities: [
      ['motivational', 3],
      ['twelve_step', 2],
      ['cbt', 2],
      ['other', 2],
    ],
    sessionsPerWeek: [
      [3, 4],
      [2, 1],
    ],
    durationsMinutes: [90, 150, 180, 180],
    topics: [
      'Weekly check-in and goals',
      'Shame, guilt and self-forgiveness',
      'Repairing relationships',
      'Ambivalence about change',
      'Loss and grief',
      'Anger, resentment and letting go',
      'Celebrating milestones',
      'Open process',
      'Identity in recovery',
    ],
  },
  trauma_informed: {
    label: 'trauma-informed',
    modalities: [
      ['cbt', 3],
      ['mindfulness', 2],
      ['other', 2],
    ],
    sessionsPerWeek: [
      [2, 1],
      [3, 1],
    ],
    durationsMinutes: [90, 90, 120],
    topics: [
      'Seeking Safety: safety as priority',
      'Grounding techniques',
      'Trauma, PTSD and substance use',
      'Setting boundaries',
      'Healthy relationships',
      'Asking for help',
      'Self-compassion, self-care',
      'Creating meaning',
    ],
  },
  family: {
    label: 'family',
    modalities: [
      ['other', 3],
      ['motivational', 2],
      ['cbt', 2],
    ],
    sessionsPerWeek: [
      [2, 3],
      [3, 1],
    ],
    durationsMinutes: [90, 120, 120],
    topics: [
      'Addiction as a family disease',
      'Communication without blame',
      'Enabling vs. supporting',
      'Rebuilding trust',
      'Family roles, rules and boundaries',
      'Self-care for family members',
      'Planning for holidays and gatherings',
      'CRAFT: positive reinforcement at home',
    ],
  },
};

/** The weekday patterns on which a group meets (0 = Sunday). Saturday groups serve people who
 * work during the week. */
export const MEETING_DAYS: Readonly<Record<2 | 3, readonly (readonly number[])[]>> = {
  2: [
    [1, 3],
    [2, 4],
    [3, 6],
    [2, 6],
  ],
  3: [
    [1, 3, 5],
    [2, 4, 6],
    [1, 2, 4],
  ],
};

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;

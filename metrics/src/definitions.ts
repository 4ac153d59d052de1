/**
 * What every figure means, in plain words, once (after docs/METRICS.md). The dashboard's info
 * popovers, the report's methods page (PDF and web) and the API all read these texts: a figure's
 * wording changes here or nowhere. Pure data, no imports, so that the browser can load it too.
 */

export interface FigureDefinition {
  /** The figure's name as the dashboard shows it ("About <name>"). */
  name: string;
  /** What the figure is, in plain words. */
  definition: string;
  /** What is counted on top (for a mean: what is summed). */
  numerator: string;
  /** What it is out of (for a mean: what is averaged over). */
  denominator: string;
  /** Who or what is left out. */
  excluded: string;
}

const def = (d: FigureDefinition) => d;

/** A retention figure read on one day since admission, as tiles and charts label it. */
export const retainedAtLabel = (days: number) => `Retained at ${days} days`;
/** An abstinence milestone, intent to treat, as tiles and charts label it. */
export const abstinentAtLabel = (days: number) => `Abstinent at ${days} days (intent to treat)`;

export const FIGURE_DEFINITIONS = {
  admissions: def({
    name: 'Admissions',
    definition: 'Treatment episodes admitted in the period.',
    numerator: 'Episodes whose admission date is in the period.',
    denominator: 'None: a count.',
    excluded: 'Episodes admitted after the as-of date; episodes at sites or of group types outside the filters.',
  }),
  discharges: def({
    name: 'Discharges',
    definition: 'Treatment episodes discharged in the period, for any reason.',
    numerator: 'Episodes whose discharge date is in the period and on or before the as-of date.',
    denominator: 'None: a count.',
    excluded: 'Discharges after the as-of date (those episodes count as still open).',
  }),
  openEpisodes: def({
    name: 'Open episodes at period end',
    definition: "Treatment episodes open on the period's last day (the as-of date when the period runs to it).",
    numerator: 'Episodes admitted on or before that day and not discharged before it.',
    denominator: 'None: a count.',
    excluded: 'Episodes admitted after that day or discharged before it.',
  }),
  participantsServed: def({
    name: 'Participants served',
    definition: 'Different people with a treatment episode open on any day of the period.',
    numerator: 'Distinct participants with an episode open on at least one day of the period.',
    denominator: 'None: a count.',
    excluded: 'Nobody is counted twice, however many episodes they had.',
  }),
  sessionsHeld: def({
    name: 'Sessions held',
    definition: 'Group sessions held in the period, by the type of group.',
    numerator: 'Sessions dated in the period, of groups at the chosen sites and of the chosen group types.',
    denominator: 'None: a count.',
    excluded: 'Sessions dated after the as-of date.',
  }),
  retentionCurve: def({
    name: 'Retention curve',
    definition:
      'The Kaplan–Meier estimate of the share of episodes not yet dropped out on each day since admission, with a ' +
      "95% interval (Greenwood's method, log scale). Dropping out means a discharge as dropped out or terminated; a " +
      'completed episode never drops out and counts as retained up to the as-of date.',
    numerator: 'Episodes still in treatment (not dropped out) on that day, estimated.',
    denominator: 'Episodes admitted in the period, followed to their discharge or to the as-of date.',
    excluded:
      'Nothing is dropped: episodes that ended by transfer, incarceration, death or another reason, and open ' +
      'episodes, are followed until they ended (or to the as-of date) and then no longer counted ("censored").',
  }),
  retainedAtDays: def({
    name: 'Retained at 30, 60 and 90 days',
    definition:
      'The retention curve read on day 30, 60 and 90 after admission: the estimated share of episodes not dropped ' +
      'out by that day, with a 95% interval.',
    numerator: 'Episodes estimated not to have dropped out by that day (a dropout on that very day counts).',
    denominator: 'Episodes admitted in the period; "followed" is the number still at risk on that day.',
    excluded: 'No figure when no episode has been followed that many days.',
  }),
  medianDaysToDropout: def({
    name: 'Median days to dropout',
    definition: 'The first day on which the retention curve reaches 50% or lower: half or more had dropped out.',
    numerator: 'The day, read from the retention curve.',
    denominator: 'Episodes admitted in the period.',
    excluded: '"Not reached" while more than half are still retained.',
  }),
  completionRate: def({
    name: 'Completion rate',
    definition: 'The share of discharged episodes that completed treatment, with a 95% Wilson score interval.',
    numerator: 'Episodes discharged as completed.',
    denominator: 'Episodes admitted in the period and discharged by the as-of date, for any reason.',
    excluded: 'Episodes still open on the as-of date.',
  }),
  dischargeReasons: def({
    name: 'Discharge reasons',
    definition: 'How discharged episodes ended, one count per reason (completed, dropped out, terminated, …).',
    numerator: 'Episodes discharged with that reason.',
    denominator: 'Episodes admitted in the period and discharged by the as-of date.',
    excluded: 'Episodes still open on the as-of date.',
  }),
  lengthOfStay: def({
    name: 'Median length of stay',
    definition: 'The middle number of days from admission to discharge, among discharged episodes (any reason).',
    numerator: 'Days from admission to discharge of each episode.',
    denominator: 'Episodes admitted in the period and discharged by the as-of date.',
    excluded: 'Episodes still open on the as-of date.',
  }),
  logRank: def({
    name: 'Group types differ? (log-rank)',
    definition:
      'The log-rank test asks whether the retention curves of the group types differ by more than chance would ' +
      'explain. A p-value under 0.05 is read as a real difference; it does not say which type is better or why.',
    numerator: 'Dropouts observed in each group type.',
    denominator: 'Dropouts expected in each group type if all types retained alike.',
    excluded: 'Episodes with no group type (no attendance); group types with no episodes.',
  }),
  attendanceRate: def({
    name: 'Attendance rate',
    definition:
      'Sessions attended (present, late or left early) out of sessions scheduled, leaving out excused absences. ' +
      'Absent without excuse counts as not attended.',
    numerator: 'Attendance rows marked present, late or left early.',
    denominator: 'All attendance rows of sessions in the period, less those marked excused.',
    excluded: 'Excused absences; sessions dated after the as-of date.',
  }),
  noShowRate: def({
    name: 'No-show rate',
    definition: 'Sessions missed without excuse out of sessions scheduled, leaving out excused absences.',
    numerator: 'Attendance rows marked absent.',
    denominator: 'All attendance rows of sessions in the period, less those marked excused.',
    excluded: 'Excused absences.',
  }),
  intensityMet: def({
    name: 'ASAM 2.1 intensity met',
    definition:
      'ASAM level 2.1 (intensive outpatient) asks for at least 9 hours of services a week for adults. The share of ' +
      'participant weeks with 9 or more hours attended. By group type, only that type’s sessions form the week, so a ' +
      'type that meets a few hours a week reads low.',
    numerator: 'Participant weeks (one episode, one Monday-to-Sunday week) with 9 or more hours attended.',
    denominator: 'Participant weeks with at least one scheduled, non-excused session.',
    excluded: 'Weeks with any session of unknown length.',
  }),
  accountability: def({
    name: 'Accountability measures',
    definition:
      'Consistency: weeks in which every scheduled, non-excused session was attended. Check-in adherence: active ' +
      'weeks with a sobriety check-in. Feedback participation: ratings given per session attended. Goal attainment: ' +
      'check-ins with the goal met. Re-engagement: absences followed by an attended session of the same group ' +
      'within 14 days.',
    numerator: 'The weeks, check-ins, ratings or absences that meet each measure.',
    denominator: 'The participant weeks, active weeks, attended sessions, check-ins with a goal, or absences.',
    excluded:
      'Excused rows; check-ins without a goal answer; absences in the last 14 days before the as-of date ' +
      '(too recent to tell).',
  }),
  abstinence: def({
    name: 'Abstinence at 30, 60 and 90 days',
    definition:
      'An episode is eligible when it was admitted at least 44 (74, 104) days before the as-of date. Its milestone ' +
      'report is the sobriety check-in nearest to day 30 (60, 90) after admission, within 14 days either side, ' +
      'during or after treatment. Abstinent means no days of use in that report. "Of those who reported" ' +
      '(responders) = abstinent ÷ eligible episodes with a milestone report. "Intent-to-treat" = abstinent ÷ all ' +
      'eligible episodes: a missing report counts as not abstinent, so it is the cautious figure. Both with 95% ' +
      'Wilson intervals.',
    numerator: 'Eligible episodes whose milestone report has no days of use.',
    denominator: 'Intent to treat: all eligible episodes. Of those who reported: eligible episodes with a report.',
    excluded: 'Episodes admitted too recently to have reached the milestone and its 14-day window.',
  }),
  abstinence30: def({
    name: abstinentAtLabel(30),
    definition:
      'The share of eligible episodes whose check-in nearest to day 30 after admission (within 14 days either side) ' +
      'reports no days of use; a missing report counts as not abstinent. With a 95% Wilson interval.',
    numerator: 'Eligible episodes whose day-30 report has no days of use.',
    denominator: 'Episodes admitted in the period at least 44 days before the as-of date.',
    excluded: 'Episodes admitted fewer than 44 days before the as-of date.',
  }),
  pda: def({
    name: 'Percent days abstinent',
    definition:
      "An episode's percent days abstinent (PDA) is 1 - days used ÷ days covered, over its check-ins during " +
      'treatment. Its baseline is 1 - days used in the 30 days before admission ÷ 30. The change is the mean, over ' +
      'episodes with both, of PDA minus baseline, in percentage points ("pts").',
    numerator: 'Days without use reported in check-ins during treatment.',
    denominator: 'Days those check-ins cover; the figure is the mean over episodes.',
    excluded: 'Episodes with no check-in during treatment; for the change, episodes without a baseline.',
  }),
  craving: def({
    name: 'Craving by week since admission',
    definition: 'The mean craving rating of check-ins in each week since admission (week 0 to week 12).',
    numerator: 'Craving ratings of check-ins in that week since admission.',
    denominator: 'Check-ins during treatment in that week.',
    excluded: 'Check-ins outside treatment or after week 12.',
  }),
  sessionScore: def({
    name: 'Alliance: mean session score (0–40)',
    definition:
      'Participants rate sessions on the Group Session Rating Scale: four items of 0 to 10, summed to 0–40. The ' +
      'mean of all ratings of sessions in the period.',
    numerator: 'The sum of the session scores.',
    denominator: 'Ratings given for sessions in the period.',
    excluded: 'Sessions without a rating.',
  }),
  ratingItems: def({
    name: 'Rating items',
    definition: 'The mean of each of the four rating items (relationship, goals and topics, approach, overall), 0–10.',
    numerator: 'The sum of the item’s ratings.',
    denominator: 'Ratings given for sessions in the period.',
    excluded: 'Sessions without a rating.',
  }),
  allianceFlagRate: def({
    name: 'Alliance flag rate',
    definition:
      "The share of ratings of 36 or lower, the scale's cut-off for a session worth discussing with the group.",
    numerator: 'Ratings with a score of 36 or lower.',
    denominator: 'Ratings given for sessions in the period (or week).',
    excluded: 'Sessions without a rating.',
  }),
  earlyWarning: def({
    name: 'Early-warning reasons',
    definition:
      'An open episode is at risk when any of five reasons holds: its two latest sessions both missed; sessions in ' +
      'the last 14 days but none attended in the last 7; its latest rating 36 or lower; its latest check-in reports ' +
      'use; no check-in in the last 14 days.',
    numerator: 'Open episodes for which the reason holds.',
    denominator: 'Episodes open on the as-of date at the chosen sites.',
    excluded: 'Discharged episodes; the period and group types do not apply.',
  }),
  adjustedHazard: def({
    name: 'Adjusted hazard of dropout',
    definition:
      'How much faster (above 1) or slower (below 1) episodes of each group type drop out than those of the ' +
      'reference type, after allowing for age band, gender, primary substance, co-occurring disorder, baseline use ' +
      'and site (Cox model), with 95% intervals.',
    numerator: 'The dropout rate of the group type, at any time since admission.',
    denominator: 'The dropout rate of the reference group type.',
    excluded: 'Episodes missing baseline use or with no group type (counted and named as left out).',
  }),
  adjustedRetention: def({
    name: 'Adjusted retention curves',
    definition:
      "Each group type's retention curve as if it had treated the program's whole case mix (direct adjustment " +
      'with the Cox model).',
    numerator: 'Episodes estimated still in treatment on each day.',
    denominator: 'All modelled episodes, each given the group type in turn.',
    excluded: 'Episodes left out of the model.',
  }),
  proportionalHazards: def({
    name: 'Proportional hazards check',
    definition:
      'Whether one hazard ratio describes the whole follow-up fairly (a test per term and overall); a small ' +
      'p-value says the effect changes over time.',
    numerator: 'The trend of each effect over follow-up.',
    denominator: 'Its chance variation.',
    excluded: 'Episodes left out of the model.',
  }),
  schoenfeld: def({
    name: 'Effects over follow-up',
    definition: 'The effect of each group type over time since admission (scaled Schoenfeld residuals); flat is fair.',
    numerator: 'Each dropout’s residual for the term.',
    denominator: 'None: points and a smoothed line.',
    excluded: 'Episodes left out of the model.',
  }),
  adjustedCompletion: def({
    name: 'Adjusted odds of completing',
    definition:
      'The odds of completing (rather than any other discharge) for each group type against the reference type, ' +
      'after allowing for the same case mix (logistic regression), with 95% intervals.',
    numerator: 'Completed discharges of the group type.',
    denominator: 'Other discharges of the group type, against those of the reference type.',
    excluded: 'Open episodes; episodes missing baseline use or with no group type.',
  }),
  groupFunnel: def({
    name: 'Groups against the program (funnel plot)',
    definition:
      "Each group's rate against the program's pooled rate, with 95% and 99.8% limits that widen for small groups; " +
      'a group outside the 99.8% limits differs by more than chance.',
    numerator: "The group's retained (90 days), completed or attended count.",
    denominator: "The group's episodes followed 90 days, discharged episodes or non-excused rows.",
    excluded: 'Groups with no one in the denominator.',
  }),
  cohortTrends: def({
    name: 'Trends by admission month',
    definition:
      'Each figure computed exactly as for the whole period, over the episodes admitted in each calendar month ' +
      '(the alliance mean over the sessions held in each month), with its 95% interval.',
    numerator: "The month's retained, completed or abstinent episodes (the sum of its session scores).",
    denominator: "The month's admitted episodes as each figure counts them (its ratings).",
    excluded: 'Months with no one in the denominator show no point.',
  }),
} as const;

export type FigureId = keyof typeof FIGURE_DEFINITIONS;

/** One paragraph of a figure: definition, then numerator, denominator and what is left out. */
export function figureParagraph(id: FigureId): string {
  const d: FigureDefinition = FIGURE_DEFINITIONS[id];
  return `${d.definition} Counted: ${d.numerator} Out of: ${d.denominator} Left out: ${d.excluded}`;
}

/** The report's methods entries that define figures, in the report's order. */
export const METHODS_FIGURE_TOPICS: readonly { term: string; figures: readonly FigureId[] }[] = [
  { term: 'Retention and censoring', figures: ['retentionCurve', 'retainedAtDays', 'medianDaysToDropout'] },
  { term: 'Completion rate', figures: ['completionRate'] },
  { term: 'Comparing group types', figures: ['logRank'] },
  { term: 'Attendance rate', figures: ['attendanceRate'] },
  { term: 'ASAM intensity', figures: ['intensityMet'] },
  { term: 'Abstinence at 30 and 90 days', figures: ['abstinence'] },
  { term: 'Percent days abstinent (PDA)', figures: ['pda'] },
  { term: 'Therapeutic alliance', figures: ['sessionScore', 'allianceFlagRate'] },
];

/** A methods entry's text: its figures' paragraphs. */
export function methodsTopicText(figures: readonly FigureId[]): string {
  return figures.map(figureParagraph).join(' ');
}

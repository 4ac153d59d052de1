import type { OutcomeReport } from '../outcome-report/outcome-report.model';
import { formatDate, formatPeriod } from './report-format';

export interface MethodsEntry {
  term: string;
  text: string;
}

/** A release's own wording of what its periods are and how it is protected (see releases/). */
export interface MethodsOverrides {
  periods: MethodsEntry;
  protection: MethodsEntry;
}

/** The methods page: every definition in plain words (after docs/METRICS.md), for this report. */
export function methodsEntries(
  report: Pick<OutcomeReport, 'periods' | 'suppressionThreshold' | 'lastSuccessfulLoadAt' | 'siteIds'>,
  overrides?: MethodsOverrides,
): MethodsEntry[] {
  const entries = reportMethodsEntries(report);
  if (!overrides) return entries;
  return entries.map((e, i) =>
    i === 0 ? overrides.periods : e.term.startsWith('Small-cell') ? overrides.protection : e,
  );
}

function reportMethodsEntries(
  report: Pick<OutcomeReport, 'periods' | 'suppressionThreshold' | 'lastSuccessfulLoadAt' | 'siteIds'>,
): MethodsEntry[] {
  const t = report.suppressionThreshold;
  const p = report.periods;
  const loaded = report.lastSuccessfulLoadAt
    ? `The data were last loaded successfully on ${new Date(report.lastSuccessfulLoadAt).toISOString().slice(0, 16).replace('T', ' at ')} UTC.`
    : 'No successful data load is recorded.';
  return [
    {
      term: 'Periods and as-of date',
      text:
        `This period is ${formatPeriod(p.from, p.to)}; the previous period is the same number of days just before it, ` +
        `${formatPeriod(p.previousFrom, p.previousTo)}. Every figure looks from ${formatDate(p.asOf)} (the as-of date): ` +
        'records dated later are ignored, and an episode discharged later counts as still open. ' +
        `Sites: ${report.siteIds?.length ? report.siteIds.join(', ') : 'all sites'}.`,
    },
    {
      term: 'Who is counted',
      text:
        'Episode figures (census of admissions, retention, completion, abstinence) count the treatment episodes admitted ' +
        'in the period. Session figures (attendance, intensity, ratings) count the group sessions held in the period. ' +
        "An episode's group type is the type of group it attended most; an episode with no attendance counts in the " +
        'totals only.',
    },
    {
      term: 'Retention and censoring',
      text:
        'Days in treatment run from admission to discharge, or to the as-of date while the episode is open. Dropping out ' +
        'means a discharge as dropped out or terminated. A completed episode never drops out: it counts as retained up to ' +
        'the as-of date. Episodes that ended by transfer, incarceration, death or another reason, and open episodes, ' +
        'are followed until they ended (or to the as-of date) and then no longer counted ("censored"). "Retained at 30, ' +
        '60 and 90 days" is the Kaplan–Meier estimate of the share not yet dropped out on that day, with a 95% interval ' +
        "(Greenwood's method, log scale). The median days to dropout is the first day on which half or more had dropped out.",
    },
    {
      term: 'Completion rate',
      text: 'Completed ÷ discharged, among episodes discharged by the as-of date, with a 95% Wilson score interval.',
    },
    {
      term: 'Comparing group types',
      text:
        'The log-rank test asks whether the retention curves of the group types differ by more than chance would explain. ' +
        'A p-value under 0.05 is read as a real difference; it does not say which type is better or why.',
    },
    {
      term: 'Attendance rate',
      text:
        'Sessions attended (present, late or left early) ÷ sessions scheduled, leaving out excused absences. ' +
        'Absent without excuse counts as not attended.',
    },
    {
      term: 'ASAM intensity',
      text:
        'ASAM level 2.1 (intensive outpatient) asks for at least 9 hours of services a week for adults. Each participant ' +
        'week with at least one scheduled, non-excused session counts once; the figure is the share of those weeks with ' +
        '9 or more hours attended. Weeks with any session of unknown length are left out.',
    },
    {
      term: 'Abstinence at 30 and 90 days',
      text:
        'An episode is eligible when it was admitted at least 44 (or 104) days before the as-of date. Its milestone ' +
        'report is the sobriety check-in nearest to day 30 (or 90) after admission, within 14 days either side, during ' +
        'or after treatment. Abstinent means no days of use in that report. "Of those who reported" (responders) = ' +
        'abstinent ÷ eligible episodes with a milestone report. "Intent-to-treat" = abstinent ÷ all eligible episodes: ' +
        'a missing report counts as not abstinent, so it is the cautious figure. Both with 95% Wilson intervals.',
    },
    {
      term: 'Percent days abstinent (PDA)',
      text:
        "An episode's PDA is 1 - days used ÷ days covered, over its check-ins during treatment. Its baseline is " +
        '1 - days used in the 30 days before admission ÷ 30. The change is the mean, over episodes with both, of PDA minus ' +
        'baseline, in percentage points ("pts"): +20 pts means 20 more days in every 100 without use.',
    },
    {
      term: 'Therapeutic alliance',
      text:
        'Participants rate sessions on the Group Session Rating Scale: four items of 0 to 10, summed to 0–40. The mean ' +
        "rating is over all ratings in the period. A rating of 36 or lower is the scale's cut-off for a session worth " +
        'discussing with the group; the flag rate is the share of ratings at or below it.',
    },
    {
      term: 'Small-cell suppression (42 CFR Part 2)',
      text:
        `No one may be identifiable from this report. Counts from 1 to ${t - 1} (fewer than ${t}) are not shown: the ` +
        `cell reads "suppressed" (zero is shown as 0). A rate or mean whose numerator or denominator is from 1 to ${t - 1} ` +
        `is suppressed too, and so are the intervals and n of any hidden figure. Curve points with fewer than ${t} ` +
        'episodes still at risk are not drawn. Where a breakdown by group type with a shown total has exactly one ' +
        'suppressed cell, the next smallest cell is suppressed as well (complementary suppression), so that no hidden ' +
        "figure can be worked out by subtraction; a hidden group type's episode count hides every retention and " +
        'abstinence figure about the same episodes. "—" marks a figure that cannot be computed (no one in it): it is ' +
        'not hidden. The same rules apply whoever downloads the report.',
    },
    {
      term: 'Data freshness',
      text: `${loaded} Figures are as of ${formatDate(p.asOf)}.`,
    },
  ];
}

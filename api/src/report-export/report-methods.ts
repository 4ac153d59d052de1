import { METHODS_FIGURE_TOPICS, methodsTopicText } from '@iop/metrics';
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
        `This period is ${formatPeriod(p.from, p.to)}; the previous period is ${p.comparison ?? 'the same number of days just before'}, ` +
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
    // The figures' definitions: the same texts as the dashboard's info popovers.
    ...METHODS_FIGURE_TOPICS.map((topic) => ({ term: topic.term, text: methodsTopicText(topic.figures) })),
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

import type { MethodsOverrides } from '../report-export/report-methods';
import { formatDate, formatPeriod } from '../report-export/report-format';
import type { ReleaseContent } from './release-content';
import { scopeName } from './release-row';

/**
 * The rule a funder's releases follow (docs/METRICS.md, "Privacy: what a funder may hold"), in
 * plain words: on every release's methods page, on its page in the dashboard, and in its file.
 */
export function protectionRuleText(threshold: number, roundingBase: number): string {
  return (
    `No one may be identifiable from a release, alone or beside any other release. Counts from 1 to ${threshold - 1} ` +
    `read "suppressed" (zero is shown as 0); every other count is rounded to the nearest ${roundingBase}, so that ` +
    `one release subtracted from another never gives an exact small number. A rate is shown only when the people ` +
    `in it, those counted and those not counted are each 0 or at least ${threshold}; rates and their 95% intervals ` +
    'are whole percentages, computed on the exact counts; means have one decimal. Curves stop where fewer than ' +
    `${threshold} episodes are still at risk, and the numbers at risk are rounded; no event counts are given. Where a ` +
    'breakdown by group type with a shown total has exactly one hidden cell, the next smallest is hidden as well ' +
    "(and more while the hidden cells could be worked out); a hidden group type's episode count hides all its " +
    'retention and abstinence figures and its curve. Releases whose periods overlap cover the same sites (a ' +
    'correction) or no site in common. No participant, episode or session is named, and no load record is released.'
  );
}

/** The methods page's wording of a release's periods and protection. */
export function releaseMethods(content: ReleaseContent, previousVersion: number | null): MethodsOverrides {
  const p = content.period;
  const prev = content.previousPeriod;
  const previous = content.previousRelease
    ? `The previous-period column is the published release of ${prev.name} (${formatPeriod(prev.from, prev.to)}, ` +
      `version ${previousVersion ?? content.previousRelease.version}), as it was published.`
    : `No release of ${prev.name} was published, so there is no previous-period column.`;
  return {
    periods: {
      term: 'Period, sites and as-of date',
      text:
        `This release covers ${p.name} (${formatPeriod(p.from, p.to)}) for ${scopeName(content.siteIds)}. ${previous} ` +
        `Every figure looks from ${formatDate(content.asOf)} (the as-of date): records dated later are ignored, and an ` +
        'episode discharged later counts as still open.',
    },
    protection: {
      term: 'Protection of small numbers (42 CFR Part 2)',
      text: protectionRuleText(content.threshold, content.roundingBase),
    },
  };
}

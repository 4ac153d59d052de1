import type { Column } from '../../charts/columns';
import { formatCount, formatDate, formatDateCell } from '../../charts/format';
import type { EarlyWarningQuery, EarlyWarningReason } from '../../gql/graphql';

export type AtRiskEpisode = EarlyWarningQuery['earlyWarning']['episodes'][number];

/** Each reason as a clinician would say it, without the episode's details. */
export const REASON_LABELS: Record<EarlyWarningReason, string> = {
  two_most_recent_absent: 'Missed the last two sessions',
  not_attending: 'Not attending this week',
  low_feedback_score: 'Low last session rating',
  use_reported: 'Reported use at last check-in',
  no_recent_checkin: 'No check-in for two weeks',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One reason in plain words, with the episode's own figures behind it. */
export function describeReason(reason: EarlyWarningReason, e: AtRiskEpisode): string {
  switch (reason) {
    case 'two_most_recent_absent':
      return `Missed the last two sessions (no-show, not excused)${e.lastSessionDate ? `, the latest on ${formatDate(e.lastSessionDate)}` : ''}.`;
    case 'not_attending':
      return `Scheduled for ${plural(e.rowsLast14Days, 'session')} in the last 14 days but attended none in the last 7${
        e.lastAttendedDate ? ` (last attended ${formatDate(e.lastAttendedDate)})` : ' (never attended)'
      }.`;
    case 'low_feedback_score':
      return `Rated the last session ${e.lastFeedbackScore ?? '—'} out of 40${e.lastFeedbackDate ? ` on ${formatDate(e.lastFeedbackDate)}` : ''}: 36 or lower is worth discussing.`;
    case 'use_reported':
      return `Reported using on ${plural(e.lastCheckinDaysUsed ?? 0, 'day')} at the last check-in${e.lastCheckinDate ? ` (${formatDate(e.lastCheckinDate)})` : ''}.`;
    case 'no_recent_checkin':
      return `No sobriety check-in in the last 14 days${e.lastCheckinDate ? ` (last on ${formatDate(e.lastCheckinDate)})` : ' (none yet)'}.`;
  }
}

export type AtRiskSortKey = 'reasons' | 'participant' | 'site' | 'daysSinceAdmission' | 'lastAttended';
export type SortDirection = 'ascending' | 'descending';

type Comparable = string | number | null;
const SORT_VALUE: Record<AtRiskSortKey, (e: AtRiskEpisode) => Comparable> = {
  reasons: (e) => e.reasonCount,
  participant: (e) => e.participantId,
  site: (e) => e.siteName,
  daysSinceAdmission: (e) => e.daysSinceAdmission,
  lastAttended: (e) => e.lastAttendedDate,
};

function compare(a: Comparable, b: Comparable): number {
  // "Never" (null) sorts first ascending: never attended is the longest ago.
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** The list sorted by a column; ties keep the served order (most reasons, longest absent first). */
export function sortAtRisk(
  episodes: readonly AtRiskEpisode[],
  key: AtRiskSortKey,
  direction: SortDirection,
): AtRiskEpisode[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return episodes
    .map((e, i) => ({ e, i }))
    .sort((x, y) => sign * compare(SORT_VALUE[key](x.e), SORT_VALUE[key](y.e)) || x.i - y.i)
    .map(({ e }) => e);
}

export const AT_RISK_COLUMNS: Column<AtRiskEpisode>[] = [
  { label: 'Participant', value: (e) => e.participantId },
  { label: 'Episode', value: (e) => e.enrollmentId },
  { label: 'Site', value: (e) => e.siteName },
  { label: 'Admitted', value: (e) => e.admissionDate, format: formatDateCell },
  {
    label: 'Days since admission',
    value: (e) => e.daysSinceAdmission,
    numeric: true,
    format: (v) => formatCount(typeof v === 'number' ? v : null),
  },
  { label: 'Reasons', value: (e) => e.reasonCount, numeric: true },
  { label: 'Why', value: (e) => e.reasons.map((r) => REASON_LABELS[r]).join('; ') },
  {
    label: 'Last attended',
    value: (e) => e.lastAttendedDate,
    format: (v) => (typeof v === 'string' ? formatDate(v) : 'never'),
  },
  { label: 'Last check-in', value: (e) => e.lastCheckinDate, format: formatDateCell },
  { label: 'Last session rating (0–40)', value: (e) => e.lastFeedbackScore, numeric: true },
];

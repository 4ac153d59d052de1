import type { Column } from '../../charts/columns';
import { seriesLabel, type Figure } from '../../charts/figures';
import { formatCount, formatDateCell, formatDecimal, formatPercent } from '../../charts/format';
import type { GroupType } from '../../filters/group-types';
import type { DrilldownGroupFiguresFragment, DrilldownSessionsQuery } from '../../gql/graphql';

type Session = DrilldownSessionsQuery['drilldownSessions']['sessions'][number];

/** A group's name with its site, so that two sites' "Tuesday skills" groups stay apart. */
export function groupCategory(group: {
  groupName: string | null;
  groupId: string | null;
  siteName: string | null;
}): string {
  const name = group.groupName ?? group.groupId ?? 'Unnamed group';
  return group.siteName ? `${name} (${group.siteName})` : name;
}

/** Attendance rate per group, in the served order; n = rows not excused. */
export function toGroupFigures(groups: readonly DrilldownGroupFiguresFragment[], groupType: GroupType): Figure[] {
  return groups.map((g) => ({
    category: groupCategory(g),
    series: groupType,
    seriesLabel: seriesLabel(groupType),
    value: g.attendanceRate,
    lower: null,
    upper: null,
    numerator: g.attended,
    n: g.scheduled - g.excused,
  }));
}

/** Attendance rate per session date; n = rows not excused. */
export function toSessionFigures(sessions: readonly Session[], groupType: GroupType): Figure[] {
  return sessions.map((s) => ({
    category: s.date,
    series: groupType,
    seriesLabel: seriesLabel(groupType),
    value: s.attendanceRate,
    lower: null,
    upper: null,
    numerator: s.attended,
    n: s.scheduled - s.excused,
  }));
}

const count = (v: unknown) => formatCount(typeof v === 'number' ? v : null);
const percent = (v: unknown) => formatPercent(typeof v === 'number' ? v : null);
const score = (v: unknown) => formatDecimal(typeof v === 'number' ? v : null, 1);

export const GROUP_COLUMNS: Column<DrilldownGroupFiguresFragment>[] = [
  { label: 'Group', value: (g) => g.groupName ?? g.groupId },
  { label: 'Group id', value: (g) => g.groupId },
  { label: 'Site', value: (g) => g.siteName },
  { label: 'Modality', value: (g) => g.modality },
  { label: 'Sessions', value: (g) => g.sessions, numeric: true, format: count },
  { label: 'Participants', value: (g) => g.participants, numeric: true, format: count },
  { label: 'Scheduled', value: (g) => g.scheduled, numeric: true, format: count },
  { label: 'Attended', value: (g) => g.attended, numeric: true, format: count },
  { label: 'Excused', value: (g) => g.excused, numeric: true, format: count },
  { label: 'Attendance rate', value: (g) => g.attendanceRate, numeric: true, format: percent },
  { label: 'Feedback responses', value: (g) => g.feedbackResponses, numeric: true, format: count },
  { label: 'Mean session score (0–40)', value: (g) => g.meanFeedbackScore, numeric: true, format: score },
];

export const SESSION_COLUMNS: Column<Session>[] = [
  { label: 'Date', value: (s) => s.date, format: formatDateCell },
  { label: 'Topic', value: (s) => s.topic },
  { label: 'Minutes', value: (s) => s.durationMinutes, numeric: true, format: count },
  { label: 'Scheduled', value: (s) => s.scheduled, numeric: true, format: count },
  { label: 'Attended', value: (s) => s.attended, numeric: true, format: count },
  { label: 'Excused', value: (s) => s.excused, numeric: true, format: count },
  { label: 'Attendance rate', value: (s) => s.attendanceRate, numeric: true, format: percent },
  { label: 'Feedback responses', value: (s) => s.feedbackResponses, numeric: true, format: count },
  { label: 'Mean session score (0–40)', value: (s) => s.meanFeedbackScore, numeric: true, format: score },
];

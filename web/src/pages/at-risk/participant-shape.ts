import type { Column } from '../../charts/columns';
import { formatDateCell } from '../../charts/format';
import type { ParticipantActivityQuery } from '../../gql/graphql';

type Activity = ParticipantActivityQuery['participantActivity'];
export type ParticipantSessionRow = Activity['sessions'][number];
export type ParticipantCheckinRow = Activity['checkins'][number];
export type ParticipantEpisodeRow = Activity['episodes'][number];

const STATUS_LABELS: Record<string, string> = {
  present: 'Present',
  late: 'Late',
  left_early: 'Left early',
  absent: 'No-show',
  excused: 'Excused absence',
};

export const statusLabel = (status: string) => STATUS_LABELS[status] ?? status;

export const SESSION_COLUMNS: Column<ParticipantSessionRow>[] = [
  { label: 'Date', value: (s) => s.sessionDate, format: formatDateCell },
  { label: 'Status', value: (s) => s.status, format: (v) => statusLabel(String(v)) },
  { label: 'Minutes attended', value: (s) => s.minutesAttended, numeric: true },
  { label: 'Group', value: (s) => s.groupName },
  { label: 'Site', value: (s) => s.siteName },
];

export const CHECKIN_COLUMNS: Column<ParticipantCheckinRow>[] = [
  { label: 'Date', value: (c) => c.reportDate, format: formatDateCell },
  {
    label: 'Days used',
    value: (c) => c.daysUsed,
    numeric: true,
    format: (v, c) => `${String(v)} of the last ${c.windowDays}`,
  },
  { label: 'Craving (0–10)', value: (c) => c.craving, numeric: true },
  {
    label: 'Goal met',
    value: (c) => c.goalMet,
    format: (v) => (v === null || v === undefined ? '—' : v ? 'Yes' : 'No'),
  },
];

/** "Open since 3 Mar 2025" / "3 Feb 2025 to 28 Feb 2025 (dropped out)". */
export function describeEpisode(e: ParticipantEpisodeRow, formatDate: (iso: string) => string): string {
  if (!e.dischargeDate) return `Open since ${formatDate(e.admissionDate)}`;
  const reason = e.dischargeReason ? ` (${e.dischargeReason.replace(/_/g, ' ')})` : '';
  return `${formatDate(e.admissionDate)} to ${formatDate(e.dischargeDate)}${reason}`;
}

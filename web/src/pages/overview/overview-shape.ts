import type { Column } from '../../charts/columns';
import { formatCount, formatDate } from '../../charts/format';
import { GROUP_TYPE_LABELS, type GroupType } from '../../filters/group-types';

export interface SessionsRow {
  groupType: GroupType;
  label: string;
  current: number;
  previous: number;
}

/** Sessions per group type as drawn: one bar pair per type, the all-types total left to the tile. */
export function toSessionsRows(
  byType: readonly { groupType: GroupType | null; current: number; previous: number }[],
): SessionsRow[] {
  return byType.flatMap((s) =>
    s.groupType
      ? [{ groupType: s.groupType, label: GROUP_TYPE_LABELS[s.groupType], current: s.current, previous: s.previous }]
      : [],
  );
}

export const SESSIONS_COLUMNS: Column<SessionsRow>[] = [
  { label: 'Group type', value: (r) => r.label },
  { label: 'Sessions held', value: (r) => r.current, numeric: true, figure: 'sessionsHeld' },
  { label: 'Previous period', value: (r) => r.previous, numeric: true },
];

/** "no data for 1 Nov 2024 to 31 Oct 2025": a previous period with no data is not a previous period of 0. */
export const noDataFor = (period: { from: string; to: string }) =>
  `no data for ${formatDate(period.from)} to ${formatDate(period.to)}`;

/**
 * "+12% on previous (25)", for a tile's detail line; where the previous period holds no data at
 * all, says so with its dates (`noDataIn`) rather than "previous period: 0".
 */
export function describeChange(
  current: number,
  previous: number,
  noDataIn?: { from: string; to: string } | null,
): string {
  if (noDataIn) return noDataFor(noDataIn);
  if (previous === 0) return current === 0 ? 'none in either period' : `previous period: 0`;
  // The sign follows the rounded figure, so a change too small to show reads ±0%, not +0%.
  const percent = Math.round(((current - previous) / previous) * 100);
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${Math.abs(percent)}% on previous (${formatCount(previous)})`;
}

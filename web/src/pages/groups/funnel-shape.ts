import type { Column } from '../../charts/columns';
import { formatCount, formatPercent } from '../../charts/format';
import { GROUP_TYPE_LABELS, isGroupType } from '../../filters/group-types';
import type { FunnelMeasure, GroupFunnelQuery } from '../../gql/graphql';

export type FunnelGroupRow = GroupFunnelQuery['groupFunnel']['groups'][number];

export const FUNNEL_MEASURES: { value: FunnelMeasure; label: string; unit: string }[] = [
  { value: 'retention90', label: 'Retained at 90 days', unit: 'episodes followed 90 days' },
  { value: 'completion', label: 'Completion', unit: 'discharged episodes' },
  { value: 'attendance', label: 'Attendance rate', unit: 'non-excused rows' },
];

const typeLabel = (code: string) => (isGroupType(code) ? GROUP_TYPE_LABELS[code] : code);
const percent = (v: unknown) => formatPercent(typeof v === 'number' ? v : null, 1);
const POSITION_TEXT: Record<string, string> = {
  above: 'Above the 99.8% limit',
  below: 'Below the 99.8% limit',
  within: 'Within the limits',
};

export const FUNNEL_COLUMNS: Column<FunnelGroupRow>[] = [
  { label: 'Group', value: (r) => r.groupName },
  { label: 'Group id', value: (r) => r.groupId },
  { label: 'Group type', value: (r) => r.groupType, format: (v) => typeLabel(String(v)) },
  { label: 'Site', value: (r) => r.siteId },
  { label: 'k', value: (r) => r.k, numeric: true, format: (v) => formatCount(v as number) },
  { label: 'n', value: (r) => r.n, numeric: true, format: (v) => formatCount(v as number) },
  { label: 'Proportion', value: (r) => r.proportion, numeric: true, format: percent },
  { label: '99.8% lower', value: (r) => r.lower998, numeric: true, format: percent },
  { label: '95% lower', value: (r) => r.lower95, numeric: true, format: percent },
  { label: '95% upper', value: (r) => r.upper95, numeric: true, format: percent },
  { label: '99.8% upper', value: (r) => r.upper998, numeric: true, format: percent },
  { label: 'Position', value: (r) => r.position, format: (v) => POSITION_TEXT[String(v)] ?? String(v) },
];

/** Groups outside the 99.8% limits, furthest out first: these are the ones worth a look. */
export function outliers(groups: readonly FunnelGroupRow[]): FunnelGroupRow[] {
  const distance = (g: FunnelGroupRow) =>
    g.position === 'above' ? g.proportion - g.upper998 : g.lower998 - g.proportion;
  return groups.filter((g) => g.position !== 'within').sort((a, b) => distance(b) - distance(a));
}

export function describeFunnel(target: number | null, groups: readonly FunnelGroupRow[]): string {
  if (target === null) return 'No groups have records for this measure in the period.';
  const out = outliers(groups);
  const base = `Target: ${formatPercent(target, 1)} (all groups shown, pooled). Points inside the funnel differ from it by no more than chance would explain.`;
  if (out.length === 0) return `${base} No group lies outside the 99.8% limits.`;
  return `${base} ${out.length} group${out.length === 1 ? '' : 's'} outside the 99.8% limits (listed below).`;
}

// A denormalized group-attendance report (one row per participant per session, with the group's
// name, type and site and the session's date and time in every row) feeds several contract files:
// sites (when the report names sites instead of giving their ids), groups, sessions, attendance.
// Ids the report does not carry are generated from the natural key, so the next export of the
// same program yields the same ids and its load updates rather than duplicates.

import { createHash } from 'node:crypto';
import type { FileKind } from '../contract';

/** A short, stable id for a natural key: the same parts always give the same id. */
export function stableId(prefix: string, ...parts: string[]): string {
  const key = parts.map((part) => part.trim().toLowerCase()).join('\u001f');
  return `${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

export interface DerivedRow {
  kind: FileKind;
  values: Record<string, string>;
}

/** The contract columns each derived file is written with. */
export const DERIVED_COLUMNS = {
  sites: ['site_id', 'site_name'],
  groups: ['group_id', 'site_id', 'group_type', 'group_name', 'modality'],
  sessions: ['session_id', 'group_id', 'session_date', 'duration_minutes', 'topic'],
  attendance: ['session_id', 'participant_id', 'status', 'minutes_attended'],
} as const satisfies Partial<Record<FileKind, readonly string[]>>;
export type DerivedKind = keyof typeof DERIVED_COLUMNS;
export const DERIVED_KINDS = Object.keys(DERIVED_COLUMNS) as DerivedKind[];

/**
 * Derives the contract rows of one report row. The first row of a site, group or session gives
 * its row; later rows of the same one give only their attendance (`seen` remembers the keys).
 */
export function deriveReportRows(row: Readonly<Record<string, string>>, seen: Set<string>): DerivedRow[] {
  const out: DerivedRow[] = [];
  const value = (column: string): string => row[column] ?? '';
  let siteId = value('site_id');
  if (siteId === '' && value('site_name') !== '') {
    siteId = stableId('site', value('site_name'));
    if (!seen.has(`s:${siteId}`)) {
      seen.add(`s:${siteId}`);
      out.push({ kind: 'sites', values: { site_id: siteId, site_name: value('site_name') } });
    }
  }
  const groupId = value('group_id') || stableId('grp', siteId, value('group_name'));
  if (!seen.has(`g:${groupId}`)) {
    seen.add(`g:${groupId}`);
    out.push({
      kind: 'groups',
      values: {
        group_id: groupId,
        site_id: siteId,
        group_type: value('group_type'),
        group_name: value('group_name'),
        modality: value('modality'),
      },
    });
  }
  const sessionId = value('session_id') || stableId('ses', groupId, value('session_date'), value('session_time'));
  if (!seen.has(`e:${sessionId}`)) {
    seen.add(`e:${sessionId}`);
    out.push({
      kind: 'sessions',
      values: {
        session_id: sessionId,
        group_id: groupId,
        session_date: value('session_date'),
        duration_minutes: value('duration_minutes'),
        topic: value('topic'),
      },
    });
  }
  out.push({
    kind: 'attendance',
    values: {
      session_id: sessionId,
      participant_id: value('participant_id'),
      status: value('status'),
      minutes_attended: value('minutes_attended'),
    },
  });
  return out;
}

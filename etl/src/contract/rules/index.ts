// Every kind's rules, and what the header check needs from them.

import type { FileKind } from '../file-kinds';
import { ATTENDANCE_RULES, type AttendanceRow } from './attendance';
import { ENROLLMENT_RULES, type EnrollmentRow } from './enrollments';
import { FEEDBACK_RULES, type FeedbackRow } from './feedback';
import { GROUP_RULES, type GroupRow } from './groups';
import { PARTICIPANT_RULES, type ParticipantRow } from './participants';
import { SESSION_RULES, type SessionRow } from './sessions';
import { SITE_RULES, type SiteRow } from './sites';
import { SOBRIETY_RULES, type SobrietyRow } from './sobriety';
import type { KindRules } from './types';

export type { AttendanceRow, EnrollmentRow, FeedbackRow, GroupRow, ParticipantRow, SessionRow, SiteRow, SobrietyRow };

/** The normalised row each kind of file produces. */
export interface RowByKind {
  sites: SiteRow;
  groups: GroupRow;
  participants: ParticipantRow;
  enrollments: EnrollmentRow;
  sessions: SessionRow;
  attendance: AttendanceRow;
  feedback: FeedbackRow;
  sobriety: SobrietyRow;
}

export type ColumnOf<K extends FileKind> = keyof RowByKind[K] & string;

export const RULES_BY_KIND: { readonly [K in FileKind]: KindRules<RowByKind[K]> } = {
  sites: SITE_RULES,
  groups: GROUP_RULES,
  participants: PARTICIPANT_RULES,
  enrollments: ENROLLMENT_RULES,
  sessions: SESSION_RULES,
  attendance: ATTENDANCE_RULES,
  feedback: FEEDBACK_RULES,
  sobriety: SOBRIETY_RULES,
};

/** A kind's columns in the contract's order, which is also the order of the row's fields. */
export function columnsOf<K extends FileKind>(kind: K): readonly ColumnOf<K>[] {
  // Object.keys loses the key type; the rules object has exactly the row's keys (ColumnRules).
  return Object.keys(RULES_BY_KIND[kind].columns) as ColumnOf<K>[];
}

/** The columns a file of this kind must have in its header. */
export function requiredColumnsOf<K extends FileKind>(kind: K): readonly ColumnOf<K>[] {
  const rules: Readonly<Record<string, { readonly required: boolean }>> = RULES_BY_KIND[kind].columns;
  return columnsOf(kind).filter((column) => rules[column]?.required === true);
}

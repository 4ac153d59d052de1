// What a source file can become: one of the contract's files, or a denormalized group-attendance
// report (one row per participant per session, carrying the group and session in every row) from
// which the groups, sessions and attendance are derived (report.ts).

import { FILE_KINDS, type FileKind, columnsOf, requiredColumnsOf } from '../contract';

export const ATTENDANCE_REPORT = 'group_attendance_report';
export const TARGETS = [...FILE_KINDS, ATTENDANCE_REPORT] as const;
export type Target = (typeof TARGETS)[number];

/**
 * A report's columns. group_id and session_id may come from the report; otherwise they are
 * generated from the natural key (site and group name; group, date and time). site_name instead of
 * site_id derives the sites too.
 */
export const REPORT_COLUMNS = [
  'participant_id',
  'status',
  'minutes_attended',
  'session_date',
  'session_time',
  'group_name',
  'group_type',
  'modality',
  'site_id',
  'site_name',
  'group_id',
  'session_id',
  'duration_minutes',
  'topic',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];
const REPORT_REQUIRED: readonly ReportColumn[] = [
  'participant_id',
  'status',
  'session_date',
  'group_name',
  'group_type',
];

export function isFileKind(target: Target): target is FileKind {
  return target !== ATTENDANCE_REPORT;
}

export function targetColumns(target: Target): readonly string[] {
  return isFileKind(target) ? columnsOf(target) : REPORT_COLUMNS;
}

export function requiredTargetColumns(target: Target): readonly string[] {
  return isFileKind(target) ? requiredColumnsOf(target) : REPORT_REQUIRED;
}

/** Contract columns read as dates (the mapping converts them from the profile's date format). */
export const DATE_COLUMNS: ReadonlySet<string> = new Set([
  'admission_date',
  'discharge_date',
  'assessment_date',
  'session_date',
  'report_date',
]);

// The eight kinds of file a load may contain, in the order they are applied (a file may reference
// keys defined by the kinds before it).
//
// A file's kind is its base name: `attendance.csv` or gzip-compressed `attendance.csv.gz`. Matching
// is case-insensitive (`Attendance.CSV` is attendance): exports from Windows tools often capitalise,
// and no other kind could be meant. Nothing else is tolerated: `attendance (1).csv`,
// `attendance_2025.csv` or `attendance.csv ` are unknown files, because guessing at a renamed copy
// could load the wrong one. Because matching ignores case, a folder holding both `sites.csv` and
// `Sites.csv` has two files of one kind; the loader should refuse that load.

export const FILE_KINDS = [
  'sites',
  'groups',
  'participants',
  'enrollments',
  'sessions',
  'attendance',
  'feedback',
  'sobriety',
] as const;

export type FileKind = (typeof FILE_KINDS)[number];

/** Columns that identify a row (a row with the same key replaces the stored one). */
export const KEY_COLUMNS = {
  sites: ['site_id'],
  groups: ['group_id'],
  participants: ['participant_id'],
  enrollments: ['enrollment_id'],
  sessions: ['session_id'],
  attendance: ['session_id', 'participant_id'],
  feedback: ['session_id', 'participant_id'],
  sobriety: ['participant_id', 'report_date'],
} as const satisfies Record<FileKind, readonly string[]>;

export type KeyColumn<K extends FileKind> = (typeof KEY_COLUMNS)[K][number];

const KIND_BY_NAME: ReadonlyMap<string, FileKind> = new Map(FILE_KINDS.map((kind) => [kind, kind]));
const CSV_SUFFIX = '.csv';
const GZIP_SUFFIX = '.gz';
const XLSX_SUFFIX = '.xlsx';

/** The name after the last `/` or `\` (both, so Windows paths work wherever this runs). */
function baseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(slash + 1);
}

/** The kind of a file from its name or path, or null when it is not one of the contract's files. */
export function fileKindOf(fileName: string): FileKind | null {
  let name = baseName(fileName).toLowerCase();
  if (name.endsWith(XLSX_SUFFIX)) return KIND_BY_NAME.get(name.slice(0, -XLSX_SUFFIX.length)) ?? null;
  if (name.endsWith(GZIP_SUFFIX)) name = name.slice(0, -GZIP_SUFFIX.length);
  if (!name.endsWith(CSV_SUFFIX)) return null;
  return KIND_BY_NAME.get(name.slice(0, -CSV_SUFFIX.length)) ?? null;
}

/** Whether the file is a spreadsheet workbook (`.xlsx`, any case): its first sheet is read. */
export function isSpreadsheetFileName(fileName: string): boolean {
  return fileName.toLowerCase().endsWith(XLSX_SUFFIX);
}

/** Whether the file is gzip-compressed, judged by its name (`.gz`, any case). */
export function isGzipFileName(fileName: string): boolean {
  return fileName.toLowerCase().endsWith(GZIP_SUFFIX);
}

/** The file-level error for a file whose name is not a known kind. */
export function unknownFileKindMessage(fileName: string): string {
  const expected = FILE_KINDS.map((kind) => `${kind}.csv`).join(', ');
  return `"${baseName(fileName)}" is not a file this loader knows; expected one of ${expected} (optionally gzip-compressed, e.g. attendance.csv.gz, or a spreadsheet, e.g. attendance.xlsx)`;
}

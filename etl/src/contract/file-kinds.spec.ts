import { FILE_KINDS, KEY_COLUMNS, fileKindOf, isGzipFileName, unknownFileKindMessage } from './file-kinds';
import { requiredColumnsOf } from './rules';

test('kinds are in load order', () => {
  expect(FILE_KINDS).toEqual([
    'sites',
    'groups',
    'participants',
    'enrollments',
    'sessions',
    'attendance',
    'feedback',
    'sobriety',
  ]);
});

test.each([
  ['sites.csv', 'sites'],
  ['groups.csv', 'groups'],
  ['participants.csv', 'participants'],
  ['enrollments.csv', 'enrollments'],
  ['sessions.csv', 'sessions'],
  ['attendance.csv', 'attendance'],
  ['feedback.csv', 'feedback'],
  ['sobriety.csv', 'sobriety'],
  ['attendance.csv.gz', 'attendance'],
  ['Attendance.CSV', 'attendance'],
  ['SOBRIETY.CSV.GZ', 'sobriety'],
  ['/data/load-2025-02/attendance.csv', 'attendance'],
  ['C:\\exports\\Feedback.csv', 'feedback'],
  ['sites.csv/', null],
  ['attendance.txt', null],
  ['attendance', null],
  ['attendance.gz', null],
  ['attendance (1).csv', null],
  ['attendance_2025.csv', null],
  ['attendance.csv ', null],
  ['patients.csv', null],
  ['.csv', null],
  ['attendance.csv.zip', null],
])('fileKindOf(%j) is %s', (name, kind) => {
  expect(fileKindOf(name)).toBe(kind);
});

test.each([
  ['attendance.csv.gz', true],
  ['attendance.csv.GZ', true],
  ['attendance.csv', false],
])('isGzipFileName(%j) is %s', (name, gzip) => {
  expect(isGzipFileName(name)).toBe(gzip);
});

test('the unknown-file message names the file and the accepted names', () => {
  expect(unknownFileKindMessage('/in/patients.csv')).toBe(
    '"patients.csv" is not a file this loader knows; expected one of sites.csv, groups.csv, participants.csv, enrollments.csv, sessions.csv, attendance.csv, feedback.csv, sobriety.csv (optionally gzip-compressed, e.g. attendance.csv.gz, or a spreadsheet, e.g. attendance.xlsx)',
  );
});

test.each(FILE_KINDS)('every key column of %s is a required column', (kind) => {
  const keys: readonly string[] = KEY_COLUMNS[kind];
  const required: readonly string[] = requiredColumnsOf(kind);
  expect(keys.filter((column) => !required.includes(column))).toEqual([]);
});

// Every rule of the data contract, one fixture each (test/fixtures/not-ok/<rule>/), loaded on top
// of the clean fixture, with the exact outcome: which files were loaded or refused, the row counts,
// and every reject (file, line, column, value, reason) as stored in etl_reject.

import { createTestDatabase, type TestDatabase } from '@iop/db';
import { loadFiles } from './load-files';
import { cloneDatabase, fixture, storedRejects, tableContents, type TableContents } from './testing/database';
import { OK_CONTENTS } from './testing/ok-fixture';
import type { LoadSummary } from './types';

jest.setTimeout(60_000);

type Reject = [file: string, line: number, column: string | null, value: string | null, reason: string];

interface RuleCase {
  rule: string;
  /** file → "read/inserted/updated/unchanged/rejected", or "refused: <message>". */
  files: Record<string, string>;
  rejects: Reject[];
  /** Checks on the tables afterwards; by default, refused files must have stored nothing. */
  tables?: (contents: TableContents) => void;
}

const NOT_IN_CONTRACT = (name: string, accepted: string) => `${name} is not one of: ${accepted}`;
const MUST_EXIST = (column: string, what: string, file: string) =>
  `${column} does not match any ${what} (neither stored nor in ${file} of this load)`;
const SUPERSEDED = (line: number, keys: string, verb: string) =>
  `superseded by line ${line}: the same ${keys} ${verb} again there, and when a key is repeated in a file the last row wins`;
const OVERLAP_RULE = "; a participant's episodes must not overlap";

const unchangedTables = (contents: TableContents) => expect(contents).toEqual(OK_CONTENTS);

const CASES: RuleCase[] = [
  // Whole files
  {
    rule: 'identifier-column',
    files: {
      'sites.csv': '1/1/0/0/0',
      'participants.csv':
        'refused: column "First Name" (first_name) looks like a direct identifier; files with direct identifiers ' +
        '(names, birth dates, SSNs, phone numbers, email or street addresses) are refused whole and nothing from this file was stored',
    },
    rejects: [],
    tables: (contents) => {
      expect(contents.participant).toEqual(OK_CONTENTS.participant);
      expect(contents.site).toContainEqual({ site_id: 'S4', site_name: 'Lakeside Annex' });
    },
  },
  {
    rule: 'missing-required-column',
    files: { 'attendance.csv': 'refused: missing required column "status"' },
    rejects: [],
  },
  {
    rule: 'duplicate-column',
    files: { 'sites.csv': 'refused: column "site_name" appears more than once (columns 2 and 3)' },
    rejects: [],
  },
  {
    rule: 'unknown-file-kind',
    files: {
      'visits.csv':
        'refused: "visits.csv" is not a file this loader knows; expected one of sites.csv, groups.csv, participants.csv, ' +
        'enrollments.csv, sessions.csv, attendance.csv, feedback.csv, sobriety.csv (optionally gzip-compressed, e.g. attendance.csv.gz)',
    },
    rejects: [],
  },
  {
    // The valid row before the broken one is not stored either: the file goes whole or not at all.
    rule: 'not-csv',
    files: {
      'sessions.csv':
        'refused: not valid CSV: the record that starts on line 3 opens a quoted field that is never closed',
    },
    rejects: [],
  },
  {
    rule: 'not-utf8',
    files: {
      'groups.csv':
        'refused: the file is not UTF-8 text: byte 0xE9 on line 2 (byte 56 of the file) is not valid UTF-8; export the file as UTF-8 CSV',
    },
    rejects: [],
  },
  {
    rule: 'bad-gzip',
    files: {
      'attendance.csv.gz':
        'refused: the file attendance.csv.gz is named .gz but could not be decompressed (incorrect header check)',
    },
    rejects: [],
  },
  {
    rule: 'empty-file',
    files: { 'sites.csv': 'refused: the file is empty: it has no header row' },
    rejects: [],
  },
  // Rows, checked on their own
  {
    rule: 'keys',
    files: { 'sites.csv': '4/1/0/0/3' },
    rejects: [
      ['sites.csv', 2, 'site_id', 'K'.repeat(65), 'site_id is 65 characters long; keys are at most 64 characters'],
      [
        'sites.csv',
        3,
        'site_id',
        'Sé',
        'site_id contains a character that is not printable ASCII (U+00E9) at position 2',
      ],
      ['sites.csv', 5, 'site_id', '', 'site_id is required but empty'],
    ],
    // Keys are compared after trimming: " S5 " is S5.
    tables: (contents) => expect(contents.site).toContainEqual({ site_id: 'S5', site_name: 'Trimmed key' }),
  },
  {
    rule: 'field-count',
    files: { 'attendance.csv': '3/1/0/0/2' },
    rejects: [
      [
        'attendance.csv',
        2,
        null,
        null,
        'the row has 5 fields but the header has 4 columns, so its values cannot be matched to columns (a value may contain an unquoted comma)',
      ],
      [
        'attendance.csv',
        3,
        null,
        null,
        'the row has 3 fields but the header has 4 columns, so its values cannot be matched to columns',
      ],
    ],
  },
  {
    rule: 'text-length',
    files: { 'sites.csv': '3/1/0/0/2', 'groups.csv': '1/0/0/0/1' },
    rejects: [
      ['groups.csv', 2, 'group_name', '', 'group_name is required but empty'],
      ['sites.csv', 2, 'site_name', 'n'.repeat(201), 'site_name is 201 characters long; at most 200 are allowed'],
      ['sites.csv', 4, 'site_name', 'Bell\u0007', 'site_name contains a control character (U+0007) at position 5'],
    ],
    tables: (contents) => expect(contents.site).toContainEqual({ site_id: 'S7', site_name: 'Tab\there' }),
  },
  {
    rule: 'group-type',
    files: { 'groups.csv': '1/0/0/0/1' },
    rejects: [
      [
        'groups.csv',
        2,
        'group_type',
        'yoga',
        NOT_IN_CONTRACT('group_type "yoga"', 'psychoeducation, skills, process, trauma_informed, family'),
      ],
    ],
  },
  {
    rule: 'enums',
    files: {
      'groups.csv': '1/0/0/0/1',
      'participants.csv': '1/0/0/0/1',
      'enrollments.csv': '1/0/0/0/1',
      'attendance.csv': '1/0/0/0/1',
    },
    rejects: [
      [
        'attendance.csv',
        2,
        'status',
        'maybe',
        NOT_IN_CONTRACT('status "maybe"', 'present, late, left_early, absent, excused'),
      ],
      [
        'enrollments.csv',
        2,
        'discharge_reason',
        '8',
        NOT_IN_CONTRACT(
          'discharge_reason "8"',
          'completed, dropped_out, terminated, transferred, incarcerated, died, other (or a TEDS code 1-7)',
        ),
      ],
      [
        'groups.csv',
        2,
        'modality',
        'art',
        NOT_IN_CONTRACT('modality "art"', 'cbt, dbt, mindfulness, motivational, twelve_step, other'),
      ],
      ['participants.csv', 2, 'gender', 'F', NOT_IN_CONTRACT('gender "F"', 'female, male, nonbinary, other, unknown')],
      [
        'participants.csv',
        2,
        'primary_substance',
        'heroin',
        NOT_IN_CONTRACT('primary_substance "heroin"', 'alcohol, opioids, stimulants, cannabis, sedatives, other'),
      ],
    ],
  },
  {
    rule: 'integers',
    files: {
      'groups.csv': '2/0/0/0/2',
      'participants.csv': '2/0/0/0/2',
      'enrollments.csv': '1/0/0/0/1',
      'sessions.csv': '1/0/0/0/1',
      'attendance.csv': '1/0/0/0/1',
    },
    rejects: [
      ['attendance.csv', 2, 'minutes_attended', '481', 'minutes_attended "481" is not between 0 and 480'],
      ['enrollments.csv', 2, 'baseline_days_used', '31', 'baseline_days_used "31" is not between 0 and 30'],
      ['groups.csv', 2, 'capacity', '31', 'capacity "31" is not between 1 and 30'],
      ['groups.csv', 3, 'capacity', '3.5', 'capacity "3.5" is not a whole number'],
      ['participants.csv', 2, 'birth_year', '1899', 'birth_year "1899" is not between 1900 and 2026'],
      ['participants.csv', 3, 'birth_year', '2027', 'birth_year "2027" is not between 1900 and 2026'],
      ['sessions.csv', 2, 'duration_minutes', '10', 'duration_minutes "10" is not between 15 and 480'],
    ],
  },
  {
    rule: 'dates',
    files: { 'sessions.csv': '5/1/0/0/4' },
    rejects: [
      ['sessions.csv', 2, 'session_date', '2025-02-30', 'session_date "2025-02-30" is not a real calendar date'],
      [
        'sessions.csv',
        3,
        'session_date',
        '13/1/2025',
        'session_date "13/1/2025" is not a real calendar date (dates with slashes are read as month/day/year)',
      ],
      [
        'sessions.csv',
        4,
        'session_date',
        '1/5/25',
        'session_date "1/5/25" has a two-digit year; write the year in full (M/D/YYYY)',
      ],
      [
        'sessions.csv',
        5,
        'session_date',
        '2025-01-05T10:00',
        'session_date "2025-01-05T10:00" includes a time of day; give the date only (YYYY-MM-DD or M/D/YYYY)',
      ],
    ],
    tables: (contents) =>
      expect(contents.group_session).toContainEqual(
        expect.objectContaining({ session_id: 'X11', session_date: '2025-02-04' }),
      ),
  },
  {
    rule: 'episode-dates',
    files: { 'enrollments.csv': '4/0/0/0/4' },
    rejects: [
      [
        'enrollments.csv',
        2,
        'discharge_date',
        '2025-03-01',
        'discharge_date 2025-03-01 is before admission_date 2025-03-10',
      ],
      [
        'enrollments.csv',
        3,
        'discharge_reason',
        '',
        'discharge_reason is required when discharge_date is set (2025-04-30)',
      ],
      [
        'enrollments.csv',
        4,
        'discharge_reason',
        'completed',
        'discharge_reason completed is given but discharge_date is empty; an episode that is still open has no discharge reason',
      ],
      [
        'enrollments.csv',
        5,
        'assessment_date',
        '2025-06-02',
        'assessment_date 2025-06-02 is after admission_date 2025-06-01',
      ],
    ],
  },
  {
    rule: 'booleans',
    files: { 'participants.csv': '1/0/0/0/1', 'sobriety.csv': '1/0/0/0/1' },
    rejects: [
      [
        'participants.csv',
        2,
        'co_occurring',
        'maybe',
        'co_occurring "maybe" is not one of: true, false, yes, no, y, n, 1, 0',
      ],
      [
        'sobriety.csv',
        2,
        'goal_met',
        'sometimes',
        'goal_met "sometimes" is not one of: true, false, yes, no, y, n, 1, 0',
      ],
    ],
  },
  {
    rule: 'ratings',
    files: { 'feedback.csv': '4/0/0/0/4' },
    rejects: [
      ['feedback.csv', 2, 'relationship', '10.5', 'relationship "10.5" is not between 0 and 10'],
      ['feedback.csv', 3, 'relationship', '7.25', 'relationship "7.25" has more than one decimal place'],
      ['feedback.csv', 4, 'relationship', '7,5', 'relationship "7,5" is not a number (use . as the decimal point)'],
      ['feedback.csv', 5, 'goals_topics', '-1', 'goals_topics "-1" is not between 0 and 10'],
      ['feedback.csv', 5, 'overall', '', 'overall is required but empty'],
    ],
  },
  {
    rule: 'sobriety-days',
    files: { 'sobriety.csv': '3/0/0/0/3' },
    rejects: [
      [
        'sobriety.csv',
        2,
        'days_used',
        '8',
        'days_used 8 is more than window_days 7 (the default when window_days is empty)',
      ],
      ['sobriety.csv', 3, 'days_used', '10', 'days_used 10 is more than window_days 9'],
      ['sobriety.csv', 4, 'window_days', '31', 'window_days "31" is not between 1 and 30'],
    ],
  },
  {
    rule: 'attendance-minutes',
    files: { 'attendance.csv': '2/0/0/0/2' },
    rejects: [
      [
        'attendance.csv',
        2,
        'minutes_attended',
        '45',
        'minutes_attended is 45 but status is absent; a participant who was absent attended 0 minutes',
      ],
      [
        'attendance.csv',
        3,
        'minutes_attended',
        '0',
        'minutes_attended is 0 but status is present; leave minutes_attended empty if the minutes are not known',
      ],
    ],
  },
  // Rows, checked against the database
  {
    rule: 'unknown-references',
    files: {
      'groups.csv': '1/0/0/0/1',
      'enrollments.csv': '1/0/0/0/1',
      'sessions.csv': '1/0/0/0/1',
      'attendance.csv': '2/0/0/0/2',
      'feedback.csv': '1/0/0/0/1',
      'sobriety.csv': '1/0/0/0/1',
    },
    rejects: [
      ['attendance.csv', 2, 'session_id', 'X99', MUST_EXIST('session_id', 'session', 'sessions.csv')],
      ['attendance.csv', 3, 'participant_id', 'P999', MUST_EXIST('participant_id', 'participant', 'participants.csv')],
      ['enrollments.csv', 2, 'participant_id', 'P999', MUST_EXIST('participant_id', 'participant', 'participants.csv')],
      ['enrollments.csv', 2, 'site_id', 'S9', MUST_EXIST('site_id', 'site', 'sites.csv')],
      ['feedback.csv', 2, 'session_id', 'X99', MUST_EXIST('session_id', 'session', 'sessions.csv')],
      ['groups.csv', 2, 'site_id', 'S9', MUST_EXIST('site_id', 'site', 'sites.csv')],
      ['sessions.csv', 2, 'group_id', 'G99', MUST_EXIST('group_id', 'group', 'groups.csv')],
      ['sobriety.csv', 2, 'participant_id', 'P999', MUST_EXIST('participant_id', 'participant', 'participants.csv')],
    ],
    tables: unchangedTables,
  },
  {
    // E7 overlaps a stored episode; E9 overlaps E8 of the same file; E3 moves out of the way of the
    // new E10 (both go in); E11 ends before the stored open episode of P005 starts.
    rule: 'episode-overlap',
    files: { 'enrollments.csv': '6/3/1/0/2' },
    rejects: [
      [
        'enrollments.csv',
        2,
        'admission_date',
        '2025-04-15',
        'the episode 2025-04-15 to 2025-05-15 overlaps an episode of the same participant already stored (2025-01-13 to 2025-04-30)' +
          OVERLAP_RULE,
      ],
      [
        'enrollments.csv',
        4,
        'admission_date',
        '2025-03-10',
        'the episode 2025-03-10 to 2025-03-20 overlaps the episode on line 3 of this file (2025-03-01 to open)' +
          OVERLAP_RULE,
      ],
    ],
    tables: (contents) => {
      const episodes = contents.enrollment?.map((e) => [e.enrollment_id, e.admission_date, e.discharge_date]);
      expect(episodes).toEqual([
        ['E1', '2025-01-06', '2025-03-28'],
        ['E10', '2025-02-01', '2025-02-28'],
        ['E11', '2024-11-01', '2024-12-31'],
        ['E2', '2025-04-01', null],
        ['E3', '2025-01-13', '2025-01-31'],
        ['E4', '2025-01-13', '2025-04-30'],
        ['E5', '2025-02-03', '2025-02-03'],
        ['E6', '2025-01-06', null],
        ['E8', '2025-03-01', null],
      ]);
    },
  },
  {
    rule: 'attendance-outside-episode',
    files: { 'attendance.csv': '3/1/0/0/2' },
    rejects: [
      [
        'attendance.csv',
        2,
        'participant_id',
        'P002',
        'the participant has no episode whose window (admission to discharge, or still open) covers the session date 2025-04-15',
      ],
      [
        'attendance.csv',
        3,
        'participant_id',
        'P003',
        'the participant has no episode whose window (admission to discharge, or still open) covers the session date 2025-01-07',
      ],
    ],
  },
  {
    rule: 'feedback-not-attended',
    files: { 'feedback.csv': '4/1/0/0/3' },
    rejects: [
      [
        'feedback.csv',
        2,
        'participant_id',
        'P003',
        "the participant's attendance at this session is absent; feedback needs status present, late or left_early",
      ],
      [
        'feedback.csv',
        3,
        'participant_id',
        'P001',
        'there is no attendance row for this participant at this session; feedback needs one with status present, late or left_early',
      ],
      [
        'feedback.csv',
        4,
        'participant_id',
        'P003',
        "the participant's attendance at this session is excused; feedback needs status present, late or left_early",
      ],
    ],
  },
  {
    // A check-in after discharge is a post-discharge follow-up, and allowed.
    rule: 'sobriety-before-admission',
    files: { 'sobriety.csv': '3/2/0/0/1' },
    rejects: [
      [
        'sobriety.csv',
        2,
        'participant_id',
        'P003',
        'the participant has no episode admitted on or before the report date 2025-01-10',
      ],
    ],
  },
  {
    // The last row of a key wins, as if the file were applied line by line; a later invalid row
    // does not replace an earlier valid one (P006).
    rule: 'duplicate-key',
    files: { 'sites.csv': '3/1/1/0/1', 'participants.csv': '2/1/0/0/1', 'attendance.csv': '3/0/1/0/2' },
    rejects: [
      [
        'attendance.csv',
        2,
        'session_id,participant_id',
        'X3,P002',
        SUPERSEDED(4, 'session_id and participant_id', 'appear'),
      ],
      [
        'attendance.csv',
        3,
        'session_id,participant_id',
        'X3,P002',
        SUPERSEDED(4, 'session_id and participant_id', 'appear'),
      ],
      ['participants.csv', 3, 'birth_year', '1850', 'birth_year "1850" is not between 1900 and 2026'],
      ['sites.csv', 2, 'site_id', 'S4', SUPERSEDED(4, 'site_id', 'appears')],
    ],
    tables: (contents) => {
      expect(contents.site).toContainEqual({ site_id: 'S4', site_name: 'Lakeside Annex' });
      expect(contents.participant).toContainEqual(
        expect.objectContaining({ participant_id: 'P006', birth_year: 1970 }),
      );
      expect(contents.attendance).toContainEqual({
        session_id: 'X3',
        participant_id: 'P002',
        status: 'late',
        minutes_attended: 40,
      });
    },
  },
];

function outcomeOf(summary: LoadSummary): Record<string, string> {
  return Object.fromEntries(
    summary.files.map((f) => [
      f.file,
      f.status === 'refused'
        ? `refused: ${f.message}`
        : [f.read, f.inserted, f.updated, f.unchanged, f.rejected].join('/'),
    ]),
  );
}

describe('each rule of the data contract', () => {
  let template: TestDatabase;

  beforeAll(async () => {
    template = await createTestDatabase();
    const base = await loadFiles(template.url, [fixture('ok')], { currentYear: 2026 });
    expect(base.status).toBe('succeeded');
  });
  afterAll(async () => {
    await template?.drop();
  });

  it.each(CASES.map((c) => [c.rule, c]))('%s', async (_rule, { rule, files, rejects, tables }) => {
    const db = await cloneDatabase(template.name);
    try {
      const summary = await loadFiles(db.url, [fixture('not-ok', rule)], { currentYear: 2026 });
      expect(summary.status).toBe('partial');
      expect(outcomeOf(summary)).toEqual(files);
      const stored = await storedRejects(db.url, summary.loadId!);
      expect(stored.map((r) => [r.file, r.line, r.column, r.value, r.reason])).toEqual(rejects);
      // Every row is accounted for, in every loaded file.
      for (const f of summary.files) expect(f.read).toBe(f.inserted + f.updated + f.unchanged + f.rejected);
      const contents = await tableContents(db.url);
      if (tables) tables(contents);
      else if (Object.values(files).every((outcome) => outcome.startsWith('refused'))) unchangedTables(contents);
    } finally {
      await db.drop();
    }
  });

  it('refuses a load with two files of the same kind, storing nothing', async () => {
    const db = await cloneDatabase(template.name);
    try {
      const summary = await loadFiles(db.url, [fixture('not-ok', 'same-kind-twice')]);
      expect(summary.status).toBe('failed');
      expect(summary.message).toMatch(/^more than one file of the same kind \(sites: .*sites\.csv, .*sites\.csv\.gz\)/);
      expect(await tableContents(db.url)).toEqual(OK_CONTENTS);
    } finally {
      await db.drop();
    }
  });
});

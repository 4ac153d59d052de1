// The contract's row rules that need the database: keys that must exist (stored or earlier in
// the load), episodes that must not overlap, activity inside an episode, feedback only when
// attended, and one row per key in a file. One fixture each in test/fixtures/not-ok/<rule>/,
// loaded on top of the clean fixture.

import { describeRules, type RuleCase, unchangedTables } from './testing/rule-cases';

jest.setTimeout(60_000);

const MUST_EXIST = (column: string, what: string, file: string) =>
  `${column} does not match any ${what} (neither stored nor in ${file} of this load)`;
const SUPERSEDED = (keys: string) =>
  `superseded by a later line of the file with the same ${keys}: when a key is repeated in a file the last row wins`;
const OVERLAP_RULE = "; a participant's episodes must not overlap";
const KEEP_STORED = '; a load never deletes stored rows, so they must stay valid';

const CASES: RuleCase[] = [
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
      ['attendance.csv', 2, 'session_id', 'X99', MUST_EXIST('session_id', 'session', 'sessions.csv'), null],
      [
        'attendance.csv',
        3,
        'participant_id',
        'P999',
        MUST_EXIST('participant_id', 'participant', 'participants.csv'),
        null,
      ],
      [
        'enrollments.csv',
        2,
        'participant_id',
        'P999',
        MUST_EXIST('participant_id', 'participant', 'participants.csv'),
        null,
      ],
      ['enrollments.csv', 2, 'site_id', 'S9', MUST_EXIST('site_id', 'site', 'sites.csv'), null],
      ['feedback.csv', 2, 'session_id', 'X99', MUST_EXIST('session_id', 'session', 'sessions.csv'), null],
      ['groups.csv', 2, 'site_id', 'S9', MUST_EXIST('site_id', 'site', 'sites.csv'), null],
      ['sessions.csv', 2, 'group_id', 'G99', MUST_EXIST('group_id', 'group', 'groups.csv'), null],
      [
        'sobriety.csv',
        2,
        'participant_id',
        'P999',
        MUST_EXIST('participant_id', 'participant', 'participants.csv'),
        null,
      ],
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
        'the episode overlaps an episode of the same participant already stored' + OVERLAP_RULE,
        'this episode 2025-04-15 to 2025-05-15; the stored one 2025-01-13 to 2025-04-30',
      ],
      [
        'enrollments.csv',
        4,
        'admission_date',
        '2025-03-10',
        'the episode overlaps an episode on an earlier line of this file' + OVERLAP_RULE,
        'this episode 2025-03-10 to 2025-03-20; the one on line 3 2025-03-01 to open',
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
    // Judged as the file leaves the episodes: E1 stretches into April while E2 moves away, but E2's
    // move overlaps E1's new dates and is rejected, so the stored E2 stays and E1 would overlap
    // it: E1 is rejected too, and E5 (another participant) still goes in.
    rule: 'episode-overlap-kept-stored',
    files: { 'enrollments.csv': '3/0/1/0/2' },
    rejects: [
      [
        'enrollments.csv',
        2,
        'admission_date',
        '2025-01-06',
        'the episode overlaps an episode of the same participant already stored' + OVERLAP_RULE,
        'this episode 2025-01-06 to 2025-04-20; the stored one 2025-04-01 to open (kept: its row on line 3 was rejected)',
      ],
      [
        'enrollments.csv',
        3,
        'admission_date',
        '2025-04-15',
        'the episode overlaps an episode on an earlier line of this file' + OVERLAP_RULE,
        'this episode 2025-04-15 to open; the one on line 2 2025-01-06 to 2025-04-20',
      ],
    ],
    tables: (contents) => {
      const episodes = contents.enrollment?.map((e) => [e.enrollment_id, e.admission_date, e.discharge_date]);
      expect(episodes?.slice(0, 2)).toEqual([
        ['E1', '2025-01-06', '2025-03-28'],
        ['E2', '2025-04-01', null],
      ]);
      expect(episodes).toContainEqual(['E5', '2025-02-03', '2025-02-05']);
    },
  },
  {
    // Rows that change stored data must leave the stored rows depending on them valid: E1 would
    // strand P001's attendance on 2025-01-21, E3 P002's check-in of 2025-01-20, X4 P004's
    // attendance, and X1/P001 would turn absent under stored feedback. E4, X6 and X1/P003 change
    // without stranding anything and go in.
    rule: 'stored-rows-stay-valid',
    files: { 'enrollments.csv': '3/0/1/0/2', 'sessions.csv': '2/0/1/0/1', 'attendance.csv': '2/0/1/0/1' },
    rejects: [
      [
        'attendance.csv',
        2,
        'status',
        'absent',
        "the participant's feedback on this session is stored, so the attendance must stay present, late or left_early" +
          KEEP_STORED,
        null,
      ],
      [
        'enrollments.csv',
        2,
        'discharge_date',
        '2025-01-15',
        'changing the episode (its dates or participant) would leave stored attendance of its participant outside every episode' +
          KEEP_STORED,
        'the episode 2025-01-06 to 2025-01-15 would leave 1 stored attendance row(s) of participant P001 outside every episode (the first on 2025-01-21)',
      ],
      [
        'enrollments.csv',
        3,
        'admission_date',
        '2025-01-21',
        'changing the episode (its dates or participant) would leave stored check-ins of its participant before every admission' +
          KEEP_STORED,
        'the episode 2025-01-21 to 2025-02-10 would leave 1 stored check-in(s) of participant P002 with no episode admitted on or before them (the first on 2025-01-20)',
      ],
      [
        'sessions.csv',
        2,
        'session_date',
        '2025-02-04',
        'moving the session would leave stored attendance of participants outside their episodes' + KEEP_STORED,
        'moving the session to 2025-02-04 would leave the stored attendance of 1 participant(s) outside their episodes (P004)',
      ],
    ],
    tables: (contents) => {
      const row = <T>(rows: T[] | undefined, match: (r: T) => boolean) => rows?.find(match);
      expect(row(contents.enrollment, (e) => e.enrollment_id === 'E1')?.discharge_date).toBe('2025-03-28');
      expect(row(contents.enrollment, (e) => e.enrollment_id === 'E3')?.admission_date).toBe('2025-01-13');
      expect(row(contents.enrollment, (e) => e.enrollment_id === 'E4')?.discharge_date).toBe('2025-04-20');
      expect(row(contents.group_session, (s) => s.session_id === 'X4')?.session_date).toBe('2025-02-03');
      expect(row(contents.group_session, (s) => s.session_id === 'X6')?.session_date).toBe('2025-01-08');
      const status = (p: string) =>
        row(contents.attendance, (a) => a.session_id === 'X1' && a.participant_id === p)?.status;
      expect([status('P001'), status('P003')]).toEqual(['present', 'present']);
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
        'the participant has no episode whose window (admission to discharge, or still open) covers the session date',
        'session date 2025-04-15',
      ],
      [
        'attendance.csv',
        3,
        'participant_id',
        'P003',
        'the participant has no episode whose window (admission to discharge, or still open) covers the session date',
        'session date 2025-01-07',
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
        "the participant's attendance at this session is not present, late or left_early, which feedback needs",
        'attendance status absent',
      ],
      [
        'feedback.csv',
        3,
        'participant_id',
        'P001',
        'there is no attendance row for this participant at this session; feedback needs one with status present, late or left_early',
        null,
      ],
      [
        'feedback.csv',
        4,
        'participant_id',
        'P003',
        "the participant's attendance at this session is not present, late or left_early, which feedback needs",
        'attendance status excused',
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
        'the participant has no episode admitted on or before the report date',
        'report date 2025-01-10',
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
        SUPERSEDED('session_id and participant_id'),
        'superseded by line 4',
      ],
      [
        'attendance.csv',
        3,
        'session_id,participant_id',
        'X3,P002',
        SUPERSEDED('session_id and participant_id'),
        'superseded by line 4',
      ],
      ['participants.csv', 3, 'birth_year', '1850', 'birth_year is not between 1900 and 2026', null],
      ['sites.csv', 2, 'site_id', 'S4', SUPERSEDED('site_id'), 'superseded by line 4'],
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

describeRules('each database rule of the data contract', CASES);

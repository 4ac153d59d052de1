// The contract's whole-file rules: a file that cannot be read as the contract says is refused
// whole (nothing of it stored) while the other files of the load still go in. One fixture each in
// test/fixtures/not-ok/<rule>/, loaded on top of the clean fixture.

import { loadFiles } from './load-files';
import { fixture, tableContents } from './testing/database';
import { OK_CONTENTS } from './testing/ok-fixture';
import { describeRules, type RuleCase } from './testing/rule-cases';

jest.setTimeout(60_000);

const CASES: RuleCase[] = [
  {
    rule: 'identifier-column',
    files: {
      'sites.csv': '1/1/0/0/0',
      'participants.csv':
        'refused: a column looks like a direct identifier; files with direct identifiers ' +
        '(names, birth dates, SSNs, phone numbers, email or street addresses) are refused whole and nothing from this file was stored' +
        ' | detail: "First Name" (first_name)',
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
    files: { 'sites.csv': 'refused: a column appears more than once | detail: "site_name" (columns 2 and 3)' },
    rejects: [],
  },
  {
    rule: 'unknown-file-kind',
    files: {
      'visits.csv':
        'refused: "visits.csv" is not a file this loader knows; expected one of sites.csv, groups.csv, participants.csv, ' +
        'enrollments.csv, sessions.csv, attendance.csv, feedback.csv, sobriety.csv (optionally gzip-compressed, e.g. attendance.csv.gz, or a spreadsheet, e.g. attendance.xlsx)',
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
        'refused: the file is not UTF-8 text: a byte is not valid UTF-8; export the file as UTF-8 CSV' +
        ' | detail: byte 0xE9 on line 2 (byte 56 of the file)',
    },
    rejects: [],
  },
  {
    rule: 'bad-gzip',
    files: {
      'attendance.csv.gz':
        'refused: the file is named .gz but could not be decompressed | detail: incorrect header check',
    },
    rejects: [],
  },
  {
    rule: 'empty-file',
    files: { 'sites.csv': 'refused: the file is empty: it has no header row' },
    rejects: [],
  },
];

describeRules('each whole-file rule of the data contract', CASES, (copyOfCleanLoad) => {
  it('refuses a load with two files of the same kind, storing nothing', async () => {
    const db = await copyOfCleanLoad();
    try {
      const summary = await loadFiles(db.url, [fixture('not-ok', 'same-kind-twice')]);
      expect(summary.status).toBe('failed');
      expect(summary.message).toBe('more than one file of the same kind (sites); give one file per kind');
      expect(summary.detail).toMatch(/^sites: .*sites\.csv, .*sites\.csv\.gz$/);
      expect(await tableContents(db.url)).toEqual(OK_CONTENTS);
    } finally {
      await db.drop();
    }
  });
});

// Test helper: runs the fixtures of test/fixtures/not-ok/<rule>/ on top of the clean fixture and
// compares the exact outcome: which files were loaded or refused, the row counts, every reject
// (file, line, column, value, reason, detail) as stored in etl_reject, and what the tables hold.

import { createTestDatabase, type TestDatabase } from '@iop/db';
import { loadFiles } from '../load-files';
import type { LoadSummary } from '../types';
import {
  type ClonedDatabase,
  cloneDatabase,
  fixture,
  storedRejects,
  tableContents,
  type TableContents,
} from './database';
import { OK_CONTENTS } from './ok-fixture';

export type Reject = [
  file: string,
  line: number,
  column: string | null,
  value: string | null,
  reason: string,
  detail: string | null,
];

export interface RuleCase {
  rule: string;
  /** file → "read/inserted/updated/unchanged/rejected", or "refused: <message>[ | detail: <detail>]". */
  files: Record<string, string>;
  rejects: Reject[];
  /** Checks on the tables afterwards; by default, refused files must have stored nothing. */
  tables?: (contents: TableContents) => void;
}

export const unchangedTables = (contents: TableContents): void => expect(contents).toEqual(OK_CONTENTS);

function outcomeOf(summary: LoadSummary): Record<string, string> {
  return Object.fromEntries(
    summary.files.map((f) => [
      f.file,
      f.status === 'refused'
        ? `refused: ${f.message}${f.detail === undefined ? '' : ` | detail: ${f.detail}`}`
        : [f.read, f.inserted, f.updated, f.unchanged, f.rejected].join('/'),
    ]),
  );
}

/**
 * One test per case, each in a copy of a database holding the clean fixture. `more` may add tests
 * of its own that need such a copy.
 */
export function describeRules(
  title: string,
  cases: RuleCase[],
  more?: (copyOfCleanLoad: () => Promise<ClonedDatabase>) => void,
): void {
  describe(title, () => {
    let template: TestDatabase;

    beforeAll(async () => {
      template = await createTestDatabase();
      const base = await loadFiles(template.url, [fixture('ok')], { currentYear: 2026 });
      expect(base.status).toBe('succeeded');
    });
    afterAll(async () => {
      await template?.drop();
    });

    it.each(cases.map((c) => [c.rule, c]))('%s', async (_rule, { rule, files, rejects, tables }) => {
      const db = await cloneDatabase(template.name);
      try {
        const summary = await loadFiles(db.url, [fixture('not-ok', rule)], { currentYear: 2026 });
        expect(summary.status).toBe('partial');
        expect(outcomeOf(summary)).toEqual(files);
        const stored = await storedRejects(db.url, summary.loadId!);
        expect(stored.map((r) => [r.file, r.line, r.column, r.value, r.reason, r.detail])).toEqual(rejects);
        // Every row is accounted for, in every loaded file.
        for (const f of summary.files) expect(f.read).toBe(f.inserted + f.updated + f.unchanged + f.rejected);
        const contents = await tableContents(db.url);
        if (tables) tables(contents);
        else if (Object.values(files).every((outcome) => outcome.startsWith('refused'))) unchangedTables(contents);
      } finally {
        await db.drop();
      }
    });

    more?.(() => cloneDatabase(template.name));
  });
}

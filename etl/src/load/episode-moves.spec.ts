// A later export that moves several episodes of the same participants at once (the demo data of
// another seed over the first): the episodes as the load leaves them are judged. A move that is
// rejected keeps its stored episode, and an episode of the export that only fit because that one
// was moving away is rejected too, row by row, instead of the database refusing the whole load.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { generateDemoData } from '../demo/generate';
import { loadFiles } from './load-files';
import { storedRejects, withClient } from './testing/database';
import type { LoadSummary } from './types';

jest.setTimeout(120_000);

let db: TestDatabase;
let dir: string;
let later: LoadSummary;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-episode-moves-'));
  await generateDemoData({ outDir: path.join(dir, 'first'), participants: 50, seed: 1 });
  await generateDemoData({ outDir: path.join(dir, 'later'), participants: 50, seed: 9 });
  db = await createTestDatabase();
  const first = await loadFiles(db.url, [path.join(dir, 'first')]);
  expect(first.status).toBe('succeeded');
  later = await loadFiles(db.url, [path.join(dir, 'later')]);
});

afterAll(async () => {
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The episode on each line of the later export's enrollments.csv (demo records never span lines). */
async function exportedEpisodes(): Promise<Map<number, { participant: string; from: string; to: string | null }>> {
  const [header, ...lines] = (await readFile(path.join(dir, 'later', 'enrollments.csv'), 'utf8')).split('\n');
  const at = (name: string) => header!.split(',').indexOf(name);
  const episodes = new Map<number, { participant: string; from: string; to: string | null }>();
  lines.forEach((line, i) => {
    const fields = line.split(',');
    if (line !== '') {
      episodes.set(i + 2, {
        participant: fields[at('participant_id')]!,
        from: fields[at('admission_date')]!,
        to: fields[at('discharge_date')] || null,
      });
    }
  });
  return episodes;
}

describe('a later export that moves episodes around', () => {
  it('is committed, not failed on an intermediate state, every episode row accounted for', () => {
    expect([later.status, later.message, later.detail]).toEqual(['partial', undefined, undefined]);
    const enrollments = later.files.find((f) => f.kind === 'enrollments')!;
    expect(enrollments.status).toBe('loaded');
    expect(enrollments.inserted).toBeGreaterThan(0);
    expect(enrollments.read).toBe(
      enrollments.inserted + enrollments.updated + enrollments.unchanged + enrollments.rejected,
    );
  });

  it('stores no overlap', async () => {
    const overlaps = await withClient(db.url, async (c) => {
      const result = await c.query<{ n: string }>(
        `SELECT count(*) AS n FROM enrollment a JOIN enrollment b
           ON a.participant_id = b.participant_id AND a.enrollment_id < b.enrollment_id
          AND daterange(a.admission_date, a.discharge_date, '[]') && daterange(b.admission_date, b.discharge_date, '[]')`,
      );
      return Number(result.rows[0]!.n);
    });
    expect(overlaps).toBe(0);
  });

  it('rejects, with a fixed reason and the particulars in the detail, only episodes that overlap one stored after the load', async () => {
    const rejects = (await storedRejects(db.url, later.loadId!)).filter(
      (r) => r.file === 'enrollments.csv' && /overlap/.test(r.reason),
    );
    // Seed 9 moves two episodes into stored ones whose own moves are rejected (they would strand
    // stored attendance or check-ins), so those stay where they were; rejecting one of the two
    // keeps its stored episode in turn, which a third moved episode overlaps (a second round).
    expect(rejects.map((r) => r.line)).toEqual([53, 55, 57]);
    expect(rejects[2]!.detail).toMatch(/kept: its row on line 53 was rejected/);
    const episodes = await exportedEpisodes();
    for (const reject of rejects) {
      expect(reject.reason).toBe(
        "the episode overlaps an episode of the same participant already stored; a participant's episodes must not overlap",
      );
      expect(reject.detail).toMatch(
        /^this episode \S+ to \S+; the stored one \S+ to \S+ \(kept: its row on line \d+ was rejected\)$/,
      );
      const episode = episodes.get(reject.line)!;
      const overlapping = await withClient(db.url, async (c) => {
        const result = await c.query(
          `SELECT 1 FROM enrollment WHERE participant_id = $1
             AND daterange(admission_date, discharge_date, '[]') && daterange($2::date, $3::date, '[]')`,
          [episode.participant, episode.from, episode.to],
        );
        return result.rowCount;
      });
      expect(overlapping).toBeGreaterThan(0);
    }
  });
});

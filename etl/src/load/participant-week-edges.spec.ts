import type { PoolClient } from 'pg';
import { openTestClient } from '@iop/db';
import { createDerivedTables, refreshParticipantWeekEdges } from '@iop/metrics';
import { createRng } from '../demo/prng';

// The edge cells against their definition: for every head (Monday to a day) and tail (a day to
// Sunday) of every week, the participant-weeks formed from the rows of the days kept only, counted
// as api PARTICIPANT_WEEK_CTE counts them, per site and group type and per site over all types.

const MINUTES = 540;
const STATUSES = ['present', 'late', 'left_early', 'absent', 'excused'];

/** A row of the refresh's derived_episode_row (minutes NULL: unknown). */
interface EpisodeRow {
  enrollment_id: string;
  site_id: string;
  group_type: string;
  session_date: string;
  week: string;
  status: string;
  minutes: number | null;
}

interface Cell {
  week: string;
  from_date: string;
  to_date: string;
  site_id: string;
  group_type: string;
  weeks: number;
  consistent: number;
  unknown: number;
  met: number;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayOf = (row: EpisodeRow) => (Date.parse(row.session_date) - Date.parse(row.week)) / 86_400_000;

/** Counted straight from the definition, one cut at a time. */
function expectedCells(rows: EpisodeRow[]): Cell[] {
  const cells: Cell[] = [];
  const cuts = [0, 1, 2, 3, 4, 5].flatMap((k) => [
    [0, k],
    [6 - k, 6],
  ]);
  for (const week of [...new Set(rows.map((r) => r.week))].sort())
    for (const [first, last] of cuts) {
      const participantWeeks = new Map<string, { cell: string[]; rows: EpisodeRow[] }>();
      for (const row of rows.filter((r) => r.week === week && dayOf(r) >= first! && dayOf(r) <= last!))
        for (const type of [row.group_type, '*']) {
          const key = [row.enrollment_id, row.site_id, type].join('|');
          const pw = participantWeeks.get(key) ?? { cell: [row.site_id, type], rows: [] };
          pw.rows.push(row);
          participantWeeks.set(key, pw);
        }
      const counts = new Map<string, Cell>();
      for (const { cell, rows: kept } of participantWeeks.values()) {
        if (!kept.some((r) => r.status !== 'excused')) continue;
        const absent = kept.some((r) => r.status === 'absent');
        const unknown = kept.some((r) => r.minutes === null);
        const known = kept.reduce((sum, r) => sum + (r.minutes ?? 0), 0);
        const [site_id, group_type] = cell as [string, string];
        const from_date = addDays(week, first!);
        const to_date = addDays(week, last!);
        const key = `${site_id}|${group_type}`;
        const c = counts.get(key) ?? {
          week,
          from_date,
          to_date,
          site_id,
          group_type,
          weeks: 0,
          consistent: 0,
          unknown: 0,
          met: 0,
        };
        c.weeks += 1;
        c.consistent += absent ? 0 : 1;
        c.unknown += unknown ? 1 : 0;
        c.met += !unknown && known >= MINUTES ? 1 : 0;
        counts.set(key, c);
      }
      cells.push(...counts.values());
    }
  const order = (c: Cell) => [c.week, c.from_date, c.to_date, c.site_id, c.group_type].join('|');
  return cells.sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

/** Two weeks of random rows; a few episodes also attend at the other site, some twice a day. */
function randomRows(seed: number, count: number): EpisodeRow[] {
  const rng = createRng(seed);
  const weeks = ['2025-03-03', '2025-03-10'];
  return Array.from({ length: count }, () => {
    const e = rng.int(1, 12);
    const week = rng.pick(weeks);
    return {
      enrollment_id: `E${e}`,
      site_id: rng.chance(0.1) ? 'S3' : `S${(e % 2) + 1}`,
      group_type: rng.pick(['process', 'skills', 'family']),
      session_date: addDays(week, rng.int(0, 6)),
      week,
      status: rng.weighted(STATUSES.map((s, i) => [s, [5, 1, 1, 2, 2][i]!] as const)),
      minutes: rng.chance(0.1) ? null : rng.pick([0, 45, 90, 120, 180, 240, 300, 480]),
    };
  });
}

let client: PoolClient;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ client, close } = await openTestClient());
});

afterAll(() => close?.());

beforeEach(async () => {
  await client.query('BEGIN');
  await createDerivedTables(client);
});
afterEach(() => client.query('ROLLBACK'));

async function edgeCells(rows: EpisodeRow[]): Promise<Cell[]> {
  await client.query(`
    CREATE TEMP TABLE derived_episode_row (enrollment_id text, site_id text, group_type text, session_date date,
      week date, status text, minutes int) ON COMMIT DROP`);
  await client.query(
    `INSERT INTO derived_episode_row SELECT * FROM json_populate_recordset(NULL::derived_episode_row, $1)`,
    [JSON.stringify(rows)],
  );
  await refreshParticipantWeekEdges(client, MINUTES);
  const { rows: cells } = await client.query<Cell>(`
    SELECT to_char(week, 'YYYY-MM-DD') AS week, to_char(from_date, 'YYYY-MM-DD') AS from_date,
      to_char(to_date, 'YYYY-MM-DD') AS to_date, site_id, group_type, weeks, consistent, unknown, met
    FROM derived.participant_week_edge_cell
    ORDER BY week, from_date, to_date, site_id COLLATE "C", group_type COLLATE "C"`);
  return cells;
}

describe('participant-week edge cells', () => {
  it('count the days a head or a tail keeps: 540 minutes by Wednesday, unknown hours from Friday', async () => {
    const row = (session_date: string, status: string, minutes: number | null): EpisodeRow => ({
      enrollment_id: 'E1',
      site_id: 'S1',
      group_type: 'process',
      session_date,
      week: '2025-03-03',
      status,
      minutes,
    });
    // Monday 300 minutes, Wednesday 240 (540 reached), Thursday excused, Friday of unknown hours.
    const cells = await edgeCells([
      row('2025-03-03', 'present', 300),
      row('2025-03-05', 'present', 240),
      row('2025-03-06', 'excused', 0),
      row('2025-03-07', 'present', null),
    ]);
    const process = cells.filter((c) => c.group_type === 'process');
    expect(process.map((c) => [c.from_date, c.to_date, c.weeks, c.unknown, c.met])).toEqual([
      ['2025-03-03', '2025-03-03', 1, 0, 0], // Monday: 300
      ['2025-03-03', '2025-03-04', 1, 0, 0],
      ['2025-03-03', '2025-03-05', 1, 0, 1], // to Wednesday: 540, met
      ['2025-03-03', '2025-03-06', 1, 0, 1],
      ['2025-03-03', '2025-03-07', 1, 1, 0], // to Friday: unknown hours, left out of met
      ['2025-03-03', '2025-03-08', 1, 1, 0],
      ['2025-03-04', '2025-03-09', 1, 1, 0], // tails: Wednesday's 240 never reach 540
      ['2025-03-05', '2025-03-09', 1, 1, 0],
      ['2025-03-06', '2025-03-09', 1, 1, 0], // Thursday excused, Friday counts
      ['2025-03-07', '2025-03-09', 1, 1, 0],
    ]);
    // The all-types week of a single type is the same; a tail from Saturday keeps no row.
    expect(cells.filter((c) => c.group_type === '*')).toEqual(process.map((c) => ({ ...c, group_type: '*' })));
  });

  it('give the counts of the rows of the days kept, for every cut of every week', async () => {
    for (const seed of [1, 2, 3]) {
      const rows = randomRows(seed, 400);
      expect(await edgeCells(rows)).toEqual(expectedCells(rows));
      await client.query('DROP TABLE derived_episode_row');
      await client.query('DELETE FROM derived.participant_week_edge_cell');
    }
  });
});

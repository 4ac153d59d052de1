import { createRng } from '@iop/etl';
import { IntensityService } from '../attendance/intensity.service';
import { SessionAccountabilityService } from '../attendance/session-accountability.service';
import { addDays, setDerivedDataEnabled } from '../episodes';
import { GroupType, MetricsFilter } from '../filters';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { queryRows, refreshDerivedTables } from '../testing/derived-testing';
import { runFixtureSql } from './fixture.testing';

// The participant-weeks of an ISO week cut by a period's first or last day come, on the derived
// path, from the loader's edge cells (derived.participant_week_edge_cell). Intensity and consistency must
// be the live figures for every way a period can cut its first and last weeks, at all sites or one,
// for all group types or one. The fixture is random but seeded: rows of unknown hours (no minutes,
// no duration), excused and absent rows, two sessions of a type on one day, episodes that end and
// begin inside a week, and weeks that reach 540 minutes on any day.

const SITES = ['S1', 'S2'];
const TYPES = Object.values(GroupType);
const MONDAYS = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'];
const LAST_DAY = '2025-03-30';
const weekDays = (monday: string) => [0, 1, 2, 3, 4, 5, 6].map((d) => addDays(monday, d));

const literal = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? `${v}` : `'${v}'`);
const values = (rows: (string | number | null)[][]) => rows.map((r) => `(${r.map(literal).join(', ')})`).join(',\n');

function fixtureSql(): string {
  const random = createRng(20250303).next;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // One group per site and type, and a second process group at S1: two process sessions a day.
  const groups = SITES.flatMap((site) => TYPES.map((type) => [`${site}-${type}`, site, type]));
  groups.push(['S1-process-b', 'S1', GroupType.process]);
  const sessions: [string, string, string, number | null][] = [];
  for (const [groupId] of groups)
    for (const day of MONDAYS.flatMap(weekDays))
      if (random() < 0.45)
        sessions.push([`${groupId}@${day}`, groupId!, day, pick([60, 90, 120, 180, 240, 300, null])]);

  // Episodes: P03's ends on a Wednesday and the next starts on the Friday; P05 is admitted on a
  // Thursday; P07 is discharged on a Wednesday.
  const participants = Array.from({ length: 24 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
  const homeSite = (p: string) => SITES[Number(p.slice(1)) % 2]!;
  const episodes: [string, string, string, string, string | null, string | null][] = participants.map((p) => [
    `E${p}`,
    p,
    homeSite(p),
    p === 'P05' ? '2025-03-13' : '2025-02-01',
    p === 'P07' ? '2025-03-19' : p === 'P03' ? '2025-03-12' : null,
    p === 'P07' || p === 'P03' ? 'completed' : null,
  ]);
  episodes.push(['EP03b', 'P03', homeSite('P03'), '2025-03-14', null, null]);
  const inEpisode = (p: string, day: string) =>
    episodes.some(([, q, , from, to]) => q === p && from <= day && (to === null || day <= to));

  const groupSite = new Map(groups.map(([id, site]) => [id!, site!]));
  const attendance: (string | number | null)[][] = [];
  for (const [sessionId, groupId, day] of sessions)
    for (const p of participants)
      if (groupSite.get(groupId) === homeSite(p) && inEpisode(p, day) && random() < 0.5) {
        const status = pick(['present', 'present', 'present', 'late', 'left_early', 'absent', 'absent', 'excused']);
        attendance.push([sessionId, p, status, random() < 0.25 ? Math.floor(random() * 481) : null]);
      }
  return `
    INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
    INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
      ${values(groups.map(([id, site, type]) => [id!, site!, type!, id!]))};
    INSERT INTO participant (participant_id) VALUES ${values(participants.map((p) => [p]))};
    INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason)
      VALUES ${values(episodes)};
    INSERT INTO group_session (session_id, group_id, session_date, duration_minutes) VALUES ${values(sessions)};
    INSERT INTO attendance (session_id, participant_id, status, minutes_attended) VALUES ${values(attendance)};`;
}

let api: ApiTestServer;

const sql = <T>(text: string) => queryRows<T>(api.db.url, text);
const refresh = () => refreshDerivedTables(api.db.url);

beforeAll(async () => {
  api = await startApiTestServer();
  await runFixtureSql(api.db.url, fixtureSql());
  await refresh();
}, 60_000);

afterAll(async () => {
  setDerivedDataEnabled(true);
  await api?.close();
});

/** Intensity, and the consistency of session accountability (its other figures read other cells). */
async function figures(filter: MetricsFilter) {
  const intensity = await api.server.app.get(IntensityService).intensity(filter);
  const { total, byGroupType } = await api.server.app.get(SessionAccountabilityService).accountability(filter);
  return {
    intensity,
    consistency: [total.consistency, ...byGroupType.map((t) => [t.groupType, t.figures.consistency])],
  };
}

async function liveAndDerived(filter: MetricsFilter) {
  setDerivedDataEnabled(false);
  const live = await figures(filter);
  setDerivedDataEnabled(true);
  return { live: { filter, ...live }, derived: { filter, ...(await figures(filter)) } };
}

const SCOPES: MetricsFilter[] = [
  {},
  { siteIds: ['S1'] },
  { groupTypes: [GroupType.process] },
  { siteIds: ['S2'], groupTypes: [GroupType.skills] },
  { siteIds: ['S1', 'S2'] },
];

/** Every period from a day of `firstWeek` to a day of `lastWeek` (the same week: from ≤ to). */
const periods = (firstWeek: string, lastWeek: string) =>
  weekDays(firstWeek).flatMap((from) =>
    weekDays(lastWeek)
      .filter((to) => from <= to)
      .map((to) => ({ from, to })),
  );

async function expectLiveFigures(periodsToCheck: { from: string; to: string }[], scopes: MetricsFilter[]) {
  for (const period of periodsToCheck)
    for (const scope of scopes) {
      const { live, derived } = await liveAndDerived({ ...period, ...scope });
      expect(derived).toEqual(live);
    }
}

describe('participant-weeks of cut weeks from the edge cells', () => {
  it('come from a fixture with unknown hours, excused and absent rows, and 540 minutes reached mid-week', async () => {
    const [cells] = await sql<Record<string, boolean>>(`
      SELECT bool_or(unknown > 0) AS unknown, bool_or(consistent < weeks) AS absent,
        bool_or(met > 0 AND group_type = '*') AS met_all_types, bool_or(met > 0 AND group_type <> '*') AS met_one_type
      FROM derived.participant_week_edge_cell`);
    expect(cells).toEqual({ unknown: true, absent: true, met_all_types: true, met_one_type: true });
    // A head that ends one day later reaches the threshold for more participant-weeks.
    const [reached] = await sql<{ heads: number }>(`
      SELECT count(*)::int AS heads FROM derived.participant_week_edge_cell a
      JOIN derived.participant_week_edge_cell b USING (week, site_id, group_type, from_date)
      WHERE a.from_date = a.week AND b.to_date = a.to_date + 1 AND b.met > a.met`);
    expect(reached!.heads).toBeGreaterThan(5);
    const [excused] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM attendance WHERE status = 'excused'`);
    expect(excused!.n).toBeGreaterThan(20);
  });

  it('give the live figures for every cut of a period’s first and last weeks', async () => {
    // From any day of the first week to any day of the third: cut at the start, at the end, both, neither.
    await expectLiveFigures(periods(MONDAYS[0]!, MONDAYS[2]!), SCOPES);
    // Two cut weeks side by side, and a period to the data's last day.
    await expectLiveFigures(periods(MONDAYS[1]!, MONDAYS[2]!), SCOPES.slice(0, 3));
    await expectLiveFigures([{ from: '2025-03-05', to: LAST_DAY }], SCOPES);
  }, 120_000);

  it('give the live figures for a period inside one week', async () => {
    await expectLiveFigures(periods(MONDAYS[1]!, MONDAYS[1]!), SCOPES);
  }, 60_000);

  it('are read for a week cut at one end, and not for whole weeks or a period inside one week', async () => {
    const cutAtStart = { from: '2025-03-05', to: '2025-03-23' };
    const cutAtEnd = { from: '2025-03-03', to: '2025-03-19' };
    const wholeWeeks = { from: '2025-03-03', to: '2025-03-23' };
    const insideOneWeek = { from: '2025-03-11', to: '2025-03-14' };
    // One site's all-types cells: the total of all sites and types reads each cut week's once.
    const where = `WHERE site_id = 'S1' AND group_type = '*'`;
    await sql(`UPDATE derived.participant_week_edge_cell SET weeks = weeks + 100 ${where}`);
    try {
      for (const period of [cutAtStart, cutAtEnd]) {
        const { live, derived } = await liveAndDerived(period);
        expect(derived.intensity.total.participantWeeks).toBe(live.intensity.total.participantWeeks + 100);
      }
      for (const period of [wholeWeeks, insideOneWeek]) {
        const { live, derived } = await liveAndDerived(period);
        expect(derived).toEqual(live);
      }
    } finally {
      await sql(`UPDATE derived.participant_week_edge_cell SET weeks = weeks - 100 ${where}`);
    }
  });

  it('give the live figures when a participant-week spans two sites', async () => {
    // A participant with a row at S2 late in the week of March 10 also attends S1's last session
    // of that week: sites no longer add up, so all sites' cut weeks are counted from their rows,
    // and one site's still from its cells.
    await sql(`
      INSERT INTO attendance (session_id, participant_id, status)
      SELECT (SELECT max(session_id) FROM group_session WHERE group_id = 'S1-psychoeducation'
          AND session_date BETWEEN '2025-03-13' AND '2025-03-16'),
        min(a.participant_id), 'present'
      FROM attendance a JOIN group_session s USING (session_id) JOIN therapy_group g USING (group_id)
      WHERE g.site_id = 'S2' AND s.session_date BETWEEN '2025-03-13' AND '2025-03-16' AND a.status <> 'excused'
        AND a.participant_id NOT IN ('P03', 'P07')`);
    await refresh();
    const [meta] = await sql<{ single_site: boolean }>(`SELECT single_site FROM derived.meta`);
    expect(meta!.single_site).toBe(false);
    const cutWeeks = periods(MONDAYS[1]!, MONDAYS[2]!).filter((_, i) => i % 3 === 0);
    await expectLiveFigures(cutWeeks, [{}, { siteIds: ['S1'] }, { siteIds: ['S2'], groupTypes: [GroupType.family] }]);
  }, 60_000);
});

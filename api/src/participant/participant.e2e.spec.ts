import { runFixtureSql } from '../sessions-scope/fixture.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// P1 has an episode at North (S1) and one earlier at South (S2); P2 only at South.
//   Sessions of P1: 03-03 North present, 03-10 North absent, 03-17 North late, 02-10 South excused
//                   (South episode), 04-07 North present (after the as-of date 03-31).
//   Check-ins of P1: 02-12 (in the South episode, 3 days), 03-05 (North, 0), 03-19 (North, 1), 04-02 (after as-of).
const FIXTURE = `
  INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
  INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
    ('G1', 'S1', 'process', 'Process North'), ('G2', 'S2', 'skills', 'Skills South');
  INSERT INTO participant (participant_id) VALUES ('P1'), ('P2');
  INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
    ('E1s', 'P1', 'S2', '2025-02-01', '2025-02-28', 'dropped_out'), ('E1n', 'P1', 'S1', '2025-03-01', NULL, NULL),
    ('E2', 'P2', 'S2', '2025-02-01', NULL, NULL);
  INSERT INTO group_session (session_id, group_id, session_date) VALUES
    ('N1', 'G1', '2025-03-03'), ('N2', 'G1', '2025-03-10'), ('N3', 'G1', '2025-03-17'), ('N4', 'G1', '2025-04-07'),
    ('S1x', 'G2', '2025-02-10');
  INSERT INTO attendance (session_id, participant_id, status, minutes_attended) VALUES
    ('N1', 'P1', 'present', 90), ('N2', 'P1', 'absent', NULL), ('N3', 'P1', 'late', 70), ('N4', 'P1', 'present', 90),
    ('S1x', 'P1', 'excused', NULL), ('S1x', 'P2', 'present', 90);
  INSERT INTO sobriety_checkin (participant_id, report_date, days_used, craving, goal_met) VALUES
    ('P1', '2025-02-12', 3, 6, false), ('P1', '2025-03-05', 0, 2.5, true), ('P1', '2025-03-19', 1, NULL, NULL),
    ('P1', '2025-04-02', 0, 1, true);
`;

const QUERY = `query ($id: String!, $filter: MetricsFilter, $rows: Int) {
  participantActivity(participantId: $id, filter: $filter, rows: $rows) {
    participantId asOf
    episodes { enrollmentId siteName admissionDate dischargeDate dischargeReason }
    sessions { sessionDate sessionId groupName groupType siteName status minutesAttended }
    checkins { reportDate daysUsed windowDays craving goalMet }
  } }`;

interface Activity {
  participantId: string;
  asOf: string;
  episodes: { enrollmentId: string }[];
  sessions: { sessionId: string; status: string; siteName: string }[];
  checkins: { reportDate: string; daysUsed: number }[];
}

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runFixtureSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

describe('participantActivity over HTTP', () => {
  it('lists a director the last sessions and check-ins up to the as-of date, latest first', async () => {
    const director = await api.signIn('director');
    const { data, errors } = await director.graphql<{ participantActivity: Activity }>(QUERY, {
      id: 'P1',
      filter: { asOf: '2025-03-31' },
    });
    expect(errors).toBeUndefined();
    const p = data!.participantActivity;
    expect(p.asOf).toBe('2025-03-31');
    expect(p.episodes.map((e) => e.enrollmentId)).toEqual(['E1n', 'E1s']);
    expect(p.sessions).toEqual([
      {
        sessionDate: '2025-03-17',
        sessionId: 'N3',
        groupName: 'Process North',
        groupType: 'process',
        siteName: 'North',
        status: 'late',
        minutesAttended: 70,
      },
      expect.objectContaining({ sessionId: 'N2', status: 'absent', minutesAttended: null }),
      expect.objectContaining({ sessionId: 'N1', status: 'present' }),
      expect.objectContaining({ sessionId: 'S1x', status: 'excused', siteName: 'South' }),
    ]);
    expect(p.checkins).toEqual([
      { reportDate: '2025-03-19', daysUsed: 1, windowDays: 7, craving: null, goalMet: null },
      { reportDate: '2025-03-05', daysUsed: 0, windowDays: 7, craving: 2.5, goalMet: true },
      { reportDate: '2025-02-12', daysUsed: 3, windowDays: 7, craving: 6, goalMet: false },
    ]);
  });

  it('lists no more rows than asked', async () => {
    const director = await api.signIn('director');
    const { data } = await director.graphql<{ participantActivity: Activity }>(QUERY, {
      id: 'P1',
      filter: { asOf: '2025-03-31' },
      rows: 2,
    });
    expect(data!.participantActivity.sessions.map((s) => s.sessionId)).toEqual(['N3', 'N2']);
    expect(data!.participantActivity.checkins.map((c) => c.reportDate)).toEqual(['2025-03-19', '2025-03-05']);
  });

  it.each(['quality', 'funder'] as const)('refuses a %s user: no participant id leaves the server', async (role) => {
    const session = await api.signIn(role);
    const { data, errors } = await session.graphql(QUERY, { id: 'P1', filter: { asOf: '2025-03-31' } });
    expect(data ?? null).toBeNull();
    expect(errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['FORBIDDEN', `Your role (${role}) may not see this.`],
    ]);
  });

  it("shows a site-limited director only their site's part of the record", async () => {
    const north = await api.signIn('director', ['S1']);
    const { data } = await north.graphql<{ participantActivity: Activity }>(QUERY, {
      id: 'P1',
      filter: { asOf: '2025-03-31' },
    });
    const p = data!.participantActivity;
    expect(p.episodes.map((e) => e.enrollmentId)).toEqual(['E1n']);
    expect(p.sessions.map((s) => s.sessionId)).toEqual(['N3', 'N2', 'N1']); // not South's S1x
    expect(p.checkins.map((c) => c.reportDate)).toEqual(['2025-03-19', '2025-03-05']); // not the South episode's

    // P2 has no episode at North: the same answer as for an unknown id.
    const other = await north.graphql(QUERY, { id: 'P2', filter: { asOf: '2025-03-31' } });
    const unknown = await north.graphql(QUERY, { id: 'P404', filter: { asOf: '2025-03-31' } });
    expect(other.errors?.[0].message).toBe('No episode of participant P2 at your sites up to 2025-03-31.');
    expect(unknown.errors?.[0].message).toBe('No episode of participant P404 at your sites up to 2025-03-31.');
    expect(other.data ?? null).toBeNull();

    const south = await north.graphql(QUERY, { id: 'P1', filter: { siteIds: ['S2'] } });
    expect(south.errors?.[0]).toMatchObject({
      message: 'You may only see sites S1.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('refuses a bad row count or as-of date with what was wrong', async () => {
    const director = await api.signIn('director');
    const rows = await director.graphql(QUERY, { id: 'P1', rows: 0 });
    expect(rows.errors?.[0].message).toBe('rows must be a whole number from 1 to 100 (got 0)');
    const asOf = await director.graphql(QUERY, { id: 'P1', filter: { asOf: '2025-3-31' } });
    expect(asOf.errors?.[0].message).toBe('Invalid filter: asOf must be a date written YYYY-MM-DD (got "2025-3-31")');
  });
});

import { setDerivedDataEnabled } from '../episodes';
import { MetricsFilter } from '../filters';
import { runFixtureSql } from '../sessions-scope/fixture.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { recordStatements, refreshDerivedTables } from '../testing/derived-testing';
import { EarlyWarningService } from './early-warning.service';

// As-of 2025-03-31 (a Monday). "The 14 days before as-of" = [03-18, 03-31]; "the last 7" =
// [03-25, 03-31]. Sessions are one per date in group G1 (S1) or G2 (S2); the session id is the date.
//   E1  P1 S1: rows 03-10 present (feedback 40), 03-20 absent, 03-27 absent; check-in 03-28 (0 days)
//              → two most recent absent; rows in 14 days, none attended in the last 7.         2 reasons
//   E2  P2 S1: rows 03-24 present (feedback 30), 03-30 present (no feedback); check-in 03-14 (2 days)
//              → latest feedback 30 ≤ 36; latest check-in used; no check-in in [03-18, 03-31]. 3 reasons
//   E3  P3 S2: row 03-24 present (= as_of − 7, outside the last 7); check-in 03-18 (= as_of − 13, inside)
//              → rows in 14 days, none attended in [03-25, 03-31].                             1 reason
//   E4  P4 S1: row 03-25 present (= as_of − 6, inside); check-in 03-17 (= as_of − 14, outside)
//              → no check-in in the 14 days.                                                  1 reason
//   E5  P5 S1: discharged on as-of (03-31): not open. Rows 03-27, 03-28 absent, no check-in.
//   E6  P6 S1: discharged 04-10, after as-of: open. Feedback 03-21 score 20, then 03-28 score 38
//              (the most recent counts); check-in 03-29 (0 days); check-in 04-02 (5 days) is after
//              as-of.                                                                         0 reasons
//   E7  P7 S2: admitted 03-29, nothing yet → no check-in in the 14 days.                     1 reason
//   E8b P8 S1: admitted 03-03 after E8a (to 02-01), whose last two rows (01-30, 01-31) were absent.
//              E8b's only row: 03-26 absent; check-in 03-27 (0 days) → not attending only, since
//              E8a's rows are not E8b's.                                                       1 reason
const FIXTURE = `
  INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
  INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
    ('G1', 'S1', 'process', 'Process'), ('G2', 'S2', 'skills', 'Skills');
  INSERT INTO participant (participant_id) VALUES ('P1'), ('P2'), ('P3'), ('P4'), ('P5'), ('P6'), ('P7'), ('P8');
  INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
    ('E1', 'P1', 'S1', '2025-01-06', NULL, NULL), ('E2', 'P2', 'S1', '2025-01-06', NULL, NULL),
    ('E3', 'P3', 'S2', '2025-01-06', NULL, NULL), ('E4', 'P4', 'S1', '2025-01-06', NULL, NULL),
    ('E5', 'P5', 'S1', '2025-03-01', '2025-03-31', 'completed'), ('E6', 'P6', 'S1', '2025-01-06', '2025-04-10', 'completed'),
    ('E7', 'P7', 'S2', '2025-03-29', NULL, NULL),
    ('E8a', 'P8', 'S1', '2024-10-01', '2025-02-01', 'dropped_out'), ('E8b', 'P8', 'S1', '2025-03-03', NULL, NULL);
  INSERT INTO group_session (session_id, group_id, session_date)
    SELECT 'G1-' || d, 'G1', d::date FROM unnest(ARRAY['2025-01-30', '2025-01-31', '2025-03-10', '2025-03-20',
      '2025-03-21', '2025-03-24', '2025-03-25', '2025-03-26', '2025-03-27', '2025-03-28', '2025-03-30']) d;
  INSERT INTO group_session (session_id, group_id, session_date) VALUES ('G2-2025-03-24', 'G2', '2025-03-24');
  INSERT INTO attendance (session_id, participant_id, status) VALUES
    ('G1-2025-03-10', 'P1', 'present'), ('G1-2025-03-20', 'P1', 'absent'), ('G1-2025-03-27', 'P1', 'absent'),
    ('G1-2025-03-24', 'P2', 'present'), ('G1-2025-03-30', 'P2', 'present'),
    ('G2-2025-03-24', 'P3', 'present'),
    ('G1-2025-03-25', 'P4', 'present'),
    ('G1-2025-03-27', 'P5', 'absent'), ('G1-2025-03-28', 'P5', 'absent'),
    ('G1-2025-03-21', 'P6', 'present'), ('G1-2025-03-28', 'P6', 'present'),
    ('G1-2025-01-30', 'P8', 'absent'), ('G1-2025-01-31', 'P8', 'absent'), ('G1-2025-03-26', 'P8', 'absent');
  INSERT INTO feedback (session_id, participant_id, relationship, goals_topics, approach, overall) VALUES
    ('G1-2025-03-10', 'P1', 10, 10, 10, 10), ('G1-2025-03-24', 'P2', 7.5, 7.5, 7.5, 7.5),
    ('G1-2025-03-21', 'P6', 5, 5, 5, 5), ('G1-2025-03-28', 'P6', 9.5, 9.5, 9.5, 9.5);
  INSERT INTO sobriety_checkin (participant_id, report_date, days_used) VALUES
    ('P1', '2025-03-28', 0), ('P2', '2025-03-14', 2), ('P3', '2025-03-18', 0), ('P4', '2025-03-17', 0),
    ('P6', '2025-03-29', 0), ('P6', '2025-04-02', 5), ('P8', '2025-03-27', 0);
`;

const QUERY = `query ($filter: MetricsFilter, $limit: Int) { earlyWarning(filter: $filter, limit: $limit) {
  asOf siteIds openEpisodes atRiskEpisodes truncated
  byReason { reason episodes }
  episodes { enrollmentId participantId siteId siteName admissionDate daysSinceAdmission reasons reasonCount
    lastSessionDate lastAttendedDate lastTwoStatuses rowsLast14Days attendedLast7Days
    lastFeedbackDate lastFeedbackScore lastCheckinDate lastCheckinDaysUsed }
} }`;

interface Episode {
  enrollmentId: string;
  reasons: string[];
  [fact: string]: unknown;
}
interface List {
  asOf: string;
  siteIds: string[] | null;
  openEpisodes: number;
  atRiskEpisodes: number;
  truncated: boolean;
  byReason: { reason: string; episodes: number }[];
  episodes: Episode[];
}

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runFixtureSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

async function earlyWarning(filter: Record<string, unknown>, limit?: number): Promise<List> {
  const { data, errors } = await api.graphql<{ earlyWarning: List }>(QUERY, { filter, limit });
  expect(errors).toBeUndefined();
  return data!.earlyWarning;
}

describe('earlyWarning over HTTP', () => {
  it('lists the open episodes at risk with each named reason, most reasons first', async () => {
    const list = await earlyWarning({ asOf: '2025-03-31' });
    // Open: E1 E2 E3 E4 E6 E7 E8b (E5 is discharged on as-of, E8a before it); at risk: all but E6.
    expect(list.openEpisodes).toBe(7);
    expect(list.atRiskEpisodes).toBe(6);
    expect(list.truncated).toBe(false);
    // Ties on reason count go to the longest since last attended (never first), then enrollment id.
    expect(list.episodes.map((e) => [e.enrollmentId, e.reasons])).toEqual([
      ['E2', ['low_feedback_score', 'use_reported', 'no_recent_checkin']],
      ['E1', ['two_most_recent_absent', 'not_attending']],
      ['E7', ['no_recent_checkin']], // never attended
      ['E8b', ['not_attending']], // never attended in this episode
      ['E3', ['not_attending']], // last attended 03-24
      ['E4', ['no_recent_checkin']], // last attended 03-25
    ]);
    expect(list.byReason).toEqual([
      { reason: 'two_most_recent_absent', episodes: 1 }, // E1
      { reason: 'not_attending', episodes: 3 }, // E1 E3 E8b
      { reason: 'low_feedback_score', episodes: 1 }, // E2
      { reason: 'use_reported', episodes: 1 }, // E2
      { reason: 'no_recent_checkin', episodes: 3 }, // E2 E4 E7
    ]);
  });

  it('gives a clinician the facts behind the reasons', async () => {
    const [e2, e1] = (await earlyWarning({ asOf: '2025-03-31' })).episodes;
    expect(e2).toEqual({
      enrollmentId: 'E2',
      participantId: 'P2',
      siteId: 'S1',
      siteName: 'North',
      admissionDate: '2025-01-06',
      daysSinceAdmission: 84, // 25 days of January + 28 + 31
      reasons: ['low_feedback_score', 'use_reported', 'no_recent_checkin'],
      reasonCount: 3,
      lastSessionDate: '2025-03-30',
      lastAttendedDate: '2025-03-30',
      lastTwoStatuses: ['present', 'present'],
      rowsLast14Days: 2,
      attendedLast7Days: 1, // 03-30; 03-24 is outside [03-25, 03-31]
      lastFeedbackDate: '2025-03-24',
      lastFeedbackScore: 30,
      lastCheckinDate: '2025-03-14',
      lastCheckinDaysUsed: 2,
    });
    expect(e1).toMatchObject({
      lastAttendedDate: '2025-03-10',
      lastTwoStatuses: ['absent', 'absent'],
      rowsLast14Days: 2,
      attendedLast7Days: 0,
      lastFeedbackScore: 40,
      lastCheckinDaysUsed: 0,
    });
  });

  it('keeps the sites asked for (the episode site) and lists no more than the limit', async () => {
    const south = await earlyWarning({ asOf: '2025-03-31', siteIds: ['S2'] });
    expect([south.openEpisodes, south.atRiskEpisodes]).toEqual([2, 2]);
    expect(south.episodes.map((e) => e.enrollmentId)).toEqual(['E7', 'E3']);

    const top = await earlyWarning({ asOf: '2025-03-31' }, 2);
    expect(top.episodes.map((e) => e.enrollmentId)).toEqual(['E2', 'E1']);
    expect([top.atRiskEpisodes, top.truncated]).toEqual([6, true]);
  });

  it('looks from the as-of date asked for', async () => {
    // As-of 2025-03-20: E7 not yet admitted; E5 open. Windows [03-07, 03-20] and [03-14, 03-20].
    //   E1 rows 03-10 present, 03-20 absent: attended none in the last 7 → not attending; check-in
    //      03-28 is later → none → no check-in.                                    2 reasons
    //   E2 no rows yet; check-in 03-14 (2 days) → use reported (and it is recent). 1 reason
    //   E3 no rows; check-in 03-18 → none.  E4 no rows; check-in 03-17 → none.
    //   E5 no rows, no check-in → no check-in.  E6 no rows before 03-21, no check-in → no check-in.
    //   E8b: no rows, no check-in yet → no check-in.
    const list = await earlyWarning({ asOf: '2025-03-20' });
    expect(list.openEpisodes).toBe(7); // E1 E2 E3 E4 E5 E6 E8b
    expect(list.episodes.map((e) => [e.enrollmentId, e.reasons])).toEqual([
      ['E1', ['not_attending', 'no_recent_checkin']],
      ['E2', ['use_reported']],
      ['E5', ['no_recent_checkin']],
      ['E6', ['no_recent_checkin']],
      ['E8b', ['no_recent_checkin']],
    ]);
  });

  it('refuses an invalid limit or filter', async () => {
    const { errors } = await api.graphql(QUERY, { filter: { asOf: '2025-03-31' }, limit: 0 });
    expect(errors?.[0].message).toBe('limit must be a whole number from 1 to 5000 (got 0)');
    const bad = await api.graphql(QUERY, { filter: { asOf: '2025-3-31' } });
    expect(bad.errors?.[0].message).toBe('Invalid filter: asOf must be a date written YYYY-MM-DD (got "2025-3-31")');
  });
});

describe('earlyWarning from the derived tables', () => {
  // What a load does after its rows: recompute the derived tables, as of the data's latest date
  // (04-10, E6's discharge).
  beforeAll(() => refreshDerivedTables(api.db.url));
  afterAll(() => setDerivedDataEnabled(true));

  it('gives the live list for the data’s as_of, sites and limits', async () => {
    const service = api.server.app.get(EarlyWarningService);
    const cases: [MetricsFilter, number][] = [
      [{}, 500],
      [{}, 3],
      [{ siteIds: ['S1'] }, 500],
      [{ siteIds: ['S2', 'S1'] }, 2],
      [{ siteIds: ['S9'] }, 10],
    ];
    for (const [filter, limit] of cases) {
      setDerivedDataEnabled(false);
      const live = await service.atRisk(filter, limit);
      setDerivedDataEnabled(true);
      const { result: derived, statements } = await recordStatements(() => service.atRisk(filter, limit));
      expect({ filter, limit, derived }).toEqual({ filter, limit, derived: live });
      expect(statements.some((s) => s.includes('derived.episode_warning'))).toBe(true);
    }
    const all = await service.atRisk({}, 500);
    expect([all.asOf, all.openEpisodes]).toEqual(['2025-04-10', 6]); // E6 is discharged on 04-10
  });
});

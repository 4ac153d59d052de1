import { proportionOf, runFixtureSql } from '../sessions-scope/fixture.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// Process group G1 and skills group G2 at one site; three participants with open episodes.
// January: K1..K5 (weeks of Monday 2025-01-06 and 2025-01-13). February (G1 unless noted):
// F1 Sat 02-01, F6 (G2) Mon 02-03, F7 (G2) Mon 02-10, F2 Fri 02-14, F3 Sat 02-15, F4 Sun 02-16,
// F5 Thu 02-20. With as-of 2025-02-28, as_of − 14 = 2025-02-14.
const FIXTURE = `
  INSERT INTO site VALUES ('S1', 'North');
  INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
    ('G1', 'S1', 'process', 'Process'), ('G2', 'S1', 'skills', 'Skills');
  INSERT INTO participant (participant_id) VALUES ('P1'), ('P2'), ('P3');
  INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date) VALUES
    ('E1', 'P1', 'S1', '2024-11-01'), ('E2', 'P2', 'S1', '2024-11-01'), ('E3', 'P3', 'S1', '2024-11-01');
  INSERT INTO group_session (session_id, group_id, session_date, duration_minutes) VALUES
    ('K1', 'G1', '2025-01-06', 90), ('K2', 'G2', '2025-01-07', 90), ('K3', 'G1', '2025-01-09', 90),
    ('K4', 'G1', '2025-01-13', 90), ('K5', 'G2', '2025-01-14', 90),
    ('F1', 'G1', '2025-02-01', 90), ('F6', 'G2', '2025-02-03', 90), ('F7', 'G2', '2025-02-10', 90),
    ('F2', 'G1', '2025-02-14', 90), ('F3', 'G1', '2025-02-15', 90), ('F4', 'G1', '2025-02-16', 90),
    ('F5', 'G1', '2025-02-20', 90);
  INSERT INTO attendance (session_id, participant_id, status) VALUES
    ('K1', 'P1', 'present'), ('K1', 'P2', 'present'), ('K1', 'P3', 'excused'),
    ('K2', 'P1', 'absent'), ('K2', 'P2', 'excused'), ('K2', 'P3', 'excused'),
    ('K3', 'P1', 'late'), ('K3', 'P2', 'left_early'),
    ('K4', 'P1', 'present'), ('K4', 'P2', 'absent'),
    ('K5', 'P1', 'present'),
    ('F1', 'P1', 'absent'), ('F1', 'P2', 'absent'), ('F1', 'P3', 'absent'),
    ('F6', 'P3', 'absent'), ('F7', 'P3', 'excused'),
    ('F2', 'P1', 'present'), ('F2', 'P3', 'absent'),
    ('F3', 'P1', 'absent'), ('F3', 'P2', 'present'),
    ('F4', 'P3', 'present'),
    ('F5', 'P1', 'absent');
  INSERT INTO feedback (session_id, participant_id, relationship, goals_topics, approach, overall) VALUES
    ('K1', 'P1', 9, 9, 9, 9), ('K3', 'P2', 8, 8, 8, 8), ('K5', 'P1', 10, 10, 10, 10), ('F2', 'P1', 7, 7, 7, 7);
`;

const FIGURES = `{
  consistency { numerator denominator rate }
  feedbackParticipation { numerator denominator rate }
  reEngagement { numerator denominator rate }
  absencesTooRecent }`;
const QUERY = `query ($filter: MetricsFilter) { sessionAccountability(filter: $filter) {
  scope { from to asOf }
  total ${FIGURES}
  byGroupType { groupType figures ${FIGURES} }
} }`;

interface Figures {
  consistency: Record<string, number | null>;
  feedbackParticipation: Record<string, number | null>;
  reEngagement: Record<string, number | null>;
  absencesTooRecent: number;
}
interface Report {
  scope: Record<string, string>;
  total: Figures;
  byGroupType: { groupType: string; figures: Figures }[];
}

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runFixtureSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

async function accountability(filter: Record<string, unknown>): Promise<Report> {
  const { data, errors } = await api.graphql<{ sessionAccountability: Report }>(QUERY, { filter });
  expect(errors).toBeUndefined();
  return data!.sessionAccountability;
}

describe('sessionAccountability over HTTP', () => {
  it('serves consistency over participant-weeks, by type from that type’s rows only', async () => {
    const { total, byGroupType } = await accountability({ asOf: '2025-02-28', groupTypes: ['process', 'skills'] });
    // All types (a week counts when it has a non-excused row; consistent when none is absent):
    //   01-06: P1 K1 present, K2 absent, K3 late → no; P2 K1, K2 excused, K3 → yes; P3 excused only → no week
    //   01-13: P1 K4, K5 → yes; P2 K4 absent → no
    //   01-27: P1, P2, P3 F1 absent → no ×3
    //   02-03: P3 F6 absent → no
    //   02-10: P1 F2 present, F3 absent → no; P2 F3 → yes; P3 F7 excused, F2 absent, F4 → no
    //   02-17: P1 F5 absent → no
    // 2 + 2 + 3 + 1 + 3 + 1 = 12 weeks, 3 consistent.
    expect(total.consistency).toEqual(proportionOf(3, 12));
    // Process (G1) rows only: 01-06 P1 (K1, K3) yes, P2 yes; 01-13 P1 yes, P2 no; 01-27 no ×3;
    // 02-10 P1 no, P2 yes, P3 (F2 absent, F4) no; 02-17 no: 11 weeks, 4 consistent.
    // Skills (G2) rows only: 01-06 P1 K2 absent no (P2, P3 excused only); 01-13 P1 K5 yes;
    // 02-03 P3 no; 02-10 P3 F7 excused only: 3 weeks, 1 consistent.
    expect(byGroupType.map((c) => [c.groupType, c.figures.consistency])).toEqual([
      ['skills', proportionOf(1, 3)],
      ['process', proportionOf(4, 11)],
    ]);
  });

  it('serves feedback participation as feedback rows ÷ attended rows', async () => {
    const { total, byGroupType } = await accountability({ asOf: '2025-02-28', groupTypes: ['process', 'skills'] });
    // Attended: K1P1 K1P2 K3P1 K3P2 K4P1 F2P1 F3P2 F4P3 (process, 8) + K5P1 (skills, 1) = 9.
    // Feedback: K1P1 K3P2 F2P1 (process, 3) + K5P1 (skills, 1) = 4.
    expect(total.feedbackParticipation).toEqual(proportionOf(4, 9));
    expect(byGroupType.map((c) => c.figures.feedbackParticipation)).toEqual([proportionOf(1, 1), proportionOf(3, 8)]);
  });

  it('judges absences by an attended row in the same group within 14 days, and waits 14 days to judge', async () => {
    const { total, byGroupType } = await accountability({ asOf: '2025-02-28', groupTypes: ['process', 'skills'] });
    // Judged: absent rows dated on or before 2025-02-14.
    //   K2 P1 (G2 01-07) → K5 01-14 present (7 days): yes
    //   K4 P2 (G1 01-13) → next G1 row F1 02-01 is absent: no
    //   F1 P1 (02-01) → F2 02-14 present, 13 days: yes
    //   F1 P2 (02-01) → F3 02-15 present, 14 days: yes
    //   F1 P3 (02-01) → F2 02-14 absent, F4 02-16 present is 15 days: no
    //   F2 P3 (02-14, exactly as_of − 14: judged) → F4 02-16: yes
    //   F6 P3 (G2 02-03) → F7 excused; F4 is in another group: no
    // 4 of 7. Too recent: F3 P1 (02-15 = as_of − 13) and F5 P1 (02-20): 2.
    expect(total.reEngagement).toEqual(proportionOf(4, 7));
    expect(total.absencesTooRecent).toBe(2);
    expect(byGroupType).toEqual([
      {
        groupType: 'skills',
        figures: expect.objectContaining({ reEngagement: proportionOf(1, 2), absencesTooRecent: 0 }),
      },
      {
        groupType: 'process',
        figures: expect.objectContaining({ reEngagement: proportionOf(3, 5), absencesTooRecent: 2 }),
      },
    ]);
  });

  it('looks past `to` for the follow-up row, never past as-of', async () => {
    // to 02-01: judged K2 yes, K4 no, F1 P1 yes (F2 after `to` counts), F1 P2 yes, F1 P3 no: 3 of 5.
    const period = await accountability({ to: '2025-02-01', asOf: '2025-02-28' });
    expect(period.total.reEngagement).toEqual(proportionOf(3, 5));
    expect(period.total.absencesTooRecent).toBe(0);
    // as-of 02-15 (as_of − 14 = 02-01): the same five judged, follow-ups up to 02-15: 3 of 5.
    // Too recent: F6 P3 02-03, F2 P3 02-14, F3 P1 02-15 = 3 (F5 is after as-of).
    const early = await accountability({ asOf: '2025-02-15' });
    expect(early.scope).toEqual({ from: '1900-01-01', to: '2025-02-15', asOf: '2025-02-15' });
    expect(early.total.reEngagement).toEqual(proportionOf(3, 5));
    expect(early.total.absencesTooRecent).toBe(3);
    // as-of 02-14: F1's window (02-01, 02-15] is not over yet, so only K2 and K4 are judged: 1 of 2.
    const earlier = await accountability({ asOf: '2025-02-14' });
    expect(earlier.total.reEngagement).toEqual(proportionOf(1, 2));
  });

  it('filters by group type and site', async () => {
    const skills = await accountability({ asOf: '2025-02-28', groupTypes: ['skills'] });
    expect(skills.byGroupType.map((c) => c.groupType)).toEqual(['skills']);
    expect(skills.total.consistency).toEqual(proportionOf(1, 3));
    expect(skills.total.reEngagement).toEqual(proportionOf(1, 2));
    const elsewhere = await accountability({ asOf: '2025-02-28', siteIds: ['S9'] });
    expect(elsewhere.total).toEqual({
      consistency: proportionOf(0, 0),
      feedbackParticipation: proportionOf(0, 0),
      reEngagement: proportionOf(0, 0),
      absencesTooRecent: 0,
    });
  });

  it('refuses an invalid as-of', async () => {
    const { errors } = await api.graphql(QUERY, { filter: { asOf: '28/02/2025' } });
    expect(errors?.[0].message).toBe('Invalid filter: asOf must be a date written YYYY-MM-DD (got "28/02/2025")');
  });
});

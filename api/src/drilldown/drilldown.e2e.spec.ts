import { DataSource } from 'typeorm';
import { setDerivedDataEnabled } from '../episodes';
import { runSql } from '../episodes/run-sql.testing';
import { GroupType, MetricsFilter } from '../filters';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { recordStatements, refreshDerivedTables } from '../testing/derived-testing';
import { DrilldownService } from './drilldown.service';

// Period 2025-03-01 to 2025-03-31, as_of 2025-03-20 (so the period ends on Mar 20).
// GP1 process at S1:  X0 Feb 24 (before the period), X1 Mar 3, X2 Mar 10, X3 Mar 25 (after as_of)
//   X1 "Triggers" 90 min: P1 present (score 8+9+9+10 = 36), P2 late (40), P3 absent, P4 excused
//   X2 no topic:          P1 left_early (7+7+7+7 = 28), P2 absent
// GP2 process at S2:  Y1 Mar 5: P1 present, P5 present, no feedback
// GP3 process at S1:  no session in the period.   GS skills at S1: Z1 Mar 4: P2 present
// For the derived tables (as of the data's latest date, Mar 25), two family groups:
// GF1 at S1: F1 Mar 2, F2 Mar 9, F3 and F3B Mar 16, F4 Mar 23.
//   P1 has rows at F1 and F4 only (nothing from Mar 3 to 22), P5 at F1 and F3B only (nothing from
//   Mar 3 to 15), P2 at all but F3B (a session of a day P2 has a row), P3 at F2 only.
// GF2 at S2: H1 Mar 9: P1 present, H2 Mar 16: P4 absent. P1 is in both family groups.
const FIXTURE = `
INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name, modality) VALUES
  ('GP1', 'S1', 'process', 'Tuesday process', 'cbt'), ('GP2', 'S2', 'process', 'South process', NULL),
  ('GP3', 'S1', 'process', 'Old process', NULL), ('GS', 'S1', 'skills', 'Skills', 'dbt');
INSERT INTO participant (participant_id) SELECT 'P' || i FROM generate_series(1, 5) i;
INSERT INTO group_session (session_id, group_id, session_date, duration_minutes, topic) VALUES
  ('X0', 'GP1', '2025-02-24', 90, NULL), ('X1', 'GP1', '2025-03-03', 90, 'Triggers'),
  ('X2', 'GP1', '2025-03-10', NULL, NULL), ('X3', 'GP1', '2025-03-25', 90, NULL),
  ('Y1', 'GP2', '2025-03-05', 60, NULL), ('Z1', 'GS', '2025-03-04', 60, NULL), ('W1', 'GP3', '2025-01-07', 60, NULL);
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
  ('GF1', 'S1', 'family', 'Family North'), ('GF2', 'S2', 'family', 'Family South');
INSERT INTO group_session (session_id, group_id, session_date) VALUES
  ('F1', 'GF1', '2025-03-02'), ('F2', 'GF1', '2025-03-09'), ('F3', 'GF1', '2025-03-16'), ('F3B', 'GF1', '2025-03-16'),
  ('F4', 'GF1', '2025-03-23'), ('H1', 'GF2', '2025-03-09'), ('H2', 'GF2', '2025-03-16');
INSERT INTO attendance (session_id, participant_id, status) VALUES
  ('F1', 'P1', 'present'), ('F4', 'P1', 'late'), ('F1', 'P5', 'absent'), ('F3B', 'P5', 'present'),
  ('F1', 'P2', 'present'), ('F2', 'P2', 'present'), ('F3', 'P2', 'excused'), ('F4', 'P2', 'present'),
  ('F2', 'P3', 'left_early'), ('H1', 'P1', 'present'), ('H2', 'P4', 'absent');
INSERT INTO feedback VALUES
  ('F1', 'P1', 9.5, 9, 8.5, 10), ('F2', 'P2', 7, 7.5, 8, 6.5), ('F2', 'P3', 10, 10, 10, 10), ('H1', 'P1', 3, 4.5, 5, 6);
INSERT INTO attendance (session_id, participant_id, status) VALUES
  ('X0', 'P1', 'present'),
  ('X1', 'P1', 'present'), ('X1', 'P2', 'late'), ('X1', 'P3', 'absent'), ('X1', 'P4', 'excused'),
  ('X2', 'P1', 'left_early'), ('X2', 'P2', 'absent'),
  ('X3', 'P1', 'present'),
  ('Y1', 'P1', 'present'), ('Y1', 'P5', 'present'), ('Z1', 'P2', 'present'), ('W1', 'P3', 'present');
INSERT INTO feedback VALUES
  ('X0', 'P1', 1, 1, 1, 1), ('X1', 'P1', 8, 9, 9, 10), ('X1', 'P2', 10, 10, 10, 10), ('X2', 'P1', 7, 7, 7, 7),
  ('X3', 'P1', 0, 0, 0, 0), ('Z1', 'P2', 5, 5, 5, 5);
`;

const FIGURES = `scheduled attended excused attendanceRate feedbackResponses meanFeedbackScore`;
const GROUPS = `query ($type: GroupType!, $filter: MetricsFilter) {
  drilldownGroups(groupType: $type, filter: $filter) {
    groupType from to
    total { groupId sessions participants ${FIGURES} }
    groups { groupId groupName siteId siteName modality sessions participants ${FIGURES} }
  }
}`;
const SESSIONS = `query ($groupId: String!, $filter: MetricsFilter) {
  drilldownSessions(groupId: $groupId, filter: $filter) {
    groupId groupName groupType siteName from to
    sessions { sessionId date topic durationMinutes ${FIGURES} }
  }
}`;
const PERIOD = { from: '2025-03-01', to: '2025-03-31', asOf: '2025-03-20' };

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

const GP1 = {
  groupId: 'GP1',
  groupName: 'Tuesday process',
  siteId: 'S1',
  siteName: 'North',
  modality: 'cbt',
  sessions: 2, // X1, X2
  participants: 4, // P1 P2 P3 P4
  scheduled: 6,
  attended: 3, // P1 P2 on X1, P1 on X2
  excused: 1,
  attendanceRate: 3 / 5, // 3 ÷ (6 − 1)
  feedbackResponses: 3,
  meanFeedbackScore: (36 + 40 + 28) / 3,
};
const GP2 = {
  groupId: 'GP2',
  groupName: 'South process',
  siteId: 'S2',
  siteName: 'South',
  modality: null,
  sessions: 1,
  participants: 2,
  scheduled: 2,
  attended: 2,
  excused: 0,
  attendanceRate: 1,
  feedbackResponses: 0,
  meanFeedbackScore: null,
};

describe('drill-down over HTTP', () => {
  it('lists the groups of a type that met in the period, with the type total', async () => {
    const { data, errors } = await api.graphql<{ drilldownGroups: Record<string, unknown> }>(GROUPS, {
      type: 'process',
      filter: PERIOD,
    });
    expect(errors).toBeUndefined();
    expect(data!.drilldownGroups).toEqual({
      groupType: 'process',
      from: '2025-03-01',
      to: '2025-03-20',
      total: {
        groupId: null,
        sessions: 3,
        participants: 5, // P1 is in both groups: counted once
        scheduled: 8,
        attended: 5,
        excused: 1,
        attendanceRate: 5 / 7,
        feedbackResponses: 3,
        meanFeedbackScore: expect.closeTo(104 / 3, 10),
      },
      groups: [{ ...GP1, meanFeedbackScore: expect.closeTo(104 / 3, 10) }, GP2], // GP3 did not meet
    });
  });

  it('keeps to the chosen sites', async () => {
    const { data } = await api.graphql<{ drilldownGroups: { total: object; groups: object[] } }>(GROUPS, {
      type: 'process',
      filter: { ...PERIOD, siteIds: ['S2'] },
    });
    const { groupName: _n, siteId: _s, siteName: _sn, modality: _m, ...totalOfGp2 } = GP2;
    expect(data!.drilldownGroups.total).toEqual({ ...totalOfGp2, groupId: null });
    expect(data!.drilldownGroups.groups).toEqual([GP2]);
  });

  it("lists a group's sessions in the period up to as_of", async () => {
    const { data, errors } = await api.graphql<{ drilldownSessions: Record<string, unknown> }>(SESSIONS, {
      groupId: 'GP1',
      filter: PERIOD,
    });
    expect(errors).toBeUndefined();
    expect(data!.drilldownSessions).toEqual({
      groupId: 'GP1',
      groupName: 'Tuesday process',
      groupType: 'process',
      siteName: 'North',
      from: '2025-03-01',
      to: '2025-03-20',
      sessions: [
        {
          sessionId: 'X1',
          date: '2025-03-03',
          topic: 'Triggers',
          durationMinutes: 90,
          scheduled: 4,
          attended: 2,
          excused: 1,
          attendanceRate: 2 / 3,
          feedbackResponses: 2,
          meanFeedbackScore: 38, // (36 + 40) / 2
        },
        {
          sessionId: 'X2',
          date: '2025-03-10',
          topic: null,
          durationMinutes: null,
          scheduled: 2,
          attended: 1,
          excused: 0,
          attendanceRate: 0.5,
          feedbackResponses: 1,
          meanFeedbackScore: 28,
        },
      ],
    });
  });

  it('refuses a group that does not exist or is not at the chosen sites', async () => {
    const unknown = await api.graphql(SESSIONS, { groupId: 'NOPE', filter: PERIOD });
    expect(unknown.errors?.[0].message).toBe('No group "NOPE" at the chosen sites');
    const elsewhere = await api.graphql(SESSIONS, { groupId: 'GP1', filter: { ...PERIOD, siteIds: ['S2'] } });
    expect(elsewhere.errors?.[0].message).toBe('No group "GP1" at the chosen sites');
  });
});

describe('drill-down from the derived tables', () => {
  // What a load does after its rows: recompute the derived tables, as of the latest date (Mar 25).
  beforeAll(() => refreshDerivedTables(api.db.url));
  afterAll(() => setDerivedDataEnabled(true));

  /** The groups of a type from the live SQL and from the derived tables, and the tables read. */
  async function liveAndDerived(type: GroupType, filter: MetricsFilter) {
    const service = api.server.app.get(DrilldownService);
    try {
      const { result, statements } = await recordStatements(async () => {
        setDerivedDataEnabled(false);
        const live = await service.groups(type, filter);
        setDerivedDataEnabled(true);
        return { live, derived: await service.groups(type, filter) };
      });
      return { ...result, usedDerived: statements.some((s) => s.includes('derived.group_day_total')) };
    } finally {
      setDerivedDataEnabled(true);
    }
  }

  it('keeps exactly the gaps around a session of the group', async () => {
    const gaps = await api.server.app.get(DataSource).query(
      `SELECT group_id, participant_id, to_char(gap_from, 'MM-DD') AS gap_from, to_char(gap_to, 'MM-DD') AS gap_to
       FROM derived.group_participant_gap ORDER BY 1, 2`,
    );
    expect(gaps).toEqual([
      { group_id: 'GF1', participant_id: 'P1', gap_from: '03-02', gap_to: '03-23' },
      { group_id: 'GF1', participant_id: 'P5', gap_from: '03-02', gap_to: '03-16' },
    ]);
  });

  it('leaves out who had no row in the period, and counts a participant of two groups once', async () => {
    const { derived, usedDerived } = await liveAndDerived(GroupType.family, { from: '2025-03-05', to: '2025-03-12' });
    expect(usedDerived).toBe(true);
    // F2 (Mar 9): P2 P3, not P1 nor P5 (their gaps hold the period); H1 (Mar 9): P1.
    expect(derived.groups.map((g) => [g.groupId, g.participants])).toEqual([
      ['GF1', 2],
      ['GF2', 1],
    ]);
    expect(derived.total).toMatchObject({ sessions: 2, participants: 3, scheduled: 3, feedbackResponses: 3 });
    const both = await liveAndDerived(GroupType.family, { from: '2025-03-01' });
    expect(both.derived.total.participants).toBe(5); // P1 in GF1 and GF2, P2 P3 P4 P5
  });

  it('gives the live figures for every period, site and type', async () => {
    const periods: MetricsFilter[] = [
      {},
      { from: '2025-03-01' },
      { from: '2025-03-03', to: '2025-03-15' },
      { from: '2025-03-05', to: '2025-03-12' },
      { from: '2025-03-09', to: '2025-03-09' },
      { from: '2025-03-10', to: '2025-03-15' }, // no session of either family group
      { from: '2025-03-16', to: '2025-03-16' },
      { from: '2025-03-17', to: '2025-03-31' },
      { from: '2025-04-01' }, // after as_of
    ];
    const filters = periods.flatMap((p) => [p, { ...p, siteIds: ['S1'] }, { ...p, siteIds: ['S2', 'S1'] }]);
    filters.push({ groupTypes: [GroupType.skills] }); // the type asked for is not in the filter
    for (const type of [GroupType.family, GroupType.process, GroupType.skills, GroupType.trauma_informed]) {
      for (const filter of filters) {
        const { live, derived, usedDerived } = await liveAndDerived(type, filter);
        expect({ type, filter, derived }).toEqual({ type, filter, derived: live });
        expect({ type, filter, usedDerived }).toEqual({ type, filter, usedDerived: true });
      }
    }
  });
});

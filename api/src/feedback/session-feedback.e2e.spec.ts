import { proportionOf, runFixtureSql } from '../sessions-scope/fixture.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// Process groups G1 (S1) and G3 (S2), skills group G2 (S1). Q1 and Q2 fall in ISO week 2025-W01
// (Monday 2024-12-30), Q3 and Q4 in 2025-W02; Q5 is after the as-of date used (2025-01-12).
// Scores: Q1P1 40, Q1P2 36 (flagged: at the cut-off), Q2P1 36.5 (not flagged), Q3P1 26 (flagged),
// Q4P2 32.5 (flagged), Q5P1 0 (after as-of).
const FIXTURE = `
  INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
  INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
    ('G1', 'S1', 'process', 'Process North'), ('G2', 'S1', 'skills', 'Skills'), ('G3', 'S2', 'process', 'Process South');
  INSERT INTO participant (participant_id) VALUES ('P1'), ('P2');
  INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date) VALUES
    ('E1', 'P1', 'S1', '2024-12-01'), ('E2', 'P2', 'S1', '2024-12-01');
  INSERT INTO group_session (session_id, group_id, session_date) VALUES
    ('Q1', 'G1', '2024-12-31'), ('Q2', 'G2', '2025-01-02'), ('Q3', 'G1', '2025-01-07'), ('Q4', 'G3', '2025-01-08'),
    ('Q5', 'G1', '2025-01-20');
  INSERT INTO attendance (session_id, participant_id, status) VALUES
    ('Q1', 'P1', 'present'), ('Q1', 'P2', 'late'), ('Q2', 'P1', 'present'), ('Q3', 'P1', 'left_early'),
    ('Q4', 'P2', 'present'), ('Q5', 'P1', 'present');
  INSERT INTO feedback (session_id, participant_id, relationship, goals_topics, approach, overall) VALUES
    ('Q1', 'P1', 10, 10, 10, 10), ('Q1', 'P2', 9, 9, 9, 9), ('Q2', 'P1', 9.5, 9, 9, 9),
    ('Q3', 'P1', 5, 6, 7, 8), ('Q4', 'P2', 8, 8, 8.5, 8), ('Q5', 'P1', 0, 0, 0, 0);
`;

const FIGURES = `{ responses meanScore meanRelationship meanGoalsTopics meanApproach meanOverall
  allianceFlag { numerator denominator rate } }`;
const QUERY = `query ($filter: MetricsFilter) { sessionFeedback(filter: $filter) {
  total ${FIGURES}
  byGroupType { groupType figures ${FIGURES} }
  byWeek { weekStart isoWeek total ${FIGURES} byGroupType { groupType figures ${FIGURES} } }
} }`;

type Figures = Record<string, unknown>;
interface Report {
  total: Figures;
  byGroupType: { groupType: string; figures: Figures }[];
  byWeek: {
    weekStart: string;
    isoWeek: string;
    total: Figures;
    byGroupType: { groupType: string; figures: Figures }[];
  }[];
}

/** Expected figures: n, [mean score, relationship, goals/topics, approach, overall], flagged. */
function figures(n: number, means: (number | null)[], flagged: number): Figures {
  const [meanScore, meanRelationship, meanGoalsTopics, meanApproach, meanOverall] = means;
  return {
    responses: n,
    meanScore,
    meanRelationship,
    meanGoalsTopics,
    meanApproach,
    meanOverall,
    allianceFlag: proportionOf(flagged, n),
  };
}
const NONE = figures(0, [null, null, null, null, null], 0);

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runFixtureSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

async function feedback(filter: Record<string, unknown>): Promise<Report> {
  const { data, errors } = await api.graphql<{ sessionFeedback: Report }>(QUERY, { filter });
  expect(errors).toBeUndefined();
  return data!.sessionFeedback;
}

describe('sessionFeedback over HTTP', () => {
  it('serves the mean score, item means and alliance flag rate up to as-of', async () => {
    const { total } = await feedback({ asOf: '2025-01-12' });
    // Scores 40 + 36 + 36.5 + 26 + 32.5 = 171 over 5 = 34.2. Items: relationship
    // (10 + 9 + 9.5 + 5 + 8) / 5 = 8.3; goals (10 + 9 + 9 + 6 + 8) / 5 = 8.4; approach
    // (10 + 9 + 9 + 7 + 8.5) / 5 = 8.7; overall (10 + 9 + 9 + 8 + 8) / 5 = 8.8.
    // Flagged (≤ 36): 36, 26, 32.5 = 3 of 5 (36.5 is not).
    expect(total).toEqual(figures(5, [34.2, 8.3, 8.4, 8.7, 8.8], 3));
  });

  it('breaks feedback down by group type and ISO week', async () => {
    const report = await feedback({ asOf: '2025-01-12', groupTypes: ['skills', 'process'] });
    expect(report.byGroupType).toEqual([
      { groupType: 'skills', figures: figures(1, [36.5, 9.5, 9, 9, 9], 0) },
      // Q1 ×2, Q3, Q4: 40 + 36 + 26 + 32.5 = 134.5 / 4 = 33.625; relationship 32 / 4 = 8;
      // goals 33 / 4 = 8.25; approach 34.5 / 4 = 8.625; overall 35 / 4 = 8.75; flagged 3 of 4.
      { groupType: 'process', figures: figures(4, [33.625, 8, 8.25, 8.625, 8.75], 3) },
    ]);
    expect(report.byWeek).toEqual([
      {
        weekStart: '2024-12-30',
        isoWeek: '2025-W01',
        // 40 + 36 + 36.5 = 112.5 / 3 = 37.5; relationship 28.5 / 3 = 9.5; others 28 / 3; flagged 1.
        total: figures(3, [37.5, 9.5, 28 / 3, 28 / 3, 28 / 3], 1),
        byGroupType: [
          { groupType: 'skills', figures: figures(1, [36.5, 9.5, 9, 9, 9], 0) },
          { groupType: 'process', figures: figures(2, [38, 9.5, 9.5, 9.5, 9.5], 1) },
        ],
      },
      {
        weekStart: '2025-01-06',
        isoWeek: '2025-W02',
        // 26 + 32.5 = 58.5 / 2 = 29.25; relationship 6.5; goals 7; approach 7.75; overall 8.
        total: figures(2, [29.25, 6.5, 7, 7.75, 8], 2),
        byGroupType: [
          { groupType: 'skills', figures: NONE },
          { groupType: 'process', figures: figures(2, [29.25, 6.5, 7, 7.75, 8], 2) },
        ],
      },
    ]);
  });

  it('filters by site, group type and period', async () => {
    expect((await feedback({ asOf: '2025-01-12', siteIds: ['S2'] })).total).toEqual(
      figures(1, [32.5, 8, 8, 8.5, 8], 1),
    );
    expect((await feedback({ asOf: '2025-01-12', groupTypes: ['skills'] })).total).toEqual(
      figures(1, [36.5, 9.5, 9, 9, 9], 0),
    );
    // Default as-of is 2025-01-20: Q5 (score 0, flagged) joins: 171 / 6 = 28.5, 4 of 6 flagged.
    expect((await feedback({})).total).toEqual(figures(6, [28.5, 41.5 / 6, 7, 43.5 / 6, 44 / 6], 4));
    expect((await feedback({ from: '2025-01-21' })).total).toEqual(NONE);
  });

  it('refuses an invalid filter', async () => {
    const { errors } = await api.graphql(QUERY, { filter: { siteIds: [''] } });
    expect(errors?.[0].message).toBe('Invalid filter: every siteId must be 1 to 64 characters');
  });

  it('marks a week cut by the period or by as_of as partial', async () => {
    const weeks = async (filter: Record<string, unknown>) => {
      const { data, errors } = await api.graphql<{ sessionFeedback: { byWeek: unknown[] } }>(
        'query ($filter: MetricsFilter) { sessionFeedback(filter: $filter) { byWeek { weekStart partial } } }',
        { filter },
      );
      expect(errors).toBeUndefined();
      return data!.sessionFeedback.byWeek;
    };
    // From Tuesday 2024-12-31: W01 (Monday 2024-12-30) is cut; W02 ends on as_of, Sunday 2025-01-12: whole.
    expect(await weeks({ from: '2024-12-31', asOf: '2025-01-12' })).toEqual([
      { weekStart: '2024-12-30', partial: true },
      { weekStart: '2025-01-06', partial: false },
    ]);
    // As of Saturday 2025-01-11, W02 lacks its Sunday.
    expect(await weeks({ from: '2024-12-30', asOf: '2025-01-11' })).toEqual([
      { weekStart: '2024-12-30', partial: false },
      { weekStart: '2025-01-06', partial: true },
    ]);
  });
});

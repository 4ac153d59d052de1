// SCRATCH (not to be committed): builds ~5M attendance rows and times the session queries.
import { Client } from 'pg';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { ATTENDANCE_SQL } from './attendance.sql';
import { INTENSITY_SQL } from './intensity.sql';
import { CONSISTENCY_SQL, FEEDBACK_PARTICIPATION_SQL, RE_ENGAGEMENT_SQL } from './session-accountability.sql';
import { SESSION_FEEDBACK_SQL } from '../feedback/session-feedback.sql';
import { EARLY_WARNING_SQL } from '../early-warning/early-warning.sql';

jest.setTimeout(60 * 60 * 1000);
let api: ApiTestServer;
afterAll(() => api?.close());

const GEN = `
SET synchronous_commit = off;
INSERT INTO site SELECT 'S' || i, 'Site ' || i FROM generate_series(1, 10) i;
INSERT INTO therapy_group (group_id, site_id, group_type, group_name)
  SELECT 'G' || i, 'S' || (i % 10 + 1),
    (ARRAY['psychoeducation','skills','process','trauma_informed','family'])[i % 5 + 1], 'Group ' || i
  FROM generate_series(0, 399) i;
INSERT INTO group_session (session_id, group_id, session_date, duration_minutes)
  SELECT 'X' || g || '-' || d, 'G' || g, d::date, CASE WHEN random() < 0.02 THEN NULL ELSE 180 END
  FROM generate_series(0, 399) g, generate_series(date '2023-01-02', date '2025-12-31', interval '1 day') d
  WHERE extract(isodow FROM d) IN (1 + g % 3, 3 + g % 3, 5);
INSERT INTO participant (participant_id) SELECT 'P' || i FROM generate_series(0, 124999) i;
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason)
  SELECT 'E' || i, 'P' || i, 'S' || ((i % 400) % 10 + 1), a, CASE WHEN a + l < date '2025-12-31' THEN a + l END,
    CASE WHEN a + l < date '2025-12-31' THEN (ARRAY['completed','dropped_out','transferred'])[i % 3 + 1] END
  FROM generate_series(0, 124999) i,
    LATERAL (SELECT date '2023-01-02' + (random() * 1080)::int AS a, 40 + (random() * 60)::int AS l) x;
INSERT INTO attendance (session_id, participant_id, status, minutes_attended)
  SELECT s.session_id, e.participant_id, st.status,
    CASE WHEN random() < 0.1 THEN NULL WHEN st.status IN ('present','late','left_early') THEN 100 + (random() * 80)::int ELSE 0 END
  FROM enrollment e
  JOIN therapy_group g ON g.group_id IN ('G' || (substr(e.participant_id, 2)::int % 400), 'G' || ((substr(e.participant_id, 2)::int * 7 + 3) % 400))
   AND g.site_id = e.site_id
  JOIN group_session s ON s.group_id = g.group_id AND s.session_date BETWEEN e.admission_date AND coalesce(e.discharge_date, date '2025-12-31')
  CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.62 THEN 'present' WHEN r < 0.70 THEN 'late' WHEN r < 0.74 THEN 'left_early'
     WHEN r < 0.90 THEN 'absent' ELSE 'excused' END AS status FROM (SELECT random() + 0 * length(s.session_id) AS r) q) st;
INSERT INTO feedback
  SELECT a.session_id, a.participant_id, 7 + (random() * 3)::int, 7 + (random() * 3)::int, 8, 9
  FROM attendance a WHERE a.status IN ('present','late','left_early') AND random() < 0.5;
INSERT INTO sobriety_checkin (participant_id, report_date, days_used)
  SELECT e.participant_id, d::date, (random() < 0.2)::int
  FROM enrollment e, generate_series(e.admission_date + 6, coalesce(e.discharge_date, date '2025-12-31'), interval '7 days') d;
ANALYZE;
`;

const F = '{ numerator denominator rate }';
const QUERIES: Record<string, string> = {
  attendance: `query ($filter: MetricsFilter) { attendance(filter: $filter) { total { scheduled attendanceRate ${F} } byWeek { weekStart total { scheduled } byGroupType { groupType figures { scheduled } } } bySite { siteId figures { scheduled } } byGroup { groupId figures { scheduled } } } }`,
  intensity: `query ($filter: MetricsFilter) { attendanceIntensity(filter: $filter) { total { participantWeeks intensityMet ${F} } byWeek { weekStart total { participantWeeks } } } }`,
  accountability: `query ($filter: MetricsFilter) { sessionAccountability(filter: $filter) { total { consistency ${F} feedbackParticipation ${F} reEngagement ${F} } byGroupType { groupType } } }`,
  feedback: `query ($filter: MetricsFilter) { sessionFeedback(filter: $filter) { total { responses meanScore } byWeek { weekStart total { responses } } } }`,
  earlyWarning: `query ($filter: MetricsFilter) { earlyWarning(filter: $filter) { openEpisodes atRiskEpisodes episodes { enrollmentId } } }`,
};
const FILTERS: Record<string, Record<string, unknown>> = {
  all: {},
  quarter: { from: '2025-07-01', to: '2025-09-30' },
  quarterOneSite: { from: '2025-07-01', to: '2025-09-30', siteIds: ['S3'] },
  year2Types: { from: '2025-01-01', groupTypes: ['process', 'skills'] },
};

it('benchmarks', async () => {
  const url = process.env.BENCH_DB_URL;
  api = await startApiTestServer();
  const client = new Client({ connectionString: api.db.url });
  await client.connect();
  let t = Date.now();
  await client.query(GEN);
  const counts = await client.query(`SELECT (SELECT count(*) FROM attendance) a, (SELECT count(*) FROM feedback) f, (SELECT count(*) FROM group_session) s, (SELECT count(*) FROM sobriety_checkin) c`);
  console.log('generated in', Date.now() - t, 'ms', counts.rows[0], url);
  const all = ['1900-01-01', '2025-12-31', '2025-12-31', null, ['psychoeducation','skills','process','trauma_informed','family']];
  const sqls: Record<string, string> = { ATTENDANCE_SQL, INTENSITY_SQL, CONSISTENCY_SQL, FEEDBACK_PARTICIPATION_SQL, RE_ENGAGEMENT_SQL, SESSION_FEEDBACK_SQL };
  for (const [name, sql] of Object.entries(sqls)) {
    const plan = await client.query('EXPLAIN (ANALYZE, COSTS OFF) ' + sql, all);
    console.log(name + '\n' + plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  const ew = await client.query('EXPLAIN (ANALYZE, COSTS OFF) ' + EARLY_WARNING_SQL, ['2025-12-31', null, 500]);
  console.log('EARLY_WARNING\n' + ew.rows.map((r) => r['QUERY PLAN']).join('\n'));
  await client.end();
  const lines: string[] = [];
  for (const [q, query] of Object.entries(QUERIES)) {
    for (const [f, filter] of Object.entries(FILTERS)) {
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        t = Date.now();
        const r = await api.graphql(query, { filter });
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        times.push(Date.now() - t);
      }
      times.sort((a, b) => a - b);
      lines.push(`${q} ${f}: median ${times[3]} max ${times[5]} ms`);
    }
  }
  console.log(lines.join('\n'));
});

import { Client } from 'pg';

/** The period the report tests ask for, and what it is compared with. */
export const FIXTURE_FILTER = { from: '2026-04-01', to: '2026-06-30', asOf: '2026-10-31' };

/** Episodes admitted per group type: large cells, one small cell (trauma-informed) and its complement. */
const COHORTS: { group: string; current: number; previous: number }[] = [
  { group: 'GP1', current: 40, previous: 34 },
  { group: 'GP2', current: 20, previous: 16 },
  { group: 'GS1', current: 30, previous: 25 },
  { group: 'GE1', current: 20, previous: 15 },
  { group: 'GT1', current: 4, previous: 0 },
  { group: 'GF1', current: 12, previous: 8 },
];

function episodes(): string[] {
  const rows: string[] = [];
  let i = 0;
  for (const c of COHORTS) {
    for (const [start, days, count] of [
      ['2026-04-01', 91, c.current],
      ['2025-12-31', 91, c.previous],
    ] as const) {
      for (let k = 0; k < count; k++, i++) {
        const admitted = `date '${start}' + ${Math.floor((k * days) / Math.max(count, 1))}`;
        const kind = i % 10;
        const [reason, stay] =
          kind < 3
            ? ['dropped_out', 5 + ((i * 7) % 80)]
            : kind === 3
              ? ['transferred', 40]
              : ['completed', 84 + (i % 10)];
        rows.push(`('P${i}', '${c.group}', ${admitted}, ${stay}, '${reason}', ${10 + (i % 11)})`);
      }
    }
  }
  return rows;
}

/**
 * A small program on two sites with every kind of record, built in SQL: three 3-hour sessions a
 * week per group, attendance for each episode's group, ratings, weekly check-ins, and a load.
 */
export async function loadReportFixture(url: string): Promise<void> {
  const sql = `
    INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
    INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
      ('GP1', 'S1', 'process', 'Process N'), ('GP2', 'S2', 'process', 'Process S'),
      ('GS1', 'S1', 'skills', 'Skills'), ('GE1', 'S1', 'psychoeducation', 'Psychoeducation'),
      ('GT1', 'S1', 'trauma_informed', 'Trauma'), ('GF1', 'S1', 'family', 'Family');
    INSERT INTO group_session (session_id, group_id, session_date, duration_minutes)
      SELECT g.group_id || '-' || to_char(d, 'YYYYMMDD'), g.group_id, d::date, 180
      FROM therapy_group g, generate_series(date '2025-12-01', date '2026-10-30', interval '1 day') d
      WHERE extract(isodow FROM d) IN (1, 3, 5);
    CREATE TEMP TABLE fixture_episode (participant_id text, group_id text, admitted date, stay int, reason text, baseline int);
    INSERT INTO fixture_episode VALUES ${episodes().join(',\n')};
    INSERT INTO participant (participant_id) SELECT participant_id FROM fixture_episode;
    INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason, baseline_days_used)
      SELECT 'E' || f.participant_id, f.participant_id, g.site_id, f.admitted, f.admitted + f.stay, f.reason, f.baseline
      FROM fixture_episode f JOIN therapy_group g USING (group_id);
    INSERT INTO attendance (session_id, participant_id, status, minutes_attended)
      SELECT s.session_id, f.participant_id,
        (ARRAY['present','present','present','present','present','present','present','present','present','present',
               'present','present','present','present','late','left_early','absent','absent','excused','present'])
          [1 + abs(hashtext(s.session_id || f.participant_id)) % 20],
        NULL
      FROM fixture_episode f JOIN group_session s
        ON s.group_id = f.group_id AND s.session_date BETWEEN f.admitted AND f.admitted + f.stay;
    INSERT INTO feedback (session_id, participant_id, relationship, goals_topics, approach, overall)
      SELECT session_id, participant_id, 10, 9 + h % 2, 8 + h % 3, 7 + h % 4
      FROM (SELECT *, abs(hashtext(participant_id || session_id)) AS h FROM attendance
            WHERE status IN ('present', 'late', 'left_early')) a
      WHERE h % 3 = 0;
    INSERT INTO sobriety_checkin (participant_id, report_date, days_used, window_days)
      SELECT f.participant_id, f.admitted + 7 * k,
        CASE WHEN abs(hashtext(f.participant_id || k::text)) % 4 = 0 THEN 1 + k % 3 ELSE 0 END, 7
      FROM fixture_episode f, generate_series(1, 15) k
      WHERE 7 * k <= f.stay + 14 AND abs(hashtext(f.participant_id)) % 7 <> 0;
    INSERT INTO etl_load (started_at, finished_at, status, source)
      VALUES ('2026-11-01T06:00:00Z', '2026-11-01T06:05:00Z', 'succeeded', 'report fixture');
  `;
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

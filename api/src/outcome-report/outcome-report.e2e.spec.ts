import { Client } from 'pg';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// The outcome report over HTTP on an adversarial fixture: at site S1, 30 process episodes and one
// skills episode (a single small cell beside a total), plus 12 family episodes.
const ADMITTED = '2025-03-03';

function fixture(): string {
  const rows: string[] = [
    `INSERT INTO site VALUES ('S1', 'North')`,
    `INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
       ('GP', 'S1', 'process', 'Process'), ('GS', 'S1', 'skills', 'Skills'), ('GF', 'S1', 'family', 'Family')`,
    `INSERT INTO group_session (session_id, group_id, session_date, duration_minutes) VALUES
       ('XP', 'GP', '2025-03-04', 90), ('XS', 'GS', '2025-03-04', 90), ('XF', 'GF', '2025-03-04', 90)`,
  ];
  const people: [string, string][] = [
    ...Array.from({ length: 30 }, (_, i) => [`P${i}`, 'XP'] as [string, string]),
    ['S0', 'XS'],
    ...Array.from({ length: 12 }, (_, i) => [`F${i}`, 'XF'] as [string, string]),
  ];
  for (const [id, session] of people) {
    rows.push(`INSERT INTO participant (participant_id) VALUES ('${id}')`);
    // Everyone completed on 2025-04-30 except the first 5 process episodes, who dropped out.
    const reason = id.startsWith('P') && Number(id.slice(1)) < 5 ? 'dropped_out' : 'completed';
    rows.push(
      `INSERT INTO enrollment VALUES ('E${id}', '${id}', 'S1', '${ADMITTED}', '2025-04-30', '${reason}', NULL, 10)`,
    );
    rows.push(`INSERT INTO attendance VALUES ('${session}', '${id}', 'present', 90)`);
  }
  return rows.join(';\n');
}

interface Figure {
  measure: string;
  unit: string;
  groupType: string | null;
  period: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
}

const REPORT = `query ($filter: MetricsFilter) { outcomeReport(filter: $filter) {
  periods { from to previousFrom previousTo asOf }
  suppressionThreshold
  figures { measure unit groupType period value n suppressed }
  survivalCurves { groupType points { days atRisk } }
} }`;

let api: ApiTestServer;
let figures: Figure[];

beforeAll(async () => {
  api = await startApiTestServer();
  const client = new Client({ connectionString: api.db.url });
  await client.connect();
  await client.query(fixture());
  await client.end();
  const quality = await api.signIn('quality');
  const { data, errors } = await quality.graphql<{ outcomeReport: { figures: Figure[]; periods: unknown } }>(REPORT, {
    filter: { from: '2025-03-01', to: '2025-03-31', asOf: '2025-06-30' },
  });
  expect(errors).toBeUndefined();
  figures = data!.outcomeReport.figures;
  expect(data!.outcomeReport.periods).toEqual({
    from: '2025-03-01',
    to: '2025-03-31',
    previousFrom: '2025-01-29', // 31 days just before
    previousTo: '2025-02-28',
    asOf: '2025-06-30',
  });
});
afterAll(() => api?.close());

const find = (measure: string, groupType: string | null, period = 'current') =>
  figures.find((f) => f.measure === measure && f.groupType === groupType && f.period === period)!;

it('shows large cells exactly: 43 admissions, 38 of 43 completed', () => {
  expect(find('admissions', null)).toMatchObject({ value: 43, n: 43, suppressed: false });
  expect(find('completion_rate', null)).toMatchObject({ value: 38 / 43, n: 43, suppressed: false });
  expect(find('completion_rate', 'psychoeducation')).toMatchObject({ value: null, n: 0, suppressed: false });
});

it('hides a third cell when the two hidden rates would both be known to be 100%', () => {
  // skills 1/1 (small) and family 12/12 (its complement) both completed everyone: from the total
  // (38/43) and process (25/30) a reader would get 13/13. So process goes too.
  expect(['skills', 'family', 'process'].map((g) => find('completion_rate', g).suppressed)).toEqual([true, true, true]);
});

it('hides the single small cell and, beside a shown total, the next smallest cell too', () => {
  // …and every retention and sobriety figure about those two cohorts, so that no n gives them away.
  expect(
    figures
      .filter(
        (f) =>
          f.period === 'current' &&
          ['skills', 'family'].includes(f.groupType ?? '') &&
          ['retained_30d', 'median_days_to_dropout', 'abstinent_30d_itt'].includes(f.measure),
      )
      .every((f) => f.suppressed),
  ).toBe(true);
  expect(find('episodes', 'skills')).toEqual({
    measure: 'episodes',
    unit: 'count',
    groupType: 'skills',
    period: 'current',
    value: null,
    n: null,
    suppressed: true,
  });
  // family (12) is the next smallest non-zero cell after skills (1): without it, 43 − 30 − 12 = 1.
  expect(find('episodes', 'family')).toMatchObject({ value: null, n: null, suppressed: true });
  expect(find('episodes', 'process')).toMatchObject({ value: 30, suppressed: false });
  expect(find('episodes', null)).toMatchObject({ value: 43, suppressed: false });
  expect(find('episodes', 'psychoeducation')).toMatchObject({ value: 0, suppressed: false });
});

it('never shows a count, a denominator or an at-risk figure from 1 to 10', () => {
  const small = figures.filter((f) => !f.suppressed && f.n !== null && f.n >= 1 && f.n <= 10);
  expect(small).toEqual([]);
});

it('leaves no additive breakdown with exactly one hidden cell beside a shown total', () => {
  // Survival estimates and medians do not add up across group types, so subtraction recovers nothing.
  const additive = figures.filter((f) => ['count', 'proportion', 'mean'].includes(f.unit));
  const keys = new Set(additive.map((f) => `${f.measure}|${f.period}`));
  const lonely = [...keys].filter((key) => {
    const cells = additive.filter((f) => `${f.measure}|${f.period}` === key);
    const total = cells.find((f) => f.groupType === null);
    return total && !total.suppressed && cells.filter((f) => f.groupType !== null && f.suppressed).length === 1;
  });
  expect(lonely).toEqual([]);
});

it('drops curve points with fewer than 11 at risk', async () => {
  const quality = await api.signIn('quality');
  const { data } = await quality.graphql<{
    outcomeReport: { survivalCurves: { groupType: string | null; points: { atRisk: number }[] }[] };
  }>(REPORT, { filter: { from: '2025-03-01', to: '2025-03-31', asOf: '2025-06-30' } });
  const points = data!.outcomeReport.survivalCurves.flatMap((c) => c.points);
  expect(points.length).toBeGreaterThan(0);
  expect(points.every((p) => p.atRisk >= 11)).toBe(true);
  expect(data!.outcomeReport.survivalCurves.find((c) => c.groupType === 'skills')?.points).toEqual([]);
  // family has 12 at risk at the start, but its cohort is hidden as skills' complement: a curve
  // with those 12 would give both away, so it is not drawn either.
  expect(data!.outcomeReport.survivalCurves.find((c) => c.groupType === 'family')?.points).toEqual([]);
  expect(data!.outcomeReport.survivalCurves.find((c) => c.groupType === 'process')?.points.length).toBeGreaterThan(0);
});

it('is the same suppressed report for a director: suppression does not depend on who asks', async () => {
  const director = await api.signIn('director');
  const { data } = await director.graphql<{ outcomeReport: { figures: Figure[] } }>(REPORT, {
    filter: { from: '2025-03-01', to: '2025-03-31', asOf: '2025-06-30' },
  });
  expect(data!.outcomeReport.figures).toEqual(figures);
});

it('says why when a from after the as-of date leaves the report no day (no to given)', async () => {
  const quality = await api.signIn('quality');
  const { data, errors } = await quality.graphql(REPORT, { filter: { from: '2025-07-10', asOf: '2025-06-30' } });
  expect(data).toBeNull();
  expect(errors?.[0]?.message).toBe(
    "Invalid filter: from (2025-07-10) is after the data's as-of date (2025-06-30), so the report would cover no day; give an earlier from, or a to",
  );
});

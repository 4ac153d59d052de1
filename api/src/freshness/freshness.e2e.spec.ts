import { Client } from 'pg';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
});
afterAll(() => api?.close());

const QUERY = `{ dataFreshness { defaultAsOf lastSuccessfulLoadAt tables { kind rows latestDate } } }`;

describe('dataFreshness over HTTP', () => {
  it('reports an empty database as empty', async () => {
    const { data, errors } = await api.graphql(QUERY);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      dataFreshness: {
        defaultAsOf: null,
        lastSuccessfulLoadAt: null,
        tables: [
          'sites',
          'groups',
          'participants',
          'enrollments',
          'sessions',
          'attendance',
          'feedback',
          'sobriety',
        ].map((kind) => ({ kind, rows: 0, latestDate: null })),
      },
    });
  });

  it('takes the default as-of from the latest session, check-in, admission or discharge date', async () => {
    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    await client.query(`
      INSERT INTO site VALUES ('S1', 'North');
      INSERT INTO participant (participant_id) VALUES ('P1');
      INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES ('G1', 'S1', 'process', 'Process');
      INSERT INTO enrollment VALUES ('E1', 'P1', 'S1', '2025-01-06', '2025-03-02', 'completed', NULL, NULL);
      INSERT INTO group_session (session_id, group_id, session_date) VALUES ('X1', 'G1', '2025-01-07'), ('X2', 'G1', '2025-02-20');
      INSERT INTO attendance VALUES ('X1', 'P1', 'present', 90);
      INSERT INTO sobriety_checkin (participant_id, report_date, days_used) VALUES ('P1', '2025-02-27', 0);
      INSERT INTO etl_load (status, source, finished_at) VALUES ('succeeded', 'test', '2025-03-05T10:00:00Z'),
        ('failed', 'test', '2025-03-06T10:00:00Z');
    `);
    await client.end();
    const { data } = await api.graphql<{ dataFreshness: Record<string, unknown> }>(QUERY);
    expect(data?.dataFreshness).toEqual({
      defaultAsOf: '2025-03-02', // the discharge, later than the last session and check-in
      lastSuccessfulLoadAt: '2025-03-05T10:00:00.000Z', // the failed load is not "successful"
      tables: [
        { kind: 'sites', rows: 1, latestDate: null },
        { kind: 'groups', rows: 1, latestDate: null },
        { kind: 'participants', rows: 1, latestDate: null },
        { kind: 'enrollments', rows: 1, latestDate: '2025-03-02' },
        { kind: 'sessions', rows: 2, latestDate: '2025-02-20' },
        { kind: 'attendance', rows: 1, latestDate: '2025-01-07' },
        { kind: 'feedback', rows: 0, latestDate: null },
        { kind: 'sobriety', rows: 1, latestDate: '2025-02-27' },
      ],
    });
  });

  it('answers /health without authentication', async () => {
    const response = await fetch(`${api.server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });
});

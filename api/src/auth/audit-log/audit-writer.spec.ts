import { createTestDatabase, TestDatabase } from '@iop/db';
import { Pool } from 'pg';
import type { Queryable } from '../queryable';
import { AuditOutcome, AuditRecord, AuditWriter } from './audit-writer';

const record = (n: number): AuditRecord => ({
  userId: 1,
  username: 'director',
  role: 'director',
  operation: `op ${n}`,
  filters: '{}',
  arguments: null,
  sites: null,
  outcome: 'allowed',
});

/** A database that takes a while per statement and records each batch it was sent. */
function slowDatabase(fail = false) {
  const batches: string[][] = [];
  return {
    batches,
    async query<T>(_sql: string, params?: unknown[]): Promise<T[]> {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error('connection refused');
      batches.push((params as string[][])[3]!);
      return [];
    },
  };
}

describe('AuditWriter', () => {
  it('writes records that arrive while an INSERT is in flight together, each once, in order', async () => {
    const db = slowDatabase();
    const writer = new AuditWriter(db);
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer.write(record(i))));
    expect(db.batches.length).toBeLessThanOrEqual(2);
    expect(db.batches.flat()).toEqual(Array.from({ length: 50 }, (_, i) => `op ${i}`));
  });

  it('resolves only once the record is written', async () => {
    const db = slowDatabase();
    const writer = new AuditWriter(db);
    await writer.write(record(1));
    expect(db.batches).toEqual([['op 1']]);
  });

  it('never fails the request when the database does', async () => {
    const writer = new AuditWriter(slowDatabase(true));
    await expect(writer.write(record(1))).resolves.toBeUndefined();
  });
});

describe('AuditWriter on a real database', () => {
  let db: TestDatabase;
  let pool: Pool;
  let userId: number;
  const queryable = (): Queryable => ({
    query: async <T>(sql: string, params?: unknown[], name?: string) =>
      (await pool.query({ text: sql, values: params, name })).rows as T[],
  });
  const rows = async () =>
    (await pool.query(`SELECT operation, outcome FROM audit_log ORDER BY audit_id`)).rows as {
      operation: string;
      outcome: string | null;
    }[];
  const opened = (operation: string) => ({ ...record(0), userId, operation }) satisfies Partial<AuditRecord>;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection: a setting left behind by one statement would show in the next.
    pool = new Pool({ connectionString: db.url, max: 1 });
    const { rows: users } = await pool.query(
      `INSERT INTO app_user (username, password_hash, role) VALUES ('director', 'x', 'director') RETURNING user_id`,
    );
    userId = Number(users[0].user_id);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });
  beforeEach(() => pool.query(`TRUNCATE audit_log`));

  it('commits an opened row before its outcome is known, and the outcome after', async () => {
    const writer = new AuditWriter(queryable());
    const open = writer.open(opened('Retention { retention }'));
    // The row is there while the request runs: a crash now leaves the request recorded.
    for (let i = 0; i < 100 && (await rows()).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await rows()).toEqual([{ operation: 'Retention { retention }', outcome: null }]);
    await open.finish('forbidden');
    await writer.settled();
    expect(await rows()).toEqual([{ operation: 'Retention { retention }', outcome: 'forbidden' }]);
    // The relaxed commit of the outcome is for its own transaction only.
    expect((await pool.query(`SHOW synchronous_commit`)).rows[0].synchronous_commit).toBe('on');
  });

  it('gives each of many rows opened at once its own outcome, closed in any order', async () => {
    const writer = new AuditWriter(queryable());
    const outcomes: AuditOutcome[] = ['allowed', 'forbidden', 'invalid', 'error'];
    const opens = Array.from({ length: 40 }, (_, i) => writer.open(opened(`op ${i}`)));
    // Closed in reverse order: the ids, not the order of closing, tie outcomes to rows.
    await Promise.all([...opens].reverse().map((o, r) => o.finish(outcomes[(opens.length - 1 - r) % 4]!)));
    await writer.settled();
    const stored = await rows();
    expect(stored).toHaveLength(40);
    for (const { operation, outcome } of stored) expect(outcome).toBe(outcomes[Number(operation.slice(3)) % 4]);
  });

  it('writes the whole record when the opened row could not be written', async () => {
    let failed = false;
    const writer = new AuditWriter({
      query: async (sql, params, name) => {
        if (!failed && sql.startsWith('INSERT')) {
          failed = true;
          throw new Error('connection lost');
        }
        return queryable().query(sql, params, name);
      },
    });
    await writer.open(opened('Sobriety { sobriety }')).finish('allowed');
    // On record when finish() resolves: the answer may leave.
    expect(await rows()).toEqual([{ operation: 'Sobriety { sobriety }', outcome: 'allowed' }]);
  });
});

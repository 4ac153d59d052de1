import { AuditRecord, AuditWriter } from './audit-writer';

const record = (n: number): AuditRecord => ({
  userId: 1,
  username: 'director',
  role: 'director',
  operation: `op ${n}`,
  filters: '{}',
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

import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** What the stores need of a database handle: rows back for every statement, RETURNING included. */
export interface Queryable {
  /**
   * `name`: a statement sent on every request (the session check, the audit log) is prepared once
   * per connection under this name; Postgres then plans it once, not each time (planning was most
   * of its cost: 0.86 ms against 0.14 ms prepared).
   */
  query<T>(sql: string, params?: unknown[], name?: string): Promise<T[]>;
}

/**
 * TypeORM's `DataSource.query` answers UPDATE/DELETE … RETURNING with [rows, count] rather than
 * rows; its structured result does not, so the stores see one shape whatever the statement.
 * Named statements go to the driver's pg pool directly (TypeORM cannot name them).
 */
export function queryableOf(dataSource: DataSource): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[], name?: string): Promise<T[]> {
      if (name) {
        const pool = (dataSource.driver as PostgresDriver).master as Pool;
        return (await pool.query({ name, text: sql, values: params })).rows as T[];
      }
      const runner = dataSource.createQueryRunner();
      try {
        return (await runner.query(sql, params, true)).records as T[];
      } finally {
        await runner.release();
      }
    },
  };
}

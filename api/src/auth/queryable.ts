import type { DataSource } from 'typeorm';

/** What the stores need of a database handle: rows back for every statement, RETURNING included. */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * TypeORM's `DataSource.query` answers UPDATE/DELETE … RETURNING with [rows, count] rather than
 * rows; its structured result does not, so the stores see one shape whatever the statement.
 */
export function queryableOf(dataSource: DataSource): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const runner = dataSource.createQueryRunner();
      try {
        return (await runner.query(sql, params, true)).records as T[];
      } finally {
        await runner.release();
      }
    },
  };
}

import type { RowShape, SqlRunner } from '@iop/metrics';
import type { DataSource } from 'typeorm';
import { poolOf, queryPrepared } from './prepared-query';

/**
 * How the metrics read functions reach the database: live statements unnamed, planned for their
 * parameters each run; statements over the derived tables as named prepared statements (see
 * queryPrepared for why each kind).
 */
export function sqlRunner(dataSource: DataSource): SqlRunner {
  return {
    live: async <T>(sql: string, params: readonly unknown[], shape: RowShape = 'objects'): Promise<T[]> =>
      shape === 'arrays'
        ? ((await poolOf(dataSource).query({ text: sql, values: [...params], rowMode: 'array' })).rows as T[])
        : dataSource.query<T[]>(sql, [...params]),
    stored: <T>(sql: string, params: readonly unknown[], shape: RowShape = 'objects'): Promise<T[]> =>
      queryPrepared<T>(dataSource, sql, params, shape),
  };
}

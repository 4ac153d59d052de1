/** How rows come back: one object per row (by column name), or one array per row (column order). */
export type RowShape = 'objects' | 'arrays';

/**
 * How a read function (`<section>.read.ts`) runs the statement it chose. The caller provides it:
 * metrics knows which statement answers, the API knows how to reach the database
 * (api/src/database/sql-runner.ts).
 *
 * Two paths, because the two kinds of statement want different planning. A statement over the
 * source rows (`live`) is planned for its parameters every time: a plan kept for any dates could
 * choose index loops over millions of attendance rows. A statement over the derived tables
 * (`stored`) runs as a named prepared statement: planning its CTEs and unions cost more than
 * running it, and a kept plan is harmless over tables that small.
 */
export interface SqlRunner {
  live<T>(sql: string, params: readonly unknown[], shape?: RowShape): Promise<T[]>;
  stored<T>(sql: string, params: readonly unknown[], shape?: RowShape): Promise<T[]>;
}

/** What the stores need of a database handle: TypeORM's DataSource and pg's Pool/Client both fit. */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

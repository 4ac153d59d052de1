import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Roles } from '../roles';
import { AuditEntry } from './audit-log.model';
import { AuditWriter } from './audit-writer';

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: AuditWriter,
  ) {}

  @Roles('director')
  @Query(() => [AuditEntry], { description: 'The most recent queries of every user (directors only)' })
  async auditLog(
    @Args('limit', { type: () => Int, defaultValue: 100, description: 'At most 1,000' }) limit: number,
    @Args('username', { type: () => String, nullable: true }) username?: string | null,
  ): Promise<AuditEntry[]> {
    // Outcomes this process knows but may not have stored yet (see AuditWriter.open).
    await this.writer.settled();
    const rows: (AuditEntry & { filters: unknown; arguments: unknown })[] = await this.dataSource.query(
      `SELECT audit_id::int AS "auditId", at, username, role, operation, filters, arguments, sites,
              coalesce(outcome, 'unrecorded') AS outcome
         FROM audit_log
        WHERE $2::text IS NULL OR username = lower($2) ORDER BY at DESC, audit_id DESC LIMIT $1`,
      [Math.min(Math.max(limit, 1), 1000), username ?? null],
    );
    return rows.map((r) => ({
      ...r,
      filters: JSON.stringify(r.filters ?? {}),
      arguments: r.arguments === null ? null : JSON.stringify(r.arguments),
    }));
  }
}

import { Logger } from '@nestjs/common';
import type { Queryable } from '../queryable';

export type AuditOutcome = 'allowed' | 'forbidden' | 'invalid' | 'error';

export interface AuditRecord {
  userId: number;
  username: string;
  role: string;
  operation: string;
  /** jsonb text (see filtersJson in graphql/audit-plugin). */
  filters: string;
  outcome: AuditOutcome;
}

/** At most this many records in one INSERT. */
const MAX_BATCH = 500;

const logger = new Logger('Audit');

/**
 * Writes audit_log rows; write() resolves once its row is committed, so a caller that awaits it
 * before answering never answers unrecorded. While one INSERT is in flight, the records that
 * arrive wait and go together in the next: under load that is one commit for many requests,
 * instead of one commit (one disk flush) each. A failure is logged with the records it lost and
 * never fails the request: the answer was allowed already.
 */
export class AuditWriter {
  private queue: { record: AuditRecord; done: () => void }[] = [];
  private flushing = false;

  constructor(private readonly db: Queryable) {}

  write(record: AuditRecord): Promise<void> {
    return new Promise((done) => {
      this.queue.push({ record, done });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const records = batch.map((b) => b.record);
      try {
        await this.db.query(
          `INSERT INTO audit_log (user_id, username, role, operation, filters, outcome)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
          [
            records.map((r) => r.userId),
            records.map((r) => r.username),
            records.map((r) => r.role),
            records.map((r) => r.operation),
            records.map((r) => r.filters),
            records.map((r) => r.outcome),
          ],
          'iop_audit_write',
        );
      } catch (error) {
        for (const r of records)
          logger.error(`Could not write the audit record of ${r.operation} by ${r.username}: ${String(error)}`);
      }
      for (const b of batch) b.done();
    }
    this.flushing = false;
  }
}

import { Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Queryable } from '../queryable';

export type AuditOutcome = 'allowed' | 'forbidden' | 'invalid' | 'error';

export interface AuditRecord {
  userId: number;
  username: string;
  role: string;
  operation: string;
  /** The request's variables (or a download's query string): jsonb text (see filtersJson in graphql/audit-plugin). */
  filters: string;
  /**
   * jsonb text: each root field the operation ran, by response key, with its resolved arguments
   * (graphql/resolved-arguments); null when nothing ran (refused before execution, not GraphQL).
   */
  arguments: string | null;
  /** The sites the user was limited to (null: every site). */
  sites: string[] | null;
  outcome: AuditOutcome;
}

/** The audit row of a request still running, written while it runs. */
export interface OpenAuditRecord {
  /**
   * Resolves once the request is on record: its row committed (or, if that failed, the whole
   * record written, or its loss logged). Await it before answering. The outcome itself is set
   * in the background: AuditWriter.settled() waits for it.
   */
  finish(outcome: AuditOutcome): Promise<void>;
}

/** At most this many records in one statement. */
const MAX_BATCH = 500;

/**
 * Inserts rows, the outcome NULL for rows opened before it is known. The ids come back in the
 * order the rows were inserted, which is the order of `ordinality`: identity values of one
 * statement rise in insertion order.
 */
const INSERT_SQL = `INSERT INTO audit_log (user_id, username, role, operation, filters, outcome, arguments, sites)
  SELECT user_id, username, role, operation, filters, outcome, arguments,
         CASE WHEN sites IS NOT NULL THEN ARRAY(SELECT jsonb_array_elements_text(sites)) END
    FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::jsonb[], $8::jsonb[])
         WITH ORDINALITY AS r(user_id, username, role, operation, filters, outcome, arguments, sites, position)
   ORDER BY position
  RETURNING audit_id`;

/**
 * Records the outcomes of opened rows. The commit does not wait for the disk (synchronous_commit
 * off, for this transaction only): the row itself was flushed when it was opened, so a crash in
 * the next moment can only leave an outcome unrecorded (NULL), never a request unrecorded.
 */
const CLOSE_SQL = `WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
UPDATE audit_log a SET outcome = c.outcome
  FROM unnest($1::bigint[], $2::text[]) AS c(audit_id, outcome), relaxed
 WHERE a.audit_id = c.audit_id`;

const logger = new Logger('Audit');

/** A queue that sends what arrives while its statement is in flight as one batch. */
class Batcher<T, R> {
  private queue: { item: T; done: (result: R | undefined) => void }[] = [];
  private flushing = false;

  /** `send` answers one result per item, in order; on failure every item of the batch gets undefined. */
  constructor(
    private readonly send: (items: T[]) => Promise<R[]>,
    private readonly failed: (items: T[], error: unknown) => void,
  ) {}

  add(item: T): Promise<R | undefined> {
    return new Promise((done) => {
      this.queue.push({ item, done });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      const items = batch.map((b) => b.item);
      let results: (R | undefined)[] = [];
      try {
        results = await this.send(items);
      } catch (error) {
        this.failed(items, error);
      }
      for (const [i, b] of batch.entries()) b.done(results[i]);
    }
    this.flushing = false;
  }
}

type PendingRecord = Omit<AuditRecord, 'outcome'> & { outcome: AuditOutcome | null };

/**
 * Writes audit_log rows. Under load, the records that arrive while one statement is in flight go
 * together in the next: one commit (one disk flush) for many requests instead of one each. A
 * failure is logged with the records it lost and never fails the request: the answer was allowed
 * already.
 *
 * write() records a request whose outcome is known. open() starts the row of a request when it
 * starts running, so that the row's commit (a round trip and a disk flush) overlaps the work
 * instead of following it; finish() then sets the outcome without holding up the answer. Readers
 * of the log in this process (the audit log query) call settled() first, so they never see an
 * outcome missing that was known; the API waits for it too when it shuts down.
 */
export class AuditWriter implements OnApplicationShutdown {
  private readonly inserts: Batcher<PendingRecord, number>;
  private readonly closes: Batcher<{ auditId: number; outcome: AuditOutcome; record: PendingRecord }, true>;
  /** Outcomes being recorded. */
  private readonly unsettled = new Set<Promise<unknown>>();

  constructor(private readonly db: Queryable) {
    this.inserts = new Batcher(
      async (records) => {
        const rows = await this.db.query<{ audit_id: string }>(
          INSERT_SQL,
          [
            records.map((r) => r.userId),
            records.map((r) => r.username),
            records.map((r) => r.role),
            records.map((r) => r.operation),
            records.map((r) => r.filters),
            records.map((r) => r.outcome),
            records.map((r) => r.arguments),
            // As JSON: one array parameter cannot hold lists of different lengths.
            records.map((r) => (r.sites ? JSON.stringify(r.sites) : null)),
          ],
          'iop_audit_write',
        );
        return rows.map((r) => Number(r.audit_id)).sort((a, b) => a - b);
      },
      (records, error) => {
        for (const r of records)
          logger.error(`Could not write the audit record of ${r.operation} by ${r.username}: ${String(error)}`);
      },
    );
    this.closes = new Batcher(
      async (closes) => {
        await this.db.query(CLOSE_SQL, [closes.map((c) => c.auditId), closes.map((c) => c.outcome)], 'iop_audit_close');
        return closes.map(() => true as const);
      },
      (closes, error) => {
        for (const { record, outcome } of closes)
          logger.error(
            `Could not record the outcome (${outcome}) of ${record.operation} by ${record.username}: ${String(error)}`,
          );
      },
    );
  }

  /** Resolves once the record is committed (or its failure logged). */
  async write(record: AuditRecord): Promise<void> {
    await this.inserts.add(record);
  }

  /** Starts writing the row of a request whose outcome is not known yet. */
  open(record: Omit<AuditRecord, 'outcome'>): OpenAuditRecord {
    const pending: PendingRecord = { ...record, outcome: null };
    const inserted = this.inserts.add(pending);
    return {
      finish: async (outcome) => {
        const auditId = await inserted;
        // The row could not be written: try once more, whole, before the answer leaves.
        if (auditId === undefined) return this.write({ ...record, outcome });
        const closing = this.closes.add({ auditId, outcome, record: pending });
        this.unsettled.add(closing);
        void closing.finally(() => this.unsettled.delete(closing));
      },
    };
  }

  /** Resolves once every outcome handed to finish() so far is recorded (or its loss logged). */
  async settled(): Promise<void> {
    while (this.unsettled.size) await Promise.all([...this.unsettled]);
  }

  /** Nest runs this before the database module closes its connections. */
  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }
}

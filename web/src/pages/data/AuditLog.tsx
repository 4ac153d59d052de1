import { ChartFrame } from '../../charts/ChartFrame';
import { DataTable } from '../../charts/DataTable';
import { AUDIT_COLUMNS } from './audit-log-shape';
import { AUDIT_LOG_LIMIT, useAuditLogQuery } from './useAuditLogQuery';

/** Who asked what, when, with which filters, and how it ended (directors only). */
export function AuditLog() {
  const query = useAuditLogQuery(true);
  const entries = query.data ?? [];
  return (
    <ChartFrame
      title="Audit log"
      description={`The latest ${AUDIT_LOG_LIMIT} queries and report downloads of every user, newest first.`}
      status={query}
      rows={entries}
      columns={AUDIT_COLUMNS}
      n={query.data ? { value: entries.length, unit: 'entries' } : null}
      emptyMessage="Nobody has queried the figures yet."
    >
      <DataTable caption="Audit log" rows={entries} columns={AUDIT_COLUMNS} />
    </ChartFrame>
  );
}

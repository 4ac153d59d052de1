import type { Column } from '../../charts/columns';
import { formatDateTime } from '../../charts/format';
import type { AuditLogQuery } from '../../gql/graphql';

export type AuditEntry = AuditLogQuery['auditLog'][number];

/** The filters of a query in words: "from 2025-01-01, sites S1, S2"; "none" for the defaults. */
export function describeFilters(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return json;
  }
  const parts: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) parts.push(`${key} ${value.join(', ')}`);
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    else parts.push(`${key} ${String(value)}`);
  };
  visit(parsed, '');
  return parts.length ? parts.map((p) => p.trim()).join('; ') : 'none';
}

export const AUDIT_COLUMNS: Column<AuditEntry>[] = [
  { label: 'When', value: (e) => e.at, format: (v) => formatDateTime(typeof v === 'string' ? v : null) },
  { label: 'User', value: (e) => e.username },
  { label: 'Role', value: (e) => e.role },
  { label: 'Operation', value: (e) => e.operation },
  { label: 'Filters', value: (e) => e.filters, format: (v) => describeFilters(String(v ?? '{}')) },
  { label: 'Outcome', value: (e) => e.outcome },
];

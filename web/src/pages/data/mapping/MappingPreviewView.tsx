import type { Column } from '../../../charts/columns';
import { DataTable } from '../../../charts/DataTable';
import { TableScroll } from '../../../charts/TableScroll';

export interface PreviewTable {
  file: string;
  kind: string;
  columns: readonly string[];
  rows: readonly (readonly (string | null)[])[];
  rowCount: number;
  rejectedRows: number;
}

export interface PreviewReject {
  file: string;
  line: number;
  column?: string | null;
  value?: string | null;
  reason: string;
  detail?: string | null;
}

const REJECT_COLUMNS: Column<PreviewReject>[] = [
  { label: 'File', value: (r) => r.file },
  { label: 'Line', value: (r) => r.line, numeric: true },
  { label: 'Column', value: (r) => r.column },
  { label: 'Value', value: (r) => r.value },
  { label: 'Reason', value: (r) => r.reason },
  { label: 'Detail', value: (r) => r.detail },
];

/** What the mapping would load: the first contract rows of each file, and the rows it would reject. */
export function MappingPreviewView({
  tables,
  rejects,
  warnings,
}: {
  tables: readonly PreviewTable[];
  rejects: readonly PreviewReject[];
  warnings: readonly string[];
}) {
  return (
    <div className="mapping-preview" data-testid="mapping-preview">
      {warnings.map((w) => (
        <p key={w} className="form-problem">
          {w}
        </p>
      ))}
      <p>
        {tables.length} contract file{tables.length === 1 ? '' : 's'};{' '}
        {tables.reduce((n, t) => n + t.rejectedRows, 0).toLocaleString('en-US')} row(s) would be rejected by the mapping
        or the contract's row rules (keys that must exist are checked when it loads).
      </p>
      {tables.map((t) => (
        <TableScroll key={t.file} label={`Preview of ${t.file}`}>
          <table>
            <caption>
              {t.file}: {t.rowCount.toLocaleString('en-US')} rows, {t.rejectedRows.toLocaleString('en-US')} rejected
              (first {t.rows.length} shown)
            </caption>
            <thead>
              <tr>
                {t.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell || '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ))}
      {rejects.length > 0 && (
        <DataTable caption="Rows the mapping would reject" rows={rejects} columns={REJECT_COLUMNS} />
      )}
    </div>
  );
}

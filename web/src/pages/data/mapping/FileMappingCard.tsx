import { useId } from 'react';
import { TableScroll } from '../../../charts/TableScroll';
import {
  codedColumns,
  DATE_FORMATS,
  missingColumns,
  type DateFormat,
  type FileDraft,
  type SourceFile,
  type TargetColumn,
} from './draft';

export interface MappingTargetOption {
  target: string;
  columns: readonly TargetColumn[];
}

interface FileMappingCardProps {
  file: SourceFile;
  draft: FileDraft;
  targets: readonly MappingTargetOption[];
  onTarget: (target: string) => void;
  onColumn: (source: string, target: string) => void;
  onValue: (target: string, value: string, code: string) => void;
  onDateFormat: (format: DateFormat) => void;
}

const TARGET_LABELS: Record<string, string> = {
  group_attendance_report: 'group attendance report (derives groups, sessions, attendance)',
};

/** One uploaded file: what it becomes, each column's target, value maps for coded columns, its date format. */
export function FileMappingCard({
  file,
  draft,
  targets,
  onTarget,
  onColumn,
  onValue,
  onDateFormat,
}: FileMappingCardProps) {
  const ids = { target: useId(), dates: useId(), heading: useId() };
  const columns = targets.find((t) => t.target === draft.target)?.columns ?? [];
  const missing = draft.target === '' ? [] : missingColumns(draft, columns);
  const coded = draft.target === '' ? [] : codedColumns(draft, file.columns, columns);
  const hasDates = columns.some((c) => c.date && Object.values(draft.columns).includes(c.name));
  return (
    <section className="card mapping-file" aria-labelledby={ids.heading} data-testid="mapping-file">
      <h3 id={ids.heading} className="mapping-file__name">
        {file.fileName}
      </h3>
      {file.error ? (
        <p className="form-problem">This file could not be read: {file.error}</p>
      ) : (
        <>
          <div className="mapping-file__settings">
            <label htmlFor={ids.target}>Loads as</label>
            <select id={ids.target} value={draft.target} onChange={(e) => onTarget(e.target.value)}>
              <option value="">
                {file.contractKind ? `${file.contractKind} (already in the contract's shape)` : 'not loaded'}
              </option>
              {targets.map((t) => (
                <option key={t.target} value={t.target}>
                  {TARGET_LABELS[t.target] ?? t.target}
                </option>
              ))}
            </select>
            {hasDates && (
              <>
                <label htmlFor={ids.dates}>Dates are written as</label>
                <select
                  id={ids.dates}
                  value={draft.dateFormat}
                  onChange={(e) => onDateFormat(e.target.value as DateFormat)}
                >
                  {DATE_FORMATS.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </>
            )}
          </div>
          {missing.length > 0 && (
            <p className="form-problem" role="status">
              Still to map (required): {missing.join(', ')}
            </p>
          )}
          {draft.target !== '' && (
            <TableScroll label={`Columns of ${file.fileName}`}>
              <table>
                <caption>Columns of {file.fileName}</caption>
                <thead>
                  <tr>
                    <th scope="col">Column in the file</th>
                    <th scope="col">Sample values</th>
                    <th scope="col">Loads into</th>
                  </tr>
                </thead>
                <tbody>
                  {file.columns.map((column) => (
                    <tr key={column.name}>
                      <th scope="row">{column.name}</th>
                      <td className="mapping-file__samples">
                        {column.identifier
                          ? 'Not shown: a direct identifier, never loaded'
                          : column.samples.slice(0, 4).join(', ') || '—'}
                      </td>
                      <td>
                        <select
                          aria-label={`Target for ${column.name}`}
                          value={draft.columns[column.name] ?? ''}
                          disabled={column.identifier !== null}
                          onChange={(e) => onColumn(column.name, e.target.value)}
                        >
                          <option value="">(not loaded)</option>
                          {columns.map((c) => (
                            <option key={c.name} value={c.name}>
                              {c.name}
                              {c.required ? ' *' : ''}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {coded.map((c) => (
            <TableScroll key={c.target} label={`Codes of ${c.source} in ${file.fileName}`}>
              <table>
                <caption>
                  Codes of “{c.source}” → {c.target}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Value in the file</th>
                    <th scope="col">Means</th>
                  </tr>
                </thead>
                <tbody>
                  {c.values.map((value) => (
                    <tr key={value}>
                      <th scope="row">{value}</th>
                      <td>
                        <select
                          aria-label={`${c.target} for “${value}”`}
                          value={draft.values[c.target]?.[value] ?? ''}
                          onChange={(e) => onValue(c.target, value, e.target.value)}
                        >
                          <option value="">(as written)</option>
                          {c.codes.map((code) => (
                            <option key={code} value={code}>
                              {code}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ))}
        </>
      )}
    </section>
  );
}

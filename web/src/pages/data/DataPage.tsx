import { useMemo, useState } from 'react';
import { useRole } from '../../auth/useSession';
import { ChartFrame } from '../../charts/ChartFrame';
import { formatDate, formatDateTime } from '../../charts/format';
import { useDataFreshnessQuery } from '../../data/useDataFreshnessQuery';
import { LOADED_RECORDS_COLUMNS, toLoadedRecordsRows } from './loaded-records';
import { AuditLog } from './AuditLog';
import { LoadedRecordsChart } from './LoadedRecordsChart';
import { LoadHistory } from './LoadHistory';
import { LoadRejects } from './LoadRejects';
import { SavedMappingProfiles } from './mapping/SavedMappingProfiles';
import { UploadPanel } from './UploadPanel';

/** What the figures are computed from: rows and latest date of each export, and the last load. */
export default function DataPage() {
  const query = useDataFreshnessQuery();
  const rows = useMemo(() => toLoadedRecordsRows(query.data?.tables ?? []), [query.data]);
  const data = query.data;
  const nothingLoaded = rows.every((r) => r.rows === 0);
  const role = useRole();
  const [rejectsOf, setRejectsOf] = useState<number | null>(null);
  return (
    <section aria-labelledby="page-heading" className="page">
      {data && (
        <p>
          {nothingLoaded ? (
            "No data has been loaded yet. Load the program's exports to see figures."
          ) : (
            <>
              Figures are computed as of <strong>{formatDate(data.defaultAsOf)}</strong>, the latest date in the data,
              unless the filter bar chooses another as-of date.
            </>
          )}
          {data.lastSuccessfulLoadAt && <> Last successful load: {formatDateTime(data.lastSuccessfulLoadAt)}.</>}
        </p>
      )}
      <ChartFrame
        title="Loaded records"
        description="Rows of each export and its latest date"
        status={query}
        rows={nothingLoaded ? [] : rows}
        columns={LOADED_RECORDS_COLUMNS}
        emptyMessage="No records loaded."
      >
        <LoadedRecordsChart rows={rows} />
      </ChartFrame>
      {(role === null || role === 'director') && <UploadPanel />}
      {role === 'director' && <SavedMappingProfiles />}
      <LoadHistory selectedLoadId={rejectsOf} onSelect={setRejectsOf} />
      {rejectsOf !== null && <LoadRejects loadId={rejectsOf} />}
      {role === 'director' && <AuditLog />}
    </section>
  );
}

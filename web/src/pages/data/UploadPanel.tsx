import { useId, useState, type FormEvent } from 'react';
import type { Column } from '../../charts/columns';
import { DataTable } from '../../charts/DataTable';
import { formatCount } from '../../charts/format';
import { MappingScreen } from './mapping/MappingScreen';
import {
  describeOutcome,
  describeProgress,
  isUploadFinished,
  isWaitingForMapping,
  type UploadFileSummary,
} from './upload-client';
import { useUpload } from './useUpload';

const count = (v: unknown) => formatCount(typeof v === 'number' ? v : null);
const SUMMARY_COLUMNS: Column<UploadFileSummary>[] = [
  { label: 'File', value: (f) => f.fileName },
  { label: 'Kind', value: (f) => f.kind },
  { label: 'Status', value: (f) => f.status },
  { label: 'Read', value: (f) => f.read, numeric: true, format: count },
  { label: 'Inserted', value: (f) => f.inserted, numeric: true, format: count },
  { label: 'Updated', value: (f) => f.updated, numeric: true, format: count },
  { label: 'Unchanged', value: (f) => f.unchanged, numeric: true, format: count },
  { label: 'Rejected', value: (f) => f.rejected, numeric: true, format: count },
  { label: 'Message', value: (f) => f.message },
];

/** Directors load the program's CSV exports from here; the same loader as the command line. */
export function UploadPanel() {
  const [files, setFiles] = useState<File[]>([]);
  const { upload, sending, sendError, state, pollError, uploadId } = useUpload();
  const ids = { input: useId(), hint: useId(), progress: useId() };
  const running = sending || (state !== null && !isUploadFinished(state.status) && !isWaitingForMapping(state.status));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (files.length) upload(files);
  };

  return (
    <section className="card upload-panel" aria-labelledby="upload-heading" data-testid="upload-panel">
      <h2 id="upload-heading" className="chart-frame__title">
        Load new exports
      </h2>
      <form onSubmit={submit}>
        <label htmlFor={ids.input}>Export files (.csv, .csv.gz, .xlsx, FHIR .ndjson, or a .zip of them)</label>
        <p id={ids.hint} className="chart-frame__description">
          Choose one or more of the program's exports (sites, groups, participants, enrollments, sessions, attendance,
          feedback, sobriety), as CSV or as spreadsheets (the first sheet is read), or the .ndjson files of a FHIR bulk
          export. Rows already loaded are updated; nothing is deleted. Exports in your record system's own shape can be
          mapped onto these files on the next screen, once; later uploads of the same shape load by themselves.
        </p>
        <input
          id={ids.input}
          type="file"
          name="files"
          multiple
          accept=".csv,.gz,.xlsx,.ndjson,.zip,text/csv,application/gzip,application/zip,application/fhir+ndjson,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={ids.hint}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
        />
        <div>
          <button type="submit" className="button--primary" disabled={!files.length || running}>
            {running
              ? 'Loading…'
              : `Upload and load ${files.length || ''} file${files.length === 1 ? '' : 's'}`.replace('  ', ' ')}
          </button>
        </div>
      </form>
      {sendError && (
        <p role="alert" className="form-problem">
          {sendError.message}
        </p>
      )}
      {pollError && (
        <p role="alert" className="form-problem">
          {pollError.message}
        </p>
      )}
      {(sending || state) && (
        <div aria-live="polite">
          {sending && <p>Sending the files…</p>}
          {state && !isUploadFinished(state.status) && !isWaitingForMapping(state.status) && (
            <>
              <label htmlFor={ids.progress}>{describeProgress(state)}</label>
              <progress
                id={ids.progress}
                className="progress"
                value={state.progress.bytesTotal ? state.progress.bytesRead : undefined}
                max={state.progress.bytesTotal || undefined}
              />
            </>
          )}
          {state && isUploadFinished(state.status) && (
            <p className={`status-${state.status}`} data-testid="upload-outcome">
              {describeOutcome(state)}
              {state.error && ` ${state.error}`}
              {state.summary && ` (load ${state.summary.loadId})`}
              {state.profileName && ` Mapped by the profile “${state.profileName}”.`}
            </p>
          )}
          {state?.warnings.map((w) => (
            <p key={w} className="form-problem">
              {w}
            </p>
          ))}
        </div>
      )}
      {state && uploadId && isWaitingForMapping(state.status) && <MappingScreen key={uploadId} uploadId={uploadId} />}
      {state?.summary && (
        <DataTable caption="What each file did" rows={state.summary.files} columns={SUMMARY_COLUMNS} />
      )}
    </section>
  );
}

import { useState } from 'react';
import { downloadPath, reportFileName, type ReportFilter } from './report-shape';
import { downloadReport } from './report-download';

const FORMATS = [
  { format: 'pdf', label: 'Download PDF' },
  { format: 'csv', label: 'Download CSV' },
] as const;

/** The same report as files, for the same period and sites as the page. */
export function ReportDownloads({ filter }: { filter: ReportFilter }) {
  const [busy, setBusy] = useState<'pdf' | 'csv' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = (format: 'pdf' | 'csv') => {
    setBusy(format);
    setError(null);
    downloadReport(downloadPath(format, filter), reportFileName(filter, format))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(null));
  };
  return (
    <div className="report-downloads">
      {FORMATS.map(({ format, label }) => (
        <button
          key={format}
          type="button"
          data-testid={`report-download-${format}`}
          data-href={downloadPath(format, filter)}
          disabled={busy !== null}
          aria-busy={busy === format}
          onClick={() => download(format)}
        >
          {busy === format ? 'Preparing…' : label}
        </button>
      ))}
      <button type="button" onClick={() => window.print()}>
        Print
      </button>
      {error && (
        <p role="alert" className="report-downloads__error">
          Could not download the report: {error}
        </p>
      )}
    </div>
  );
}

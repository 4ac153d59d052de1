import { useState } from 'react';
import { downloadReport } from './report-download';

export interface DownloadableFile {
  format: string;
  label: string;
  path: string;
  fileName: string;
  testId: string;
}

/** One button a file, then Print; a failed download says why beside the buttons. */
export function FileDownloads({ files, what }: { files: readonly DownloadableFile[]; what: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = (file: DownloadableFile) => {
    setBusy(file.format);
    setError(null);
    downloadReport(file.path, file.fileName)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(null));
  };
  return (
    <div className="report-downloads">
      {files.map((file) => (
        <button
          key={file.format}
          type="button"
          data-testid={file.testId}
          data-href={file.path}
          disabled={busy !== null}
          aria-busy={busy === file.format}
          onClick={() => download(file)}
        >
          {busy === file.format ? 'Preparing…' : file.label}
        </button>
      ))}
      <button type="button" onClick={() => window.print()}>
        Print
      </button>
      {error && (
        <p role="alert" className="report-downloads__error">
          Could not download the {what}: {error}
        </p>
      )}
    </div>
  );
}

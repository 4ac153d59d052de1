import { useEffect, useRef, useState } from 'react';
import { downloadBlob } from '../charts/download';
import { useRoute } from '../routing/useRoute';
import { usePageCsvFiles } from './page-csv';
import { zipCsvs } from './zip-csvs';
import './page-tools.css';

/** How long "Link copied" stays before the status clears (it is announced once, polite). */
const STATUS_MS = 4000;

/**
 * Above every page: copy the link of this exact view (the URL holds filters, drill-down and list
 * state) and download every chart's CSV of the page as one zip.
 */
export function PageToolbar({ pageId }: { pageId: string }) {
  const files = usePageCsvFiles();
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const say = (text: string) => {
    setStatus(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      say('Link copied');
    } catch {
      say('Could not copy the link: copy it from the address bar.');
    }
  };
  const downloadAll = () => {
    const zip = zipCsvs(files);
    downloadBlob(`${pageId}_all-csv.zip`, new Blob([zip as BlobPart], { type: 'application/zip' }));
    say(`Downloaded ${files.length} CSV file${files.length === 1 ? '' : 's'} in one zip`);
  };

  return (
    <div className="page-toolbar" role="group" aria-label="Page tools" data-testid="page-toolbar">
      <button type="button" onClick={() => void copyLink()}>
        Copy link
      </button>
      <button type="button" onClick={downloadAll} disabled={files.length === 0}>
        Download all ({files.length} CSV{files.length === 1 ? '' : 's'})
      </button>
      <p className="page-toolbar__status" aria-live="polite" data-testid="page-toolbar-status">
        {status}
      </p>
    </div>
  );
}

/** On paper the filter bar is hidden: the view's address says what the page shows. */
export function PrintedViewAddress() {
  const { path, search } = useRoute();
  return <p className="print-only">View: {window.location.origin + path + search}</p>;
}

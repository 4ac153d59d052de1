import { downloadPath, reportFileName, type ReportFilter } from './report-shape';
import { FileDownloads } from './FileDownloads';

/** The same report as files, for the same period and sites as the page. */
export function ReportDownloads({ filter }: { filter: ReportFilter }) {
  const files = (['pdf', 'csv'] as const).map((format) => ({
    format,
    label: `Download ${format.toUpperCase()}`,
    path: downloadPath(format, filter),
    fileName: reportFileName(filter, format),
    testId: `report-download-${format}`,
  }));
  return <FileDownloads files={files} what="report" />;
}

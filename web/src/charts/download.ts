/** A BOM makes Excel read a CSV as UTF-8 (site names with accents). */
export const CSV_BOM = '\uFEFF';

/** Saves text as a file through the browser's download flow. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([CSV_BOM, text], { type }));
}

/** Saves any content (a zip of CSVs) through the browser's download flow. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; a tick later is enough.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "retention-curve_2024-07-01_2025-06-30.csv": file names that say what and when. */
export function csvFileName(base: string, scope: { from: string; to: string } | null): string {
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return scope ? `${slug}_${scope.from}_${scope.to}.csv` : `${slug}.csv`;
}

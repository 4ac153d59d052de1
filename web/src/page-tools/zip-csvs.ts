import { strToU8, zipSync } from 'fflate';
import type { PageCsv } from './page-csv';
import { CSV_BOM } from '../charts/download';

/**
 * One zip of the page's CSVs, each byte for byte the file its own button downloads (with the
 * same BOM). Two charts with one file name get "-2", "-3"… so that none is lost.
 */
export function zipCsvs(files: readonly PageCsv[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) {
    let name = file.fileName;
    for (let i = 2; name in entries; i++) name = file.fileName.replace(/(\.csv)?$/, `-${i}$1`);
    entries[name] = strToU8(CSV_BOM + file.text());
  }
  // Level 6 deflate: CSVs shrink to a fifth; the date is fixed so one view gives one file.
  return zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

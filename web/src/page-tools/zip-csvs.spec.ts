import { unzipSync } from 'fflate';
import { zipCsvs } from './zip-csvs';

test('zips every CSV with its BOM under its own name, numbering a repeated name', () => {
  const zip = zipCsvs([
    { fileName: 'retention_2025-01-01_2025-03-31.csv', text: () => 'a,b\n1,2\n' },
    { fileName: 'retention_2025-01-01_2025-03-31.csv', text: () => 'c\n3\n' },
    { fileName: 'sessions.csv', text: () => 'site\nNorð\n' },
  ]);
  const files = unzipSync(zip);
  expect(Object.keys(files)).toEqual([
    'retention_2025-01-01_2025-03-31.csv',
    'retention_2025-01-01_2025-03-31-2.csv',
    'sessions.csv',
  ]);
  // Byte for byte what a chart's own button saves: the UTF-8 BOM, then the text.
  const bom = [0xef, 0xbb, 0xbf];
  expect([...files['sessions.csv']]).toEqual([...bom, ...new TextEncoder().encode('site\nNorð\n')]);
  expect([...files['retention_2025-01-01_2025-03-31-2.csv']]).toEqual([...bom, ...new TextEncoder().encode('c\n3\n')]);
});

import { toCsv } from '../../charts/csv';
import { LOADED_RECORDS_COLUMNS, toLoadedRecordsRows } from './loaded-records';

describe('loaded records', () => {
  test.each([
    ['a known kind gets its reader name', 'enrollments', 'Treatment episodes'],
    ['an unknown kind is shown as is', 'load_runs', 'load_runs'],
  ])('%s', (_name, kind, label) => {
    expect(toLoadedRecordsRows([{ kind, rows: 3, latestDate: null }])[0].label).toBe(label);
  });

  it('exports the served counts and dates unformatted', () => {
    const rows = toLoadedRecordsRows([{ kind: 'attendance', rows: 12345, latestDate: '2025-06-30' }]);
    expect(toCsv(rows, LOADED_RECORDS_COLUMNS)).toBe(
      'Export,Kind,Rows,Latest date\r\nAttendance records,attendance,12345,2025-06-30\r\n',
    );
  });
});

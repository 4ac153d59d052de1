import { parseDate } from './dates';

describe('parseDate', () => {
  test.each([
    // ISO
    ['2025-02-01', '2025-02-01'],
    [' 2025-02-01 ', '2025-02-01'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['1900-01-01', '1900-01-01'],
    ['2100-12-31', '2100-12-31'],
    // US month/day/year, one or two digits
    ['2/1/2025', '2025-02-01'],
    ['02/01/2025', '2025-02-01'],
    ['12/31/2025', '2025-12-31'],
    ['1/15/2025', '2025-01-15'],
    ['2/29/2024', '2024-02-29'],
    ['10/5/2025', '2025-10-05'],
  ])('accepts %j as %s', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ value: iso });
  });

  test.each([
    ['2025-02-30', 'is not a real calendar date'],
    ['2025-02-29', 'is not a real calendar date'],
    ['1900-02-29', 'is not a real calendar date'],
    ['2025-13-01', 'is not a real calendar date'],
    ['2025-00-10', 'is not a real calendar date'],
    ['2025-04-31', 'is not a real calendar date'],
    ['2/30/2025', 'is not a real calendar date'],
    ['0/10/2025', 'is not a real calendar date'],
    ['13/1/2025', 'is not a real calendar date (dates with slashes are read as month/day/year)'],
    ['31/12/2025', 'is not a real calendar date (dates with slashes are read as month/day/year)'],
    ['1/5/25', 'has a two-digit year; write the year in full (M/D/YYYY)'],
    ['1899-12-31', 'is outside the years 1900 to 2100'],
    ['0202-01-05', 'is outside the years 1900 to 2100'],
    ['2205-01-05', 'is outside the years 1900 to 2100'],
    ['2025-02-01T10:00:00', 'includes a time of day; give the date only (YYYY-MM-DD or M/D/YYYY)'],
    ['2025-02-01 00:00', 'includes a time of day; give the date only (YYYY-MM-DD or M/D/YYYY)'],
    ['2/1/2025 0:00', 'includes a time of day; give the date only (YYYY-MM-DD or M/D/YYYY)'],
    ['2025-2-1', 'is not a date in the form YYYY-MM-DD or M/D/YYYY'],
    ['2025/02/01', 'is not a date in the form YYYY-MM-DD or M/D/YYYY'],
    ['01.02.2025', 'is not a date in the form YYYY-MM-DD or M/D/YYYY'],
    ['2-1-2025', 'is not a date in the form YYYY-MM-DD or M/D/YYYY'],
    ['Feb 1 2025', 'is not a date in the form YYYY-MM-DD or M/D/YYYY'],
    ['123/1/2025', 'is not a date in the form YYYY-MM-DD or M/D/YYYY'],
    ['1/1/20255', 'is not a date in the form YYYY-MM-DD or M/D/YYYY'],
    ['2025-0a-01', 'is not a date in the form YYYY-MM-DD or M/D/YYYY'],
    ['45678', 'is not a date in the form YYYY-MM-DD or M/D/YYYY'],
    ['', 'is empty'],
  ])('refuses %j', (raw, reason) => {
    expect(parseDate(raw)).toEqual({ error: reason });
  });
});

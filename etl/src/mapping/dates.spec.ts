import { dateFormatsFitting, toIsoDate } from './dates';

describe('toIsoDate', () => {
  it.each([
    ['3/4/25', 'm/d/yy', '2025-03-04'],
    ['12/31/69', 'm/d/yy', '2069-12-31'],
    ['1/2/70', 'm/d/yy', '1970-01-02'],
    ['3/4/2025', 'm/d/yyyy', '2025-03-04'],
    ['4.3.2025', 'd.m.yyyy', '2025-03-04'],
    ['2025-3-4', 'iso', '2025-03-04'],
    // Excel's 1900 system: serial 45720 is 2025-03-04 (=DATE(2025,3,4) in a spreadsheet).
    ['45720', 'serial', '2025-03-04'],
    ['1', 'serial', '1899-12-31'],
    // A workbook's date cells arrive as ISO whatever the text dates are.
    ['2025-03-04', 'm/d/yy', '2025-03-04'],
    ['3/4/25 0:00', 'm/d/yy', '2025-03-04'],
    ['', 'm/d/yy', ''],
  ] as const)('%s read as %s is %s', (raw, format, iso) => {
    expect(toIsoDate(raw, format)).toBe(iso);
  });

  it.each([
    ['3/4/2025', 'm/d/yy'],
    ['3/4/25', 'm/d/yyyy'],
    ['4.3.2025', 'm/d/yyyy'],
    ['March 4', 'iso'],
    ['45720.5', 'serial'],
    ['3/4/25 14:30', 'm/d/yy'],
  ] as const)('%s is not a date as %s', (raw, format) => {
    expect(toIsoDate(raw, format)).toBeNull();
  });
});

describe('dateFormatsFitting', () => {
  it('tells two-digit years from four', () => {
    expect(dateFormatsFitting(['3/4/25', '12/31/25'])[0]).toBe('m/d/yy');
    expect(dateFormatsFitting(['3/4/2025', '12/31/2025'])[0]).toBe('m/d/yyyy');
    expect(dateFormatsFitting(['31.12.2025'])[0]).toBe('d.m.yyyy');
    expect(dateFormatsFitting(['45720', '45721'])).toEqual(['serial']);
    expect(dateFormatsFitting(['P', 'A'])).toEqual([]);
  });
});

import { formatIsoDay, IsoDayCache, parseIsoDay, programHolidays, weekdayOf, WEEKDAY } from './calendar';

describe('calendar', () => {
  it('parses and formats YYYY-MM-DD round trip', () => {
    expect(parseIsoDay('1970-01-01')).toBe(0);
    expect(formatIsoDay(parseIsoDay('2026-10-31'))).toBe('2026-10-31');
    expect(formatIsoDay(parseIsoDay('2024-02-29'))).toBe('2024-02-29');
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '26-10-31', '2026-10-31T00:00', '10/31/2026', ''])(
    'refuses %p',
    (text) => {
      expect(() => parseIsoDay(text)).toThrow();
    },
  );

  it('knows the weekday', () => {
    expect(weekdayOf(parseIsoDay('2026-10-31'))).toBe(WEEKDAY.saturday);
    expect(weekdayOf(parseIsoDay('2026-11-02'))).toBe(WEEKDAY.monday);
    expect(weekdayOf(parseIsoDay('1969-12-28'))).toBe(WEEKDAY.sunday);
  });

  it('lists the program holidays of the years covered', () => {
    const holidays = [...programHolidays(parseIsoDay('2025-11-01'), parseIsoDay('2026-10-31'))]
      .map(formatIsoDay)
      .sort();
    for (const day of ['2025-11-27', '2025-12-25', '2026-01-01', '2026-05-25', '2026-07-04', '2026-09-07'])
      expect(holidays).toContain(day);
  });

  it('caches formatted days and falls back outside its range', () => {
    const cache = new IsoDayCache(parseIsoDay('2026-01-01'), parseIsoDay('2026-01-31'));
    expect(cache.format(parseIsoDay('2026-01-15'))).toBe('2026-01-15');
    expect(cache.format(parseIsoDay('2026-03-01'))).toBe('2026-03-01');
  });
});

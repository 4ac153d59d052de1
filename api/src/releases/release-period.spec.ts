import { calendarPeriod, CalendarPeriod, periodName, previousPeriod } from './release-period';

const period = (kind: CalendarPeriod['kind'], from: string) => calendarPeriod(kind, from) as CalendarPeriod;

describe('calendar periods of releases', () => {
  it('ends each kind on its last calendar day, leap years included', () => {
    expect(period('month', '2024-02-01').to).toBe('2024-02-29');
    expect(period('month', '2025-02-01').to).toBe('2025-02-28');
    expect(period('quarter', '2026-10-01').to).toBe('2026-12-31');
    expect(period('half', '2026-07-01').to).toBe('2026-12-31');
    expect(period('year', '2026-01-01').to).toBe('2026-12-31');
  });

  it('refuses a period that is not aligned to the calendar, saying where it may start', () => {
    expect(calendarPeriod('quarter', '2026-02-01')).toBe(
      'a quarter starts on the first day of January, April, July, October (got 2026-02-01)',
    );
    expect(calendarPeriod('month', '2026-03-02')).toMatch(/^a month starts on the first day of January/);
    expect(calendarPeriod('year', '2026-07-01')).toBe('a year starts on the first day of January (got 2026-07-01)');
  });

  it('goes back one period of the same kind, across the year', () => {
    expect(previousPeriod(period('quarter', '2026-01-01'))).toEqual({
      kind: 'quarter',
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriod(period('month', '2026-03-01')).to).toBe('2026-02-28');
    expect(previousPeriod(period('half', '2026-01-01')).from).toBe('2025-07-01');
    expect(previousPeriod(period('year', '2026-01-01')).from).toBe('2025-01-01');
  });

  it('names periods as funders read them', () => {
    expect(periodName(period('quarter', '2026-04-01'))).toBe('Q2 2026');
    expect(periodName(period('month', '2026-03-01'))).toBe('March 2026');
    expect(periodName(period('half', '2026-07-01'))).toBe('H2 2026');
    expect(periodName(period('year', '2026-01-01'))).toBe('2026');
  });
});

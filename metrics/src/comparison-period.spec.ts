import { calendarPeriodKind, comparisonWindow } from './comparison-period';

describe('comparisonWindow', () => {
  it('takes the same number of days just before by default (Q1 against 3 Oct – 31 Dec)', () => {
    // Q1 2025 has 90 days: 90 days before 1 Jan 2025 is 3 Oct 2024.
    expect(comparisonWindow('2025-01-01', '2025-03-31')).toMatchObject({ from: '2024-10-03', to: '2024-12-31' });
  });

  it('takes the previous quarter, month, half-year or year of a whole calendar period', () => {
    expect(comparisonWindow('2025-04-01', '2025-06-30', 'calendar')).toMatchObject({
      from: '2025-01-01',
      to: '2025-03-31',
      description: 'the previous quarter',
    });
    expect(comparisonWindow('2025-03-01', '2025-03-31', 'calendar')).toMatchObject({
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(comparisonWindow('2025-07-01', '2025-12-31', 'calendar')).toMatchObject({
      from: '2025-01-01',
      to: '2025-06-30',
    });
    expect(comparisonWindow('2025-01-01', '2025-12-31', 'calendar')).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
    });
  });

  it('falls back to the same length when the period is not a whole calendar period, and says so', () => {
    const w = comparisonWindow('2025-04-01', '2025-05-15', 'calendar');
    expect(w).toMatchObject({ from: '2025-02-15', to: '2025-03-31' });
    expect(w.description).toContain('not a whole calendar');
  });

  it('takes the same dates a year earlier, 29 February becoming 28 February', () => {
    expect(comparisonWindow('2024-02-01', '2024-02-29', 'yearEarlier')).toMatchObject({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(comparisonWindow('2025-11-01', '2026-10-31', 'yearEarlier')).toMatchObject({
      from: '2024-11-01',
      to: '2025-10-31',
    });
  });
});

describe('calendarPeriodKind', () => {
  it('names only periods that start and end on calendar boundaries', () => {
    expect(calendarPeriodKind('2025-02-01', '2025-04-30')).toBeNull(); // three months, not a quarter
    expect(calendarPeriodKind('2025-01-02', '2025-01-31')).toBeNull();
    expect(calendarPeriodKind('2024-02-01', '2024-02-29')?.name).toBe('the previous month');
  });
});

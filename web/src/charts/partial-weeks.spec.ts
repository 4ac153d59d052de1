import type { Figure } from './figures';
import { drawnWeeks, partialWeeks, partialWeekTitle } from './partial-weeks';

const fig = (category: string): Figure => ({
  category,
  series: 'total',
  seriesLabel: 'All',
  value: 1,
  lower: 0.44,
  upper: 1,
  numerator: 3,
  n: 3,
});

describe('partial weeks', () => {
  const partial = partialWeeks([
    { weekStart: '2024-12-30', partial: true },
    { weekStart: '2025-01-06', partial: false },
  ]);

  it('leaves the cut weeks out of the lines unless asked', () => {
    const figures = [fig('2024-12-30'), fig('2025-01-06')];
    expect(drawnWeeks(figures, partial, false).map((f) => f.category)).toEqual(['2025-01-06']);
    expect(drawnWeeks(figures, partial, true).map((f) => f.category)).toEqual(['2024-12-30', '2025-01-06']);
  });

  it('says so in the week title', () => {
    expect(partialWeekTitle(partial)('2024-12-30')).toMatch(/\(partial week\)$/);
    expect(partialWeekTitle(partial)('2025-01-06')).not.toMatch(/partial/);
  });
});

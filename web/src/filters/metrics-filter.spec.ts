import { DEFAULT_FILTERS, type FilterState } from './filter-state';
import { previousPeriodFilter, resolvePeriod, toMetricsFilter } from './metrics-filter';

const state = (overrides: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...overrides });

describe('resolvePeriod counts back from as_of, both ends inclusive', () => {
  test.each<[FilterState['period'], string, string, string]>([
    ['last30', '2025-03-31', '2025-03-02', '2025-03-31'],
    ['last90', '2025-03-31', '2025-01-01', '2025-03-31'],
    ['quarter', '2025-05-15', '2025-04-01', '2025-05-15'],
    ['quarter', '2025-01-01', '2025-01-01', '2025-01-01'],
    ['year', '2025-12-31', '2025-01-01', '2025-12-31'],
    ['year', '2024-12-31', '2024-01-02', '2024-12-31'],
    ['lastMonth', '2025-03-15', '2025-02-01', '2025-02-28'],
    ['lastMonth', '2025-03-31', '2025-03-01', '2025-03-31'],
    ['lastQuarter', '2025-05-15', '2025-01-01', '2025-03-31'],
    ['lastQuarter', '2025-01-10', '2024-10-01', '2024-12-31'],
    ['lastQuarter', '2025-06-30', '2025-04-01', '2025-06-30'],
    ['lastYear', '2026-12-07', '2025-01-01', '2025-12-31'],
    ['lastYear', '2025-12-31', '2025-01-01', '2025-12-31'],
  ])('%s to %s is %s … %s', (period, asOf, from, to) => {
    expect(resolvePeriod(state({ period }), asOf)).toEqual({ from, to });
  });

  it('uses the chosen dates for a custom period', () => {
    expect(resolvePeriod(state({ period: 'custom', from: '2024-01-01', to: '2024-06-30' }), '2025-01-01')).toEqual({
      from: '2024-01-01',
      to: '2024-06-30',
    });
  });
});

describe('toMetricsFilter', () => {
  it('waits while as_of is unknown', () => {
    expect(toMetricsFilter(DEFAULT_FILTERS, null)).toBeNull();
  });

  test.each<[string, FilterState, string | null, object]>([
    [
      'defaults: all sites and types, the API as-of',
      DEFAULT_FILTERS,
      '2025-06-30',
      { from: '2024-07-01', to: '2025-06-30', asOf: '2025-06-30', siteIds: null, groupTypes: null },
    ],
    [
      'a chosen as-of wins over the API default',
      state({ period: 'last30', asOf: '2025-01-30' }),
      '2025-06-30',
      { from: '2025-01-01', to: '2025-01-30', asOf: '2025-01-30', siteIds: null, groupTypes: null },
    ],
    [
      'sites are sorted and types passed through',
      state({ siteIds: ['b', 'a'], groupTypes: ['skills'] }),
      '2025-06-30',
      { from: '2024-07-01', to: '2025-06-30', asOf: '2025-06-30', siteIds: ['a', 'b'], groupTypes: ['skills'] },
    ],
  ])('%s', (_name, filters, defaultAsOf, expected) => {
    expect(toMetricsFilter(filters, defaultAsOf)).toEqual(expected);
  });
});

describe('previousPeriodFilter', () => {
  const base = { asOf: '2025-06-30', siteIds: ['a'], groupTypes: null };
  test.each([
    ['a 30-day period', '2025-06-01', '2025-06-30', '2025-05-02', '2025-05-31'],
    ['one day', '2025-03-01', '2025-03-01', '2025-02-28', '2025-02-28'],
    ['a year across a leap day', '2024-01-01', '2024-12-31', '2022-12-31', '2023-12-31'],
  ])('%s', (_name, from, to, previousFrom, previousTo) => {
    expect(previousPeriodFilter({ ...base, from, to })).toEqual({ ...base, from: previousFrom, to: previousTo });
  });
});

describe('previousPeriodFilter by the chosen comparison', () => {
  const base = { asOf: '2025-06-30', siteIds: null, groupTypes: null };
  it('takes the previous quarter of a whole quarter, and the same dates a year earlier', () => {
    const q2 = { ...base, from: '2025-04-01', to: '2025-06-30' };
    expect(previousPeriodFilter(q2, 'calendar')).toEqual({ ...base, from: '2025-01-01', to: '2025-03-31' });
    expect(previousPeriodFilter(q2, 'yearEarlier')).toEqual({ ...base, from: '2024-04-01', to: '2024-06-30' });
    expect(previousPeriodFilter(q2, 'sameLength')).toEqual({ ...base, from: '2024-12-31', to: '2025-03-31' });
  });
});

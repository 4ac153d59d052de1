import { DEFAULT_FILTERS, parseFilters, serializeFilters, type FilterState } from './filter-state';

const state = (overrides: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...overrides });

describe('parseFilters', () => {
  test.each<[string, string, FilterState]>([
    ['an empty query string gives the defaults', '', DEFAULT_FILTERS],
    ['a preset period is read', '?period=last30', state({ period: 'last30' })],
    ['an unknown period falls back to the default', '?period=decade', DEFAULT_FILTERS],
    [
      'a custom period keeps both ends',
      '?period=custom&from=2025-01-01&to=2025-03-31',
      state({ period: 'custom', from: '2025-01-01', to: '2025-03-31' }),
    ],
    ['a custom period missing an end falls back', '?period=custom&from=2025-01-01', DEFAULT_FILTERS],
    ['a custom period with from after to falls back', '?period=custom&from=2025-04-01&to=2025-03-31', DEFAULT_FILTERS],
    ['an impossible date falls back', '?period=custom&from=2025-02-30&to=2025-03-31', DEFAULT_FILTERS],
    ['from/to without the custom period are ignored', '?from=2025-01-01&to=2025-03-31', DEFAULT_FILTERS],
    ['sites are split, trimmed and de-duplicated', '?sites=b, a,,b', state({ siteIds: ['b', 'a'] })],
    ['an over-long site id is dropped', `?sites=a,${'x'.repeat(65)}`, state({ siteIds: ['a'] })],
    ['group types keep the canonical order', '?types=family,skills', state({ groupTypes: ['skills', 'family'] })],
    ['unknown group types are dropped', '?types=skills,yoga,SKILLS', state({ groupTypes: ['skills'] })],
    ['a valid as-of is read', '?asOf=2025-06-30', state({ asOf: '2025-06-30' })],
    ['an invalid as-of falls back to the API default', '?asOf=yesterday', DEFAULT_FILTERS],
    ['a malformed query string does not throw', '?%E0%A4%A=1&period=%', DEFAULT_FILTERS],
  ])('%s', (_name, search, expected) => {
    expect(parseFilters(search)).toEqual(expected);
  });
});

describe('serializeFilters', () => {
  test.each<[string, FilterState, string]>([
    ['the defaults give an empty query string', DEFAULT_FILTERS, ''],
    ['a preset is written by name', state({ period: 'quarter' }), '?period=quarter'],
    [
      'a custom period writes both ends',
      state({ period: 'custom', from: '2025-01-01', to: '2025-03-31' }),
      '?period=custom&from=2025-01-01&to=2025-03-31',
    ],
    [
      'from/to are left out for a preset',
      state({ period: 'last30', from: '2025-01-01', to: '2025-03-31' }),
      '?period=last30',
    ],
    ['sites are sorted, so one view has one URL', state({ siteIds: ['s2', 's1'] }), '?sites=s1,s2'],
    [
      'group types are written in canonical order',
      state({ groupTypes: ['family', 'process'] }),
      '?types=process,family',
    ],
    ['as-of is written when chosen', state({ asOf: '2025-06-30' }), '?asOf=2025-06-30'],
  ])('%s', (_name, filters, expected) => {
    expect(serializeFilters(filters)).toBe(expected);
  });

  it('keeps parameters that are not filters', () => {
    expect(serializeFilters(state({ period: 'last30' }), '?episode=42&period=year')).toBe('?episode=42&period=last30');
  });

  test.each<[string, FilterState]>([
    ['defaults', DEFAULT_FILTERS],
    [
      'everything set',
      state({
        period: 'custom',
        from: '2024-10-01',
        to: '2024-12-31',
        siteIds: ['a', 'b'],
        groupTypes: ['skills'],
        asOf: '2025-01-15',
      }),
    ],
    ['site ids needing escapes', state({ siteIds: ['north & east', 'süd'] })],
  ])('parse(serialize(x)) = x: %s', (_name, filters) => {
    expect(parseFilters(serializeFilters(filters))).toEqual(filters);
  });
});

describe('the comparison in the URL', () => {
  it('reads a known comparison and falls back to the same length otherwise', () => {
    expect(parseFilters('?compare=yearEarlier').compare).toBe('yearEarlier');
    expect(parseFilters('?compare=calendar').compare).toBe('calendar');
    expect(parseFilters('?compare=lastWeek').compare).toBe('sameLength');
  });

  it('writes it only when not the default', () => {
    expect(serializeFilters({ ...DEFAULT_FILTERS, compare: 'calendar', period: 'lastQuarter' })).toBe(
      '?period=lastQuarter&compare=calendar',
    );
    expect(serializeFilters(DEFAULT_FILTERS)).toBe('');
  });
});

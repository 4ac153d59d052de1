import { describeFilters } from './audit-log-shape';

describe('describeFilters', () => {
  test.each([
    ['{}', 'none'],
    ['{"filter":{"from":"2025-01-01","to":"2025-03-31"}}', 'from 2025-01-01; to 2025-03-31'],
    ['{"f":{"siteIds":["S1","S2"],"groupTypes":["skills"]}}', 'siteIds S1, S2; groupTypes skills'],
    ['{"limit":100,"filter":null}', 'limit 100'],
    ['not json', 'not json'],
  ])('%s reads "%s"', (json, words) => {
    expect(describeFilters(json)).toBe(words);
  });
});

import { homePathFor, pagesForRole } from './pages';

describe('pages by role', () => {
  test.each([
    [
      'director',
      ['overview', 'retention', 'attendance', 'sobriety', 'feedback', 'groups', 'at-risk', 'data', 'report'],
    ],
    ['quality', ['overview', 'retention', 'attendance', 'sobriety', 'feedback', 'groups', 'data', 'report']],
    ['funder', ['report']],
  ] as const)('a %s sees %j', (role, ids) => {
    expect(pagesForRole(role).map((p) => p.id)).toEqual(ids);
  });

  it('shows every page on a server without sign-in', () => {
    expect(pagesForRole(null)).toHaveLength(9);
  });

  test.each([
    ['director', '/'],
    ['quality', '/'],
    ['funder', '/report'],
  ] as const)('a %s starts on %s', (role, path) => {
    expect(homePathFor(role)).toBe(path);
  });
});

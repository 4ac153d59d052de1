import { homePathFor, pagesForRole } from './pages';

describe('pages by role', () => {
  test.each([
    [
      'director',
      [
        'overview',
        'retention',
        'attendance',
        'sobriety',
        'feedback',
        'groups',
        'at-risk',
        'data',
        'report',
        'releases',
      ],
    ],
    [
      'quality',
      ['overview', 'retention', 'attendance', 'sobriety', 'feedback', 'groups', 'data', 'report', 'releases'],
    ],
    ['funder', ['releases']],
  ] as const)('a %s sees %j', (role, ids) => {
    expect(pagesForRole(role).map((p) => p.id)).toEqual(ids);
  });

  it('shows every page on a server without sign-in', () => {
    expect(pagesForRole(null)).toHaveLength(10);
  });

  test.each([
    ['director', '/'],
    ['quality', '/'],
    ['funder', '/releases'],
  ] as const)('a %s starts on %s', (role, path) => {
    expect(homePathFor(role)).toBe(path);
  });
});

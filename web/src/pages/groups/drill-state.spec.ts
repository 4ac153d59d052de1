import { drillSearch, parseDrill, type DrillState } from './drill-state';

describe('parseDrill', () => {
  test.each<[string, string, DrillState]>([
    ['no parameters: every group type', '', { groupType: null, groupId: null }],
    ['a group type', '?groupType=skills', { groupType: 'skills', groupId: null }],
    ['a group of a type', '?groupType=skills&group=G-1', { groupType: 'skills', groupId: 'G-1' }],
    ['an unknown type opens the top level', '?groupType=yoga&group=G-1', { groupType: null, groupId: null }],
    ['a group without its type opens the top level', '?group=G-1', { groupType: null, groupId: null }],
    [
      'an over-long group id is ignored',
      `?groupType=family&group=${'x'.repeat(65)}`,
      { groupType: 'family', groupId: null },
    ],
  ])('%s', (_name, search, state) => {
    expect(parseDrill(search)).toEqual(state);
  });
});

describe('drillSearch', () => {
  test.each<[string, string, DrillState, string]>([
    [
      'keeps the filters',
      '?period=last30',
      { groupType: 'process', groupId: null },
      '?period=last30&groupType=process',
    ],
    [
      'replaces an earlier drill',
      '?groupType=skills&group=A',
      { groupType: 'family', groupId: 'B' },
      '?groupType=family&group=B',
    ],
    [
      'climbs back to the top',
      '?types=skills,process&groupType=skills',
      { groupType: null, groupId: null },
      '?types=skills,process',
    ],
    ['escapes a group id', '', { groupType: 'skills', groupId: 'a&b' }, '?groupType=skills&group=a%26b'],
  ])('%s', (_name, search, state, expected) => {
    expect(drillSearch(search, state)).toBe(expected);
  });

  it('round-trips through parseDrill', () => {
    const state: DrillState = { groupType: 'trauma_informed', groupId: 'north/1 & 2' };
    expect(parseDrill(drillSearch('?period=year', state))).toEqual(state);
  });
});

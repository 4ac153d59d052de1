import { describeFunnel, outliers, type FunnelGroupRow } from './funnel-shape';

const group = (groupId: string, proportion: number, position: string): FunnelGroupRow => ({
  groupId,
  groupName: groupId,
  groupType: 'skills',
  siteId: 'S1',
  k: 1,
  n: 10,
  proportion,
  lower998: 0.3,
  lower95: 0.4,
  upper95: 0.8,
  upper998: 0.9,
  position: position as FunnelGroupRow['position'],
});

describe('funnel shapes', () => {
  it('lists the groups outside the 99.8% limits, furthest first', () => {
    const groups = [group('A', 0.5, 'within'), group('B', 0.95, 'above'), group('C', 0.1, 'below')];
    expect(outliers(groups).map((g) => g.groupId)).toEqual(['C', 'B']);
    expect(describeFunnel(0.6, groups)).toMatch(/2 groups outside the 99.8% limits/);
    expect(describeFunnel(null, [])).toMatch(/No groups/);
  });
});

import type { OutcomeFigure, OutcomeSurvivalCurve } from '../../outcome-report/outcome-report.model';
import type { GroupType } from '../../filters';
import { dayTicks, kmChartLayout, kmSeries, stepVertices } from './km-chart-layout';

const point = (days: number, survival: number) => ({ days, atRisk: 20, survival, lower: null, upper: null });
const curve = (groupType: string | null, points: ReturnType<typeof point>[]): OutcomeSurvivalCurve => ({
  groupType: groupType as GroupType | null,
  points,
});
const fig = (measure: string, groupType: string | null, value: number | null, suppressed = false): OutcomeFigure => ({
  section: 'retention',
  measure,
  label: measure,
  unit: measure === 'episodes' ? 'count' : 'survival',
  groupType: groupType as GroupType | null,
  period: 'current',
  value,
  lower: null,
  upper: null,
  n: suppressed ? null : 20,
  suppressed,
});

describe('kmSeries', () => {
  it.each([
    [
      'starts at day 0 and runs flat to the last shown milestone',
      [curve(null, [point(10, 0.9), point(20, 0.8)])],
      [
        fig('episodes', null, 40),
        fig('retained_30d', null, 0.8),
        fig('retained_60d', null, 0.8),
        fig('retained_90d', null, null, true),
      ],
      [
        {
          groupType: null,
          points: [
            { days: 0, survival: 1 },
            { days: 10, survival: 0.9 },
            { days: 20, survival: 0.8 },
            { days: 60, survival: 0.8 },
          ],
        },
      ],
    ],
    [
      'draws nothing for a group type whose episode count is hidden, even with points',
      [curve('family', [point(5, 0.92)])],
      [fig('episodes', 'family', null, true)],
      [{ groupType: 'family', points: [] }],
    ],
    ['leaves out a group type without episodes', [curve('skills', [])], [fig('episodes', 'skills', 0)], []],
    [
      'draws a curve with no dropouts as a flat line to its milestone',
      [curve('process', [])],
      [fig('episodes', 'process', 15), fig('retained_30d', 'process', 1)],
      [
        {
          groupType: 'process',
          points: [
            { days: 0, survival: 1 },
            { days: 30, survival: 1 },
          ],
        },
      ],
    ],
  ])('%s', (_, curves, figures, expected) => {
    expect(kmSeries(curves, figures)).toEqual(expected);
  });
});

it.each([
  [0, [0, 30, 60, 90]],
  [91, [0, 30, 60, 90, 120]],
])('ticks the days to %d as %j', (last, ticks) => expect(dayTicks(last)).toEqual(ticks));

it('steps across, then down', () => {
  expect(
    stepVertices([
      { days: 0, survival: 1 },
      { days: 10, survival: 0.9 },
      { days: 30, survival: 0.9 },
    ]),
  ).toEqual([
    { days: 0, survival: 1 },
    { days: 10, survival: 1 },
    { days: 10, survival: 0.9 },
    { days: 30, survival: 0.9 },
  ]);
});

it('maps days and survival into the plot box, y growing downwards', () => {
  const layout = kmChartLayout(
    [
      {
        groupType: null,
        points: [
          { days: 0, survival: 1 },
          { days: 45, survival: 0.5 },
        ],
      },
      { groupType: 'skills', points: [] },
    ],
    { x: 100, y: 50, width: 300, height: 200 },
  );
  expect(layout.paths[0].vertices).toEqual([
    [100, 50],
    [250, 50],
    [250, 150],
  ]);
  expect(layout.xTicks.map((t) => t.x)).toEqual([100, 200, 300, 400]);
  expect(layout.yTicks[0]).toEqual({ label: '0%', y: 250 });
  expect(layout.notDrawn).toEqual(['skills']);
});

import { describeFigureChange, toKpi } from './kpi-shape';

describe('describeFigureChange', () => {
  test.each<[number | null, number | null, 'percent' | 'score', string]>([
    [0.72, 0.69, 'percent', '+3 pts on previous (69%)'],
    [0.6, 0.65, 'percent', '−5 pts on previous (65%)'],
    [0.701, 0.699, 'percent', '±0 pts on previous (70%)'],
    [35.4, 35, 'score', '+0.4 on previous (35.0)'],
    [34.96, 35, 'score', '±0.0 on previous (35.0)'],
    [0.5, null, 'percent', 'previous period: no figure'],
    [null, 0.5, 'percent', 'previous period: 50%'],
  ])('%d against %d (%s) reads "%s"', (current, previous, scale, text) => {
    expect(describeFigureChange(current, previous, scale)).toBe(text);
  });
});

describe('toKpi', () => {
  it('gives a rate its interval, change and n', () => {
    expect(
      toKpi(
        'r90',
        'Retained at 90 days',
        'percent',
        { value: 0.62, lower: 0.55, upper: 0.69, n: 'n = 100' },
        { value: 0.6, n: '' },
      ),
    ).toEqual({
      key: 'r90',
      label: 'Retained at 90 days',
      value: '62%',
      interval: '95% CI 55%–69%',
      change: '+2 pts on previous (60%)',
      n: 'n = 100',
    });
  });

  it('shows a dash and no interval before the figures arrive', () => {
    expect(toKpi('s', 'Mean score', 'score', undefined, undefined)).toMatchObject({ value: '—', interval: undefined });
  });
});

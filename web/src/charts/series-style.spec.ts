import { GROUP_TYPES } from '../filters/group-types';
import { contrastRatio } from './contrast';
import { CHART_BACKGROUND, GROUP_TYPE_STYLES, TOTAL_STYLE } from './series-style';

const styles = [...GROUP_TYPES.map((t) => [t, GROUP_TYPE_STYLES[t]] as const), ['total', TOTAL_STYLE] as const];

describe('series styles', () => {
  test.each(styles)('%s text reaches WCAG AA (4.5:1) on the chart background', (_name, style) => {
    expect(contrastRatio(style.text, CHART_BACKGROUND)).toBeGreaterThanOrEqual(4.5);
  });

  test.each(styles)('%s strokes reach 3:1 for graphics on the chart background', (_name, style) => {
    expect(contrastRatio(style.stroke, CHART_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it('gives every group type its own colour, dash and marker', () => {
    for (const key of ['stroke', 'dash', 'shape'] as const) {
      expect(new Set(GROUP_TYPES.map((t) => GROUP_TYPE_STYLES[t][key])).size).toBe(GROUP_TYPES.length);
    }
  });
});

describe('contrastRatio', () => {
  test.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
  ])('%s on %s is %d:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });
});

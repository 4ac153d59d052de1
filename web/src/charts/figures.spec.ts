import { toCsv } from './csv';
import { categoriesOf, figureColumns, pivotFigures, seriesOf, type Figure } from './figures';
import { formatPercent } from './format';

const figure = (overrides: Partial<Figure>): Figure => ({
  category: 'W1',
  series: 'total',
  seriesLabel: 'All group types',
  value: 0.5,
  lower: 0.4,
  upper: 0.6,
  numerator: 5,
  n: 10,
  ...overrides,
});

describe('pivotFigures', () => {
  test.each<[string, Figure[], Record<string, unknown>[]]>([
    [
      'one row per category, one value and error pair per series',
      [figure({}), figure({ series: 'skills', value: 0.25, lower: 0.2, upper: 0.3 })],
      [
        {
          category: 'W1',
          total: 0.5,
          total_err: [0.09999999999999998, 0.09999999999999998],
          skills: 0.25,
          skills_err: [0.04999999999999999, 0.04999999999999999],
        },
      ],
    ],
    [
      'a figure without an interval has no error bar',
      [figure({ lower: null, upper: null })],
      [{ category: 'W1', total: 0.5 }],
    ],
    ['a missing value stays null, without an error bar', [figure({ value: null })], [{ category: 'W1', total: null }]],
    [
      'categories keep their first-seen order',
      [figure({ category: 'b', lower: null }), figure({ category: 'a', lower: null })],
      [
        { category: 'b', total: 0.5 },
        { category: 'a', total: 0.5 },
      ],
    ],
  ])('%s', (_name, figures, rows) => {
    expect(pivotFigures(figures)).toEqual(rows);
  });
});

describe('series and categories', () => {
  it('lists each once, in first-seen order', () => {
    const figures = [
      figure({ series: 'skills', seriesLabel: 'Skills' }),
      figure({ category: 'W2', series: 'skills', seriesLabel: 'Skills' }),
      figure({ category: 'W2' }),
    ];
    expect(seriesOf(figures)).toEqual([
      { key: 'skills', label: 'Skills' },
      { key: 'total', label: 'All group types' },
    ]);
    expect(categoriesOf(figures)).toEqual(['W1', 'W2']);
  });
});

describe('figureColumns', () => {
  test.each<[string, boolean, boolean, string]>([
    [
      'a proportion exports interval, numerator and n',
      true,
      true,
      'Week,Series,Rate,95% lower,95% upper,Numerator,Rows\r\nW1,All group types,0.5,0.4,0.6,5,10\r\n',
    ],
    ['a mean exports the value and n only', false, false, 'Week,Series,Rate,Rows\r\nW1,All group types,0.5,10\r\n'],
  ])('%s', (_name, interval, numerator, csv) => {
    const columns = figureColumns({
      categoryLabel: 'Week',
      valueLabel: 'Rate',
      format: formatPercent,
      nLabel: 'Rows',
      interval,
      numerator,
    });
    expect(toCsv([figure({})], columns)).toBe(csv);
  });
});

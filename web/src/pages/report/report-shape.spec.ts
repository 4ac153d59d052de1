import {
  describeReportLogRank,
  downloadPath,
  fileNameFromDisposition,
  formatFigure,
  formatFigureChange,
  formatFigureInterval,
  toReportFilter,
  toReportKmSeries,
  toReportSections,
  type ReportFigure,
  type ReportFilter,
} from './report-shape';

function fig(values: Partial<ReportFigure>): ReportFigure {
  return {
    section: 'retention',
    measure: 'completion_rate',
    label: 'Completion rate',
    unit: 'proportion',
    groupType: null,
    period: 'current',
    value: 0.5,
    lower: null,
    upper: null,
    n: 40,
    suppressed: false,
    ...values,
  };
}
const hidden = (values: Partial<ReportFigure>) =>
  fig({ value: null, lower: null, upper: null, n: null, suppressed: true, ...values });

describe('formatFigure', () => {
  it.each([
    [fig({ unit: 'count', value: 1204 }), '1,204'],
    [fig({ unit: 'count', value: 0 }), '0'],
    [fig({ value: 0.8451 }), '84.5%'],
    [fig({ unit: 'survival', value: 0.9 }), '90.0%'],
    [fig({ unit: 'mean', value: 37.25 }), '37.3'],
    [fig({ unit: 'days', value: 44.6 }), '45 days'],
    [fig({ measure: 'pda_change', unit: 'mean', value: 0.123 }), '+12.3 pts'],
    [fig({ measure: 'pda_change', unit: 'mean', value: -0.05 }), '−5.0 pts'],
    [fig({ value: null }), '—'],
    [hidden({}), 'suppressed'],
  ])('%j reads %s', (f, text) => expect(formatFigure(f)).toBe(text));
});

it.each([
  [fig({ lower: 0.4, upper: 0.6 }), '40.0–60.0%'],
  [fig({}), ''],
  [hidden({}), ''],
])('the interval of %j reads %s', (f, text) => expect(formatFigureInterval(f)).toBe(text));

describe('formatFigureChange', () => {
  it.each([
    [fig({ unit: 'count', value: 126 }), fig({ unit: 'count', value: 98 }), '+28'],
    [fig({ value: 0.587 }), fig({ value: 0.592 }), '−0.5 pts'],
    [fig({ value: 0.5 }), fig({ value: 0.50004 }), '0.0 pts'],
    [fig({ unit: 'days', value: 40 }), fig({ unit: 'days', value: 33 }), '+7 days'],
    [hidden({}), fig({}), '—'],
    [fig({}), undefined, '—'],
  ])('%j against %j is %s', (current, previous, text) => expect(formatFigureChange(current, previous)).toBe(text));
});

describe('downloadPath', () => {
  it.each([
    [
      { from: '2025-01-01', to: '2025-03-31', asOf: '2025-06-30', siteIds: null },
      'pdf',
      '/api/reports/outcome.pdf?from=2025-01-01&to=2025-03-31&asOf=2025-06-30',
    ],
    [
      { from: '2025-01-01', to: '2025-03-31', asOf: '2025-06-30', siteIds: ['S1', 'S 2'] },
      'csv',
      '/api/reports/outcome.csv?from=2025-01-01&to=2025-03-31&asOf=2025-06-30&sites=S1,S+2',
    ],
    [
      { from: '2025-04-01', to: '2025-06-30', asOf: '2025-06-30', siteIds: null, comparison: 'calendar' },
      'pdf',
      '/api/reports/outcome.pdf?from=2025-04-01&to=2025-06-30&asOf=2025-06-30&compare=calendar',
    ],
  ] as [ReportFilter, 'pdf' | 'csv', string][])('links %j as %s', (filter, format, path) =>
    expect(downloadPath(format, filter)).toBe(path),
  );
});

it('drops the group types from the filter: the report covers them all', () => {
  expect(
    toReportFilter({
      from: '2025-01-01',
      to: '2025-03-31',
      asOf: '2025-06-30',
      siteIds: ['S1'],
      groupTypes: ['skills'],
    }),
  ).toEqual({ from: '2025-01-01', to: '2025-03-31', asOf: '2025-06-30', siteIds: ['S1'] });
  expect(toReportFilter(null)).toBeNull();
});

describe('toReportSections', () => {
  const figures = [
    fig({ section: 'census', measure: 'admissions', label: 'Admissions', unit: 'count', value: 43, n: 43 }),
    fig({
      section: 'census',
      measure: 'admissions',
      label: 'Admissions',
      unit: 'count',
      period: 'previous',
      value: 0,
      n: 0,
    }),
    fig({ label: 'Completion rate' }),
    fig({ period: 'previous', value: 0.6 }),
    hidden({ groupType: 'skills' }),
    fig({ groupType: 'skills', period: 'previous', n: 12 }),
    fig({ groupType: 'family', value: null, n: 0 }),
    fig({ groupType: 'family', period: 'previous', value: null, n: 0 }),
  ];
  const sections = toReportSections(figures);

  it('keeps the report order of sections and measures, all group types first', () => {
    expect(sections.map((s) => [s.title, s.tables.map((t) => t.caption)])).toEqual([
      ['Census', ['All group types']],
      ['Completion and retention', ['All group types', 'Completion rate, by group type']],
    ]);
  });

  it.each([
    ['a hidden cell stays, as suppressed', 'Skills', true],
    ['a group type with no one in either period goes', 'Family', false],
  ])('%s', (_, name, present) => {
    const rows = sections[1].tables[1].rows;
    expect(rows.some((r) => r.name === name)).toBe(present);
  });

  it('puts each period of a figure side by side', () => {
    const row = sections[0].tables[0].rows[0];
    expect([row.name, row.current?.value, row.previous?.value]).toEqual(['Admissions', 43, 0]);
    expect(formatFigure(sections[1].tables[1].rows[0].current!)).toBe('suppressed');
  });
});

describe('toReportKmSeries', () => {
  const episodes = (groupType: ReportFigure['groupType'], value: number | null, suppressed = false) =>
    fig({ measure: 'episodes', unit: 'count', groupType, value, n: value, suppressed });
  it.each([
    [
      'draws the total from day 0 to its last shown milestone',
      [{ groupType: null, points: [{ days: 10, survival: 0.9 }] }],
      [episodes(null, 40), fig({ measure: 'retained_30d', unit: 'survival', value: 0.9 })],
      {
        series: [
          {
            groupType: null,
            label: 'All group types',
            points: [
              { days: 0, survival: 1 },
              { days: 10, survival: 0.9 },
              { days: 30, survival: 0.9 },
            ],
          },
        ],
        hidden: [],
      },
    ],
    [
      'does not draw a group type whose episode count is hidden',
      [{ groupType: 'family' as const, points: [{ days: 5, survival: 0.92 }] }],
      [episodes('family', null, true)],
      { series: [], hidden: ['Family'] },
    ],
    [
      'leaves out a group type without episodes',
      [{ groupType: 'skills' as const, points: [] }],
      [episodes('skills', 0)],
      { series: [], hidden: [] },
    ],
  ])('%s', (_, survivalCurves, figures, expected) => {
    expect(toReportKmSeries({ survivalCurves, figures })).toEqual(expected);
  });
});

it.each([
  [{ chiSquare: 9.95, df: 4, pValue: 0.041 }, /^Retention differs .*p = 0\.041\)\.$/],
  [{ chiSquare: 1, df: 1, pValue: 0.5 }, /within what chance would explain/],
  [null, /^No comparison/],
])('puts the log-rank result %j in words', (logRank, words) => expect(describeReportLogRank(logRank)).toMatch(words));

it.each([
  ['attachment; filename="outcome-report_2025-01-01_2025-03-31.pdf"', 'outcome-report_2025-01-01_2025-03-31.pdf'],
  [null, null],
])('reads the file name of %j', (header, name) => expect(fileNameFromDisposition(header)).toBe(name));

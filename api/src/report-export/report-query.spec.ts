import { parseReportQuery, reportFileName } from './report-query';

describe('parseReportQuery', () => {
  it.each([
    [{}, { from: undefined, to: undefined, asOf: undefined, siteIds: undefined }],
    [
      { from: '2025-01-01', to: '2025-03-31', asOf: '2025-06-30', sites: ' S2, S1 ,S2' },
      { from: '2025-01-01', to: '2025-03-31', asOf: '2025-06-30', siteIds: ['S2', 'S1'] },
    ],
    [
      { from: '', sites: '' },
      { from: undefined, to: undefined, asOf: undefined, siteIds: undefined },
    ],
  ])('reads %j', (query, filter) => {
    expect(parseReportQuery(query)).toEqual({ filter });
  });

  it.each([
    [{ to: '2025-13-01' }, 'to must be a date written YYYY-MM-DD (got "2025-13-01")'],
    [{ asOf: '31/03/2025' }, 'asOf must be a date written YYYY-MM-DD (got "31/03/2025")'],
    [{ from: '2025-04-01', to: '2025-03-31' }, 'from (2025-04-01) is after to (2025-03-31)'],
    [{ from: ['2025-01-01', '2025-02-01'] }, 'from must be given once, as plain text'],
    [{ sites: 'S1,,S2' }, 'sites must be site IDs of 1 to 64 characters, separated by commas'],
    [{ period: 'q1' }, 'unknown parameter "period" (allowed: from, to, sites, asOf, compare)'],
    [{ compare: 'lastWeek' }, 'compare must be one of sameLength, calendar, yearEarlier (got "lastWeek")'],
  ])('refuses %j', (query, problem) => {
    expect(parseReportQuery(query)).toEqual({ problems: [problem] });
  });

  it('reports every problem at once', () => {
    const result = parseReportQuery({ from: 'x', to: 'y', groupTypes: 'skills' });
    expect('problems' in result && result.problems).toHaveLength(3);
  });
});

it('names the file after the period it covers', () => {
  expect(reportFileName({ from: '2025-01-01', to: '2025-03-31' }, 'pdf')).toBe(
    'outcome-report_2025-01-01_2025-03-31.pdf',
  );
});

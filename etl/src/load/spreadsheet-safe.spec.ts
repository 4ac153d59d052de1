import { neutraliseFormula } from './spreadsheet-safe';

describe('neutraliseFormula', () => {
  test.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
  ])('prefixes %j', (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });

  test.each(['P00349', '2025-03-10', '', ' =1', 'a=b', "'already quoted", '1-2'])('leaves %j alone', (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});

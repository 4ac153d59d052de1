import type { OutcomeFigure } from '../outcome-report/outcome-report.model';
import { describeLogRank, formatChange, formatDate, formatInterval, formatValue } from './report-format';
import { methodsEntries } from './report-methods';
import { OUTCOME_MEASURES } from '../outcome-report/outcome-measures';
import { GROUP_TYPE_MEASURES, REPORT_SECTIONS } from './report-tables';

type F = Pick<OutcomeFigure, 'measure' | 'unit' | 'value' | 'lower' | 'upper' | 'n' | 'suppressed'>;
const f = (unit: string, value: number | null, extra: Partial<F> = {}): F => ({
  measure: 'm',
  unit,
  value,
  lower: null,
  upper: null,
  n: 20,
  suppressed: false,
  ...extra,
});

describe('formatValue', () => {
  it.each([
    [f('count', 1204), '1,204'],
    [f('count', 0), '0'],
    [f('proportion', 0.8451), '84.5%'],
    [f('survival', 1), '100.0%'],
    [f('mean', 37.25), '37.3'],
    [f('days', 44.6), '45 days'],
    [f('mean', 0.123, { measure: 'pda_change' }), '+12.3 pts'],
    [f('mean', -0.05, { measure: 'pda_change' }), '-5.0 pts'],
    [f('proportion', null), '—'],
    [f('count', null, { suppressed: true }), 'suppressed'],
  ])('%j reads %s', (figure, text) => expect(formatValue(figure)).toBe(text));
});

it.each([
  [f('proportion', 0.5, { lower: 0.4, upper: 0.6 }), '40.0–60.0%'],
  [f('proportion', 0.5), ''],
  [f('proportion', null, { suppressed: true }), ''],
])('formatInterval(%j) is %s', (figure, text) => expect(formatInterval(figure)).toBe(text));

describe('formatChange', () => {
  it.each([
    [f('count', 126), f('count', 98), '+28'],
    [f('count', 98), f('count', 126), '-28'],
    [f('proportion', 0.587), f('proportion', 0.592), '-0.5 pts'],
    [f('proportion', 0.5), f('proportion', 0.50004), '0.0 pts'],
    [f('mean', 36), f('mean', 36), '0.0'],
    [f('days', 40), f('days', 33), '+7 days'],
    [f('count', null, { suppressed: true }), f('count', 20), '—'],
    [f('proportion', null), f('proportion', 0.5), '—'],
  ])('%j against %j is %s', (current, previous, text) => expect(formatChange(current, previous)).toBe(text));
});

it('writes calendar dates without a time zone', () => {
  expect(formatDate('2025-03-31')).toBe('31 Mar 2025');
});

it.each([
  [{ chiSquare: 9.95, df: 4, pValue: 0.0412 }, /^Retention differs .* p = 0.041\)\.$/],
  [{ chiSquare: 1.2, df: 2, pValue: 0.55 }, /^The differences in retention .* within what chance would explain/],
  [{ chiSquare: 30, df: 2, pValue: 0.00001 }, /p < 0\.001/],
  [null, /^No comparison/],
])('puts the log-rank result %j in words', (logRank, words) => expect(describeLogRank(logRank)).toMatch(words));

// The PDF's standard fonts encode WinAnsi only: anything else prints as garbage.
const WIN_ANSI = /^[\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\n]*$/;

it('writes every label and definition in characters the PDF fonts have', () => {
  const report = {
    periods: {
      from: '2025-01-01',
      to: '2025-03-31',
      previousFrom: '2024-10-02',
      previousTo: '2024-12-31',
      asOf: '2025-06-30',
    },
    suppressionThreshold: 11,
    lastSuccessfulLoadAt: new Date('2025-07-01T06:00:00Z'),
    siteIds: null,
  };
  const texts = [
    ...methodsEntries(report).flatMap((e) => [e.term, e.text]),
    ...Object.values(OUTCOME_MEASURES).map((m) => m.label),
    ...REPORT_SECTIONS.map((s) => s.title),
    ...GROUP_TYPE_MEASURES.map((m) => m.header),
    describeLogRank({ chiSquare: 1, df: 1, pValue: 0.5 }),
  ];
  expect(texts.filter((t) => !WIN_ANSI.test(t))).toEqual([]);
});

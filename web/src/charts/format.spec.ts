import { formatDate, formatDateTime, formatPeriod, percentTicks } from './format';

describe('percentTicks', () => {
  test.each([
    [0, [0, 0.05]],
    [0.13, [0, 0.05, 0.1, 0.15]],
    [0.26, [0, 0.1, 0.2, 0.3]],
    [0.5, [0, 0.1, 0.2, 0.3, 0.4, 0.5]],
    [0.62, [0, 0.25, 0.5, 0.75]],
    [1, [0, 0.25, 0.5, 0.75, 1]],
    [1.2, [0, 0.25, 0.5, 0.75, 1]],
  ])('a largest value of %d gets ticks %j', (max, ticks) => {
    expect(percentTicks(max)).toEqual(ticks);
  });
});

describe('formatDate', () => {
  test.each([
    ['2025-01-06', '6 Jan 2025'],
    ['2024-12-30', '30 Dec 2024'],
    [null, '—'],
    ['not a date', 'not a date'],
  ])('%s reads %s', (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });
});

describe('formatDateTime', () => {
  test.each([
    // In UTC whatever the reader's zone: 23:30 in New York on the 6th is the 7th here.
    ['2026-12-07T03:01:46.123Z', '7 Dec 2026, 03:01 UTC'],
    ['2025-01-06T23:30:00-05:00', '7 Jan 2025, 04:30 UTC'],
    [null, '—'],
    ['not a time', 'not a time'],
  ])('%s reads %s', (iso, text) => {
    expect(formatDateTime(iso)).toBe(text);
  });
});

test('formatPeriod gives both ends', () => {
  expect(formatPeriod('2025-01-01', '2025-03-31')).toBe('1 Jan 2025 – 31 Mar 2025');
});

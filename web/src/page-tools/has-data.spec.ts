import type { Column } from '../charts/columns';
import { hasData } from './has-data';

const figure = (value: number | null, n: number) => ({ category: 'All', value, n, lower: null, upper: null });
const FIGURE_COLUMNS: Column<ReturnType<typeof figure>>[] = [
  { label: 'Category', value: (f) => f.category },
  { label: 'Value', value: (f) => f.value },
  { label: 'n', value: (f) => f.n },
];
interface Count {
  label: string;
  current: number;
  previous: number;
}
const COUNT_COLUMNS: Column<Count>[] = [
  { label: 'Type', value: (r) => r.label },
  { label: 'Now', value: (r) => r.current },
  { label: 'Before', value: (r) => r.previous },
];

test.each([
  ['no rows', [], false],
  ['a total bar with no rate and n = 0 (an empty period)', [figure(null, 0)], false],
  ['a rate of 0 over 12 rows', [figure(0, 12)], true],
  ['one figure with data among empty ones', [figure(null, 0), figure(0.5, 4)], true],
])('figures: %s → %s', (_, rows, expected) => {
  expect(hasData(rows, FIGURE_COLUMNS)).toBe(expected);
});

test.each([
  ['every count 0 (no sessions in either period)', [{ label: 'Process', current: 0, previous: 0 }], false],
  ['sessions only in the previous period', [{ label: 'Process', current: 0, previous: 3 }], true],
])('other rows: %s → %s', (_, rows, expected) => {
  expect(hasData(rows, COUNT_COLUMNS)).toBe(expected);
});

test('rows of text only (an audit log) are data', () => {
  const columns: Column<{ who: string; what: string }>[] = [
    { label: 'Who', value: (r) => r.who },
    { label: 'What', value: (r) => r.what },
  ];
  expect(hasData([{ who: 'director', what: '{ retention }' }], columns)).toBe(true);
});

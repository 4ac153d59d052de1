import { type Fields, validateFields } from '../testing/row-fixtures';

const VALID: Fields<'feedback'> = {
  session_id: 'SS-1',
  participant_id: 'C-100234',
  relationship: '9.5',
  goals_topics: '8',
  approach: '10',
  overall: '0',
};

test('a row is normalised', () => {
  expect(validateFields('feedback', VALID)).toEqual({
    ok: true,
    row: {
      session_id: 'SS-1',
      participant_id: 'C-100234',
      relationship: 9.5,
      goals_topics: 8,
      approach: 10,
      overall: 0,
    },
  });
});

const SCORES = ['relationship', 'goals_topics', 'approach', 'overall'] as const;

describe.each(SCORES)('%s', (column) => {
  test.each<[string, string]>([
    ['', `${column} is required but empty`],
    ['10.5', `${column} is not between 0 and 10`],
    ['-1', `${column} is not between 0 and 10`],
    ['7.25', `${column} has more than one decimal place`],
    ['7,5', `${column} is not a number (use . as the decimal point)`],
    ['good', `${column} is not a number`],
  ])('%j is refused', (value, reason) => {
    expect(validateFields('feedback', VALID, { [column]: value })).toEqual({
      ok: false,
      errors: [{ column, value, reason, detail: null }],
    });
  });
});

test('all four scores wrong are four errors', () => {
  const result = validateFields('feedback', VALID, {
    relationship: '11',
    goals_topics: '',
    approach: 'x',
    overall: '0.55',
  });
  expect(result.ok ? [] : result.errors.map((error) => error.reason)).toEqual([
    'relationship is not between 0 and 10',
    'goals_topics is required but empty',
    'approach is not a number',
    'overall has more than one decimal place',
  ]);
});

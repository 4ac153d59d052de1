import { type Fields, type Reason, validateFields, withDetail } from '../testing/row-fixtures';

const VALID: Fields<'groups'> = {
  group_id: 'G-7',
  site_id: 'S-01',
  group_type: 'skills',
  group_name: 'Tuesday evening DBT skills',
};

test('a full group is normalised', () => {
  expect(validateFields('groups', VALID, { group_type: 'Coping Skills', modality: 'DBT', capacity: '12' })).toEqual({
    ok: true,
    row: {
      group_id: 'G-7',
      site_id: 'S-01',
      group_type: 'skills',
      group_name: 'Tuesday evening DBT skills',
      modality: 'dbt',
      capacity: 12,
    },
  });
});

test('optional columns are null when empty', () => {
  expect(validateFields('groups', VALID)).toEqual({
    ok: true,
    row: { ...VALID, modality: null, capacity: null },
  });
});

test.each<[string, Fields<'groups'>, string]>([
  ['psychoeducational', { group_type: 'Psychoeducational' }, 'psychoeducation'],
  ['education', { group_type: 'education' }, 'psychoeducation'],
  ['skills-based', { group_type: 'SKILLS-BASED' }, 'skills'],
  ['process group', { group_type: 'Process Group' }, 'process'],
  ['trauma-informed', { group_type: 'Trauma-informed' }, 'trauma_informed'],
  ['trauma', { group_type: 'Trauma' }, 'trauma_informed'],
  ['family therapy', { group_type: 'FAMILY THERAPY' }, 'family'],
])('group_type alias %s', (_alias, changes, code) => {
  const result = validateFields('groups', VALID, changes);
  expect(result.ok && result.row.group_type).toBe(code);
});

test.each<[string, Fields<'groups'>, string, string, Reason]>([
  ['group_id missing', { group_id: '' }, 'group_id', '', 'group_id is required but empty'],
  ['site_id missing', { site_id: '' }, 'site_id', '', 'site_id is required but empty'],
  ['group_type missing', { group_type: '' }, 'group_type', '', 'group_type is required but empty'],
  [
    'group_type unknown',
    { group_type: 'yoga' },
    'group_type',
    'yoga',
    'group_type is not one of: psychoeducation, skills, process, trauma_informed, family',
  ],
  ['group_name missing', { group_name: '' }, 'group_name', '', 'group_name is required but empty'],
  [
    'modality unknown',
    { modality: 'ACT' },
    'modality',
    'ACT',
    'modality is not one of: cbt, dbt, mindfulness, motivational, twelve_step, other',
  ],
  ['capacity 0', { capacity: '0' }, 'capacity', '0', 'capacity is not between 1 and 30'],
  ['capacity 31', { capacity: '31' }, 'capacity', '31', 'capacity is not between 1 and 30'],
  ['capacity 12.5', { capacity: '12.5' }, 'capacity', '12.5', 'capacity is not a whole number'],
])('%s', (_case, changes, column, value, reason) => {
  expect(validateFields('groups', VALID, changes)).toEqual({
    ok: false,
    errors: [{ column, value, ...withDetail(reason) }],
  });
});

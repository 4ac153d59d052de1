import { type Fields, type Reason, validateFields, withDetail } from '../testing/row-fixtures';

const VALID: Fields<'sites'> = { site_id: 'S-01', site_name: 'Riverside Recovery Center' };

test('a valid site is normalised', () => {
  expect(validateFields('sites', { site_id: ' S-01 ', site_name: ' Riverside Recovery Center ' })).toEqual({
    ok: true,
    row: { site_id: 'S-01', site_name: 'Riverside Recovery Center' },
  });
});

test.each<[string, Fields<'sites'>, string, string, Reason]>([
  ['site_id missing', { site_id: '' }, 'site_id', '', 'site_id is required but empty'],
  [
    'site_id too long',
    { site_id: 'S'.repeat(65) },
    'site_id',
    'S'.repeat(65),
    { reason: 'site_id is longer than 64 characters, the most a key may have', detail: '65 characters' },
  ],
  ['site_name missing', { site_name: ' ' }, 'site_name', ' ', 'site_name is required but empty'],
  [
    'site_name too long',
    { site_name: 'n'.repeat(201) },
    'site_name',
    'n'.repeat(201),
    { reason: 'site_name is longer than 200 characters', detail: '201 characters' },
  ],
])('%s', (_case, changes, column, value, reason) => {
  expect(validateFields('sites', VALID, changes)).toEqual({
    ok: false,
    errors: [{ column, value, ...withDetail(reason) }],
  });
});

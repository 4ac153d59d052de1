import { maskParticipantId, maskRejectValue, redactDatabaseMessage } from './mask';

describe('masking participant identifiers for logs', () => {
  it('gives the same mask to the same ID and different masks to different IDs, never the ID', () => {
    expect(maskParticipantId('P000123')).toBe(maskParticipantId('P000123'));
    expect(maskParticipantId('P000123')).not.toBe(maskParticipantId('P000124'));
    expect(maskParticipantId('P000123')).toMatch(/^participant#[0-9a-f]{10}$/);
  });

  it('masks the values of participant_id columns only, composite keys included', () => {
    expect(maskRejectValue('participant_id', 'P1')).toBe(maskParticipantId('P1'));
    expect(maskRejectValue('session_id,participant_id', 'X1,P1')).toBe(maskParticipantId('X1,P1'));
    expect(maskRejectValue('site_id', 'S1')).toBe('S1');
    expect(maskRejectValue(null, null)).toBeNull();
  });

  it('removes input values that Postgres quotes in its messages', () => {
    expect(redactDatabaseMessage('invalid input syntax for type date: "P000123"')).toBe(
      'invalid input syntax for type date: "…"',
    );
    expect(redactDatabaseMessage('duplicate key value violates unique constraint "site_pkey"')).toBe(
      'duplicate key value violates unique constraint "site_pkey"',
    );
  });
});

import { ProfileInvalidError, parseProfile } from './profile';
import { vendorProfile } from './testing/vendor-export';

describe('parseProfile', () => {
  it('accepts a profile and fills its defaults', () => {
    const profile = parseProfile(vendorProfile());
    expect(profile.format).toBe('iop-mapping-profile');
    expect(profile.version).toBe(1);
    expect(profile.files[0]!.dateFormat).toBe('iso');
    expect(profile.files[0]!.values).toEqual({});
  });

  it('names every problem by its path', () => {
    const bad = vendorProfile();
    const files = bad.files as Record<string, unknown>[];
    files[0] = { ...files[0], match: {} };
    files[1] = { ...files[1], columns: { client_name: 'Client Name' } };
    files[2] = { ...files[2], dateFormat: 'dd/mm/yy' };
    let error: unknown;
    try {
      parseProfile(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileInvalidError);
    expect((error as ProfileInvalidError).problems).toEqual([
      'files.0.match: a file is matched by its header, its file name pattern, or both',
      expect.stringMatching(/^files\.2\.dateFormat: /),
    ]);
  });

  it('refuses a column the target does not have', () => {
    const bad = vendorProfile();
    (bad.files[1] as { columns: Record<string, string> }).columns = {
      participant_id: 'Client ID',
      client_name: 'Client Name',
    };
    expect(() => parseProfile(bad)).toThrow('files.1.client_name: not a column of participants');
  });

  it('refuses a document of another format or version', () => {
    expect(() => parseProfile({ ...vendorProfile(), version: 2 })).toThrow('version');
    expect(() => parseProfile('not json')).toThrow(ProfileInvalidError);
  });
});

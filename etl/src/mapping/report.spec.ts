import { createHash } from 'node:crypto';
import { deriveReportRows, stableId } from './report';

describe('stableId', () => {
  it('is a hash of the trimmed, lower-cased natural key, the same in every export', () => {
    const expected = createHash('sha256').update('s01\u001fdbt skills').digest('hex').slice(0, 16);
    expect(stableId('grp', 'S01', ' DBT Skills')).toBe(`grp-${expected}`);
    expect(stableId('grp', 'S01', 'DBT Skills')).not.toBe(stableId('grp', 'S02', 'DBT Skills'));
  });
});

describe('deriveReportRows', () => {
  const row = (participant: string, date: string, time = '6:00 PM') => ({
    participant_id: participant,
    status: 'present',
    session_date: date,
    session_time: time,
    group_name: 'DBT Skills',
    group_type: 'skills',
    site_name: 'Riverside',
    duration_minutes: '90',
  });

  it('gives the site, group and session once, and attendance for every row', () => {
    const seen = new Set<string>();
    const first = deriveReportRows(row('C1', '2025-03-04'), seen);
    const second = deriveReportRows(row('C2', '2025-03-04'), seen);
    const nextWeek = deriveReportRows(row('C1', '2025-03-11'), seen);
    const evening = deriveReportRows(row('C1', '2025-03-11', '8:00 PM'), seen);
    expect(first.map((r) => r.kind)).toEqual(['sites', 'groups', 'sessions', 'attendance']);
    expect(second.map((r) => r.kind)).toEqual(['attendance']);
    expect(nextWeek.map((r) => r.kind)).toEqual(['sessions', 'attendance']);
    expect(evening.map((r) => r.kind)).toEqual(['sessions', 'attendance']);
    const siteId = stableId('site', 'Riverside');
    const groupId = stableId('grp', siteId, 'DBT Skills');
    expect(first[1]!.values).toMatchObject({ group_id: groupId, site_id: siteId, group_type: 'skills' });
    expect(first[2]!.values).toMatchObject({
      session_id: stableId('ses', groupId, '2025-03-04', '6:00 PM'),
      group_id: groupId,
    });
    expect(second[0]!.values).toEqual({
      session_id: first[2]!.values.session_id,
      participant_id: 'C2',
      status: 'present',
      minutes_attended: '',
    });
  });

  it('keeps ids the report carries', () => {
    const rows = deriveReportRows(
      { ...row('C1', '2025-03-04'), site_id: 'S01', group_id: 'G7', session_id: 'EV123' },
      new Set(),
    );
    expect(rows.map((r) => r.kind)).toEqual(['groups', 'sessions', 'attendance']);
    expect(rows[1]!.values).toMatchObject({ session_id: 'EV123', group_id: 'G7' });
  });
});

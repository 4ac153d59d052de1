import type { AtRiskEpisode } from './at-risk-shape';
import { atRiskViewSearch, DEFAULT_VIEW, pageOfAtRisk, parseAtRiskView } from './at-risk-view';

const episode = (i: number, overrides: Partial<AtRiskEpisode> = {}): AtRiskEpisode => ({
  enrollmentId: `E${i}`,
  participantId: `P${String(i).padStart(3, '0')}`,
  siteName: 'North',
  admissionDate: '2025-05-01',
  daysSinceAdmission: i,
  reasons: ['no_recent_checkin'],
  reasonCount: 1,
  lastSessionDate: null,
  lastAttendedDate: null,
  rowsLast14Days: 0,
  lastFeedbackDate: null,
  lastFeedbackScore: null,
  lastCheckinDate: null,
  lastCheckinDaysUsed: null,
  ...overrides,
});

describe('the at-risk view in the URL', () => {
  it('reads every part and writes it back beside the filter bar’s parameters', () => {
    const search = '?period=last-90-days&q=p01&reason=use_reported&sort=site&dir=desc&size=10&page=3&participant=P010';
    const view = parseAtRiskView(search);
    expect(view).toEqual({
      page: 3,
      pageSize: 10,
      search: 'p01',
      reason: 'use_reported',
      sort: 'site',
      direction: 'descending',
      participant: 'P010',
    });
    expect(atRiskViewSearch('?period=last-90-days&page=9', view)).toBe(search);
  });

  it('leaves defaults out and falls back to them for anything unknown', () => {
    expect(atRiskViewSearch('?sites=S1', DEFAULT_VIEW)).toBe('?sites=S1');
    expect(parseAtRiskView('?page=-2&size=7&reason=bored&sort=name&dir=up')).toEqual(DEFAULT_VIEW);
    // A column chosen without a direction starts where that column starts: text at A.
    expect(parseAtRiskView('?sort=participant').direction).toBe('ascending');
  });
});

describe('pageOfAtRisk', () => {
  const list = Array.from({ length: 60 }, (_, i) =>
    episode(i + 1, i % 3 === 0 ? { reasons: ['use_reported', 'no_recent_checkin'], reasonCount: 2 } : {}),
  );

  it('cuts pages of 25 and keeps the last page in range', () => {
    const first = pageOfAtRisk(list, DEFAULT_VIEW);
    expect([first.rows.length, first.pageCount, first.matching.length]).toEqual([25, 3, 60]);
    const tens = pageOfAtRisk(list, { ...DEFAULT_VIEW, pageSize: 10, page: 6 });
    expect([tens.rows.length, tens.pageCount, tens.page]).toEqual([10, 6, 6]);
    const third = pageOfAtRisk(list, { ...DEFAULT_VIEW, sort: 'participant', direction: 'ascending', page: 3 });
    expect(third.rows.map((e) => e.participantId)).toEqual(list.slice(50).map((e) => e.participantId));
    expect(pageOfAtRisk(list, { ...DEFAULT_VIEW, page: 99 }).page).toBe(3);
  });

  it('searches participant ids in any case and filters by one reason, before paging', () => {
    const found = pageOfAtRisk(list, { ...DEFAULT_VIEW, search: 'p05' });
    expect(found.matching.map((e) => e.participantId).sort()).toEqual([
      'P050',
      'P051',
      'P052',
      'P053',
      'P054',
      'P055',
      'P056',
      'P057',
      'P058',
      'P059',
    ]);
    const used = pageOfAtRisk(list, { ...DEFAULT_VIEW, reason: 'use_reported' });
    expect(used.matching).toHaveLength(20); // every third of 60
    expect(used.pageCount).toBe(1);
    expect(pageOfAtRisk(list, { ...DEFAULT_VIEW, search: 'nobody' })).toMatchObject({
      rows: [],
      page: 1,
      pageCount: 1,
    });
  });
});

// The demo should not only be valid but look like an IOP: these check, on a 2,000-participant run,
// the patterns the generator was built to show (see patterns.ts for where they come from). The
// bounds are wide enough for any seed, narrow enough to catch a pattern that went missing.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoData } from './generate';
import {
  ATTENDED,
  attendanceByParticipant,
  dayOf,
  episodesOf,
  primaryGroupTypes,
  readDemoOutput,
  type DemoOutput,
  type Episode,
} from './testing/demo-output';

const END = '2026-10-31';

function share(part: number, whole: number): number {
  return whole === 0 ? NaN : part / whole;
}

describe('demo data patterns (2,000 participants)', () => {
  let root: string;
  let output: DemoOutput;
  let episodes: Episode[];
  const end = dayOf(END);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'demo-patterns-'));
    await generateDemoData({ outDir: root, participants: 2000, seed: 11, endDate: END });
    output = await readDemoOutput(root);
    episodes = episodesOf(output);
  }, 60_000); // generating and parsing ~80,000 rows takes a few seconds on a busy CI machine

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps rosters at about 6-10 once the program has filled up', () => {
    const rosterSize = new Map<string, number>();
    for (const row of output.rows.attendance) rosterSize.set(row.session_id, (rosterSize.get(row.session_id) ?? 0) + 1);
    const sessionDay = new Map(output.rows.sessions.map((row) => [row.session_id, dayOf(row.session_date)]));
    const settled = [...rosterSize.entries()]
      .filter(([id]) => (sessionDay.get(id) ?? 0) > end - 240)
      .map(([, size]) => size);
    settled.sort((a, b) => a - b);
    const quantile = (p: number): number => settled[Math.floor(p * (settled.length - 1))];
    expect(quantile(0.1)).toBeGreaterThanOrEqual(5);
    expect(quantile(0.5)).toBeGreaterThanOrEqual(6);
    expect(quantile(0.9)).toBeLessThanOrEqual(10);
    expect(Math.max(...settled)).toBeLessThanOrEqual(12);
  });

  it('discharges in TEDS-like proportions', () => {
    const discharged = episodes.filter((episode) => episode.discharge !== undefined);
    const reasonShare = (reason: string): number =>
      share(discharged.filter((episode) => episode.reason === reason).length, discharged.length);
    expect(reasonShare('completed')).toBeGreaterThan(0.38);
    expect(reasonShare('completed')).toBeLessThan(0.52);
    expect(reasonShare('dropped_out')).toBeGreaterThan(0.2);
    expect(reasonShare('dropped_out')).toBeLessThan(0.32);
    expect(reasonShare('died')).toBeLessThan(0.02);
    // About one episode in ten is a readmission, and some episodes are still open.
    expect(share(episodes.length - output.rows.participants.length, episodes.length)).toBeGreaterThan(0.04);
    expect(share(episodes.length - discharged.length, episodes.length)).toBeGreaterThan(0.08);
  });

  it('loses people early: most dropouts leave within their first five weeks', () => {
    const dropouts = episodes.filter((episode) => episode.reason === 'dropped_out' && episode.discharge !== undefined);
    const early = dropouts.filter((episode) => (episode.discharge ?? 0) - episode.admission <= 35);
    expect(share(early.length, dropouts.length)).toBeGreaterThan(0.4);
  });

  it('retains best in family groups and worst in psychoeducation (primary group type)', () => {
    const primary = primaryGroupTypes(output, end);
    const dropoutShare = (type: string): number => {
      const discharged = episodes.filter(
        (episode) => episode.discharge !== undefined && primary.get(episode.id) === type,
      );
      return share(
        discharged.filter((episode) => episode.reason === 'dropped_out' || episode.reason === 'terminated').length,
        discharged.length,
      );
    };
    expect(dropoutShare('family')).toBeLessThan(dropoutShare('process'));
    expect(dropoutShare('process')).toBeLessThan(dropoutShare('psychoeducation'));
    expect(dropoutShare('psychoeducation') - dropoutShare('family')).toBeGreaterThan(0.08);
  });

  it('thins attendance out in the weeks before someone drops out', () => {
    const attendance = attendanceByParticipant(output);
    let nearAbsent = 0;
    let near = 0;
    let earlierAbsent = 0;
    let earlier = 0;
    for (const episode of episodes) {
      if (episode.reason !== 'dropped_out' || episode.discharge === undefined) continue;
      const rows = (attendance.get(episode.participantId) ?? []).filter(
        (row) => row.day >= episode.admission && row.day <= (episode.discharge ?? 0) && row.status !== 'excused',
      );
      const lastAttended = Math.max(...rows.filter((row) => ATTENDED.has(row.status)).map((row) => row.day));
      if (!Number.isFinite(lastAttended)) continue;
      for (const row of rows) {
        if (row.day >= lastAttended) continue;
        const absent = row.status === 'absent' ? 1 : 0;
        if (lastAttended - row.day <= 21) {
          near++;
          nearAbsent += absent;
        } else if (lastAttended - row.day > 56) {
          earlier++;
          earlierAbsent += absent;
        }
      }
    }
    expect(earlier).toBeGreaterThan(200);
    expect(share(nearAbsent, near)).toBeGreaterThan(1.5 * share(earlierAbsent, earlier));
  });

  it('attends about four sessions in five and rates about two in three', () => {
    const rows = output.rows.attendance;
    const attended = rows.filter((row) => ATTENDED.has(row.status)).length;
    const excused = rows.filter((row) => row.status === 'excused').length;
    expect(share(attended, rows.length - excused)).toBeGreaterThan(0.72);
    expect(share(attended, rows.length - excused)).toBeLessThan(0.9);
    expect(share(output.rows.feedback.length, attended)).toBeGreaterThan(0.5);
    expect(share(output.rows.feedback.length, attended)).toBeLessThan(0.85);
  });

  it('reports use on a minority of weeks, less as treatment goes on, with craving easing too', () => {
    const admissions = new Map<string, number[]>();
    for (const episode of episodes)
      admissions.set(episode.participantId, [...(admissions.get(episode.participantId) ?? []), episode.admission]);
    const byWeek = new Map<number, { reports: number; withUse: number; craving: number; cravingReports: number }>();
    for (const row of output.rows.sobriety) {
      if (row.window_days === '30') continue; // follow-up calls
      const day = dayOf(row.report_date);
      const admission = Math.max(...(admissions.get(row.participant_id) ?? []).filter((a) => a <= day));
      const week = Math.floor((day - admission) / 7);
      const entry = byWeek.get(week) ?? { reports: 0, withUse: 0, craving: 0, cravingReports: 0 };
      entry.reports++;
      entry.withUse += Number(row.days_used) > 0 ? 1 : 0;
      if (row.craving !== '') {
        entry.craving += Number(row.craving);
        entry.cravingReports++;
      }
      byWeek.set(week, entry);
    }
    const useShare = (weeks: number[]): number => {
      const entries = weeks.map((week) => byWeek.get(week) ?? { reports: 0, withUse: 0 });
      return share(
        entries.reduce((sum, e) => sum + e.withUse, 0),
        entries.reduce((sum, e) => sum + e.reports, 0),
      );
    };
    const meanCraving = (week: number): number =>
      share(byWeek.get(week)?.craving ?? 0, byWeek.get(week)?.cravingReports ?? 0);
    expect(useShare([0, 1])).toBeLessThan(0.45);
    expect(useShare([8, 9, 10, 11, 12])).toBeLessThan(useShare([0, 1]) * 0.8);
    expect(meanCraving(0) - meanCraving(10)).toBeGreaterThan(0.8);
  });

  it('lets some participant-weeks reach the 9 hours of ASAM level 2.1, not all', () => {
    const sessions = new Map(output.rows.sessions.map((row) => [row.session_id, row]));
    const weekHours = new Map<string, number>();
    for (const row of output.rows.attendance) {
      const session = sessions.get(row.session_id);
      if (!session || row.status === 'excused') continue;
      const minutes =
        row.minutes_attended !== ''
          ? Number(row.minutes_attended)
          : ATTENDED.has(row.status)
            ? Number(session.duration_minutes || NaN)
            : 0;
      const monday = dayOf(session.session_date) - ((dayOf(session.session_date) + 3) % 7);
      const key = `${row.participant_id}|${monday}`;
      weekHours.set(key, (weekHours.get(key) ?? 0) + minutes / 60);
    }
    const known = [...weekHours.values()].filter((hours) => Number.isFinite(hours));
    const met = share(known.filter((hours) => hours >= 9).length, known.length);
    expect(met).toBeGreaterThan(0.1);
    expect(met).toBeLessThan(0.9);
    // Some weeks have unknown hours (no minutes and no duration), which the metric leaves out.
    expect(known.length).toBeLessThan(weekHours.size);
  });
});

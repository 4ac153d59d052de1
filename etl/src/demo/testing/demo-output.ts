// Test support: reads a generated demo folder back with a real CSV parser and recomputes, from the
// rows alone, the few METRICS.md definitions the tests check the demo against (episode windows,
// primary group type, early-warning reasons). Deliberately independent of the generator's code.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export type Row = Record<string, string>;

export const FILE_KINDS = [
  'sites',
  'groups',
  'participants',
  'enrollments',
  'sessions',
  'attendance',
  'feedback',
  'sobriety',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface DemoOutput {
  headers: Record<FileKind, string[]>;
  rows: Record<FileKind, Row[]>;
  /** Raw text of each file, for byte-level checks. */
  text: Record<FileKind, string>;
}

export async function readDemoOutput(dir: string): Promise<DemoOutput> {
  const headers = {} as Record<FileKind, string[]>;
  const rows = {} as Record<FileKind, Row[]>;
  const text = {} as Record<FileKind, string>;
  for (const kind of FILE_KINDS) {
    text[kind] = await readFile(join(dir, `${kind}.csv`), 'utf8');
    headers[kind] = parse(text[kind], { to_line: 1 })[0] ?? [];
    rows[kind] = parse<Row>(text[kind], { columns: true, skip_empty_lines: false });
  }
  return { headers, rows, text };
}

const MS_PER_DAY = 86_400_000;

/** Strict YYYY-MM-DD to a day number; throws on anything else so bad dates fail the test. */
export function dayOf(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`not a YYYY-MM-DD date: "${text}"`);
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text)
    throw new Error(`not a calendar date: "${text}"`);
  return ms / MS_PER_DAY;
}

export interface Episode {
  id: string;
  participantId: string;
  siteId: string;
  admission: number;
  /** undefined while open. */
  discharge: number | undefined;
  reason: string;
}

export function episodesOf(output: DemoOutput): Episode[] {
  return output.rows.enrollments.map((row) => ({
    id: row.enrollment_id,
    participantId: row.participant_id,
    siteId: row.site_id,
    admission: dayOf(row.admission_date),
    discharge: row.discharge_date === '' ? undefined : dayOf(row.discharge_date),
    reason: row.discharge_reason,
  }));
}

/** METRICS.md default as_of: the latest session, report, admission or discharge date. */
export function defaultAsOf(output: DemoOutput): number {
  let latest = -Infinity;
  for (const row of output.rows.sessions) latest = Math.max(latest, dayOf(row.session_date));
  for (const row of output.rows.sobriety) latest = Math.max(latest, dayOf(row.report_date));
  for (const row of output.rows.enrollments) {
    latest = Math.max(latest, dayOf(row.admission_date));
    if (row.discharge_date !== '') latest = Math.max(latest, dayOf(row.discharge_date));
  }
  return latest;
}

export const ATTENDED = new Set(['present', 'late', 'left_early']);

export interface DatedAttendance {
  sessionId: string;
  groupId: string;
  day: number;
  status: string;
}

/** Attendance rows of each participant, with their session's date and group, sorted by date. */
export function attendanceByParticipant(output: DemoOutput): Map<string, DatedAttendance[]> {
  const sessions = new Map(output.rows.sessions.map((row) => [row.session_id, row]));
  const byParticipant = new Map<string, DatedAttendance[]>();
  for (const row of output.rows.attendance) {
    const session = sessions.get(row.session_id);
    if (!session) throw new Error(`attendance for unknown session ${row.session_id}`);
    const list = byParticipant.get(row.participant_id) ?? [];
    list.push({
      sessionId: row.session_id,
      groupId: session.group_id,
      day: dayOf(session.session_date),
      status: row.status,
    });
    byParticipant.set(row.participant_id, list);
  }
  for (const list of byParticipant.values()) list.sort((a, b) => a.day - b.day);
  return byParticipant;
}

/** METRICS.md primary group type: most rows in the window; ties to the earliest first session,
 * then to the alphabetically first code. */
export function primaryGroupTypes(output: DemoOutput, asOf: number): Map<string, string | undefined> {
  const groupType = new Map(output.rows.groups.map((row) => [row.group_id, row.group_type]));
  const attendance = attendanceByParticipant(output);
  const result = new Map<string, string | undefined>();
  for (const episode of episodesOf(output)) {
    const end = episode.discharge !== undefined && episode.discharge <= asOf ? episode.discharge : asOf;
    const tally = new Map<string, { rows: number; first: number }>();
    for (const row of attendance.get(episode.participantId) ?? []) {
      if (row.day < episode.admission || row.day > end) continue;
      const type = groupType.get(row.groupId) ?? '?';
      const entry = tally.get(type) ?? { rows: 0, first: row.day };
      entry.rows++;
      entry.first = Math.min(entry.first, row.day);
      tally.set(type, entry);
    }
    const ranked = [...tally.entries()].sort(
      (a, b) => b[1].rows - a[1].rows || a[1].first - b[1].first || a[0].localeCompare(b[0]),
    );
    result.set(episode.id, ranked[0]?.[0]);
  }
  return result;
}

export type EarlyWarningReason =
  | 'two_recent_absences'
  | 'no_attendance_last_7_days'
  | 'low_feedback_score'
  | 'use_at_last_check_in'
  | 'no_check_in_14_days';

/** METRICS.md early warning for every episode open at asOf, reasons by enrollment id. */
export function earlyWarnings(output: DemoOutput, asOf: number): Map<string, Set<EarlyWarningReason>> {
  const attendance = attendanceByParticipant(output);
  const sessionDay = new Map(output.rows.sessions.map((row) => [row.session_id, dayOf(row.session_date)]));
  const feedbackByParticipant = new Map<string, { day: number; score: number }[]>();
  for (const row of output.rows.feedback) {
    const list = feedbackByParticipant.get(row.participant_id) ?? [];
    const score = Number(row.relationship) + Number(row.goals_topics) + Number(row.approach) + Number(row.overall);
    list.push({ day: sessionDay.get(row.session_id) ?? NaN, score });
    feedbackByParticipant.set(row.participant_id, list);
  }
  const checkInsByParticipant = new Map<string, { day: number; daysUsed: number }[]>();
  for (const row of output.rows.sobriety) {
    const list = checkInsByParticipant.get(row.participant_id) ?? [];
    list.push({ day: dayOf(row.report_date), daysUsed: Number(row.days_used) });
    checkInsByParticipant.set(row.participant_id, list);
  }

  const result = new Map<string, Set<EarlyWarningReason>>();
  for (const episode of episodesOf(output)) {
    const open = episode.admission <= asOf && (episode.discharge === undefined || episode.discharge > asOf);
    if (!open) continue;
    const inWindow = <T extends { day: number }>(items: readonly T[]): T[] =>
      items.filter((item) => item.day >= episode.admission && item.day <= asOf).sort((a, b) => a.day - b.day);
    const reasons = new Set<EarlyWarningReason>();
    const rows = inWindow(attendance.get(episode.participantId) ?? []);
    const lastTwo = rows.slice(-2);
    if (lastTwo.length === 2 && lastTwo.every((row) => row.status === 'absent')) reasons.add('two_recent_absences');
    const recent = rows.filter((row) => row.day > asOf - 14);
    if (recent.length > 0 && !rows.some((row) => row.day > asOf - 7 && ATTENDED.has(row.status)))
      reasons.add('no_attendance_last_7_days');
    const feedback = inWindow(feedbackByParticipant.get(episode.participantId) ?? []);
    const lastFeedback = feedback[feedback.length - 1];
    if (lastFeedback && lastFeedback.score <= 36) reasons.add('low_feedback_score');
    const checkIns = inWindow(checkInsByParticipant.get(episode.participantId) ?? []);
    const lastCheckIn = checkIns[checkIns.length - 1];
    if (lastCheckIn && lastCheckIn.daysUsed > 0) reasons.add('use_at_last_check_in');
    if (!checkIns.some((checkIn) => checkIn.day > asOf - 14)) reasons.add('no_check_in_14_days');
    result.set(episode.id, reasons);
  }
  return result;
}

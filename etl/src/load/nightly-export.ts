// The next night's export of a data folder (the contract's eight CSVs, e.g. demo data), as a
// program sends it (every file again, or only its new and changed rows): some episodes discharged,
// some participants admitted again, some days of new sessions, attendance, feedback and check-ins,
// and, for the incremental refresh's property test, edits of stored rows (statuses and scores
// changed, sessions moved to another date or group, check-ins reported late for a past date,
// admissions moved, participants' own rows corrected). Used by the
// loader benchmark (etl/bench) and by incremental-refresh.spec.ts.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Rng } from '../demo/prng';

const KINDS = ['sites', 'groups', 'participants', 'enrollments', 'sessions', 'attendance', 'feedback', 'sobriety'];

export interface NightlyOptions {
  /** Share of the episodes changed: half of it open episodes discharged, half new admissions. */
  episodeShare: number;
  /** Days of new sessions (with their attendance, feedback and check-ins) after the latest date. */
  newDays: number;
  /** Attendance statuses and feedback scores changed. */
  rowEdits?: number;
  /** Sessions moved a day earlier or to another group of their site. */
  movedSessions?: number;
  /** Check-ins reported for a past date of an episode. */
  lateCheckins?: number;
  /** Check-ins on the new days by participants discharged in the last week and not admitted again (follow-ups). */
  followUpCheckins?: number;
  /** Closed episodes admitted one to three days earlier. */
  admissionMoves?: number;
  /** Participants whose birth year, gender, substance or co-occurring disorder is corrected. */
  participantEdits?: number;
  /** Only the new and changed rows of every file, not every row again. */
  onlyChanges?: boolean;
  /** Where every row of the next night is written too (with onlyChanges: the base of the night after). */
  wholeDir?: string;
}

export interface NightlySummary {
  discharged: number;
  admitted: number;
  newSessions: number;
  newAttendance: number;
  edited: number;
  moved: number;
  lateCheckins: number;
  followUpCheckins: number;
  admissionsMoved: number;
  participantsEdited: number;
}

type Table = { header: string[]; rows: string[][] };
const line = (row: string[]): string => row.join('\u0001');

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

async function readTable(dir: string, kind: string): Promise<Table> {
  const [header, ...rows] = parse(await readFile(path.join(dir, `${kind}.csv`), 'utf8')) as string[][];
  return { header: header!, rows };
}

const columnOf = (table: Table) => (name: string) => {
  const i = table.header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};

/** Writes the next night's export of `fromDir` into `toDir`. */
export async function writeNightlyExport(
  fromDir: string,
  toDir: string,
  rng: Rng,
  options: NightlyOptions,
): Promise<NightlySummary> {
  const t: Record<string, Table> = {};
  for (const kind of KINDS) t[kind] = await readTable(fromDir, kind);
  const before = options.onlyChanges ? new Map(KINDS.map((k) => [k, new Set(t[k]!.rows.map(line))])) : null;
  const summary: NightlySummary = {
    discharged: 0,
    admitted: 0,
    newSessions: 0,
    newAttendance: 0,
    edited: 0,
    moved: 0,
    lateCheckins: 0,
    followUpCheckins: 0,
    admissionsMoved: 0,
    participantsEdited: 0,
  };
  const en = t.enrollments!;
  const E = columnOf(en);
  const se = t.sessions!;
  const S = columnOf(se);
  const at = t.attendance!;
  const A = columnOf(at);
  const fb = t.feedback!;
  const F = columnOf(fb);
  const so = t.sobriety!;
  const C = columnOf(so);
  const gr = t.groups!;
  const G = columnOf(gr);

  const dates = [
    ...se.rows.map((r) => r[S('session_date')]!),
    ...so.rows.map((r) => r[C('report_date')]!),
    ...en.rows.flatMap((r) => [r[E('admission_date')]!, r[E('discharge_date')]!]),
  ].filter(Boolean);
  const latest = dates.reduce((a, b) => (a > b ? a : b));
  const changedEpisodes = Math.max(1, Math.round((options.episodeShare * en.rows.length) / 2));

  // Discharges of open episodes on the latest date: none of their rows is later.
  const open = en.rows.filter((r) => r[E('discharge_date')] === '');
  for (let i = 0; i < changedEpisodes && open.length > 0; i++) {
    const row = open.splice(rng.int(0, open.length - 1), 1)[0]!;
    row[E('discharge_date')] = latest;
    row[E('discharge_reason')] = rng.pick(['completed', 'dropped_out', 'transferred']);
    summary.discharged++;
  }
  const byParticipant = new Map<string, string[][]>();
  for (const row of en.rows) {
    const list = byParticipant.get(row[E('participant_id')]!) ?? [];
    list.push(row);
    byParticipant.set(row[E('participant_id')]!, list);
  }
  const isOpen = (p: string, day: string) =>
    (byParticipant.get(p) ?? []).some(
      (r) => r[E('admission_date')]! <= day && (r[E('discharge_date')] === '' || r[E('discharge_date')]! >= day),
    );

  // New admissions of participants whose episodes all ended before the latest date.
  const closed = [...byParticipant.entries()].filter(([, list]) =>
    list.every((r) => r[E('discharge_date')] !== '' && r[E('discharge_date')]! < latest),
  );
  for (let i = 0; i < changedEpisodes && closed.length > 0; i++) {
    const [participant, list] = closed.splice(rng.int(0, closed.length - 1), 1)[0]!;
    const admission = addDays(latest, rng.int(1, Math.max(1, options.newDays)));
    const row = en.header.map(() => '');
    row[E('enrollment_id')] = `E9${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    if (en.rows.some((r) => r[E('enrollment_id')] === row[E('enrollment_id')])) continue;
    row[E('participant_id')] = participant;
    row[E('site_id')] = list[list.length - 1]![E('site_id')]!;
    row[E('admission_date')] = admission;
    row[E('assessment_date')] = addDays(admission, -1);
    row[E('baseline_days_used')] = String(rng.int(0, 30));
    en.rows.push(row);
    list.push(row);
    summary.admitted++;
  }

  // Stored rows edited: statuses, scores, moved sessions, late check-ins, earlier admissions.
  for (let i = 0; i < (options.rowEdits ?? 0); i++) {
    const row = at.rows[rng.int(0, at.rows.length - 1)]!;
    // Attended to absent and back (minutes then unknown) change other rows' re-engagement too.
    const flip: Record<string, string> = { present: 'late', late: 'present', absent: 'present', excused: 'absent' };
    const status = row[A('status')]!;
    const next = status !== 'excused' && status !== 'absent' && rng.chance(0.5) ? 'absent' : flip[status];
    if (next !== undefined) {
      if (next === 'absent' || status === 'absent') row[A('minutes_attended')] = '';
      row[A('status')] = next;
      summary.edited++;
    }
    if (fb.rows.length > 0) {
      fb.rows[rng.int(0, fb.rows.length - 1)]![F('overall')] = String(rng.int(0, 10));
      summary.edited++;
    }
  }
  const attendees = new Map<string, string[]>();
  for (const row of at.rows) {
    const list = attendees.get(row[A('session_id')]!) ?? [];
    list.push(row[A('participant_id')]!);
    attendees.set(row[A('session_id')]!, list);
  }
  const groupSite = new Map(gr.rows.map((r) => [r[G('group_id')]!, r[G('site_id')]!]));
  for (let i = 0; i < (options.movedSessions ?? 0); i++) {
    const row = se.rows[rng.int(0, se.rows.length - 1)]!;
    const people = attendees.get(row[S('session_id')]!) ?? [];
    if (rng.chance(0.5)) {
      const day = addDays(row[S('session_date')]!, -1);
      if (!people.every((p) => isOpen(p, day))) continue;
      row[S('session_date')] = day;
    } else {
      const site = groupSite.get(row[S('group_id')]!);
      const others = gr.rows.filter((g) => g[G('site_id')] === site && g[G('group_id')] !== row[S('group_id')]);
      if (others.length === 0) continue;
      row[S('group_id')] = rng.pick(others)[G('group_id')]!;
    }
    summary.moved++;
  }
  const checkinKeys = new Set(so.rows.map((r) => `${r[C('participant_id')]}|${r[C('report_date')]}`));
  /** A new check-in of `participant` on `day` with drawn answers, unless one is there already. */
  const addCheckin = (participant: string, day: string): boolean => {
    const key = `${participant}|${day}`;
    if (checkinKeys.has(key)) return false;
    checkinKeys.add(key);
    const row = so.header.map(() => '');
    row[C('participant_id')] = participant;
    row[C('report_date')] = day;
    row[C('days_used')] = String(rng.int(0, 3));
    row[C('window_days')] = '7';
    row[C('craving')] = String(rng.int(0, 10));
    row[C('goal_met')] = rng.pick(['true', 'false', '']);
    so.rows.push(row);
    return true;
  };
  // Mostly of participants with several episodes: a check-in counts for one of them only.
  const ofSeveral = en.rows.filter((r) => byParticipant.get(r[E('participant_id')]!)!.length > 1);
  for (let i = 0; i < (options.lateCheckins ?? 0); i++) {
    const among = ofSeveral.length > 0 && rng.chance(0.7) ? ofSeveral : en.rows;
    const episode = among[rng.int(0, among.length - 1)]!;
    const end = episode[E('discharge_date')] || latest;
    const span = Math.round((Date.parse(end) - Date.parse(episode[E('admission_date')]!)) / DAY_MS);
    if (span < 0) continue;
    const day = addDays(episode[E('admission_date')]!, rng.int(0, span));
    if (day <= latest && addCheckin(episode[E('participant_id')]!, day)) summary.lateCheckins++;
  }
  for (let i = 0; i < (options.admissionMoves ?? 0); i++) {
    const episode = en.rows[rng.int(0, en.rows.length - 1)]!;
    if (episode[E('discharge_date')] === '') continue;
    const day = addDays(episode[E('admission_date')]!, -rng.int(1, 3));
    const others = (byParticipant.get(episode[E('participant_id')]!) ?? []).filter((r) => r !== episode);
    if (
      others.some(
        (r) => r[E('admission_date')]! <= episode[E('admission_date')]! && (r[E('discharge_date')] || latest) >= day,
      )
    )
      continue;
    episode[E('admission_date')] = day;
    if (episode[E('assessment_date')]! > day) episode[E('assessment_date')] = day;
    summary.admissionsMoved++;
  }

  // Days of new sessions: each group's sessions of the last days again, that many days later, with
  // the rows of the participants still in an episode then; their check-ins of those days likewise.
  const shift = options.newDays;
  if (shift > 0) {
    const from = addDays(latest, -shift);
    const sessionRows = new Map<string, string[][]>();
    for (const row of at.rows) {
      const list = sessionRows.get(row[A('session_id')]!) ?? [];
      list.push(row);
      sessionRows.set(row[A('session_id')]!, list);
    }
    const feedbackRows = new Map<string, string[]>(
      fb.rows.map((r) => [`${r[F('session_id')]}|${r[F('participant_id')]}`, r]),
    );
    const sessionIds = new Set(se.rows.map((r) => r[S('session_id')]!));
    for (const session of [...se.rows]) {
      const day = session[S('session_date')]!;
      if (day <= from || day > latest) continue;
      const newDay = addDays(day, shift);
      const id = `${session[S('group_id')]}-${newDay}`;
      if (sessionIds.has(id)) continue;
      sessionIds.add(id);
      const copy = [...session];
      copy[S('session_id')] = id;
      copy[S('session_date')] = newDay;
      se.rows.push(copy);
      summary.newSessions++;
      for (const row of sessionRows.get(session[S('session_id')]!) ?? []) {
        const participant = row[A('participant_id')]!;
        if (!isOpen(participant, newDay)) continue;
        at.rows.push(Object.assign([...row], { [A('session_id')]: id }));
        summary.newAttendance++;
        const feedback = feedbackRows.get(`${session[S('session_id')]}|${participant}`);
        // A fresh overall score: a copied one would make the latest feedback look unchanged.
        if (feedback !== undefined)
          fb.rows.push(Object.assign([...feedback], { [F('session_id')]: id, [F('overall')]: String(rng.int(0, 10)) }));
      }
    }
    for (const row of [...so.rows]) {
      const day = row[C('report_date')]!;
      if (day <= from || day > latest) continue;
      const newDay = addDays(day, shift);
      if (!isOpen(row[C('participant_id')]!, newDay)) continue;
      const key = `${row[C('participant_id')]}|${newDay}`;
      if (checkinKeys.has(key)) continue;
      checkinKeys.add(key);
      so.rows.push(Object.assign([...row], { [C('report_date')]: newDay }));
    }
  }

  // Follow-up check-ins after a recent discharge: one in the discharge week counts for the episode
  // (METRICS.md, check-in adherence), a later one does not.
  const discharged = [...byParticipant.values()]
    .map((list) => list[list.length - 1]!)
    .filter((r) => r[E('discharge_date')] !== '' && r[E('discharge_date')]! >= addDays(latest, -6));
  for (let i = 0; i < (options.followUpCheckins ?? 0) && shift > 0 && discharged.length > 0; i++) {
    const episode = rng.pick(discharged);
    const day = addDays(latest, rng.chance(0.5) ? 1 : rng.int(1, shift));
    if (addCheckin(episode[E('participant_id')]!, day)) summary.followUpCheckins++;
  }

  // Corrections of a participant's own row (last: the other edits draw the same numbers without them).
  const pa = t.participants!;
  const P = columnOf(pa);
  for (let i = 0; i < (options.participantEdits ?? 0) && pa.rows.length > 0; i++) {
    const row = rng.pick(pa.rows);
    const column = rng.pick(['birth_year', 'gender', 'primary_substance', 'co_occurring']);
    const value = row[P(column)]!;
    row[P(column)] =
      column === 'birth_year'
        ? value === ''
          ? '1980'
          : String(Number(value) + rng.pick([-5, -1, 1, 5]))
        : column === 'co_occurring'
          ? value === 'true'
            ? 'false'
            : 'true'
          : rng.pick(column === 'gender' ? ['female', 'male', 'unknown'] : ['alcohol', 'opioids', 'stimulants']);
    summary.participantsEdited++;
  }

  await mkdir(toDir, { recursive: true });
  if (options.wholeDir) await mkdir(options.wholeDir, { recursive: true });
  for (const kind of KINDS) {
    const { header, rows } = t[kind]!;
    const sent = before === null ? rows : rows.filter((r) => !before.get(kind)!.has(line(r)));
    await writeFile(path.join(toDir, `${kind}.csv`), stringify([header, ...sent]));
    if (options.wholeDir) await writeFile(path.join(options.wholeDir, `${kind}.csv`), stringify([header, ...rows]));
  }
  return summary;
}

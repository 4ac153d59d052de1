// What one episode leaves in the record: an attendance row for every session of its rosters inside
// its window, rating forms for some attended sessions, and weekly sobriety check-ins plus a few
// follow-up calls after discharge. Everything is derived from the episode plan with a random
// stream of its own, so episodes can be produced one at a time and streamed out.

import type { IsoDayCache } from './calendar';
import type { CsvCell } from './csv-writer';
import { isDischarged, windowEndDay, type EpisodePlan, type ParticipantPlan } from './episodes';
import { absenceRampBeforeLastVisit, useLevelByWeek } from './patterns';
import { createRng, mixSeed, type Rng } from './prng';
import { firstSessionOnOrAfter, type DemoGroup } from './schedule';
import type { AttendanceStatus, DischargeReason } from './vocabulary';

export interface RowSink {
  writeRow(cells: readonly CsvCell[]): void;
}

export interface EngagementSinks {
  attendance: RowSink;
  feedback: RowSink;
  sobriety: RowSink;
}

export interface EngagementContext {
  seed: number;
  endDay: number;
  groups: readonly DemoGroup[];
  dates: IsoDayCache;
  /** Sites whose staff leave minutes_attended empty more often (index → chance). */
  minutesMissingBySite: readonly number[];
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** "0", "0.1", … "9.9", "10": ratings are written millions of times, so they are looked up. */
const TENTHS_TEXT: readonly string[] = Array.from({ length: 101 }, (_, tenths) =>
  tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1),
);

/** A 0-10 rating with at most one decimal, as text: "9", "8.5". */
function formatTenths(value: number): string {
  return TENTHS_TEXT[Math.round(clamp(value, 0, 10) * 10)];
}

/** Has the participant started drifting away (within four weeks of their last attended day)? */
function isDrifting(episode: EpisodePlan, day: number): boolean {
  return Number.isFinite(episode.lastEngagedDay) && episode.lastEngagedDay - day < 28;
}

function isMissing(episode: EpisodePlan, day: number): boolean {
  return day >= episode.missingFromDay && day <= episode.missingThroughDay;
}

function attendanceStatus(rng: Rng, participant: ParticipantPlan, episode: EpisodePlan, day: number): AttendanceStatus {
  // After the last engaged day nobody calls in: only no-shows until the discharge. The same
  // during a stretch of being away.
  if (day > episode.lastEngagedDay || isMissing(episode, day)) return 'absent';
  const traits = participant.traits;
  const weeksBeforeLast = Number.isFinite(episode.lastEngagedDay)
    ? Math.floor((episode.lastEngagedDay - day) / 7)
    : Infinity;
  const absenceRate = Math.min(0.8, traits.absenceRate * absenceRampBeforeLastVisit(weeksBeforeLast));
  const r = rng.next();
  if (r < traits.excusedRate) return 'excused';
  if (r < traits.excusedRate + absenceRate) return 'absent';
  const s = rng.next();
  if (s < traits.lateRate) return 'late';
  if (s < traits.lateRate + traits.leftEarlyRate) return 'left_early';
  return 'present';
}

function minutesAttended(rng: Rng, status: AttendanceStatus, sessionMinutes: number): number {
  switch (status) {
    case 'present':
      return sessionMinutes;
    case 'late':
      return Math.max(5, sessionMinutes - rng.int(10, 45));
    case 'left_early':
      return Math.max(5, sessionMinutes - rng.int(15, 90));
    case 'absent':
    case 'excused':
      return 0;
  }
}

function writeFeedback(
  rng: Rng,
  sink: RowSink,
  sessionId: string,
  participant: ParticipantPlan,
  drifting: boolean,
): void {
  // Mostly 9-10 per item (ceiling effect of the rating scale); a session that did not land, or a
  // member drifting away, scores lower, which makes the total fall to 36 or below.
  const rough = rng.chance(drifting ? 0.2 : 0.05);
  const level = participant.traits.alliance - (drifting ? 0.6 : 0) - (rough ? 1.5 + 2.5 * rng.next() : 0);
  // About a third of forms are marked in whole numbers.
  const whole = rng.chance(0.35);
  const item = (): string => {
    const value = clamp(level + 0.35 * rng.normal(), 0, 10);
    return formatTenths(whole ? Math.round(value) : value);
  };
  sink.writeRow([sessionId, participant.id, item(), item(), item(), item()]);
}

function writeAttendanceAndFeedback(
  rng: Rng,
  sinks: EngagementSinks,
  context: EngagementContext,
  participant: ParticipantPlan,
  episode: EpisodePlan,
): void {
  const minutesMissing = context.minutesMissingBySite[episode.siteIndex] ?? 0.05;
  for (const membership of episode.memberships) {
    const group = context.groups[membership.groupIndex];
    for (let i = firstSessionOnOrAfter(group, membership.startDay); i < group.sessionDays.length; i++) {
      const day = group.sessionDays[i];
      if (day > membership.endDay) break;
      const sessionId = `${group.id}-${context.dates.format(day)}`;
      const status = attendanceStatus(rng, participant, episode, day);
      // Without a recorded duration the clinician still notes minutes, against the usual length.
      const sessionMinutes = group.sessionMinutes[i] > 0 ? group.sessionMinutes[i] : group.usualMinutes;
      const minutes = rng.chance(minutesMissing) ? undefined : minutesAttended(rng, status, sessionMinutes);
      sinks.attendance.writeRow([sessionId, participant.id, status, minutes]);
      const attended = status === 'present' || status === 'late' || status === 'left_early';
      const drifting = isDrifting(episode, day);
      if (attended && rng.chance(participant.traits.feedbackHabit * (drifting ? 0.7 : 1))) {
        writeFeedback(rng, sinks.feedback, sessionId, participant, drifting);
      }
    }
  }
}

/** Days with use in a week, 0 most weeks: a lapse is likelier early on and for heavy users. */
function daysUsedInWeek(rng: Rng, participant: ParticipantPlan, episode: EpisodePlan, week: number): number {
  const baselineShare = (episode.baselineDaysUsed ?? 15) / 30;
  const lapseChance = clamp(baselineShare * useLevelByWeek(week) * participant.traits.useProneness * 1.1, 0, 0.85);
  if (!rng.chance(lapseChance)) return 0;
  // Geometric-like spread: one or two days usually, a full relapse week sometimes.
  const typical = 1 + 3 * baselineShare;
  return Math.min(7, 1 + Math.floor(-Math.log(1 - rng.next()) * typical));
}

function craving(rng: Rng, participant: ParticipantPlan, week: number, daysUsed: number): number {
  const settled = participant.traits.cravingAtAdmission * (0.5 + 0.5 * Math.exp(-week / 4));
  return clamp(settled + (daysUsed > 0 ? 1.2 + 0.3 * daysUsed : 0) + 0.8 * rng.normal(), 0, 10);
}

const FOLLOW_UP_RESPONSE: Readonly<Record<DischargeReason, number>> = {
  completed: 0.6,
  dropped_out: 0.3,
  terminated: 0.3,
  transferred: 0.35,
  incarcerated: 0.1,
  died: 0,
  other: 0.3,
};

function writeCheckIns(
  rng: Rng,
  sink: RowSink,
  context: EngagementContext,
  participant: ParticipantPlan,
  episode: EpisodePlan,
): void {
  const lastDay = windowEndDay(episode, context.endDay);
  // The check-in closes each treatment week: first at the end of week 0, then every seven days.
  const firstReport = episode.admissionDay + rng.int(3, 6);
  for (let report = firstReport; report <= lastDay; report += 7) {
    const away = report > episode.lastEngagedDay || isMissing(episode, report);
    const checksIn = away
      ? rng.chance(0.1)
      : rng.chance(participant.traits.checkInHabit * (isDrifting(episode, report) ? 0.6 : 1));
    if (!checksIn) continue;
    const week = Math.floor((report - episode.admissionDay) / 7);
    const daysUsed = daysUsedInWeek(rng, participant, episode, week);
    const goalMet = rng.chance(0.06) ? undefined : rng.chance(daysUsed === 0 ? 0.85 : 0.15);
    sink.writeRow([
      participant.id,
      context.dates.format(report),
      daysUsed,
      rng.chance(0.03) ? undefined : 7, // empty means the contract's default of 7
      rng.chance(0.08) ? undefined : formatTenths(craving(rng, participant, week, daysUsed)),
      goalMet,
    ]);
  }

  // Follow-up calls about 30, 60 and 90 days after admission, once the episode has ended, asking
  // about the last 30 days. They must precede any readmission, whose check-ins they would join.
  if (!isDischarged(episode, context.endDay)) return;
  const response = FOLLOW_UP_RESPONSE[episode.plannedReason];
  for (const milestone of [30, 60, 90]) {
    const report = episode.admissionDay + milestone + rng.int(-4, 4);
    if (report <= episode.plannedDischargeDay || report >= episode.nextAdmissionDay || report > context.endDay)
      continue;
    if (!rng.chance(response)) continue;
    const abstinent = rng.chance(episode.plannedReason === 'completed' ? 0.7 : 0.45);
    const baselineShare = (episode.baselineDaysUsed ?? 15) / 30;
    const daysUsed = abstinent ? 0 : clamp(1 + Math.floor(rng.next() * rng.next() * 30 * baselineShare), 1, 30);
    sink.writeRow([
      participant.id,
      context.dates.format(report),
      daysUsed,
      30,
      rng.chance(0.2) ? undefined : formatTenths(craving(rng, participant, 12, daysUsed)),
      undefined, // no weekly goal is set once out of group
    ]);
  }
}

export function writeEpisodeActivity(
  sinks: EngagementSinks,
  context: EngagementContext,
  participant: ParticipantPlan,
  episode: EpisodePlan,
): void {
  const rng = createRng(mixSeed(context.seed, 3, participant.index, episode.ordinal));
  writeAttendanceAndFeedback(rng, sinks, context, participant, episode);
  writeCheckIns(rng, sinks.sobriety, context, participant, episode);
}

// Plans who the participants are and their treatment episodes: dates, how and when each episode
// ends, and which kinds of group it attends. Attendance, feedback and check-ins are derived from
// this plan later, one episode at a time, so the plan is the only per-participant state kept in
// memory (a few hundred bytes each).

import { yearOf } from './calendar';
import { createRng, mixSeed, type Rng } from './prng';
import {
  DISCHARGE_REASON_WEIGHTS,
  DROPOUT_LAST_WEEK_WEIGHTS,
  DROPOUT_RISK_BY_GROUP_TYPE,
  GENDER_WEIGHTS,
  PRIMARY_GROUP_TYPE_WEIGHTS,
  READMISSION_CHANCE,
  SITES,
  SUBSTANCE_WEIGHTS,
} from './patterns';
import { DISCHARGE_REASONS, type DischargeReason, type Gender, type GroupType, type Substance } from './vocabulary';

/** Stable habits of a person that colour all their rows. */
export interface ParticipantTraits {
  /** Chance of a no-show at an ordinary session. */
  absenceRate: number;
  excusedRate: number;
  lateRate: number;
  leftEarlyRate: number;
  /** Chance of filling in the rating form after a session attended. */
  feedbackHabit: number;
  /** Typical item score on the rating form (0-10). */
  alliance: number;
  /** Chance of a weekly sobriety check-in. */
  checkInHabit: number;
  /** Multiplier on the chance of using in a week. */
  useProneness: number;
  /** Craving level (0-10) at admission. */
  cravingAtAdmission: number;
}

export interface Membership {
  type: GroupType;
  startDay: number;
  endDay: number;
  /** Index into the group list, set by the roster assignment. */
  groupIndex: number;
}

export interface EpisodePlan {
  id: string;
  /** 1 for a participant's first episode, 2 for the first readmission, … */
  ordinal: number;
  siteIndex: number;
  assessmentDay: number | undefined;
  admissionDay: number;
  /** Where the episode is heading. When it lies after the end of the data the episode is open. */
  plannedDischargeDay: number;
  plannedReason: DischargeReason;
  /** The last day the participant still turns up; afterwards only absences (drifting away before
   * a dropout, jail, death). Infinity when they attend to the end. */
  lastEngagedDay: number;
  /** A stretch of one to two weeks of no-shows (a lapse, a crisis) after which the participant
   * comes back, or [Infinity, -Infinity] when there is none. */
  missingFromDay: number;
  missingThroughDay: number;
  baselineDaysUsed: number | undefined;
  primaryType: GroupType;
  memberships: Membership[];
  /** Admission of the participant's next episode, or Infinity: follow-ups must come before it. */
  nextAdmissionDay: number;
}

export interface ParticipantPlan {
  index: number;
  id: string;
  birthYear: number | undefined;
  gender: Gender | undefined;
  substance: Substance | undefined;
  coOccurring: boolean | undefined;
  traits: ParticipantTraits;
  episodes: EpisodePlan[];
}

export interface PlanWindow {
  seed: number;
  /** First and last day of the year of data. */
  startDay: number;
  endDay: number;
}

export function isDischarged(episode: EpisodePlan, endDay: number): boolean {
  return episode.plannedDischargeDay <= endDay;
}

/** Last day of the episode inside the data: its discharge, or the end of the data while open. */
export function windowEndDay(episode: EpisodePlan, endDay: number): number {
  return Math.min(episode.plannedDischargeDay, endDay);
}

export function participantId(index: number): string {
  return `P${String(index + 1).padStart(6, '0')}`;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

function planTraits(rng: Rng): ParticipantTraits {
  const habit = rng.next();
  return {
    // Log-normal spread around a median of 8% no-shows: most people come, a few rarely do.
    absenceRate: clamp(0.08 * Math.exp(0.6 * rng.normal()), 0.01, 0.5),
    excusedRate: clamp(0.04 * Math.exp(0.5 * rng.normal()), 0.005, 0.2),
    lateRate: clamp(0.06 * Math.exp(0.4 * rng.normal()), 0.01, 0.25),
    leftEarlyRate: clamp(0.04 * Math.exp(0.4 * rng.normal()), 0.005, 0.2),
    feedbackHabit: habit < 0.15 ? 0.15 : habit < 0.75 ? 0.7 : 0.95,
    alliance: clamp(9.6 + 0.3 * rng.normal(), 6.5, 10),
    checkInHabit: rng.weighted<number>([
      [0.9, 0.7],
      [0.6, 0.22],
      [0.25, 0.06],
      [0, 0.02],
    ]),
    useProneness: clamp(Math.exp(0.5 * rng.normal()), 0.2, 4),
    cravingAtAdmission: clamp(5.5 + 1.6 * rng.normal(), 0.5, 10),
  };
}

function planBaselineDaysUsed(rng: Rng): number | undefined {
  if (rng.chance(0.03)) return undefined;
  // IOP intakes are less often daily users than the opioid trials of CTN-0094 (median 28/30).
  const severity = rng.next();
  if (severity < 0.35) return rng.int(22, 30);
  if (severity < 0.75) return rng.int(8, 21);
  return rng.int(0, 7);
}

function planAssessmentDay(rng: Rng, admissionDay: number): number | undefined {
  if (rng.chance(0.03)) return undefined;
  const lag = rng.weighted<readonly [number, number]>([
    [[0, 0], 0.15],
    [[1, 7], 0.55],
    [[8, 21], 0.3],
  ]);
  return admissionDay - rng.int(lag[0], lag[1]);
}

/** Week of the last attended session of someone who leaves, from the CTN-0094 histogram cut at
 * the planned length of the program. */
function dropoutWeek(rng: Rng, plannedWeeks: number): number {
  return rng.weightedIndex(DROPOUT_LAST_WEEK_WEIGHTS.slice(0, plannedWeeks));
}

function planDischargeReason(rng: Rng, risk: number): DischargeReason {
  const weights = DISCHARGE_REASONS.map((reason) => {
    if (reason === 'dropped_out' || reason === 'terminated') return DISCHARGE_REASON_WEIGHTS[reason] * risk;
    return DISCHARGE_REASON_WEIGHTS[reason];
  });
  const notCompleted = weights.slice(1).reduce((sum, w) => sum + w, 0);
  weights[0] = Math.max(0.05, 1 - notCompleted);
  return DISCHARGE_REASONS[rng.weightedIndex(weights)];
}

interface EpisodeEnd {
  dischargeDay: number;
  lastEngagedDay: number;
}

function planEpisodeEnd(rng: Rng, reason: DischargeReason, admissionDay: number): EpisodeEnd {
  // Planned program length 8-16 weeks, most often about 12 (a "90-day" IOP).
  const plannedWeeks = 8 + Math.round((rng.next() + rng.next()) * 4);
  const plannedDays = plannedWeeks * 7 - rng.int(0, 3);
  switch (reason) {
    case 'completed':
      return { dischargeDay: admissionDay + plannedDays, lastEngagedDay: Infinity };
    case 'dropped_out': {
      // A few never come to a single group; the rest stop after a CTN-like number of weeks and
      // are discharged after one to three weeks without contact.
      const lastEngagedDay = rng.chance(0.03)
        ? admissionDay - 1
        : admissionDay + dropoutWeek(rng, plannedWeeks) * 7 + rng.int(0, 6);
      return { lastEngagedDay, dischargeDay: Math.max(admissionDay, lastEngagedDay) + rng.int(7, 21) };
    }
    case 'terminated': {
      const lastEngagedDay = admissionDay + dropoutWeek(rng, plannedWeeks) * 7 + rng.int(0, 6);
      return { lastEngagedDay, dischargeDay: lastEngagedDay + rng.int(0, 7) };
    }
    case 'transferred':
      return { dischargeDay: admissionDay + rng.int(7, plannedDays), lastEngagedDay: Infinity };
    case 'incarcerated': {
      const lastEngagedDay = admissionDay + rng.int(3, plannedDays);
      return { lastEngagedDay, dischargeDay: lastEngagedDay + rng.int(2, 14) };
    }
    case 'died': {
      const lastEngagedDay = admissionDay + rng.int(3, plannedDays);
      return { lastEngagedDay, dischargeDay: lastEngagedDay + rng.int(1, 10) };
    }
    case 'other':
      // Some are discharged on the day of admission (paperwork, a change of level of care): a
      // length of stay of zero that the retention curve must handle.
      return {
        dischargeDay: rng.chance(0.06) ? admissionDay : admissionDay + rng.int(1, plannedDays),
        lastEngagedDay: Infinity,
      };
  }
}

/** CTN-0094 flags "missing 14 consecutive days" as a reason for a missed visit: people vanish
 * for a while and return. A quarter of episodes get one such stretch somewhere in their course.
 * Placed uniformly, few stretches would straddle the end of the data, yet a census of open
 * episodes at any date holds some people who are away right now; so an open episode also has an
 * 8% chance of being in a stretch that began one to two weeks before the end. */
function planMissingStretch(rng: Rng, admissionDay: number, dischargeDay: number, endDay: number): [number, number] {
  const none: [number, number] = [Infinity, -Infinity];
  const stayedLongEnough = dischargeDay - admissionDay > 28;
  if (dischargeDay > endDay && endDay - admissionDay > 21 && rng.chance(0.08)) {
    const from = endDay - rng.int(8, 16);
    return [from, from + rng.int(14, 28)];
  }
  if (!stayedLongEnough || !rng.chance(0.25)) return none;
  const length = rng.int(7, 16);
  const from = admissionDay + rng.int(7, Math.max(7, dischargeDay - admissionDay - length - 7));
  return [from, from + length - 1];
}

function planMemberships(rng: Rng, primaryType: GroupType, admissionDay: number, lastDay: number): Membership[] {
  const memberships: Membership[] = [{ type: primaryType, startDay: admissionDay, endDay: lastDay, groupIndex: -1 }];
  // Most people also join one or two shorter blocks of another kind of group, starting once they
  // have settled in; the primary group stays the one with the most sessions.
  const extraBlocks = rng.weightedIndex([0.15, 0.5, 0.35]);
  const candidates = PRIMARY_GROUP_TYPE_WEIGHTS.filter(([type]) => type !== primaryType);
  for (let block = 0; block < extraBlocks; block++) {
    const index = rng.weightedIndex(candidates.map(([, weight]) => weight));
    const [type] = candidates.splice(index, 1)[0];
    const startDay = admissionDay + rng.int(0, 10);
    const endDay = Math.min(lastDay, startDay + rng.int(5, 10) * 7 - 1);
    if (startDay <= endDay) memberships.push({ type, startDay, endDay, groupIndex: -1 });
  }
  return memberships;
}

export function planParticipant(index: number, window: PlanWindow, firstEpisodeNumber: number): ParticipantPlan {
  const rng = createRng(mixSeed(window.seed, 1, index));
  const missing = (p: number): boolean => rng.chance(p);
  const participant: ParticipantPlan = {
    index,
    id: participantId(index),
    // Adults 18-70, most in their twenties to forties.
    birthYear: missing(0.02) ? undefined : yearOf(window.endDay) - clamp(Math.round(36 + 11 * rng.normal()), 18, 70),
    gender: missing(0.01) ? undefined : rng.weighted(GENDER_WEIGHTS),
    substance: missing(0.01) ? undefined : rng.weighted(SUBSTANCE_WEIGHTS),
    coOccurring: missing(0.03) ? undefined : rng.chance(0.45),
    traits: planTraits(rng),
    episodes: [],
  };
  let siteIndex = rng.weightedIndex(SITES.map((site) => site.weight));
  let admissionDay = rng.int(window.startDay, window.endDay);
  for (let ordinal = 1; ordinal <= 4; ordinal++) {
    const baselineDaysUsed = planBaselineDaysUsed(rng);
    const primaryType = rng.weighted(PRIMARY_GROUP_TYPE_WEIGHTS);
    const risk =
      DROPOUT_RISK_BY_GROUP_TYPE[primaryType] *
      (participant.coOccurring ? 1.15 : 1) *
      ((baselineDaysUsed ?? 0) >= 22 ? 1.1 : 1) *
      (ordinal > 1 ? 1.15 : 1);
    const plannedReason = planDischargeReason(rng, risk);
    const end = planEpisodeEnd(rng, plannedReason, admissionDay);
    const [missingFromDay, missingThroughDay] = planMissingStretch(rng, admissionDay, end.dischargeDay, window.endDay);
    const episode: EpisodePlan = {
      id: `E${String(firstEpisodeNumber + participant.episodes.length).padStart(7, '0')}`,
      ordinal,
      siteIndex,
      assessmentDay: planAssessmentDay(rng, admissionDay),
      admissionDay,
      plannedDischargeDay: end.dischargeDay,
      plannedReason,
      lastEngagedDay: end.lastEngagedDay,
      missingFromDay,
      missingThroughDay,
      baselineDaysUsed,
      primaryType,
      memberships: planMemberships(rng, primaryType, admissionDay, Math.min(end.dischargeDay, window.endDay)),
      nextAdmissionDay: Infinity,
    };
    participant.episodes.push(episode);
    if (end.dischargeDay > window.endDay || !rng.chance(READMISSION_CHANCE[plannedReason])) break;
    // Back after a few weeks to months; later after a jail stay. Readmissions start after the
    // discharge day, so a participant's episodes never overlap.
    const nextAdmission = end.dischargeDay + (plannedReason === 'incarcerated' ? rng.int(45, 200) : rng.int(14, 120));
    if (nextAdmission > window.endDay) break;
    episode.nextAdmissionDay = nextAdmission;
    admissionDay = nextAdmission;
    if (rng.chance(0.1)) siteIndex = (siteIndex + rng.int(1, SITES.length - 1)) % SITES.length;
  }
  return participant;
}

/** A change to a participant's last episode, decided after all participants were planned. */
export interface EpisodeOverride {
  reason: DischargeReason;
  /** For endings that stop attendance: days before discharge of the last attended day. */
  daysEngagedBeforeDischarge: number;
}

const REASONS_THAT_KEEP_ATTENDING: readonly DischargeReason[] = ['completed', 'transferred', 'other'];

/**
 * Counts discharge reasons while participants are planned, so that a rare reason missing from a
 * small demo (death is well under 1% of discharges) can be added: the dashboard should show
 * every reason. It remembers, by participant index only, the last episodes that could give up
 * their reason (discharged, of a common reason that keeps attending, not same-day).
 */
export class DischargeReasonCensus {
  private readonly counts = new Map<DischargeReason, number>(DISCHARGE_REASONS.map((reason) => [reason, 0]));
  private readonly donorParticipants: number[] = [];
  private readonly donorReasons: DischargeReason[] = [];

  constructor(private readonly endDay: number) {}

  add(participant: ParticipantPlan): void {
    for (const episode of participant.episodes) {
      if (isDischarged(episode, this.endDay))
        this.counts.set(episode.plannedReason, (this.counts.get(episode.plannedReason) ?? 0) + 1);
    }
    const last = participant.episodes[participant.episodes.length - 1];
    if (
      isDischarged(last, this.endDay) &&
      REASONS_THAT_KEEP_ATTENDING.includes(last.plannedReason) &&
      last.plannedDischargeDay > last.admissionDay
    ) {
      this.donorParticipants.push(participant.index);
      this.donorReasons.push(last.plannedReason);
    }
  }

  count(reason: DischargeReason): number {
    return this.counts.get(reason) ?? 0;
  }

  /** Picks, by the seed, one donor for each missing reason; keyed by participant index. */
  relabelMissingReasons(seed: number): Map<number, EpisodeOverride> {
    const rng = createRng(mixSeed(seed, 2));
    const overrides = new Map<number, EpisodeOverride>();
    for (const reason of DISCHARGE_REASONS) {
      if (this.count(reason) > 0) continue;
      const candidates: number[] = [];
      for (let i = 0; i < this.donorParticipants.length; i++) {
        if (this.count(this.donorReasons[i]) > 1 && !overrides.has(this.donorParticipants[i])) candidates.push(i);
      }
      if (candidates.length === 0) continue;
      const donor = candidates[rng.int(0, candidates.length - 1)];
      this.counts.set(this.donorReasons[donor], this.count(this.donorReasons[donor]) - 1);
      this.counts.set(reason, 1);
      overrides.set(this.donorParticipants[donor], { reason, daysEngagedBeforeDischarge: rng.int(1, 7) });
    }
    return overrides;
  }
}

/** Applies an override to the participant's last episode, keeping its attendance consistent. */
export function applyOverride(participant: ParticipantPlan, override: EpisodeOverride): void {
  const episode = participant.episodes[participant.episodes.length - 1];
  episode.plannedReason = override.reason;
  episode.lastEngagedDay = REASONS_THAT_KEEP_ATTENDING.includes(override.reason)
    ? Infinity
    : Math.max(episode.admissionDay, episode.plannedDischargeDay - override.daysEngagedBeforeDischarge);
}

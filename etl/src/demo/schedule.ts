// Standing groups, their session calendars and who sits on which roster.
//
// Every site starts the year with one group of each type. Members are placed in the least full
// group of their site and type when they join; when all of them already have ROSTER_LIMIT
// members, a new group opens. The number of groups therefore follows the caseload, and rosters
// stay between about six and ten people whatever the number of participants.

import { programHolidays, weekdayOf } from './calendar';
import type { EpisodePlan, Membership } from './episodes';
import { GROUP_TYPE_PROFILES, MEETING_DAYS, SITES, TIMES_OF_DAY } from './patterns';
import { createRng, mixSeed } from './prng';
import { GROUP_TYPES, type GroupType, type Modality } from './vocabulary';

/** Most members a roster takes before a new group of the same kind opens. */
export const ROSTER_LIMIT = 10;

export interface DemoGroup {
  index: number;
  id: string;
  siteIndex: number;
  type: GroupType;
  name: string;
  modality: Modality | undefined;
  capacity: number | undefined;
  /** The usual session length; a session's own duration may differ or be missing. */
  usualMinutes: number;
  /** Day of the first session the group can hold (it opens when it is needed). */
  openDay: number;
  /** Session days in increasing order, and each session's recorded duration (0 = not recorded). */
  sessionDays: Int32Array;
  sessionMinutes: Int16Array;
  /** Index into the type's topic list for each session, -1 when no topic was recorded. */
  sessionTopics: Int8Array;
}

export interface ScheduleWindow {
  seed: number;
  startDay: number;
  endDay: number;
}

const DAY_LABELS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MODALITY_LABELS: Readonly<Record<Modality, string>> = {
  cbt: 'CBT',
  dbt: 'DBT',
  mindfulness: 'mindfulness-based',
  motivational: 'MI',
  twelve_step: '12-step',
  other: 'integrated',
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Describes a new group and computes its sessions from openDay to the end of the data. */
function openGroup(index: number, siteIndex: number, type: GroupType, openDay: number, window: ScheduleWindow, holidays: ReadonlySet<number>): DemoGroup {
  const rng = createRng(mixSeed(window.seed, 4, index));
  const profile = GROUP_TYPE_PROFILES[type];
  const modality = rng.weighted(profile.modalities);
  const perWeek = rng.weighted(profile.sessionsPerWeek);
  const meetingDays = rng.pick(MEETING_DAYS[perWeek]);
  // Saturday groups meet in the morning; the others at any time of day.
  const timeOfDay = meetingDays.includes(6) ? 'morning' : rng.pick(TIMES_OF_DAY);
  const usualMinutes = rng.pick(profile.durationsMinutes);
  const days: number[] = [];
  const minutes: number[] = [];
  const topics: number[] = [];
  for (let day = openDay; day <= window.endDay; day++) {
    if (!meetingDays.includes(weekdayOf(day)) || holidays.has(day)) continue;
    if (rng.chance(0.01)) continue; // cancelled: facilitator ill, building closed
    days.push(day);
    // Sessions mostly run their usual length; the record sometimes lacks a duration.
    const recorded = rng.chance(0.01) ? 0 : rng.chance(0.08) ? usualMinutes + rng.pick([-30, -15, 15, 30]) : usualMinutes;
    minutes.push(recorded);
    topics.push(rng.chance(0.05) ? -1 : rng.int(0, profile.topics.length - 1));
  }
  return {
    index,
    id: `G${String(index + 1).padStart(4, '0')}`,
    siteIndex,
    type,
    // Names such as "Skills (DBT), Mon/Wed/Fri evening": the comma exercises CSV quoting.
    name: `${capitalise(profile.label)} (${MODALITY_LABELS[modality]}), ${meetingDays.map((d) => DAY_LABELS[d]).join('/')} ${timeOfDay}`,
    modality: rng.chance(0.05) ? undefined : modality,
    capacity: rng.chance(0.04) ? undefined : rng.int(10, 14),
    usualMinutes,
    openDay,
    sessionDays: Int32Array.from(days),
    sessionMinutes: Int16Array.from(minutes),
    sessionTopics: Int8Array.from(topics),
  };
}

/** Index of the first session on or after `day` (sessionDays.length when there is none). */
export function firstSessionOnOrAfter(group: DemoGroup, day: number): number {
  const days = group.sessionDays;
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (days[mid] < day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Creates the groups and puts every membership of every episode on a roster (sets groupIndex).
 * Memberships are placed in order of their first day, so the load of each group is known at the
 * moment someone joins; memory is one counter per group plus a list of departures per day.
 */
export function assignRosters(episodes: readonly EpisodePlan[], window: ScheduleWindow): DemoGroup[] {
  const holidays = programHolidays(window.startDay, window.endDay);
  const groups: DemoGroup[] = [];
  const load: number[] = [];
  const pools = new Map<string, number[]>();
  const poolKey = (siteIndex: number, type: GroupType): string => `${siteIndex}:${type}`;
  const open = (siteIndex: number, type: GroupType, day: number): number => {
    const group = openGroup(groups.length, siteIndex, type, day, window, holidays);
    groups.push(group);
    load.push(0);
    pools.get(poolKey(siteIndex, type))?.push(group.index);
    return group.index;
  };
  for (let siteIndex = 0; siteIndex < SITES.length; siteIndex++) {
    for (const type of GROUP_TYPES) {
      pools.set(poolKey(siteIndex, type), []);
      open(siteIndex, type, window.startDay);
    }
  }

  const joins: { membership: Membership; siteIndex: number }[] = [];
  for (const episode of episodes) {
    for (const membership of episode.memberships) joins.push({ membership, siteIndex: episode.siteIndex });
  }
  // Stable sort: ties keep the participant order, which is itself deterministic.
  joins.sort((a, b) => a.membership.startDay - b.membership.startDay);

  // departures[d] lists the groups that lose a member at the start of day d.
  const departures = new Map<number, number[]>();
  let releasedThrough = window.startDay - 1;
  for (const { membership, siteIndex } of joins) {
    for (let day = releasedThrough + 1; day <= membership.startDay; day++) {
      for (const groupIndex of departures.get(day) ?? []) load[groupIndex]--;
      departures.delete(day);
    }
    releasedThrough = Math.max(releasedThrough, membership.startDay);

    const pool = pools.get(poolKey(siteIndex, membership.type)) ?? [];
    let chosen = -1;
    for (const groupIndex of pool) {
      if (chosen === -1 || load[groupIndex] < load[chosen]) chosen = groupIndex;
    }
    if (chosen === -1 || load[chosen] >= ROSTER_LIMIT) chosen = open(siteIndex, membership.type, membership.startDay);
    membership.groupIndex = chosen;
    load[chosen]++;
    const leaveDay = membership.endDay + 1;
    const leaving = departures.get(leaveDay);
    if (leaving) leaving.push(chosen);
    else departures.set(leaveDay, [chosen]);
  }
  return groups;
}

/** The topic recorded for a session, if any. */
export function sessionTopic(group: DemoGroup, sessionIndex: number): string | undefined {
  const topicIndex = group.sessionTopics[sessionIndex];
  return topicIndex < 0 ? undefined : GROUP_TYPE_PROFILES[group.type].topics[topicIndex];
}

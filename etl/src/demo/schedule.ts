// Standing groups, their session calendars and who sits on which roster.
//
// Every site starts the year with one group of each type. How many groups a site runs of a type
// follows its caseload: enough for about TARGET_ROSTER members each once the program has filled
// up. Members join the least full group of their site and type; while the caseload builds up, the
// next group opens only when all open ones are past the target, and no roster ever grows beyond
// ROSTER_LIMIT. Rosters thus stay at about six to ten people whatever the number of participants
// (a site with very few people of one kind still keeps its one small group).

import { programHolidays, weekdayOf } from './calendar';
import type { EpisodePlan } from './episodes';
import { GROUP_TYPE_PROFILES, MEETING_DAYS, SITES, TIMES_OF_DAY } from './patterns';
import { createRng, mixSeed } from './prng';
import { GROUP_TYPES, type GroupType, type Modality } from './vocabulary';

/** Members per group the program aims for once it has filled up. */
export const TARGET_ROSTER = 8;
/** Most members a roster ever takes; a new group opens rather than exceed it. */
export const ROSTER_LIMIT = 12;

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
function openGroup(
  index: number,
  siteIndex: number,
  type: GroupType,
  openDay: number,
  window: ScheduleWindow,
  holidays: ReadonlySet<number>,
): DemoGroup {
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
    const recorded = rng.chance(0.01)
      ? 0
      : rng.chance(0.08)
        ? Math.min(180, Math.max(60, usualMinutes + rng.pick([-30, -15, 15, 30])))
        : usualMinutes;
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
    capacity: rng.chance(0.04) ? undefined : rng.int(ROSTER_LIMIT, 15),
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

/** Growable integer columns: the roster assignment needs only these four numbers per
 * membership, not the participant plans, which are discarded and re-derived later. */
export class MembershipTable {
  private startDays = new Int32Array(1024);
  private endDays = new Int32Array(1024);
  private pools = new Int32Array(1024);
  private size = 0;

  get length(): number {
    return this.size;
  }

  add(siteIndex: number, type: GroupType, startDay: number, endDay: number): void {
    if (this.size === this.startDays.length) {
      const grow = (column: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const bigger = new Int32Array(column.length * 2);
        bigger.set(column);
        return bigger;
      };
      this.startDays = grow(this.startDays);
      this.endDays = grow(this.endDays);
      this.pools = grow(this.pools);
    }
    this.startDays[this.size] = startDay;
    this.endDays[this.size] = endDay;
    this.pools[this.size] = siteIndex * GROUP_TYPES.length + GROUP_TYPES.indexOf(type);
    this.size++;
  }

  addEpisode(episode: EpisodePlan): void {
    for (const membership of episode.memberships)
      this.add(episode.siteIndex, membership.type, membership.startDay, membership.endDay);
  }

  startDay(row: number): number {
    return this.startDays[row];
  }

  endDay(row: number): number {
    return this.endDays[row];
  }

  /** Site and group type as one number: siteIndex * 5 + type index. */
  pool(row: number): number {
    return this.pools[row];
  }
}

/**
 * Groups each pool (site × type) should run: its average number of concurrent members over the
 * second half of the year, when admissions and discharges balance, divided by TARGET_ROSTER.
 */
export function plannedGroupsPerPool(
  memberships: MembershipTable,
  window: ScheduleWindow,
  poolCount: number,
): number[] {
  const steadyFrom = window.endDay - 182;
  const memberDays = new Array<number>(poolCount).fill(0);
  for (let row = 0; row < memberships.length; row++) {
    const days = Math.min(memberships.endDay(row), window.endDay) - Math.max(memberships.startDay(row), steadyFrom) + 1;
    if (days > 0) memberDays[memberships.pool(row)] += days;
  }
  const steadyDays = window.endDay - steadyFrom + 1;
  return memberDays.map((total) => Math.max(1, Math.round(total / steadyDays / TARGET_ROSTER)));
}

export interface Rosters {
  groups: DemoGroup[];
  /** Group index of each membership, in the order they were added to the table. */
  groupOfMembership: Int32Array;
}

/**
 * Creates the groups and puts every membership on a roster. Memberships are placed in order of
 * their first day, so the load of each group is known at the moment someone joins: they go to
 * the least full group of their site and type, or to a new one when all are full.
 */
export function assignRosters(memberships: MembershipTable, window: ScheduleWindow): Rosters {
  const holidays = programHolidays(window.startDay, window.endDay);
  const groups: DemoGroup[] = [];
  const load: number[] = [];
  const pools: number[][] = [];
  const open = (pool: number, day: number): number => {
    const siteIndex = Math.floor(pool / GROUP_TYPES.length);
    const group = openGroup(groups.length, siteIndex, GROUP_TYPES[pool % GROUP_TYPES.length], day, window, holidays);
    groups.push(group);
    load.push(0);
    pools[pool].push(group.index);
    return group.index;
  };
  const poolCount = SITES.length * GROUP_TYPES.length;
  const planned = plannedGroupsPerPool(memberships, window, poolCount);
  for (let pool = 0; pool < poolCount; pool++) {
    pools.push([]);
    open(pool, window.startDay);
  }

  // Stable order: by first day, ties in the order added (participant order, itself deterministic).
  const order = Array.from({ length: memberships.length }, (_, row) => row);
  order.sort((a, b) => memberships.startDay(a) - memberships.startDay(b) || a - b);

  const groupOfMembership = new Int32Array(memberships.length);
  // departures[d] lists the groups that lose a member at the start of day d.
  const departures = new Map<number, number[]>();
  let releasedThrough = window.startDay - 1;
  for (const row of order) {
    const startDay = memberships.startDay(row);
    for (let day = releasedThrough + 1; day <= startDay; day++) {
      for (const groupIndex of departures.get(day) ?? []) load[groupIndex]--;
      departures.delete(day);
    }
    releasedThrough = Math.max(releasedThrough, startDay);

    const pool = memberships.pool(row);
    let chosen = -1;
    for (const groupIndex of pools[pool]) {
      if (chosen === -1 || load[groupIndex] < load[chosen]) chosen = groupIndex;
    }
    const growing = pools[pool].length < planned[pool] && load[chosen] >= TARGET_ROSTER + 1;
    if (growing || load[chosen] >= ROSTER_LIMIT) chosen = open(pool, startDay);
    groupOfMembership[row] = chosen;
    load[chosen]++;
    const leaveDay = memberships.endDay(row) + 1;
    const leaving = departures.get(leaveDay);
    if (leaving) leaving.push(chosen);
    else departures.set(leaveDay, [chosen]);
  }
  return { groups, groupOfMembership };
}

/** The topic recorded for a session, if any. */
export function sessionTopic(group: DemoGroup, sessionIndex: number): string | undefined {
  const topicIndex = group.sessionTopics[sessionIndex];
  return topicIndex < 0 ? undefined : GROUP_TYPE_PROFILES[group.type].topics[topicIndex];
}

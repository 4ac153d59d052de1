// Writes a complete, contract-valid demo load (the eight CSV files of shared/DATA_CONTRACT.md) for
// a synthetic IOP program: three sites, a year of group sessions ending at endDate, and as many
// participants as asked. The same options always give the same bytes.
//
// Memory stays flat in the size of the output: what is held is four integers per group
// membership (for the roster assignment) and the session calendars; each participant's plan is
// derived from the seed and its index, used and dropped, and attendance, feedback and check-ins
// are produced one episode at a time and streamed to disk with backpressure.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatIsoDay, IsoDayCache, parseIsoDay } from './calendar';
import { CsvFileWriter } from './csv-writer';
import { writeEpisodeActivity, type EngagementContext } from './engagement';
import {
  applyOverride,
  DischargeReasonCensus,
  isDischarged,
  planParticipant,
  type ParticipantPlan,
  type PlanWindow,
} from './episodes';
import { SITES } from './patterns';
import { mixSeed } from './prng';
import { assignRosters, MembershipTable, sessionTopic, type DemoGroup } from './schedule';
import { DEMO_FILE_COLUMNS, DEMO_FILE_KINDS, type DemoFileKind } from './vocabulary';

export const DEFAULT_END_DATE = '2026-10-31';

export type DemoStage = 'plan' | 'rosters' | 'reference' | 'activity' | 'done';

export interface DemoProgress {
  stage: DemoStage;
  /** Participants (plan, activity, done) or groups (rosters, reference) done so far, out of total. */
  done: number;
  total: number;
}

export interface DemoOptions {
  outDir: string;
  participants: number;
  seed: number;
  /** Last day of the year of data, YYYY-MM-DD; default 2026-10-31. */
  endDate?: string;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoSummary {
  outDir: string;
  startDate: string;
  endDate: string;
  participants: number;
  seed: number;
  /** Data rows (header excluded) per file, keyed by file kind. */
  rows: Record<DemoFileKind, number>;
  /** Absolute or given paths of the files written, in load order. */
  files: string[];
}

/** Throws a message naming the bad option; the CLI shows it as is. */
function validateOptions(options: DemoOptions): number {
  if (!Number.isSafeInteger(options.participants) || options.participants < 1) {
    throw new Error(`participants must be a whole number of at least 1, got ${options.participants}`);
  }
  if (!Number.isSafeInteger(options.seed)) throw new Error(`seed must be a whole number, got ${options.seed}`);
  if (options.outDir.trim() === '') throw new Error('outDir must not be empty');
  return parseIsoDay(options.endDate ?? DEFAULT_END_DATE);
}

/** How often a site leaves minutes_attended empty: one site records minutes less carefully. */
const MINUTES_MISSING_BY_SITE = [0.04, 0.05, 0.15];

/** How many participants between progress reports. */
const PROGRESS_EVERY = 500;

export async function generateDemoData(options: DemoOptions): Promise<DemoSummary> {
  const endDay = validateOptions(options);
  // A year of sessions: 365 days ending on endDate.
  const startDay = endDay - 364;
  // Fold all 53 bits of the seed into the 32 the generator uses, so seeds 1 and 2^32 + 1 differ.
  const streamSeed = mixSeed(options.seed % 2 ** 32, Math.floor(options.seed / 2 ** 32));
  const window: PlanWindow = { seed: streamSeed, startDay, endDay };
  const report = (stage: DemoStage, done: number, total: number): void => options.onProgress?.({ stage, done, total });
  const total = options.participants;

  // Pass 1: plan everyone, keeping only what the rosters and the discharge-reason census need.
  // A participant's plan depends on the seed and its index alone, so pass 2 can re-derive it
  // instead of keeping 100,000 plans in memory.
  const memberships = new MembershipTable();
  const census = new DischargeReasonCensus(endDay);
  for (const participant of plannedParticipants(total, window)) {
    for (const episode of participant.episodes) memberships.addEpisode(episode);
    census.add(participant);
    if ((participant.index + 1) % PROGRESS_EVERY === 0) report('plan', participant.index + 1, total);
  }
  const overrides = census.relabelMissingReasons(streamSeed);
  report('plan', total, total);
  const { groups, groupOfMembership } = assignRosters(memberships, window);
  report('rosters', groups.length, groups.length);

  await mkdir(options.outDir, { recursive: true });
  // Assessments reach three weeks before the first admission; nothing is dated after endDate.
  const dates = new IsoDayCache(startDay - 30, endDay);
  const writers = {} as Record<DemoFileKind, CsvFileWriter>;
  for (const kind of DEMO_FILE_KINDS) {
    writers[kind] = CsvFileWriter.create(join(options.outDir, `${kind}.csv`), DEMO_FILE_COLUMNS[kind]);
  }
  try {
    await writeSitesGroupsAndSessions(writers, groups, dates);
    report('reference', groups.length, groups.length);

    // Pass 2: the same plans again, now with their rosters, streamed out one participant at a time.
    const context: EngagementContext = {
      seed: streamSeed,
      endDay,
      groups,
      dates,
      minutesMissingBySite: MINUTES_MISSING_BY_SITE,
    };
    let membershipRow = 0;
    for (const participant of plannedParticipants(total, window)) {
      const index = participant.index;
      const override = overrides.get(index);
      if (override) applyOverride(participant, override);
      for (const episode of participant.episodes) {
        for (const membership of episode.memberships) membership.groupIndex = groupOfMembership[membershipRow++];
      }
      writeParticipantAndEpisodes(writers, participant, dates, endDay);
      for (const episode of participant.episodes) writeEpisodeActivity(writers, context, participant, episode);
      // Let the streams drain regularly, so that a slow disk holds the generator back.
      await Promise.all(DEMO_FILE_KINDS.map((kind) => writers[kind].flushIfFull()));
      if ((index + 1) % PROGRESS_EVERY === 0) report('activity', index + 1, total);
    }
    report('activity', total, total);
    await Promise.all(DEMO_FILE_KINDS.map((kind) => writers[kind].close()));
  } catch (error) {
    for (const kind of DEMO_FILE_KINDS) writers[kind].abort();
    throw error;
  }
  report('done', total, total);

  const rows = {} as Record<DemoFileKind, number>;
  for (const kind of DEMO_FILE_KINDS) rows[kind] = writers[kind].rows;
  return {
    outDir: options.outDir,
    startDate: formatIsoDay(startDay),
    endDate: formatIsoDay(endDay),
    participants: total,
    seed: options.seed,
    rows,
    files: DEMO_FILE_KINDS.map((kind) => writers[kind].path),
  };
}

/** Plans participants 0..total-1 in order, numbering episodes E0000001… across them. */
function* plannedParticipants(total: number, window: PlanWindow): Generator<ParticipantPlan> {
  let episodeNumber = 1;
  for (let index = 0; index < total; index++) {
    const participant = planParticipant(index, window, episodeNumber);
    episodeNumber += participant.episodes.length;
    yield participant;
  }
}

async function writeSitesGroupsAndSessions(
  writers: Record<DemoFileKind, CsvFileWriter>,
  groups: readonly DemoGroup[],
  dates: IsoDayCache,
): Promise<void> {
  SITES.forEach((site, siteIndex) => writers.sites.writeRow([siteId(siteIndex), site.name]));
  for (const group of groups) {
    writers.groups.writeRow([
      group.id,
      siteId(group.siteIndex),
      group.type,
      group.name,
      group.modality,
      group.capacity,
    ]);
    for (let i = 0; i < group.sessionDays.length; i++) {
      const minutes = group.sessionMinutes[i];
      writers.sessions.writeRow([
        `${group.id}-${dates.format(group.sessionDays[i])}`,
        group.id,
        dates.format(group.sessionDays[i]),
        minutes > 0 ? minutes : undefined,
        sessionTopic(group, i),
      ]);
    }
    await writers.sessions.flushIfFull();
  }
}

function writeParticipantAndEpisodes(
  writers: Record<DemoFileKind, CsvFileWriter>,
  participant: ParticipantPlan,
  dates: IsoDayCache,
  endDay: number,
): void {
  writers.participants.writeRow([
    participant.id,
    participant.birthYear,
    participant.gender,
    participant.substance,
    participant.coOccurring,
  ]);
  for (const episode of participant.episodes) {
    const discharged = isDischarged(episode, endDay);
    writers.enrollments.writeRow([
      episode.id,
      participant.id,
      siteId(episode.siteIndex),
      dates.format(episode.admissionDay),
      discharged ? dates.format(episode.plannedDischargeDay) : undefined,
      discharged ? episode.plannedReason : undefined,
      episode.assessmentDay === undefined ? undefined : dates.format(episode.assessmentDay),
      episode.baselineDaysUsed,
    ]);
  }
}

export function siteId(siteIndex: number): string {
  return `S${String(siteIndex + 1).padStart(2, '0')}`;
}

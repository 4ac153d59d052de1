// The database checks of each kind of file, in the order they run. "Must exist" checks come first
// and all run (a row may miss both its session and its participant); the rules that build on
// them, the duplicate-key rule and the overlap rules then see only the rows still standing; the
// rules that keep stored rows valid (stored-rows.ts) come last, on the rows that would go in.
//
// A row rejected late keeps its stored row as it was, which an earlier rule had counted as
// replaced: the rules that judge a row against the stored rows the file leaves in place are then
// asked again, together, until a round rejects nothing (SETTLE_BY_KIND). Rejecting only ever
// keeps more stored rows, so the rounds end; in practice after one or two.

import type { PoolClient } from 'pg';

import type { FileKind } from '../../contract';
import { STAGE } from '../tables';
import { attendanceInsideAnEpisode, checkInAfterAnAdmission, feedbackOnlyWhenAttended } from './activity';
import { type DatabaseCheck, runCheck } from './check';
import { lastRowWins } from './duplicates';
import { noOverlapWithinFile, noOverlapWithStoredEpisodes } from './episodes';
import { mustExist } from './references';
import {
  attendanceKeepsStoredFeedback,
  episodeKeepsStoredAttendance,
  episodeKeepsStoredCheckIns,
  sessionKeepsStoredAttendance,
} from './stored-rows';

const site = mustExist('site_id', 'site', 'site', 'sites.csv');
const group = mustExist('group_id', 'therapy_group', 'group', 'groups.csv');
const participant = mustExist('participant_id', 'participant', 'participant', 'participants.csv');
const session = mustExist('session_id', 'group_session', 'session', 'sessions.csv');

export const CHECKS_BY_KIND: Readonly<Record<FileKind, readonly DatabaseCheck[]>> = {
  sites: [lastRowWins(['site_id'])],
  groups: [site, lastRowWins(['group_id'])],
  participants: [lastRowWins(['participant_id'])],
  enrollments: [
    participant,
    site,
    lastRowWins(['enrollment_id']),
    noOverlapWithStoredEpisodes,
    noOverlapWithinFile,
    episodeKeepsStoredCheckIns,
    episodeKeepsStoredAttendance,
  ],
  sessions: [group, lastRowWins(['session_id']), sessionKeepsStoredAttendance],
  attendance: [
    session,
    participant,
    attendanceInsideAnEpisode,
    lastRowWins(['session_id', 'participant_id']),
    attendanceKeepsStoredFeedback,
  ],
  feedback: [session, participant, feedbackOnlyWhenAttended, lastRowWins(['session_id', 'participant_id'])],
  sobriety: [participant, checkInAfterAnAdmission, lastRowWins(['participant_id', 'report_date'])],
};

/** The checks asked again until settled, per kind; each must skip rows rejected already. */
export const SETTLE_BY_KIND: Readonly<Partial<Record<FileKind, readonly DatabaseCheck[]>>> = {
  enrollments: [noOverlapWithStoredEpisodes, episodeKeepsStoredCheckIns, episodeKeepsStoredAttendance],
};

/**
 * Staged columns the checks look staged rows up by, once per stored row they visit (an episode
 * file's stored-row checks probe the staged episodes for every attendance row of each moved
 * episode's participant). Indexed after the COPY: otherwise each probe scans the file, and a
 * nightly file of 1,092 episodes took 4.5 s against 14,532 such rows at 100,000 participants.
 */
const STAGE_LOOKUPS: Readonly<Partial<Record<FileKind, readonly string[]>>> = {
  enrollments: ['enrollment_id', 'participant_id'],
};

export async function indexStageForChecks(client: PoolClient, kind: FileKind): Promise<void> {
  for (const column of STAGE_LOOKUPS[kind] ?? []) await client.query(`CREATE INDEX ON ${STAGE} (${column})`);
}

/** Every check of the kind in order, then the settling rounds; `beforeEach` may throw to cancel. */
export async function runChecks(
  client: PoolClient,
  kind: FileKind,
  loadId: number,
  fileName: string,
  beforeEach: () => void,
): Promise<void> {
  for (const check of CHECKS_BY_KIND[kind]) {
    beforeEach();
    await runCheck(client, check, loadId, fileName);
  }
  const settle = SETTLE_BY_KIND[kind] ?? [];
  let rejected = 1;
  while (settle.length > 0 && rejected > 0) {
    rejected = 0;
    for (const check of settle) {
      beforeEach();
      rejected += await runCheck(client, check, loadId, fileName);
    }
  }
}

export type { DatabaseCheck } from './check';
export { countRejectedLines, runCheck } from './check';

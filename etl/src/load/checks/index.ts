// The database checks of each kind of file, in the order they run. "Must exist" checks come first
// and all run (a row may miss both its session and its participant); the rules that build on
// them, the duplicate-key rule and the overlap rules then see only the rows still standing; the
// rules that keep stored rows valid (stored-rows.ts) come last, on the rows that would go in.

import type { FileKind } from '../../contract';
import { attendanceInsideAnEpisode, checkInAfterAnAdmission, feedbackOnlyWhenAttended } from './activity';
import type { DatabaseCheck } from './check';
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

export type { DatabaseCheck } from './check';
export { countRejectedLines, runCheck } from './check';

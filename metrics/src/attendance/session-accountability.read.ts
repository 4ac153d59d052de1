import { readStoredOrLive, participantWeekAllTypesKey, type DerivedStamp, type SqlRunner } from '../read';
import { type Scope, sessionScopeParams } from '../scope';
import {
  CONSISTENCY_DERIVED_SQL,
  CONSISTENCY_SQL,
  FEEDBACK_PARTICIPATION_DERIVED_SQL,
  FEEDBACK_PARTICIPATION_SQL,
  RE_ENGAGEMENT_DERIVED_SQL,
  RE_ENGAGEMENT_SQL,
} from './session-accountability.sql';

/** The consistency rows of a session scope: from the participant-week cells when they hold its all-types week. */
export function readConsistencyRows<T>(run: SqlRunner, stamp: DerivedStamp | null, scope: Scope): Promise<T[]> {
  const allTypes = participantWeekAllTypesKey(stamp, scope);
  const params = sessionScopeParams(scope);
  return allTypes === null
    ? run.live(CONSISTENCY_SQL, params)
    : run.stored(CONSISTENCY_DERIVED_SQL, [...params, allTypes]);
}

/** The feedback participation rows of a session scope. */
export function readFeedbackParticipationRows<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  scope: Scope,
): Promise<T[]> {
  const params = sessionScopeParams(scope);
  return readStoredOrLive(
    run,
    stamp,
    scope.asOf,
    { stored: FEEDBACK_PARTICIPATION_DERIVED_SQL, live: FEEDBACK_PARTICIPATION_SQL },
    params,
  );
}

/** The re-engagement rows of a session scope. */
export function readReEngagementRows<T>(run: SqlRunner, stamp: DerivedStamp | null, scope: Scope): Promise<T[]> {
  const params = sessionScopeParams(scope);
  return readStoredOrLive(
    run,
    stamp,
    scope.asOf,
    { stored: RE_ENGAGEMENT_DERIVED_SQL, live: RE_ENGAGEMENT_SQL },
    params,
  );
}

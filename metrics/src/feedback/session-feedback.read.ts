import { readStoredOrLive, type DerivedStamp, type SqlRunner } from '../read';
import { type Scope, sessionScopeParams } from '../scope';
import { SESSION_FEEDBACK_DERIVED_SQL, SESSION_FEEDBACK_SQL } from './session-feedback.sql';

/** The session feedback rows of a session scope. */
export function readSessionFeedbackRows<T>(run: SqlRunner, stamp: DerivedStamp | null, scope: Scope): Promise<T[]> {
  const params = sessionScopeParams(scope);
  return readStoredOrLive(
    run,
    stamp,
    scope.asOf,
    { stored: SESSION_FEEDBACK_DERIVED_SQL, live: SESSION_FEEDBACK_SQL },
    params,
  );
}

import { participantWeekAllTypesKey, type DerivedStamp, type SqlRunner } from '../read';
import { type Scope, sessionScopeParams } from '../scope';
import { INTENSITY_DERIVED_SQL, INTENSITY_SQL } from './intensity.sql';

/** The intensity rows of a session scope: from the participant-week cells when they hold its all-types week. */
export function readIntensityRows<T>(run: SqlRunner, stamp: DerivedStamp | null, scope: Scope): Promise<T[]> {
  const allTypes = participantWeekAllTypesKey(stamp, scope);
  const params = sessionScopeParams(scope);
  return allTypes === null ? run.live(INTENSITY_SQL, params) : run.stored(INTENSITY_DERIVED_SQL, [...params, allTypes]);
}

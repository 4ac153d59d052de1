import { derivedAnswers, type DerivedStamp, type SqlRunner } from '../read';
import { type Scope, sessionScopeParams } from '../scope';
import { ATTENDANCE_DERIVED_SQL, ATTENDANCE_GROUPS_DERIVED_SQL, ATTENDANCE_SQL } from './attendance.sql';

/**
 * The attendance rows of a session scope (every level of ATTENDANCE_SQL). `byGroup: false` may
 * leave out the group rows: the derived tables then skip their statement; the live SQL has them
 * anyway.
 */
export async function readAttendanceRows<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  scope: Scope,
  { byGroup = true } = {},
): Promise<T[]> {
  const params = sessionScopeParams(scope);
  if (!derivedAnswers(stamp, scope.asOf)) return run.live(ATTENDANCE_SQL, params);
  // The two derived statements are independent: run them side by side.
  const [rows, groups] = await Promise.all([
    run.stored<T>(ATTENDANCE_DERIVED_SQL, params),
    byGroup ? run.stored<T>(ATTENDANCE_GROUPS_DERIVED_SQL, params) : [],
  ]);
  return [...rows, ...groups];
}

import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { currentUser } from '../auth/current-user';
import { derivedStamp } from '../episodes/derived-data';
import { DataSource } from 'typeorm';
import { DEFAULT_AS_OF_SQL, type Scope } from '@iop/metrics';
import { GROUP_TYPES } from './group-type.enum';
import { MetricsFilter } from './metrics-filter.input';

export const MAX_LIST_LENGTH = 500;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Before any plausible IOP record; used when `from` is absent. */
const EARLIEST = '1900-01-01';

/**
 * Validates a filter and fills its defaults: as_of = the latest date in the data, to = as_of,
 * from = the beginning. Every problem is reported at once, naming the field.
 */
export async function resolveScope(dataSource: DataSource, filter: MetricsFilter | null | undefined): Promise<Scope> {
  const f = filter ?? {};
  const problems: string[] = [];
  const date = (field: 'from' | 'to' | 'asOf'): string | null => {
    const value = f[field];
    if (value === null || value === undefined) return null;
    if (!isCalendarDate(value)) {
      problems.push(`${field} must be a date written YYYY-MM-DD (got "${truncate(value)}")`);
      return null;
    }
    return value;
  };
  const from = date('from');
  const to = date('to');
  const asOfGiven = date('asOf');
  if (from && to && from > to) problems.push(`from (${from}) is after to (${to})`);
  const siteIds = limitToUserSites(f.siteIds ?? null);
  if (siteIds && siteIds.length > MAX_LIST_LENGTH) problems.push(`siteIds may list at most ${MAX_LIST_LENGTH} sites`);
  if (siteIds?.some((id) => id.length < 1 || id.length > 64)) problems.push('every siteId must be 1 to 64 characters');
  const groupTypes = f.groupTypes?.length ? [...new Set(f.groupTypes)] : GROUP_TYPES;
  if (problems.length) throw new BadRequestException(`Invalid filter: ${problems.join('; ')}`);

  const asOf = asOfGiven ?? (await defaultAsOf(dataSource)) ?? to ?? todayIso();
  return { from: from ?? EARLIEST, to: to ?? asOf, asOf, siteIds, groupTypes };
}

/**
 * A user limited to some sites sees only those, in every query and every total: no site filter
 * means "my sites", and naming another site is refused rather than silently emptied.
 */
function limitToUserSites(requested: string[] | null): string[] | null {
  const allowed = currentUser()?.siteIds;
  if (!allowed) return requested;
  if (!requested) return allowed;
  const outside = requested.filter((id) => !allowed.includes(id));
  if (outside.length) throw new ForbiddenException(`You may only see sites ${allowed.join(', ')}.`);
  return requested;
}

export async function defaultAsOf(dataSource: DataSource): Promise<string | null> {
  // While the derived tables are current, their stamp is this date: the loader computed it with
  // the same SQL, and any other write to these tables removes the stamp.
  const stamp = await derivedStamp(dataSource);
  if (stamp) return stamp.asOf;
  const rows: { asOf: string | null }[] = await dataSource.query(DEFAULT_AS_OF_SQL);
  return rows[0]?.asOf ?? null;
}

export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2999 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

export type { Scope };

import { CalendarPeriod, periodName } from './release-period';
import { scopeName, type ReleaseRow } from './release-row';

type Placed = Pick<ReleaseRow, 'period_kind' | 'period_from' | 'period_to' | 'site_ids' | 'scope_key'>;

/**
 * Why a release may not be published beside those already published, or null. Releases whose
 * periods overlap must be versions of one release (same period, same sites) or share no site:
 * a year beside its quarters, or all sites beside one site, would let a reader subtract one
 * from the other and learn the figures of the remainder, which no release protected.
 */
export function overlapProblem(draft: Placed, published: readonly Placed[]): string | null {
  for (const other of published) {
    if (other.period_from > draft.period_to || other.period_to < draft.period_from) continue;
    const sameRelease =
      other.scope_key === draft.scope_key &&
      other.period_kind === draft.period_kind &&
      other.period_from === draft.period_from;
    if (sameRelease || shareNoSite(draft.site_ids, other.site_ids)) continue;
    return (
      `${periodName(asPeriod(draft))} for ${scopeName(draft.site_ids)} would overlap the published release ` +
      `${periodName(asPeriod(other))} for ${scopeName(other.site_ids)}. Releases whose periods overlap must cover the ` +
      'same period and sites (a correction) or no site in common, so that no figure can be worked out by subtracting ' +
      'one release from another.'
    );
  }
  return null;
}

const shareNoSite = (a: string[] | null, b: string[] | null) => !!a && !!b && !a.some((s) => b.includes(s));

/** The calendar period a release row covers. */
export const asPeriod = (r: Placed): CalendarPeriod => ({ kind: r.period_kind, from: r.period_from, to: r.period_to });

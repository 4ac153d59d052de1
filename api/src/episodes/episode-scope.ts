import type { EpisodeScopeParams } from '@iop/metrics';
import { DataSource } from 'typeorm';
import { GROUP_TYPES, GroupType, MetricsFilter, resolveScope, Scope } from '../filters';

/** A resolved scope plus the five positional parameters of episodeScopeCtes(). */
export interface EpisodeScope {
  scope: Scope;
  /** The group types of the breakdown: the filter's, or all five, in the enum's order. */
  groupTypes: GroupType[];
  /** True when the filter named group types (episodes without a primary type are then left out). */
  groupTypesFiltered: boolean;
  params: EpisodeScopeParams;
}

export async function resolveEpisodeScope(
  dataSource: DataSource,
  filter: MetricsFilter | null | undefined,
): Promise<EpisodeScope> {
  const scope = await resolveScope(dataSource, filter);
  // resolveScope fills absent group types with all five; the episode scope must tell "no filter"
  // from "all five listed", because only the former keeps episodes that have no primary type.
  const groupTypesFiltered = Boolean(filter?.groupTypes?.length);
  return {
    scope,
    groupTypes: GROUP_TYPES.filter((type) => scope.groupTypes.includes(type)),
    groupTypesFiltered,
    params: [scope.from, scope.to, scope.asOf, scope.siteIds, groupTypesFiltered ? scope.groupTypes : null],
  };
}

/** Whole days from one ISO date to another (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `days` after (or before, when negative) an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

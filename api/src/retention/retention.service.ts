import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { breakdown, derivedDataFor, proportion, resolveEpisodeScope } from '../episodes';
import { GROUP_TYPES, GroupType, MetricsFilter } from '../filters';
import {
  GroupedSurvivalObservation,
  kaplanMeier,
  logRank,
  medianOfCounts,
  medianSurvival,
  SurvivalObservation,
  survivalAt,
} from '../stats';
import { LogRankComparison } from './log-rank.model';
import { RetainedAt, RetentionFigures, RetentionReport } from './retention.model';
import { RETENTION_DERIVED_CODES, RETENTION_DERIVED_SQL, RETENTION_SQL } from './retention.sql';

export const RETENTION_MILESTONES = [30, 60, 90];
export const DISCHARGE_REASONS = [
  'completed',
  'dropped_out',
  'terminated',
  'transferred',
  'incarcerated',
  'died',
  'other',
] as const;

/** Episodes of one survival, reason or length-of-stay cell of a primary type (RETENTION_SQL). */
type EpisodeCount =
  | { kind: 'survival'; groupType: GroupType | null; t: number; event: boolean; n: number }
  | { kind: 'reason'; groupType: GroupType | null; reason: string | null; n: number }
  | { kind: 'stay'; groupType: GroupType | null; lengthOfStay: number | null; n: number };
type SurvivalCount = Extract<EpisodeCount, { kind: 'survival' }>;

@Injectable()
export class RetentionService {
  constructor(private readonly dataSource: DataSource) {}

  async retention(filter: MetricsFilter | null | undefined): Promise<RetentionReport> {
    const { scope, groupTypes, params } = await resolveEpisodeScope(this.dataSource, filter);
    const derived = await derivedDataFor(this.dataSource, scope.asOf);
    const counts: EpisodeCount[] = derived
      ? await this.dataSource.query(RETENTION_DERIVED_SQL, [...params, ...RETENTION_DERIVED_CODES])
      : await this.dataSource.query(RETENTION_SQL, params);
    const survival = counts.filter((c): c is SurvivalCount => c.kind === 'survival');
    const { total, byGroupType } = breakdown(groupTypes, (groupType) =>
      figures(
        groupType,
        counts.filter((c) => groupType === null || c.groupType === groupType),
      ),
    );
    return {
      scope: { from: scope.from, to: scope.to, asOf: scope.asOf },
      total,
      byGroupType,
      comparison: compare(survival),
    };
  }
}

/** The counts from SQL as weighted observations: one per count row, not one per episode. */
function observationsOf(counts: readonly SurvivalCount[]): SurvivalObservation[] {
  return counts.map(({ t, event, n }) => ({ time: t, event, count: n }));
}

function figures(groupType: GroupType | null, counts: EpisodeCount[]): RetentionFigures {
  const survival = counts.filter((c): c is SurvivalCount => c.kind === 'survival');
  const discharged = counts.filter((c) => c.kind === 'reason' && c.reason !== null);
  const stays = counts.flatMap((c) =>
    c.kind === 'stay' && c.lengthOfStay !== null ? [{ value: c.lengthOfStay, n: c.n }] : [],
  );
  const curve = kaplanMeier(observationsOf(survival));
  const sum = (rows: { n: number }[]) => rows.reduce((s, c) => s + c.n, 0);
  const reasonCount = (reason: string) => sum(discharged.filter((c) => c.kind === 'reason' && c.reason === reason));
  return {
    groupType,
    episodes: sum(survival),
    dropouts: sum(survival.filter((c) => c.event)),
    curve: curve.map((p) => ({
      days: p.time,
      atRisk: p.nRisk,
      events: p.nEvent,
      censored: p.nCensored,
      survival: p.survival,
      lower: p.lower,
      upper: p.upper,
    })),
    retainedAt: RETENTION_MILESTONES.map((days): RetainedAt => {
      const atRisk = sum(survival.filter((c) => c.t >= days));
      // Past the longest follow-up the curve is unknown (R's summary(times =) leaves it out too).
      if (atRisk === 0) return { days, atRisk, survival: null, lower: null, upper: null };
      return { days, atRisk, ...survivalAt(curve, days) };
    }),
    medianDaysToDropout: medianSurvival(curve),
    completion: proportion(reasonCount('completed'), sum(discharged)),
    dischargeReasons: DISCHARGE_REASONS.map((reason) => ({ reason, episodes: reasonCount(reason) })),
    discharged: sum(stays),
    medianLengthOfStay: medianOfCounts(stays),
  };
}

/** Log-rank across the primary group types present; episodes without one take no part. */
function compare(counts: SurvivalCount[]): LogRankComparison | null {
  // Groups in the fixed order of GROUP_TYPES (logRank lists them in order of appearance); one pass.
  const byGroup = new Map(GROUP_TYPES.map((type) => [type, [] as GroupedSurvivalObservation[]]));
  for (const { groupType, t, event, n } of counts)
    if (groupType !== null) byGroup.get(groupType)!.push({ time: t, event, count: n, group: groupType });
  const result = logRank([...byGroup.values()].flat());
  if (result === null) return null;
  return {
    chiSquare: result.chiSquare,
    df: result.df,
    pValue: result.pValue,
    groups: result.groups.map((g) => ({
      groupType: g.group as GroupType,
      episodes: g.n,
      observed: g.observed,
      expected: g.expected,
    })),
  };
}

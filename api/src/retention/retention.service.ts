import { DISCHARGE_REASON_CODES as DISCHARGE_REASONS, readRetentionCounts, RETENTION_MILESTONES } from '@iop/metrics';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { breakdown, metricsReader, proportion, resolveEpisodeScope } from '../episodes';
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

/** Episodes of one survival, reason or length-of-stay cell of a primary type (RETENTION_SQL). */
export type EpisodeCount =
  | { kind: 'survival'; groupType: GroupType | null; t: number; event: boolean; n: number }
  | { kind: 'reason'; groupType: GroupType | null; reason: string | null; n: number }
  | { kind: 'stay'; groupType: GroupType | null; lengthOfStay: number | null; n: number };

@Injectable()
export class RetentionService {
  constructor(private readonly dataSource: DataSource) {}

  async retention(filter: MetricsFilter | null | undefined): Promise<RetentionReport> {
    const { scope, groupTypes, params } = await resolveEpisodeScope(this.dataSource, filter);
    const { run, stamp } = await metricsReader(this.dataSource);
    const counts = await readRetentionCounts<EpisodeCount>(run, stamp, params);
    const byType = rowsByGroupType(counts);
    const { total, byGroupType } = breakdown(groupTypes, (groupType) =>
      retentionFigures(groupType, groupType === null ? counts : (byType.get(groupType) ?? [])),
    );
    return {
      scope: { from: scope.from, to: scope.to, asOf: scope.asOf },
      total,
      byGroupType,
      comparison: compare(counts),
    };
  }
}

/** The rows of each primary group type (rows without one belong to the total only). */
function rowsByGroupType(counts: readonly EpisodeCount[]): Map<GroupType, EpisodeCount[]> {
  const byType = new Map<GroupType, EpisodeCount[]>();
  for (const c of counts) {
    if (c.groupType === null) continue;
    const rows = byType.get(c.groupType);
    if (rows) rows.push(c);
    else byType.set(c.groupType, [c]);
  }
  return byType;
}

/**
 * The figures of one cell from its rows, sorted out in one pass: a year of a large program is a
 * few thousand rows, and this runs for the total and every group type of each request (and for
 * each admission month of the cohort trends).
 */
export function retentionFigures(groupType: GroupType | null, counts: readonly EpisodeCount[]): RetentionFigures {
  const survival: SurvivalObservation[] = [];
  const reasons = new Map<string, number>();
  const stays: { value: number; n: number }[] = [];
  let episodes = 0;
  let dropouts = 0;
  let withReason = 0;
  for (const c of counts) {
    if (c.kind === 'survival') {
      survival.push({ time: c.t, event: c.event, count: c.n });
      episodes += c.n;
      if (c.event) dropouts += c.n;
    } else if (c.kind === 'reason') {
      if (c.reason === null) continue;
      reasons.set(c.reason, (reasons.get(c.reason) ?? 0) + c.n);
      withReason += c.n;
    } else if (c.lengthOfStay !== null) {
      stays.push({ value: c.lengthOfStay, n: c.n });
    }
  }
  const curve = kaplanMeier(survival);
  const reasonCount = (reason: string) => reasons.get(reason) ?? 0;
  return {
    groupType,
    episodes,
    dropouts,
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
      let atRisk = 0;
      for (const o of survival) if (o.time >= days) atRisk += o.count!;
      // Past the longest follow-up the curve is unknown (R's summary(times =) leaves it out too).
      if (atRisk === 0) return { days, atRisk, survival: null, lower: null, upper: null };
      return { days, atRisk, ...survivalAt(curve, days) };
    }),
    medianDaysToDropout: medianSurvival(curve),
    completion: proportion(reasonCount('completed'), withReason),
    dischargeReasons: DISCHARGE_REASONS.map((reason) => ({ reason, episodes: reasonCount(reason) })),
    discharged: stays.reduce((s, c) => s + c.n, 0),
    medianLengthOfStay: medianOfCounts(stays),
  };
}

/** Log-rank across the primary group types present; episodes without one take no part. */
function compare(counts: readonly EpisodeCount[]): LogRankComparison | null {
  // Groups in the fixed order of GROUP_TYPES (logRank lists them in order of appearance); one pass.
  const byGroup = new Map(GROUP_TYPES.map((type) => [type, [] as GroupedSurvivalObservation[]]));
  for (const c of counts)
    if (c.kind === 'survival' && c.groupType !== null)
      byGroup.get(c.groupType)!.push({ time: c.t, event: c.event, count: c.n, group: c.groupType });
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

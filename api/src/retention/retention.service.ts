import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { breakdown, cellOf, derivedDataFor, proportion, resolveEpisodeScope } from '../episodes';
import { GroupType, MetricsFilter } from '../filters';
import { kaplanMeier, logRank, medianSurvival, SurvivalObservation, survivalAt } from '../stats';
import { LogRankComparison } from './log-rank.model';
import { RetainedAt, RetentionFigures, RetentionReport } from './retention.model';
import { RETENTION_DERIVED_SQL, RETENTION_SQL } from './retention.sql';

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

interface SurvivalCount {
  groupType: GroupType | null;
  t: number;
  event: boolean;
  n: number;
}
interface ReasonCount {
  groupType: GroupType | null;
  reason: string;
  n: number;
}
interface LengthOfStay {
  cell: string;
  discharged: number;
  medianDays: number | null;
}
interface RetentionRow {
  survival: SurvivalCount[];
  reasons: ReasonCount[];
  lengthOfStay: LengthOfStay[];
}

@Injectable()
export class RetentionService {
  constructor(private readonly dataSource: DataSource) {}

  async retention(filter: MetricsFilter | null | undefined): Promise<RetentionReport> {
    const { scope, groupTypes, params } = await resolveEpisodeScope(this.dataSource, filter);
    const derived = await derivedDataFor(this.dataSource, scope.asOf);
    const sql = derived ? RETENTION_DERIVED_SQL : RETENTION_SQL;
    const [row]: RetentionRow[] = await this.dataSource.query(sql, params);
    const inCell = (groupType: GroupType | null) => (r: { groupType: GroupType | null }) =>
      groupType === null || r.groupType === groupType;
    const { total, byGroupType } = breakdown(groupTypes, (groupType) =>
      figures(
        groupType,
        row.survival.filter(inCell(groupType)),
        row.reasons.filter(inCell(groupType)),
        row.lengthOfStay.find((l) => l.cell === cellOf(groupType)),
      ),
    );
    return {
      scope: { from: scope.from, to: scope.to, asOf: scope.asOf },
      total,
      byGroupType,
      comparison: compare(row.survival),
    };
  }
}

/** The counts from SQL as weighted observations: one per (time, outcome), not one per episode. */
function observationsOf(counts: readonly SurvivalCount[]): SurvivalObservation[] {
  return counts.map(({ t, event, n }) => ({ time: t, event, count: n }));
}

function figures(
  groupType: GroupType | null,
  survival: SurvivalCount[],
  reasons: ReasonCount[],
  lengthOfStay: LengthOfStay | undefined,
): RetentionFigures {
  const curve = kaplanMeier(observationsOf(survival));
  const reasonCount = (reason: string) => reasons.filter((r) => r.reason === reason).reduce((s, r) => s + r.n, 0);
  const discharged = reasons.reduce((s, r) => s + r.n, 0);
  return {
    groupType,
    episodes: survival.reduce((s, c) => s + c.n, 0),
    dropouts: survival.reduce((s, c) => s + (c.event ? c.n : 0), 0),
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
      const atRisk = survival.reduce((s, c) => s + (c.t >= days ? c.n : 0), 0);
      // Past the longest follow-up the curve is unknown (R's summary(times =) leaves it out too).
      if (atRisk === 0) return { days, atRisk, survival: null, lower: null, upper: null };
      return { days, atRisk, ...survivalAt(curve, days) };
    }),
    medianDaysToDropout: medianSurvival(curve),
    completion: proportion(reasonCount('completed'), discharged),
    dischargeReasons: DISCHARGE_REASONS.map((reason) => ({ reason, episodes: reasonCount(reason) })),
    discharged: lengthOfStay?.discharged ?? 0,
    medianLengthOfStay: lengthOfStay?.medianDays ?? null,
  };
}

/** Log-rank across the primary group types present; episodes without one take no part. */
function compare(survival: SurvivalCount[]): LogRankComparison | null {
  const observations = survival.flatMap((c) =>
    c.groupType === null ? [] : observationsOf([c]).map((o) => ({ ...o, group: c.groupType as string })),
  );
  const result = logRank(observations);
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

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { abstinenceFigure } from '../sobriety/abstinence-figure';
import { resolveEpisodeScope } from '../episodes';
import { MetricsFilter, resolveScope } from '../filters';
import { EpisodeCount, retentionFigures } from '../retention/retention.service';
import { COHORT_ALLIANCE_SQL, COHORT_EPISODES_SQL, sessionScopeParams } from '@iop/metrics';
import { Z_95 } from '../stats';
import { CohortMonth, CohortTrends, MeanWithInterval } from './cohort-trends.model';

/** METRICS.md "Cohort trends": abstinence at 30 and 90 days. */
export const COHORT_ABSTINENCE_MILESTONES = [30, 90];

interface EpisodeRows {
  retention: (Omit<Extract<EpisodeCount, { kind: 'survival' }>, 'groupType'> & {
    month: string;
    reason: string | null;
  })[];
  abstinence: { month: string; days: number; eligible: number; responders: number; abstinent: number }[];
}
interface AllianceRow {
  month: string;
  responses: number;
  mean: number;
  sd: number | null;
}

@Injectable()
export class CohortTrendsService {
  constructor(private readonly dataSource: DataSource) {}

  async trends(filter: MetricsFilter | null | undefined): Promise<CohortTrends> {
    const { scope, params } = await resolveEpisodeScope(this.dataSource, filter);
    const sessionScope = await resolveScope(this.dataSource, { ...filter, asOf: scope.asOf });
    const [[episodes], alliance]: [EpisodeRows[], AllianceRow[]] = await Promise.all([
      this.dataSource.query(COHORT_EPISODES_SQL, [...params, COHORT_ABSTINENCE_MILESTONES]),
      this.dataSource.query(COHORT_ALLIANCE_SQL, sessionScopeParams(sessionScope)),
    ]);
    const last = (scope.to < scope.asOf ? scope.to : scope.asOf).slice(0, 7);
    const withData = [...episodes.retention, ...episodes.abstinence, ...alliance].map((r) => r.month).sort();
    const first = [scope.from.slice(0, 7), withData[0] ?? last].sort()[1];
    return {
      scope: { from: scope.from, to: scope.to, asOf: scope.asOf },
      months: monthsBetween(first, last).map((month) => monthFigures(month, episodes, alliance)),
    };
  }
}

function monthFigures(month: string, episodes: EpisodeRows, alliance: AllianceRow[]): CohortMonth {
  const counts: EpisodeCount[] = episodes.retention
    .filter((r) => r.month === month)
    .map((r) =>
      r.kind === 'survival'
        ? { kind: 'survival', groupType: null, t: r.t, event: r.event, n: r.n }
        : { kind: 'reason', groupType: null, reason: r.reason, n: r.n },
    );
  const retention = retentionFigures(null, counts);
  return {
    month,
    episodes: retention.episodes,
    retainedAt: retention.retainedAt,
    completion: retention.completion,
    abstinence: COHORT_ABSTINENCE_MILESTONES.map((days) =>
      abstinenceFigure(
        days,
        episodes.abstinence.find((a) => a.month === month && a.days === days),
      ),
    ),
    alliance: meanWithInterval(alliance.find((a) => a.month === month)),
  };
}

/** mean ± z·sd/√n (docs/METRICS.md, "Intervals": z = qnorm(0.975)); no interval from one value. */
export function meanWithInterval(
  row: { responses: number; mean: number; sd: number | null } | undefined,
): MeanWithInterval {
  if (!row || row.responses === 0) return { n: 0, mean: null, lower: null, upper: null };
  if (row.sd === null || row.responses < 2) return { n: row.responses, mean: row.mean, lower: null, upper: null };
  const half = (Z_95 * row.sd) / Math.sqrt(row.responses);
  return { n: row.responses, mean: row.mean, lower: row.mean - half, upper: row.mean + half };
}

/** Every month from `first` to `last` (YYYY-MM), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

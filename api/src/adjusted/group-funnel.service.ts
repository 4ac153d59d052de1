import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { metricsReader, resolveEpisodeScope } from '../episodes';
import { MetricsFilter, resolveScope } from '../filters';
import { readGroupAttendanceFunnel, readGroupEpisodeFunnel } from '@iop/metrics';
import { funnelLimits, funnelPoint } from '../stats';
import { FunnelGroup, FunnelLimitsAt, FunnelMeasure, FunnelPosition, GroupFunnel } from './group-funnel.model';

interface GroupCount {
  groupId: string;
  groupName: string;
  groupType: string;
  siteId: string;
  k: number;
  n: number;
}

/** Points along n at which the funnel's lines are drawn: dense where they bend, from 1 to the largest n. */
function limitGrid(maxN: number): number[] {
  const points = new Set<number>();
  for (let i = 0; i <= 60; i++) points.add(Math.max(1, Math.round(Math.exp((Math.log(maxN) * i) / 60))));
  return [...points].sort((a, b) => a - b);
}

@Injectable()
export class GroupFunnelService {
  constructor(private readonly dataSource: DataSource) {}

  async groupFunnel(filter: MetricsFilter | null | undefined, measure: FunnelMeasure): Promise<GroupFunnel> {
    const counts = (await this.counts(filter, measure)).filter((g) => g.n > 0);
    if (counts.length === 0) return { measure, target: null, groups: [], limits: [] };
    const target = counts.reduce((sum, g) => sum + g.k, 0) / counts.reduce((sum, g) => sum + g.n, 0);
    const groups: FunnelGroup[] = counts
      .map((g) => {
        // The whole count against the exact quantiles, not the drawn (interpolated) line: see funnelPosition.
        const { limits, position } = funnelPoint(g.k, g.n, target);
        return { ...g, ...limits, proportion: g.k / g.n, position: FunnelPosition[position] };
      })
      .sort((a, b) => b.n - a.n || a.groupId.localeCompare(b.groupId));
    const limits: FunnelLimitsAt[] = limitGrid(groups[0].n).map((n) => ({ n, ...funnelLimits(n, target) }));
    return { measure, target, groups, limits };
  }

  private async counts(filter: MetricsFilter | null | undefined, measure: FunnelMeasure): Promise<GroupCount[]> {
    if (measure === FunnelMeasure.attendance) {
      const scope = await resolveScope(this.dataSource, filter);
      const { run, stamp } = await metricsReader(this.dataSource);
      return readGroupAttendanceFunnel<GroupCount>(run, stamp, scope);
    }
    const { params } = await resolveEpisodeScope(this.dataSource, filter);
    const { run, stamp } = await metricsReader(this.dataSource);
    type EpisodeCounts = Omit<GroupCount, 'k' | 'n'> &
      Record<'retentionK' | 'retentionN' | 'completionK' | 'completionN', number>;
    const rows = await readGroupEpisodeFunnel<EpisodeCounts>(run, stamp, params);
    return rows.map(({ retentionK, retentionN, completionK, completionN, ...group }) =>
      measure === FunnelMeasure.retention90
        ? { ...group, k: retentionK, n: retentionN }
        : { ...group, k: completionK, n: completionN },
    );
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { breakdown, cellOf, metricsReader, ratio, resolveEpisodeScope } from '../episodes';
import { MetricsFilter } from '../filters';
import { EpisodeAccountabilityReport } from './episode-accountability.model';
import { readEpisodeAccountabilityRows } from '@iop/metrics';

interface AccountabilityRow {
  cell: string | null;
  episodes: number;
  episodesWithActiveWeeks: number;
  activeWeeks: number;
  checkInWeeks: number;
  episodesWithGoalRatings: number;
  goalsMet: number;
  goalsRated: number;
}

@Injectable()
export class EpisodeAccountabilityService {
  constructor(private readonly dataSource: DataSource) {}

  async episodeAccountability(filter: MetricsFilter | null | undefined): Promise<EpisodeAccountabilityReport> {
    const { scope, groupTypes, params } = await resolveEpisodeScope(this.dataSource, filter);
    const { run, stamp } = await metricsReader(this.dataSource);
    const rows = await readEpisodeAccountabilityRows<AccountabilityRow>(run, stamp, params);
    return {
      scope: { from: scope.from, to: scope.to, asOf: scope.asOf },
      ...breakdown(groupTypes, (groupType) => {
        const row = rows.find((r) => r.cell === cellOf(groupType));
        return {
          groupType,
          episodes: row?.episodes ?? 0,
          episodesWithActiveWeeks: row?.episodesWithActiveWeeks ?? 0,
          checkInAdherence: ratio(row?.checkInWeeks ?? 0, row?.activeWeeks ?? 0),
          episodesWithGoalRatings: row?.episodesWithGoalRatings ?? 0,
          goalAttainment: ratio(row?.goalsMet ?? 0, row?.goalsRated ?? 0),
        };
      }),
    };
  }
}

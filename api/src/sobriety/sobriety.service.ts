import { ABSTINENCE_MILESTONES, readSobrietyRow } from '@iop/metrics';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { abstinenceFigure } from './abstinence-figure';
import { breakdown, cellOf, metricsReader, resolveEpisodeScope } from '../episodes';
import { GroupType, MetricsFilter } from '../filters';
import { SobrietyFigures, SobrietyReport } from './sobriety.model';

export const LAST_CRAVING_WEEK = 12;

interface Cell {
  cell: string | null;
}
interface SobrietyRow {
  episodes: (Cell & { episodes: number })[];
  pda: (Cell & { pdaN: number; pdaMean: number | null; changeN: number; changeMean: number | null })[];
  abstinence: (Cell & { days: number; eligible: number; responders: number; abstinent: number })[];
  craving: (Cell & { week: number; checkIns: number; episodes: number; meanCraving: number })[];
}

@Injectable()
export class SobrietyService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `cravingTrend: false` leaves each figure's cravingTrend empty and its SQL unrun (the funder
   * report has no use for it; it was half of the statement's time).
   */
  async sobriety(filter: MetricsFilter | null | undefined, { cravingTrend = true } = {}): Promise<SobrietyReport> {
    const { scope, groupTypes, params } = await resolveEpisodeScope(this.dataSource, filter);
    const lastCravingWeek = cravingTrend ? LAST_CRAVING_WEEK : NO_CRAVING_WEEKS;
    const { run, stamp } = await metricsReader(this.dataSource);
    const row = await readSobrietyRow<SobrietyRow>(run, stamp, params, lastCravingWeek);
    return {
      scope: { from: scope.from, to: scope.to, asOf: scope.asOf },
      ...breakdown(groupTypes, (groupType) => figures(row, groupType, lastCravingWeek)),
    };
  }
}

/** The last craving week that asks for no craving trend (the SQL then skips it). */
const NO_CRAVING_WEEKS = -1;

function figures(row: SobrietyRow, groupType: GroupType | null, lastCravingWeek: number): SobrietyFigures {
  const cell = cellOf(groupType);
  const mine = <T extends Cell>(rows: T[]): T[] => rows.filter((r) => r.cell === cell);
  const pda = mine(row.pda)[0];
  return {
    groupType,
    episodes: mine(row.episodes)[0]?.episodes ?? 0,
    percentDaysAbstinent: { n: pda?.pdaN ?? 0, mean: pda?.pdaMean ?? null },
    pdaChangeFromBaseline: { n: pda?.changeN ?? 0, mean: pda?.changeMean ?? null },
    abstinence: ABSTINENCE_MILESTONES.map((days) =>
      abstinenceFigure(
        days,
        mine(row.abstinence).find((a) => a.days === days),
      ),
    ),
    cravingTrend: Array.from({ length: lastCravingWeek + 1 }, (_, week) => {
      const w = mine(row.craving).find((c) => c.week === week);
      return { week, checkIns: w?.checkIns ?? 0, episodes: w?.episodes ?? 0, meanCraving: w?.meanCraving ?? null };
    }),
  };
}

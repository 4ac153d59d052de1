import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { comparisonWindow, OVERVIEW_DERIVED_ALL_EPISODES_SQL, OVERVIEW_DERIVED_SQL, OVERVIEW_SQL } from '@iop/metrics';
import { derivedDataFor, resolveEpisodeScope } from '../episodes';
import { GroupType, MetricsFilter } from '../filters';
import { ProgramOverview } from './overview.model';
import { queryPrepared } from '../database/prepared-query';

interface PeriodRow {
  period: 'current' | 'previous';
  admissions: number;
  discharges: number;
  openEpisodes: number;
  participantsServed: number;
  sessions: { groupType: GroupType; sessions: number }[];
}

@Injectable()
export class OverviewService {
  constructor(private readonly dataSource: DataSource) {}

  async overview(filter: MetricsFilter | null | undefined): Promise<ProgramOverview> {
    const { scope, groupTypes, params } = await resolveEpisodeScope(this.dataSource, filter);
    // Nothing after as_of is known: the period ends at as_of at the latest.
    const to = scope.to < scope.asOf ? scope.to : scope.asOf;
    const from = scope.from <= to ? scope.from : to;
    const previous = comparisonWindow(from, to, filter?.comparison ?? undefined);
    const { from: previousFrom, to: previousTo } = previous;
    const [, , asOf, siteIds, episodeTypes] = params;
    const derived = await derivedDataFor(this.dataSource, asOf);
    const sql = !derived
      ? OVERVIEW_SQL
      : siteIds === null && episodeTypes === null
        ? OVERVIEW_DERIVED_ALL_EPISODES_SQL
        : OVERVIEW_DERIVED_SQL;
    // Every kind of previous period ends before `from`: the scope runs from its first day to `to`.
    const sqlParams = [previousFrom, to, asOf, siteIds, episodeTypes, from, previousTo, to, groupTypes];
    const rows: PeriodRow[] = derived
      ? await queryPrepared(this.dataSource, sql, sqlParams)
      : await this.dataSource.query(sql, sqlParams);
    const current = rows.find((r) => r.period === 'current')!;
    const before = rows.find((r) => r.period === 'previous')!;
    const compare = (key: 'admissions' | 'discharges' | 'openEpisodes' | 'participantsServed') => ({
      current: current[key],
      previous: before[key],
    });
    const sessions = (row: PeriodRow, type: GroupType | null) =>
      row.sessions.filter((s) => type === null || s.groupType === type).reduce((sum, s) => sum + s.sessions, 0);
    const held = (groupType: GroupType | null) => ({
      groupType,
      current: sessions(current, groupType),
      previous: sessions(before, groupType),
    });
    return {
      period: { from, to },
      previousPeriod: { from: previousFrom, to: previousTo },
      comparison: previous.description,
      previousHasData: before.participantsServed > 0 || sessions(before, null) > 0,
      asOf,
      admissions: compare('admissions'),
      discharges: compare('discharges'),
      openEpisodes: compare('openEpisodes'),
      participantsServed: compare('participantsServed'),
      sessionsHeld: held(null),
      sessionsHeldByGroupType: groupTypes.map(held),
    };
  }
}

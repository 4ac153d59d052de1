import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { comparisonWindow, readOverviewPeriods } from '@iop/metrics';
import { metricsReader, resolveEpisodeScope } from '../episodes';
import { GroupType, MetricsFilter } from '../filters';
import { ProgramOverview } from './overview.model';

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
    const { asOf } = scope;
    const { run, stamp } = await metricsReader(this.dataSource);
    const periods = { from, to, previousFrom, previousTo };
    const rows = await readOverviewPeriods<PeriodRow>(run, stamp, params, periods, groupTypes);
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

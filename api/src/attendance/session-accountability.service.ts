import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { metricsReader } from '../episodes';
import { GroupType, MetricsFilter, resolveScope } from '../filters';
import { scopeGroupTypes, scopeInfo, sessionProportion } from '../sessions-scope';
import { SessionAccountabilityFigures, SessionAccountabilityReport } from './session-accountability.model';
import { readConsistencyRows, readFeedbackParticipationRows, readReEngagementRows } from '@iop/metrics';

/** Every row: groupType null = all types in scope. */
interface ConsistencyRow {
  groupType: GroupType | null;
  weeks: number;
  consistent: number;
}
interface ParticipationRow {
  groupType: GroupType | null;
  attended: number;
  feedback: number;
}
interface ReEngagementRow {
  groupType: GroupType | null;
  judged: number;
  reEngaged: number;
  tooRecent: number;
}

const ALL = 'all';
type Key = GroupType | typeof ALL;
const keyed = <R extends { groupType: GroupType | null }>(rows: R[]) =>
  new Map<Key, R>(rows.map((r) => [r.groupType ?? ALL, r]));

@Injectable()
export class SessionAccountabilityService {
  constructor(private readonly dataSource: DataSource) {}

  async accountability(filter: MetricsFilter | null | undefined): Promise<SessionAccountabilityReport> {
    const scope = await resolveScope(this.dataSource, filter);
    const { run, stamp } = await metricsReader(this.dataSource);
    const [consistency, participation, reEngagement] = await Promise.all([
      readConsistencyRows<ConsistencyRow>(run, stamp, scope).then(keyed),
      readFeedbackParticipationRows<ParticipationRow>(run, stamp, scope).then(keyed),
      readReEngagementRows<ReEngagementRow>(run, stamp, scope).then(keyed),
    ]);
    const figures = (key: Key): SessionAccountabilityFigures => {
      const c = consistency.get(key);
      const p = participation.get(key);
      const r = reEngagement.get(key);
      return {
        consistency: sessionProportion(c?.consistent ?? 0, c?.weeks ?? 0),
        feedbackParticipation: sessionProportion(p?.feedback ?? 0, p?.attended ?? 0),
        reEngagement: sessionProportion(r?.reEngaged ?? 0, r?.judged ?? 0),
        absencesTooRecent: r?.tooRecent ?? 0,
      };
    };
    return {
      scope: scopeInfo(scope),
      total: figures(ALL),
      // A type without rows is missing from the maps and gets the figures of no rows.
      byGroupType: scopeGroupTypes(scope).map((groupType) => ({ groupType, figures: figures(groupType) })),
    };
  }
}

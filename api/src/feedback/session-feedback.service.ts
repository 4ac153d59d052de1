import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { metricsReader } from '../episodes';
import { MetricsFilter, resolveScope } from '../filters';
import { scopeInfo, sessionProportion, TypeWeekRow, typeWeekBreakdown } from '../sessions-scope';
import { SessionFeedbackFigures, SessionFeedbackReport } from './session-feedback.model';
import { readSessionFeedbackRows } from '@iop/metrics';

interface FeedbackRow extends TypeWeekRow {
  responses: number;
  flagged: number;
  meanScore: number | null;
  meanRelationship: number | null;
  meanGoalsTopics: number | null;
  meanApproach: number | null;
  meanOverall: number | null;
}

function figures(row: FeedbackRow | undefined): SessionFeedbackFigures {
  return {
    responses: row?.responses ?? 0,
    meanScore: row?.meanScore ?? null,
    meanRelationship: row?.meanRelationship ?? null,
    meanGoalsTopics: row?.meanGoalsTopics ?? null,
    meanApproach: row?.meanApproach ?? null,
    meanOverall: row?.meanOverall ?? null,
    allianceFlag: sessionProportion(row?.flagged ?? 0, row?.responses ?? 0),
  };
}

@Injectable()
export class SessionFeedbackService {
  constructor(private readonly dataSource: DataSource) {}

  async feedback(filter: MetricsFilter | null | undefined): Promise<SessionFeedbackReport> {
    const scope = await resolveScope(this.dataSource, filter);
    const { run, stamp } = await metricsReader(this.dataSource);
    const rows = await readSessionFeedbackRows<FeedbackRow>(run, stamp, scope);
    return { scope: scopeInfo(scope), ...typeWeekBreakdown(scope, rows, figures) };
  }
}

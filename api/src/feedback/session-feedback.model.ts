import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GroupType } from '../filters';
import { SessionProportion, SessionScopeInfo } from '../sessions-scope';

@ObjectType({ description: 'Session feedback (Group Session Rating Scale) of one cell (METRICS.md, Session feedback)' })
export class SessionFeedbackFigures {
  @Field(() => Int, { description: 'Feedback rows: the n behind every mean' })
  responses!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean session score (relationship + goals_topics + approach + overall, 0 to 40); null when n = 0',
  })
  meanScore!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean of the relationship item (0 to 10)' })
  meanRelationship!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean of the goals and topics item (0 to 10)' })
  meanGoalsTopics!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean of the approach or method item (0 to 10)' })
  meanApproach!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean of the overall item (0 to 10)' })
  meanOverall!: number | null;

  @Field(() => SessionProportion, { description: 'Alliance flag rate: scores at or below 36 ÷ feedback rows' })
  allianceFlag!: SessionProportion;
}

@ObjectType({ description: 'Session feedback on sessions of one group type' })
export class SessionFeedbackByGroupType {
  @Field(() => GroupType)
  groupType!: GroupType;

  @Field(() => SessionFeedbackFigures)
  figures!: SessionFeedbackFigures;
}

@ObjectType({ description: 'Session feedback on the sessions of one ISO week (Monday to Sunday)' })
export class SessionFeedbackWeek {
  @Field({ description: 'Monday of the ISO week (YYYY-MM-DD)' })
  weekStart!: string;

  @Field({ description: 'ISO week label, e.g. 2025-W01' })
  isoWeek!: string;

  @Field({ description: "Cut by the period's first or last day or by as_of: some of its days are not counted" })
  partial!: boolean;

  @Field(() => SessionFeedbackFigures, { description: 'All group types in scope' })
  total!: SessionFeedbackFigures;

  @Field(() => [SessionFeedbackByGroupType], { description: 'Every group type in scope, zero counts included' })
  byGroupType!: SessionFeedbackByGroupType[];
}

@ObjectType({ description: 'Session feedback scores of the sessions in scope' })
export class SessionFeedbackReport {
  @Field(() => SessionScopeInfo)
  scope!: SessionScopeInfo;

  @Field(() => SessionFeedbackFigures, { description: 'All group types in scope' })
  total!: SessionFeedbackFigures;

  @Field(() => [SessionFeedbackByGroupType], { description: 'Every group type in scope, zero counts included' })
  byGroupType!: SessionFeedbackByGroupType[];

  @Field(() => [SessionFeedbackWeek], { description: 'ISO weeks with feedback in scope, oldest first' })
  byWeek!: SessionFeedbackWeek[];
}

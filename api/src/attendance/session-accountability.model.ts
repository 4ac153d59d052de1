import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GroupType } from '../filters';
import { SessionProportion, SessionScopeInfo } from '../sessions-scope';

@ObjectType({ description: 'The session measures of accountability (METRICS.md, Accountability 1, 3 and 5)' })
export class SessionAccountabilityFigures {
  @Field(() => SessionProportion, {
    description:
      'Consistency: participant-weeks (episode × ISO week with a non-excused row) in which every non-excused row is attended ÷ those participant-weeks',
  })
  consistency!: SessionProportion;

  @Field(() => SessionProportion, { description: 'Feedback participation: feedback rows ÷ attended rows' })
  feedbackParticipation!: SessionProportion;

  @Field(() => SessionProportion, {
    description:
      'Re-engagement: absent rows dated on or before asOf − 14 followed by an attended row of the same participant in the same group within the 14 days after (d, d + 14] ÷ those absent rows',
  })
  reEngagement!: SessionProportion;

  @Field(() => Int, { description: 'Absent rows in scope dated after asOf − 14: too recent to judge re-engagement' })
  absencesTooRecent!: number;
}

@ObjectType({ description: 'Session accountability of one group type: only that type’s rows count' })
export class SessionAccountabilityByGroupType {
  @Field(() => GroupType)
  groupType!: GroupType;

  @Field(() => SessionAccountabilityFigures)
  figures!: SessionAccountabilityFigures;
}

@ObjectType({ description: 'Consistency, feedback participation and re-engagement of the rows in scope' })
export class SessionAccountabilityReport {
  @Field(() => SessionScopeInfo)
  scope!: SessionScopeInfo;

  @Field(() => SessionAccountabilityFigures, { description: 'All group types in scope' })
  total!: SessionAccountabilityFigures;

  @Field(() => [SessionAccountabilityByGroupType], { description: 'Every group type in scope, zero counts included' })
  byGroupType!: SessionAccountabilityByGroupType[];
}

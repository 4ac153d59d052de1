import { Field, Int, ObjectType } from '@nestjs/graphql';
import { EpisodeRatio, EpisodeScopeInfo } from '../episodes';
import { GroupType } from '../filters';

@ObjectType({ description: 'Check-in adherence and goal attainment of one group type, or of all types' })
export class EpisodeAccountabilityFigures {
  @Field(() => GroupType, { nullable: true, description: 'The primary group type; null for the all-types total' })
  groupType!: GroupType | null;

  @Field(() => Int, { description: 'Episodes admitted in the period' })
  episodes!: number;

  @Field(() => Int, { description: 'Episodes with at least one active week (n behind the adherence)' })
  episodesWithActiveWeeks!: number;

  @Field(() => EpisodeRatio, {
    description:
      'Active weeks with at least one sobriety check-in ÷ active weeks (ISO weeks, admission to discharge or as_of, with an attendance row), pooled over episodes',
  })
  checkInAdherence!: EpisodeRatio;

  @Field(() => Int, { description: 'Episodes with at least one goal rating (n behind the goal attainment)' })
  episodesWithGoalRatings!: number;

  @Field(() => EpisodeRatio, {
    description: 'Check-ins inside the episode window with goal_met true ÷ those with goal_met given, pooled',
  })
  goalAttainment!: EpisodeRatio;
}

@ObjectType({ description: 'The episode accountability measures (METRICS.md, Accountability 2 and 4)' })
export class EpisodeAccountabilityReport {
  @Field(() => EpisodeScopeInfo)
  scope!: EpisodeScopeInfo;

  @Field(() => EpisodeAccountabilityFigures, {
    description: 'All group types, including episodes with no primary type',
  })
  total!: EpisodeAccountabilityFigures;

  @Field(() => [EpisodeAccountabilityFigures], { description: 'One entry per group type of the filter' })
  byGroupType!: EpisodeAccountabilityFigures[];
}

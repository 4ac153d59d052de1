import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { EpisodeProportion, EpisodeScopeInfo } from '../episodes';
import { GroupType } from '../filters';
import { LogRankComparison } from './log-rank.model';

@ObjectType({ description: 'The Kaplan–Meier curve at one distinct dropout time' })
export class SurvivalPoint {
  @Field(() => Int, { description: 'Days since admission' })
  days!: number;

  @Field(() => Int, { description: 'Episodes at risk just before this day (t ≥ days)' })
  atRisk!: number;

  @Field(() => Int, { description: 'Dropouts on this day' })
  events!: number;

  @Field(() => Int, { description: 'Episodes censored from this day until the next dropout day' })
  censored!: number;

  @Field(() => Float, { description: 'S(days): share not dropped out' })
  survival!: number;

  @Field(() => Float, { nullable: true, description: '95% interval, Greenwood log scale; null once S = 0' })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;
}

@ObjectType({ description: 'S(d) at a milestone day d, with its 95% interval' })
export class RetainedAt {
  @Field(() => Int, { description: 'The milestone: 30, 60 or 90 days' })
  days!: number;

  @Field(() => Int, { description: 'Episodes followed for at least this many days' })
  atRisk!: number;

  @Field(() => Float, { nullable: true, description: 'S(days); null when no episode is followed that long' })
  survival!: number | null;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;
}

@ObjectType({ description: 'Episodes discharged for one reason' })
export class DischargeReasonCount {
  @Field({ description: 'completed, dropped_out, terminated, transferred, incarcerated, died or other' })
  reason!: string;

  @Field(() => Int)
  episodes!: number;
}

@ObjectType({ description: 'Retention figures of one group type, or of all types' })
export class RetentionFigures {
  @Field(() => GroupType, { nullable: true, description: 'The primary group type; null for the all-types total' })
  groupType!: GroupType | null;

  @Field(() => Int, { description: 'Episodes admitted in the period (n of the curve)' })
  episodes!: number;

  @Field(() => Int, { description: 'Dropouts (dropped_out or terminated on or before as_of)' })
  dropouts!: number;

  @Field(() => [SurvivalPoint], { description: 'Kaplan–Meier curve, one point per distinct dropout day' })
  curve!: SurvivalPoint[];

  @Field(() => [RetainedAt], { description: 'Retained at 30, 60 and 90 days' })
  retainedAt!: RetainedAt[];

  @Field(() => Int, { nullable: true, description: 'Smallest t with S(t) ≤ 0.5; null if never reached' })
  medianDaysToDropout!: number | null;

  @Field(() => EpisodeProportion, { description: 'Completed ÷ discharged on or before as_of' })
  completion!: EpisodeProportion;

  @Field(() => [DischargeReasonCount], { description: 'Discharged episodes per reason (every reason listed)' })
  dischargeReasons!: DischargeReasonCount[];

  @Field(() => Int, { description: 'Discharged episodes (n behind the length of stay)' })
  discharged!: number;

  @Field(() => Float, { nullable: true, description: 'Median days from admission to discharge of discharged episodes' })
  medianLengthOfStay!: number | null;
}

@ObjectType({ description: 'Retention of the episodes admitted in the period (METRICS.md, Retention)' })
export class RetentionReport {
  @Field(() => EpisodeScopeInfo)
  scope!: EpisodeScopeInfo;

  @Field(() => RetentionFigures, { description: 'All group types, including episodes with no primary type' })
  total!: RetentionFigures;

  @Field(() => [RetentionFigures], { description: 'One entry per group type of the filter' })
  byGroupType!: RetentionFigures[];

  @Field(() => LogRankComparison, {
    nullable: true,
    description: 'Log-rank test across the primary group types with episodes; null when fewer than two can be compared',
  })
  comparison!: LogRankComparison | null;
}

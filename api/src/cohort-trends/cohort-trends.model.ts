import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { EpisodeProportion, EpisodeScopeInfo } from '../episodes';
import { RetainedAt } from '../retention/retention.model';
import { AbstinenceMilestone } from '../sobriety/sobriety.model';

@ObjectType({ description: 'A mean with its 95% interval (mean ± z·sd/√n, z = qnorm(0.975))' })
export class MeanWithInterval {
  @Field(() => Int, { description: 'Number of values averaged' })
  n!: number;

  @Field(() => Float, { nullable: true, description: 'The mean; null without values' })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound; null with fewer than two values' })
  lower!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper bound; null with fewer than two values' })
  upper!: number | null;
}

@ObjectType({ description: 'The figures of one calendar month of admission (the alliance: of sessions held)' })
export class CohortMonth {
  @Field({ description: 'The month, YYYY-MM' })
  month!: string;

  @Field(() => Int, { description: 'Episodes admitted in the month' })
  episodes!: number;

  @Field(() => [RetainedAt], { description: "Retained at 30, 60 and 90 days (Kaplan–Meier of the month's episodes)" })
  retainedAt!: RetainedAt[];

  @Field(() => EpisodeProportion, { description: 'Completed ÷ discharged, with its Wilson interval' })
  completion!: EpisodeProportion;

  @Field(() => [AbstinenceMilestone], { description: 'Abstinence at 30 and 90 days, both rates' })
  abstinence!: AbstinenceMilestone[];

  @Field(() => MeanWithInterval, { description: 'Mean session score (0–40) of the sessions held in the month' })
  alliance!: MeanWithInterval;
}

@ObjectType({ description: 'Retention, completion, abstinence and alliance by admission month' })
export class CohortTrends {
  @Field(() => EpisodeScopeInfo)
  scope!: EpisodeScopeInfo;

  @Field(() => [CohortMonth], { description: 'Every month of the period up to as_of, in order' })
  months!: CohortMonth[];
}

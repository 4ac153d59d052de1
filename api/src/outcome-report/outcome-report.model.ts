import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { GroupType } from '../filters';

@ObjectType({ description: 'One figure of the outcome report, after small-cell suppression' })
export class OutcomeFigure {
  @Field({ description: 'census, retention, attendance, sobriety or feedback' })
  section!: string;

  @Field({ description: 'Stable measure code, e.g. completion_rate' })
  measure!: string;

  @Field({ description: 'The measure in plain words' })
  label!: string;

  @Field({ description: 'count, proportion, mean, days or survival' })
  unit!: string;

  @Field(() => GroupType, { nullable: true, description: 'null: all group types' })
  groupType!: GroupType | null;

  @Field({ description: 'current or previous (the period of equal length just before)' })
  period!: string;

  @Field(() => Float, { nullable: true, description: 'null when suppressed or not computable' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Lower bound of the 95% interval, where there is one' })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The count behind the figure (denominator, values averaged, at risk)',
  })
  n!: number | null;

  @Field({ description: 'Hidden to protect small groups (fewer than the threshold)' })
  suppressed!: boolean;
}

@ObjectType({ description: 'A Kaplan–Meier point with at least the threshold at risk' })
export class OutcomeSurvivalPoint {
  @Field(() => Int)
  days!: number;

  @Field(() => Int)
  atRisk!: number;

  @Field(() => Float)
  survival!: number;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;
}

@ObjectType()
export class OutcomeSurvivalCurve {
  @Field(() => GroupType, { nullable: true, description: 'null: all group types' })
  groupType!: GroupType | null;

  @Field(() => [OutcomeSurvivalPoint], { description: 'Points with fewer than the threshold at risk are dropped' })
  points!: OutcomeSurvivalPoint[];
}

@ObjectType({ description: 'Log-rank test of retention across primary group types (current period)' })
export class OutcomeLogRank {
  @Field(() => Float)
  chiSquare!: number;

  @Field(() => Int)
  df!: number;

  @Field(() => Float)
  pValue!: number;
}

@ObjectType({ description: 'A period and its previous period' })
export class OutcomePeriods {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field()
  previousFrom!: string;

  @Field()
  previousTo!: string;

  @Field({ nullable: true, description: 'How the previous period was chosen, in plain words ("the previous quarter")' })
  comparison?: string;

  @Field()
  asOf!: string;
}

@ObjectType({ description: 'The funder outcome report: suppressed aggregates only, whoever asks' })
export class OutcomeReport {
  @Field(() => OutcomePeriods)
  periods!: OutcomePeriods;

  @Field(() => [String], { nullable: true, description: 'The sites covered; null = all sites' })
  siteIds!: string[] | null;

  @Field(() => Int, { description: 'Counts below this (and rates built on them) are suppressed' })
  suppressionThreshold!: number;

  @Field(() => [OutcomeFigure])
  figures!: OutcomeFigure[];

  @Field(() => [OutcomeSurvivalCurve], { description: 'Current period' })
  survivalCurves!: OutcomeSurvivalCurve[];

  @Field(() => OutcomeLogRank, { nullable: true, description: 'null when no test is possible' })
  logRank!: OutcomeLogRank | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the last successful load finished' })
  lastSuccessfulLoadAt!: Date | null;
}

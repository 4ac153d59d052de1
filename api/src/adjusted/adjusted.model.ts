import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EpisodeScopeInfo } from '../episodes';

export enum AdjustedOutcome {
  dropout = 'dropout',
  completion = 'completion',
}
registerEnumType(AdjustedOutcome, {
  name: 'AdjustedOutcome',
  description: 'dropout: Cox model of the retention time; completion: logistic model of completing among discharged',
});

@ObjectType({ description: 'One model coefficient: exp(β) with its 95% Wald interval, z and p' })
export class ModelEstimate {
  @Field({ description: 'The term, e.g. "group type" or "age band"' })
  term!: string;

  @Field({ description: 'The level or column, e.g. "skills" (for group types: the group type)' })
  level!: string;

  @Field({ description: 'R gives NA: constant or a combination of other columns in these data' })
  aliased!: boolean;

  @Field({ description: 'Not estimable: the coefficient runs off to infinity (e.g. no dropouts in that level)' })
  notEstimable!: boolean;

  @Field(() => Float, { nullable: true, description: 'β (log hazard ratio or log odds ratio)' })
  estimate!: number | null;

  @Field(() => Float, { nullable: true })
  se!: number | null;

  @Field(() => Float, { nullable: true, description: 'exp(β): hazard ratio (dropout) or odds ratio (completion)' })
  ratio!: number | null;

  @Field(() => Float, { nullable: true })
  lower!: number | null;

  @Field(() => Float, { nullable: true })
  upper!: number | null;

  @Field(() => Float, { nullable: true })
  z!: number | null;

  @Field(() => Float, { nullable: true })
  pValue!: number | null;
}

@ObjectType({ description: 'A chi-square test' })
export class ModelTest {
  @Field(() => Float)
  statistic!: number;

  @Field(() => Int)
  df!: number;

  @Field(() => Float)
  pValue!: number;
}

@ObjectType({ description: 'Mean scaled Schoenfeld residual of the events in one stretch of follow-up' })
export class ResidualTrendPoint {
  @Field(() => Float, { description: 'Mean Kaplan–Meier transform of time, 1 − S(t−), from 0 to 1' })
  transformedTime!: number;

  @Field(() => Float, { description: 'Mean of β + scaled residual (for a factor: of its combined term, around 1)' })
  residual!: number;

  @Field(() => Int)
  events!: number;
}

@ObjectType({ description: "cox.zph's test of proportional hazards for one term, or GLOBAL" })
export class ProportionalHazardsRow extends ModelTest {
  @Field()
  term!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Where the trend lies when the effect is constant: β, or 1 for a factor; null for GLOBAL',
  })
  constantLevel!: number | null;

  @Field(() => [ResidualTrendPoint], {
    description: 'Scaled Schoenfeld residuals over follow-up, binned; empty for GLOBAL',
  })
  trend!: ResidualTrendPoint[];
}

@ObjectType()
export class CurvePoint {
  @Field(() => Int, { description: 'Days since admission' })
  days!: number;

  @Field(() => Float, { description: 'Share not dropped out' })
  survival!: number;
}

@ObjectType({ description: 'A group type’s adjusted retention curve beside its unadjusted Kaplan–Meier curve' })
export class AdjustedCurveSeries {
  @Field()
  groupType!: string;

  @Field(() => [CurvePoint], { description: 'Direct adjustment to the modelled case mix, at each dropout day' })
  adjusted!: CurvePoint[];

  @Field(() => [CurvePoint], { description: "Kaplan–Meier of the group type's own modelled episodes" })
  unadjusted!: CurvePoint[];
}

@ObjectType({ description: 'Cox model of dropout: group types and covariates' })
export class DropoutModel {
  @Field(() => [ModelEstimate], { description: 'Hazard ratio of each group type against the reference' })
  groupTypes!: ModelEstimate[];

  @Field(() => [ModelEstimate], { description: 'The covariates’ hazard ratios' })
  covariates!: ModelEstimate[];

  @Field(() => Int)
  episodes!: number;

  @Field(() => Int)
  events!: number;

  @Field(() => ModelTest)
  likelihoodRatio!: ModelTest;

  @Field(() => ModelTest)
  wald!: ModelTest;

  @Field(() => ModelTest)
  score!: ModelTest;

  @Field(() => Float, { nullable: true, description: "Harrell's C (R concordance)" })
  concordance!: number | null;

  @Field(() => [ProportionalHazardsRow], { description: 'Per term, then GLOBAL' })
  proportionalHazards!: ProportionalHazardsRow[];

  @Field(() => String, { nullable: true, description: 'Plain words when a PH test has p < 0.05' })
  proportionalHazardsWarning!: string | null;

  @Field(() => [AdjustedCurveSeries])
  curves!: AdjustedCurveSeries[];

  @Field(() => [String])
  notes!: string[];
}

@ObjectType({ description: 'Logistic model of completion among discharged episodes' })
export class CompletionModel {
  @Field({ description: 'False: no estimates (see message), e.g. separation' })
  fitted!: boolean;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => Int)
  episodes!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => [ModelEstimate], { description: 'Odds ratio of completing, each group type against the reference' })
  groupTypes!: ModelEstimate[];

  @Field(() => [ModelEstimate])
  covariates!: ModelEstimate[];

  @Field(() => [String])
  notes!: string[];
}

@ObjectType({ description: 'Group types compared after adjusting for case mix (METRICS.md, "Adjusted comparisons")' })
export class AdjustedComparison {
  @Field(() => EpisodeScopeInfo)
  scope!: EpisodeScopeInfo;

  @Field(() => AdjustedOutcome)
  outcome!: AdjustedOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'The reference group type; null when fewer than two are modelled',
  })
  referenceGroupType!: string | null;

  @Field(() => Int, { description: 'Episodes in scope' })
  episodes!: number;

  @Field(() => Int, { description: 'Left out: no primary group type or no baseline days used' })
  leftOut!: number;

  @Field(() => DropoutModel, {
    nullable: true,
    description: 'outcome dropout; null without two group types and a dropout',
  })
  dropout!: DropoutModel | null;

  @Field(() => CompletionModel, { nullable: true, description: 'outcome completion' })
  completion!: CompletionModel | null;

  @Field(() => [String], { description: 'Why a model is missing, in plain words' })
  notes!: string[];
}

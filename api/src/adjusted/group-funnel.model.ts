import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum FunnelMeasure {
  retention90 = 'retention90',
  completion = 'completion',
  attendance = 'attendance',
}
registerEnumType(FunnelMeasure, {
  name: 'FunnelMeasure',
  description:
    'retention90: retained at 90 days among episodes followed 90 days; completion: completed among discharged; attendance: attended among non-excused rows',
});

export enum FunnelPosition {
  above = 'above',
  within = 'within',
  below = 'below',
}
registerEnumType(FunnelPosition, { name: 'FunnelPosition', description: 'Against the 99.8% limits' });

@ObjectType({ description: 'Control limits at one n' })
export class FunnelLimitsAt {
  @Field(() => Int)
  n!: number;

  @Field(() => Float)
  lower998!: number;

  @Field(() => Float)
  lower95!: number;

  @Field(() => Float)
  upper95!: number;

  @Field(() => Float)
  upper998!: number;
}

@ObjectType({ description: 'One group on the funnel plot' })
export class FunnelGroup extends FunnelLimitsAt {
  @Field()
  groupId!: string;

  @Field()
  groupName!: string;

  @Field()
  groupType!: string;

  @Field()
  siteId!: string;

  @Field(() => Int, { description: 'Numerator' })
  k!: number;

  @Field(() => Float)
  proportion!: number;

  @Field(() => FunnelPosition, { description: 'Outside the 99.8% limits: above or below' })
  position!: FunnelPosition;
}

@ObjectType({ description: 'Funnel plot of groups (Spiegelhalter 2005): proportions against exact binomial limits' })
export class GroupFunnel {
  @Field(() => FunnelMeasure)
  measure!: FunnelMeasure;

  @Field(() => Float, { nullable: true, description: 'Pooled proportion p₀ of the groups shown; null without any' })
  target!: number | null;

  @Field(() => [FunnelGroup], { description: 'Groups with n ≥ 1, largest n first' })
  groups!: FunnelGroup[];

  @Field(() => [FunnelLimitsAt], { description: 'The limits along n, for drawing the funnel' })
  limits!: FunnelLimitsAt[];
}

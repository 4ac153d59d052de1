import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GroupType } from '../filters';

@ObjectType({ description: 'Observed and expected dropouts of one group type in the log-rank test' })
export class LogRankGroupFigures {
  @Field(() => GroupType)
  groupType!: GroupType;

  @Field(() => Int, { description: 'Episodes' })
  episodes!: number;

  @Field(() => Int, { description: 'Observed dropouts' })
  observed!: number;

  @Field(() => Float, { description: 'Expected dropouts under equal retention' })
  expected!: number;
}

@ObjectType({ description: "Log-rank test (R's survdiff, rho = 0) across primary group types" })
export class LogRankComparison {
  @Field(() => Float)
  chiSquare!: number;

  @Field(() => Int, { description: 'Degrees of freedom' })
  df!: number;

  @Field(() => Float)
  pValue!: number;

  @Field(() => [LogRankGroupFigures])
  groups!: LogRankGroupFigures[];
}

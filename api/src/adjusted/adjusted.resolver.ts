import { Args, Query, Resolver } from '@nestjs/graphql';
import { CachedFigures } from '../figure-cache';
import { GroupType, MetricsFilter } from '../filters';
import { AdjustedComparison, AdjustedOutcome } from './adjusted.model';
import { AdjustedComparisonService } from './adjusted.service';

// No @Roles: the default (director and quality) applies; funders never see models.
@Resolver(() => AdjustedComparison)
export class AdjustedComparisonResolver {
  constructor(private readonly service: AdjustedComparisonService) {}

  @CachedFigures()
  @Query(() => AdjustedComparison, {
    description:
      'Group types compared after adjusting for case mix: Cox model of dropout or logistic model of completion',
  })
  adjustedComparison(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
    @Args('referenceGroupType', { type: () => GroupType, nullable: true }) referenceGroupType?: GroupType,
    @Args('outcome', { type: () => AdjustedOutcome, defaultValue: AdjustedOutcome.dropout }) outcome?: AdjustedOutcome,
  ): Promise<AdjustedComparison> {
    return this.service.adjustedComparison(filter, referenceGroupType, outcome ?? AdjustedOutcome.dropout);
  }
}

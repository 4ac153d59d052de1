import { Args, Query, Resolver } from '@nestjs/graphql';
import { CachedFigures } from '../figure-cache';
import { MetricsFilter } from '../filters';
import { CohortTrends } from './cohort-trends.model';
import { CohortTrendsService } from './cohort-trends.service';

@Resolver(() => CohortTrends)
export class CohortTrendsResolver {
  constructor(private readonly service: CohortTrendsService) {}

  @CachedFigures()
  @Query(() => CohortTrends, {
    description:
      'Retention at 30/60/90 days, completion, abstinence at 30 and 90 days by admission month, and the alliance ' +
      'mean by session month, each with its 95% interval',
  })
  cohortTrends(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<CohortTrends> {
    return this.service.trends(filter);
  }
}

import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles';
import { MetricsFilter } from '../filters';
import { EarlyWarningList } from './early-warning.model';
import { DEFAULT_EARLY_WARNING_LIMIT, EarlyWarningService, MAX_EARLY_WARNING_LIMIT } from './early-warning.service';
import { CachedFigures } from '../figure-cache';

// Participant IDs of people who need help now: directors only (quality sees aggregates only).
@Roles('director')
@Resolver(() => EarlyWarningList)
export class EarlyWarningResolver {
  constructor(private readonly service: EarlyWarningService) {}

  @CachedFigures()
  @Query(() => EarlyWarningList, {
    description:
      'Episodes open at asOf with an early-warning reason (METRICS.md), most reasons first. Only filter.asOf and filter.siteIds (the episode site) apply.',
  })
  earlyWarning(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter: MetricsFilter | undefined,
    @Args('limit', {
      type: () => Int,
      defaultValue: DEFAULT_EARLY_WARNING_LIMIT,
      description: `How many at-risk episodes to list, 1 to ${MAX_EARLY_WARNING_LIMIT}`,
    })
    limit: number,
  ): Promise<EarlyWarningList> {
    return this.service.atRisk(filter, limit);
  }
}

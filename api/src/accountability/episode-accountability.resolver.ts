import { Args, Query, Resolver } from '@nestjs/graphql';
import { MetricsFilter } from '../filters';
import { EpisodeAccountabilityReport } from './episode-accountability.model';
import { EpisodeAccountabilityService } from './episode-accountability.service';
import { CachedFigures } from '../figure-cache';

@Resolver(() => EpisodeAccountabilityReport)
export class EpisodeAccountabilityResolver {
  constructor(private readonly service: EpisodeAccountabilityService) {}

  @CachedFigures()
  @Query(() => EpisodeAccountabilityReport, {
    description: 'Check-in adherence and goal attainment of the episodes admitted in the period',
  })
  episodeAccountability(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<EpisodeAccountabilityReport> {
    return this.service.episodeAccountability(filter);
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { MetricsFilter } from '../filters';
import { ProgramOverview } from './overview.model';
import { OverviewService } from './overview.service';
import { CachedFigures } from '../figure-cache';

@Resolver(() => ProgramOverview)
export class OverviewResolver {
  constructor(private readonly service: OverviewService) {}

  @CachedFigures()
  @Query(() => ProgramOverview, {
    description:
      'Admissions, discharges, open episodes, participants served and sessions held, against the previous period',
  })
  programOverview(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<ProgramOverview> {
    return this.service.overview(filter);
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { CachedFigures } from '../figure-cache';
import { MetricsFilter } from '../filters';
import { FunnelMeasure, GroupFunnel } from './group-funnel.model';
import { GroupFunnelService } from './group-funnel.service';

// No @Roles: the default (director and quality) applies.
@Resolver(() => GroupFunnel)
export class GroupFunnelResolver {
  constructor(private readonly service: GroupFunnelService) {}

  @CachedFigures()
  @Query(() => GroupFunnel, { description: 'Funnel plot of groups for one proportion, with exact binomial limits' })
  groupFunnel(
    @Args('measure', { type: () => FunnelMeasure }) measure: FunnelMeasure,
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<GroupFunnel> {
    return this.service.groupFunnel(filter, measure);
  }
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { GroupType, MetricsFilter } from '../filters';
import { DrilldownGroups, DrilldownSessions } from './drilldown.model';
import { DrilldownService } from './drilldown.service';
import { CachedFigures } from '../figure-cache';

@Resolver()
export class DrilldownResolver {
  constructor(private readonly service: DrilldownService) {}

  @CachedFigures()
  @Query(() => DrilldownGroups, { description: 'Drill-down: the groups of one group type, with their figures' })
  drilldownGroups(
    @Args('groupType', { type: () => GroupType }) groupType: GroupType,
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<DrilldownGroups> {
    return this.service.groups(groupType, filter);
  }

  @CachedFigures()
  @Query(() => DrilldownSessions, { description: 'Drill-down: the sessions of one group, with their figures' })
  drilldownSessions(
    @Args('groupId', { type: () => String }) groupId: string,
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<DrilldownSessions> {
    return this.service.sessions(groupId, filter);
  }
}

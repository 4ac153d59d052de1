import { Args, Query, Resolver } from '@nestjs/graphql';
import { MetricsFilter } from '../filters';
import { SobrietyReport } from './sobriety.model';
import { SobrietyService } from './sobriety.service';
import { CachedFigures } from '../figure-cache';

@Resolver(() => SobrietyReport)
export class SobrietyResolver {
  constructor(private readonly service: SobrietyService) {}

  @CachedFigures()
  @Query(() => SobrietyReport, {
    description: 'Percent days abstinent, change from baseline, abstinence at 30/60/90 days, craving trend',
  })
  sobriety(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<SobrietyReport> {
    return this.service.sobriety(filter);
  }
}

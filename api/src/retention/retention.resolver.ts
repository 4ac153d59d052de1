import { Args, Query, Resolver } from '@nestjs/graphql';
import { MetricsFilter } from '../filters';
import { RetentionReport } from './retention.model';
import { RetentionService } from './retention.service';
import { CachedFigures } from '../figure-cache';

@Resolver(() => RetentionReport)
export class RetentionResolver {
  constructor(private readonly service: RetentionService) {}

  @CachedFigures()
  @Query(() => RetentionReport, {
    description: 'Kaplan–Meier retention, milestones, median, log-rank, completion and length of stay',
  })
  retention(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<RetentionReport> {
    return this.service.retention(filter);
  }
}

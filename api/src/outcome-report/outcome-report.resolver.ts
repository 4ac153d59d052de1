import { Args, Query, Resolver } from '@nestjs/graphql';
import { Roles, ROLES } from '../auth/roles';
import { MetricsFilter } from '../filters';
import { OutcomeReport } from './outcome-report.model';
import { OutcomeReportService } from './outcome-report.service';
import { CachedFigures } from '../figure-cache';

// Suppressed aggregates only, so every role may have it: it is the funders' whole view.
@Roles(...ROLES)
@Resolver(() => OutcomeReport)
export class OutcomeReportResolver {
  constructor(private readonly service: OutcomeReportService) {}

  // Six reports for each of two periods (eleven statements, the overview shared) and the last load.
  @CachedFigures({ cost: 12 })
  @Query(() => OutcomeReport, {
    description: 'Outcome report for a period against the previous period of equal length, small cells suppressed',
  })
  outcomeReport(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<OutcomeReport> {
    return this.service.report(filter);
  }
}

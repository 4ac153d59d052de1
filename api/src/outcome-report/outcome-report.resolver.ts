import { Args, Query, Resolver } from '@nestjs/graphql';
import { MetricsFilter } from '../filters';
import { OutcomeReport } from './outcome-report.model';
import { OUTCOME_REPORT_COST, OutcomeReportService } from './outcome-report.service';
import { CachedFigures } from '../figure-cache';

// The clinical roles' report of any period (default roles): funders hold published releases only,
// since answers to free queries could be subtracted from each other (see releases/).
@Resolver(() => OutcomeReport)
export class OutcomeReportResolver {
  constructor(private readonly service: OutcomeReportService) {}

  @CachedFigures({ cost: OUTCOME_REPORT_COST })
  @Query(() => OutcomeReport, {
    description: 'Outcome report for a period against the previous period of equal length, small cells suppressed',
  })
  outcomeReport(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<OutcomeReport> {
    return this.service.report(filter);
  }
}

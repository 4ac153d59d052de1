import { Args, Query, Resolver } from '@nestjs/graphql';
import { MetricsFilter } from '../filters';
import { SessionFeedbackReport } from './session-feedback.model';
import { SessionFeedbackService } from './session-feedback.service';
import { CachedFigures } from '../figure-cache';

@Resolver(() => SessionFeedbackReport)
export class SessionFeedbackResolver {
  constructor(private readonly feedbackService: SessionFeedbackService) {}

  @CachedFigures()
  @Query(() => SessionFeedbackReport, {
    description: 'Session feedback of the sessions in scope: mean score, item means, alliance flag rate',
  })
  sessionFeedback(
    @Args('filter', { type: () => MetricsFilter, nullable: true }) filter?: MetricsFilter,
  ): Promise<SessionFeedbackReport> {
    return this.feedbackService.feedback(filter);
  }
}

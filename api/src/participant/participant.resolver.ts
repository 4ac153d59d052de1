import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/roles';
import { MetricsFilter } from '../filters';
import { ParticipantActivity } from './participant.model';
import { DEFAULT_PARTICIPANT_ROWS, MAX_PARTICIPANT_ROWS, ParticipantService } from './participant.service';

// One named person's record: directors only, like the at-risk list that links here.
@Roles('director')
@Resolver(() => ParticipantActivity)
export class ParticipantResolver {
  constructor(private readonly service: ParticipantService) {}

  @Query(() => ParticipantActivity, {
    description:
      "A participant's recent attendance rows and sobriety check-ins up to asOf, at the sites in scope (the reader's at most)",
  })
  participantActivity(
    @Args('participantId') participantId: string,
    @Args('filter', {
      type: () => MetricsFilter,
      nullable: true,
      description: 'Only filter.asOf and filter.siteIds apply',
    })
    filter: MetricsFilter | undefined,
    @Args('rows', {
      type: () => Int,
      defaultValue: DEFAULT_PARTICIPANT_ROWS,
      description: `How many sessions and check-ins to list, 1 to ${MAX_PARTICIPANT_ROWS}`,
    })
    rows: number,
  ): Promise<ParticipantActivity> {
    return this.service.activity(participantId, filter, rows);
  }
}
